//! Who the figures belong to, in words: the person's line above the dashboard and each employer's
//! header, its identifiers checked rather than trusted.

use crate::contract::{Date, Employer, Me};
use crate::domain::ids::{enterprise_number_formatted, enterprise_number_is_valid, ssin_masked};
use crate::i18n::{fill, Texts};
use crate::present::cards::past_employment;
use crate::present::format::date;
use crate::present::profile::regime;

/// `An Peeters`.
pub fn full_name(me: &Me) -> String {
    format!("{} {}", me.given_name, me.family_name)
}

/// The person's line: `An Peeters · National register number 90.05.14-***.** · Figures as of …`.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub name: String,
    /// ` · National register number `, before the number.
    pub ssin_label: String,
    /// Always masked on the dashboard.
    pub ssin: String,
    /// ` · Figures as of 27 November 2026`, when the profile says so.
    pub as_of: Option<String>,
}

pub fn person(t: &Texts, me: &Me) -> Person {
    let as_of = me.as_of.map(|t| Date(t.date_naive()));
    Person {
        name: full_name(me),
        ssin_label: format!(" · {} ", t.ssin),
        ssin: ssin_masked(&me.ssin),
        as_of: as_of.map(|d| format!(" · {}", fill(t.as_of, &[&date(t, d)]))),
    }
}

/// An employer's header in the year's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct EmployerHeader {
    pub name: String,
    /// `Enterprise number 0403.170.701`.
    pub enterprise: String,
    /// Said after a number that fails its check.
    pub invalid: Option<&'static str>,
    /// ` · Employed since 1 February 2021 · 80% …`, after the number.
    pub employment: String,
    /// Under the header: an employment that ended before the year (see `cards::past_employment`).
    pub note: Option<String>,
}

pub fn employer_header(t: &Texts, employer: &Employer, year: i32) -> EmployerHeader {
    let job = &employer.employment;
    let period = match job.end_date {
        Some(end) => fill(t.employed_between, &[&date(t, job.start_date), &date(t, end)]),
        None => fill(t.employed_since, &[&date(t, job.start_date)]),
    };
    let regime = regime(t, &job.work_regime);
    EmployerHeader {
        name: employer.name.clone(),
        enterprise: fill(t.enterprise_number, &[&enterprise_number_formatted(&employer.enterprise_number)]),
        invalid: (!enterprise_number_is_valid(&employer.enterprise_number)).then_some(t.invalid_number),
        employment: format!(" · {period} · {regime}"),
        note: past_employment(t, job, year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo_fixture;
    use crate::i18n::{texts, Language};

    #[test]
    fn the_persons_line_masks_the_number() {
        let t = texts(Language::En);
        let me: Me = demo_fixture("b", "me.json");
        let p = person(t, &me);
        assert_eq!(p.name, "Sofie Dubois");
        assert_eq!(p.ssin_label, " · National register number ");
        assert_eq!(p.ssin, "85.07.30-***.**");
        assert_eq!(p.as_of.as_deref(), Some(" · Figures as of 27\u{a0}November 2026"));
        assert_eq!(person(t, &Me { as_of: None, ..me }).as_of, None, "no date, no words for it");
    }

    #[test]
    fn an_employer_with_its_period_regime_and_checked_number() {
        let t = texts(Language::En);
        let me: Me = demo_fixture("b", "me.json");
        let h = employer_header(t, &me.employers[0], 2026);
        assert_eq!(h.name, "Logistiek Centrum BV");
        assert_eq!(h.enterprise, "Enterprise number 0403.170.701");
        assert_eq!(h.invalid, None);
        assert!(h.employment.starts_with(" · Employed since 1\u{a0}February 2021 · 80%"), "{}", h.employment);
        assert_eq!(h.note, None);
        // the second employment ended in 2025: only its balance shows in 2026
        let ended = employer_header(t, &me.employers[1], 2026);
        assert!(ended.note.is_some_and(|n| n.starts_with("This employment ended on 30\u{a0}June 2025")));
        let mut bad = me.employers[0].clone();
        bad.enterprise_number = "0765432147".into();
        let h = employer_header(t, &bad, 2026);
        assert_eq!((h.enterprise.as_str(), h.invalid), ("Enterprise number 0765.432.147", Some(t.invalid_number)));
    }
}
