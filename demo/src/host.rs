//! The demo intranet page, on its own origin (`--host-addr`): the widget in an iframe and by a
//! script, as an intranet would embed it. It is another site, with its inline script and style:
//! not under the app's CSP.

use axum::http::header::CACHE_CONTROL;
use axum::response::{Html, IntoResponse};
use axum::Router;

/// `{APP}` is the app's origin.
const PAGE: &str = include_str!("../host.html");

/// Every path is the page.
pub fn router(app: &str) -> Router {
    let page = PAGE.replace("{APP}", app);
    Router::new().fallback(move || {
        let page = page.clone();
        async move { ([(CACHE_CONTROL, "no-cache")], Html(page)).into_response() }
    })
}
