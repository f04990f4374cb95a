//! One resource's life on screen: a placeholder of the final size, then the view, or its own
//! error with a retry while every other part of the page keeps working.
//! (A plain match on the resource: nested Transition/ErrorBoundary pairs lose errors in leptos 0.8.)

use std::marker::PhantomData;

use leptos::prelude::*;

use crate::api::client::Client;
use crate::api::json::FromJson;
use crate::api::resources::Resource;
use crate::api::ApiError;
use crate::components::clicked::clicked;
use crate::components::language::texts;
use crate::config::{self, Config, ConfigError};
use crate::i18n::{api_error, fill, Texts};
use crate::markup::Html;

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
        Remote::from_text(text_resource(expect_context::<Client>(), resource.path, resource.every_page))
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
pub fn text_resource(client: Client, path: String, every_page: bool) -> LocalResource<Result<String, ApiError>> {
    LocalResource::new(move || {
        let (client, path) = (client.clone(), path.clone());
        async move { client.document(&path, every_page).await }
    })
}

/// The configuration at `url`, read once and checked: `None` while it loads. A memo, so what is
/// built from it is built once per distinct config, never again for the same one.
pub fn config_at(url: String) -> Memo<Option<Result<Config, ConfigError>>> {
    let text = text_resource(Client::new(String::new(), None), url.clone(), false);
    Memo::new(move |_| {
        text.get().map(|r| r.map_err(|e| ConfigError::from_fetch(&url, &e)).and_then(|t| config::parse(&t)))
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
    move || {
        // loading and failing are markup in one view type; its wrapper takes no room of its own
        let t = texts();
        let mut html = Html::new();
        match state() {
            Some(Ok(view)) => return view,
            None => placeholder_into(&mut html, t, placeholder),
            Some(Err(error)) => error_into(&mut html, t, what, &error, "1"),
        }
        let on_click = move |ev: leptos::ev::MouseEvent| {
            if clicked(&ev, "data-retry").is_some() {
                retry.run(());
            }
        };
        view! { <div class="card-group" on:click=on_click inner_html=html.finish()></div> }.into_any()
    }
}

/// A part of a page being loaded, at its final size, as markup (see `markup`).
pub fn placeholder_into(html: &mut Html, t: &Texts, class: &str) {
    html.open("div", &[("class", &format!("placeholder {class}")), ("role", "status"), ("aria-live", "polite")])
        .el("span", &[("class", "visually-hidden")], t.loading)
        .close("div");
}

/// A part's error with a retry button; `retry` names the part for the click handler of a view
/// with several (see `clicked`).
pub fn error_into(html: &mut Html, t: &Texts, what: What, error: &ApiError, retry: &str) {
    html.open("div", &[("class", "panel panel-error"), ("role", "alert")])
        .el("p", &[("class", "panel-title")], &fill(t.not_available, &[what(t)]))
        .el("p", &[], &api_error(t, error))
        .el("button", &[("type", "button"), ("class", "button-secondary"), ("data-retry", retry)], t.retry)
        .close("div");
}
