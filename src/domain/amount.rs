//! Amounts of days or hours, kept as whole hundredths so sums and rule checks are exact.

use std::iter::Sum;
use std::ops::{Add, Sub};

use crate::contract::{Code, Unit};

/// Hundredths of a day or an hour (the contract allows at most two decimals).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(i64);

/// Largest magnitude accepted from the wire; anything beyond is not a plausible amount.
const LIMIT: f64 = 1.0e9;

impl Amount {
    pub const ZERO: Amount = Amount(0);

    pub const fn from_hundredths(h: i64) -> Amount {
        Amount(h)
    }

    /// `None` for NaN, infinities and absurd magnitudes.
    pub fn from_f64(x: f64) -> Option<Amount> {
        (x.is_finite() && x.abs() < LIMIT).then(|| Amount((x * 100.0).round() as i64))
    }

    pub fn hundredths(self) -> i64 {
        self.0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub fn max0(self) -> Amount {
        Amount(self.0.max(0))
    }

    /// Whether two amounts agree to within one hundredth (the back end rounds to two decimals).
    pub fn agrees_with(self, other: Amount) -> bool {
        (self.0 - other.0).abs() <= 1
    }
}

impl Add for Amount {
    type Output = Amount;
    fn add(self, o: Amount) -> Amount {
        Amount(self.0 + o.0)
    }
}

impl Sub for Amount {
    type Output = Amount;
    fn sub(self, o: Amount) -> Amount {
        Amount(self.0 - o.0)
    }
}

impl Sum for Amount {
    fn sum<I: Iterator<Item = Amount>>(it: I) -> Amount {
        Amount(it.map(|a| a.0).sum())
    }
}

fn div_round(n: i64, d: i64) -> i64 {
    // d > 0 by construction; rounds half away from zero like the back end's two-decimal rounding
    let q = (2 * n.abs() + d) / (2 * d);
    if n < 0 {
        -q
    } else {
        q
    }
}

/// Days to hours with the back end's `hoursPerDay` rate.
pub fn days_to_hours(days: Amount, hours_per_day: Amount) -> Amount {
    Amount(div_round(days.0 * hours_per_day.0, 100))
}

/// Hours to days with the back end's rate; `None` when the rate is not positive.
pub fn hours_to_days(hours: Amount, hours_per_day: Amount) -> Option<Amount> {
    (hours_per_day.0 > 0).then(|| Amount(div_round(hours.0 * 100, hours_per_day.0)))
}

/// A duration in minutes as hours, or as days at the back end's rate (`None` without a rate).
pub fn minutes_in(minutes: u64, unit: Unit, hours_per_day: Option<Amount>) -> Option<Amount> {
    let m = i64::try_from(minutes).ok()?;
    match unit {
        Unit::Hours => Some(Amount(div_round(m * 100, 60))),
        Unit::Days => hours_per_day.filter(|r| r.0 > 0).map(|r| Amount(div_round(m * 10_000, 60 * r.0))),
    }
}

/// The same quantity in the other unit, when the unit is known and a positive rate was sent.
pub fn in_other_unit(amount: Amount, unit: &Code<Unit>, hours_per_day: Option<Amount>) -> Option<(Amount, Unit)> {
    let rate = hours_per_day.filter(|r| r.0 > 0)?;
    match unit.known()? {
        Unit::Days => Some((days_to_hours(amount, rate), Unit::Hours)),
        Unit::Hours => Some((hours_to_days(amount, rate)?, Unit::Days)),
    }
}

/// An amount in its unit, with the back end's rate that converts it to the other unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub amount: Amount,
    pub unit: Code<Unit>,
    pub hours_per_day: Option<Amount>,
}

impl Quantity {
    /// The amount in `unit`: as it is, or converted with its own rate; `None` when it cannot be.
    pub fn in_unit(&self, unit: Unit) -> Option<Amount> {
        if self.unit.known() == Some(&unit) {
            return Some(self.amount);
        }
        in_other_unit(self.amount, &self.unit, self.hours_per_day).filter(|c| c.1 == unit).map(|c| c.0)
    }
}

