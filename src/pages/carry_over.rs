//! The carry-over ledger of each employer over its reference period: the credit and when it
//! lapses, a chart and a table year by year, and the rules its figures break.

use leptos::prelude::*;

use crate::api::dto::{CarryOver, LedgerItem, Me};
use crate::api::resources;
use crate::components::clock::this_year;
use crate::components::data_table::table_into;
use crate::components::figure_card::card_into;
use crate::components::language::{texts, tr};
use crate::components::ledger_chart::chart_into;
use crate::components::loaded::{loaded, Remote};
use crate::components::unit_choice::{UnitChoice, UnitSwitcher};
use crate::domain::figures::Ledger;
use crate::domain::profile::employer_name;
use crate::domain::{cards, chart, ledger_table};
use crate::i18n::{fill, Texts};
use crate::markup::Html;

#[component]
pub fn CarryOverPage() -> impl IntoView {
    let me = expect_context::<Remote<Me>>();
    let units = expect_context::<UnitChoice>();
    let ledger = Remote::new(resources::carry_over());
    view! {
        <h1>{tr(|t| t.what_ledger)}</h1>
        <p class="lead">{tr(|t| t.ledger_intro)}</p>
        {loaded(ledger, |t| t.what_ledger, "placeholder-employer", move |c: CarryOver| {
            // names from the profile once it is there, else the employer's id
            let me = me.get().and_then(Result::ok);
            let names: Vec<String> = c
                .items
                .iter()
                .map(|item| employer_name(me.as_ref(), &item.employer_id).unwrap_or(&item.employer_id).to_string())
                .collect();
            // never changes once shown, but for the unit and the language: one string (see markup)
            let t = texts();
            view! {
                <UnitSwitcher t />
                <div inner_html=page(t, units.get(), &c.items, &names)></div>
            }
        })}
    }
}

/// Each employer's credit, chart and table, then the check of every employer's figures.
fn page(t: &Texts, prefer: Option<crate::api::dto::Unit>, items: &[LedgerItem], names: &[String]) -> String {
    let mut html = Html::new();
    if items.is_empty() {
        html.el("p", &[], t.no_ledger);
        return html.finish();
    }
    let mut check = Html::new();
    check.open("section", &[("class", "check"), ("data-testid", "check")]).el("h2", &[], t.check_title);
    for (item, name) in items.iter().zip(names) {
        let mut credit = cards::ledger(t, this_year(), std::slice::from_ref(item), &item.employer_id, true).remove(0);
        let findings = std::mem::take(&mut credit.findings);
        if findings.is_empty() {
            check.el("p", &[], &fill(t.check_ok, &[name]));
        } else {
            check.open("div", &[("class", "panel panel-warning")]).el("h3", &[("translate", "no")], name);
            check.el("p", &[], t.findings_title).open("ul", &[]);
            for f in &findings {
                check.el("li", &[], f);
            }
            check.close("ul").close("div");
        }
        html.open("section", &[("class", "employer"), ("data-testid", "ledger"), ("aria-label", name)])
            .el("h2", &[("translate", "no")], name)
            .open("div", &[("class", "cards cards-one")])
            .open("section", &[("class", "card"), ("data-testid", credit.id)]);
        card_into(&mut html, t, prefer, credit);
        html.close("section").close("div");
        if let Ok(l) = Ledger::from_item(item) {
            let (rows, unit) = ledger_table::rows_in(&l, prefer);
            let unit = ledger_table::unit_name(t, &unit);
            chart_into(&mut html, t, &chart::layout(&rows), &fill(t.chart_label, &[unit]));
            let (head, body) = ledger_table::table(t, &rows);
            table_into(&mut html, &fill(t.ledger_caption, &[unit]), &head, &body);
        }
        html.close("section");
    }
    html.finish() + &check.close("section").finish()
}
