//! Every training on record, or those of one year (`?history-year=`, asked of the service), loaded
//! page by page in the background with its progress shown; searched, filtered and ordered here
//! (see `domain::history_filter`), and shown twenty at a time, so a history of thousands stays
//! quick.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use leptos_router::params::ParamsMap;
use wasm_bindgen::JsCast;

use crate::client::resources::{self, MAX_PAGE_SIZE, PAGE_SIZE};
use crate::client::transport::Client;
use crate::contract::ApiError;
use crate::contract::Me;
use crate::domain::history::History;
use crate::domain::history_filter::{total_minutes, Filter};
use crate::domain::years;
use crate::i18n::{fill, Texts};
use crate::present::export::history_csv;
use crate::present::format::{duration, number};
use crate::present::markup::Html;
use crate::present::profile::employer_name;
use crate::ui::address::year_in;
use crate::ui::choices::{choices_into, Choice};
use crate::ui::clicked::clicked;
use crate::ui::download::save;
use crate::ui::focus;
use crate::ui::history_filters::filters_html;
use crate::ui::language::{texts, tr};
use crate::ui::loaded::{error_into, Remote};
use crate::ui::training_list::training_list_into;

/// `5.000` in Dutch, `5,000` in English.
fn count(t: &Texts, n: usize) -> String {
    number(t, n as f64)
}

/// Trainings shown at first, and added by each "Show more".
const STEP: usize = PAGE_SIZE as usize;

#[derive(Default)]
struct State {
    /// The year the list is loaded for: an answer for another year is dropped.
    year: Option<i32>,
    history: History,
    loading: bool,
    error: Option<ApiError>,
    shown: usize,
}

/// The years the history can be filtered to, as links that keep the year of the figures and the
/// other filters.
fn filter_choices(
    t: &Texts,
    me: &Me,
    this_year: i32,
    figures: Option<i32>,
    shown: Option<i32>,
    f: &Filter,
) -> Vec<Choice> {
    let mut choices = vec![(f.address(years::address(figures, None)), t.all_years.to_string(), shown.is_none())];
    for y in years::on_record(&me.sources, this_year, shown.unwrap_or(this_year)) {
        choices.push((f.address(years::address(figures, Some(y))), y.to_string(), shown == Some(y)));
    }
    choices
}

