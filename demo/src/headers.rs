//! The headers every answer carries, and the policy of the app's own pages (CSP).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use tower::layer::util::{Identity, Stack};
use tower::ServiceBuilder;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::auth::Auth;
use crate::Demo;

/// The app's pages take scripts, wasm, styles, pictures, their service worker, their manifest and
/// API answers from their own origin only; `frame-ancestors` follows.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                       img-src 'self' data:; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'";
pub const PERMISSIONS: &str =
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

type Set = SetResponseHeaderLayer<HeaderValue>;
type Secured = Stack<Set, Stack<Set, Stack<Set, Identity>>>;

/// What every answer says, harmless where it is not needed (API JSON): no guessing of types, no
/// referrer, and none of the device's sensors or payments.
pub fn secured() -> ServiceBuilder<Secured> {
    let set = |name, value| SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value));
    ServiceBuilder::new()
        .layer(set(X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(set(REFERRER_POLICY, "no-referrer"))
        .layer(set(HeaderName::from_static("permissions-policy"), PERMISSIONS))
}

/// The CSP of every answer but the API's: the widget's page may be framed by the demo intranet
/// page (the paths that are its index.html; any other spelling gets the stricter policy),
/// nothing else by anyone.
pub async fn page_policy(State(demo): State<Arc<Demo>>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let api = path.starts_with("/api/");
    let parent = match (&demo.host, matches!(path, "/widget" | "/widget/" | "/widget/index.html")) {
        (Some(host), true) => host.as_str(),
        _ => "'none'",
    };
    // the app's own sign-in asks the OpenID provider for its discovery and tokens; the session's
    // sign-out form is sent on to the provider's sign-out page
    let (connect, form) = match (&demo.auth, demo.auth.provider_origin()) {
        (Auth::Bearer { .. }, Some(o)) => (format!(" {o}"), String::new()),
        (Auth::Session(_), Some(o)) => (String::new(), format!(" {o}")),
        _ => Default::default(),
    };
    let policy = HeaderValue::from_str(&format!(
        "{CSP}; connect-src 'self'{connect}; form-action 'self'{form}; frame-ancestors {parent}"
    ));
    let mut res = next.run(req).await;
    if let (false, Ok(policy)) = (api, policy) {
        res.headers_mut().insert(CONTENT_SECURITY_POLICY, policy);
    }
    res
}
