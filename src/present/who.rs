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

/// The person's line: `An Peeters · National register number 90.05.14-***.** · Figures as of …`;
/// a part the profile leaves empty (a record kept by hand has no number) is left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub name: String,
    /// ` · National register number ` before the number, always masked on the dashboard.
    pub ssin: Option<(String, String)>,
    /// ` · Figures as of 27 November 2026`, when the profile says so.
    pub as_of: Option<String>,
}

pub fn person(t: &Texts, me: &Me) -> Person {
    let name = full_name(me).trim().to_string();
    let after = |before: bool| if before { " · " } else { "" };
    let ssin = (!me.ssin.is_empty()).then(|| (format!("{}{} ", after(!name.is_empty()), t.ssin), ssin_masked(&me.ssin)));
    let as_of = me.as_of.map(|at| {
        let words = fill(t.as_of, &[&date(t, Date(at.date_naive()))]);
        format!("{}{words}", after(!name.is_empty() || ssin.is_some()))
    });
    Person { name, ssin, as_of }
}

/// An employer's header in the year's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct EmployerHeader {
    pub name: String,
    /// `Enterprise number 0403.170.701`, when there is one (a record kept by hand may have none).
    pub enterprise: Option<String>,
    /// Said after a number that fails its check.
    pub invalid: Option<&'static str>,
    /// `Employed since 1 February 2021 · 80% …`, after ` · ` when the number is there.
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
    let number = &employer.enterprise_number;
    let enterprise = (!number.is_empty()).then(|| fill(t.enterprise_number, &[&enterprise_number_formatted(number)]));
    EmployerHeader {
        name: employer.name.clone(),
        invalid: (enterprise.is_some() && !enterprise_number_is_valid(number)).then_some(t.invalid_number),
        employment: format!("{}{period} · {regime}", if enterprise.is_some() { " · " } else { "" }),
        enterprise,
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
        assert_eq!(p.ssin, Some((" · National register number ".into(), "85.07.30-***.**".into())));
        assert_eq!(p.as_of.as_deref(), Some(" · Figures as of 27\u{a0}November 2026"));
        let undated = Me { as_of: None, ..me.clone() };
        assert_eq!(person(t, &undated).as_of, None, "no date, no words for it");
        // a record kept by hand: no name and no number, and nothing left dangling
        let kept = Me { given_name: String::new(), family_name: String::new(), ssin: String::new(), ..me };
        assert_eq!(person(t, &kept), Person { name: String::new(), ssin: None, as_of: Some("Figures as of 27\u{a0}November 2026".into()) });
    }

    #[test]
    fn an_employer_with_its_period_regime_and_checked_number() {
        let t = texts(Language::En);
        let me: Me = demo_fixture("b", "me.json");
        let h = employer_header(t, &me.employers[0], 2026);
        assert_eq!(h.name, "Logistiek Centrum BV");
        assert_eq!(h.enterprise.as_deref(), Some("Enterprise number 0403.170.701"));
        assert_eq!(h.invalid, None);
        assert!(h.employment.starts_with(" · Employed since 1\u{a0}February 2021 · 80%"), "{}", h.employment);
        assert_eq!(h.note, None);
        // the second employment ended in 2025: only its balance shows in 2026
        let ended = employer_header(t, &me.employers[1], 2026);
        assert!(ended.note.is_some_and(|n| n.starts_with("This employment ended on 30\u{a0}June 2025")));
        let mut bad = me.employers[0].clone();
        bad.enterprise_number = "0765432147".into();
        let h = employer_header(t, &bad, 2026);
        assert_eq!((h.enterprise.as_deref(), h.invalid), (Some("Enterprise number 0765.432.147"), Some(t.invalid_number)));
        bad.enterprise_number = String::new();
        let h = employer_header(t, &bad, 2026);
        assert_eq!((h.enterprise, h.invalid), (None, None), "no number is not a wrong one");
        assert!(h.employment.starts_with("Employed since"), "{}", h.employment);
    }
}
