//! The runtime configuration (`config.json` beside index.html), checked before anything else runs.

use serde::{de, Deserialize, Deserializer};

use super::{decode, ApiError, Code};
use crate::i18n::Language;

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Config {
    /// The service that answers the contract; without one, the account is on the device only.
    #[serde(default, deserialize_with = "not_blank")]
    pub api_base_url: Option<String>,
    /// Where the account comes from (`source: "device"`: the start screen, which opens a kept
    /// copy; with `apiBaseUrl` too, it also offers the service).
    #[serde(default)]
    pub source: Source,
    #[serde(default)]
    pub auth: AuthMode,
    #[serde(default, deserialize_with = "one_of_ours")]
    pub default_language: Option<Language>,
    #[serde(default)]
    pub embed: Embed,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(tag = "mode", rename_all = "lowercase")]
pub enum AuthMode {
    #[default]
    None,
    /// A token handed over by the embedding page, kept in memory only.
    Bearer,
    /// The app signs the person in itself (authorization code with PKCE) and sends the access
    /// token, kept in memory only.
    Oidc(Oidc),
    /// The API's own back end signs the person in and keeps the tokens; the browser has its
    /// session cookie.
    #[serde(rename_all = "camelCase")]
    Session {
        /// Where sign-in starts; the app adds `?return=` with the page to come back to.
        #[serde(default = "login_url")]
        login_url: String,
        /// Where a signed-in person signs out (a POST).
        #[serde(default = "logout_url")]
        logout_url: String,
    },
}

/// The OpenID provider and this app's registration with it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Oidc {
    /// Exactly as the provider's discovery document writes it.
    pub issuer: String,
    pub client_id: String,
    /// Asked for besides `openid`, e.g. `offline_access` for refresh tokens.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// The app's path the provider sends the person back to.
    #[serde(default = "redirect_path")]
    pub redirect_path: String,
    /// The API, for providers that mint an access token per API: sent as `audience`
    /// (Auth0's parameter) …
    #[serde(default)]
    pub audience: Option<String>,
    /// … or as `resource` (RFC 8707).
    #[serde(default)]
    pub resource: Option<String>,
}

fn redirect_path() -> String {
    "/auth/callback".into()
}

fn login_url() -> String {
    "/auth/login".into()
}

fn logout_url() -> String {
    "/auth/logout".into()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// The service at `apiBaseUrl`.
    #[default]
    Service,
    /// The person's own copy, on this device.
    Device,
}

impl Config {
    /// The service to read the account from, unless the person starts on the device.
    pub fn service(&self) -> Option<&str> {
        match self.source {
            Source::Service => self.api_base_url.as_deref(),
            Source::Device => None,
        }
    }
}

/// Where the widget may be embedded.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Embed {
    /// Exact origins (`https://intranet.example.be`), checked in the browser (`transport::check_origins`).
    #[serde(default)]
    pub allowed_parent_origins: Vec<String>,
}

fn not_blank<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(url) if url.trim().is_empty() => Err(de::Error::custom("is empty")),
        url => Ok(url),
    }
}

