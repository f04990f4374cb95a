//! The browser transport: one GET helper with a time limit, the bearer token and error mapping.
//! A request made for a view is aborted when that view goes away (its reactive owner is
//! cleaned up), so a page left behind does not keep the network busy. It talks to the origin
//! of `apiBaseUrl` only: a `next` link elsewhere is refused and a redirect is never followed,
//! so the token cannot leave home.

use futures::future::LocalBoxFuture;
use gloo_net::http::Response;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::{ArcRwSignal, GetUntracked, Set};
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::oidc::Session;
use super::{resources, ApiError, LocalSource};
use crate::contract::oidc::Secret;
use crate::contract::config::{Config, ConfigError};
use crate::contract::copy::{Everything, Missing};
use crate::contract::{decode, Attendance, CarryOver, Entitlements, Me, TrainingPage};
use crate::domain::history::History;

const TIMEOUT_MS: i32 = 15_000;
/// The longest `Retry-After` waited out before asking again.
pub const RETRY_AFTER_MAX_S: u32 = 10;
/// The largest answer read: a page of 100 trainings is about 40 KB.
pub const MAX_BYTES: usize = 4_000_000;

#[derive(Clone, Debug)]
pub struct Client {
    base: String,
    /// The origin of `base`: the only one asked, and the only one the token goes to.
    home: Option<String>,
    credentials: Credentials,
    timeout_ms: i32,
    /// The person's own copy or record, which answers in place of the service (`client::device`).
    device: Option<Arc<dyn LocalSource>>,
    /// What answers while the service cannot be reached (`client::offline`).
    fallback: Option<Arc<dyn Fallback>>,
}

/// Answers kept on this device for when the service cannot be reached. A trait, so that a build
/// which never keeps any (the widget) carries none of the code.
pub trait Fallback: Send + Sync {
    /// The body kept for `path`, if there is one.
    fn answer<'a>(&'a self, path: &'a str) -> LocalBoxFuture<'a, Option<String>>;
}

impl std::fmt::Debug for dyn Fallback {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("Fallback")
    }
}

/// How requests to the API prove who asks. A token is held in memory only: never stored, logged
/// or put in a URL.
#[derive(Clone, Debug)]
pub enum Credentials {
    None,
    /// Handed over by the page that embeds the widget.
    Token(Secret),
    /// The app's own sign-in (`client::oidc`), renewed as it goes.
    SignedIn(Arc<Session>),
    /// The API's session cookie (`auth.mode: "session"`). `signed_in` is what the API last said:
    /// `None` before it answered, `Some(false)` on a 401 (the views offer to sign in).
    Cookie { signed_in: ArcRwSignal<Option<bool>> },
    /// The app's sign-in could not reach its provider: nothing can prove who asks, so the
    /// service is not asked, and every answer is as offline (the figures kept on this device
    /// answer, where the person keeps them).
    Unreached,
}

/// Aborts the request when dropped late, and stops the timer when dropped in time.
struct Deadline {
    controller: web_sys::AbortController,
    handle: Option<i32>,
    _on_timeout: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start(ms: i32) -> Option<Deadline> {
        let controller = web_sys::AbortController::new().ok()?;
        let abort = controller.clone();
        let on_timeout = Closure::<dyn FnMut()>::new(move || abort.abort());
        let handle = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.as_ref().unchecked_ref(), ms)
            .ok();
        Some(Deadline { controller, handle, _on_timeout: on_timeout })
    }

    fn expired(&self) -> bool {
        self.controller.signal().aborted()
    }

    /// Aborts the request when the reactive owner it was made under (a view, a resource that
    /// runs again) is cleaned up; outside of one, it only has its time limit.
    fn with_owner(self) -> Deadline {
        let controller = SendWrapper::new(self.controller.clone());
        on_cleanup(move || controller.abort());
        self
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let (Some(w), Some(h)) = (web_sys::window(), self.handle) {
            w.clear_timeout_with_handle(h);
        }
    }
}

/// One page of history with its `next` link already made absolute.
pub struct Page {
    pub body: TrainingPage,
    pub next_url: Option<String>,
    /// The page as the service sent it, for a copy the person keeps.
    pub raw: String,
}

impl Client {
    /// A client of the service at `base` (absolute, or relative to the page).
    pub fn new(base: String, credentials: Credentials) -> Client {
        let home = absolute(&base).map(|u| u.origin());
        Client { base, home, credentials, timeout_ms: TIMEOUT_MS, device: None, fallback: None }
    }

