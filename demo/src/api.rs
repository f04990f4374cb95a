//! The training account API v1 (docs/openapi.yaml) from the personas' fixtures, under `/api`;
//! problems as `application/problem+json`. The hostile personas (i to l) test the app's
//! transport: their trainings list misbehaves, and everything else is persona a's.

use std::sync::{Arc, OnceLock};

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::header::{ACCEPT, AUTHORIZATION, CACHE_CONTROL, CONTENT_TYPE, LOCATION, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};
use tower_http::cors::{Any, CorsLayer};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::auth::{self, Auth};
use crate::personas::Persona;
use crate::Demo;

pub const DEFAULT_LIMIT: usize = 20;
/// The largest page the contract lets a client ask for (`limit`).
pub const MAX_LIMIT: usize = 500;
/// Persona l's trainings page, padding included.
const HUGE_BODY: usize = 20_000_000;
/// The contract, served next to the API it describes.
const OPENAPI: &str = include_str!("../../docs/openapi.yaml");

pub fn router(demo: &Arc<Demo>) -> Router<Arc<Demo>> {
    Router::new()
        .route("/v1/me", get(me))
        .route("/v1/me/entitlements", get(entitlements))
        .route("/v1/me/attendance", get(attendance))
        .route("/v1/me/carry-over", get(carry_over))
        .route("/v1/me/trainings", get(trainings))
        .route("/v1/me/trainings/{id}", get(training))
        // the account's resources are the signed-in person's; the contract is anyone's
        .route_layer(middleware::from_fn_with_state(demo.clone(), auth::require))
        .route("/openapi.yaml", get(openapi))
        .fallback(|| async { Problem::new(404, "Not Found", "no resource here") })
        .method_not_allowed_fallback(|| async { Problem::new(405, "Method Not Allowed", "this API is read-only") })
        .layer(cors(demo))
        .layer(SetResponseHeaderLayer::overriding(CACHE_CONTROL, HeaderValue::from_static("no-store")))
}

/// Any page may read the API (the widget on an intranet page), with a token when it has one;
/// with the session's cookie only the demo intranet page, named exactly, as browsers require
/// for answers to requests that carry cookies.
pub fn cors(demo: &Demo) -> CorsLayer {
    // Retry-After, so that a page on another origin can say how long to wait
    let cors = CorsLayer::new().allow_headers([AUTHORIZATION, ACCEPT]).expose_headers([RETRY_AFTER]);
    match (&demo.auth, &demo.host) {
        (Auth::Session(_), Some(host)) => match HeaderValue::from_str(host) {
            Ok(host) => cors.allow_origin(host).allow_credentials(true),
            Err(_) => cors,
        },
        (Auth::Session(_), None) => cors,
        _ => cors.allow_origin(Any),
    }
}

/// An answer instead of data (RFC 9457).
#[derive(Debug)]
pub struct Problem {
    pub status: StatusCode,
    pub title: String,
    pub detail: String,
}

impl Problem {
    pub fn new(status: u16, title: &str, detail: &str) -> Problem {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        Problem { status, title: title.into(), detail: detail.into() }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body =
            json!({"type": "about:blank", "title": self.title, "status": self.status.as_u16(), "detail": self.detail});
        (self.status, [(CONTENT_TYPE, "application/problem+json")], body.to_string()).into_response()
    }
}

type Answer = Result<Json<Value>, Problem>;

/// The hostile personas are persona a but for their trainings list.
fn owner(persona: Persona) -> Persona {
    if matches!(persona.0, "i" | "j" | "k" | "l") {
        Persona("a")
    } else {
        persona
    }
}

async fn found(demo: &Demo, persona: Persona, name: &str) -> Answer {
    match demo.fixture(owner(persona), name).await {
        Some(answer) => answer.map(Json),
        None => Err(Problem::new(404, "Not Found", &format!("{name} is not on record"))),
    }
}

/// The query's pairs, decoded, in order.
fn pairs(query: &Option<String>) -> Vec<(String, String)> {
    form_urlencoded::parse(query.as_deref().unwrap_or_default().as_bytes()).into_owned().collect()
}

fn param<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

fn year(pairs: &[(String, String)]) -> Result<i32, Problem> {
    let raw = param(pairs, "year").ok_or_else(|| Problem::new(400, "Bad Request", "the year parameter is required"))?;
    raw.parse().map_err(|_| Problem::new(400, "Bad Request", &format!("year {raw:?} is not a year")))
}

async fn me(State(demo): State<Arc<Demo>>, persona: Persona) -> Answer {
    found(&demo, persona, "me.json").await
}

async fn carry_over(State(demo): State<Arc<Demo>>, persona: Persona) -> Answer {
    found(&demo, persona, "carry-over.json").await
}

