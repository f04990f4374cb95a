//! What the training detail page says about one training, as labelled rows.

use crate::api::dto::Training;
use crate::domain::format::{date, date_range, duration};
use crate::domain::ids::{enterprise_number_formatted, enterprise_number_is_valid};
use crate::domain::labels::label;

/// Every field of the contract as (label, text); optional fields left out are empty text.
pub fn rows(t: &Training) -> Vec<(String, String)> {
    let provider = t.provider.as_ref().map(|p| match &p.enterprise_number {
        Some(n) => {
            let flag = if enterprise_number_is_valid(n) { "" } else { " (not a valid enterprise number)" };
            format!("{}, enterprise number {}{flag}", p.name, enterprise_number_formatted(n))
        }
        None => p.name.clone(),
    });
    let result = t.result.as_ref().map(|r| {
        let certificate = match (r.certificate, r.certificate_valid_until) {
            (Some(true), Some(until)) => format!("Certificate, valid until {}", date(until)),
            (Some(true), None) => "Certificate, no expiry".into(),
            (Some(false), _) => "No certificate".into(),
            (None, _) => String::new(),
        };
        let parts = [r.description.clone().unwrap_or_default(), certificate];
        parts.into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ")
    });
    [
        ("Dates", date_range(t.start_date, t.end_date)),
        ("Duration", duration(t.duration_minutes)),
        ("Type", label(&t.kind)),
        ("Status", label(&t.status)),
        ("Counts towards your training right", if t.counts_towards_right { "Yes" } else { "No" }.into()),
        ("Provider", provider.unwrap_or_default()),
        ("Result", result.unwrap_or_default()),
        ("Paid by", t.funding.as_ref().map(label).unwrap_or_default()),
        ("Registered by", label(&t.registered_by)),
        ("Registered on", t.registered_on.map(date).unwrap_or_default()),
        ("Content", t.content.clone().unwrap_or_default()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::json::parse;

    fn row<'a>(rows: &'a [(String, String)], key: &str) -> &'a str {
        rows.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()).unwrap()
    }

    #[test]
    fn every_field_in_words() {
        let t: Training = parse(
            r#"{"id":"t1","employerId":"e1","title":"Excel","provider":{"name":"X","enterpriseNumber":"1001234592"},
                "startDate":"2026-03-11","endDate":"2026-03-12","durationMinutes":912,"type":"FORMAL",
                "status":"POSTPONED","countsTowardsRight":false,"funding":"SELF","registeredBy":"PROVIDER",
                "result":{"certificate":true,"certificateValidUntil":"2029-03-12","description":"Geslaagd"}}"#,
        )
        .unwrap();
        let rows = rows(&t);
        assert_eq!(row(&rows, "Dates"), "11–12 Mar 2026");
        assert_eq!(row(&rows, "Duration"), "15 h 12 min");
        assert_eq!(row(&rows, "Status"), "Other (POSTPONED)");
        assert_eq!(row(&rows, "Counts towards your training right"), "No");
        assert_eq!(row(&rows, "Provider"), "X, enterprise number 1001.234.592");
        assert_eq!(row(&rows, "Result"), "Geslaagd · Certificate, valid until 12 Mar 2029");
        assert_eq!(row(&rows, "Paid by"), "Yourself");
        assert_eq!((row(&rows, "Registered on"), row(&rows, "Content")), ("", ""));
    }

    #[test]
    fn an_invalid_provider_number_is_flagged() {
        let t: Training = parse(
            r#"{"id":"t1","employerId":"e1","title":"x","provider":{"name":"Y","enterpriseNumber":"0765432147"},
                "startDate":"2026-03-11","endDate":"2026-03-11","durationMinutes":60,"type":"INFORMAL",
                "status":"COMPLETED","countsTowardsRight":true,"registeredBy":"EMPLOYER"}"#,
        )
        .unwrap();
        assert_eq!(row(&rows(&t), "Provider"), "Y, enterprise number 0765.432.147 (not a valid enterprise number)");
    }
}
