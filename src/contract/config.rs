//! The runtime configuration (`config.json` beside index.html), checked before anything else runs.

use super::json::{read_value, Bad, FromJson, Obj};
use super::{ApiError, Code};
use crate::i18n::Language;

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub api_base_url: String,
    pub auth: AuthMode,
    pub default_language: Option<Code<Language>>,
    pub allowed_parent_origins: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum AuthMode {
    None,
    /// A token handed over by the embedding page, kept in memory only.
    Bearer,
    Oidc {
        issuer: String,
        client_id: String,
        scopes: Vec<String>,
    },
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

impl FromJson for Config {
    fn read(o: &Obj) -> Result<Config, Bad> {
        let api_base_url = o.opt_str("apiBaseUrl")?.filter(|u| !u.trim().is_empty());
        let api_base_url = api_base_url.ok_or("\"apiBaseUrl\" is missing or empty")?;
        let auth = match o.opt_obj("auth")? {
            None => AuthMode::None,
            Some(a) => match a.str("mode")?.as_str() {
                "none" => AuthMode::None,
                "bearer" => AuthMode::Bearer,
                "oidc" => AuthMode::Oidc {
                    issuer: a.opt_str("issuer")?.ok_or("auth mode \"oidc\" needs \"issuer\"")?,
                    client_id: a.opt_str("clientId")?.ok_or("auth mode \"oidc\" needs \"clientId\"")?,
                    scopes: a.strs("scopes")?,
                },
                other => return Err(format!("auth mode \"{other}\" is not one of none, bearer, oidc")),
            },
        };
        let default_language = o.opt_code::<Language>("defaultLanguage")?;
        if let Some(Code::Other(l)) = &default_language {
            return Err(format!("\"defaultLanguage\" \"{l}\" is not one of nl, fr, de, en"));
        }
        let allowed_parent_origins = match o.opt_obj("embed")? {
            Some(e) => e.strs("allowedParentOrigins")?,
            None => Vec::new(),
        };
        Ok(Config { api_base_url, auth, default_language, allowed_parent_origins })
    }
}

pub fn parse(text: &str) -> Result<Config, ConfigError> {
    let value = crate::contract::json_text::parse(text).map_err(|why| ConfigError::NotJson { why })?;
    read_value(&value).map_err(|why| ConfigError::Invalid { why })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_example_parses() {
        let c = parse(
            r#"{"apiBaseUrl":"/api","auth":{"mode":"none"},"defaultLanguage":"nl",
               "embed":{"allowedParentOrigins":["https://intranet.example.be"]}}"#,
        )
        .unwrap();
        assert_eq!(c.api_base_url, "/api");
        assert_eq!(c.auth, AuthMode::None);
        assert_eq!(c.default_language, Some(Code::Known(Language::Nl)));
        assert_eq!(c.allowed_parent_origins, vec!["https://intranet.example.be"]);
    }

    #[test]
    fn problems_are_named() {
        assert!(matches!(parse("{ not json"), Err(ConfigError::NotJson { .. })));
        let invalid = |text| match parse(text) {
            Err(ConfigError::Invalid { why }) => why,
            other => panic!("{other:?}"),
        };
        assert_eq!(invalid("{}"), "\"apiBaseUrl\" is missing or empty");
        assert!(invalid(r#"{"apiBaseUrl":"/api","auth":{"mode":"magic"}}"#).contains("magic"));
        assert!(invalid(r#"{"apiBaseUrl":"/api","auth":{"mode":"oidc"}}"#).contains("issuer"));
        assert!(parse(r#"{"apiBaseUrl":"/api","defaultLanguage":"xx"}"#).is_err());
        assert!(parse(r#"{"apiBaseUrl":42}"#).is_err());
        assert!(parse("[]").is_err());
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
