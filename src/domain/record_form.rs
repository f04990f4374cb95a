//! The forms of the kept record as the person filled them in (every field as typed), read into
//! the record's items, or every field that is wrong and why. Numbers take a decimal comma or
//! point; dates come from date inputs (`2025-03-31`).

use crate::contract::record::{End, KeptEmployment, SectoralRight};
use crate::contract::{Code, Date, KnownCode, Provider, RegisteredBy, Training, TrainingResult};
use crate::domain::ids::enterprise_number_is_valid;

/// What is wrong with a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    NotADate,
    NotANumber,
    /// A number outside what the field allows (its bounds are the form's to say).
    OutOfRange,
    /// An enterprise number whose check digits do not match.
    Checksum,
    /// An end before the start.
    BeforeStart,
    /// A choice not among the form's options.
    UnknownChoice,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmploymentField {
    EmployerName,
    EnterpriseNumber,
    Start,
    End,
    EndReason,
    Regime,
    SizeBand,
    WeeklyHours,
    JointCommittee,
    SectoralDays,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrainingField {
    Title,
    Employment,
    Start,
    End,
    Hours,
    Kind,
    Status,
    CertificateValidUntil,
}

/// The employment form, as typed. `regime_percent` is the share of a full-time job (80 for 4/5).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmploymentForm {
    pub employer_name: String,
    pub enterprise_number: String,
    pub start: String,
    pub end: String,
    pub end_reason: String,
    pub regime_percent: String,
    pub size_band: String,
    pub weekly_hours: String,
    pub joint_committee: String,
    pub sectoral_days: String,
    pub cba: String,
}

/// The training form, as typed; `hours` is its length in hours (7,5).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrainingForm {
    pub title: String,
    pub employment: String,
    pub provider: String,
    pub start: String,
    pub end: String,
    pub hours: String,
    pub kind: String,
    pub status: String,
    pub counts: bool,
    pub certificate: bool,
    pub certificate_valid_until: String,
}

/// Collects the problems of one form, in the form's order.
struct Check<F> {
    problems: Vec<(F, Problem)>,
}

impl<F: Copy> Check<F> {
    fn flag<T>(&mut self, field: F, read: Result<T, Problem>) -> Option<T> {
        read.map_err(|p| self.problems.push((field, p))).ok()
    }
}

