//! The figures of a record kept on the device, as a service of the contract would serve them:
//! the profile, each year's entitlements and attendance, the carry-over ledgers and the history.
//! The on-device source answers with these, so that every page reads them as it reads a service's,
//! and the app's own checks of a service's figures apply to them too.

use chrono::{Datelike, NaiveDate};

use crate::contract::record::{KeptEmployment, Record};
use crate::contract::{
    self as dto, Basis, Code, Date, Employer, Employment, ForfeitReason, Forfeited, LedgerYear, Me, Period, Status,
    SourceKind, Training, TrainingType, Unit, WorkRegime,
};
use crate::domain::amount::{minutes_in, Amount};
use crate::domain::keep;
use crate::domain::right::{forfeit, ledger, Terms, YearFigures, PERIODS};

/// The record's employments the rules can read (the others are left out of every figure, and
/// the record page says why).
fn usable(record: &Record) -> Vec<Terms<'_>> {
    let mut all: Vec<Terms> = Vec::new();
    for e in &record.employments {
        if let (Ok(t), false) = (e.terms(), all.iter().any(|t| t.id == e.id)) {
            all.push(t);
        }
    }
    all
}

fn wire(a: Amount) -> f64 {
    a.hundredths() as f64 / 100.0
}

fn employment_of<'a>(record: &'a Record, id: &str) -> Option<&'a KeptEmployment> {
    record.employments.iter().find(|e| e.id == id)
}

/// The person and their employments; the years on record are those the record touches.
pub fn me(record: &Record, today: Date) -> Me {
    Me {
        // never kept on the device
        ssin: String::new(),
        given_name: record.given_name.clone(),
        family_name: record.family_name.clone(),
        preferred_language: None,
        as_of: None,
        sources: vec![dto::Source {
            kind: Code::Known(SourceKind::Other),
            years: keep::years(record, today),
            available_until: None,
        }],
        employers: record
            .employments
            .iter()
            .map(|e| Employer {
                id: e.id.clone(),
                name: e.employer_name.clone(),
                enterprise_number: e.enterprise_number.clone().unwrap_or_default(),
                nsso_number: String::new(),
                size_band: Some(e.size_band.clone()),
                employment: Employment {
                    start_date: e.start_date,
                    end_date: e.end.as_ref().map(|end| end.date),
                    joint_committee: e.joint_committee.clone(),
                    cba_registration_number: e.sectoral.as_ref().and_then(|s| s.cba_registration_number.clone()),
                    work_regime: WorkRegime {
                        fraction: e.regime_fraction,
                        // a fraction past any real one (the rules refuse it, saying why) still
                        // makes a number JSON can carry: infinity would be written as null
                        weekly_hours: (e.regime_fraction * e.full_time_weekly_hours).clamp(-f64::MAX, f64::MAX),
                        full_time_weekly_hours: e.full_time_weekly_hours,
                    },
                },
            })
            .collect(),
    }
}

/// Each employment's row of `year`.
fn rows_of(record: &Record, year: i32) -> Vec<(Terms<'_>, YearFigures)> {
    usable(record)
        .into_iter()
        .filter_map(|t| {
            let row = ledger(&t, &record.trainings).into_iter().find(|r| r.year == year)?;
            Some((t, row))
        })
        .collect()
}

pub fn entitlements(record: &Record, year: i32) -> dto::Entitlements {
    let items = rows_of(record, year)
        .into_iter()
        .map(|(t, r)| {
            let cba = employment_of(record, t.id).and_then(|e| e.sectoral.as_ref()).and_then(|s| s.cba_registration_number.clone());
            dto::EntitlementItem {
                employer_id: t.id.to_string(),
                unit: Code::Known(Unit::Days),
                hours_per_day: Some(wire(t.hours_per_day)),
                individual: dto::Individual {
                    basis: Code::Known(if t.sectoral.is_some() { Basis::SectoralCba } else { Basis::Statutory }),
                    cba_registration_number: cba,
                    full_time_value: wire(r.full_time),
                    regime_fraction: t.fraction,
                    months_counted: f64::from(r.months),
                    value: wire(r.entitled),
                },
                sectoral: vec![],
                total: wire(r.entitled),
            }
        })
        .collect();
    dto::Entitlements { year, items }
}

