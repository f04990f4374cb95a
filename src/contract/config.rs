//! The runtime configuration (`config.json` beside index.html), checked before anything else runs.

use serde::{de, Deserialize, Deserializer};

use super::{decode, ApiError, Code};
use crate::i18n::Language;

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Config {
    #[serde(deserialize_with = "not_blank")]
    pub api_base_url: String,
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
    #[serde(rename_all = "camelCase")]
    Oidc {
        issuer: String,
        client_id: String,
        #[serde(default)]
        scopes: Vec<String>,
    },
}

/// Where the widget may be embedded.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Embed {
    /// Exact origins (`https://intranet.example.be`), checked in the browser (`transport::check_origins`).
    #[serde(default)]
    pub allowed_parent_origins: Vec<String>,
}

fn not_blank<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let url = String::deserialize(d)?;
    match url.trim().is_empty() {
        true => Err(de::Error::custom("is empty")),
        false => Ok(url),
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
    decode(text).map_err(|refused| match refused.syntax {
        true => ConfigError::NotJson { why: refused.why },
        false => ConfigError::Invalid { why: refused.to_string() },
    })
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
        let want = AuthMode::Oidc { issuer: "https://id.example.be".into(), client_id: "app".into(), scopes: vec![] };
        assert_eq!(oidc.unwrap().auth, want);
    }

    #[test]
    fn problems_are_named() {
        assert!(matches!(parse("{ not json"), Err(ConfigError::NotJson { .. })));
        let invalid = |text| match parse(text) {
            Err(ConfigError::Invalid { why }) => why,
            other => panic!("{other:?}"),
        };
        assert!(invalid("{}").contains("apiBaseUrl"));
        assert!(invalid(r#"{"apiBaseUrl":"  "}"#).starts_with("apiBaseUrl: is empty"));
        assert!(invalid(r#"{"apiBaseUrl":42}"#).starts_with("apiBaseUrl: invalid type"));
        assert!(invalid(r#"{"apiBaseUrl":"/api","auth":{"mode":"magic"}}"#).contains("magic"));
        assert!(invalid(r#"{"apiBaseUrl":"/api","auth":{"mode":"oidc"}}"#).contains("issuer"));
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
