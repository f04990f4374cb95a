//! One employer's carry-over ledger: its credit now, and its years as a chart and a table in the
//! unit the person prefers. The name follows the profile, the years the unit, each on its own.

use leptos::prelude::*;

use crate::contract::{LedgerItem, Me};
use crate::present::carry_over::{credit, years, LedgerYears};
use crate::present::profile::employer_name;
use crate::ui::clock::this_year;
use crate::ui::data_table::DataTable;
use crate::ui::figure_card::FigureCard;
use crate::ui::language::texts;
use crate::ui::ledger_chart::LedgerChart;
use crate::ui::loaded::Remote;
use crate::ui::unit_choice::UnitChoice;

#[component]
pub fn EmployerLedger(item: LedgerItem) -> impl IntoView {
    let me = expect_context::<Remote<Me>>();
    let units = expect_context::<UnitChoice>();
    // the employer's name once the profile is there, its id before
    let name = {
        let id = item.employer_id.clone();
        Memo::new(move |_| me.with_ok(|m| employer_name(m, &id).unwrap_or(&id).to_string()))
    };
    let card = {
        let item = item.clone();
        move || view! { <FigureCard card=credit(texts(), this_year(), &item) /> }
    };
    let years = move || {
        years(texts(), &item, units.get()).map(|LedgerYears { chart, ticks, chart_label, caption, head, rows }| {
            view! {
                <LedgerChart chart ticks label=chart_label />
                <DataTable caption head rows />
            }
        })
    };
    view! {
        <section class="employer" data-testid="ledger" aria-label=name>
            <h2 translate="no">{name}</h2>
            <div class="cards cards-one">{card}</div>
            {years}
        </section>
    }
}
