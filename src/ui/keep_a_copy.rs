//! Keep a copy: the whole account as JSON, or a printed statement (see the print rules in
//! main.css). Made in the browser. (The history as CSV is the history's own: it holds the list.)

use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;

use crate::client::transport::Client;
use crate::contract::copy::{AccountCopy, FORMAT};
use crate::contract::ApiError;
use crate::contract::Me;
use crate::domain::years;
use crate::i18n::fill;
use crate::present::messages::{api_error, copy_without};
use crate::ui::clock::today;
use crate::ui::download::save;
use crate::ui::language::{texts, tr};

#[derive(Clone, Default)]
enum Copying {
    #[default]
    Idle,
    Busy,
    /// The file's name, and the resources left out of it with why.
    Saved(String, Vec<(String, ApiError)>),
    Failed(ApiError),
}

#[component]
pub fn KeepACopy(this_year: i32) -> impl IntoView {
    let client = expect_context::<Client>();
    let state = RwSignal::new(Copying::Idle);
    let run = move || {
        if matches!(state.get_untracked(), Copying::Busy) {
            return;
        }
        state.set(Copying::Busy);
        let client = client.clone();
        spawn_local_scoped_with_cancellation(async move {
            let years = |me: Option<&Me>| years::in_copy(me, this_year);
            let refused = |why: &str| Copying::Failed(ApiError::Malformed(why.into()));
            // the copy is named and dated by today: asked of the browser's clock before anything
            let Some(day) = today() else {
                state.try_set(refused("the browser's clock gave no date"));
                return;
            };
            let source = client.source();
            // what the service gives is kept, and what it does not is named in the file
            let (all, failed) = client.everything(years).await;
            let name = format!("training-account-{day}.json");
            let text = AccountCopy { format: FORMAT, exported_on: day, source: source.as_deref(), all: &all }.to_json();
            let done = match save(&name, "application/json", &text) {
                true => Copying::Saved(name, failed),
                false => refused("the browser refused the download"),
            };
            state.try_set(done);
        });
    };
    // one line of text for every state: a failure says why, and the button tries again
    let status = move || {
        let t = texts();
        match state.get() {
            Copying::Idle => String::new(),
            Copying::Busy => t.preparing.into(),
            Copying::Saved(name, failed) if failed.is_empty() => fill(t.copy_ready, &[&name]),
            Copying::Saved(name, failed) => {
                let lacks = copy_without(t, failed.iter().map(|(resource, e)| (resource.as_str(), Some(e))));
                format!("{}. {lacks}", fill(t.copy_ready, &[&name]))
            }
            Copying::Failed(error) => fill(t.not_available, &[t.what_copy]) + ": " + &api_error(t, &error),
        }
    };
    view! {
        <section class="keep-copy" aria-labelledby="copy-title" data-testid="keep-a-copy">
            <h2 id="copy-title">{tr(|t| t.copy_title)}</h2>
            <p>{tr(|t| t.copy_intro)}</p>
            <div class="copy-actions">
                <button type="button" class="button" on:click=move |_| run()>{tr(|t| t.download_all)}</button>
                <button type="button" class="button-secondary" on:click=|_| drop(window().print())>{tr(|t| t.print)}</button>
            </div>
            <p role="status" class="copy-status">{status}</p>
        </section>
    }
}
