//! Signing in, in the app's own words: the screen that says why, the gate that holds the pages
//! until the person is signed in, the notice that a session has ended, and the header's sign-out.
//! The app signs in itself (`oidc`, see `client::oidc`) or leaves it to the API's back end
//! (`session`, its cookie).

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::client::offline::Offline;
use crate::client::oidc::{self, Provider, Session, Start};
use crate::client::store;
use crate::client::{Client, Credentials};
use crate::contract::config::Oidc;
use crate::domain::address::with_query;
use crate::domain::sign_in::Failure;
use crate::present::sign_in::failure as failure_words;
use crate::ui::language::{texts, tr};

/// Who is signed in, for the header's sign-out and the notice that a session ended.
#[derive(Clone)]
pub enum Account {
    SignedIn(Arc<Session>),
    Cookie { login_url: String, logout_url: String, signed_in: ArcRwSignal<Option<bool>> },
}

/// The signed-in account, none until someone is: provided once, above the header.
pub fn provide_account() {
    provide_context(RwSignal::new(None::<Account>));
}

fn account() -> RwSignal<Option<Account>> {
    expect_context()
}

/// The pages once the person is signed in with the app's own sign-in; before, the sign-in screen.
/// Where the provider cannot be reached, the figures kept on this device, if the person keeps
/// them (`offline`), until the connection is back and the sign-in starts again.
#[component]
pub fn SignInFirst(oidc: Oidc, api: String, pages: Callback<Client, AnyView>, offline: Offline) -> impl IntoView {
    let start = LocalResource::new(move || {
        let oidc = oidc.clone();
        async move { oidc::start(&oidc).await }
    });
    let navigate = use_navigate();
    move || {
        let Some(started) = start.get() else {
            return view! { <p class="boot" role="status">{tr(|t| t.signing_in)}</p> }.into_any();
        };
        match started {
            Ok(Start::SignedIn(session)) => {
                // the router started on the redirect address, which is now the page asked for
                let here = window().location();
                let asked = here.pathname().unwrap_or_default() + &here.search().unwrap_or_default();
                navigate(&asked, NavigateOptions { replace: true, ..Default::default() });
                account().set(Some(Account::SignedIn(session.clone())));
                pages.run(Client::new(api.clone(), Credentials::SignedIn(session)))
            }
            Ok(Start::SignedOut { provider, ended, failure }) => {
                view! { <SignInScreen provider=Some(provider) failure ended /> }.into_any()
            }
            Ok(Start::Leaving) => view! { <p class="boot" role="status">{tr(|t| t.signing_in)}</p> }.into_any(),
            Err(Failure::ProviderDown) => {
                let kept = Client::new(api.clone(), Credentials::Unreached);
                let again = Callback::new(move |()| start.refetch());
                view! { <Unreached offline=offline.clone() pages kept again /> }.into_any()
            }
            Err(failure) => view! { <SignInScreen provider=None failure=Some(failure) ended=false /> }.into_any(),
        }
    }
}

/// The provider could not be reached: the figures kept on this device, with the pages' mark that
/// says so, or, where none are kept, the sign-in screen with the failure. The sign-in starts
/// `again` when the connection comes back.
#[component]
fn Unreached(offline: Offline, pages: Callback<Client, AnyView>, kept: Client, again: Callback<()>) -> impl IntoView {
    let back = window_event_listener(leptos::ev::online, move |_| again.run(()));
    on_cleanup(move || back.remove());
    let day = LocalResource::new(move || {
        let offline = offline.clone();
        async move { offline.kept_on().await }
    });
    move || match day.get() {
        None => view! { <p class="boot" role="status">{tr(|t| t.signing_in)}</p> }.into_any(),
        Some(Some(_)) => pages.run(kept.clone()),
        Some(None) => {
            view! { <SignInScreen provider=None failure=Some(Failure::ProviderDown) ended=false /> }.into_any()
        }
    }
}

