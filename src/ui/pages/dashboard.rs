//! One year's figures (this year, or `?year=` from the address) for all employers, together
//! where their units allow, and each on its own, or for one (`?employer=`, which also filters
//! the training history under them).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::client::resources;
use crate::contract::ApiError;
use crate::contract::{CarryOver, Date, Me, Unit};
use crate::domain::history_filter::Filter;
use crate::domain::ids::ssin_masked;
use crate::domain::years;
use crate::i18n::{fill, Texts};
use crate::present::cards;
use crate::present::combined::combined;
use crate::present::format::date;
use crate::present::markup::Html;
use crate::ui::address::year_in;
use crate::ui::choices::choices_into;
use crate::ui::clicked::clicked;
use crate::ui::clock::this_year;
use crate::ui::data_table::table_into;
use crate::ui::employer_header::employer_header_into;
use crate::ui::figure_card::cards_into;
use crate::ui::focus;
use crate::ui::keep_a_copy::KeepACopy;
use crate::ui::language::{text_of, texts};
use crate::ui::loaded::{error_into, loaded, placeholder_into, Remote, What};
use crate::ui::notices::notices_into;
use crate::ui::training_history::TrainingHistory;
use crate::ui::unit_choice::{UnitChoice, UnitSwitcher};

#[component]
pub fn Dashboard() -> impl IntoView {
    let this_year = this_year();
    let query = use_query_map();
    // each a memo of the address: a change elsewhere in it (a history filter) changes neither, so
    // the year's figures are neither fetched nor drawn again for it
    let year = Memo::new(move |_| year_in(query, "year").unwrap_or(this_year));
    let employer = Memo::new(move |_| query.read().get("employer"));
    focus::on_change(Box::new(move || year.get().to_string()), "main");
    // the profile is the app's (see app.rs) and the ledger spans all years: both are fetched once
    let me = expect_context::<Remote<Me>>();
    let ledger = Remote::new(resources::carry_over());
    let figures = move || {
        let year = year.get();
        view! {
            <h1>{text_of(Box::new(move |t| fill(t.dashboard_title, &[&year.to_string()])))}</h1>
            {year_figures(me, ledger, employer, this_year, year)}
        }
    };
    view! {
        {figures}
        <TrainingHistory this_year query />
        <KeepACopy this_year />
    }
}

