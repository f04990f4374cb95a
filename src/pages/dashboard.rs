//! One year's figures for each employer (this year, or `?year=` from the address), with the
//! training history under them.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::dto::{Attendance, CarryOver, Date, Entitlements, Me};
use crate::api::resources;
use crate::components::address::year_in;
use crate::components::choices::choices_into;
use crate::components::clock::this_year;
use crate::components::employer_header::employer_header_html;
use crate::components::figure_card::figure_cards;
use crate::components::focus;
use crate::components::keep_a_copy::KeepACopy;
use crate::components::language::{text_of, texts};
use crate::components::loaded::{loaded, Remote};
use crate::components::notices::notices_into;
use crate::components::training_history::TrainingHistory;
use crate::components::unit_choice::{UnitChoice, UnitSwitcher};
use crate::domain::format::date;
use crate::domain::ids::ssin_masked;
use crate::domain::{cards, years};
use crate::i18n::fill;
use crate::markup::Html;

#[component]
pub fn Dashboard() -> impl IntoView {
    let this_year = this_year();
    let query = use_query_map();
    let year = move || year_in(query, "year").unwrap_or(this_year);
    focus::on_change(Box::new(move || year().to_string()), "main");
    // the profile is the app's (see app.rs) and the ledger spans all years: both are fetched once
    let me = expect_context::<Remote<Me>>();
    let ledger = Remote::new(resources::carry_over());
    let figures = move || {
        let year = year();
        view! {
            <h1>{text_of(Box::new(move |t| fill(t.dashboard_title, &[&year.to_string()])))}</h1>
            {year_figures(me, ledger, this_year, year)}
        }
    };
    view! {
        {figures}
        <TrainingHistory this_year query />
        <KeepACopy this_year />
    }
}

/// The year's figures: the year's own resources start at once, each shows its own state.
fn year_figures(me: Remote<Me>, ledger: Remote<CarryOver>, this_year: i32, year: i32) -> impl IntoView {
    let entitlements = Remote::new(resources::entitlements(year));
    let attendance = Remote::new(resources::attendance(year));
    let units = expect_context::<UnitChoice>();
    let employers = move |me: Me| {
        let t = texts();
        let as_of = me.as_of.as_deref().and_then(|s| s.get(0..10)).and_then(Date::parse);
        // read here, so the notices follow the ledger when it arrives after the profile
        let ledger_items = ledger.get().and_then(Result::ok).map(|l| l.items).unwrap_or_default();
        // who, the notices and the years: one string (see markup)
        let mut head = Html::new();
        head.open("p", &[("class", "person")]);
        head.el("span", &[("class", "person-name"), ("translate", "no")], &format!("{} {}", me.given_name, me.family_name));
        head.open("span", &[("class", "muted")]).text(" · ").text(t.ssin).text(" ");
        head.el("span", &[("class", "nowrap")], &ssin_masked(&me.ssin)).close("span");
        if let Some(d) = as_of {
            head.el("span", &[("class", "muted")], &format!(" · {}", fill(t.as_of, &[&date(t, d)])));
        }
        head.close("p");
        notices_into(&mut head, t, &me, &ledger_items);
        let choices: Vec<_> = years::on_record(&me.sources, this_year, year)
            .into_iter()
            .map(|y| (years::address(Some(y), None), y.to_string(), y == year))
            .collect();
        choices_into(&mut head, t.years, &choices);
        view! {
            <div inner_html=head.finish()></div>
            <UnitSwitcher t />
            {me.employers.into_iter().map(|employer| {
                let (id1, id2, id3) = (employer.id.clone(), employer.id.clone(), employer.id.clone());
                let name = employer.name.clone();
                let past = cards::past_employment(t, &employer.employment, year);
                let is_past = past.is_some();
                let this_year = (!is_past).then(|| view! {
                    {loaded(entitlements, |t| t.what_right, "placeholder-card", move |e: Entitlements| {
                        let (t, prefer) = (texts(), units.get());
                        figure_cards(t, prefer, vec![cards::entitled(t, year, &e.items, &id1)])
                    })}
                    {loaded(attendance, |t| t.what_attended, "placeholder-card", move |a: Attendance| {
                        let (t, prefer) = (texts(), units.get());
                        figure_cards(t, prefer, vec![cards::attended(t, year, &a.items, &id2)])
                    })}
                });
                view! {
                    <section class="employer" aria-label=name>
                        <div inner_html=employer_header_html(t, &employer, past.as_deref())></div>
                        <div class="cards">
                            {this_year}
                            {loaded(ledger, |t| t.what_ledger, "placeholder-card", move |l: CarryOver| {
                                let (t, prefer) = (texts(), units.get());
                                figure_cards(t, prefer, cards::ledger(t, year, &l.items, &id3, is_past))
                            })}
                        </div>
                    </section>
                }
            }).collect_view()}
        }
    };
    loaded(me, |t| t.what_profile, "placeholder-employer", employers)
}
