//! The OpenID provider as the demo back end knows it: its discovery document, and its signing
//! keys (JWKS) cached by `kid`, fetched again at most once a minute when a token names a key
//! not in the cache. A JWT is accepted only with one of the expected algorithms, the provider's
//! signature, its issuer, the expected audience and a time not past.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{decode, decode_header, Algorithm, DecodingKey, Validation};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use tokio::sync::{Mutex, OnceCell};

/// The algorithms a token may be signed with: asymmetric ones only, so that no public key can
/// ever be used as a shared secret (`alg: HS256`), and never `none`.
const ALGORITHMS: [Algorithm; 4] = [Algorithm::RS256, Algorithm::PS256, Algorithm::ES256, Algorithm::EdDSA];
/// An unknown `kid` refetches the keys at most this often: a flood of made-up tokens does not
/// become a flood of requests to the provider.
const REFETCH: Duration = Duration::from_secs(60);

#[derive(Clone, Debug, Deserialize)]
pub struct Discovery {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    #[serde(default)]
    pub end_session_endpoint: Option<String>,
}

pub struct Provider {
    pub issuer: String,
    http: reqwest::Client,
    discovery: OnceCell<Discovery>,
    keys: Mutex<Keys>,
}

#[derive(Default)]
struct Keys {
    by_kid: HashMap<String, DecodingKey>,
    fetched: Option<Instant>,
}

/// Why a token was not taken (logged by kind, never with the token).
#[derive(Debug, PartialEq)]
pub enum Refused {
    /// Not a JWT, an algorithm not expected, no `kid`, or claims that do not hold.
    Invalid(String),
    /// Signed with a key the provider does not publish.
    UnknownKey,
    /// The provider could not be asked for its keys.
    Unreachable(String),
}

impl Provider {
    pub fn new(issuer: String) -> Provider {
        // the provider's answers are its own: a redirect is not followed
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap_or_default();
        Provider { issuer, http, discovery: OnceCell::new(), keys: Mutex::new(Keys::default()) }
    }

    /// The client that talks to the provider, also for the token requests of the session mode.
    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }

    /// The discovery document, read once; its `issuer` must be the configured one exactly.
    pub async fn discovery(&self) -> Result<&Discovery, Refused> {
        self.discovery
            .get_or_try_init(|| async {
                let url = format!("{}/.well-known/openid-configuration", self.issuer.trim_end_matches('/'));
                let discovery: Discovery = self.get_json(&url).await?;
                match discovery.issuer == self.issuer {
                    true => Ok(discovery),
                    false => Err(Refused::Unreachable(format!("discovery names the issuer {}", discovery.issuer))),
                }
            })
            .await
    }

    async fn get_json<T: DeserializeOwned>(&self, url: &str) -> Result<T, Refused> {
        let unreachable = |e: reqwest::Error| Refused::Unreachable(e.without_url().to_string());
        self.http.get(url).send().await.and_then(|r| r.error_for_status()).map_err(unreachable)?.json().await.map_err(unreachable)
    }

    /// The claims of a JWT signed by the provider for `audience`.
    pub async fn verify<T: DeserializeOwned>(&self, token: &str, audience: &str) -> Result<T, Refused> {
        let header = decode_header(token).map_err(|e| Refused::Invalid(e.to_string()))?;
        if !ALGORITHMS.contains(&header.alg) {
            return Err(Refused::Invalid(format!("{:?} is not an expected algorithm", header.alg)));
        }
        let kid = header.kid.ok_or(Refused::Invalid("no kid".into()))?;
        let key = self.key(&kid).await?;
        let mut rules = Validation::new(header.alg);
        rules.set_issuer(&[&self.issuer]);
        rules.set_audience(&[audience]);
        rules.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        decode::<T>(token, &key, &rules).map(|data| data.claims).map_err(|e| Refused::Invalid(e.to_string()))
    }

    /// The key named `kid`, from the cache or, once a minute at most, from the provider.
    async fn key(&self, kid: &str) -> Result<DecodingKey, Refused> {
        let mut keys = self.keys.lock().await;
        if let Some(key) = keys.by_kid.get(kid) {
            return Ok(key.clone());
        }
        if keys.fetched.is_some_and(|at| at.elapsed() < REFETCH) {
            return Err(Refused::UnknownKey);
        }
        let jwks_uri = self.discovery().await?.jwks_uri.clone();
        keys.fetched = Some(Instant::now());
        let set: JwkSet = self.get_json(&jwks_uri).await?;
        keys.by_kid = set
            .keys
            .iter()
            .filter_map(|jwk| Some((jwk.common.key_id.clone()?, DecodingKey::from_jwk(jwk).ok()?)))
            .collect();
        keys.by_kid.get(kid).cloned().ok_or(Refused::UnknownKey)
    }
}