/// A year's resource; a year without data has no items.
async fn of_year(demo: &Demo, persona: Persona, kind: &str, query: &Option<String>) -> Answer {
    let y = year(&pairs(query))?;
    match demo.fixture(owner(persona), &format!("{kind}-{y}.json")).await {
        Some(answer) => answer.map(Json),
        None => Ok(Json(json!({"year": y, "items": []}))),
    }
}

async fn entitlements(State(demo): State<Arc<Demo>>, persona: Persona, RawQuery(query): RawQuery) -> Answer {
    of_year(&demo, persona, "entitlements", &query).await
}

async fn attendance(State(demo): State<Arc<Demo>>, persona: Persona, RawQuery(query): RawQuery) -> Answer {
    of_year(&demo, persona, "attendance", &query).await
}

async fn training(State(demo): State<Arc<Demo>>, persona: Persona, Path(id): Path<String>) -> Answer {
    let items = demo.all_trainings(owner(persona)).await?;
    match items.into_iter().find(|t| t.get("id").and_then(Value::as_str) == Some(id.as_str())) {
        Some(t) => Ok(Json(t)),
        None => Err(Problem::new(404, "Not Found", &format!("no training with id {id:?}"))),
    }
}

async fn openapi() -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/yaml")], OPENAPI)
}

/// The history, newest first, a page at a time, with a `next` link relative to this answer's URL
/// as the contract allows; what the hostile personas do to it.
async fn trainings(State(demo): State<Arc<Demo>>, persona: Persona, RawQuery(query): RawQuery) -> Response {
    // the list's URL relative to itself, as `next` links are, and the folder it is in on
    // another origin
    let same = match &query {
        Some(q) if !q.is_empty() => format!("trainings?{q}"),
        _ => "trainings".to_string(),
    };
    let elsewhere = format!("{}/api/v1/me/", demo.host.as_deref().unwrap_or("http://localhost:9"));
    let first = param(&pairs(&query), "cursor").is_none();
    match persona.0 {
        "k" => (StatusCode::TEMPORARY_REDIRECT, [(LOCATION, format!("{elsewhere}{same}"))]).into_response(),
        "l" => ([(CONTENT_TYPE, "application/json")], huge_page(&demo).await).into_response(),
        p => match page(&demo, owner(persona), &query).await {
            Ok(mut body) => {
                match p {
                    "i" => body["next"] = json!(same),
                    // whether or not a's page has a next one, so that every first page tries it
                    "j" if first => body["next"] = json!(format!("{elsewhere}{same}")),
                    _ => {}
                }
                Json(body).into_response()
            }
            Err(problem) => problem.into_response(),
        },
    }
}

async fn page(demo: &Demo, persona: Persona, query: &Option<String>) -> Result<Value, Problem> {
    let mut items = demo.all_trainings(persona).await?;
    let pairs = pairs(query);
    let text = |t: &Value, k: &str| t.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    if let Some(y) = param(&pairs, "year") {
        items.retain(|t| text(t, "startDate").starts_with(&format!("{y}-")));
    }
    if let Some(e) = param(&pairs, "employerId") {
        items.retain(|t| text(t, "employerId") == e);
    }
    items.sort_by_key(|t| std::cmp::Reverse(text(t, "startDate")));
    let limit = match param(&pairs, "limit").map(str::parse::<usize>) {
        None => DEFAULT_LIMIT,
        Some(Ok(n)) if (1..=MAX_LIMIT).contains(&n) => n,
        Some(_) => {
            return Err(Problem::new(400, "Bad Request", &format!("limit must be a number from 1 to {MAX_LIMIT}")))
        }
    };
    let offset = match param(&pairs, "cursor").map(str::parse::<usize>) {
        None => 0,
        Some(Ok(n)) if n <= items.len() => n,
        Some(_) => return Err(Problem::new(400, "Bad Request", "the cursor is not one this server gave out")),
    };
    let total = items.len();
    let end = (offset + limit).min(total);
    let next = (end < total).then(|| {
        let end = end.to_string();
        let kept = pairs.iter().filter(|(k, _)| k != "cursor").map(|(k, v)| (k.as_str(), v.as_str()));
        let query =
            form_urlencoded::Serializer::new(String::new()).extend_pairs(kept).append_pair("cursor", &end).finish();
        format!("trainings?{query}")
    });
    Ok(json!({"items": &items[offset..end], "total": total, "next": next}))
}

/// Persona l's trainings: persona a's first page padded to 20 MB, made once and shared by
/// every request.
async fn huge_page(demo: &Demo) -> Bytes {
    static PAGE: OnceLock<Bytes> = OnceLock::new();
    if let Some(made) = PAGE.get() {
        return made.clone();
    }
    let mut page = page(demo, Persona("a"), &None).await.unwrap_or_else(|_| json!({"items": []}));
    let bare = page.to_string().len() + r#","padding":"""#.len();
    page["padding"] = json!("x".repeat(HUGE_BODY.saturating_sub(bare)));
    PAGE.get_or_init(|| Bytes::from(page.to_string())).clone()
}