#[component]
pub fn TrainingHistory(this_year: i32, query: Memo<ParamsMap>) -> impl IntoView {
    let client = expect_context::<Client>();
    let me = expect_context::<Remote<Me>>();
    // each a memo of the address: the list is fetched again for another year only
    let figures_year = Memo::new(move |_| year_in(query, "year"));
    let history_year = Memo::new(move |_| year_in(query, "history-year"));
    let year_of = move |key: &str| if key == "year" { figures_year.get() } else { history_year.get() };
    let filter = Memo::new(move |_| Filter::read(|key| query.read().get(key)));
    // one signal for the whole state (each signal type costs the app its own code)
    let state = RwSignal::new(State { year: year_of("history-year"), shown: STEP, ..State::default() });

    // every page, one after the other, until the last or until another year is asked for
    let load = Callback::new(move |()| {
        if state.with_untracked(|s| s.loading || !s.history.can_load_more()) {
            return;
        }
        let year = state
            .try_update(|s| {
                s.loading = true;
                s.error = None;
                s.year
            })
            .flatten();
        let client = client.clone();
        spawn_local(async move {
            loop {
                let Some(next) = state.try_with_untracked(|s| s.history.next.clone()) else { return };
                let path = next.unwrap_or_else(|| resources::trainings(MAX_PAGE_SIZE, year));
                let result = client.trainings(&path).await;
                // the component may be gone, or the year changed, by the time the answer comes
                let more = state.try_update(|s| {
                    if s.year != year {
                        return false;
                    }
                    match result {
                        Ok(page) => s.history.append(page.body.items, page.body.total, page.next_url),
                        Err(e) => s.error = Some(e),
                    }
                    s.loading = s.error.is_none() && s.history.can_load_more();
                    s.loading
                });
                if more != Some(true) {
                    return;
                }
            }
        });
    });
    load.run(());
    // another year from a link: a new list from its first page; another filter: the first
    // trainings again; either way focus on the list's heading
    Effect::new(move |before: Option<(Option<i32>, Filter)>| {
        let now = (year_of("history-year"), filter.get());
        if let Some(before) = before.filter(|b| *b != now) {
            if before.0 != now.0 {
                state.set(State { year: now.0, shown: STEP, ..State::default() });
                load.run(());
            } else {
                state.update(|s| s.shown = STEP);
            }
            focus::focus("history-title");
        }
        now
    });

    let navigate = use_navigate();
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
        let Some(data) = form.and_then(|f| web_sys::FormData::new_with_form(&f).ok()) else { return };
        let chosen = Filter::read(|key| data.get(key).as_string());
        navigate(&chosen.address(years::address(year_of("year"), year_of("history-year"))), Default::default());
    };
    let form = move || {
        let clear = years::address(year_of("year"), year_of("history-year"));
        filter.with(|f| filters_html(texts(), me.get().and_then(Result::ok).as_ref(), f, &clear))
    };

    // the list's buttons: "Show more", and the trainings that match as CSV for Excel
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let on = |name: &str| clicked(&ev, name).is_some();
        if on("data-retry") {
            load.run(());
        } else if on("data-more") {
            let first_new = state.try_update(|s| {
                s.shown += STEP;
                s.shown - STEP + 1
            });
            // the button is made anew with the list: focus moves to the first training added
            request_animation_frame(move || {
                let link = format!(".training-item:nth-child({}) a", first_new.unwrap_or(1));
                focus::focus_first(&link);
            });
        } else if on("data-csv") {
            let (t, me) = (texts(), untrack(|| me.get()).and_then(Result::ok));
            let name = |id: &str| employer_name(me.as_ref(), id).unwrap_or(id).to_string();
            let csv =
                state.with_untracked(|s| filter.with_untracked(|f| history_csv(t, &f.apply(&s.history.items), &name)));
            let which = year_of("history-year").map_or_else(|| "all".to_string(), |y| y.to_string());
            save(&format!("training-history-{which}.csv"), "text/csv", &csv);
        }
    };
    // one reactive closure for the whole list: each extra closure would compile its own view code
    let body = move || {
        let t = texts();
        let f = filter.read();
        // read in place: the list is built from references, the trainings are never copied whole
        state.with(|State { year, history, loading, error, shown }| {
            let (year, busy, failed) = (*year, *loading, error.clone());
            // the years, what is loading, how many there are, the list and "Show more": one
            // string (see markup), its button handled by the click handler of the whole
            let mut html = Html::new();
            if let Some(me) = me.get().and_then(Result::ok) {
                choices_into(&mut html, t.history_years, &filter_choices(t, &me, this_year, year_of("year"), year, &f));
            }
            let kept = f.apply(&history.items);
            let on_screen = &kept[..kept.len().min(*shown)];
            // until every page is in, the service's total says how many there are
            let matching = match (f.is_empty(), history.total) {
                (true, Some(total)) => total as usize,
                _ => kept.len(),
            };
            if busy && !history.items.is_empty() {
                let (done, all) = (history.items.len(), (history.total.unwrap_or(0) as usize).max(history.items.len()));
                let words = fill(t.loading_history, &[&count(t, done), &count(t, all)]);
                html.open("p", &[("class", "muted")]).text(&words).text(" ");
                html.el("progress", &[("max", &all.to_string()), ("value", &done.to_string())], "").close("p");
            }
            match (kept.is_empty(), busy, &failed) {
                (true, true, _) => {
                    html.open("div", &[("class", "placeholder placeholder-list"), ("role", "status")]);
                    html.el("span", &[("class", "visually-hidden")], t.loading).close("div");
                }
                (true, false, None) => {
                    let none = match (f.is_empty(), year) {
                        (false, _) => t.no_match.to_string(),
                        (true, None) => t.no_training.to_string(),
                        (true, Some(y)) => fill(t.no_training_in, &[&y.to_string()]),
                    };
                    html.el("p", &[("class", "muted")], &none);
                }
                (true, false, Some(_)) => {}
                (false, ..) => {
                    let count = fill(t.showing_of, &[&count(t, on_screen.len()), &count(t, matching)]);
                    let together = fill(t.total_duration, &[&duration(t, total_minutes(&kept))]);
                    html.el("p", &[("class", "muted"), ("role", "status")], &format!("{count} · {together}"));
                    training_list_into(&mut html, t, on_screen);
                }
            }
            let left = matching.saturating_sub(on_screen.len());
            // the list as shown, whole, once every page is in
            if !busy && !kept.is_empty() {
                html.el(
                    "button",
                    &[("type", "button"), ("class", "button-secondary"), ("data-csv", "1")],
                    t.download_csv,
                );
            }
            if left > 0 && failed.is_none() {
                // more from what is loaded; what is still loading comes in by itself
                let ready = kept.len() > on_screen.len();
                let text = if ready { fill(t.show_more_n, &[&count(t, left)]) } else { t.loading.to_string() };
                let disabled = if ready { "" } else { "disabled" };
                html.el(
                    "button",
                    &[("type", "button"), ("class", "button"), ("data-more", "1"), ("disabled", disabled)],
                    &text,
                );
            }
            if let Some(error) = &failed {
                error_into(&mut html, t, |t| t.history_title, error, "1");
            }
            view! { <div inner_html=html.finish() on:click=on_click></div> }
        })
    };
    view! {
        <section class="history" aria-labelledby="history-title">
            <h2 id="history-title" tabindex="-1">{tr(|t| t.history_title)}</h2>
            <form class="filters" role="search" aria-label=tr(|t| t.filters_label) on:submit=apply inner_html=form></form>
            {body}
        </section>
    }
}
