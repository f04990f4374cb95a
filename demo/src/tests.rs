//! The demo back end answering requests in memory (its router, without a socket).

use std::fs;
use std::path::PathBuf;
use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::http::{Request, StatusCode};
use serde_json::{json, Value};
use tower::ServiceExt;

use crate::headers::PERMISSIONS;
use crate::personas::generated;
use crate::statics::{is_hashed, IMMUTABLE};
use crate::auth::keys::Provider;
use crate::auth::Auth;
use crate::{app, host, Demo};

const HOST: &str = "http://127.0.0.1:8081";

fn demo() -> Demo {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    Demo { dist: here.join("../dist"), fixtures: here.join("fixtures"), host: Some(HOST.into()), auth: Auth::Open, on_device: false, faults: false }
}

/// A demo over a dist/ folder of the test's own: `files` are paths and contents.
fn demo_with(test: &str, files: &[(&str, &str)]) -> Demo {
    let dist = std::env::temp_dir().join(format!("demo-dist-{}-{test}", std::process::id()));
    for (path, text) in files {
        let path = dist.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    Demo { dist, ..demo() }
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap()
    }
}

/// GET `target` with `headers` (name, value).
async fn get(demo: Demo, target: &str, headers: &[(&str, &str)]) -> Reply {
    let mut req = Request::get(target);
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let res = app(Arc::new(demo)).oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    let (parts, body) = res.into_parts();
    let body = String::from_utf8_lossy(&to_bytes(body, usize::MAX).await.unwrap()).into_owned();
    Reply { status: parts.status, headers: parts.headers, body }
}

async fn api(persona: &str, target: &str) -> Reply {
    get(demo(), &format!("/api/{target}"), &[("cookie", &format!("demo_persona={persona}"))]).await
}

