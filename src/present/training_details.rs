//! What the training detail page says about one training, as labelled rows.

use crate::contract::{Date, Training};
use crate::domain::ids::{enterprise_number_formatted, enterprise_number_is_valid};
use crate::i18n::{fill, Texts};
use crate::present::format::{date, date_range, duration};
use crate::present::labels::label;

/// Every field of the contract as (label, text); optional fields left out are empty text. The
/// employer is named when the profile lists it (`employer_name`), else shown by its id; a
/// certificate whose date has passed by `today` says it has expired.
pub fn rows(t: &Texts, tr: &Training, employer_name: Option<&str>, today: Option<Date>) -> Vec<(String, String)> {
    let provider = tr.provider.as_ref().map(|p| match &p.enterprise_number {
        Some(n) => {
            let template = if enterprise_number_is_valid(n) { t.provider_number } else { t.provider_invalid };
            fill(template, &[&p.name, &enterprise_number_formatted(n)])
        }
        None => p.name.clone(),
    });
    let result = tr.result.as_ref().map(|r| {
        let certificate = match (r.certificate, r.certificate_valid_until) {
            (Some(true), Some(until)) if today.is_some_and(|d| until < d) => {
                fill(t.certificate_expired, &[&date(t, until)])
            }
            (Some(true), Some(until)) => fill(t.certificate_until, &[&date(t, until)]),
            (Some(true), None) => t.certificate.into(),
            (Some(false), _) => t.no_certificate.into(),
            (None, _) => String::new(),
        };
        let parts = [r.description.clone().unwrap_or_default(), certificate];
        parts.into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ")
    });
    [
        (t.employer, employer_name.unwrap_or(&tr.employer_id).to_string()),
        (t.dates, date_range(t, tr.start_date, tr.end_date)),
        (t.duration, duration(t, tr.duration_minutes)),
        (t.kind, label(t, &tr.kind)),
        (t.status, label(t, &tr.status)),
        (t.counts, if tr.counts_towards_right { t.yes } else { t.no }.into()),
        (t.provider, provider.unwrap_or_default()),
        (t.result, result.unwrap_or_default()),
        (t.paid_by, tr.funding.as_ref().map(|f| label(t, f)).unwrap_or_default()),
        (t.registered_by, label(t, &tr.registered_by)),
        (t.registered_on, tr.registered_on.map(|d| date(t, d)).unwrap_or_default()),
        (t.content, tr.content.clone().unwrap_or_default()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::decode;
    use crate::i18n::{texts, Language};

    fn row<'a>(rows: &'a [(String, String)], key: &str) -> &'a str {
        rows.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()).unwrap()
    }

    #[test]
    fn every_field_in_words() {
        let t: Training = decode(
            r#"{"id":"t1","employerId":"e1","title":"Excel","provider":{"name":"X","enterpriseNumber":"1001234592"},
                "startDate":"2026-03-11","endDate":"2026-03-12","durationMinutes":912,"type":"FORMAL",
                "status":"POSTPONED","countsTowardsRight":false,"funding":"SELF","registeredBy":"PROVIDER",
                "result":{"certificate":true,"certificateValidUntil":"2029-03-12","description":"Geslaagd"}}"#,
        )
        .unwrap();
        let today = Date::parse("2026-11-28");
        let rows = rows(texts(Language::En), &t, Some("Voorbeeld NV"), today);
        assert_eq!(row(&rows, "Employer"), "Voorbeeld NV");
        assert_eq!(row(&rows, "Dates"), "11–12\u{a0}March 2026");
        assert_eq!(row(&rows, "Duration"), "15 h 12 min");
        assert_eq!(row(&rows, "Status"), "Other (POSTPONED)");
        assert_eq!(row(&rows, "Counts towards your training right"), "No");
        assert_eq!(row(&rows, "Provider"), "X, enterprise number 1001.234.592");
        assert_eq!(row(&rows, "Result"), "Geslaagd · Certificate, valid until 12\u{a0}March 2029");
        assert_eq!(row(&rows, "Paid by"), "Yourself");
        assert_eq!((row(&rows, "Registered on"), row(&rows, "Content")), ("", ""));
        let later = super::rows(texts(Language::En), &t, None, Date::parse("2029-03-13"));
        assert_eq!(row(&later, "Result"), "Geslaagd · Certificate, expired on 12\u{a0}March 2029");
        let last_day = super::rows(texts(Language::En), &t, None, Date::parse("2029-03-12"));
        assert_eq!(row(&last_day, "Result"), "Geslaagd · Certificate, valid until 12\u{a0}March 2029");
    }

    #[test]
    fn an_invalid_provider_number_is_flagged() {
        let t: Training = decode(
            r#"{"id":"t1","employerId":"e1","title":"x","provider":{"name":"Y","enterpriseNumber":"0765432147"},
                "startDate":"2026-03-11","endDate":"2026-03-11","durationMinutes":60,"type":"INFORMAL",
                "status":"COMPLETED","countsTowardsRight":true,"registeredBy":"EMPLOYER"}"#,
        )
        .unwrap();
        let rows = rows(texts(Language::En), &t, None, None);
        assert_eq!(row(&rows, "Provider"), "Y, enterprise number 0765.432.147 (not a valid enterprise number)");
        assert_eq!(row(&rows, "Employer"), "e1", "an employer the profile does not list shows its id");
    }
}
