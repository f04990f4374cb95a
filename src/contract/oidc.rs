//! What an OpenID provider sends: its discovery document, the token endpoint's answers and the
//! ID token's claims. A token is a `Secret`, so that no `Debug` print, log line or error message
//! can carry it.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use super::{decode, Refusal};

/// A token, written as `[hidden]` wherever it is printed.
#[derive(Clone, PartialEq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: String) -> Secret {
        Secret(value)
    }

    /// The value, for the one place that sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("[hidden]")
    }
}

/// `/.well-known/openid-configuration` (OpenID Connect Discovery 1.0), the fields used here.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Discovery {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    #[serde(default)]
    pub end_session_endpoint: Option<String>,
    /// Absent means the provider does not say; `S256` is sent either way.
    #[serde(default)]
    pub code_challenge_methods_supported: Option<Vec<String>>,
}

/// The token endpoint's answer (RFC 6749 5.1, OpenID Connect Core 3.1.3.3).
#[derive(Clone, Debug, Deserialize)]
pub struct Tokens {
    pub access_token: Secret,
    pub token_type: String,
    /// Seconds; a provider that leaves it out is taken at an hour.
    #[serde(default)]
    pub expires_in: Option<u32>,
    #[serde(default)]
    pub refresh_token: Option<Secret>,
    #[serde(default)]
    pub id_token: Option<Secret>,
}

/// An error of the token endpoint (RFC 6749 5.2) or of the authorization endpoint (4.1.2.1).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct OAuthError {
    pub error: String,
    #[serde(default)]
    pub error_description: Option<String>,
}

/// One audience or several (OpenID Connect Core 2).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Audience {
    One(String),
    Many(Vec<String>),
}

impl Audience {
    pub fn contains(&self, who: &str) -> bool {
        match self {
            Audience::One(a) => a == who,
            Audience::Many(all) => all.iter().any(|a| a == who),
        }
    }

    /// More than one: the ID token must then say which party it was given to (`azp`).
    pub fn several(&self) -> bool {
        matches!(self, Audience::Many(all) if all.len() > 1)
    }
}

/// The ID token's claims that are checked (OpenID Connect Core 3.1.3.7).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct IdClaims {
    pub iss: String,
    pub sub: String,
    pub aud: Audience,
    #[serde(default)]
    pub azp: Option<String>,
    /// Seconds since 1970.
    pub exp: i64,
    pub iat: i64,
    #[serde(default)]
    pub nonce: Option<String>,
}

impl IdClaims {
    /// The claims of a compact JWT (its second part). The signature is not checked here: the
    /// token came straight from the token endpoint over TLS (OpenID Connect Core 3.1.3.7, 6).
    pub fn of(jwt: &Secret) -> Result<IdClaims, Refusal> {
        let not_jwt = |why: String| Refusal { path: String::new(), why: format!("the ID token is not a JWT: {why}"), syntax: true };
        let payload = jwt.expose().split('.').nth(1).ok_or_else(|| not_jwt("it has no claims".into()))?;
        let bytes = URL_SAFE_NO_PAD.decode(payload).map_err(|e| not_jwt(e.to_string()))?;
        decode(&String::from_utf8_lossy(&bytes))
    }
}

/// What the app keeps in `sessionStorage` between sending the person to the provider and their
/// return, and deletes on return: never a token.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundTrip {
    pub verifier: String,
    pub state: String,
    pub nonce: String,
    /// The page asked for, with its query: where the person lands after signing in.
    pub return_to: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt(claims: &str) -> Secret {
        Secret::new(format!("e30.{}.sig", URL_SAFE_NO_PAD.encode(claims)))
    }

    #[test]
    fn a_token_is_never_printed() {
        let tokens: Tokens =
            decode(r#"{"access_token":"abc.def","token_type":"Bearer","refresh_token":"r-123","expires_in":20}"#)
                .unwrap();
        let printed = format!("{tokens:?}");
        assert!(!printed.contains("abc.def") && !printed.contains("r-123"), "{printed}");
        assert_eq!(tokens.access_token.expose(), "abc.def");
    }

    #[test]
    fn id_token_claims_are_read_from_the_jwt() {
        let claims = IdClaims::of(&jwt(
            r#"{"iss":"https://id.example.be","sub":"a","aud":["app","api"],"exp":20,"iat":10,"nonce":"n"}"#,
        ))
        .unwrap();
        assert!(claims.aud.contains("api") && claims.aud.several());
        assert_eq!(claims.nonce.as_deref(), Some("n"));
        assert!(IdClaims::of(&Secret::new("not a jwt".into())).unwrap_err().why.contains("not a JWT"));
        let missing = IdClaims::of(&jwt(r#"{"iss":"x","sub":"a","aud":"app","iat":1}"#)).unwrap_err();
        assert!(missing.why.contains("exp"), "{missing}");
    }
}