/// The year's figures: the year's own resources start at once, each shows its own state.
fn year_figures(
    me: Remote<Me>,
    ledger: Remote<CarryOver>,
    employer: Memo<Option<String>>,
    this_year: i32,
    year: i32,
) -> impl IntoView {
    let entitlements = Remote::new(resources::entitlements(year));
    let attendance = Remote::new(resources::attendance(year));
    let units = expect_context::<UnitChoice>();
    let employers = move |me: Me| {
        let t = texts();
        // one employer from the address, when it is one of the person's
        let only = employer.get().filter(|id| me.employers.iter().any(|e| e.id == *id));
        let link = |employer: Option<&str>, year: i32| {
            Filter { employer: employer.map(Into::into), ..Filter::default() }.address(years::address(Some(year), None))
        };
        let as_of = me.as_of.as_deref().and_then(|s| s.get(0..10)).and_then(Date::parse);
        // read here, so the notices follow the ledger when it arrives after the profile
        let ledger_items = ledger.get().and_then(Result::ok).map(|l| l.items).unwrap_or_default();
        // who, the notices and the years: one string (see markup)
        let mut head = Html::new();
        head.open("p", &[("class", "person")]);
        head.el(
            "span",
            &[("class", "person-name"), ("translate", "no")],
            &format!("{} {}", me.given_name, me.family_name),
        );
        head.open("span", &[("class", "muted")]).text(" · ").text(t.ssin).text(" ");
        head.el("span", &[("class", "nowrap")], &ssin_masked(&me.ssin)).close("span");
        if let Some(d) = as_of {
            head.el("span", &[("class", "muted")], &format!(" · {}", fill(t.as_of, &[&date(t, d)])));
        }
        head.close("p");
        notices_into(&mut head, t, &me, &ledger_items);
        let choices: Vec<_> = years::on_record(&me.sources, this_year, year)
            .into_iter()
            .map(|y| (link(only.as_deref(), y), y.to_string(), y == year))
            .collect();
        choices_into(&mut head, t.years, &choices);
        // all employers or one, when there is more than one
        if me.employers.len() > 1 {
            let mut choices = vec![(link(None, year), t.all_employers.to_string(), only.is_none())];
            for e in &me.employers {
                choices.push((link(Some(&e.id), year), e.name.clone(), only.as_ref() == Some(&e.id)));
            }
            choices_into(&mut head, t.employers, &choices);
        }
        // the figures of the year: each part shows its own state, all of them one string (see
        // markup) rebuilt as each resource arrives; a part's retry button says which resource
        let employers = me.employers;
        let figures = move || {
            let (t, prefer) = (texts(), units.get());
            let (e, a, l) = (entitlements.get(), attendance.get(), ledger.get());
            let mut html = Html::new();
            if let (None, Some(Ok(e)), Some(Ok(a)), Some(Ok(l))) = (&only, &e, &a, &l) {
                if let Some(c) = combined(t, year, prefer, &employers, &e.items, &a.items, &l.items) {
                    let class = if c.apart.is_some() { "combined" } else { "combined with-sum" };
                    html.open("section", &[("class", class), ("data-testid", "combined")]);
                    table_into(&mut html, &c.caption, &c.head, &c.rows);
                    if let Some(apart) = c.apart {
                        html.el("p", &[("class", "muted")], apart);
                    }
                    html.close("section");
                }
            }
            for employer in employers.iter().filter(|e| only.as_ref().is_none_or(|o| *o == e.id)) {
                let id = &employer.id;
                let past = cards::past_employment(t, &employer.employment, year);
                html.open("section", &[("class", "employer"), ("aria-label", &employer.name)]);
                employer_header_into(&mut html, t, employer, past.as_deref());
                html.open("div", &[("class", "cards")]);
                if past.is_none() {
                    part(
                        &mut html,
                        t,
                        prefer,
                        &e,
                        |t| t.what_right,
                        "right",
                        |e| vec![cards::entitled(t, year, &e.items, id)],
                    );
                    part(
                        &mut html,
                        t,
                        prefer,
                        &a,
                        |t| t.what_attended,
                        "attended",
                        |a| vec![cards::attended(t, year, &a.items, id)],
                    );
                }
                part(
                    &mut html,
                    t,
                    prefer,
                    &l,
                    |t| t.what_ledger,
                    "ledger",
                    |l| cards::ledger(t, year, &l.items, id, past.is_some()),
                );
                html.close("div").close("section");
            }
            html.finish()
        };
        let retry = move |ev: leptos::ev::MouseEvent| match clicked(&ev, "data-retry").as_deref() {
            Some("right") => entitlements.refetch(),
            Some("attended") => attendance.refetch(),
            Some("ledger") => ledger.refetch(),
            _ => {}
        };
        view! {
            <div inner_html=head.finish()></div>
            <UnitSwitcher />
            <div on:click=retry inner_html=figures></div>
        }
    };
    loaded(me, |t| t.what_profile, "placeholder-employer", employers)
}

/// One resource's cards, or its placeholder while it loads, or its error with a retry button.
fn part<T>(
    html: &mut Html,
    t: &'static Texts,
    prefer: Option<Unit>,
    state: &Option<Result<T, ApiError>>,
    what: What,
    retry: &str,
    cards: impl FnOnce(&T) -> Vec<cards::Card>,
) {
    match state {
        None => placeholder_into(html, t, "placeholder-card"),
        Some(Err(error)) => error_into(html, t, what, error, retry),
        Some(Ok(value)) => cards_into(html, t, prefer, cards(value)),
    }
}