pub fn attendance(record: &Record, year: i32) -> dto::Attendance {
    let items = rows_of(record, year)
        .into_iter()
        .map(|(t, r)| {
            let days = |keep: &dyn Fn(&Training) -> bool| {
                let minutes = record
                    .trainings
                    .iter()
                    .filter(|tr| tr.employer_id == t.id && tr.start_date.0.year() == year && t.covers(tr.start_date.0))
                    .filter(|tr| tr.status.known() == Some(&Status::Completed) && keep(tr))
                    .map(|tr| u64::from(tr.duration_minutes))
                    .sum();
                minutes_in(minutes, Unit::Days, Some(t.hours_per_day)).unwrap_or_default()
            };
            let formal = days(&|tr| tr.counts_towards_right && tr.kind.known() == Some(&TrainingType::Formal));
            dto::AttendanceItem {
                employer_id: t.id.to_string(),
                unit: Code::Known(Unit::Days),
                hours_per_day: Some(wire(t.hours_per_day)),
                attended: wire(r.attended),
                formal: wire(formal),
                // the rest of what was attended: informal, or of a kind this version does not know
                informal: wire(r.attended - formal),
                not_counted: Some(wire(days(&|tr| !tr.counts_towards_right))),
                last_updated: None,
            }
        })
        .collect();
    dto::Attendance { year, items }
}

/// A ledger per employment, over its latest reference period up to `today`'s year, as a service
/// serves the one that holds the credit (a year still running is not final, nor is any year of an
/// employment that goes on). The 2023 period's credit lapsed at its end.
pub fn carry_over(record: &Record, today: Date) -> dto::CarryOver {
    let this_year = today.0.year();
    let mut items = Vec::new();
    for t in usable(record) {
        let rows = ledger(&t, &record.trainings);
        let lost = forfeit(&t, &record.trainings);
        let reason = employment_of(record, t.id).and_then(|e| e.end.as_ref()).and_then(|e| e.reason.clone());
        for years in PERIODS.iter().rev() {
            let (Some(start), Some(end)) =
                (NaiveDate::from_ymd_opt(*years.start(), 1, 1), NaiveDate::from_ymd_opt(*years.end(), 12, 31))
            else {
                continue;
            };
            let of_period: Vec<&YearFigures> =
                rows.iter().filter(|r| years.contains(&r.year) && r.year <= this_year).collect();
            let Some(last) = of_period.last() else { continue };
            let lost_here = lost.as_ref().filter(|l| years.contains(&l.on.0.year()));
            let ended_before = t.end.is_some_and(|e| e < today.0);
            items.push(dto::LedgerItem {
                employer_id: t.id.to_string(),
                unit: Code::Known(Unit::Days),
                hours_per_day: Some(wire(t.hours_per_day)),
                reference_period: Period { start: Date(start), end: Date(end) },
                years: of_period
                    .iter()
                    .map(|r| LedgerYear {
                        year: r.year,
                        carried_in: wire(r.carried_in),
                        entitled: wire(r.entitled),
                        attended: wire(r.attended),
                        carried_out: wire(r.carried_out),
                        is_final: r.year < this_year || ended_before,
                    })
                    .collect(),
                // what is left at the period's end lapses on `expiresOn`, as the contract has it
                credit_balance: if lost_here.is_some() { 0.0 } else { wire(last.carried_out) },
                expires_on: Some(Date(end)),
                forfeited: lost_here.map(|l| Forfeited {
                    on: l.on,
                    reason: reason.clone().unwrap_or(Code::Known(ForfeitReason::Other)),
                }),
            });
            break;
        }
    }
    dto::CarryOver { items }
}

