//! The carry-over ledger of each employer over its reference period: the credit and when it
//! lapses, a chart and a table year by year, and the rules its figures break, among them
//! whether the trainings listed add up to each year's attended total.

use leptos::either::Either;
use leptos::prelude::*;

use crate::client::resources;
use crate::contract::CarryOver;
use crate::ui::employer_ledger::EmployerLedger;
use crate::ui::language::tr;
use crate::ui::ledger_check::LedgerCheck;
use crate::ui::loaded::{loaded, Remote};
use crate::ui::unit_choice::UnitSwitcher;

#[component]
pub fn CarryOverPage() -> impl IntoView {
    let ledger = Remote::new(resources::carry_over());
    // every training on record, for the check of the attended totals
    let listed = Remote::whole_history();
    view! {
        <h1>{tr(|t| t.what_ledger)}</h1>
        <p class="lead">{tr(|t| t.ledger_intro)}</p>
        <UnitSwitcher />
        {loaded(ledger, |t| t.what_ledger, "placeholder-employer", move |c: CarryOver| {
            let body = match c.items.is_empty() {
                true => Either::Left(view! { <p>{tr(|t| t.no_ledger)}</p> }),
                false => Either::Right(view! {
                    {c.items.iter().map(|item| view! { <EmployerLedger item=item.clone() /> }).collect_view()}
                    <LedgerCheck items=c.items listed />
                }),
            };
            view! { <div>{body}</div> }
        })}
    }
}
