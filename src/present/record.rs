//! The kept record in words: what is wrong with a form's field, why an employment cannot be
//! computed, where a service's figures differ from the rules, and the record's lists.

use crate::contract::record::{KeptEmployment, Record};
use crate::contract::{Code, Training, Unit};
use crate::domain::keep::Difference;
use crate::domain::record_form::{EmploymentField, Problem, TrainingField};
use crate::domain::right::Unusable;
use crate::i18n::{fill, Texts};
use crate::present::format::{date, date_range, duration, percent, quantity};
use crate::present::labels::label;

/// "Start date: enter a date."
pub fn problem(t: &Texts, field: &str, p: Problem) -> String {
    let said = match p {
        Problem::Required => t.problem_required,
        Problem::NotADate => t.problem_date,
        Problem::NotANumber => t.problem_number,
        Problem::OutOfRange => t.problem_range,
        Problem::Checksum => t.problem_checksum,
        Problem::BeforeStart => t.problem_before_start,
        Problem::UnknownChoice => t.problem_choice,
    };
    fill(said, &[field])
}

pub fn employment_label(t: &Texts, f: EmploymentField) -> &'static str {
    match f {
        EmploymentField::EmployerName => t.fe_employer_name,
        EmploymentField::EnterpriseNumber => t.fe_enterprise_number,
        EmploymentField::Start => t.fe_start,
        EmploymentField::End => t.fe_end,
        EmploymentField::EndReason => t.fe_end_reason,
        EmploymentField::Regime => t.fe_regime,
        EmploymentField::SizeBand => t.fe_size_band,
        EmploymentField::WeeklyHours => t.fe_weekly_hours,
        EmploymentField::JointCommittee => t.fe_joint_committee,
        EmploymentField::SectoralDays => t.fe_sectoral_days,
    }
}

pub fn training_label(t: &Texts, f: TrainingField) -> &'static str {
    match f {
        TrainingField::Title => t.ft_title,
        TrainingField::Employment => t.ft_employment,
        TrainingField::Start => t.ft_start,
        TrainingField::End => t.ft_end,
        TrainingField::Hours => t.ft_hours,
        TrainingField::Kind => t.ft_kind,
        TrainingField::Status => t.status,
        TrainingField::CertificateValidUntil => t.ft_certificate_until,
    }
}

/// "Brico cannot be computed: choose the number of workers."
pub fn unusable(t: &Texts, employer: &str, why: Unusable) -> String {
    let said = match why {
        Unusable::Fraction => t.unusable_fraction,
        Unusable::WeeklyHours => t.unusable_weekly_hours,
        Unusable::Dates => t.unusable_dates,
        Unusable::SizeBand => t.unusable_size_band,
        Unusable::EndReason => t.unusable_end_reason,
        Unusable::SectoralDays => t.unusable_sectoral_days,
        Unusable::SameId => t.unusable_same_id,
    };
    fill(t.unusable, &[employer, said])
}

/// "2025, Brico: the service said 5 days, the rules give 4 days."
pub fn difference(t: &Texts, record: &Record, d: &Difference) -> String {
    let days = Code::Known(Unit::Days);
    fill(
        t.difference_row,
        &[
            &d.year.to_string(),
            &employer_name(record, &d.employment_id),
            &quantity(t, d.sent, &days),
            &quantity(t, d.computed, &days),
        ],
    )
}

pub fn employer_name(record: &Record, id: &str) -> String {
    record.employments.iter().find(|e| e.id == id).map_or_else(|| id.to_string(), |e| e.employer_name.clone())
}

/// "1 March 2024 – 30 June 2025 · 80 % · 20 or more workers"
pub fn employment_line(t: &Texts, e: &KeptEmployment) -> String {
    let dates = match &e.end {
        Some(end) => date_range(t, e.start_date, end.date),
        None => fill(t.employed_since, &[&date(t, e.start_date)]),
    };
    [dates, percent(t, e.regime_fraction), label(t, &e.size_band)].join(" · ")
}

/// "3 March 2025 · 7 h 30 · Completed"
pub fn training_line(t: &Texts, tr: &Training) -> String {
    [date(t, tr.start_date), duration(t, tr.duration_minutes), label(t, &tr.status)].join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{texts, Language, LANGUAGES};
    use crate::domain::amount::Amount;

    #[test]
    fn every_problem_names_its_field_in_every_language() {
        for lang in LANGUAGES {
            let t = texts(lang);
            for p in [Problem::Required, Problem::NotADate, Problem::NotANumber, Problem::OutOfRange, Problem::Checksum, Problem::BeforeStart, Problem::UnknownChoice] {
                assert!(problem(t, t.fe_start, p).contains(t.fe_start), "{lang:?} {p:?}");
            }
        }
        let t = texts(Language::En);
        let d = Difference { year: 2025, employment_id: "e1".into(), sent: Amount::from_hundredths(500), computed: Amount::from_hundredths(400) };
        assert_eq!(difference(t, &Record::default(), &d), "2025, e1: the service said 5 days, the rules give 4 days.");
    }
}
