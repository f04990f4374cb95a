//! Who asks the API. Open (the persona of the `/demo` cookie), a resource server that checks the
//! app's bearer tokens against the OpenID provider's keys, or the back end for the front end that
//! signs the person in itself and keeps their tokens in a server-side session (`bff`). Either
//! way a signed-in request carries its `Subject`, and the persona served is the subject's.

pub mod bff;
pub mod keys;

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::api::Problem;
use crate::Demo;
use keys::Provider;

pub enum Auth {
    /// Anyone, as the persona of the `/demo` cookie.
    Open,
    /// The app signs in (`auth.mode: "oidc"`) and sends a JWT access token for `audience`.
    Bearer { provider: Arc<Provider>, audience: String, client_id: String, scopes: Vec<String> },
    /// This back end signs the person in (`auth.mode: "session"`).
    Session(Arc<bff::Bff>),
}

/// The signed-in person, by the provider's `sub`.
#[derive(Clone, Debug)]
pub struct Subject(pub String);

/// The claims of an access token that are used; the rest were checked by `Provider::verify`.
#[derive(Deserialize)]
struct AccessClaims {
    sub: String,
}

impl Auth {
    /// The `auth` of the app's config.json for this mode, `None` when open.
    pub fn config(&self) -> Option<Value> {
        match self {
            Auth::Open => None,
            Auth::Bearer { provider, audience, client_id, scopes } => Some(json!({
                "mode": "oidc", "issuer": provider.issuer, "clientId": client_id, "scopes": scopes, "resource": audience,
            })),
            Auth::Session(_) => Some(json!({"mode": "session"})),
        }
    }

    /// The provider's origin, named in the app pages' CSP.
    pub fn provider_origin(&self) -> Option<String> {
        let issuer = match self {
            Auth::Open => return None,
            Auth::Bearer { provider, .. } => &provider.issuer,
            Auth::Session(bff) => &bff.provider.issuer,
        };
        Some(reqwest::Url::parse(issuer).ok()?.origin().ascii_serialization())
    }
}

/// In front of the API: a request without a valid token or session gets 401 problem+json;
/// one with gets its `Subject`.
pub async fn require(State(demo): State<Arc<Demo>>, mut req: Request, next: Next) -> Response {
    let subject = match &demo.auth {
        Auth::Open => return next.run(req).await,
        Auth::Bearer { provider, audience, .. } => {
            let token = req.headers().get(AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
            let Some(token) = token else { return unauthorized("no bearer token", false) };
            match provider.verify::<AccessClaims>(token.trim(), audience).await {
                Ok(claims) => claims.sub,
                Err(why) => {
                    // by kind only: never the token
                    tracing::info!(?why, "bearer token refused");
                    return unauthorized("the bearer token is not valid here", true);
                }
            }
        }
        Auth::Session(_) => match bff::subject(req.extensions()).await {
            Some(sub) => sub,
            // no challenge: the session is a cookie, which no standard scheme names
            None => return Problem::new(401, "Unauthorized", "not signed in").into_response(),
        },
    };
    req.extensions_mut().insert(Subject(subject));
    next.run(req).await
}

/// 401, with the challenge of RFC 6750 3 for bearer tokens.
fn unauthorized(detail: &str, invalid: bool) -> Response {
    let mut res = Problem::new(401, "Unauthorized", detail).into_response();
    let challenge = if invalid { "Bearer error=\"invalid_token\"" } else { "Bearer" };
    res.headers_mut().insert(WWW_AUTHENTICATE, HeaderValue::from_static(challenge));
    res
}