fn optional(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

fn required(text: &str) -> Result<&str, Problem> {
    optional(text).ok_or(Problem::Required)
}

fn date(text: &str) -> Result<Date, Problem> {
    Date::parse(required(text)?).ok_or(Problem::NotADate)
}

fn optional_date(text: &str) -> Result<Option<Date>, Problem> {
    optional(text).map(date).transpose()
}

/// A number within `range`, written with a decimal comma or point.
fn number(text: &str, range: std::ops::RangeInclusive<f64>) -> Result<f64, Problem> {
    let n: f64 = required(text)?.replace(',', ".").parse().map_err(|_| Problem::NotANumber)?;
    if range.contains(&n) {
        Ok(n)
    } else {
        Err(Problem::OutOfRange)
    }
}

fn choice<T: KnownCode + Copy>(text: &str) -> Result<Code<T>, Problem> {
    match Code::<T>::from_raw(required(text)?) {
        known @ Code::Known(_) => Ok(known),
        Code::Other(_) => Err(Problem::UnknownChoice),
    }
}

fn end_after(start: Option<Date>, end: Option<Date>) -> Result<(), Problem> {
    match (start, end) {
        (Some(s), Some(e)) if e < s => Err(Problem::BeforeStart),
        _ => Ok(()),
    }
}

impl EmploymentForm {
    /// The employment `id`, or every problem of the form.
    pub fn read(&self, id: &str) -> Result<KeptEmployment, Vec<(EmploymentField, Problem)>> {
        use EmploymentField as F;
        let mut c = Check { problems: Vec::new() };
        let name = c.flag(F::EmployerName, required(&self.employer_name).map(str::to_string));
        let digits: String = self.enterprise_number.chars().filter(|ch| !matches!(ch, '.' | ' ' | '-')).collect();
        let enterprise = c.flag(
            F::EnterpriseNumber,
            match optional(&digits) {
                None => Ok(None),
                Some(n) if enterprise_number_is_valid(n) => Ok(Some(n.to_string())),
                Some(n) if n.len() != 10 || !n.chars().all(|ch| ch.is_ascii_digit()) => Err(Problem::NotANumber),
                Some(_) => Err(Problem::Checksum),
            },
        );
        let start = c.flag(F::Start, date(&self.start));
        let end = c.flag(F::End, optional_date(&self.end)).flatten();
        c.flag(F::End, end_after(start, end));
        let reason = c.flag(F::EndReason, optional(&self.end_reason).map(choice).transpose());
        let fraction = c.flag(F::Regime, number(&self.regime_percent, 1.0..=100.0)).map(|p| p / 100.0);
        let band = c.flag(F::SizeBand, choice(&self.size_band));
        let weekly = c.flag(F::WeeklyHours, number(&self.weekly_hours, 1.0..=60.0));
        let sectoral = c.flag(F::SectoralDays, optional(&self.sectoral_days).map(|d| number(d, 0.0..=366.0)).transpose());
        match (name, enterprise, start, reason, fraction, band, weekly, sectoral) {
            (Some(name), Some(enterprise), Some(start), Some(reason), Some(fraction), Some(band), Some(weekly), Some(sectoral))
                if c.problems.is_empty() =>
            {
                Ok(KeptEmployment {
                    id: id.to_string(),
                    employer_name: name,
                    enterprise_number: enterprise,
                    start_date: start,
                    end: end.map(|date| End { date, reason }),
                    regime_fraction: fraction,
                    size_band: band,
                    full_time_weekly_hours: weekly,
                    joint_committee: optional(&self.joint_committee).map(str::to_string),
                    sectoral: sectoral.map(|days| SectoralRight {
                        days_per_year: days,
                        cba_registration_number: optional(&self.cba).map(str::to_string),
                    }),
                })
            }
            _ => Err(c.problems),
        }
    }

    /// The form filled in with an employment, to change it.
    pub fn of(e: &KeptEmployment) -> EmploymentForm {
        let number = |n: f64| format!("{}", (n * 100.0).round() / 100.0);
        EmploymentForm {
            employer_name: e.employer_name.clone(),
            enterprise_number: e.enterprise_number.clone().unwrap_or_default(),
            start: e.start_date.to_string(),
            end: e.end.as_ref().map(|end| end.date.to_string()).unwrap_or_default(),
            end_reason: e.end.as_ref().and_then(|end| end.reason.as_ref()).map(|r| r.raw().to_string()).unwrap_or_default(),
            regime_percent: number(e.regime_fraction * 100.0),
            size_band: e.size_band.raw().to_string(),
            weekly_hours: number(e.full_time_weekly_hours),
            joint_committee: e.joint_committee.clone().unwrap_or_default(),
            sectoral_days: e.sectoral.as_ref().map(|s| number(s.days_per_year)).unwrap_or_default(),
            cba: e.sectoral.as_ref().and_then(|s| s.cba_registration_number.clone()).unwrap_or_default(),
        }
    }

    /// An empty form, with the usual full-time week and a full-time regime.
    pub fn blank() -> EmploymentForm {
        EmploymentForm { regime_percent: "100".into(), weekly_hours: "38".into(), ..EmploymentForm::default() }
    }
}

impl TrainingForm {
    /// The training `id` at one of `employments` (their ids), or every problem of the form.
    pub fn read(&self, id: &str, employments: &[&str]) -> Result<Training, Vec<(TrainingField, Problem)>> {
        use TrainingField as F;
        let mut c = Check { problems: Vec::new() };
        let title = c.flag(F::Title, required(&self.title).map(str::to_string));
        let employment = c.flag(
            F::Employment,
            required(&self.employment).and_then(|e| employments.contains(&e).then(|| e.to_string()).ok_or(Problem::UnknownChoice)),
        );
        let start = c.flag(F::Start, date(&self.start));
        // a training of one day need not say its end
        let end = c.flag(F::End, optional_date(&self.end)).flatten();
        c.flag(F::End, end_after(start, end));
        let minutes = c.flag(F::Hours, number(&self.hours, 0.01..=10_000.0)).map(|h| (h * 60.0).round() as u32);
        let kind = c.flag(F::Kind, choice(&self.kind));
        let status = c.flag(F::Status, choice(&self.status));
        let valid_until = c.flag(F::CertificateValidUntil, optional_date(&self.certificate_valid_until)).flatten();
        match (title, employment, start, minutes, kind, status) {
            (Some(title), Some(employment), Some(start), Some(minutes), Some(kind), Some(status)) if c.problems.is_empty() => {
                Ok(Training {
                    id: id.to_string(),
                    employer_id: employment,
                    title,
                    provider: optional(&self.provider).map(|name| Provider { name: name.to_string(), enterprise_number: None }),
                    start_date: start,
                    end_date: end.unwrap_or(start),
                    duration_minutes: minutes,
                    kind,
                    status,
                    counts_towards_right: self.counts,
                    result: (self.certificate || valid_until.is_some()).then_some(TrainingResult {
                        certificate: Some(self.certificate),
                        certificate_valid_until: valid_until,
                        description: None,
                    }),
                    funding: None,
                    // the person entered it; the contract's nearest code
                    registered_by: Code::Known(RegisteredBy::Employer),
                    registered_on: None,
                    content: None,
                })
            }
            _ => Err(c.problems),
        }
    }

    /// The form filled in with a training, to change it.
    pub fn of(t: &Training) -> TrainingForm {
        let result = t.result.as_ref();
        TrainingForm {
            title: t.title.clone(),
            employment: t.employer_id.clone(),
            provider: t.provider.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
            start: t.start_date.to_string(),
            end: t.end_date.to_string(),
            hours: format!("{}", (f64::from(t.duration_minutes) / 60.0 * 100.0).round() / 100.0),
            kind: t.kind.raw().to_string(),
            status: t.status.raw().to_string(),
            counts: t.counts_towards_right,
            certificate: result.and_then(|r| r.certificate).unwrap_or(false),
            certificate_valid_until: result.and_then(|r| r.certificate_valid_until).map(|d| d.to_string()).unwrap_or_default(),
        }
    }

    /// An empty form: a completed formal training that counts, at `employment`.
    pub fn blank(employment: &str) -> TrainingForm {
        TrainingForm {
            employment: employment.to_string(),
            kind: "FORMAL".into(),
            status: "COMPLETED".into(),
            counts: true,
            ..TrainingForm::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::{ForfeitReason, SizeBand, Status};
    use proptest::prelude::*;

    fn filled() -> EmploymentForm {
        EmploymentForm {
            employer_name: " Brico ".into(),
            enterprise_number: "0403.170.701".into(),
            start: "2024-03-15".into(),
            end: "2025-06-30".into(),
            end_reason: "RESIGNATION".into(),
            regime_percent: "80".into(),
            size_band: "20_OR_MORE".into(),
            weekly_hours: "37,5".into(),
            joint_committee: "".into(),
            sectoral_days: "".into(),
            cba: "".into(),
        }
    }

    #[test]
    fn a_filled_employment_form_reads_as_typed() {
        let e = filled().read("e1").unwrap();
        assert_eq!((e.employer_name.as_str(), e.enterprise_number.as_deref()), ("Brico", Some("0403170701")));
        assert_eq!((e.regime_fraction, e.full_time_weekly_hours), (0.8, 37.5));
        assert_eq!(e.end.unwrap().reason, Some(Code::Known(ForfeitReason::Resignation)));
        assert_eq!(e.size_band, Code::Known(SizeBand::TwentyOrMore));
        assert_eq!(e.joint_committee, None);
    }

    #[test]
    fn every_wrong_field_is_named_in_the_forms_order() {
        let wrong = EmploymentForm {
            employer_name: "  ".into(),
            enterprise_number: "0403.170.702".into(),
            start: "2025-07-01".into(),
            regime_percent: "0".into(),
            size_band: "HUGE".into(),
            weekly_hours: "lots".into(),
            ..filled()
        };
        use EmploymentField as F;
        assert_eq!(
            wrong.read("e1").unwrap_err(),
            [
                (F::EmployerName, Problem::Required),
                (F::EnterpriseNumber, Problem::Checksum),
                (F::End, Problem::BeforeStart),
                (F::Regime, Problem::OutOfRange),
                (F::SizeBand, Problem::UnknownChoice),
                (F::WeeklyHours, Problem::NotANumber),
            ]
        );
        let training = TrainingForm { start: "31/12/2025".into(), ..TrainingForm::blank("e9") };
        use TrainingField as T;
        assert_eq!(
            training.read("t1", &["e1"]).unwrap_err(),
            [(T::Title, Problem::Required), (T::Employment, Problem::UnknownChoice), (T::Start, Problem::NotADate), (T::Hours, Problem::Required)]
        );
    }

    #[test]
    fn a_training_reads_with_its_length_in_minutes_and_its_end_the_start_by_default() {
        let form = TrainingForm { title: "First aid".into(), start: "2025-03-03".into(), hours: "7,5".into(), ..TrainingForm::blank("e1") };
        let t = form.read("t1", &["e1"]).unwrap();
        assert_eq!((t.duration_minutes, t.end_date, t.status.clone()), (450, t.start_date, Code::Known(Status::Completed)));
        assert_eq!(t.result, None);
        assert_eq!(TrainingForm::of(&t), TrainingForm { end: "2025-03-03".into(), hours: "7.5".into(), ..form });
    }

    proptest! {
        /// A form filled in from an employment reads back as that employment.
        #[test]
        fn an_employment_round_trips_through_its_form(percent in 1u32..=100, hours in 10u32..=60, sectoral in proptest::option::of(0u32..=3_000)) {
            let form = EmploymentForm {
                regime_percent: percent.to_string(),
                weekly_hours: hours.to_string(),
                sectoral_days: sectoral.map(|s| format!("{}", f64::from(s) / 100.0)).unwrap_or_default(),
                ..filled()
            };
            let e = form.read("e1").unwrap();
            prop_assert_eq!(EmploymentForm::of(&e).read("e1").unwrap(), e);
        }
    }
}
