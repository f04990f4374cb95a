//! Signing in with OpenID Connect in the browser (`auth.mode: "oidc"`): discovery, the top-level
//! round trip to the provider with PKCE, the code exchanged for tokens, their renewal and sign-out.
//! The rules are `domain::sign_in`'s; here is the browser's part: random bytes and SHA-256 from
//! its crypto, `sessionStorage` for the round trip only, the requests to the provider.
//!
//! Tokens are held in memory only, in `Session`: never stored, logged or put in an address (the ID
//! token goes to the provider's sign-out page as `id_token_hint`, as RP-Initiated Logout asks).

use std::sync::{Arc, Mutex};

use leptos::prelude::{set_timeout, ArcRwSignal, GetUntracked, Set};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};

use crate::contract::config::Oidc;
use crate::contract::decode;
use crate::contract::oidc::{Discovery, IdClaims, OAuthError, RoundTrip, Secret, Tokens};
use crate::domain::sign_in::{self, Failure};

/// The round trip's key in `sessionStorage`, deleted on return.
const ROUND_TRIP: &str = "training-account:sign-in";
/// Set once signed in, so that a reload signs in again without a screen (`prompt=none`) while
/// the provider's session lasts. A flag, never a token; gone when the tab closes.
const SIGNED_IN: &str = "training-account:signed-in";
/// The provider's answers are waited for this long.
const PROVIDER_MS: i32 = 15_000;

/// Where the app stands once it has looked at the address.
#[derive(Clone)]
pub enum Start {
    SignedIn(Arc<Session>),
    /// Not signed in: the sign-in screen, with why when signing in just failed. `ended` when
    /// this tab's session could not be taken up again.
    SignedOut { provider: Provider, ended: bool, failure: Option<Failure> },
    /// On the way to the provider.
    Leaving,
}

/// The configured provider, discovered.
#[derive(Clone, Debug)]
pub struct Provider {
    pub config: Oidc,
    pub discovery: Discovery,
}

/// A signed-in person's tokens, in memory only.
pub struct Session {
    provider: Provider,
    held: Mutex<Held>,
    /// One renewal at a time: a refresh token is rotated, so a second use of the old one fails
    /// (and makes the provider revoke the grant).
    renewing: futures::lock::Mutex<()>,
    /// Set when the session cannot be renewed: the views say so and offer to sign in again.
    pub ended: ArcRwSignal<bool>,
}

struct Held {
    access: Secret,
    refresh: Option<Secret>,
    id_token: Option<Secret>,
    expires_in: Option<u32>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "Session({})", self.provider.config.issuer)
    }
}

/// Discovery, then the provider's answer if this is the redirect address, else a sign-in
/// without a screen if this tab was signed in, else the sign-in screen.
pub async fn start(config: &Oidc) -> Result<Start, Failure> {
    let provider = discover(config).await?;
    let here = web_sys::window().ok_or(Failure::ProviderDown)?.location();
    if here.pathname().ok().as_deref() == Some(config.redirect_path.as_str()) {
        let finished = finish(provider.clone(), &here.search().unwrap_or_default()).await;
        if finished.is_err() {
            // no loop of sign-ins without a screen: the next one shows it
            forget_sign_in();
        }
        return Ok(match finished {
            Ok(session) => Start::SignedIn(session),
            // asked without a screen, the provider has no session any more
            Err(Failure::LoginRequired) => Start::SignedOut { provider, ended: true, failure: None },
            Err(failure) => Start::SignedOut { provider, ended: false, failure: Some(failure) },
        });
    }
    match storage().and_then(|s| s.get_item(SIGNED_IN).ok().flatten()) {
        Some(_) => {
            provider.sign_in(true).await;
            Ok(Start::Leaving)
        }
        None => Ok(Start::SignedOut { provider, ended: false, failure: None }),
    }
}

fn forget_sign_in() {
    if let Some(s) = storage() {
        let _ = s.remove_item(SIGNED_IN);
    }
}

async fn discover(config: &Oidc) -> Result<Provider, Failure> {
    let url = format!("{}/.well-known/openid-configuration", config.issuer.trim_end_matches('/'));
    let (status, body) = fetch(&url, None).await?;
    if status != 200 {
        return Err(Failure::Discovery { why: format!("{url} answered {status}") });
    }
    let discovery: Discovery =
        decode(&body).map_err(|refused| Failure::Discovery { why: format!("{url}: {refused}") })?;
    sign_in::check_discovery(&config.issuer, &discovery)?;
    Ok(Provider { config: config.clone(), discovery })
}

