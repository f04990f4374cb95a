//! The API client against a stubbed `window.fetch` in Chromium: what it sends, how it maps answers.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use training_account::client::resources;
use training_account::client::transport::MAX_BYTES;
use training_account::client::transport::{check_origins, config_url, Client, Fallback};
use training_account::client::{ApiError, Credentials};
use training_account::contract::oidc::Secret;
use training_account::contract::config::{AuthMode, Config, ConfigError, Embed};
use training_account::contract::error::PagingStop;
use training_account::contract::Me;
use training_account::domain::history::MAX_PAGES;
use training_account::ui::loaded::Remote;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function stub_fetch(status, body, headers, hang) {
  window.__seen = [];
  window.fetch = (input, init) => {
    const req = input instanceof Request ? input : new Request(input, init);
    window.__seen.push({ url: req.url, auth: req.headers.get('Authorization'), redirect: req.redirect, credentials: req.credentials });
    if (hang) {
      window.__aborted = false;
      return new Promise((_, reject) => req.signal.addEventListener('abort', () => {
        window.__aborted = true;
        reject(new DOMException('aborted', 'AbortError'));
      }));
    }
    if (status === 0) return Promise.reject(new TypeError('Failed to fetch'));
    return Promise.resolve(new Response(body, { status, headers: JSON.parse(headers) }));
  };
}
// a history whose every page has one new training and a next link, page after page
export function stub_endless_pages() {
  window.__seen = [];
  window.fetch = (input, init) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const n = window.__seen.push({ url: req.url });
    const training = { id: `t-${n}`, employerId: 'e1', title: 'x', startDate: '2026-01-01', endDate: '2026-01-01',
      durationMinutes: 60, type: 'FORMAL', status: 'COMPLETED', countsTowardsRight: true, registeredBy: 'EMPLOYER' };
    const body = JSON.stringify({ items: [training], next: `trainings?cursor=${n}` });
    return Promise.resolve(new Response(body, { status: 200 }));
  };
}
export function seen_count() { return window.__seen.length; }
export function seen_redirect(i) { return window.__seen[i]?.redirect ?? null; }
export function seen_auth(i) { return window.__seen[i]?.auth ?? null; }
export function seen_credentials(i) { return window.__seen[i]?.credentials ?? null; }
export function seen_url(i) { return window.__seen[i]?.url ?? null; }
export function aborted() { return window.__aborted === true; }
"#)]
extern "C" {
    fn stub_fetch(status: u16, body: &str, headers: &str, hang: bool);
    fn stub_endless_pages();
    fn seen_count() -> u32;
    fn seen_redirect(i: u32) -> Option<String>;
    fn seen_auth(i: u32) -> Option<String>;
    fn seen_credentials(i: u32) -> Option<String>;
    fn seen_url(i: u32) -> Option<String>;
    fn aborted() -> bool;
}

fn client(token: Option<&str>) -> Client {
    let credentials = token.map_or(Credentials::None, |t| Credentials::Token(Secret::new(t.into())));
    Client::new("http://api.test/base/".into(), credentials)
}

#[wasm_bindgen_test]
async fn sends_the_bearer_token_only_when_there_is_one() {
    stub_fetch(200, "{}", "{}", false);
    let (body, _) = client(Some("t0k3n")).get_text("v1/me").await.unwrap();
    assert_eq!(body, "{}");
    assert_eq!(seen_auth(0).as_deref(), Some("Bearer t0k3n"));
    assert_eq!(seen_url(0).as_deref(), Some("http://api.test/base/v1/me"));
    client(None).get_text("v1/me").await.unwrap();
    assert_eq!(seen_auth(1), None);
}

