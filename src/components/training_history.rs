//! Every training on record, newest first, one page at a time.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::Client;
use crate::api::ApiError;
use crate::components::language::{texts, tr};
use crate::components::loaded::{ErrorPanel, Placeholder};
use crate::components::training_list::TrainingList;
use crate::domain::history::History;
use crate::i18n::fill;

#[derive(Clone, Default)]
struct State {
    history: History,
    loading: bool,
    error: Option<ApiError>,
}

#[component]
pub fn TrainingHistory() -> impl IntoView {
    let client = expect_context::<Client>();
    // one signal for the whole state (each signal type costs the app its own code)
    let state = RwSignal::new(State::default());

    let load_more = Callback::new(move |()| {
        if state.with_untracked(|s| s.loading || !s.history.can_load_more()) {
            return;
        }
        let next = state.try_update(|s| {
            s.loading = true;
            s.error = None;
            s.history.next.clone()
        });
        let client = client.clone();
        spawn_local(async move {
            let result = client.trainings(next.flatten()).await;
            // the component may be gone by the time the answer comes: then it is dropped
            state.try_update(|s| {
                s.loading = false;
                match result {
                    Ok(page) => s.history.append(page.body.items, page.body.total, page.next_url),
                    Err(e) => s.error = Some(e),
                }
            });
        });
    });
    load_more.run(());

    // one reactive closure for the whole state: each extra closure would compile its own view code
    let body = move || {
        let t = texts();
        let State { history, loading: busy, error: failed } = state.get();
        let left = history.left_to_load();
        let (items, total, more) = (history.items, history.total, history.next.is_some());
        let shown = items.len().to_string();
        let count = match total {
            Some(total) => fill(t.showing_of, &[&shown, &total.to_string()]),
            None => fill(t.showing, &[&shown]),
        };
        let state = match (items.is_empty(), busy, &failed) {
            (true, true, _) => view! { <Placeholder class="placeholder-list" /> }.into_any(),
            (true, false, None) => view! { <p class="muted">{t.no_training}</p> }.into_any(),
            (true, false, Some(_)) => ().into_any(),
            (false, ..) => view! { <p class="muted" role="status">{count}</p><TrainingList t items /> }.into_any(),
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
        let failed = failed.map(|error| view! { <ErrorPanel t what=|t| t.what_history error retry=load_more /> });
        view! { {state} {failed} {button} }
    };
    view! {
        <section class="history" aria-labelledby="history-title">
            <h2 id="history-title">{tr(|t| t.history_title)}</h2>
            {body}
        </section>
    }
}
