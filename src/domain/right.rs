//! The right computed by the rules of domain.md, for a person who keeps their own record on their
//! device and has no back end: from the employments they entered and their trainings, each year's
//! right pro rata, what they attended, the carry-over ledger, the credit now and what was lost on
//! leaving. Amounts are hundredths of a day (`Amount`), so sums and the ledger's chain are exact.
//! The pro rata rule is `amount::pro_rata` and minutes become days with `amount::minutes_in`, the
//! same functions that check a back end's figures; a ledger computed here passes those checks.

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};
use crate::contract::record::{KeptEmployment, Record};
use crate::contract::{Date, ForfeitReason, SizeBand, Status, Training, Unit};
use crate::domain::amount::{minutes_in, pro_rata, Amount};

/// The years that carry over into each other. The right starts in 2023 (Labour Deal act of
/// 3 October 2022) and the five-year reference period no earlier than 2024, so 2023 stands alone:
/// its unused days do not carry into 2024 (assumption). No rule is known yet after 2028.
pub const PERIODS: [RangeInclusive<i32>; 2] = [2023..=2023, 2024..=2028];

/// A sectoral agreement may set another number of days, never fewer than two.
const SECTORAL_FLOOR: Amount = Amount::from_hundredths(200);

/// What keeps the rules from reading an employment of the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unusable {
    /// The work-regime fraction is not above 0 and at most 1.
    Fraction,
    /// The full-time weekly hours do not make 0.01 to 24 hours a day.
    WeeklyHours,
    /// It ends before it starts.
    Dates,
    /// A size band this version does not know.
    SizeBand,
    /// An end reason this version does not know: whether the balance was lost cannot be said.
    EndReason,
    /// Sectoral days below 0 or above 366.
    SectoralDays,
    /// An earlier employment has the same id, so their trainings cannot be told apart.
    SameId,
}

/// The employment of the record (its index) that cannot be read, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused {
    pub at: usize,
    pub why: Unusable,
}

/// An employment as the rules read it: checked, amounts in hundredths.
#[derive(Clone, Debug, PartialEq)]
pub struct Terms<'a> {
    pub id: &'a str,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    /// Ended by resignation or dismissal for serious cause: the balance is lost on the end date.
    pub forfeits: bool,
    pub band: SizeBand,
    pub fraction: f64,
    pub sectoral: Option<Amount>,
    pub hours_per_day: Amount,
}

impl KeptEmployment {
    pub fn terms(&self) -> Result<Terms<'_>, Unusable> {
        // NaN fails both comparisons
        if !(self.regime_fraction > 0.0 && self.regime_fraction <= 1.0) {
            return Err(Unusable::Fraction);
        }
        let hours_per_day = Amount::from_f64(self.full_time_weekly_hours / 5.0)
            .filter(|r| (1..=2_400).contains(&r.hundredths()))
            .ok_or(Unusable::WeeklyHours)?;
        let end = self.end.as_ref();
        if end.is_some_and(|e| e.date < self.start_date) {
            return Err(Unusable::Dates);
        }
        let band = *self.size_band.known().ok_or(Unusable::SizeBand)?;
        // "The balance is lost on resignation and on dismissal for serious cause": after any other
        // end, or none said, it is not counted as lost
        let forfeits = match end.and_then(|e| e.reason.as_ref()) {
            None => false,
            Some(reason) => match reason.known().ok_or(Unusable::EndReason)? {
                ForfeitReason::Resignation | ForfeitReason::DismissalSeriousCause => true,
                ForfeitReason::Other => false,
            },
        };
        let sectoral = self
            .sectoral
            .as_ref()
            .map(|s| {
                Amount::from_f64(s.days_per_year)
                    .filter(|d| (0..=36_600).contains(&d.hundredths()))
                    .ok_or(Unusable::SectoralDays)
            })
            .transpose()?;
        Ok(Terms {
            id: &self.id,
            start: self.start_date.0,
            end: end.map(|e| e.date.0),
            forfeits,
            band,
            fraction: self.regime_fraction,
            sectoral,
            hours_per_day,
        })
    }
}

