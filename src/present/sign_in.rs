//! Why signing in did not work, in words that say what to do next.

use crate::domain::sign_in::Failure;
use crate::i18n::{fill, Texts};

/// `None` where there is nothing to tell: the provider had no session for a sign-in without a
/// screen, and the person simply signs in.
pub fn failure(t: &Texts, f: &Failure) -> Option<String> {
    Some(match f {
        Failure::ProviderDown => t.fail_provider_down.into(),
        Failure::Discovery { why } => fill(t.fail_discovery, &[why]),
        Failure::Denied => t.fail_denied.into(),
        Failure::LoginRequired => return None,
        Failure::StateMismatch => t.fail_state.into(),
        Failure::CodeRefused => t.fail_code.into(),
        Failure::ClockSkew => t.fail_clock.into(),
        Failure::IdToken { why } => fill(t.fail_id_token, &[why]),
        Failure::Provider { error } => fill(t.fail_provider, &[error]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{texts, LANGUAGES};

    #[test]
    fn every_failure_is_said_in_every_language_with_its_detail() {
        let details = [
            (Failure::Discovery { why: "it names the issuer \"x\"".into() }, "\"x\""),
            (Failure::IdToken { why: "its nonce".into() }, "its nonce"),
            (Failure::Provider { error: "server_error".into() }, "server_error"),
        ];
        for lang in LANGUAGES {
            let t = texts(lang);
            for (f, detail) in &details {
                assert!(failure(t, f).unwrap().contains(detail), "{lang:?} {f:?}");
            }
            let plain = [Failure::ProviderDown, Failure::Denied, Failure::StateMismatch, Failure::CodeRefused, Failure::ClockSkew];
            let said: Vec<String> = plain.iter().map(|f| failure(t, f).unwrap()).collect();
            // each its own message
            for (i, s) in said.iter().enumerate() {
                assert!(!said[..i].contains(s), "{lang:?}: {s}");
            }
            assert_eq!(failure(t, &Failure::LoginRequired), None);
        }
    }
}
