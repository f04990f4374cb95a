//! What the API can answer instead of data (api-v1.md, Errors): the one error type of the
//! client; its words for the employee are in `present::messages`.

use std::fmt;

use serde::Deserialize;

#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The request never reached the back end (no network, DNS, CORS refused).
    Offline,
    /// No answer within the client's time limit.
    Timeout,
    Unauthorized,
    Forbidden,
    NotFound,
    RateLimited {
        retry_after_seconds: Option<u32>,
    },
    Server {
        status: u16,
    },
    /// Any other 4xx, e.g. a 400 for a request the back end does not understand.
    Rejected {
        status: u16,
        detail: Option<String>,
    },
    /// The answer arrived but is not what the contract describes.
    Malformed(String),
    /// A `next` link or a redirect to another address than the configured service: not
    /// followed, so the token never goes there.
    Elsewhere,
    /// An answer larger than the client reads (`transport::MAX_BYTES`).
    TooLarge,
    /// The history's pages did not come to an end.
    Paging(PagingStop),
}

/// Why the history stopped following `next` links.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PagingStop {
    /// More pages than `domain::history::MAX_PAGES`.
    TooMany,
    /// A page that added no training not already received, e.g. a `next` link to itself.
    NothingNew,
}

impl ApiError {
    /// Maps a non-2xx answer; the body may be problem+json, other text or nothing.
    pub fn from_status(status: u16, body: &str, retry_after: Option<&str>) -> ApiError {
        match status {
            401 => ApiError::Unauthorized,
            403 => ApiError::Forbidden,
            404 => ApiError::NotFound,
            429 => ApiError::RateLimited { retry_after_seconds: retry_after.and_then(|s| s.trim().parse().ok()) },
            500..=599 => ApiError::Server { status },
            _ => {
                // problem+json when the body is one; anything else is survived, not shown
                let problem = serde_json::from_str::<Problem>(body).ok();
                let detail = problem.and_then(|p| p.detail.or(p.title));
                ApiError::Rejected { status, detail }
            }
        }
    }
}

/// What happened, for a file or a developer, not for the employee (their words are in
/// `present::messages`): what a copy says of a resource it could not hold.
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            ApiError::Offline => f.write_str("the service could not be reached"),
            ApiError::Timeout => f.write_str("no answer within the time limit"),
            ApiError::Unauthorized => f.write_str("the service answered 401"),
            ApiError::Forbidden => f.write_str("the service answered 403"),
            ApiError::NotFound => f.write_str("the service answered 404"),
            ApiError::RateLimited { .. } => f.write_str("the service answered 429"),
            ApiError::Server { status } | ApiError::Rejected { status, detail: None } => {
                write!(f, "the service answered {status}")
            }
            ApiError::Rejected { status, detail: Some(detail) } => write!(f, "the service answered {status}: {detail}"),
            ApiError::Malformed(why) => write!(f, "not as the contract says: {why}"),
            ApiError::Elsewhere => f.write_str("a link or redirect to another address, not followed"),
            ApiError::TooLarge => f.write_str("an answer larger than the app reads"),
            ApiError::Paging(PagingStop::TooMany) => f.write_str("more pages than the app follows"),
            ApiError::Paging(PagingStop::NothingNew) => f.write_str("a page with nothing new"),
        }
    }
}

impl From<super::Refusal> for ApiError {
    fn from(refused: super::Refusal) -> ApiError {
        ApiError::Malformed(refused.to_string())
    }
}

/// The part of an `application/problem+json` body worth showing.
#[derive(Deserialize)]
struct Problem {
    title: Option<String>,
    detail: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_kinds() {
        assert_eq!(ApiError::from_status(401, "", None), ApiError::Unauthorized);
        assert_eq!(ApiError::from_status(403, "<html>", None), ApiError::Forbidden);
        assert_eq!(ApiError::from_status(404, "{}", None), ApiError::NotFound);
        assert_eq!(ApiError::from_status(503, "oops", None), ApiError::Server { status: 503 });
        assert_eq!(
            ApiError::from_status(429, "", Some(" 30")),
            ApiError::RateLimited { retry_after_seconds: Some(30) }
        );
        assert_eq!(ApiError::from_status(429, "", Some("soon")), ApiError::RateLimited { retry_after_seconds: None });
    }

    #[test]
    fn problem_json_detail_is_used_and_other_bodies_are_survived() {
        let body = r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"year is required"}"#;
        assert_eq!(
            ApiError::from_status(400, body, None),
            ApiError::Rejected { status: 400, detail: Some("year is required".into()) }
        );
        assert_eq!(ApiError::from_status(418, "not json", None), ApiError::Rejected { status: 418, detail: None });
    }
}