/// The trainings of `year` (or all), newest first, as the history's one page.
pub fn trainings(record: &Record, year: Option<i32>) -> dto::TrainingPage {
    let mut items: Vec<Training> =
        record.trainings.iter().filter(|t| year.is_none_or(|y| t.start_date.0.year() == y)).cloned().collect();
    items.sort_by_key(|t| std::cmp::Reverse(t.start_date));
    dto::TrainingPage { total: Some(items.len() as u32), items, next: None }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::record::End;
    use crate::domain::figures::{Attended, Entitled, Ledger};
    use crate::domain::generated;
    use proptest::prelude::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn employment(id: &str, start: &str, end: Option<(&str, ForfeitReason)>, fraction: f64) -> KeptEmployment {
        KeptEmployment {
            id: id.into(),
            employer_name: id.to_uppercase(),
            enterprise_number: None,
            start_date: day(start),
            end: end.map(|(d, r)| End { date: day(d), reason: Some(Code::Known(r)) }),
            regime_fraction: fraction,
            size_band: Code::Known(dto::SizeBand::TwentyOrMore),
            full_time_weekly_hours: 38.0,
            joint_committee: None,
            sectoral: None,
        }
    }

    fn two_employers(trainings: Vec<Training>) -> Record {
        Record {
            employments: vec![
                employment("e1", "2022-09-01", Some(("2025-06-15", ForfeitReason::Resignation)), 1.0),
                employment("e2", "2025-07-01", None, 0.8),
            ],
            trainings,
            ..Record::default()
        }
    }

    proptest! {
        /// What the device serves passes the checks the app makes of any service's figures.
        #[test]
        fn the_served_figures_pass_the_apps_own_checks(trainings in generated::trainings(30), year in 2023i32..=2026) {
            let record = two_employers(trainings);
            for item in &entitlements(&record, year).items {
                let e = Entitled::from_item(item).unwrap();
                prop_assert!(e.findings.is_empty(), "{:?}", e.findings);
            }
            for item in &attendance(&record, year).items {
                let a = Attended::from_item(item).unwrap();
                prop_assert!(a.findings.is_empty(), "{:?}", a.findings);
            }
            for item in &carry_over(&record, day("2026-12-04")).items {
                let l = Ledger::from_item(item).unwrap();
                prop_assert!(l.findings.is_empty(), "{:?} {:?}", item, l.findings);
            }
        }
    }

    #[test]
    fn a_ledger_per_employment_over_its_latest_period_and_a_resignation_loses_the_balance() {
        let record = two_employers(vec![]);
        let ledgers = carry_over(&record, day("2026-12-04")).items;
        let periods: Vec<(&str, i32)> = ledgers.iter().map(|l| (l.employer_id.as_str(), l.reference_period.start.0.year())).collect();
        assert_eq!(periods, [("e1", 2024), ("e2", 2024)]);
        // e1: 5 days in 2024, then 6 months of 2025 = 2.5
        assert_eq!(ledgers[0].years.iter().map(|y| y.entitled).collect::<Vec<_>>(), [5.0, 2.5]);
        assert_eq!((ledgers[0].credit_balance, ledgers[0].forfeited.as_ref().map(|f| f.on)), (0.0, Some(day("2025-06-15"))));
        // e2: 4/5 from July 2025: 5 x 0.8 x 6/12 = 2, then 4, all carried
        assert_eq!(ledgers[1].years.iter().map(|y| y.carried_out).collect::<Vec<_>>(), [2.0, 6.0]);
        assert_eq!(ledgers[1].credit_balance, 6.0);
        assert!(!ledgers[1].years[1].is_final, "2026 is still running");
        // an employment of 2023 alone keeps that period's ledger
        let then = Record { employments: vec![employment("e3", "2023-01-01", Some(("2023-12-31", ForfeitReason::Other)), 1.0)], ..Record::default() };
        let ledgers = carry_over(&then, day("2026-12-04")).items;
        assert_eq!(ledgers.iter().map(|l| l.years[0].year).collect::<Vec<_>>(), [2023]);
        let me = me(&record, day("2026-12-04"));
        assert!(me.ssin.is_empty());
        assert_eq!(me.sources[0].years, [2022, 2023, 2024, 2025, 2026]);
    }
}