/// A language the app speaks: a code it does not know is a mistake of the configuration.
fn one_of_ours<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Language>, D::Error> {
    match Option::<Code<Language>>::deserialize(d)? {
        None => Ok(None),
        Some(Code::Known(l)) => Ok(Some(l)),
        Some(Code::Other(l)) => Err(de::Error::custom(format!("\"{l}\" is not one of nl, fr, de, en"))),
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ConfigError {
    Missing {
        url: String,
    },
    /// With the HTTP status when the server answered, without when it could not be reached.
    Unreadable {
        url: String,
        status: Option<u16>,
    },
    NotJson {
        why: String,
    },
    Invalid {
        why: String,
    },
}

impl ConfigError {
    /// Why config.json could not be fetched; the words are in `i18n::config_error`.
    pub fn from_fetch(url: &str, e: &ApiError) -> ConfigError {
        let url = url.to_string();
        match e {
            ApiError::NotFound => ConfigError::Missing { url },
            ApiError::Server { status } | ApiError::Rejected { status, .. } => {
                ConfigError::Unreadable { url, status: Some(*status) }
            }
            _ => ConfigError::Unreadable { url, status: None },
        }
    }
}

pub fn parse(text: &str) -> Result<Config, ConfigError> {
    let config: Config = decode(text).map_err(|refused| match refused.syntax {
        true => ConfigError::NotJson { why: refused.why },
        false => ConfigError::Invalid { why: refused.to_string() },
    })?;
    // checked here, not while decoding: inside the tagged `auth`, serde loses the field's path
    if let AuthMode::Oidc(oidc) = &config.auth {
        for (field, value) in [("issuer", &oidc.issuer), ("clientId", &oidc.client_id)] {
            if value.trim().is_empty() {
                return Err(ConfigError::Invalid { why: format!("auth.{field}: is empty") });
            }
        }
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_smallest_configuration_asks_for_no_sign_in_and_no_embedding() {
        let c = parse(r#"{"apiBaseUrl":"https://hr.example.be/api"}"#).unwrap();
        assert_eq!((c.auth, c.default_language, c.embed), (AuthMode::None, None, Embed::default()));
        let oidc =
            parse(r#"{"apiBaseUrl":"/api","auth":{"mode":"oidc","issuer":"https://id.example.be","clientId":"app"}}"#);
        let want = AuthMode::Oidc(Oidc {
            issuer: "https://id.example.be".into(),
            client_id: "app".into(),
            scopes: vec![],
            redirect_path: "/auth/callback".into(),
            audience: None,
            resource: None,
        });
        assert_eq!(oidc.unwrap().auth, want);
        let session = parse(r#"{"apiBaseUrl":"/api","auth":{"mode":"session"}}"#).unwrap();
        let want = AuthMode::Session { login_url: "/auth/login".into(), logout_url: "/auth/logout".into() };
        assert_eq!(session.auth, want);
    }

    #[test]
    fn without_a_service_the_account_is_on_the_device() {
        let alone = parse("{}").unwrap();
        assert_eq!((alone.service(), alone.source), (None, Source::Service));
        let both = parse(r#"{"apiBaseUrl":"/api","source":"device"}"#).unwrap();
        assert_eq!((both.service(), both.api_base_url.as_deref()), (None, Some("/api")));
        assert_eq!(parse(r#"{"apiBaseUrl":"/api"}"#).unwrap().service(), Some("/api"));
    }

    #[test]
    fn problems_are_named() {
        assert!(matches!(parse("{ not json"), Err(ConfigError::NotJson { .. })));
        let invalid = |text| match parse(text) {
            Err(ConfigError::Invalid { why }) => why,
            other => panic!("{other:?}"),
        };
        assert!(invalid(r#"{"source":"cloud"}"#).starts_with("source: unknown variant"));
        assert!(invalid(r#"{"apiBaseUrl":"  "}"#).starts_with("apiBaseUrl: is empty"));
        assert!(invalid(r#"{"apiBaseUrl":42}"#).starts_with("apiBaseUrl: invalid type"));
        assert!(invalid(r#"{"apiBaseUrl":"/api","auth":{"mode":"magic"}}"#).contains("magic"));
        assert!(invalid(r#"{"apiBaseUrl":"/api","auth":{"mode":"oidc"}}"#).contains("issuer"));
        let blank_client = r#"{"apiBaseUrl":"/api","auth":{"mode":"oidc","issuer":"https://id.example.be","clientId":" "}}"#;
        assert!(invalid(blank_client).starts_with("auth.clientId: is empty"), "{}", invalid(blank_client));
        assert!(invalid(r#"{"apiBaseUrl":"/api","defaultLanguage":"xx"}"#).starts_with("defaultLanguage: \"xx\""));
        assert!(invalid(r#"{"apiBaseUrl":"/api","embed":{"allowedParentOrigins":"*"}}"#)
            .starts_with("embed.allowedParentOrigins"));
        assert!(invalid("7").starts_with("invalid type"));
    }

    #[test]
    fn fetch_failures_are_named_for_the_config_screen() {
        let url = "http://127.0.0.1/config.json";
        assert_eq!(ConfigError::from_fetch(url, &ApiError::NotFound), ConfigError::Missing { url: url.into() });
        assert_eq!(
            ConfigError::from_fetch(url, &ApiError::Server { status: 502 }),
            ConfigError::Unreadable { url: url.into(), status: Some(502) }
        );
        assert_eq!(
            ConfigError::from_fetch(url, &ApiError::Timeout),
            ConfigError::Unreadable { url: url.into(), status: None }
        );
    }
}