    /// A client of the person's own copy, on this device: the same resources, no network.
    pub fn on_device(device: Arc<dyn LocalSource>) -> Client {
        Client { device: Some(device), ..Client::new(String::new(), Credentials::None) }
    }

    /// Where the account comes from, for a copy to say: the service's address, or what the
    /// opened copy said of itself.
    pub fn source(&self) -> Option<String> {
        match &self.device {
            Some(device) => device.source(),
            None => service_source(&self.base),
        }
    }

    /// A client that answers from `fallback` when the service cannot be reached.
    pub fn with_fallback(self, fallback: Arc<dyn Fallback>) -> Client {
        Client { fallback: Some(fallback), ..self }
    }

    /// The same client, without its fallback: answers from the service or none.
    pub fn network_only(&self) -> Client {
        Client { fallback: None, ..self.clone() }
    }

    /// Another time limit than the default 15 s.
    pub fn with_timeout(self, timeout_ms: i32) -> Client {
        Client { timeout_ms, ..self }
    }

    /// GETs a resource path (or an absolute URL, for `next` links) and returns the body and the
    /// final URL. Not generic: the transport is compiled once, not once per resource type.
    pub async fn get_text(&self, path: &str) -> Result<(String, String), ApiError> {
        if let Some(device) = &self.device {
            return device.answer(path).map(|body| (body, path.to_string()));
        }
        let answer = match self.ask_service(path).await {
            // a short wait asked for is waited out, and the service asked once more; a longer
            // one is the person's to know (`present::messages`)
            Err(ApiError::RateLimited { retry_after_seconds: Some(s) }) if s <= RETRY_AFTER_MAX_S => {
                pause(s).await;
                self.ask_service(path).await
            }
            answer => answer,
        };
        match (&answer, &self.fallback) {
            (Err(ApiError::Offline | ApiError::Timeout), Some(kept)) => match kept.answer(path).await {
                Some(body) => Ok((body, path.to_string())),
                None => answer,
            },
            _ => answer,
        }
    }

    async fn ask_service(&self, path: &str) -> Result<(String, String), ApiError> {
        if matches!(self.credentials, Credentials::Unreached) {
            return Err(ApiError::Offline);
        }
        let url = if path.contains("://") { path.to_string() } else { resources::join(&self.base, path) };
        if absolute(&url).map(|u| u.origin()) != self.home {
            return Err(ApiError::Elsewhere);
        }
        let token = match &self.credentials {
            Credentials::SignedIn(session) => session.access(),
            _ => None,
        };
        match (self.get_once(&url, token.as_ref()).await, &self.credentials, token) {
            // a token refused is renewed once and the request made again; refused again, or not
            // renewed, the session has ended
            (Err(ApiError::Unauthorized), Credentials::SignedIn(session), Some(used)) => {
                let again = match session.renew(&used).await {
                    true => self.get_once(&url, session.access().as_ref()).await,
                    false => Err(ApiError::Unauthorized),
                };
                if again == Err(ApiError::Unauthorized) {
                    session.end();
                }
                again
            }
            (answer, Credentials::Cookie { signed_in }, _) => {
                let said = match &answer {
                    Err(ApiError::Unauthorized) => Some(false),
                    Ok(_) => Some(true),
                    Err(_) => None,
                };
                if said.is_some() && said != signed_in.get_untracked() {
                    signed_in.set(said);
                }
                answer
            }
            (answer, _, _) => answer,
        }
    }

    async fn get_once(&self, url: &str, token: Option<&Secret>) -> Result<(String, String), ApiError> {
        let url = url.to_string();
        let deadline = Deadline::start(self.timeout_ms).map(Deadline::with_owner);
        let req = self
            .request(&url, token, deadline.as_ref())
            .ok_or_else(|| ApiError::Malformed(format!("\"{url}\" is not a usable URL")))?;
        let lost = || match deadline.as_ref().is_some_and(Deadline::expired) {
            true => ApiError::Timeout,
            false => ApiError::Offline,
        };
        let resp = send(&req).await.map_err(|_| lost())?;
        if resp.type_() == web_sys::ResponseType::Opaqueredirect {
            return Err(ApiError::Elsewhere);
        }
        // a length said up front is refused before the body is read; a body sent without one is
        // measured once it is in
        let said = resp.headers().get("Content-Length").and_then(|n| n.parse::<usize>().ok());
        if said.is_some_and(|n| n > MAX_BYTES) {
            if let Some(d) = &deadline {
                d.controller.abort();
            }
            return Err(ApiError::TooLarge);
        }
        let body = resp.text().await.map_err(|_| lost())?;
        if body.len() > MAX_BYTES {
            return Err(ApiError::TooLarge);
        }
        if !resp.ok() {
            return Err(ApiError::from_status(resp.status(), &body, resp.headers().get("Retry-After").as_deref()));
        }
        // a synthetic response (a service worker's, say) has no URL: links then resolve against ours
        let final_url = Some(resp.url()).filter(|u| !u.is_empty()).unwrap_or(url);
        Ok((body, final_url))
    }