/// The preferred unit, else any one unit that every quantity can be put in; `None` when there is none.
pub fn common_unit<'a>(all: impl Iterator<Item = &'a Quantity> + Clone, prefer: Option<Unit>) -> Option<Unit> {
    [prefer, Some(Unit::Days), Some(Unit::Hours)]
        .into_iter()
        .flatten()
        .find(|&u| all.clone().all(|q| q.in_unit(u).is_some()))
}

/// What the quantities come to in `unit`; `None` when one is missing or cannot be put in it.
pub fn total_in<'a>(all: impl IntoIterator<Item = Option<&'a Quantity>>, unit: Unit) -> Option<Amount> {
    all.into_iter().map(|q| q?.in_unit(unit)).sum()
}

/// `fullTimeValue x regimeFraction x monthsCounted / 12`, rounded to two decimals.
pub fn pro_rata(full_time: Amount, fraction: f64, months: f64) -> Amount {
    Amount((full_time.0 as f64 * fraction * months / 12.0).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn a(x: f64) -> Amount {
        Amount::from_f64(x).unwrap()
    }

    #[test]
    fn conversions_follow_the_rate() {
        assert_eq!(days_to_hours(a(3.2), a(7.6)), a(24.32));
        assert_eq!(hours_to_days(a(15.2), a(7.6)), Some(a(2.0)));
        assert_eq!(hours_to_days(a(1.0), Amount::ZERO), None);
        assert_eq!(in_other_unit(a(1.0), &Code::Known(Unit::Days), Some(a(7.6))), Some((a(7.6), Unit::Hours)));
        assert_eq!(in_other_unit(a(1.0), &Code::Other("WEEKS".into()), Some(a(7.6))), None);
        assert_eq!(in_other_unit(a(1.0), &Code::Known(Unit::Days), None), None);
    }

    #[test]
    fn minutes_in_either_unit() {
        assert_eq!(minutes_in(912, Unit::Hours, None), Some(a(15.2)));
        assert_eq!(minutes_in(912, Unit::Days, Some(a(7.6))), Some(a(2.0)));
        assert_eq!(minutes_in(100, Unit::Days, Some(a(8.0))), Some(a(0.21)));
        assert_eq!(minutes_in(60, Unit::Days, None), None);
        assert_eq!(minutes_in(60, Unit::Days, Some(Amount::ZERO)), None);
    }

    #[test]
    fn pro_rata_matches_the_law_examples() {
        assert_eq!(pro_rata(a(5.0), 0.8, 10.0), a(3.33));
        assert_eq!(pro_rata(a(4.0), 0.8, 12.0), a(3.2));
        assert_eq!(pro_rata(a(5.0), 1.0, 12.0), a(5.0));
    }

    #[test]
    fn rejects_impossible_wire_numbers() {
        assert_eq!(Amount::from_f64(f64::NAN), None);
        assert_eq!(Amount::from_f64(1e300), None);
        assert_eq!(a(0.005 + 0.1), a(0.11));
    }

    proptest! {
        #[test]
        fn days_hours_round_trip_within_a_hundredth_of_a_day(d in 0i64..100_000, r in 1i64..2_400) {
            let days = Amount(d);
            let rate = Amount(r);
            let back = hours_to_days(days_to_hours(days, rate), rate).unwrap();
            // one hundredth of an hour is at most 100/r hundredths of a day
            prop_assert!((back.0 - d).abs() <= 1 + 100 / r);
        }

        #[test]
        fn pro_rata_never_exceeds_the_full_time_value(ft in 0i64..5_000, f in 0.0f64..=1.0, m in 0u8..=12) {
            let v = pro_rata(Amount(ft), f, f64::from(m));
            prop_assert!(v.0 >= 0 && v.0 <= ft);
        }

        #[test]
        fn minutes_agree_with_hours_then_days(m in 0u64..1_000_000, r in 1i64..2_400) {
            let rate = Amount(r);
            let direct = minutes_in(m, Unit::Days, Some(rate)).unwrap();
            let via_hours = hours_to_days(minutes_in(m, Unit::Hours, None).unwrap(), rate).unwrap();
            // rounding to hours first is off by at most half a hundredth of an hour, in days
            prop_assert!((direct.0 - via_hours.0).abs() <= 1 + 50 / r);
        }
    }
}
