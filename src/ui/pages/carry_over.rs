//! The carry-over ledger of each employer over its reference period: the credit and when it
//! lapses, a chart and a table year by year, and the rules its figures break, among them
//! whether the trainings listed add up to each year's attended total.

use leptos::prelude::*;

use crate::client::{resources, ApiError};
use crate::contract::{CarryOver, LedgerItem, Me, Training};
use crate::domain::figures::Ledger;
use crate::domain::listed_totals;
use crate::i18n::{fill, Texts};
use crate::present::findings::finding;
use crate::present::markup::Html;
use crate::present::profile::employer_name;
use crate::present::{cards, chart, ledger_table};
use crate::ui::clock::this_year;
use crate::ui::data_table::table_into;
use crate::ui::figure_card::card_into;
use crate::ui::language::{texts, tr};
use crate::ui::ledger_chart::chart_into;
use crate::ui::loaded::{loaded, Remote};
use crate::ui::unit_choice::{UnitChoice, UnitSwitcher};

#[component]
pub fn CarryOverPage() -> impl IntoView {
    let me = expect_context::<Remote<Me>>();
    let units = expect_context::<UnitChoice>();
    let ledger = Remote::new(resources::carry_over());
    // every training on record, for the check of the attended totals
    let listed = Remote::whole_history();
    view! {
        <h1>{tr(|t| t.what_ledger)}</h1>
        <p class="lead">{tr(|t| t.ledger_intro)}</p>
        <UnitSwitcher />
        {loaded(ledger, |t| t.what_ledger, "placeholder-employer", move |c: CarryOver| {
            // tables, a chart and findings, no control: markup (see `figure_card`), made again
            // for another unit or language, for the profile's names and for the trainings listed
            let html = move || {
                let me = me.ok();
                let names: Vec<String> = c
                    .items
                    .iter()
                    .map(|item| employer_name(me.as_ref(), &item.employer_id).unwrap_or(&item.employer_id).to_string())
                    .collect();
                listed.with(|listed| {
                    let listed = listed.map(|r| r.as_ref().map(Vec::as_slice));
                    page(texts(), units.get(), &c.items, &names, listed)
                })
            };
            view! { <div inner_html=html></div> }
        })}
    }
}

/// Each employer's credit, chart and table, then the check of every employer's figures (with the
/// trainings listed, `None` while they load).
fn page(
    t: &Texts,
    prefer: Option<crate::contract::Unit>,
    items: &[LedgerItem],
    names: &[String],
    listed: Option<Result<&[Training], &ApiError>>,
) -> String {
    let mut html = Html::new();
    if items.is_empty() {
        html.el("p", &[], t.no_ledger);
        return html.finish();
    }
    let mut check = Html::new();
    check.open("section", &[("class", "check"), ("data-testid", "check")]).el("h2", &[], t.check_title);
    for (item, name) in items.iter().zip(names) {
        let mut credit = cards::ledger(t, this_year(), std::slice::from_ref(item), &item.employer_id, true).remove(0);
        let mut findings = std::mem::take(&mut credit.findings);
        let ledger = Ledger::from_item(item).ok();
        if let (Some(l), Some(Ok(trainings))) = (&ledger, listed) {
            findings
                .extend(listed_totals::compare(l, &item.employer_id, trainings).iter().map(|f| finding(t, f, &l.unit)));
        }
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
        if let Some(l) = ledger {
            let (rows, unit) = ledger_table::rows_in(&l, prefer);
            let unit = ledger_table::unit_name(t, &unit);
            chart_into(&mut html, t, &chart::layout(&rows), &fill(t.chart_label, &[unit]));
            let (head, body) = ledger_table::table(t, &rows);
            table_into(&mut html, &fill(t.ledger_caption, &[unit]), &head, &body);
        }
        html.close("section");
    }
    match listed {
        None => check.el("p", &[("class", "muted"), ("role", "status")], t.listed_wait),
        Some(Err(_)) => check.el("p", &[("class", "muted")], t.listed_failed),
        Some(Ok(_)) => &mut check,
    };
    html.finish() + &check.close("section").finish()
}
