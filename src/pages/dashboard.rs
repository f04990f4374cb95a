//! This year's figures for each employer, with the training history under them.

use leptos::prelude::*;

use crate::api::dto::{Attendance, CarryOver, Entitlements, Me};
use crate::api::resources;
use crate::components::employer_header::EmployerHeader;
use crate::components::figure_card::FigureCard;
use crate::components::loaded::{loaded, Remote};
use crate::components::training_history::TrainingHistory;
use crate::domain::cards;
use crate::domain::format::date;
use crate::domain::ids::ssin_masked;

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
                let (id1, id2, id3) = (employer.id.clone(), employer.id.clone(), employer.id.clone());
                let name = employer.name.clone();
                let past = cards::past_employment(&employer.employment, year);
                let is_past = past.is_some();
                let this_year = (!is_past).then(|| view! {
                    {loaded(entitlements, format!("Entitled in {year}"), "placeholder-card", move |e: Entitlements| {
                        view! { <FigureCard card=cards::entitled(year, &e.items, &id1) /> }
                    })}
                    {loaded(attendance, format!("Attended in {year}"), "placeholder-card", move |a: Attendance| {
                        view! { <FigureCard card=cards::attended(year, &a.items, &id2) /> }
                    })}
                });
                view! {
                    <section class="employer" aria-label=name>
                        <EmployerHeader employer />
                        {past.map(|text| view! { <p>{text}</p> })}
                        <div class="cards">
                            {this_year}
                            {loaded(ledger, "Carry-over and training credit".into(), "placeholder-card", move |l: CarryOver| {
                                let cards = cards::ledger(year, &l.items, &id3, is_past);
                                cards.into_iter().map(|card| view! { <FigureCard card /> }).collect_view()
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
