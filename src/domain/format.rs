//! Text for numbers, units, durations and dates as the screens show them.

use chrono::Datelike;

use crate::api::dto::{Code, Date, Unit};
use crate::domain::amount::Amount;

/// `3.2`, `4`, `1.75`, `-0.4`: at most two decimals, no trailing zeros.
pub fn decimal(a: Amount) -> String {
    let h = a.hundredths();
    let sign = if h < 0 { "-" } else { "" };
    let (whole, frac) = (h.abs() / 100, h.abs() % 100);
    match frac {
        0 => format!("{sign}{whole}"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}

/// `1 day`, `2.5 days`, `24.32 hours`; an unknown unit keeps its raw code.
pub fn quantity(a: Amount, unit: &Code<Unit>) -> String {
    let one = a.hundredths() == 100;
    let word = match unit {
        Code::Known(Unit::Days) => {
            if one {
                "day"
            } else {
                "days"
            }
        }
        Code::Known(Unit::Hours) => {
            if one {
                "hour"
            } else {
                "hours"
            }
        }
        Code::Other(raw) => raw.as_str(),
    };
    format!("{} {word}", decimal(a))
}

/// `= 24.32 hours` beside `3.2 days`, when the back end sent its conversion rate.
pub fn other_unit_text(a: Amount, unit: &Code<Unit>, hours_per_day: Option<Amount>) -> Option<String> {
    let (other, other_unit) = crate::domain::amount::in_other_unit(a, unit, hours_per_day)?;
    Some(format!("= {}", quantity(other, &Code::Known(other_unit))))
}

/// `15 h 12 min`, `45 min`, `2 h`.
pub fn duration(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `11 Mar 2026`: day, month, year, never ambiguous.
pub fn date(d: Date) -> String {
    let m = MONTHS.get(d.0.month0() as usize).copied().unwrap_or("?");
    format!("{} {m} {}", d.0.day(), d.0.year())
}

/// `11 Mar 2026`, or `11-12 Mar 2026` style ranges collapsed when they share month and year.
pub fn date_range(start: Date, end: Date) -> String {
    if start == end {
        date(start)
    } else if (start.0.year(), start.0.month()) == (end.0.year(), end.0.month()) {
        format!("{}–{}", start.0.day(), date(end))
    } else {
        format!("{} – {}", date(start), date(end))
    }
}

/// `0.8` as `80 %`.
pub fn percent(fraction: f64) -> String {
    format!("{} %", decimal(Amount::from_f64(fraction * 100.0).unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(x: f64) -> Amount {
        Amount::from_f64(x).unwrap()
    }

    #[test]
    fn decimals_drop_trailing_zeros() {
        assert_eq!(decimal(a(3.2)), "3.2");
        assert_eq!(decimal(a(4.0)), "4");
        assert_eq!(decimal(a(1.75)), "1.75");
        assert_eq!(decimal(a(0.05)), "0.05");
        assert_eq!(decimal(a(-0.4)), "-0.4");
    }

    #[test]
    fn units_have_plurals() {
        assert_eq!(quantity(a(1.0), &Code::Known(Unit::Days)), "1 day");
        assert_eq!(quantity(a(2.5), &Code::Known(Unit::Days)), "2.5 days");
        assert_eq!(quantity(a(1.0), &Code::Known(Unit::Hours)), "1 hour");
        assert_eq!(quantity(a(0.0), &Code::Known(Unit::Hours)), "0 hours");
        assert_eq!(quantity(a(3.0), &Code::Other("WEEKS".into())), "3 WEEKS");
        assert_eq!(other_unit_text(a(3.2), &Code::Known(Unit::Days), Some(a(7.6))).as_deref(), Some("= 24.32 hours"));
        assert_eq!(other_unit_text(a(3.8), &Code::Known(Unit::Hours), Some(a(7.6))).as_deref(), Some("= 0.5 days"));
        assert_eq!(other_unit_text(a(3.8), &Code::Known(Unit::Hours), None), None);
    }

    #[test]
    fn durations_and_dates() {
        assert_eq!(duration(912), "15 h 12 min");
        assert_eq!(duration(45), "45 min");
        assert_eq!(duration(120), "2 h");
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(date(d("2026-03-11")), "11 Mar 2026");
        assert_eq!(date_range(d("2026-03-11"), d("2026-03-12")), "11–12 Mar 2026");
        assert_eq!(date_range(d("2026-03-11"), d("2026-03-11")), "11 Mar 2026");
        assert_eq!(date_range(d("2025-12-30"), d("2026-01-02")), "30 Dec 2025 – 2 Jan 2026");
        assert_eq!(percent(0.8), "80 %");
    }
}
