//! A service's last figures on this device, for when there is no connection (`client::offline`):
//! the mark above a page that shows them, the figures asked for again once the connection is
//! back, the copy brought up to date on each visit, and the person's choice to keep it or not.

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;

use crate::client::offline::{Keep, KeepFailure, Offline};
use crate::client::Client;
use crate::contract::Me;
use crate::domain::years;
use crate::i18n::fill;
use crate::present::format::date;
use crate::present::messages::api_error;
use crate::ui::clock::{this_year, today};
use crate::ui::keeping::Revision;
use crate::ui::language::{texts, tr};
use crate::ui::loaded::Remote;

/// Asks the service for the whole account and keeps it (`Offline::keep`); `None` when the
/// browser gave no date.
async fn keep(offline: &Offline, client: &Client, when: Keep) -> Option<Result<(), KeepFailure>> {
    let year = this_year();
    let day = today()?;
    Some(offline.keep(client, |me| years::in_copy(me, year), day, when).await)
}

/// Above the pages of a service: says when what they show is the copy kept on this device, and
/// asks the service again when the connection is back. The copy, if the person keeps one, is
/// brought up to date once the profile has come from the service, after the figures.
#[component]
pub fn OfflineMark(offline: Offline, revision: Revision) -> impl IntoView {
    let client = expect_context::<Client>();
    let me = expect_context::<Remote<Me>>();
    let answered = offline.answered.clone();
    let back = {
        let answered = answered.clone();
        window_event_listener(ev::online, move |_| {
            if answered.get_untracked().is_some() {
                answered.set(None);
                revision.0.update(|r| *r += 1);
            }
        })
    };
    on_cleanup(move || back.remove());
    // once per answer from the service: each time the connection comes back, the copy follows
    let fresh = {
        let answered = answered.clone();
        Memo::new(move |_| answered.get().is_none() && me.with(|m| matches!(m, Some(Ok(_)))))
    };
    Effect::new(move || {
        if !fresh.get() {
            return;
        }
        let (offline, client) = (offline.clone(), client.clone());
        spawn_local_scoped_with_cancellation(async move {
            if offline.kept_on().await.is_some() {
                // a copy that cannot be renewed now stays as it was, with its date
                let _ = keep(&offline, &client, Keep::IfKept).await;
            }
        });
    });
    move || {
        answered.get().map(|day| {
            view! {
                <p class="panel panel-notice offline-mark" role="status" data-testid="offline-mark">
                    {move || fill(texts().offline_shown, &[&date(texts(), day)])}
                </p>
            }
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
enum Choosing {
    #[default]
    Idle,
    Busy,
    Failed(KeepFailure),
    Forgotten,
}

/// The person's choice to keep their last figures on this device, and to forget them.
#[component]
pub fn KeepOffline() -> impl IntoView {
    let Some(offline) = use_context::<Offline>() else { return ().into_any() };
    let client = expect_context::<Client>();
    let state = RwSignal::new(Choosing::Idle);
    let kept = offline.kept.clone();
    {
        // what is kept, read once
        let offline = offline.clone();
        spawn_local_scoped_with_cancellation(async move {
            offline.kept_on().await;
        });
    }
    let run = Callback::new(move |kept_now: bool| {
        if state.get_untracked() == Choosing::Busy {
            return;
        }
        state.set(Choosing::Busy);
        let (offline, client) = (offline.clone(), client.clone());
        spawn_local_scoped_with_cancellation(async move {
            let done = match kept_now {
                true => match keep(&offline, &client, Keep::Now).await {
                    Some(Ok(())) => Choosing::Idle,
                    Some(Err(e)) => Choosing::Failed(e),
                    None => Choosing::Failed(KeepFailure::Store("the browser's clock gave no date".into())),
                },
                false => match offline.forget().await {
                    Ok(()) => Choosing::Forgotten,
                    Err(e) => Choosing::Failed(e),
                },
            };
            state.try_set(done);
        });
    });
    let status = {
        let kept = kept.clone();
        move || {
            let t = texts();
            match (state.get(), kept.get().flatten()) {
                (Choosing::Busy, _) => t.preparing.to_string(),
                (Choosing::Failed(KeepFailure::Service(e)), _) => fill(t.offline_not_kept, &[&api_error(t, &e)]),
                (Choosing::Failed(KeepFailure::Store(why)), _) => fill(t.offline_not_kept, &[&why]),
                (_, Some(day)) => fill(t.offline_kept, &[&date(t, day)]),
                (Choosing::Forgotten, None) => t.offline_forgotten.to_string(),
                (Choosing::Idle, None) => String::new(),
            }
        }
    };
    // a Memo: a copy renewed while the person looks keeps the same button under their finger
    let is_kept = Memo::new(move |_| kept.get().flatten().is_some());
    view! {
        <section class="keep-offline" aria-labelledby="offline-title" data-testid="keep-offline">
            <h2 id="offline-title">{tr(|t| t.offline_title)}</h2>
            <p>{tr(|t| t.offline_intro)}</p>
            <p role="status" class="copy-status">{status}</p>
            {move || match is_kept.get() {
                false => view! {
                    <button type="button" class="button" on:click=move |_| run.run(true)>{tr(|t| t.offline_keep)}</button>
                }.into_any(),
                true => view! {
                    <button type="button" class="button-secondary" on:click=move |_| run.run(false)>{tr(|t| t.offline_forget)}</button>
                }.into_any(),
            }}
        </section>
    }
    .into_any()
}
