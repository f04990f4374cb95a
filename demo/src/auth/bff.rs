//! The back end for the front end (`auth.mode: "session"`): this server signs the person in as a
//! confidential client (authorization code with PKCE, by the `oauth2` crate, with its own checks
//! of the ID token), keeps the tokens in a server-side session (`tower-sessions`) and gives the
//! browser only a `__Host-` cookie: HttpOnly, Secure, SameSite=Lax. Routes: `/auth/login?return=`,
//! `/auth/callback`, `/auth/logout` (a POST, checked against cross-site requests) and `/auth/me`.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::Extensions;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use oauth2::basic::{
    BasicErrorResponse, BasicRevocationErrorResponse, BasicTokenIntrospectionResponse, BasicTokenType,
};
use oauth2::{
    AuthUrl, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointNotSet, EndpointSet, ExtraTokenFields,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, StandardRevocableToken, StandardTokenResponse, TokenResponse,
    TokenUrl,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use tower_sessions::cookie::time::Duration;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, MemoryStore, Session, SessionManagerLayer};

use training_account::domain::sign_in::own_path;

use super::keys::{Discovery, Provider};
use crate::api::Problem;
use crate::Demo;

/// The session cookie. `__Host-`: only ever set by this origin, over a secure connection
/// (browsers count `http://localhost` and `127.0.0.1` as one), for the whole site.
pub const COOKIE: &str = "__Host-training-account";
/// A session unused for this long ends.
const IDLE_HOURS: i64 = 8;
const LOGIN: &str = "login";
const ACCOUNT: &str = "account";

pub struct Bff {
    pub provider: Arc<Provider>,
    pub client_id: String,
    /// From the environment, never the command line (which other users can read).
    pub secret: String,
    /// Where the browser reaches this server, for the redirect and post-logout addresses.
    pub public: String,
}

/// What the ID token adds to the token endpoint's answer.
#[derive(Clone, Debug, Deserialize, Serialize)]
struct IdTokenField {
    id_token: Option<String>,
}

impl ExtraTokenFields for IdTokenField {}

type Tokens = StandardTokenResponse<IdTokenField, BasicTokenType>;
type Client = oauth2::Client<
    BasicErrorResponse,
    Tokens,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
>;

/// Kept in the session between the login and the callback.
#[derive(Deserialize, Serialize)]
struct LoginTrip {
    verifier: String,
    state: String,
    nonce: String,
    return_to: String,
}

/// Kept in the session once signed in: the tokens stay here, never in the browser.
#[derive(Deserialize, Serialize)]
struct Account {
    sub: String,
    name: Option<String>,
    id_token: String,
    access_token: String,
    refresh_token: Option<String>,
}

#[derive(Deserialize)]
struct IdClaims {
    sub: String,
    nonce: Option<String>,
    name: Option<String>,
}

/// The session store and its cookie's flags.
pub fn sessions() -> SessionManagerLayer<MemoryStore> {
    SessionManagerLayer::new(MemoryStore::default())
        .with_name(COOKIE)
        .with_secure(true)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(Duration::hours(IDLE_HOURS)))
}

pub fn router() -> Router<Arc<Demo>> {
    Router::new()
        .route("/auth/login", get(login))
        .route("/auth/callback", get(callback))
        .route("/auth/logout", post(logout))
        .route("/auth/me", get(me))
}

/// The signed-in subject of the request's session, if any.
pub async fn subject(extensions: &Extensions) -> Option<String> {
    let session = extensions.get::<Session>()?;
    session.get::<Account>(ACCOUNT).await.ok().flatten().map(|a| a.sub)
}

/// The routes are there only in the session mode (see `app`).
fn bff(demo: &Demo) -> Result<&Bff, Problem> {
    match &demo.auth {
        super::Auth::Session(bff) => Ok(bff),
        _ => Err(Problem::new(404, "Not Found", "this server does not sign people in")),
    }
}

impl Bff {
    async fn client(&self) -> Result<(Client, &Discovery), Problem> {
        let down = || Problem::new(502, "Bad Gateway", "the sign-in service cannot be reached");
        let discovery = self.provider.discovery().await.map_err(|_| down())?;
        let url = |u: &str| u.to_string();
        let client = oauth2::Client::new(ClientId::new(self.client_id.clone()))
            .set_client_secret(ClientSecret::new(self.secret.clone()))
            .set_auth_uri(AuthUrl::new(url(&discovery.authorization_endpoint)).map_err(|_| down())?)
            .set_token_uri(TokenUrl::new(url(&discovery.token_endpoint)).map_err(|_| down())?)
            .set_redirect_uri(RedirectUrl::new(format!("{}/auth/callback", self.public)).map_err(|_| down())?);
        Ok((client, discovery))
    }
}

