//! What the profile page says about the person and each employment, every identifier formatted
//! and checked: an invalid one is shown as sent and flagged, never hidden.

use crate::contract::{Employer, Me, WorkRegime};
use crate::domain::ids::{
    enterprise_number_formatted, enterprise_number_is_valid, nsso_number_formatted, nsso_number_is_valid,
};
use crate::i18n::{fill, Texts};
use crate::present::format::{date, number, percent};
use crate::present::labels::label;

/// The employer's name, when the profile is there and lists it (else show its id).
pub fn employer_name<'a>(me: Option<&'a Me>, id: &str) -> Option<&'a str> {
    me?.employers.iter().find(|e| e.id == id).map(|e| e.name.as_str())
}

/// `0765.432.146`, or `12 (this number is not valid: …)`; nothing for no number (a record kept
/// by hand may have none), which is not a wrong one.
fn checked(t: &Texts, raw: &str, formatted: String, valid: bool) -> String {
    if valid || raw.is_empty() {
        formatted
    } else {
        format!("{formatted} {}", t.invalid_number)
    }
}

/// Where the account's data comes from, one line a source: `Federal Learning Account archive:
/// 2024, 2025 (available until 31 December 2026)`.
pub fn sources(t: &Texts, me: &Me) -> Vec<(String, String)> {
    me.sources
        .iter()
        .map(|s| {
            let years: Vec<String> = s.years.iter().map(i32::to_string).collect();
            let mut line = years.join(", ");
            if let Some(until) = s.available_until {
                line = fill(t.available_until, &[&line, &date(t, until)]);
            }
            (label(t, &s.kind), line)
        })
        .collect()
}

/// `80% (30,4 of 38 hours a week)`: the work regime as the person's contract has it.
pub fn regime(t: &Texts, regime: &WorkRegime) -> String {
    let (fraction, weekly, full_time) = (regime.fraction, regime.weekly_hours, regime.full_time_weekly_hours);
    fill(t.regime, &[&percent(t, fraction), &number(t, weekly), &number(t, full_time)])
}

/// One employment: identifiers, size, period, work regime, joint committee and agreement.
pub fn employment(t: &Texts, e: &Employer) -> Vec<(String, String)> {
    let job = &e.employment;
    vec![
        (
            t.enterprise.into(),
            checked(
                t,
                &e.enterprise_number,
                enterprise_number_formatted(&e.enterprise_number),
                enterprise_number_is_valid(&e.enterprise_number),
            ),
        ),
        (t.nsso.into(), checked(t, &e.nsso_number, nsso_number_formatted(&e.nsso_number), nsso_number_is_valid(&e.nsso_number))),
        (t.size.into(), e.size_band.as_ref().map(|b| label(t, b)).unwrap_or_default()),
        (t.started.into(), date(t, job.start_date)),
        (t.ended.into(), job.end_date.map(|d| date(t, d)).unwrap_or_default()),
        (t.work_regime.into(), regime(t, &job.work_regime)),
        (t.joint_committee.into(), job.joint_committee.clone().unwrap_or_default()),
        (t.collective_agreement.into(), job.cba_registration_number.clone().unwrap_or_default()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::decode;
    use crate::i18n::{texts, Language};

    fn me(persona: &str) -> Me {
        decode(
            &std::fs::read_to_string(format!("{}/demo/fixtures/{persona}/me.json", env!("CARGO_MANIFEST_DIR")))
                .unwrap(),
        )
        .unwrap()
    }

    #[test]
    fn an_employment_in_full() {
        let t = texts(Language::En);
        let rows = employment(t, &me("b").employers[0]);
        let value = |key: &str| rows.iter().find(|r| r.0 == key).map(|r| r.1.as_str());
        assert_eq!(value("Enterprise number"), Some("0403.170.701"));
        assert_eq!(value("NSSO employer number"), Some("0512345-26"));
        assert_eq!(value("Size"), Some("20 or more workers"));
        assert_eq!(value("Employment ended"), Some(""), "an empty value is left out when shown");
        assert_eq!(value("Joint committee"), Some("200"));
        assert_eq!(value("Collective agreement"), Some("181682/CO/200"));
    }

    #[test]
    fn invalid_identifiers_are_flagged_not_hidden() {
        let t = texts(Language::En);
        let mut e = me("a").employers[0].clone();
        e.enterprise_number = "0765432147".into();
        e.nsso_number = "12".into();
        let rows = employment(t, &e);
        assert_eq!(rows[0].1, format!("0765.432.147 {}", t.invalid_number));
        assert_eq!(rows[1].1, format!("12 {}", t.invalid_number));
    }

    #[test]
    fn sources_with_their_years_and_deadline() {
        let t = texts(Language::En);
        let lines = sources(t, &me("a"));
        assert!(
            lines.iter().any(|(kind, line)| kind == "Federal Learning Account archive"
                && line == "2024, 2025 (available until 31\u{a0}December 2026)"),
            "{lines:?}"
        );
    }
}
