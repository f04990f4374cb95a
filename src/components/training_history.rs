//! Every training on record, or those of one year (`?history-year=`), newest first, one page at
//! a time.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::params::ParamsMap;

use crate::api::client::Client;
use crate::api::dto::Me;
use crate::api::resources::{self, PAGE_SIZE};
use crate::api::ApiError;
use crate::components::address::year_in;
use crate::components::choices::{Choice, Choices};
use crate::components::focus;
use crate::components::language::{texts, tr};
use crate::components::loaded::{ErrorPanel, Placeholder, Remote};
use crate::components::training_list::training_list;
use crate::domain::history::History;
use crate::domain::years;
use crate::i18n::{fill, Texts};

#[derive(Default)]
struct State {
    /// The year the list is filtered to: an answer for another filter is dropped.
    year: Option<i32>,
    history: History,
    loading: bool,
    error: Option<ApiError>,
}

/// The years the history can be filtered to, as links that keep the year of the figures.
fn filter_choices(t: &Texts, me: &Me, this_year: i32, figures: Option<i32>, shown: Option<i32>) -> Vec<Choice> {
    let mut choices = vec![(years::address(figures, None), t.all_years.to_string(), shown.is_none())];
    for y in years::on_record(&me.sources, this_year, shown.unwrap_or(this_year)) {
        choices.push((years::address(figures, Some(y)), y.to_string(), shown == Some(y)));
    }
    choices
}

#[component]
pub fn TrainingHistory(this_year: i32, query: Memo<ParamsMap>) -> impl IntoView {
    let client = expect_context::<Client>();
    let me = expect_context::<Remote<Me>>();
    let year_of = move |key: &str| year_in(query, key);
    // one signal for the whole state (each signal type costs the app its own code)
    let state = RwSignal::new(State { year: year_of("history-year"), ..State::default() });

    let load_more = Callback::new(move |()| {
        if state.with_untracked(|s| s.loading || !s.history.can_load_more()) {
            return;
        }
        let (year, next) = state
            .try_update(|s| {
                s.loading = true;
                s.error = None;
                (s.year, s.history.next.clone())
            })
            .unwrap_or_default();
        let client = client.clone();
        spawn_local(async move {
            let path = next.unwrap_or_else(|| resources::trainings(PAGE_SIZE, year));
            let result = client.trainings(&path).await;
            // the component may be gone, or the filter changed, by the time the answer comes
            state.try_update(|s| {
                if s.year == year {
                    s.loading = false;
                    match result {
                        Ok(page) => s.history.append(page.body.items, page.body.total, page.next_url),
                        Err(e) => s.error = Some(e),
                    }
                }
            });
        });
    });
    load_more.run(());
    // another filter from a link: a new list from its first page, and focus on its heading
    Effect::new(move || {
        let year = year_of("history-year");
        if state.with_untracked(|s| s.year != year) {
            state.set(State { year, ..State::default() });
            load_more.run(());
            focus::focus("history-title");
        }
    });

    // one reactive closure for the whole state: each extra closure would compile its own view code
    let body = move || {
        let t = texts();
        // read in place: the list is built from references, the trainings are never copied whole
        state.with(|State { year, history, loading, error }| {
            let (year, busy, failed) = (*year, *loading, error.clone());
            let filter = me.get().and_then(Result::ok).map(|me| {
                let choices = filter_choices(t, &me, this_year, year_of("year"), year);
                view! { <Choices label=t.history_years choices /> }
            });
            let left = history.left_to_load();
            let (items, total, more) = (&history.items, history.total, history.next.is_some());
            let shown = items.len().to_string();
            let count = match total {
                Some(total) => fill(t.showing_of, &[&shown, &total.to_string()]),
                None => fill(t.showing, &[&shown]),
            };
            let state = match (items.is_empty(), busy, &failed) {
                (true, true, _) => view! { <Placeholder class="placeholder-list" /> }.into_any(),
                (true, false, None) => {
                    let none =
                        year.map_or_else(|| t.no_training.to_string(), |y| fill(t.no_training_in, &[&y.to_string()]));
                    view! { <p class="muted">{none}</p> }.into_any()
                }
                (true, false, Some(_)) => ().into_any(),
                (false, ..) => view! { <p class="muted" role="status">{count}</p>{training_list(t, items)} }.into_any(),
            };
            let button = (more && failed.is_none()).then(|| {
                view! {
                    <button type="button" class="button" disabled=busy on:click=move |_| load_more.run(())>
                        {match (busy, left) {
                            (true, _) => t.loading.to_string(),
                            (false, Some(n)) => fill(t.show_more_n, &[&n.to_string()]),
                            (false, None) => t.show_more.to_string(),
                        }}
                    </button>
                }
            });
            let failed = failed.map(|error| view! { <ErrorPanel t what=|t| t.history_title error retry=load_more /> });
            view! { {filter} {state} {failed} {button} }
        })
    };
    view! {
        <section class="history" aria-labelledby="history-title">
            <h2 id="history-title" tabindex="-1">{tr(|t| t.history_title)}</h2>
            {body}
        </section>
    }
}
