//! One year's figures (this year, or `?year=` from the address) for all employers, together
//! where their units allow, and each on its own, or for one (`?employer=`, which also filters
//! the training history under them).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::client::resources;
use crate::contract::ApiError;
use crate::contract::{Attendance, CarryOver, Employer, Entitlements, Me};
use crate::domain::history_filter::Filter;
use crate::domain::together::together;
use crate::domain::years;
use crate::i18n::fill;
use crate::present::cards;
use crate::present::combined::combined;
use crate::ui::address::year_in;
use crate::ui::choices::{Choice, Choices};
use crate::ui::clock::this_year;
use crate::ui::combined_table::CombinedTable;
use crate::ui::employer_header::EmployerHeader;
use crate::ui::figure_card::FigureCards;
use crate::ui::focus;
use crate::ui::frame::AfterFrame;
use crate::ui::keep_a_copy::KeepACopy;
use crate::ui::language::{text_of, texts};
use crate::ui::loaded::{loaded, Placeholder, Remote, RetryPanel, What};
use crate::ui::notices::Notices;
use crate::ui::offline_figures::KeepOffline;
use crate::ui::person_line::PersonLine;
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
    // every part of the first year's figures answered (or failed)
    let figures_in = RwSignal::new(false);
    let figures = move || {
        let year = year.get();
        view! {
            <h1>{text_of(Box::new(move |t| fill(t.dashboard_title, &[&year.to_string()])))}</h1>
            {year_figures(me, ledger, employer, this_year, year, figures_in)}
        }
    };
    view! {
        {figures}
        <AfterFrame after=figures_in>
            <TrainingHistory this_year query />
            <KeepACopy this_year />
            <KeepOffline />
        </AfterFrame>
    }
}

/// The year's figures: the year's own resources start at once, each shows its own state.
fn year_figures(
    me: Remote<Me>,
    ledger: Remote<CarryOver>,
    employer: Memo<Option<String>>,
    this_year: i32,
    year: i32,
    figures_in: RwSignal<bool>,
) -> impl IntoView {
    let entitlements = Remote::new(resources::entitlements(year));
    let attendance = Remote::new(resources::attendance(year));
    Effect::new(move || {
        let answered = me.with(|r| r.is_some())
            && ledger.with(|r| r.is_some())
            && entitlements.with(|r| r.is_some())
            && attendance.with(|r| r.is_some());
        if answered && !figures_in.get_untracked() {
            figures_in.set(true);
        }
    });
    let employers = move |me: Me| {
        // one employer from the address, when it is one of the person's
        let only = employer.get().filter(|id| me.employers.iter().any(|e| e.id == *id));
        let link = |employer: Option<&str>, year: i32| {
            Filter { employer: employer.map(Into::into), ..Filter::default() }.address(years::address(Some(year), None))
        };
        let year_choices: Vec<Choice> = years::on_record(&me.sources, this_year, year)
            .into_iter()
            .map(|y| (link(only.as_deref(), y), y.to_string(), y == year))
            .collect();
        // all employers or one, when there is more than one; only "all" is in the language's words
        let employer_choices = {
            let (employers, only) = (me.employers.clone(), only.clone());
            move || {
                let mut choices = vec![(link(None, year), texts().all_employers.to_string(), only.is_none())];
                if employers.len() > 1 {
                    for e in &employers {
                        choices.push((link(Some(&e.id), year), e.name.clone(), only.as_ref() == Some(&e.id)));
                    }
                }
                view! { <Choices label=|t| t.employers choices /> }
            }
        };
        let shown: Vec<Employer> =
            me.employers.iter().filter(|e| only.as_ref().is_none_or(|o| *o == e.id)).cloned().collect();
        let of = OfYear { entitlements, attendance, ledger };
        let together = only.is_none().then(|| combined_figures(me.employers.clone(), year, of));
        view! {
            <div>
                <PersonLine me=me.clone() />
                <Notices me ledger />
            </div>
            <Choices label=|t| t.years choices=year_choices />
            {employer_choices}
            <UnitSwitcher />
            {together}
            {shown.into_iter().map(|e| employer_figures(e, year, of)).collect_view()}
        }
    };
    loaded(me, |t| t.what_profile, "placeholder-figures", employers)
}

/// The resources the year's figures come from.
#[derive(Clone, Copy)]
struct OfYear {
    entitlements: Remote<Entitlements>,
    attendance: Remote<Attendance>,
    ledger: Remote<CarryOver>,
}

/// All employers' figures of the year side by side, and together where their units allow, once
/// every resource is in: in the unit the person prefers, so it follows that choice too.
fn combined_figures(employers: Vec<Employer>, year: i32, of: OfYear) -> impl IntoView {
    let units = expect_context::<UnitChoice>();
    move || {
        let (e, a, l) = (of.entitlements.ok()?, of.attendance.ok()?, of.ledger.ok()?);
        let all = together(year, units.get(), &employers, &e.items, &a.items, &l.items)?;
        let combined = combined(texts(), year, &employers, all);
        Some(view! { <CombinedTable combined /> })
    }
}

/// One employer's figures of the year: who it is, then each resource's cards, each in its own
/// state (loading, failed with a retry of that resource, or there).
fn employer_figures(employer: Employer, year: i32, of: OfYear) -> impl IntoView {
    let OfYear { entitlements, attendance, ledger } = of;
    let name = employer.name.clone();
    let past = years::ended_before(&employer.employment, year).is_some();
    let id = employer.id.clone();
    let (right, attended, credit) = (id.clone(), id.clone(), id);
    let current = (!past).then(|| {
        (
            cards_of(entitlements, |t| t.what_right, move |e| vec![cards::entitled(texts(), year, &e.items, &right)]),
            cards_of(
                attendance,
                |t| t.what_attended,
                move |a| vec![cards::attended(texts(), year, &a.items, &attended)],
            ),
        )
    });
    let credit = cards_of(ledger, |t| t.what_ledger, move |l| cards::ledger(texts(), year, &l.items, &credit, past));
    view! {
        <section class="employer" aria-label=name>
            <div><EmployerHeader employer year /></div>
            <div class="cards">{current} {credit}</div>
        </section>
    }
}

/// The cards `make` makes of one resource, following the resource and the language (each card's
/// figure follows the unit itself).
fn cards_of<T: Clone + Send + Sync + 'static>(
    res: Remote<T>,
    what: What,
    make: impl Fn(&T) -> Vec<cards::Card> + 'static,
) -> impl Fn() -> AnyView {
    let retry = Callback::new(move |()| res.refetch());
    move || part(res.with(|r| r.map(|r| r.as_ref().map(&make).map_err(Clone::clone))), what, retry)
}

/// One resource's cards, or its placeholder while it loads, or its error with a retry button.
fn part(state: Option<Result<Vec<cards::Card>, ApiError>>, what: What, retry: Callback<()>) -> AnyView {
    match state {
        None => view! { <Placeholder class="placeholder-card" /> }.into_any(),
        Some(Err(error)) => view! { <RetryPanel what error retry /> }.into_any(),
        Some(Ok(cards)) => view! { <FigureCards cards /> }.into_any(),
    }
}