/// The provider's answer on the redirect address: `code` and `state` leave the address at once,
/// whatever follows; then the code is exchanged and the ID token checked.
async fn finish(provider: Provider, query: &str) -> Result<Arc<Session>, Failure> {
    let kept = take_round_trip();
    let back_to = kept.as_ref().map_or_else(|| "/".to_string(), |k| sign_in::own_path(&k.return_to));
    replace_address(&back_to);
    let code = sign_in::returned(query, kept.as_ref())?;
    let kept = kept.ok_or(Failure::StateMismatch)?;
    let config = &provider.config;
    let form = sign_in::code_form(config, &provider.redirect_uri(), &code, &kept.verifier);
    let tokens = provider.token_request(form).await.map_err(|e| match e {
        Refused::Provider(error) => sign_in::code_refused(&error),
        Refused::Down => Failure::ProviderDown,
    })?;
    let id_token = tokens.id_token.as_ref().ok_or(Failure::IdToken { why: "none was sent".into() })?;
    let claims = IdClaims::of(id_token).map_err(|refused| Failure::IdToken { why: refused.to_string() })?;
    sign_in::check_id_token(&claims, config, &kept.nonce, (js_sys::Date::now() / 1000.0) as i64)?;
    if let Some(s) = storage() {
        let _ = s.set_item(SIGNED_IN, "1");
    }
    let session = Arc::new(Session {
        provider,
        held: Mutex::new(Held::from(tokens)),
        renewing: futures::lock::Mutex::new(()),
        ended: ArcRwSignal::new(false),
    });
    session.keep_fresh();
    Ok(session)
}

impl Provider {
    fn redirect_uri(&self) -> String {
        origin() + &self.config.redirect_path
    }

    /// Sends the person to the provider (a top-level navigation), to come back to this page
    /// with its query. `silent` asks for no screen: the provider answers from its own session.
    pub async fn sign_in(&self, silent: bool) {
        let (Some(window), Some(storage)) = (web_sys::window(), storage()) else { return };
        let here = window.location();
        let return_to = here.pathname().unwrap_or_default() + &here.search().unwrap_or_default();
        // without the browser's randomness there is no safe sign-in
        let (Some(verifier), Some(state), Some(nonce)) = (random(32), random(16), random(16)) else { return };
        let trip = RoundTrip { verifier, state, nonce, return_to: sign_in::own_path(&return_to) };
        let Some(challenge) = sha256(&trip.verifier).await else { return };
        let Ok(json) = serde_json::to_string(&trip) else { return };
        if storage.set_item(ROUND_TRIP, &json).is_err() {
            return;
        }
        let challenge = sign_in::challenge(&challenge);
        let _ = here.assign(&sign_in::authorization_url(
            &self.discovery,
            &self.config,
            &self.redirect_uri(),
            &trip,
            &challenge,
            silent,
        ));
    }

    /// A form POSTed to the token endpoint; its answer's tokens, or the provider's error code.
    async fn token_request(&self, form: String) -> Result<Tokens, Refused> {
        let (status, body) = fetch(&self.discovery.token_endpoint, Some(form)).await.map_err(|_| Refused::Down)?;
        match status {
            200 => decode::<Tokens>(&body).map_err(|_| Refused::Provider("invalid_token_response".into())),
            400..=499 => Err(Refused::Provider(decode::<OAuthError>(&body).map_or(format!("{status}"), |e| e.error))),
            _ => Err(Refused::Down),
        }
    }
}

enum Refused {
    Down,
    Provider(String),
}

impl Held {
    fn from(tokens: Tokens) -> Held {
        Held {
            access: tokens.access_token,
            refresh: tokens.refresh_token,
            id_token: tokens.id_token,
            expires_in: tokens.expires_in,
        }
    }
}

impl Session {
    /// The access token for a request to the API.
    pub fn access(&self) -> Option<Secret> {
        self.held.lock().ok().map(|h| h.access.clone())
    }

    /// Renews the access token after the API refused `used`: true when there is a new one to try.
    /// Without a refresh token the person is sent to the provider for one without a screen.
    pub async fn renew(&self, used: &Secret) -> bool {
        let _turn = self.renewing.lock().await;
        // ended: the person chooses when to sign in again (the notice's button), nothing else does
        if self.ended.get_untracked() {
            return false;
        }
        let (current, refresh) = match self.held.lock() {
            Ok(h) => (h.access.clone(), h.refresh.clone()),
            Err(_) => return false,
        };
        if current != *used {
            // renewed while this request waited its turn
            return true;
        }
        let Some(refresh) = refresh else {
            self.provider.sign_in(true).await;
            return false;
        };
        let form = sign_in::refresh_form(&self.provider.config, refresh.expose());
        match self.provider.token_request(form).await {
            Ok(tokens) => {
                if let Ok(mut held) = self.held.lock() {
                    let kept_id = held.id_token.take();
                    let kept_refresh = held.refresh.take();
                    *held = Held::from(tokens);
                    // a provider that does not rotate keeps the refresh token it gave
                    held.refresh = held.refresh.take().or(kept_refresh);
                    held.id_token = held.id_token.take().or(kept_id);
                }
                true
            }
            Err(_) => {
                self.end();
                false
            }
        }
    }

