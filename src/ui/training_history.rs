//! Every training on record, or those of one year (`?history-year=`, asked of the service), loaded
//! page by page in the background with its progress shown; searched, filtered and ordered here
//! (see `domain::history_filter`), and shown twenty at a time, so a history of thousands stays
//! quick.

use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use leptos_router::hooks::use_navigate;
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::client::resources::{self, MAX_PAGE_SIZE, PAGE_SIZE};
use crate::client::transport::Client;
use crate::contract::{ApiError, Me, Training};
use crate::domain::history::History;
use crate::domain::history_filter::{at, total_minutes, Filter};
use crate::domain::years;
use crate::i18n::{fill, Texts};
use crate::present::export::history_csv;
use crate::present::format::{duration, number};
use crate::present::messages::paging_stop;
use crate::present::profile::employer_name;
use crate::ui::address::year_in;
use crate::ui::choices::{Choice, Choices};
use crate::ui::download::save;
use crate::ui::focus;
use crate::ui::frame::after_next_frame;
use crate::ui::history_filters::HistoryFilters;
use crate::ui::language::{texts, tr};
use crate::ui::loaded::{Placeholder, Remote, RetryPanel};
use crate::ui::training_list::TrainingItem;

/// `5.000` in Dutch, `5,000` in English.
fn count(t: &Texts, n: usize) -> String {
    number(t, n as f64)
}

/// Trainings shown at first, and added by each "Show more".
const STEP: usize = PAGE_SIZE as usize;

/// The history of one year (or all) as it is paged in.
#[derive(Default)]
struct State {
    history: History,
    loading: bool,
    error: Option<ApiError>,
}

