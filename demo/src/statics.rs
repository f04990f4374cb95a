//! The built app from dist/, as a deployment serves it: the precompressed `.br` and `.gz` beside
//! each file (by Accept-Encoding, with `Vary`), a route of the app (a path without a file
//! extension) answered with index.html, config.json with the demo intranet allowed to embed the
//! widget, names with Trunk's content hash cached for good and the rest revalidated, and CORS on
//! every file (other sites' pages load the widget's module, wasm and styles).

use std::convert::Infallible;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{ACCESS_CONTROL_ALLOW_ORIGIN, CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::Demo;

/// What is under a name with Trunk's content hash never changes.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

pub fn router(demo: &Demo) -> Router<Arc<Demo>> {
    let app_page = ServeFile::new(demo.dist.join("index.html")).precompressed_br().precompressed_gzip();
    // a path with a file extension that is not there is a 404, never the app's page
    let route_or_missing = tower::service_fn(move |req: Request| {
        let app_page = app_page.clone();
        async move {
            let name = req.uri().path().rsplit('/').next().unwrap_or_default();
            match name.contains('.') {
                true => Ok::<_, Infallible>(not_found()),
                false => Ok(app_page.oneshot(req).await.into_response()),
            }
        }
    });
    let files = ServeDir::new(&demo.dist).precompressed_br().precompressed_gzip().fallback(route_or_missing);
    Router::new()
        .route("/config.json", get(config))
        .fallback_service(tower::service_fn(move |req: Request| {
            let files = files.clone();
            async move {
                // a compressed twin goes out only as its file's encoding, never as a file of its
                // own, however its name is spelled (ServeDir decodes `%2E`)
                let path = percent_encoding::percent_decode_str(req.uri().path()).decode_utf8_lossy();
                let twin = path.ends_with(".br") || path.ends_with(".gz");
                match twin {
                    true => Ok::<_, Infallible>(not_found()),
                    false => Ok(files.oneshot(req).await.into_response()),
                }
            }
        }))
        .layer(middleware::from_fn(cache_control))
        .layer(SetResponseHeaderLayer::overriding(ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*")))
}

/// Generic, so that no local path is ever shown.
fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Not found").into_response()
}

/// The app's config.json with the demo intranet page allowed to embed the widget, and the
/// sign-in this server was started with. (The build writes no compressed twin of it: it is the
/// file an operator edits.)
async fn config(State(demo): State<Arc<Demo>>) -> Response {
    let Ok(text) = tokio::fs::read(demo.dist.join("config.json")).await else { return not_found() };
    let Ok(mut config) = serde_json::from_slice::<Value>(&text) else {
        return ([(CONTENT_TYPE, "application/json")], text).into_response();
    };
    if let (Some(host), Some(config)) = (&demo.host, config.as_object_mut()) {
        let embed = config.entry("embed").or_insert_with(|| json!({}));
        if let Some(embed) = embed.as_object_mut() {
            embed.insert("allowedParentOrigins".into(), json!([host]));
        }
    }
    if let (Some(auth), Some(config)) = (demo.auth.config(), config.as_object_mut()) {
        config.insert("auth".into(), auth);
    }
    if let (true, Some(config)) = (demo.on_device, config.as_object_mut()) {
        config.remove("apiBaseUrl");
        config.insert("source".into(), json!("device"));
    }
    ([(CONTENT_TYPE, "application/json")], config.to_string()).into_response()
}

async fn cache_control(req: Request, next: Next) -> Response {
    let hashed = is_hashed(req.uri().path().rsplit('/').next().unwrap_or_default());
    let mut res = next.run(req).await;
    // a name missing today may be built tomorrow: only what was found is kept for good
    let hashed = hashed && res.status().is_success();
    res.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static(if hashed { IMMUTABLE } else { "no-cache" }));
    res
}

/// Trunk's content hash in a file's name: `-` and the hash in hex before the extension
/// (`base-0123456789abcdef.css`) or wasm-bindgen's `_bg` (`app-0123456789abcdef_bg.wasm`). The
/// hash is a 64-bit number written without leading zeros: 12 to 16 digits (fewer in one name of
/// a million, which is then only revalidated).
pub fn is_hashed(name: &str) -> bool {
    name.split('-').skip(1).any(|part| {
        let digits = part.bytes().take_while(u8::is_ascii_hexdigit).count();
        (12..=16).contains(&digits) && matches!(part.as_bytes().get(digits), Some(b'.' | b'_'))
    })
}
