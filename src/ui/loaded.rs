//! One resource's life on screen: a placeholder of the final size, then the view, or its own
//! error with a retry while every other part of the page keeps working.
//! (A plain match on the resource: nested Transition/ErrorBoundary pairs lose errors in leptos 0.8.)

use leptos::prelude::*;

use crate::client::resources::Resource;
use crate::client::transport::Client;
use crate::contract::config::{self, Config, ConfigError};
use crate::contract::json::FromJson;
use crate::contract::ApiError;
use crate::i18n::{fill, Texts};
use crate::present::markup::Html;
use crate::present::messages::api_error;
use crate::ui::clicked::clicked;
use crate::ui::language::texts;

/// The name of a part of a page in its error message: `|t| t.what_profile`.
pub type What = fn(&Texts) -> &'static str;

/// A resource being fetched. Every resource is fetched as text by the same code (the async
/// machinery is compiled once), and decoded to its contract type once per answer, by a memo.
pub struct Remote<T: Send + Sync + 'static> {
    text: LocalResource<Result<String, ApiError>>,
    value: Memo<Option<Result<T, ApiError>>>,
}

impl<T: Send + Sync> Clone for Remote<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync> Copy for Remote<T> {}

impl<T: FromJson + Clone + Send + Sync + 'static> Remote<T> {
    pub fn new(resource: Resource<T>) -> Remote<T> {
        Remote::from_text(text_resource(expect_context::<Client>(), resource.path, resource.every_page))
    }

    /// Any source of response bodies, e.g. a stub in tests.
    pub fn from_text(text: LocalResource<Result<String, ApiError>>) -> Remote<T> {
        // a new answer is a new value: no comparison needed (nor `PartialEq` on the contract)
        let value = Memo::new_with_compare(
            move |_| text.with(|r| r.as_ref().map(|r| r.clone().and_then(|body| Resource::<T>::decode(&body)))),
            |_, _| true,
        );
        Remote { text, value }
    }

    /// `None` while loading.
    pub fn get(&self) -> Option<Result<T, ApiError>> {
        self.value.get()
    }

    /// Reads the answer in place, without a copy of what it holds.
    pub fn with<R>(&self, f: impl FnOnce(Option<&Result<T, ApiError>>) -> R) -> R {
        self.value.with(|r| f(r.as_ref()))
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
    T: FromJson + Clone + Send + Sync + 'static,
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