impl Record {
    /// Every employment as the rules read it, or the first that cannot be read.
    pub fn terms(&self) -> Result<Vec<Terms<'_>>, Refused> {
        let mut all: Vec<Terms> = Vec::new();
        for (at, e) in self.employments.iter().enumerate() {
            let read = if all.iter().any(|t| t.id == e.id) { Err(Unusable::SameId) } else { e.terms() };
            all.push(read.map_err(|why| Refused { at, why })?);
        }
        Ok(all)
    }
}

impl Terms<'_> {
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.start <= day && self.end.is_none_or(|e| day <= e)
    }
}

/// One year of one employment's ledger, in hundredths of a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearFigures {
    pub year: i32,
    pub employment_id: String,
    /// A: the full-time days of the year.
    pub full_time: Amount,
    /// The months of the year employed, every started month whole (1 to 12).
    pub months: u32,
    pub carried_in: Amount,
    /// `A x fraction x months / 12`.
    pub entitled: Amount,
    pub attended: Amount,
    /// `carried_in + entitled - attended`; negative when more was attended than was available.
    pub remaining: Amount,
    /// `max(0, remaining)`, as api-v1 has it: the next year of the same period starts with it. An
    /// overdraft is not carried (training beyond the right does not use up later years); after the
    /// last year of a period the balance lapses.
    pub carried_out: Amount,
}

/// The credit usable now, and the day it lapses: the end of the running reference period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Credit {
    pub amount: Amount,
    pub usable_until: Date,
}

/// A balance lost on leaving.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Forfeit {
    pub employment_id: String,
    pub amount: Amount,
    pub on: Date,
}

/// Everything the rules give a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Right {
    /// Each employment's ledger, in the record's order, oldest year first.
    pub years: Vec<YearFigures>,
    /// `None` when `today` lies in no reference period known (before 2023, after 2028).
    pub credit: Option<Credit>,
    pub forfeits: Vec<Forfeit>,
}

/// The record's ledgers, its credit on `today` and what it lost; or the first employment the rules
/// cannot read.
pub fn right(record: &Record, today: Date) -> Result<Right, Refused> {
    let all = record.terms()?;
    let trainings = &record.trainings;
    Ok(Right {
        years: all.iter().flat_map(|t| ledger(t, trainings)).collect(),
        credit: credit(&all, trainings, today),
        forfeits: all.iter().filter_map(|t| forfeit(t, trainings)).collect(),
    })
}

/// The reference period a year belongs to.
pub fn period(year: i32) -> Option<RangeInclusive<i32>> {
    PERIODS.into_iter().find(|p| p.contains(&year))
}

/// A, the full-time days of a year: 4 in 2023 and 5 from 2024 with 20 or more workers, 1 with
/// 10 to 19, none under 10; a sectoral figure replaces it but counts as at least 2. None before 2023.
pub fn full_time_days(year: i32, band: SizeBand, sectoral: Option<Amount>) -> Amount {
    let days = |d: i64| Amount::from_hundredths(d * 100);
    match (sectoral, band) {
        _ if year < *PERIODS[0].start() => Amount::ZERO,
        (Some(s), _) => s.max(SECTORAL_FLOOR),
        (None, SizeBand::Under10) => Amount::ZERO,
        (None, SizeBand::From10To19) => days(1),
        (None, SizeBand::TwentyOrMore) if year == 2023 => days(4),
        (None, SizeBand::TwentyOrMore) => days(5),
    }
}

/// The months of `year` an employment touches, every started month counting whole (a start on
/// the 31st counts that month); 0 when it does not touch the year.
pub fn months_employed(start: NaiveDate, end: Option<NaiveDate>, year: i32) -> u32 {
    let (Some(first_day), Some(last_day)) =
        (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31))
    else {
        return 0;
    };
    let first = start.max(first_day);
    let last = end.map_or(last_day, |e| e.min(last_day));
    if last < first {
        0
    } else {
        last.month() - first.month() + 1
    }
}