    /// The request as it goes out. Built here rather than with gloo-net's builder, which appends a
    /// stray `&` to URLs that already have a query (and so would alter `next` links).
    fn request(&self, url: &str, token: Option<&Secret>, deadline: Option<&Deadline>) -> Option<web_sys::Request> {
        let headers = web_sys::Headers::new().ok()?;
        headers.set("Accept", "application/json").ok()?;
        let token = match &self.credentials {
            Credentials::Token(token) => Some(token),
            _ => token,
        };
        if let Some(token) = token {
            headers.set("Authorization", &format!("Bearer {}", token.expose())).ok()?;
        }
        let init = web_sys::RequestInit::new();
        if matches!(self.credentials, Credentials::Cookie { .. }) {
            // the session cookie goes to the API's origin, also when it is not the page's
            init.set_credentials(web_sys::RequestCredentials::Include);
        }
        init.set_method("GET");
        init.set_headers(&headers);
        init.set_signal(deadline.map(|d| d.controller.signal()).as_ref());
        // a redirect's target is not known before it is followed: none is
        init.set_redirect(web_sys::RequestRedirect::Manual);
        web_sys::Request::new_with_str_and_init(url, &init).ok()
    }

    /// One page of the history: `path` is the first page's (`resources::trainings`) or a `next` link.
    pub async fn trainings(&self, path: &str) -> Result<Page, ApiError> {
        let (raw, final_url) = self.get_text(path).await?;
        let body: TrainingPage = decode(&raw)?;
        let next_url = match body.next.as_deref() {
            Some(next) => Some(resolve(next, &final_url)?),
            None => None,
        };
        Ok(Page { body, next_url, raw })
    }

    /// Every page of the history from the first page's `path` on, as the service sent them,
    /// following the `next` links to the end. Paging that does not end (see `History`) is an
    /// error here: a list cut short would not add up.
    pub async fn every_page(&self, mut path: String) -> Result<Vec<String>, ApiError> {
        let (mut pages, mut history) = (Vec::new(), History::default());
        loop {
            let page = self.trainings(&path).await?;
            pages.push(page.raw);
            history.append(page.body.items, page.body.total, page.next_url);
            if let Some(stop) = history.stopped {
                return Err(ApiError::Paging(stop));
            }
            match history.next.take() {
                Some(next) => path = next,
                None => return Ok(pages),
            }
        }
    }

    /// The whole account, each body as the service sent it, for a copy the person keeps
    /// (`years_of` reads the years from the profile, `None` where it failed). A resource the
    /// service does not give, or gives otherwise than the contract says, is left out and named
    /// in `missing`; with it come the errors met, by the resource's place in the copy.
    pub async fn everything(&self, years_of: impl Fn(Option<&Me>) -> Vec<i32>) -> (Everything, Vec<(String, ApiError)>) {
        let mut failed = Vec::new();
        let me = self.body::<Me>(resources::me().path, "me".into(), &mut failed).await;
        let years = years_of(me.as_ref().and_then(|b| decode::<Me>(b.get()).ok()).as_ref());
        let carry_over = self.body::<CarryOver>(resources::carry_over().path, "carryOver".into(), &mut failed).await;
        let (mut entitlements, mut attendance) = (BTreeMap::new(), BTreeMap::new());
        for year in years {
            let path = resources::entitlements(year).path;
            entitlements.extend(self.body::<Entitlements>(path, format!("entitlements.{year}"), &mut failed).await.map(|b| (year, b)));
            let path = resources::attendance(year).path;
            attendance.extend(self.body::<Attendance>(path, format!("attendance.{year}"), &mut failed).await.map(|b| (year, b)));
        }
        // every page, or none: a history cut short is no history
        let pages = self.every_page(resources::whole_history().path).await.and_then(|p| p.into_iter().map(raw).collect());
        let training_pages = pages.unwrap_or_else(|e| {
            failed.push(("trainingPages".into(), e));
            Vec::new()
        });
        let missing = failed.iter().map(|(resource, e)| Missing { resource: resource.clone(), why: e.to_string() }).collect();
        let all = Everything { me, carry_over, entitlements, attendance, training_pages, missing };
        (all, failed)
    }

