//! Every training on record, newest first, one page at a time.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::Client;
use crate::api::ApiError;
use crate::components::loaded::{ErrorPanel, Placeholder};
use crate::components::training_list::TrainingList;
use crate::domain::history::History;

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
        let State { history, loading: busy, error: failed } = state.get();
        let left = history.left_to_load();
        let (items, total, more) = (history.items, history.total, history.next.is_some());
        let count = match total {
            Some(total) => format!("Showing {} of {total}", items.len()),
            None => format!("Showing {}", items.len()),
        };
        let state = match (items.is_empty(), busy, &failed) {
            (true, true, _) => view! { <Placeholder class="placeholder-list" /> }.into_any(),
            (true, false, None) => view! { <p class="muted">"No training on record yet."</p> }.into_any(),
            (true, false, Some(_)) => ().into_any(),
            (false, ..) => view! { <p class="muted" role="status">{count}</p><TrainingList items /> }.into_any(),
        };
        let button = (more && failed.is_none()).then(|| {
            view! {
                <button type="button" class="button" disabled=busy on:click=move |_| load_more.run(())>
                    {match (busy, left) {
                        (true, _) => "Loading…".to_string(),
                        (false, Some(n)) => format!("Show more trainings ({n} more)"),
                        (false, None) => "Show more trainings".to_string(),
                    }}
                </button>
            }
        });
        let failed = failed.map(|e| {
            view! { <ErrorPanel what="Your training history".into() message=e.message() retry=load_more /> }
        });
        view! { {state} {failed} {button} }
    };
    view! {
        <section class="history" aria-labelledby="history-title">
            <h2 id="history-title">"Your training history"</h2>
            {body}
        </section>
    }
}
