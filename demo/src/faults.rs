//! Faults on demand, for the tests of how the app takes a failing back end (e2e/faults.test.mjs).
//! On only when the server is started with `--faults`: a request that carries a `Demo-Fault`
//! header (the tests set it per page) gets the fault it names, if it asks for the path named.
//! No cookie: the app never sends this header, and a real deployment has no such layer.
//!
//! `Demo-Fault: {"on": "/api/v1/me/entitlements", "fault": "status", "status": 503}`

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::{stream, StreamExt};
use serde::Deserialize;
use tower::{service_fn, Layer, ServiceExt};
use tower_http::cors::CorsLayer;

use crate::api::Problem;

pub const HEADER: HeaderName = HeaderName::from_static("demo-fault");
/// How long a hanging answer takes: longer than the app waits.
pub const HANG: Duration = Duration::from_secs(20);
/// A trickle: the body in this many pieces, one every `TRICKLE_EVERY`.
const TRICKLE_PIECES: usize = 25;
const TRICKLE_EVERY: Duration = Duration::from_millis(200);
/// How long the half of a reset answer is out before the connection closes.
const RESET_AFTER: Duration = Duration::from_millis(100);
/// The most an answer is read to be cut or trickled (persona l's is 20 MB).
const BODY_MAX: usize = 32 * 1024 * 1024;

/// What a test asks for.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Plan {
    /// The path the fault is on: exactly, or every path under it when it ends with `/`.
    on: String,
    #[serde(flatten)]
    fault: Fault,
    /// Only the first `times` requests on the path (counted per `id`); every one without it.
    times: Option<u32>,
    /// Names the test's requests apart from another's, for `times`.
    #[serde(default)]
    id: String,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(tag = "fault", rename_all = "kebab-case")]
pub enum Fault {
    /// No answer for `HANG`, then the answer.
    Hang,
    /// The connection closed with nothing said: to the browser, as a refused connection.
    Refused,
    /// Half the answer, then the connection closed.
    Reset,
    /// The status, with a problem (4xx) or a proxy's HTML page (5xx).
    Status { status: u16 },
    /// 429, asking to come back after `retry_after` seconds.
    TooMany { retry_after: u32 },
    /// Half the answer, as if it were the whole (its length says so).
    Truncated,
    /// The answer, said to be HTML.
    WrongType,
    /// The answer in small pieces, over about 5 s.
    Trickle,
}

impl Plan {
    fn covers(&self, path: &str) -> bool {
        path == self.on || (self.on.ends_with('/') && path.starts_with(&self.on))
    }
}

/// The layer's state: the API's CORS rules, which its own answers follow too (a page on another
/// origin reads them as it reads the API's), and how many requests each test's plan has met.
#[derive(Clone)]
pub struct Faults {
    pub cors: CorsLayer,
    met: Met,
}

impl Faults {
    pub fn new(cors: CorsLayer) -> Faults {
        Faults { cors, met: Met::default() }
    }
}

#[derive(Clone, Default)]
struct Met(Arc<Mutex<HashMap<(String, String), u32>>>);

impl Met {
    /// Whether this request gets the fault: counted, when the plan limits how many do.
    fn take(&self, plan: &Plan) -> bool {
        let Some(times) = plan.times else { return true };
        let mut met = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let n = met.entry((plan.id.clone(), plan.on.clone())).or_default();
        *n += 1;
        *n <= times
    }
}

/// The middleware: the fault the request names, or the request as it came.
pub async fn inject(State(faults): State<Faults>, req: Request, next: Next) -> Response {
    let plan = match req.headers().get(&HEADER).map(|v| serde_json::from_slice::<Plan>(v.as_bytes())) {
        None => return next.run(req).await,
        Some(Err(e)) => return Problem::new(400, "Bad Request", &format!("Demo-Fault: {e}")).into_response(),
        Some(Ok(plan)) => plan,
    };
    // a preflight is the browser's, and must pass for the request to be made at all
    if req.method() == Method::OPTIONS || !plan.covers(req.uri().path()) || !faults.met.take(&plan) {
        return next.run(req).await;
    }
    match plan.fault {
        Fault::Hang => {
            tokio::time::sleep(HANG).await;
            next.run(req).await
        }
        Fault::Refused => Response::new(Body::from_stream(stream::once(async { Err::<Bytes, _>(Closed) }))),
        Fault::Status { status } => with_cors(&faults.cors, req, status_page(status)).await,
        Fault::TooMany { retry_after } => {
            let mut r = Problem::new(429, "Too Many Requests", "slow down").into_response();
            r.headers_mut().insert(RETRY_AFTER, HeaderValue::from(retry_after));
            with_cors(&faults.cors, req, r).await
        }
        fault => {
            let (mut parts, body) = next.run(req).await.into_parts();
            let Ok(body) = to_bytes(body, BODY_MAX).await else {
                return Problem::new(500, "Internal Server Error", "the answer could not be read").into_response();
            };
            let half = body.slice(..body.len() / 2);
            parts.headers.remove(CONTENT_LENGTH);
            let body = match fault {
                Fault::Reset => {
                    // the end held back a moment, so the half is sent before the connection closes
                    let pieces = stream::iter([Ok(half), Err(Closed)]).then(|piece| async move {
                        if piece.is_err() {
                            tokio::time::sleep(RESET_AFTER).await;
                        }
                        piece
                    });
                    Body::from_stream(pieces)
                }
                Fault::Truncated => Body::from(half),
                Fault::WrongType => {
                    parts.headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
                    Body::from(body)
                }
                _ => trickle(body),
            };
            Response::from_parts(parts, body)
        }
    }
}

/// `made` with the CORS headers the API's rules give an answer to `req`.
async fn with_cors(cors: &CorsLayer, req: Request, made: Response) -> Response {
    // asked once (`oneshot`)
    let mut made = Some(made);
    let answer = service_fn(move |_: Request| std::future::ready(Ok::<_, Infallible>(made.take().unwrap_or_default())));
    match cors.layer(answer).oneshot(req).await {
        Ok(r) => r.map(Body::new),
        Err(never) => match never {},
    }
}

/// A body that ends the connection where it fails.
#[derive(Debug)]
struct Closed;

impl std::fmt::Display for Closed {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("the connection closed by the fault asked for")
    }
}

impl std::error::Error for Closed {}

/// A 4xx as the API says it; a 5xx as a proxy in front of it does, in HTML.
fn status_page(status: u16) -> Response {
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let reason = code.canonical_reason().unwrap_or("Error");
    if code.is_client_error() {
        return Problem::new(status, reason, "asked for by the test").into_response();
    }
    let page = format!("<html><head><title>{status} {reason}</title></head><body><h1>{status} {reason}</h1><hr><p>nginx</p></body></html>");
    (code, [(CONTENT_TYPE, "text/html")], page).into_response()
}

fn trickle(body: Bytes) -> Body {
    let size = body.len().div_ceil(TRICKLE_PIECES).max(1);
    let pieces = (0..body.len()).step_by(size).map(move |at| body.slice(at..(at + size).min(body.len())));
    Body::from_stream(stream::iter(pieces).then(|piece| async move {
        tokio::time::sleep(TRICKLE_EVERY).await;
        Ok::<_, Infallible>(piece)
    }))
}