    /// A resource's body, once it reads as its contract type; else `None`, and why in `failed`.
    async fn body<T: DeserializeOwned>(
        &self,
        path: String,
        resource: String,
        failed: &mut Vec<(String, ApiError)>,
    ) -> Option<Box<RawValue>> {
        let read = match self.get_text(&path).await {
            Ok((text, _)) => decode::<T>(&text).map_err(ApiError::from).and_then(|_| raw(text)),
            Err(e) => Err(e),
        };
        read.map_err(|e| failed.push((resource, e))).ok()
    }
}

/// A body kept as the service sent it, once it is known to be JSON.
fn raw(body: String) -> Result<Box<RawValue>, ApiError> {
    RawValue::from_string(body).map_err(|e| ApiError::Malformed(e.to_string()))
}

#[wasm_bindgen]
extern "C" {
    /// The boot module's (scripts/early.js): the answer to this request when it was started
    /// while the wasm downloaded, else a fetch. The widget and the tests have none.
    #[wasm_bindgen(catch, js_name = earlyFetch)]
    fn early_fetch(request: &web_sys::Request) -> Result<js_sys::Promise, JsValue>;
}

async fn send(req: &web_sys::Request) -> Result<Response, JsValue> {
    let answer = match early_fetch(req) {
        Ok(answer) => answer,
        Err(_) => web_sys::window().ok_or(JsValue::NULL)?.fetch_with_request(req),
    };
    Ok(Response::from(JsFuture::from(answer).await?.unchecked_into::<web_sys::Response>()))
}

/// `embed.allowedParentOrigins` must hold exact origins (`scheme://host[:port]`) as the browser
/// writes them: `*` or `null` would let any page in, and a path or a trailing slash would
/// silently match none.
pub fn check_origins(config: Config) -> Result<Config, ConfigError> {
    for (i, o) in config.embed.allowed_parent_origins.iter().enumerate() {
        if !web_sys::Url::new(o).is_ok_and(|u| u.origin() == *o) {
            let why =
                format!("embed.allowedParentOrigins[{i}] \"{o}\" is not an origin such as https://intranet.example.be");
            return Err(ConfigError::Invalid { why });
        }
    }
    Ok(config)
}

/// `url` made absolute against the page's address.
/// The service at `base` (absolute, or relative to the page), as a copy of its figures names it.
pub fn service_source(base: &str) -> Option<String> {
    absolute(base).map(|u| u.href())
}

fn absolute(url: &str) -> Option<web_sys::Url> {
    web_sys::Url::new_with_base(url, &web_sys::window()?.location().href().ok()?).ok()
}

/// Resolves a `next` link against the URL of the response that carried it.
pub fn resolve(link: &str, base: &str) -> Result<String, ApiError> {
    web_sys::Url::new_with_base(link, base)
        .map(|u| u.href())
        .map_err(|_| ApiError::Malformed(format!("the next-page link \"{link}\" is not a URL")))
}

/// Where `config.json` is: at the site's root, which Trunk writes into the `<base>` element (its
/// public URL). Read from the element itself, not from `document.baseURI`, which falls back to
/// the page's own folder where a `<base>` is ignored: a deep link such as `/trainings/42` still
/// finds it.
pub fn config_url() -> String {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("base").ok().flatten())
        .and_then(|b| b.get_attribute("href"))
        .unwrap_or_else(|| "/".into());
    let root = absolute(&root).map_or(root, |u| u.href());
    resolve("config.json", &root).unwrap_or_else(|_| "/config.json".into())
}

/// Resolves after `seconds` (at once where there is no window to time it).
async fn pause(seconds: u32) {
    let Some(window) = web_sys::window() else { return };
    let waited = js_sys::Promise::new(&mut |resolve, _| {
        let ms = i32::try_from(seconds.saturating_mul(1000)).unwrap_or(i32::MAX);
        if window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).is_err() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(waited).await;
}