/// One employment's ledger: a row for every year of a known period that it touches.
/// Entitled is `amount::pro_rata`, rounded half away from zero at the hundredth: no official
/// rounding rule was found, two decimals is an assumption (domain.md).
pub fn ledger(terms: &Terms, trainings: &[Training]) -> Vec<YearFigures> {
    let mut rows = Vec::new();
    for years in PERIODS {
        let mut carried_in = Amount::ZERO;
        for year in years {
            let months = months_employed(terms.start, terms.end, year);
            if months == 0 {
                continue;
            }
            let full_time = full_time_days(year, terms.band, terms.sectoral);
            let entitled = pro_rata(full_time, terms.fraction, f64::from(months));
            let attended = attended(terms, trainings, year);
            let remaining = carried_in + entitled - attended;
            let carried_out = remaining.max0();
            rows.push(YearFigures {
                year,
                employment_id: terms.id.to_string(),
                full_time,
                months,
                carried_in,
                entitled,
                attended,
                remaining,
                carried_out,
            });
            carried_in = carried_out;
        }
    }
    rows
}

/// Completed trainings of the employment that count towards the right, started in `year` within
/// its dates (one dated outside them is not counted: the record contradicts itself), in days.
fn attended(terms: &Terms, trainings: &[Training], year: i32) -> Amount {
    let minutes = trainings
        .iter()
        .filter(|t| {
            t.employer_id == terms.id
                && t.status.known() == Some(&Status::Completed)
                && t.counts_towards_right
                && t.start_date.0.year() == year
                && terms.covers(t.start_date.0)
        })
        .map(|t| u64::from(t.duration_minutes))
        .sum();
    // `minutes_in` refuses only a rate that is not positive, which `terms` never holds
    minutes_in(minutes, Unit::Days, Some(terms.hours_per_day)).unwrap_or_default()
}

/// What is left this year at the employments that cover `today`, and when it lapses.
pub fn credit(all: &[Terms], trainings: &[Training], today: Date) -> Option<Credit> {
    let year = today.0.year();
    let usable_until = Date(NaiveDate::from_ymd_opt(*period(year)?.end(), 12, 31)?);
    let amount = all
        .iter()
        .filter(|t| t.covers(today.0))
        .flat_map(|t| ledger(t, trainings))
        .filter(|r| r.year == year)
        .map(|r| r.carried_out)
        .sum();
    Some(Credit { amount, usable_until })
}