#[component]
pub fn TrainingHistory(this_year: i32, query: Memo<ParamsMap>) -> impl IntoView {
    let client = expect_context::<Client>();
    let me = expect_context::<Remote<Me>>();
    // each a memo of the address: the list is fetched again for another year only, filtered
    // again for another filter
    let figures_year = Memo::new(move |_| year_in(query, "year"));
    let year = Memo::new(move |_| year_in(query, "history-year"));
    let filter = Memo::new(move |_| Filter::read(|key| query.read().get(key)));
    let state = RwSignal::new(State::default());
    let shown = RwSignal::new(STEP);
    let focus_on = RwSignal::new(None::<String>);
    // a retry asks for the year's first page again
    let attempt = RwSignal::new(0u32);

    // every page of the year, one after the other, until the last; made anew for another year,
    // and given up (the request aborted) when the year changes or the list goes away
    Effect::new(move || {
        let year = year.get();
        attempt.track();
        state.set(State { loading: true, ..State::default() });
        let client = client.clone();
        spawn_local_scoped_with_cancellation(async move {
            let mut path = resources::trainings(MAX_PAGE_SIZE, year);
            // the first page after the frame that shows the year's figures, which arrive with it
            let mut first = true;
            loop {
                let result = client.trainings(&path).await;
                if std::mem::take(&mut first) {
                    after_next_frame().await;
                }
                let next = state.try_update(|s| {
                    match result {
                        Ok(page) => s.history.append(page.body.items, page.body.total, page.next_url),
                        Err(e) => s.error = Some(e),
                    }
                    s.loading = s.error.is_none() && s.history.can_load_more();
                    s.history.next.clone().filter(|_| s.loading)
                });
                match next.flatten() {
                    Some(next) => path = next,
                    None => return,
                }
            }
        });
    });
    let retry = move || attempt.update(|n| *n += 1);
    // another year or another filter: the first trainings again, and focus on the list's heading,
    // unless the search is being typed
    Effect::new(move |before: Option<(Option<i32>, Filter)>| {
        let now = (year.get(), filter.get());
        if before.is_some_and(|b| b != now) {
            shown.set(STEP);
            focus_on.set(None);
            if document().active_element().is_none_or(|e| e.id() != "filter-q") {
                focus::focus("history-title");
            }
        }
        now
    });

    // where the trainings that match are, in their order: filtered once per list or filter
    let kept = Memo::new(move |_| state.with(|s| filter.with(|f| f.kept(&s.history.items))));
    let on_screen = move || {
        state.with(|s| {
            kept.with(|k| k.iter().take(shown.get()).map(|&i| s.history.items[i].clone()).collect::<Vec<_>>())
        })
    };
    // until every page is in, the service's total says how many there are
    let matching = move || {
        let unfiltered = filter.read().is_empty();
        state.with(|s| match (unfiltered, s.history.total) {
            (true, Some(total)) => total as usize,
            _ => kept.read().len(),
        })
    };

    // the years the history can be filtered to, keeping the year of the figures and the filter
    let year_choices = move || -> Vec<Choice> {
        let (t, figures, shown, f) = (texts(), figures_year.get(), year.get(), filter.get());
        let Some(me) = me.ok() else { return Vec::new() };
        let all = (f.address(years::address(figures, None)), t.all_years.to_string(), shown.is_none());
        let each = years::on_record(&me.sources, this_year, shown.unwrap_or(this_year))
            .into_iter()
            .map(|y| (f.address(years::address(figures, Some(y))), y.to_string(), shown == Some(y)));
        std::iter::once(all).chain(each).collect()
    };
    // the filters in the address, after the years (see `history_filters`)
    let unfiltered = move || years::address(figures_year.get(), year.get());
    let navigate = use_navigate();
    // never to the top of the page: typing would lose the field, and a search moves focus itself
    let go = move |chosen: Filter, replace: bool| {
        let options = NavigateOptions { replace, scroll: false, ..Default::default() };
        navigate(&chosen.address(untrack(unfiltered)), options);
    };
    // the button (or Enter): the whole form, a new entry in the history, and focus on the list
    let apply = {
        let go = go.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let form = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok());
            let Some(data) = form.and_then(|f| web_sys::FormData::new_with_form(&f).ok()) else { return };
            go(Filter::read(|key| data.get(key).as_string()), false);
            focus::focus("history-title");
        }
    };
    // a pause in typing: the text only, in place of the address it changes
    let search = Callback::new(move |text: String| {
        let chosen = filter.with_untracked(|f| f.with_text(&text));
        if chosen != filter.get_untracked() {
            go(chosen, true);
        }
    });

    let progress = move || {
        state.with(|s| {
            let (done, total) = (s.history.items.len(), s.history.total.unwrap_or(0) as usize);
            (s.loading && done > 0).then(|| {
                let (t, all) = (texts(), total.max(done));
                view! {
                    <p class="muted">
                        {fill(t.loading_history, &[&count(t, done), &count(t, all)])} " "
                        <progress max=all.to_string() value=done.to_string()></progress>
                    </p>
                }
            })
        })
    };
    let summary = move || {
        let t = texts();
        let (busy, failed) = state.with(|s| (s.loading, s.error.is_some()));
        match (kept.read().is_empty(), busy, failed) {
            (true, true, _) => Some(view! { <Placeholder class="placeholder-list" /> }.into_any()),
            (true, false, false) => {
                let none = match (filter.read().is_empty(), year.get()) {
                    (false, _) => t.no_match.to_string(),
                    (true, None) => t.no_training.to_string(),
                    (true, Some(y)) => fill(t.no_training_in, &[&y.to_string()]),
                };
                Some(view! { <p class="muted">{none}</p> }.into_any())
            }
            (true, false, true) => None,
            (false, ..) => {
                let on_screen = kept.read().len().min(shown.get());
                let minutes = state.with(|s| kept.with(|k| total_minutes(&at(&s.history.items, k))));
                let showing = fill(t.showing_of, &[&count(t, on_screen), &count(t, matching())]);
                let together = fill(t.total_duration, &[&duration(t, minutes)]);
                Some(view! { <p class="muted" role="status">{format!("{showing} · {together}")}</p> }.into_any())
            }
        }
    };

    // the trainings that match as CSV for Excel, from the list as loaded
    let download = move |_| {
        let (t, me) = (texts(), me.ok());
        let name = |id: &str| employer_name(me.as_ref(), id).unwrap_or(id).to_string();
        let csv = state.with_untracked(|s| kept.with_untracked(|k| history_csv(t, &at(&s.history.items, k), &name)));
        let which = year.get_untracked().map_or_else(|| "all".to_string(), |y| y.to_string());
        save(&format!("training-history-{which}.csv"), "text/csv", &csv);
    };
    // more from what is loaded, focus on the first of them; what is still loading comes by itself
    let show_more = move |_| {
        let first_new = state.with_untracked(|s| {
            kept.with_untracked(|k| k.get(shown.get_untracked()).map(|&i| s.history.items[i].id.clone()))
        });
        shown.update(|n| *n += STEP);
        focus_on.set(first_new);
    };
    let buttons = move || {
        let (busy, failed) = state.with(|s| (s.loading, s.error.is_some()));
        let loaded = kept.read().len();
        let left = matching().saturating_sub(loaded.min(shown.get()));
        let csv = (!busy && loaded > 0).then(|| {
            view! {
                <button type="button" class="button-secondary" on:click=download>
                    {tr(|t| t.download_csv)}
                </button>
            }
        });
        let more = (left > 0 && !failed).then(|| {
            let ready = loaded > shown.get();
            let text = move || {
                let t = texts();
                if ready {
                    fill(t.show_more_n, &[&count(t, left)])
                } else {
                    t.loading.to_string()
                }
            };
            view! { <button type="button" class="button" disabled=!ready on:click=show_more>{text}</button> }
        });
        (csv, more)
    };
    let error = move || {
        state.with(|s| s.error.clone()).map(|error| view! { <RetryPanel what=|t| t.history_title error retry /> })
    };
    // the list as far as it came, and why it ends there
    let stopped = move || {
        state.with(|s| s.history.stopped).map(|stop| {
            view! {
                <div class="panel panel-warning" role="status">
                    <p>{move || paging_stop(texts(), stop)}</p>
                </div>
            }
        })
    };

    view! {
        <section class="history" aria-labelledby="history-title">
            <h2 id="history-title" tabindex="-1">{tr(|t| t.history_title)}</h2>
            <form class="filters" role="search" aria-label=tr(|t| t.filters_label) on:submit=apply>
                <HistoryFilters filter me search />
                <div class="filter-actions">
                    <button type="submit" class="button">{tr(|t| t.apply)}</button>
                    {move || (!filter.read().is_empty()).then(|| view! { <a href=unfiltered()>{tr(|t| t.clear)}</a> })}
                </div>
            </form>
            {move || view! { <Choices label=|t| t.history_years choices=year_choices() /> }}
            {progress}
            {summary}
            {stopped}
            <ol class="training-list">
                // drawn again in another language, each item in its words
                {move || {
                    let t = texts();
                    view! {
                        <For each=on_screen key=|training: &Training| training.id.clone() let:training>
                            <TrainingItem training t focus=focus_on />
                        </For>
                    }
                }}
            </ol>
            {buttons}
            {error}
        </section>
    }
}