/// Why to sign in, what went wrong if it did, and the way in.
#[component]
fn SignInScreen(provider: Option<Provider>, failure: Option<Failure>, ended: bool) -> impl IntoView {
    // a missing provider session has no words of its own: the screen says enough
    let said = failure.filter(|f| failure_words(texts(), f).is_some());
    view! {
        <section class="sign-in" aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">
                {move || if ended { texts().session_ended } else { texts().sign_in_title }}
            </h1>
            {said.map(|f| view! {
                <div class="panel panel-error" role="alert">
                    <p class="panel-title">{tr(|t| t.sign_in_failed)}</p>
                    <p class="sign-in-failure">{move || failure_words(texts(), &f)}</p>
                </div>
            })}
            <p>{move || if ended { texts().session_ended_help } else { texts().sign_in_why }}</p>
            {match provider {
                Some(provider) => view! { <SignInButton provider /> }.into_any(),
                // the provider itself failed: trying again starts from the top
                None => view! { <a class="button" href="/">{tr(|t| t.retry)}</a> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn SignInButton(provider: Provider) -> impl IntoView {
    let provider = StoredValue::new(provider);
    view! {
        <button type="button" class="button" on:click=move |_| {
            let provider = provider.get_value();
            spawn_local(async move { provider.sign_in(false).await });
        }>
            {tr(|t| t.sign_in)}
        </button>
    }
}

/// The API's own session said no one is signed in.
pub fn signed_out() -> bool {
    account().with(|a| matches!(a, Some(Account::Cookie { signed_in, .. }) if signed_in.get() == Some(false)))
}

/// Above the page, once the app's own session has ended: the page stays as it is, with a way
/// back in that returns to it.
#[component]
pub fn SessionEnded() -> impl IntoView {
    move || match account().get()? {
        Account::SignedIn(session) if session.ended.get() => Some(
            view! {
                <div class="panel panel-error session-ended" role="alert">
                    <p class="panel-title">{tr(|t| t.session_ended)}</p>
                    <p>{tr(|t| t.session_ended_help)}</p>
                    <button type="button" class="button" on:click=move |_| {
                        let session = session.clone();
                        spawn_local(async move { session.sign_in_again().await });
                    }>
                        {tr(|t| t.sign_in)}
                    </button>
                </div>
            }
            .into_any(),
        ),
        _ => None,
    }
}

/// The sign-in screen of the API's own session: a link to its sign-in, which returns to this
/// page with its query.
#[component]
pub fn SignInThroughApi() -> impl IntoView {
    let location = use_location();
    let href = move || {
        let Some(Account::Cookie { login_url, .. }) = account().get() else { return String::new() };
        // the router's search is without its `?`
        let search = location.search.get();
        let back = location.pathname.get() + if search.is_empty() { "" } else { "?" } + &search;
        with_query(login_url, [("return", back.as_str())])
    };
    view! {
        <section class="sign-in" aria-labelledby="sign-in-title">
            <h1 id="sign-in-title">{tr(|t| t.sign_in_title)}</h1>
            <p>{tr(|t| t.sign_in_why)}</p>
            <a class="button" href=href rel="external">{tr(|t| t.sign_in)}</a>
        </section>
    }
}

/// The header's sign-out, for a signed-in person. The figures kept on this device for offline
/// use are deleted first: after signing out, nothing of the account is left in the browser.
#[component]
pub fn SignOut() -> impl IntoView {
    move || match account().get()? {
        Account::SignedIn(session) if !session.ended.get() => Some(
            view! {
                <button type="button" class="sign-out" on:click=move |_| {
                    let session = session.clone();
                    spawn_local(async move {
                        let _ = store::forget_offline().await;
                        session.sign_out();
                    });
                }>
                    {tr(|t| t.sign_out)}
                </button>
            }
            .into_any(),
        ),
        // a POST, so that no link or image elsewhere can sign the person out (the back end
        // checks where a POST comes from)
        Account::Cookie { logout_url, signed_in, .. } if signed_in.get() == Some(true) => Some(
            view! {
                <form method="post" action=logout_url class="sign-out-form" on:submit=|ev| {
                    ev.prevent_default();
                    let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok()) else { return };
                    // sent once the copy is gone (`submit()` does not come back here)
                    spawn_local(async move {
                        let _ = store::forget_offline().await;
                        let _ = form.submit();
                    });
                }>
                    <button type="submit" class="sign-out">{tr(|t| t.sign_out)}</button>
                </form>
            }
            .into_any(),
        ),
        _ => None,
    }
}
