//! This year's figures for each employer, with the training history under them.

use leptos::prelude::*;

use crate::api::dto::{Attendance, CarryOver, Entitlements, Me};
use crate::api::resources;
use crate::components::employer_header::EmployerHeader;
use crate::components::figure_card::FigureCard;
use crate::components::loaded::{loaded, Remote};
use crate::components::training_history::TrainingHistory;
use crate::domain::cards;
use crate::domain::figures::{Attended, Entitled, Ledger};
use crate::domain::format::date;
use crate::domain::ids::ssin_masked;
use chrono::Datelike;

fn current_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let year = current_year();
    // all four start at once; each shows its own state
    let me = Remote::new(resources::me());
    let entitlements = Remote::new(resources::entitlements(year));
    let attendance = Remote::new(resources::attendance(year));
    let ledger = Remote::new(resources::carry_over());

    let employers = move |me: Me| {
        let person = format!("{} {}", me.given_name, me.family_name);
        let as_of = me.as_of.as_deref().and_then(|t| t.get(0..10)).and_then(crate::api::dto::Date::parse);
        view! {
            <p class="person">
                <span class="person-name">{person}</span>
                <span class="muted">" · National register number " {ssin_masked(&me.ssin)}</span>
                {as_of.map(|d| view! { <span class="muted">" · Figures as of " {date(d)}</span> })}
            </p>
            {me.employers.into_iter().map(|employer| {
                let id = employer.id.clone();
                let (id1, id2, id3) = (id.clone(), id.clone(), id);
                let name = employer.name.clone();
                // an employment that ended before this year only has a balance left to show
                let ended = employer.employment.end_date.filter(|d| d.0.year() < year);
                let this_year = ended.is_none().then(|| view! {
                    {loaded(entitlements, format!("Entitled in {year}"), "placeholder-card", move |e: Entitlements| {
                        let figure = e.items.iter().find(|i| i.employer_id == id1).map(Entitled::from_item);
                        view! { <FigureCard card=cards::entitled(year, figure) /> }
                    })}
                    {loaded(attendance, format!("Attended in {year}"), "placeholder-card", move |a: Attendance| {
                        let figure = a.items.iter().find(|i| i.employer_id == id2).map(Attended::from_item);
                        view! { <FigureCard card=cards::attended(year, figure) /> }
                    })}
                });
                view! {
                    <section class="employer" aria-label=name>
                        <EmployerHeader employer />
                        {ended.map(|d| view! {
                            <p>{format!("This employment ended on {}, before {year}: only the balance it left is shown.", date(d))}</p>
                        })}
                        <div class="cards">
                            {this_year}
                            {loaded(ledger, "Carry-over and training credit".into(), "placeholder-card", move |l: CarryOver| {
                                let figure = l.items.iter().find(|i| i.employer_id == id3).map(Ledger::from_item);
                                let cards = cards::ledger(year, figure).into_iter();
                                cards.filter(|c| ended.is_none() || c.id == "credit").map(|card| view! { <FigureCard card /> }).collect_view()
                            })}
                        </div>
                    </section>
                }
            }).collect_view()}
        }
    };

    view! {
        <h1>{format!("Your training account in {year}")}</h1>
        {loaded(me, "Your profile and employers".into(), "placeholder-employer", employers)}
        <TrainingHistory />
    }
}
