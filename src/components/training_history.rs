//! Every training on record, newest first, one page at a time.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::client::Client;
use crate::api::ApiError;
use crate::components::loaded::{ErrorPanel, Placeholder};
use crate::components::training_list::TrainingList;
use crate::domain::history::History;

#[component]
pub fn TrainingHistory() -> impl IntoView {
    let client = StoredValue::new(expect_context::<Client>());
    let history = RwSignal::new(History::default());
    let loading = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);

    let load_more = move || {
        if loading.get_untracked() || !history.with_untracked(History::can_load_more) {
            return;
        }
        loading.set(true);
        error.set(None);
        let next = history.with_untracked(|h| h.next.clone());
        let client = client.get_value();
        spawn_local(async move {
            match client.trainings(next).await {
                Ok(page) => history.update(|h| h.append(page.body.items, page.body.total, page.next_url)),
                Err(e) => error.set(Some(e)),
            }
            loading.set(false);
        });
    };
    load_more();

    let shown = move || history.with(|h| h.items.len());
    let count = move || match history.with(|h| h.total) {
        Some(total) => format!("Showing {} of {total}", shown()),
        None => format!("Showing {}", shown()),
    };
    view! {
        <section class="history" aria-labelledby="history-title">
            <h2 id="history-title">"Your training history"</h2>
            {move || (shown() == 0 && loading.get()).then(|| view! { <Placeholder class="placeholder-list" /> })}
            {move || (shown() == 0 && !loading.get() && error.with(Option::is_none))
                .then(|| view! { <p class="muted">"No training on record yet."</p> })}
            {move || (shown() > 0).then(|| view! {
                <p class="muted" role="status">{count}</p>
                <TrainingList items=history.with(|h| h.items.clone()) />
            })}
            {move || error.get().map(|e| view! {
                <ErrorPanel what="Your training history".into() message=e.message() retry=Callback::new(move |()| load_more()) />
            })}
            {move || (shown() > 0 && history.with(|h| h.next.is_some()) && error.with(Option::is_none)).then(|| view! {
                <button type="button" class="button" disabled=move || loading.get() on:click=move |_| load_more()>
                    {move || if loading.get() { "Loading…" } else { "Show more trainings" }}
                </button>
            })}
        </section>
    }
}