    /// The session cannot go on: its refresh token is dropped, so nothing renews it again, and
    /// the views ask to sign in again.
    pub fn end(&self) {
        if let Ok(mut held) = self.held.lock() {
            held.refresh = None;
        }
        self.ended.set(true);
    }

    /// Renews the access token a little before it lapses, for as long as the session lasts.
    /// Without a refresh token it waits for the API to refuse the token: renewing means a round
    /// trip to the provider, which reloads the page, so only when a request needs it.
    fn keep_fresh(self: &Arc<Self>) {
        let (expires_in, renewable) = match self.held.lock() {
            Ok(h) => (h.expires_in, h.refresh.is_some()),
            Err(_) => return,
        };
        if !renewable {
            return;
        }
        let session = Arc::downgrade(self);
        let wait = std::time::Duration::from_secs(sign_in::renew_after(expires_in).into());
        set_timeout(
            move || {
                spawn_local(async move {
                    // signed out meanwhile: nothing to renew
                    let Some(session) = session.upgrade() else { return };
                    let Some(used) = session.access() else { return };
                    if session.renew(&used).await {
                        session.keep_fresh();
                    }
                });
            },
            wait,
        );
    }

    /// Forgets the tokens and this tab's sign-in, then signs out at the provider, which sends
    /// the person back to the app's start.
    pub fn sign_out(&self) {
        let id_token = self.held.lock().ok().and_then(|mut h| {
            h.refresh = None;
            h.id_token.take()
        });
        forget_sign_in();
        let back = origin() + "/";
        let to = sign_in::end_session_url(&self.provider.discovery, id_token.as_ref().map(Secret::expose), &back);
        if let Some(w) = web_sys::window() {
            let _ = w.location().assign(&to.unwrap_or(back));
        }
    }

    /// Signs in again after the session ended, back to this page.
    pub async fn sign_in_again(&self) {
        self.provider.sign_in(false).await;
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn take_round_trip() -> Option<RoundTrip> {
    let storage = storage()?;
    let kept = storage.get_item(ROUND_TRIP).ok().flatten();
    let _ = storage.remove_item(ROUND_TRIP);
    decode(&kept?).ok()
}

fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// The address without the provider's answer, as the page the person asked for.
fn replace_address(path: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
    }
}

/// `bytes` random bytes from the browser's crypto, as URL-safe text.
pub fn random(bytes: usize) -> Option<String> {
    let mut buf = vec![0u8; bytes];
    web_sys::window()?.crypto().ok()?.get_random_values_with_u8_array(&mut buf).ok()?;
    Some(sign_in::random_text(&buf))
}

/// SHA-256 of `text` by the browser's SubtleCrypto.
async fn sha256(text: &str) -> Option<Vec<u8>> {
    let subtle = web_sys::window()?.crypto().ok()?.subtle();
    let digest = subtle.digest_with_str_and_u8_array("SHA-256", text.as_bytes()).ok()?;
    let buffer = JsFuture::from(digest).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A GET (or, with a form, a POST) to the provider: its status and body, or the provider down.
async fn fetch(url: &str, form: Option<String>) -> Result<(u16, String), Failure> {
    let init = web_sys::RequestInit::new();
    let headers = web_sys::Headers::new().map_err(|_| Failure::ProviderDown)?;
    let _ = headers.set("Accept", "application/json");
    if let Some(form) = form {
        init.set_method("POST");
        let _ = headers.set("Content-Type", "application/x-www-form-urlencoded");
        init.set_body(&wasm_bindgen::JsValue::from_str(&form));
    }
    init.set_headers(&headers);
    // the provider's cookies are its own business: none is sent or taken here
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let controller = web_sys::AbortController::new().ok();
    init.set_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    if let Some(c) = controller.clone() {
        set_timeout(move || c.abort(), std::time::Duration::from_millis(PROVIDER_MS as u64));
    }
    let window = web_sys::window().ok_or(Failure::ProviderDown)?;
    let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(|_| Failure::ProviderDown)?;
    let response = JsFuture::from(window.fetch_with_request(&request)).await.map_err(|_| Failure::ProviderDown)?;
    let response: web_sys::Response = response.unchecked_into();
    let text = response.text().map_err(|_| Failure::ProviderDown)?;
    let body = JsFuture::from(text).await.map_err(|_| Failure::ProviderDown)?;
    Ok((response.status(), body.as_string().unwrap_or_default()))
}