fn ids(page: &Value) -> Vec<String> {
    page["items"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn history_pages_with_relative_next_links_to_the_end() {
    let first = api("a", "v1/me/trainings?limit=20").await;
    let page = first.json();
    assert_eq!((first.status, page["total"].as_u64()), (StatusCode::OK, Some(61)));
    assert_eq!(ids(&page).len(), 20);
    assert_eq!(page["next"], "trainings?limit=20&cursor=20");
    let last = api("a", "v1/me/trainings?limit=20&cursor=60").await.json();
    assert_eq!(ids(&last).len(), 1);
    assert!(last["next"].is_null());
    let dates: Vec<_> = page["items"].as_array().unwrap().iter().map(|t| t["startDate"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first: {dates:?}");
}

#[tokio::test]
async fn history_filters_by_year_and_employer() {
    let y = api("a", "v1/me/trainings?year=2025&limit=100").await.json();
    assert!(y["items"].as_array().unwrap().iter().all(|t| t["startDate"].as_str().unwrap().starts_with("2025-")));
    let e2 = api("b", "v1/me/trainings?employerId=e2").await.json();
    assert!(!ids(&e2).is_empty() && ids(&e2).iter().all(|id| id.starts_with("b2-")));
}

#[tokio::test]
async fn the_largest_page_the_contract_allows_is_served_whole() {
    let page = api("f", "v1/me/trainings?limit=500").await.json();
    assert_eq!(ids(&page).len(), 500);
    assert_eq!((page["total"].as_u64(), page["next"].as_str()), (Some(5000), Some("trainings?limit=500&cursor=500")));
}

#[tokio::test]
async fn bad_requests_and_unknown_things_are_problems() {
    for (target, status) in [
        ("v1/me/entitlements", 400),
        ("v1/me/attendance?year=twenty", 400),
        ("v1/me/trainings?limit=0", 400),
        ("v1/me/trainings?limit=501", 400),
        ("v1/me/trainings?cursor=9999", 400),
        ("v1/me/trainings/nope", 404),
        ("v1/nothing", 404),
    ] {
        let reply = api("a", target).await;
        assert_eq!(reply.status.as_u16(), status, "{target}");
        assert_eq!(reply.header("content-type"), Some("application/problem+json"), "{target}");
        assert_eq!(reply.json()["status"], status, "{target}");
    }
    let post = app(Arc::new(demo())).oneshot(Request::post("/api/v1/me").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(post.status(), StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn personas_come_from_the_cookie_and_unknown_ones_fall_back() {
    let b = get(demo(), "/api/v1/me", &[("cookie", "x=1; demo_persona=b")]).await;
    assert_eq!(b.json()["givenName"], "Sofie");
    assert_eq!((b.header("access-control-allow-origin"), b.header("cache-control")), (Some("*"), Some("no-store")));
    for cookie in ["demo_persona=zz", ""] {
        assert_eq!(get(demo(), "/api/v1/me", &[("cookie", cookie)]).await.json()["givenName"], "An", "{cookie}");
    }
    let chosen = get(demo(), "/demo/persona/c", &[]).await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER);
    assert_eq!(chosen.header("set-cookie"), Some("demo_persona=c; Path=/; SameSite=Lax"));
    assert_eq!(get(demo(), "/demo/persona/zz", &[]).await.status, StatusCode::NOT_FOUND);
    let page = get(demo(), "/demo", &[("cookie", "demo_persona=c")]).await;
    assert!(page.body.contains("Persona c</a>: Lukas Schmidt") && page.body.contains("(current)"));
}

#[tokio::test]
async fn deep_links_get_the_app_and_missing_files_a_404_that_shows_no_path() {
    let d = || demo_with("deep", &[("index.html", "<p>app</p>")]);
    for route in ["/", "/history", "/trainings/t-1"] {
        let page = get(d(), route, &[]).await;
        assert_eq!((page.status, page.body.as_str()), (StatusCode::OK, "<p>app</p>"), "{route}");
    }
    // nothing outside dist/: a path that climbs out is one more route of the app
    assert_eq!(get(d(), "/x/../../etc/passwd", &[]).await.body, "<p>app</p>");
    let missing = get(d(), "/nope.js", &[]).await;
    assert_eq!((missing.status, missing.body.as_str()), (StatusCode::NOT_FOUND, "Not found"));
    fs::remove_dir_all(d().dist).unwrap();
}

#[tokio::test]
async fn precompressed_twins_are_sent_to_clients_that_take_them() {
    let d = || {
        demo_with(
            "twins",
            &[
                ("index.html", "plain"),
                ("index.html.br", "brotli"),
                ("index.html.gz", "gzip"),
                ("app-0123456789abcdef.js", "js"),
                ("app-0123456789abcdef.js.gz", "js gzip"),
                ("config.json", "{}"),
                ("config.json.br", "stale"),
            ],
        )
    };
    let sent = |target: &'static str, encodings: &'static str| async move {
        let r = get(d(), target, &[("accept-encoding", encodings)]).await;
        (r.body.clone(), r.header("content-encoding").map(str::to_string))
    };
    let sent_as = |body: &str, coding: Option<&str>| (body.to_string(), coding.map(str::to_string));
    assert_eq!(sent("/", "gzip, deflate, br").await, sent_as("brotli", Some("br")));
    assert_eq!(sent("/history", "br").await, sent_as("brotli", Some("br")));
    assert_eq!(sent("/", "gzip").await, sent_as("gzip", Some("gzip")));
    assert_eq!(sent("/", "br;q=0, gzip").await, sent_as("gzip", Some("gzip")));
    assert_eq!(sent("/", "identity").await, sent_as("plain", None));
    assert_eq!(sent("/app-0123456789abcdef.js", "br, gzip").await, sent_as("js gzip", Some("gzip")));
    let (config, coding) = sent("/config.json", "br").await;
    assert!(config.contains("allowedParentOrigins") && coding.is_none(), "{config}");
    let js = get(d(), "/app-0123456789abcdef.js", &[("accept-encoding", "gzip")]).await;
    assert_eq!(js.header("content-type"), Some("text/javascript"));
    assert_eq!(js.header("vary"), Some("accept-encoding"));
    for twin in ["/index.html.br", "/app-0123456789abcdef.js.gz", "/app-0123456789abcdef.js%2Egz"] {
        assert_eq!(get(d(), twin, &[]).await.status, StatusCode::NOT_FOUND, "{twin}");
    }
    fs::remove_dir_all(d().dist).unwrap();
}

#[tokio::test]
async fn hashed_files_are_cached_for_good_and_the_rest_revalidated() {
    assert!(is_hashed("training-account-0123456789abcdef_bg.wasm"));
    assert!(is_hashed("base-0123456789abcdef.css") && is_hashed("widget-0123456789abcdef.js"));
    assert!(!is_hashed("index.html") && !is_hashed("embed.js") && !is_hashed("config.json"));
    assert!(is_hashed("base-784833d4d275d1a.css"), "a hash with a leading zero, written without it");
    assert!(!is_hashed("base-0123456789a.css") && !is_hashed("base-0123456789abcdefa.css"));
    assert!(!is_hashed("base-0123456789abcdeg.css") && !is_hashed("0123456789abcdef.css"));
    let d = || {
        demo_with(
            "cache",
            &[
                ("index.html", "app"),
                ("base-0123456789abcdef.css", "css"),
                ("config.json", "{}"),
                ("widget/index.html", "widget"),
                ("widget/embed.js", "embed"),
                ("widget/widget-0123456789abcdef_bg.wasm", "wasm"),
            ],
        )
    };
    for target in ["/base-0123456789abcdef.css", "/widget/widget-0123456789abcdef_bg.wasm"] {
        assert_eq!(get(d(), target, &[]).await.header("cache-control"), Some(IMMUTABLE), "{target}");
    }
    // a hashed name that is not there may be built later: its 404 is not kept
    for target in
        ["/", "/index.html", "/history", "/config.json", "/widget/", "/widget/embed.js", "/gone-0123456789abcdef.js"]
    {
        assert_eq!(get(d(), target, &[]).await.header("cache-control"), Some("no-cache"), "{target}");
    }
    fs::remove_dir_all(d().dist).unwrap();
}

#[tokio::test]
async fn pages_are_sent_with_security_headers_and_the_widget_may_be_framed_by_its_host_only() {
    let d = || demo_with("csp", &[("index.html", "app"), ("widget/index.html", "widget"), ("widget/embed.js", "e")]);
    let csp = |demo: Demo, target: &'static str| async move {
        get(demo, target, &[]).await.header("content-security-policy").map(str::to_string)
    };
    let app_csp = csp(d(), "/").await.unwrap();
    assert!(app_csp.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';"));
    let end = "; base-uri 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'";
    assert!(app_csp.ends_with(end), "{app_csp}");
    for target in ["/demo", "/history", "/widget/embed.js", "/widget/elsewhere", "/nope.js"] {
        assert_eq!(csp(d(), target).await.as_ref(), Some(&app_csp), "{target}");
    }
    for target in ["/widget/", "/widget/index.html"] {
        let widget = csp(d(), target).await.unwrap();
        assert_eq!(widget, app_csp.replace("frame-ancestors 'none'", &format!("frame-ancestors {HOST}")));
    }
    let alone = Demo { host: None, ..d() };
    assert_eq!(csp(alone, "/widget/").await, Some(app_csp));
    assert_eq!(csp(d(), "/api/v1/me").await, None, "the API's JSON is no page");
    for target in ["/", "/api/v1/me"] {
        let reply = get(d(), target, &[]).await;
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(reply.header("referrer-policy"), Some("no-referrer"));
        assert_eq!(reply.header("permissions-policy"), Some(PERMISSIONS));
    }
    assert_eq!(get(d(), "/widget/embed.js", &[]).await.header("access-control-allow-origin"), Some("*"));
    fs::remove_dir_all(d().dist).unwrap();
}

#[tokio::test]
async fn the_demo_intranet_page_embeds_the_widget_of_the_app() {
    let res = host::router("http://127.0.0.1:8080").oneshot(Request::get("/any").body(Body::empty()).unwrap());
    let res = res.await.unwrap();
    let page = String::from_utf8(to_bytes(res.into_body(), usize::MAX).await.unwrap().to_vec()).unwrap();
    assert!(page.contains("src=\"http://127.0.0.1:8080/widget/embed.js\"") && !page.contains("{APP}"));
    assert!(page.contains("<script>"), "another site, with its own inline script");
    let d = demo_with(
        "config",
        &[("config.json", r#"{"apiBaseUrl":"/api","embed":{"allowedParentOrigins":["https://intranet.example.be"]}}"#)],
    );
    let dist = d.dist.clone();
    let served = get(d, "/config.json", &[]).await.json();
    assert_eq!(served["embed"]["allowedParentOrigins"], json!([HOST]));
    assert_eq!(served["apiBaseUrl"], "/api");
    fs::remove_dir_all(dist).unwrap();
    // a config.json of another shape is served as it is, for the app to say what is wrong with it
    let d = demo_with("config-array", &[("config.json", "[1]")]);
    let dist = d.dist.clone();
    assert_eq!(get(d, "/config.json", &[]).await.body, "[1]");
    fs::remove_dir_all(dist).unwrap();
}

/// The trainings list of a hostile persona, and the page persona a gives.
async fn hostile(persona: &str, query: &str) -> (Reply, Value) {
    let sep = if query.is_empty() { "" } else { "?" };
    let reply = api(persona, &format!("v1/me/trainings{sep}{query}")).await;
    (reply, api("a", &format!("v1/me/trainings{sep}{query}")).await.json())
}

#[tokio::test]
async fn hostile_personas_are_persona_a_but_for_their_trainings_list() {
    let a = api("a", "v1/me").await.body;
    for p in ["i", "j", "k", "l"] {
        assert_eq!(api(p, "v1/me").await.body, a, "{p}");
        assert_eq!(api(p, "v1/me/trainings/t-2024-0004").await.status, StatusCode::OK, "{p}");
    }
}

#[tokio::test]
async fn persona_i_pages_in_a_loop() {
    for query in ["limit=20", "limit=20&cursor=20", "limit=20&cursor=60"] {
        let (reply, a) = hostile("i", query).await;
        let page = reply.json();
        assert_eq!(page["next"], format!("trainings?{query}"));
        assert_eq!(page["items"], a["items"]);
    }
    assert_eq!(hostile("i", "").await.0.json()["next"], "trainings");
    let (refused, _) = hostile("i", "limit=0").await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(!refused.body.contains("\"next\""));
}

#[tokio::test]
async fn persona_j_links_its_first_page_to_another_origin() {
    let (reply, a) = hostile("j", "limit=20&year=2025").await;
    let page = reply.json();
    let expected = format!("{HOST}/api/v1/me/trainings?limit=20&year=2025");
    assert_eq!((page["next"].as_str(), &page["items"]), (Some(expected.as_str()), &a["items"]));
    let (later, a) = hostile("j", "cursor=20").await;
    assert_eq!(later.json(), a);
}

#[tokio::test]
async fn persona_k_redirects_to_another_origin() {
    let (reply, _) = hostile("k", "limit=20&cursor=20").await;
    assert_eq!(reply.status, StatusCode::TEMPORARY_REDIRECT);
    assert_eq!(reply.header("location"), Some(format!("{HOST}/api/v1/me/trainings?limit=20&cursor=20").as_str()));
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    let alone = get(Demo { host: None, ..demo() }, "/api/v1/me/trainings", &[("cookie", "demo_persona=k")]).await;
    assert_eq!(alone.header("location"), Some("http://localhost:9/api/v1/me/trainings"));
}

#[tokio::test]
async fn persona_l_sends_a_huge_but_valid_page() {
    let (reply, a) = hostile("l", "").await;
    assert_eq!(reply.header("content-length"), Some("20000000"));
    let page = reply.json();
    assert_eq!((&page["items"], &page["total"], &page["next"]), (&a["items"], &a["total"], &a["next"]));
    assert!(page["padding"].as_str().unwrap().len() > 19_000_000);
}

#[tokio::test]
async fn years_without_data_are_empty_and_broken_personas_fail_on_purpose() {
    let empty = api("a", "v1/me/entitlements?year=2019").await;
    assert_eq!((empty.status, empty.json()["items"].as_array().map(Vec::len)), (StatusCode::OK, Some(0)));
    assert_eq!(api("d", "v1/me/attendance?year=2026").await.status.as_u16(), 503);
    assert_eq!(api("d", "v1/me/trainings").await.status.as_u16(), 500);
}

#[tokio::test]
async fn a_long_history_is_made_up_the_same_every_time() {
    let first = api("f", "v1/me/trainings?limit=100").await.json();
    assert_eq!(first["total"], 5000);
    assert_eq!(first["items"][0]["startDate"], "2026-12-31");
    assert_eq!(first["next"], "trainings?limit=100&cursor=100");
    let year = api("f", "v1/me/trainings?year=2012&limit=100").await.json();
    assert!(year["total"].as_u64().unwrap() > 300);
    assert!(year["items"].as_array().unwrap().iter().all(|t| t["startDate"].as_str().unwrap().starts_with("2012-")));
    assert_eq!(generated(5000), generated(5000));
    assert_eq!(generated(5000)[4999]["startDate"].as_str().unwrap()[..4], *"2012");
}

#[tokio::test]
async fn the_contract_is_served_next_to_the_api() {
    let doc = get(demo(), "/api/openapi.yaml", &[]).await;
    assert_eq!((doc.status, doc.header("content-type")), (StatusCode::OK, Some("application/yaml")));
    assert!(doc.body.starts_with("openapi: 3.1"));
}

/// A demo that takes the bearer tokens of a provider at `issuer` (nothing listens there: the
/// tokens below are refused before any key is asked for).
fn signed_in_demo(test: &str) -> Demo {
    let provider = Arc::new(Provider::new("http://127.0.0.1:9/issuer".into()));
    let auth = Auth::Bearer {
        provider,
        audience: "urn:training-account:api".into(),
        client_id: "training-account".into(),
        scopes: vec!["profile".into(), "api".into()],
    };
    Demo { auth, ..demo_with(test, &[("index.html", "app"), ("config.json", r#"{"apiBaseUrl":"/api"}"#)]) }
}

#[tokio::test]
async fn with_a_provider_the_app_is_told_to_sign_in_there_and_may_ask_it() {
    let config = get(signed_in_demo("oidc-config"), "/config.json", &[]).await.json();
    assert_eq!(
        config["auth"],
        json!({"mode": "oidc", "issuer": "http://127.0.0.1:9/issuer", "clientId": "training-account",
               "scopes": ["profile", "api"], "resource": "urn:training-account:api"})
    );
    let csp = get(signed_in_demo("oidc-csp"), "/", &[]).await;
    assert!(csp.header("content-security-policy").unwrap().contains("connect-src 'self' http://127.0.0.1:9;"));
}

#[tokio::test]
async fn with_a_provider_the_account_needs_a_valid_token_and_the_contract_does_not() {
    let none = get(signed_in_demo("oidc-none"), "/api/v1/me", &[]).await;
    assert_eq!((none.status, none.header("www-authenticate")), (StatusCode::UNAUTHORIZED, Some("Bearer")));
    assert_eq!(none.header("content-type"), Some("application/problem+json"));
    // not a JWT; unsigned (alg none); signed with a shared secret (alg HS256), which a public
    // key must never be taken for
    let unsigned = "eyJhbGciOiJub25lIiwia2lkIjoiayJ9.eyJzdWIiOiJhIn0.";
    let hs256 = "eyJhbGciOiJIUzI1NiIsImtpZCI6ImsifQ.eyJzdWIiOiJhIn0.c2lnbmF0dXJl";
    for token in ["garbage", unsigned, hs256] {
        let auth = format!("Bearer {token}");
        let reply = get(signed_in_demo("oidc-bad"), "/api/v1/me", &[("authorization", &auth)]).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{token}");
        assert_eq!(reply.header("www-authenticate"), Some("Bearer error=\"invalid_token\""));
    }
    assert_eq!(get(signed_in_demo("oidc-openapi"), "/api/openapi.yaml", &[]).await.status, StatusCode::OK);
}

#[tokio::test]
async fn on_device_the_app_is_told_of_no_service() {
    let d = Demo { on_device: true, ..demo_with("device", &[("config.json", r#"{"apiBaseUrl":"/api","defaultLanguage":"nl"}"#)]) };
    let config = get(d, "/config.json", &[]).await.json();
    assert_eq!((config.get("apiBaseUrl"), &config["source"], &config["defaultLanguage"]), (None, &json!("device"), &json!("nl")));
}

/// `target` of persona a asked with the `Demo-Fault` header `plan`, of a demo started with
/// `--faults` or not: the answer's head, and its body or the error that ended it.
async fn faulted(faults: bool, plan: &str, target: &str) -> (axum::http::response::Parts, Result<String, String>) {
    let req = Request::get(target).header("cookie", "demo_persona=a").header("demo-fault", plan);
    let res = app(Arc::new(Demo { faults, ..demo() })).oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    let (parts, body) = res.into_parts();
    let body = to_bytes(body, usize::MAX).await.map(|b| String::from_utf8_lossy(&b).into_owned()).map_err(|e| e.to_string());
    (parts, body)
}

const ENTITLEMENTS: &str = "/api/v1/me/entitlements?year=2026";

#[tokio::test]
async fn faults_are_served_only_by_a_demo_started_with_them() {
    let plan = r#"{"on":"/api/v1/me/entitlements","fault":"status","status":503}"#;
    let (head, body) = faulted(false, plan, ENTITLEMENTS).await;
    assert_eq!(head.status, StatusCode::OK);
    let whole = body.unwrap();
    let (head, body) = faulted(true, plan, ENTITLEMENTS).await;
    assert_eq!((head.status, head.headers["content-type"].to_str().unwrap()), (StatusCode::SERVICE_UNAVAILABLE, "text/html"));
    assert!(body.unwrap().contains("<h1>503 Service Unavailable</h1>"));
    // another path, or every path under one
    assert_eq!(faulted(true, plan, "/api/v1/me").await.0.status, StatusCode::OK);
    let under = r#"{"on":"/api/v1/me/","fault":"status","status":404}"#;
    let (head, body) = faulted(true, under, ENTITLEMENTS).await;
    assert_eq!((head.status, head.headers["content-type"].to_str().unwrap()), (StatusCode::NOT_FOUND, "application/problem+json"));
    assert!(body.unwrap().contains("asked for by the test"));
    // a plan that does not read is said to be wrong, not ignored
    let (head, body) = faulted(true, r#"{"on":"/api/v1/me","fault":"fire"}"#, "/api/v1/me").await;
    assert_eq!(head.status, StatusCode::BAD_REQUEST);
    assert!(body.unwrap().contains("unknown variant `fire`"));

    // the body cut in half, said whole or ended by a closed connection; or labelled HTML
    let (head, body) = faulted(true, r#"{"on":"/api/v1/me/entitlements","fault":"truncated"}"#, ENTITLEMENTS).await;
    assert_eq!(body.unwrap(), whole[..whole.len() / 2]);
    assert_eq!(head.status, StatusCode::OK);
    let (_, body) = faulted(true, r#"{"on":"/api/v1/me/entitlements","fault":"reset"}"#, ENTITLEMENTS).await;
    assert!(body.unwrap_err().contains("closed by the fault"));
    let (_, body) = faulted(true, r#"{"on":"/api/v1/me/entitlements","fault":"refused"}"#, ENTITLEMENTS).await;
    assert!(body.unwrap_err().contains("closed by the fault"));
    let (head, body) = faulted(true, r#"{"on":"/api/v1/me/entitlements","fault":"wrong-type"}"#, ENTITLEMENTS).await;
    assert_eq!((head.headers["content-type"].to_str().unwrap(), body.unwrap()), ("text/html; charset=utf-8", whole.clone()));
    let (_, body) = faulted(true, r#"{"on":"/api/v1/me/entitlements","fault":"trickle"}"#, ENTITLEMENTS).await;
    assert_eq!(body.unwrap(), whole);
}

#[tokio::test]
async fn a_fault_for_so_many_times_is_counted_per_test() {
    let site = app(Arc::new(Demo { faults: true, ..demo() }));
    let ask = |id: &str| {
        let plan = format!(r#"{{"on":"/api/v1/me","fault":"too-many","retry_after":2,"times":1,"id":"{id}"}}"#);
        let req = Request::get("/api/v1/me").header("cookie", "demo_persona=a").header("demo-fault", plan);
        site.clone().oneshot(req.header("origin", HOST).body(Body::empty()).unwrap())
    };
    let first = ask("one").await.unwrap();
    assert_eq!((first.status(), first.headers()["retry-after"].to_str().unwrap()), (StatusCode::TOO_MANY_REQUESTS, "2"));
    // read on another origin as the API's own answers are, how long to wait included
    let cors = |name: &str| first.headers().get(name).map(|v| v.to_str().unwrap().to_lowercase());
    assert_eq!(cors("access-control-allow-origin").as_deref(), Some("*"));
    assert_eq!(cors("access-control-expose-headers").as_deref(), Some("retry-after"));
    assert_eq!(ask("one").await.unwrap().status(), StatusCode::OK);
    assert_eq!(ask("two").await.unwrap().status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_hanging_answer_outlasts_the_apps_time_limit() {
    assert!(crate::faults::HANG > std::time::Duration::from_secs(15));
    let plan = r#"{"on":"/api/v1/me","fault":"hang"}"#;
    let late = tokio::time::timeout(std::time::Duration::from_millis(300), faulted(true, plan, "/api/v1/me")).await;
    assert!(late.is_err(), "no answer yet");
}
