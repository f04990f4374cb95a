//! The one error type of the API client, with a message an employee can act on.

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
                let problem = serde_json::from_str::<serde_json::Value>(body).ok();
                let text = |k: &str| problem.as_ref()?.get(k)?.as_str().map(String::from);
                let detail = text("detail").or_else(|| text("title"));
                ApiError::Rejected { status, detail }
            }
        }
    }

    pub fn message(&self) -> String {
        match self {
            ApiError::Offline => {
                "The training account service cannot be reached. Check your connection and try again.".into()
            }
            ApiError::Timeout => "The training account service took too long to answer. Try again in a moment.".into(),
            ApiError::Unauthorized => "You are not signed in, or your session has expired. Sign in again.".into(),
            ApiError::Forbidden => "You are not allowed to see this information.".into(),
            ApiError::NotFound => "No training account was found for this request.".into(),
            ApiError::RateLimited { retry_after_seconds: Some(s) } => {
                format!("Too many requests. Try again in {s} seconds.")
            }
            ApiError::RateLimited { retry_after_seconds: None } => "Too many requests. Try again in a minute.".into(),
            ApiError::Server { status } => {
                format!("The training account service has a problem (error {status}). Try again later.")
            }
            ApiError::Rejected { status, detail } => match detail {
                Some(d) => format!("The request was refused (error {status}): {d}"),
                None => format!("The request was refused (error {status})."),
            },
            ApiError::Malformed(why) => {
                format!("The training account service sent data this app cannot read ({why}). Please report this to your employer.")
            }
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ApiError {}

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
        assert!(ApiError::from_status(400, body, None).message().contains("year is required"));
    }

    #[test]
    fn every_kind_has_a_message() {
        for e in
            [ApiError::Offline, ApiError::Timeout, ApiError::Malformed("x".into()), ApiError::Server { status: 502 }]
        {
            assert!(e.message().len() > 20);
        }
    }
}