#[derive(Deserialize)]
struct LoginQuery {
    #[serde(rename = "return")]
    return_to: Option<String>,
}

async fn login(State(demo): State<Arc<Demo>>, session: Session, Query(q): Query<LoginQuery>) -> Response {
    let result = async {
        let (client, _) = bff(&demo)?.client().await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let nonce = CsrfToken::new_random();
        let (url, state) = client
            .authorize_url(CsrfToken::new_random)
            .add_scope(Scope::new("openid".into()))
            .add_scope(Scope::new("profile".into()))
            .add_extra_param("nonce", nonce.secret())
            .set_pkce_challenge(challenge)
            .url();
        let trip = LoginTrip {
            verifier: verifier.secret().clone(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            return_to: own_path(q.return_to.as_deref().unwrap_or("/")),
        };
        session.insert(LOGIN, trip).await.map_err(|_| stored())?;
        Ok::<_, Problem>(Redirect::to(url.as_str()))
    };
    result.await.into_response()
}

#[derive(Deserialize)]
struct Returned {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

async fn callback(State(demo): State<Arc<Demo>>, session: Session, Query(back): Query<Returned>) -> Response {
    let result = async {
        let bff = bff(&demo)?;
        let trip: Option<LoginTrip> = session.remove(LOGIN).await.map_err(|_| stored())?;
        let trip = trip.filter(|t| back.state.as_deref() == Some(t.state.as_str()));
        let Some(trip) = trip else {
            return Err(Problem::new(400, "Bad Request", "this sign-in was not started here, or was finished already"));
        };
        if let Some(error) = back.error {
            let detail = match error.as_str() {
                "access_denied" => "sign-in was cancelled or refused".to_string(),
                other => format!("the sign-in service answered {other}"),
            };
            return Err(Problem::new(403, "Forbidden", &detail));
        }
        let code = back.code.ok_or_else(|| Problem::new(400, "Bad Request", "no code"))?;
        let (client, _) = bff.client().await?;
        let tokens: Tokens = client
            .exchange_code(AuthorizationCode::new(code))
            .set_pkce_verifier(PkceCodeVerifier::new(trip.verifier))
            .request_async(bff.provider.http())
            .await
            .map_err(|_| Problem::new(502, "Bad Gateway", "the sign-in service refused the code"))?;
        let id_token = tokens.extra_fields().id_token.clone().ok_or_else(|| bad_id_token("none was sent"))?;
        let claims: IdClaims = bff.provider.verify(&id_token, &bff.client_id).await.map_err(|_| bad_id_token("not valid"))?;
        if claims.nonce.as_deref() != Some(trip.nonce.as_str()) {
            return Err(bad_id_token("its nonce is not this sign-in's"));
        }
        // a new session id once signed in: one known before (fixation) is worth nothing
        session.cycle_id().await.map_err(|_| stored())?;
        let account = Account {
            sub: claims.sub,
            name: claims.name,
            id_token,
            access_token: tokens.access_token().secret().clone(),
            refresh_token: tokens.refresh_token().map(|t| t.secret().clone()),
        };
        session.insert(ACCOUNT, account).await.map_err(|_| stored())?;
        Ok::<_, Problem>(Redirect::to(&trip.return_to))
    };
    result.await.into_response()
}

/// Ends the session here, then at the provider, which sends the person back to the app.
async fn logout(State(demo): State<Arc<Demo>>, session: Session) -> Response {
    let account: Option<Account> = session.get(ACCOUNT).await.ok().flatten();
    let _ = session.flush().await;
    let Ok(bff) = bff(&demo) else { return Redirect::to("/").into_response() };
    let back = format!("{}/", bff.public);
    let end = match (bff.provider.discovery().await.ok().and_then(|d| d.end_session_endpoint.clone()), account) {
        (Some(end), Some(account)) => {
            let query = form_urlencoded::Serializer::new(String::new())
                .append_pair("id_token_hint", &account.id_token)
                .append_pair("post_logout_redirect_uri", &back)
                .finish();
            format!("{end}?{query}")
        }
        _ => back,
    };
    Redirect::to(&end).into_response()
}

/// Who is signed in, for the app: the subject and name, never a token.
async fn me(session: Session) -> Response {
    match session.get::<Account>(ACCOUNT).await.ok().flatten() {
        Some(account) => Json(json!({"sub": account.sub, "name": account.name})).into_response(),
        None => Problem::new(401, "Unauthorized", "not signed in").into_response(),
    }
}

fn stored() -> Problem {
    Problem::new(500, "Internal Server Error", "the session could not be kept")
}

fn bad_id_token(why: &str) -> Problem {
    Problem::new(502, "Bad Gateway", &format!("the sign-in service's ID token: {why}"))
}
