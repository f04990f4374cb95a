//! One resource's life on screen: a placeholder of the final size, then the view, or its own
//! error with a retry while every other part of the page keeps working.
//! (A plain match on the resource: nested Transition/ErrorBoundary pairs lose errors in leptos 0.8.)

use leptos::ev;
use leptos::prelude::*;

use crate::client::resources::{self, Resource};
use crate::client::transport::check_origins;
use crate::client::{ApiError, Client, Credentials};
use crate::contract::config::{self, Config, ConfigError};
use crate::contract::{decode, Refusal, Training, TrainingPage};
use crate::i18n::{fill, Texts};
use crate::present::messages::api_error;
use crate::ui::keeping::Revision;
use crate::ui::language::{texts, tr};
use serde::de::DeserializeOwned;

/// The name of a part of a page in its error message: `|t| t.what_profile`.
pub type What = fn(&Texts) -> &'static str;

/// Response bodies as the service sent them: one for a resource, every page for the whole history.
type Bodies = Result<Vec<String>, ApiError>;

/// A resource being fetched and decoded once when its answer arrives. Every resource is fetched
/// by the same resource type (bodies as text), so the async machinery is compiled once, not once
/// per contract type; a memo holds the decoded value.
pub struct Remote<T: Send + Sync + 'static> {
    bodies: LocalResource<Bodies>,
    value: Memo<Option<Result<T, ApiError>>>,
}

impl<T: Send + Sync> Clone for Remote<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync> Copy for Remote<T> {}

impl<T: DeserializeOwned + Clone + Send + Sync + 'static> Remote<T> {
    /// A resource of the contract, from the client in context.
    pub fn new(resource: Resource<T>) -> Remote<T> {
        let (client, path) = (expect_context::<Client>(), resource.path);
        let revision = use_context::<Revision>();
        let bodies = LocalResource::new(move || {
            // a record kept on the device answers anew after each change
            revision.inspect(|r| r.0.track());
            let (client, path) = (client.clone(), path.clone());
            async move { client.get_text(&path).await.map(|(body, _)| vec![body]) }
        });
        Remote::from_bodies(bodies, |bodies| decode(bodies.first().map_or("", String::as_str)))
    }
}

impl Remote<Vec<Training>> {
    /// Every training on record: all pages of the history, from the client in context.
    pub fn whole_history() -> Remote<Vec<Training>> {
        let client = expect_context::<Client>();
        let revision = use_context::<Revision>();
        let bodies = LocalResource::new(move || {
            revision.inspect(|r| r.0.track());
            let client = client.clone();
            async move { client.every_page(resources::whole_history().path).await }
        });
        Remote::from_bodies(bodies, |pages| {
            let mut all = Vec::new();
            for page in pages {
                all.extend(decode::<TrainingPage>(page)?.items);
            }
            Ok(all)
        })
    }
}

impl<T: Clone + Send + Sync + 'static> Remote<T> {
    /// Answers from any source, e.g. a stub in tests, decoded by `decode`.
    pub fn from_bodies(bodies: LocalResource<Bodies>, decode: fn(&[String]) -> Result<T, Refusal>) -> Remote<T> {
        // a new answer is a new value: no comparison needed (nor `PartialEq` on the contract)
        let value = Memo::new_with_compare(
            move |_| {
                bodies.with(|b| {
                    b.as_ref().map(|b| b.as_ref().map_err(Clone::clone).and_then(|b| decode(b).map_err(ApiError::from)))
                })
            },
            |_, _| true,
        );
        Remote { bodies, value }
    }

    /// `None` while loading.
    pub fn get(&self) -> Option<Result<T, ApiError>> {
        self.value.get()
    }

    /// The value, once it is there and good.
    pub fn ok(&self) -> Option<T> {
        self.with_ok(|v| v.cloned())
    }

    /// Reads the value in place, once it is there and good (`None` before, or after an error).
    pub fn with_ok<R>(&self, f: impl FnOnce(Option<&T>) -> R) -> R {
        self.value.with(|r| f(r.as_ref().and_then(|r| r.as_ref().ok())))
    }

    /// Reads the answer in place, without a copy of what it holds.
    pub fn with<R>(&self, f: impl FnOnce(Option<&Result<T, ApiError>>) -> R) -> R {
        self.value.with(|r| f(r.as_ref()))
    }

    pub fn refetch(&self) {
        self.bodies.refetch();
    }
}

/// The configuration at `url`, read once and checked: `None` while it loads. A memo, so what is
/// built from it is built once per distinct config, never again for the same one.
pub fn config_at(url: String) -> Memo<Option<Result<Config, ConfigError>>> {
    let client = Client::new(url.clone(), Credentials::None);
    let at = url.clone();
    let text = LocalResource::new(move || {
        let (client, url) = (client.clone(), at.clone());
        async move { client.get_text(&url).await.map(|(body, _)| body) }
    });
    Memo::new(move |_| {
        text.get().map(|r| {
            r.map_err(|e| ConfigError::from_fetch(&url, &e)).and_then(|t| config::parse(&t)).and_then(check_origins)
        })
    })
}

/// The resource's view once it is there; its placeholder (a CSS class of the final size) or its
/// error before. `render` runs again only when the answer changes.
pub fn loaded<T, V>(
    res: Remote<T>,
    what: What,
    placeholder: &'static str,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // only the answer and the caller's view are per type: the switch between placeholder, view
    // and error is compiled once for every resource
    let state: State = Box::new(move || res.get().map(|r| r.map(|v| render(v).into_any())));
    switch(state, what, placeholder, Callback::new(move |()| res.refetch()))
}

type State = Box<dyn Fn() -> Option<Result<AnyView, ApiError>> + Send + Sync>;

fn switch(state: State, what: What, placeholder: &'static str, retry: Callback<()>) -> impl IntoView {
    move || match state() {
        None => view! { <Placeholder class=placeholder /> }.into_any(),
        Some(Err(error)) => view! { <RetryPanel what error retry /> }.into_any(),
        Some(Ok(view)) => view,
    }
}

/// A part of a page being loaded, at its final size.
#[component]
pub fn Placeholder(class: &'static str) -> impl IntoView {
    view! {
        <div class=format!("placeholder {class}") role="status" aria-live="polite">
            <span class="visually-hidden">{tr(|t| t.loading)}</span>
        </div>
    }
}

/// What could not be loaded, why, and a button that asks again.
#[component]
pub fn RetryPanel(what: What, error: ApiError, #[prop(into)] retry: Callback<()>) -> impl IntoView {
    retry_when_online(retry);
    view! {
        <div class="panel panel-error" role="alert">
            <p class="panel-title">{move || fill(texts().not_available, &[what(texts())])}</p>
            <p>{move || api_error(texts(), &error)}</p>
            <button type="button" class="button-secondary" on:click=move |_| retry.run(())>
                {tr(|t| t.retry)}
            </button>
        </div>
    }
}

/// Asks again when the connection comes back, while the owner (a part that failed) lives.
pub fn retry_when_online(retry: Callback<()>) {
    let back = window_event_listener(ev::online, move |_| retry.run(()));
    on_cleanup(move || back.remove());
}
