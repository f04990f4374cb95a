//! What went wrong, in words an employee can act on.

use crate::contract::config::ConfigError;
use crate::contract::copy::NotACopy;
use crate::contract::error::PagingStop;
use crate::contract::ApiError;
use crate::domain::history::MAX_PAGES;
use crate::i18n::{fill, Texts};

/// A resource of the account by its place in a copy (`contract::copy`): `carryOver`,
/// `entitlements.2026`; an unknown place as it is written.
pub fn copy_part(t: &Texts, resource: &str) -> String {
    let (name, year) = resource.split_once('.').unwrap_or((resource, ""));
    let what = match name {
        "me" => t.what_profile,
        "carryOver" => t.what_ledger,
        "entitlements" => t.what_right,
        "attendance" => t.what_attended,
        "trainingPages" => t.history_title,
        _ => return resource.into(),
    };
    match year {
        "" => what.into(),
        year => format!("{what} ({year})"),
    }
}

/// The parts a copy lacks, each with why where it is known: `Not in the copy: …`.
pub fn copy_without<'a>(t: &Texts, parts: impl Iterator<Item = (&'a str, Option<&'a ApiError>)>) -> String {
    let each: Vec<String> = parts
        .map(|(resource, e)| match e {
            Some(e) => format!("{} ({})", copy_part(t, resource), api_error(t, e)),
            None => copy_part(t, resource),
        })
        .collect();
    fill(t.copy_without, &[&each.join("; ")])
}

pub fn api_error(t: &Texts, e: &ApiError) -> String {
    match e {
        ApiError::Offline => t.err_offline.into(),
        ApiError::Timeout => t.err_timeout.into(),
        ApiError::Unauthorized => t.err_unauthorized.into(),
        ApiError::Forbidden => t.err_forbidden.into(),
        ApiError::NotFound => t.err_not_found.into(),
        ApiError::RateLimited { retry_after_seconds: Some(s) } => fill(t.err_rate_limited_s, &[&s.to_string()]),
        ApiError::RateLimited { retry_after_seconds: None } => t.err_rate_limited.into(),
        ApiError::Server { status } => fill(t.err_server, &[&status.to_string()]),
        ApiError::Rejected { status, detail: Some(d) } => fill(t.err_rejected_detail, &[&status.to_string(), d]),
        ApiError::Rejected { status, detail: None } => fill(t.err_rejected, &[&status.to_string()]),
        // the technical part stays as the reader wrote it: it is for whoever fixes the back end
        ApiError::Malformed(why) => fill(t.err_malformed, &[why]),
        ApiError::Elsewhere => t.err_elsewhere.into(),
        ApiError::TooLarge => t.err_too_large.into(),
        ApiError::Paging(stop) => paging_stop(t, *stop),
    }
}

/// Why the history's list ends before the service's last page.
pub fn paging_stop(t: &Texts, stop: PagingStop) -> String {
    match stop {
        PagingStop::TooMany => fill(t.stop_too_many, &[&MAX_PAGES.to_string()]),
        PagingStop::NothingNew => t.stop_nothing_new.into(),
    }
}

/// Why a file did not open as a copy, naming the field where it is one in part.
pub fn not_a_copy(t: &Texts, e: &NotACopy) -> String {
    match e {
        NotACopy::Unknown(refused) => fill(t.open_not_copy, &[&refused.to_string()]),
        NotACopy::Newer(format) => fill(t.open_newer, &[format]),
        NotACopy::Invalid(refused) => fill(t.open_invalid, &[&refused.path, &refused.why]),
    }
}

pub fn config_error(t: &Texts, e: &ConfigError) -> String {
    match e {
        ConfigError::Missing { url } => fill(t.config_missing, &[url]),
        ConfigError::Unreadable { url, status: Some(status) } => fill(t.config_unreadable, &[url, &status.to_string()]),
        ConfigError::Unreadable { url, status: None } => fill(t.config_unreachable, &[url]),
        ConfigError::NotJson { why } => fill(t.config_not_json, &[why]),
        ConfigError::Invalid { why } => fill(t.config_invalid, &[why]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{texts, Language, LANGUAGES};

    #[test]
    fn every_error_in_every_language() {
        let errors = [
            ApiError::Offline,
            ApiError::Timeout,
            ApiError::Unauthorized,
            ApiError::Forbidden,
            ApiError::NotFound,
            ApiError::RateLimited { retry_after_seconds: Some(30) },
            ApiError::RateLimited { retry_after_seconds: None },
            ApiError::Server { status: 502 },
            ApiError::Rejected { status: 400, detail: Some("year is required".into()) },
            ApiError::Rejected { status: 418, detail: None },
            ApiError::Malformed("total should be a number".into()),
            ApiError::Elsewhere,
            ApiError::TooLarge,
            ApiError::Paging(PagingStop::TooMany),
            ApiError::Paging(PagingStop::NothingNew),
        ];
        for lang in LANGUAGES {
            let messages: Vec<String> = errors.iter().map(|e| api_error(texts(lang), e)).collect();
            assert!(messages.iter().all(|m| m.len() > 20 && !m.contains('{')), "{lang:?}: {messages:?}");
            assert!(
                messages[5].contains("30")
                    && messages[7].contains("502")
                    && messages[8].contains("year is required")
                    && messages[13].contains(&MAX_PAGES.to_string())
            );
        }
        assert!(api_error(texts(Language::Fr), &ApiError::Server { status: 503 }).contains("erreur 503"));
    }

    #[test]
    fn what_a_copy_lacks_is_named_in_words_with_why() {
        let e = ApiError::Server { status: 503 };
        let en = texts(Language::En);
        let parts = [("carryOver", Some(&e)), ("entitlements.2026", None), ("trainingPages", None), ("x.y", None)];
        assert_eq!(
            copy_without(en, parts.into_iter()),
            format!(
                "Not in the copy: Carry-over and training credit ({}); Your training right (2026); Your training history; x.y",
                api_error(en, &e)
            )
        );
        for lang in LANGUAGES {
            let said = copy_without(texts(lang), [("attendance.2025", Some(&ApiError::Timeout))].into_iter());
            assert!(said.contains("(2025)") && !said.contains('{'), "{said}");
        }
    }

    #[test]
    fn config_errors_name_the_file_and_the_cause() {
        let url = "http://127.0.0.1/config.json";
        let e = ConfigError::Unreadable { url: url.into(), status: Some(502) };
        assert_eq!(
            config_error(texts(Language::En), &e),
            "The configuration file at http://127.0.0.1/config.json could not be read (error 502)."
        );
        let nl = config_error(texts(Language::Nl), &ConfigError::Missing { url: url.into() });
        assert_eq!(nl, "Het configuratiebestand is niet gevonden op http://127.0.0.1/config.json.");
    }
}