#[wasm_bindgen_test]
async fn maps_statuses_bodies_and_network_failures() {
    stub_fetch(429, "", r#"{"Retry-After": "30"}"#, false);
    assert_eq!(
        client(None).get_text("v1/me").await.unwrap_err(),
        ApiError::RateLimited { retry_after_seconds: Some(30) }
    );
    stub_fetch(
        400,
        r#"{"title":"Bad Request","status":400,"detail":"year is required"}"#,
        r#"{"Content-Type": "application/problem+json"}"#,
        false,
    );
    assert_eq!(
        client(None).get_text("v1/me/entitlements").await.unwrap_err(),
        ApiError::Rejected { status: 400, detail: Some("year is required".into()) }
    );
    stub_fetch(502, "<html>Bad gateway</html>", "{}", false);
    assert_eq!(client(None).get_text("v1/me").await.unwrap_err(), ApiError::Server { status: 502 });
    stub_fetch(0, "", "{}", false);
    assert_eq!(client(None).get_text("v1/me").await.unwrap_err(), ApiError::Offline);
}

#[wasm_bindgen_test]
async fn gives_up_after_its_time_limit() {
    stub_fetch(200, "", "{}", true);
    let err = client(None).with_timeout(50).get_text("v1/me").await.unwrap_err();
    assert_eq!(err, ApiError::Timeout);
}

#[wasm_bindgen_test]
async fn history_pages_follow_relative_next_links() {
    stub_fetch(200, r#"{"items": [], "total": 0, "next": "trainings?limit=20&cursor=20"}"#, "{}", false);
    let page = client(None).trainings(&resources::trainings(20, None)).await.unwrap();
    assert_eq!(seen_url(0).as_deref(), Some("http://api.test/base/v1/me/trainings?limit=20"));
    // the stub's Response has no URL, so the link resolves against the request's own
    assert_eq!(page.next_url.as_deref(), Some("http://api.test/base/v1/me/trainings?limit=20&cursor=20"));
}

async fn tick(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_request_is_aborted_when_its_view_goes_away() {
    stub_fetch(200, "", "{}", true);
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap().unchecked_into::<web_sys::HtmlElement>();
    doc.body().unwrap().append_child(&div).unwrap();
    let view = leptos::mount::mount_to(div, || {
        provide_context(client(None));
        Remote::<Me>::new(resources::me());
    });
    tick(20).await;
    assert_eq!(seen_url(0).as_deref(), Some("http://api.test/base/v1/me"), "the request went out");
    assert!(!aborted());
    drop(view);
    tick(20).await;
    assert!(aborted(), "the view is gone, and its request with it");
}

#[wasm_bindgen_test]
async fn the_token_never_leaves_the_services_origin() {
    let training = r#"{"id": "t-1", "employerId": "e1", "title": "x", "startDate": "2026-01-01", "endDate": "2026-01-01",
        "durationMinutes": 60, "type": "FORMAL", "status": "COMPLETED", "countsTowardsRight": true, "registeredBy": "EMPLOYER"}"#;
    let page = format!(r#"{{"items": [{training}], "next": "https://elsewhere.test/steal?cursor=2"}}"#);
    stub_fetch(200, &page, "{}", false);
    let c = client(Some("t0k3n"));
    let err = c.every_page(resources::trainings(100, None)).await.unwrap_err();
    assert_eq!(err, ApiError::Elsewhere, "a next link to another origin is refused");
    assert_eq!(seen_count(), 1, "and never requested");
    assert_eq!(c.get_text("http://api.test.evil/v1/me").await.unwrap_err(), ApiError::Elsewhere);
    assert_eq!(c.get_text("https://api.test/base/v1/me").await.unwrap_err(), ApiError::Elsewhere, "another scheme");
    assert_eq!(seen_count(), 1);
    // a redirect's target is unknown until it is followed, so none is followed
    assert_eq!(seen_redirect(0).as_deref(), Some("manual"));
}

#[wasm_bindgen_test]
async fn answers_over_the_size_cap_are_refused() {
    stub_fetch(200, "{}", r#"{"Content-Length": "20000000"}"#, false);
    assert_eq!(client(None).get_text("v1/me").await.unwrap_err(), ApiError::TooLarge, "by the length said");
    stub_fetch(200, &" ".repeat(MAX_BYTES + 1), "{}", false);
    assert_eq!(client(None).get_text("v1/me").await.unwrap_err(), ApiError::TooLarge, "by the length read");
    stub_fetch(200, &" ".repeat(MAX_BYTES), "{}", false);
    assert!(client(None).get_text("v1/me").await.is_ok(), "up to the cap is read");
}

#[wasm_bindgen_test]
async fn paging_that_does_not_end_is_stopped() {
    stub_fetch(200, r#"{"items": [], "next": "trainings?limit=100"}"#, "{}", false);
    let err = client(None).every_page(resources::trainings(100, None)).await.unwrap_err();
    assert_eq!((err, seen_count()), (ApiError::Paging(PagingStop::NothingNew), 1), "a page with nothing new");
    stub_endless_pages();
    let err = client(None).every_page(resources::trainings(100, None)).await.unwrap_err();
    assert_eq!(err, ApiError::Paging(PagingStop::TooMany));
    assert_eq!(seen_count() as usize, MAX_PAGES);
}

#[wasm_bindgen_test]
fn config_json_is_found_at_the_site_root_whatever_the_page() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    assert_eq!(config_url(), format!("{origin}/config.json"), "without a <base>: the site's root");
    let base = doc.create_element("base").unwrap();
    base.set_attribute("href", "/app/").unwrap();
    doc.query_selector("head").unwrap().unwrap().append_child(&base).unwrap();
    assert_eq!(config_url(), format!("{origin}/app/config.json"), "the public URL Trunk wrote");
    base.remove();
}

#[wasm_bindgen_test]
fn allowed_parents_must_be_exact_origins() {
    let with = |origins: &[&str]| Config {
        api_base_url: Some("/api".into()),
        source: Default::default(),
        auth: AuthMode::None,
        default_language: None,
        embed: Embed { allowed_parent_origins: origins.iter().map(|o| o.to_string()).collect() },
    };
    assert!(check_origins(with(&["https://intranet.example.be", "http://127.0.0.1:8081"])).is_ok());
    for bad in ["*", "null", "https://intranet.example.be/", "https://intranet.example.be/home", "HTTPS://Intranet.be"]
    {
        match check_origins(with(&["https://ok.example.be", bad])) {
            Err(ConfigError::Invalid { why }) => assert!(why.starts_with("embed.allowedParentOrigins[1]"), "{why}"),
            other => panic!("{bad} was not refused: {other:?}"),
        }
    }
}

#[wasm_bindgen_test]
async fn the_apis_session_cookie_goes_with_every_request_and_what_the_api_says_of_it_is_kept() {
    let signed_in = ArcRwSignal::new(None);
    let client = Client::new("http://api.test/base/".into(), Credentials::Cookie { signed_in: signed_in.clone() });
    stub_fetch(401, r#"{"title":"Unauthorized","status":401}"#, "{}", false);
    assert_eq!(client.get_text("v1/me").await, Err(ApiError::Unauthorized));
    // the cookie goes along, also to an API on another origin; no token does
    assert_eq!((seen_credentials(0).as_deref(), seen_auth(0)), (Some("include"), None));
    assert_eq!(signed_in.get_untracked(), Some(false), "the views offer to sign in");
    stub_fetch(503, "", "{}", false);
    let _ = client.get_text("v1/me").await;
    assert_eq!(signed_in.get_untracked(), Some(false), "a failure says nothing of the session");
    stub_fetch(200, "{}", "{}", false);
    client.get_text("v1/me").await.unwrap();
    assert_eq!(signed_in.get_untracked(), Some(true), "signed in: the header offers to sign out");
    // without the session mode, the page's own cookies stay at home
    client_without_cookie().await;
}

async fn client_without_cookie() {
    stub_fetch(200, "{}", "{}", false);
    client(None).get_text("v1/me").await.unwrap();
    assert_eq!(seen_credentials(0).as_deref(), Some("same-origin"));
}

/// Answers every path with the same kept body.
struct Kept;

impl Fallback for Kept {
    fn answer<'a>(&'a self, _path: &'a str) -> LocalBoxFuture<'a, Option<String>> {
        Box::pin(async { Some(r#"{"kept":true}"#.to_string()) })
    }
}

#[wasm_bindgen_test]
async fn the_kept_answers_stand_in_only_for_a_service_out_of_reach() {
    let kept = |credentials| Client::new("http://api.test/base/".into(), credentials).with_fallback(Arc::new(Kept));
    stub_fetch(0, "", "{}", false);
    let (body, _) = kept(Credentials::None).get_text("v1/me").await.unwrap();
    assert_eq!(body, r#"{"kept":true}"#, "no connection: the kept answer");
    assert_eq!(seen_count(), 1);
    stub_fetch(500, "", "{}", false);
    assert_eq!(
        kept(Credentials::None).get_text("v1/me").await.unwrap_err(),
        ApiError::Server { status: 500 },
        "the service's own error is its answer"
    );
    // no provider to sign in with: the service is not asked at all
    stub_fetch(200, "{}", "{}", false);
    let (body, _) = kept(Credentials::Unreached).get_text("v1/me").await.unwrap();
    assert_eq!(body, r#"{"kept":true}"#);
    assert_eq!(seen_count(), 0);
    let alone = Client::new("http://api.test/base/".into(), Credentials::Unreached);
    assert_eq!(alone.get_text("v1/me").await.unwrap_err(), ApiError::Offline);
    assert_eq!(seen_count(), 0);
}
