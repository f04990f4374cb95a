//! One resource's life on screen: a placeholder of the final size, then the view, or its own
//! error with a retry while every other part of the page keeps working.
//! (A plain match on the resource: nested Transition/ErrorBoundary pairs lose errors in leptos 0.8.)

use std::marker::PhantomData;

use leptos::prelude::*;

use crate::api::client::Client;
use crate::api::json::FromJson;
use crate::api::resources::Resource;
use crate::api::ApiError;
use crate::components::language::{texts, tr};
use crate::i18n::{api_error, fill, Texts};

/// The name of a part of a page in its error message: `|t| t.what_profile`.
pub type What = fn(&Texts) -> &'static str;

/// A resource being fetched. Every resource is fetched as text by the same code (the async
/// machinery is compiled once) and decoded to its contract type when read.
pub struct Remote<T> {
    text: LocalResource<Result<String, ApiError>>,
    kind: PhantomData<fn() -> T>,
}

impl<T> Clone for Remote<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Remote<T> {}

impl<T: FromJson> Remote<T> {
    pub fn new(resource: Resource<T>) -> Remote<T> {
        Remote::from_text(text_resource(expect_context::<Client>(), resource.path))
    }

    /// Any source of response bodies, e.g. a stub in tests.
    pub fn from_text(text: LocalResource<Result<String, ApiError>>) -> Remote<T> {
        Remote { text, kind: PhantomData }
    }

    /// `None` while loading.
    pub fn get(&self) -> Option<Result<T, ApiError>> {
        self.text.get().map(|r| r.and_then(|body| Resource::<T>::decode(&body)))
    }

    pub fn refetch(&self) {
        self.text.refetch();
    }
}

/// The one fetching resource of the app: response bodies as text.
pub fn text_resource(client: Client, path: String) -> LocalResource<Result<String, ApiError>> {
    LocalResource::new(move || {
        let (client, path) = (client.clone(), path.clone());
        async move { client.get_text(&path).await.map(|(body, _)| body) }
    })
}

pub fn loaded<T, V>(
    res: Remote<T>,
    what: What,
    placeholder: &'static str,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: FromJson + 'static,
    V: IntoView + 'static,
{
    // only decoding and the caller's view are per type; the switch between placeholder, view and
    // error below is compiled once for all resources
    let state: StateFn = Box::new(move || res.get().map(|r| r.map(|v| render(v).into_any())));
    state_view(state, what, placeholder, Callback::new(move |()| res.refetch()))
}

type StateFn = Box<dyn Fn() -> Option<Result<AnyView, ApiError>> + Send + Sync>;

fn state_view(state: StateFn, what: What, placeholder: &'static str, retry: Callback<()>) -> impl IntoView {
    move || match state() {
        None => view! { <Placeholder class=placeholder /> }.into_any(),
        Some(Ok(view)) => view,
        Some(Err(error)) => view! { <ErrorPanel t=texts() what error retry /> }.into_any(),
    }
}

#[component]
pub fn Placeholder(class: &'static str) -> impl IntoView {
    view! {
        <div class=format!("placeholder {class}") role="status" aria-live="polite">
            <span class="visually-hidden">{tr(|t| t.loading)}</span>
        </div>
    }
}

/// `t` comes from the caller's reactive closure, which runs again when the language changes.
#[component]
pub fn ErrorPanel(t: &'static Texts, what: What, error: ApiError, retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="panel panel-error" role="alert">
            <p class="panel-title">{fill(t.not_available, &[what(t)])}</p>
            <p>{api_error(t, &error)}</p>
            <button type="button" class="button-secondary" on:click=move |_| retry.run(())>{t.retry}</button>
        </div>
    }
}