/// The balance lost on the end date of an employment ended by resignation or dismissal for
/// serious cause (possibly 0); `None` for any other end, or one outside the known periods.
pub fn forfeit(terms: &Terms, trainings: &[Training]) -> Option<Forfeit> {
    let on = terms.end.filter(|_| terms.forfeits)?;
    let last = ledger(terms, trainings).into_iter().find(|r| r.year == on.year())?;
    Some(Forfeit { employment_id: terms.id.to_string(), amount: last.carried_out, on: Date(on) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::record::{End, SectoralRight};
    use crate::contract::Code;
    use crate::contract::decode;
    use crate::domain::as_served;
    use crate::domain::figures::{Entitled, Ledger};
    use crate::domain::generated;
    use proptest::prelude::*;
    use proptest::sample::select;
    use SizeBand::{From10To19, TwentyOrMore, Under10};

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn days(hundredths: i64) -> Amount {
        Amount::from_hundredths(hundredths)
    }

    fn job(id: &str, start: &str, band: SizeBand, fraction: f64) -> KeptEmployment {
        KeptEmployment {
            id: id.into(),
            employer_name: format!("Employer {id}"),
            enterprise_number: None,
            start_date: day(start),
            end: None,
            regime_fraction: fraction,
            size_band: Code::Known(band),
            full_time_weekly_hours: 38.0,
            joint_committee: None,
            sectoral: None,
        }
    }

    fn ending(mut e: KeptEmployment, on: &str, reason: Option<ForfeitReason>) -> KeptEmployment {
        e.end = Some(End { date: day(on), reason: reason.map(Code::Known) });
        e
    }

    fn with_sectoral(mut e: KeptEmployment, days_per_year: f64) -> KeptEmployment {
        e.sectoral = Some(SectoralRight { days_per_year, cba_registration_number: Some("181682/CO/200".into()) });
        e
    }

    fn training(employer: &str, start: &str, minutes: u32, status: Status, counts: bool) -> Training {
        let id = format!("t-{employer}-{start}-{minutes}");
        generated::a_training(id, employer, day(start), minutes, Code::Known(status), counts)
    }

    /// A day of training at 7.6 hours a day.
    const DAY: u32 = 456;

    fn rows(e: &KeptEmployment, trainings: &[Training]) -> Vec<YearFigures> {
        ledger(&e.terms().unwrap(), trainings)
    }

    fn row(e: &KeptEmployment, trainings: &[Training], year: i32) -> YearFigures {
        rows(e, trainings).into_iter().find(|r| r.year == year).unwrap()
    }

    fn record(employments: Vec<KeptEmployment>, trainings: Vec<Training>) -> Record {
        Record { employments, trainings, ..Record::default() }
    }

    #[test]
    fn the_examples_of_domain_md() {
        // 5 x 0.8 x 10/12 = 3.33
        assert_eq!(row(&job("e1", "2026-03-01", TwentyOrMore, 0.8), &[], 2026).entitled, days(333));
        // a new hire from 15 March 2026: ten started months, 5 x 10/12 = 4.17
        let hire = row(&job("e1", "2026-03-15", TwentyOrMore, 1.0), &[], 2026);
        assert_eq!((hire.full_time, hire.months, hire.entitled), (days(500), 10, days(417)));
        // 2023 at 20 or more, a full year: 4 days; from 2024: 5
        let early = job("e1", "2023-01-01", TwentyOrMore, 1.0);
        assert_eq!((row(&early, &[], 2023).entitled, row(&early, &[], 2024).entitled), (days(400), days(500)));
        // 10 to 19: 1 day, in 2023 as later; under 10: none
        for year in [2023, 2026] {
            assert_eq!(row(&job("e1", "2023-01-01", From10To19, 1.0), &[], year).entitled, days(100));
            assert_eq!(row(&job("e1", "2023-01-01", Under10, 1.0), &[], year).entitled, Amount::ZERO);
        }
        // a sectoral 1 counts as 2, whatever the band
        let sectoral = with_sectoral(job("e1", "2024-01-01", Under10, 1.0), 1.0);
        assert_eq!(row(&sectoral, &[], 2025).entitled, days(200));
        // api-v1's example: a CBA's 4 days at 0.8 over twelve months: 3.2
        assert_eq!(row(&with_sectoral(job("e1", "2024-01-01", TwentyOrMore, 0.8), 4.0), &[], 2026).entitled, days(320));
        // a full-timer over 2024-2028 without training: 25 days at the end of the period
        let full = job("e1", "2024-01-01", TwentyOrMore, 1.0);
        assert_eq!(row(&full, &[], 2028).carried_out, days(2_500));
        assert_eq!(
            credit(&[full.terms().unwrap()], &[], day("2028-06-01")),
            Some(Credit { amount: days(2_500), usable_until: day("2028-12-31") })
        );
    }

    #[test]
    fn half_a_hundredth_is_rounded_away_from_zero() {
        // 1 x 0.5 x 3/12 = 0.125
        assert_eq!(row(&job("e1", "2026-10-01", From10To19, 0.5), &[], 2026).entitled, days(13));
    }

    #[test]
    fn nothing_before_2023_and_2023_stands_alone() {
        let e = job("e1", "2021-05-01", TwentyOrMore, 1.0);
        let ledger = rows(&e, &[]);
        assert_eq!(ledger.iter().map(|r| r.year).collect::<Vec<_>>(), (2023..=2028).collect::<Vec<_>>());
        assert_eq!(full_time_days(2022, TwentyOrMore, Some(days(500))), Amount::ZERO);
        assert_eq!((ledger[0].carried_out, ledger[1].carried_in), (days(400), Amount::ZERO));
        assert_eq!(
            credit(&[e.terms().unwrap()], &[], day("2023-11-30")),
            Some(Credit { amount: days(400), usable_until: day("2023-12-31") })
        );
        assert_eq!(credit(&[e.terms().unwrap()], &[], day("2022-11-30")), None);
        assert_eq!(credit(&[e.terms().unwrap()], &[], day("2029-01-01")), None);
    }

    #[test]
    fn only_completed_trainings_that_count_of_the_employment_within_its_dates() {
        let e = ending(job("e1", "2026-02-10", TwentyOrMore, 0.8), "2026-11-30", None);
        let trainings = [
            // api-v1's example: 912 minutes at 7.6 hours a day are 2 days
            training("e1", "2026-03-11", 912, Status::Completed, true),
            training("e1", "2026-03-12", DAY, Status::Completed, false),
            training("e1", "2026-03-13", DAY, Status::Reserved, true),
            training("e1", "2026-03-14", DAY, Status::NotAttended, true),
            training("e2", "2026-03-15", DAY, Status::Completed, true),
            training("e1", "2026-02-01", DAY, Status::Completed, true),
            training("e1", "2026-12-01", DAY, Status::Completed, true),
        ];
        assert_eq!(row(&e, &trainings, 2026).attended, days(200));
        let mut weekly_40 = e.clone();
        weekly_40.full_time_weekly_hours = 40.0;
        assert_eq!(row(&weekly_40, &trainings[..1], 2026).attended, days(190), "912 minutes at 8 hours a day");
    }

    #[test]
    fn an_overdraft_is_not_carried() {
        let e = job("e1", "2024-01-01", TwentyOrMore, 1.0);
        let trainings = [training("e1", "2024-05-06", 7 * DAY, Status::Completed, true)];
        let ledger = rows(&e, &trainings);
        assert_eq!((ledger[0].remaining, ledger[0].carried_out), (days(-200), Amount::ZERO));
        assert_eq!((ledger[1].carried_in, ledger[1].remaining), (Amount::ZERO, days(500)));
    }

    #[test]
    fn the_balance_is_lost_on_resignation_and_dismissal_for_serious_cause_only() {
        let trainings = [training("e1", "2025-04-01", DAY, Status::Completed, true)];
        let start = job("e1", "2024-01-01", TwentyOrMore, 1.0);
        // 5 + (5 - 1) + 5 x 6/12 = 11.5 on 30 June 2026
        for reason in [ForfeitReason::Resignation, ForfeitReason::DismissalSeriousCause] {
            let left = ending(start.clone(), "2026-06-30", Some(reason));
            let lost = Forfeit { employment_id: "e1".into(), amount: days(1_150), on: day("2026-06-30") };
            assert_eq!(forfeit(&left.terms().unwrap(), &trainings), Some(lost));
        }
        for reason in [Some(ForfeitReason::Other), None] {
            let left = ending(start.clone(), "2026-06-30", reason);
            assert_eq!(forfeit(&left.terms().unwrap(), &trainings), None);
            assert_eq!(row(&left, &trainings, 2026).carried_out, days(1_150), "the ledger keeps it");
        }
        // once it has ended it is no part of the credit, however it ended
        let other = job("e2", "2025-01-01", From10To19, 1.0);
        let both = record(vec![ending(start, "2026-06-30", None), other], trainings.to_vec());
        let after = right(&both, day("2026-07-01")).unwrap();
        assert_eq!(after.credit.map(|c| c.amount), Some(days(200)));
        assert_eq!(right(&both, day("2026-06-30")).unwrap().credit.map(|c| c.amount), Some(days(1_350)));
    }

    #[test]
    fn what_the_rules_cannot_read_is_refused() {
        let e = job("e1", "2024-01-01", TwentyOrMore, 1.0);
        let refused = |change: fn(&mut KeptEmployment)| {
            let mut changed = e.clone();
            change(&mut changed);
            changed.terms().unwrap_err()
        };
        assert_eq!(refused(|e| e.regime_fraction = 0.0), Unusable::Fraction);
        assert_eq!(refused(|e| e.regime_fraction = 1.01), Unusable::Fraction);
        assert_eq!(refused(|e| e.regime_fraction = f64::NAN), Unusable::Fraction);
        assert_eq!(refused(|e| e.full_time_weekly_hours = 0.0), Unusable::WeeklyHours);
        assert_eq!(refused(|e| e.full_time_weekly_hours = 121.0), Unusable::WeeklyHours);
        assert_eq!(refused(|e| e.end = Some(End { date: day("2023-12-31"), reason: None })), Unusable::Dates);
        assert_eq!(refused(|e| e.size_band = Code::Other("HUGE".into())), Unusable::SizeBand);
        assert_eq!(
            refused(|e| e.end = Some(End { date: day("2025-01-31"), reason: Some(Code::Other("RETIRED".into())) })),
            Unusable::EndReason
        );
        assert_eq!(
            refused(|e| e.sectoral = Some(SectoralRight { days_per_year: -1.0, cba_registration_number: None })),
            Unusable::SectoralDays
        );
        assert_eq!(
            refused(|e| e.sectoral = Some(SectoralRight { days_per_year: 367.0, cba_registration_number: None })),
            Unusable::SectoralDays
        );
        let twice = record(vec![e.clone(), job("e2", "2024-01-01", Under10, 1.0), e], vec![]);
        assert_eq!(right(&twice, day("2026-01-01")), Err(Refused { at: 2, why: Unusable::SameId }));
    }

    #[test]
    fn a_record_is_stored_in_camel_case_and_read_back() {
        let json = r#"{"employments":[{"id":"e1","startDate":"2026-03-15","regimeFraction":0.8,
            "sizeBand":"20_OR_MORE","end":{"date":"2026-12-31","reason":"RESIGNATION"},
            "sectoral":{"daysPerYear":4,"cbaRegistrationNumber":"181682/CO/200"}}],
          "trainings":[{"id":"t1","employerId":"e1","title":"Excel","startDate":"2026-03-20","endDate":"2026-03-20",
            "durationMinutes":912,"type":"FORMAL","status":"COMPLETED","countsTowardsRight":true,
            "registeredBy":"EMPLOYER"}]}"#;
        let kept: Record = decode(json).unwrap();
        assert_eq!(kept.employments[0].full_time_weekly_hours, 38.0, "the usual basis when none was entered");
        assert_eq!(decode::<Record>(&serde_json::to_string(&kept).unwrap()).unwrap(), kept);
        // 4 x 0.8 x 10/12 = 2.67, less the 2 days of training
        let all = right(&kept, day("2026-11-27")).unwrap();
        assert_eq!(all.years[0].remaining, days(67));
        assert_eq!(all.credit, Some(Credit { amount: days(67), usable_until: day("2028-12-31") }));
        assert_eq!(all.forfeits, [Forfeit { employment_id: "e1".into(), amount: days(67), on: day("2026-12-31") }]);
        assert_eq!(decode::<Record>("{}").unwrap(), Record::default());
    }

    /// Any date of those years, month ends (the 29th to the 31st) more often than the rest.
    fn any_day(years: RangeInclusive<i32>) -> impl Strategy<Value = NaiveDate> {
        (years, 1u32..=12, 1u32..=31)
            .prop_map(|(y, m, d)| (1..=d).rev().find_map(|d| NaiveDate::from_ymd_opt(y, m, d)).unwrap())
    }

    /// An employment between 2021 and about 2036, with the id the generated trainings use.
    fn employment(id: &'static str) -> impl Strategy<Value = KeptEmployment> {
        let reasons = vec![ForfeitReason::Resignation, ForfeitReason::DismissalSeriousCause, ForfeitReason::Other];
        (
            any_day(2021..=2029),
            proptest::option::of((0u64..2_500, proptest::option::of(select(reasons)))),
            0.01f64..=1.0,
            select(vec![Under10, From10To19, TwentyOrMore]),
            proptest::option::of(0u32..=600),
            select(vec![38.0, 40.0, 37.5, 36.0]),
        )
            .prop_map(move |(start, end, fraction, band, sectoral, weekly)| KeptEmployment {
                id: id.into(),
                employer_name: id.into(),
                enterprise_number: None,
                start_date: Date(start),
                end: end.map(|(after, reason)| End {
                    date: Date(start + chrono::Days::new(after)),
                    reason: reason.map(Code::Known),
                }),
                regime_fraction: fraction,
                size_band: Code::Known(band),
                full_time_weekly_hours: weekly,
                joint_committee: None,
                sectoral: sectoral
                    .map(|h| SectoralRight { days_per_year: f64::from(h) / 100.0, cba_registration_number: None }),
            })
    }

    /// One or two employments and trainings of theirs and of nobody's.
    fn any_record() -> impl Strategy<Value = Record> {
        (employment("e1"), proptest::option::of(employment("e2")), generated::trainings(30))
            .prop_map(|(first, second, trainings)| record([first].into_iter().chain(second).collect(), trainings))
    }

    fn counted(terms: &Terms, t: &Training) -> bool {
        t.employer_id == terms.id
            && t.status == Code::Known(Status::Completed)
            && t.counts_towards_right
            && terms.start <= t.start_date.0
            && terms.end.is_none_or(|e| t.start_date.0 <= e)
    }

    proptest! {
        #[test]
        fn entitled_lies_between_nothing_and_the_full_time_days(kept in any_record()) {
            for terms in kept.terms().unwrap() {
                for r in ledger(&terms, &kept.trainings) {
                    prop_assert_eq!(r.full_time, full_time_days(r.year, terms.band, terms.sectoral));
                    prop_assert!((1..=12).contains(&r.months));
                    prop_assert!(Amount::ZERO <= r.entitled && r.entitled <= r.full_time, "{:?}", r);
                }
            }
        }

        #[test]
        fn a_full_year_at_fraction_one_gives_the_full_time_days(
            year in 2023i32..=2028,
            start in any_day(2021..=2028),
            band in select(vec![Under10, From10To19, TwentyOrMore]),
            sectoral in proptest::option::of(0u32..=600),
        ) {
            let start = start.min(NaiveDate::from_ymd_opt(year, 1, 1).unwrap());
            let mut e = job("e1", &start.to_string(), band, 1.0);
            if let Some(h) = sectoral {
                e = with_sectoral(e, f64::from(h) / 100.0);
            }
            let r = row(&e, &[], year);
            prop_assert_eq!(r.months, 12);
            prop_assert_eq!(r.entitled, r.full_time);
            prop_assert_eq!(r.full_time, full_time_days(year, band, e.terms().unwrap().sectoral));
        }

        #[test]
        fn every_started_month_counts_whole(start in any_day(2023..=2028), after in 0u64..800) {
            let end = start + chrono::Days::new(after);
            let year = start.year();
            prop_assert_eq!(months_employed(start, None, year), 13 - start.month());
            prop_assert_eq!(months_employed(start, None, year + 1), 12);
            let last_month = if end.year() == year { end.month() } else { 12 };
            prop_assert_eq!(months_employed(start, Some(end), year), last_month - start.month() + 1);
            if end.year() > year {
                prop_assert_eq!(months_employed(start, Some(end), end.year()), end.month());
            }
        }

        #[test]
        fn the_ledger_chains_within_each_period(kept in any_record()) {
            for terms in kept.terms().unwrap() {
                let rows = ledger(&terms, &kept.trainings);
                for (i, r) in rows.iter().enumerate() {
                    prop_assert_eq!(r.remaining, r.carried_in + r.entitled - r.attended);
                    prop_assert_eq!(r.carried_out, r.remaining.max0());
                    let opens_period = i == 0 || r.year == *PERIODS[1].start();
                    let carried = if opens_period { Amount::ZERO } else { rows[i - 1].carried_out };
                    prop_assert_eq!(r.carried_in, carried, "{}", r.year);
                }
            }
        }

        #[test]
        fn attended_counts_only_completed_counted_trainings_of_that_employment_and_year(kept in any_record()) {
            for terms in kept.terms().unwrap() {
                let (ours, others): (Vec<Training>, Vec<Training>) =
                    kept.trainings.iter().cloned().partition(|t| counted(&terms, t));
                let rows = ledger(&terms, &kept.trainings);
                prop_assert_eq!(&ledger(&terms, &ours), &rows);
                prop_assert!(ledger(&terms, &others).iter().all(|r| r.attended == Amount::ZERO));
                for r in &rows {
                    let in_year = ours.iter().filter(|t| t.start_date.0.year() == r.year);
                    let minutes = in_year.map(|t| u64::from(t.duration_minutes)).sum();
                    prop_assert_eq!(Some(r.attended), minutes_in(minutes, Unit::Days, Some(terms.hours_per_day)));
                }
            }
        }

        #[test]
        fn nothing_is_computed_outside_the_employment(kept in any_record(), today in any_day(2022..=2029)) {
            let all = kept.terms().unwrap();
            for terms in &all {
                let years: Vec<i32> = ledger(terms, &kept.trainings).iter().map(|r| r.year).collect();
                let touched: Vec<i32> = (2023..=2028)
                    .filter(|&y| terms.start.year() <= y && terms.end.is_none_or(|e| y <= e.year()))
                    .collect();
                prop_assert_eq!(years, touched);
            }
            let current: Vec<Terms> = all.iter().filter(|t| t.covers(today)).cloned().collect();
            let now = credit(&all, &kept.trainings, Date(today));
            prop_assert_eq!(now, credit(&current, &kept.trainings, Date(today)));
            // the credit is never more than the current employments' period gave so far
            let given: Amount = current
                .iter()
                .flat_map(|t| ledger(t, &kept.trainings))
                .filter(|r| period(r.year) == period(today.year()) && r.year <= today.year())
                .map(|r| r.entitled)
                .sum();
            prop_assert!(now.is_none_or(|c| c.amount <= given));
        }

        #[test]
        fn pro_rata_grows_with_the_fraction_and_the_months(
            e in employment("e1"),
            other_fraction in 0.01f64..=1.0,
            more in 1u64..800,
        ) {
            let terms = e.terms().unwrap();
            let (low, high) = (terms.fraction.min(other_fraction), terms.fraction.max(other_fraction));
            let (less, most) = (Terms { fraction: low, ..terms.clone() }, Terms { fraction: high, ..terms.clone() });
            for (a, b) in ledger(&less, &[]).iter().zip(ledger(&most, &[])) {
                prop_assert!(a.entitled <= b.entitled);
            }
            if let Some(end) = terms.end {
                let longer = Terms { end: Some(end + chrono::Days::new(more)), ..terms.clone() };
                let (short, long) = (ledger(&terms, &[]), ledger(&longer, &[]));
                prop_assert!(short.len() <= long.len());
                for (a, b) in short.iter().zip(&long) {
                    prop_assert!(a.year == b.year && a.months <= b.months && a.entitled <= b.entitled);
                }
            }
        }

        #[test]
        fn the_apps_own_checks_find_nothing_to_say(kept in any_record()) {
            for year in 2023..=2028 {
                for item in &as_served::entitlements(&kept, year).items {
                    prop_assert_eq!(Entitled::from_item(item).unwrap().findings, []);
                }
            }
            for item in &as_served::carry_over(&kept, day("2029-01-01")).items {
                prop_assert_eq!(Ledger::from_item(item).unwrap().findings, [], "{:?}", item);
            }
        }

        #[test]
        fn the_balance_at_the_end_is_lost_only_on_resignation_or_serious_cause(kept in any_record()) {
            for terms in kept.terms().unwrap() {
                let rows = ledger(&terms, &kept.trainings);
                let last = terms.end.and_then(|end| rows.iter().find(|r| r.year == end.year()));
                let expected = last.filter(|_| terms.forfeits).map(|r| Forfeit {
                    employment_id: terms.id.into(),
                    amount: r.carried_out,
                    on: Date(terms.end.unwrap()),
                });
                prop_assert_eq!(forfeit(&terms, &kept.trainings), expected);
            }
        }
    }
}
