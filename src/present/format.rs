//! Numbers, units, durations and dates the way each language writes them in Belgium
//! (nl-BE, fr-BE, de-BE; English with day-month-year).

use chrono::Datelike;

use crate::contract::{Code, Date, Unit};
use crate::domain::amount::{Amount, Quantity};
use crate::i18n::{fill, Texts};

/// `3,2`, `4`, `1.234,75`, `-0,4`: at most two decimals, no trailing zeros, thousands grouped.
pub fn decimal(t: &Texts, a: Amount) -> String {
    let h = a.hundredths().unsigned_abs();
    let digits = (h / 100).to_string();
    let mut out = String::with_capacity(digits.len() + 8);
    if a.is_negative() {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(t.format.group);
        }
        out.push(c);
    }
    let frac = h % 100;
    if frac != 0 {
        out.push_str(t.format.decimal);
        out.push_str(&if frac.is_multiple_of(10) { (frac / 10).to_string() } else { format!("{frac:02}") });
    }
    out
}

/// A wire number (hours a week, months) as text; `None` for one no amount can hold.
pub fn number(t: &Texts, x: f64) -> String {
    Amount::from_f64(x).map_or_else(|| t.out_of_range.into(), |a| decimal(t, a))
}

/// `1 dag`, `2,5 dagen`, `1,5 jour`, `24,32 Stunden`; an unknown unit keeps its raw code.
pub fn quantity(t: &Texts, a: Amount, unit: &Code<Unit>) -> String {
    let h = a.hundredths();
    let one = if t.format.one_below_two { (0..200).contains(&h) } else { h == 100 };
    let word = match unit {
        Code::Known(Unit::Days) => [t.days, t.day][one as usize],
        Code::Known(Unit::Hours) => [t.hours, t.hour][one as usize],
        Code::Other(raw) => raw.as_str(),
    };
    format!("{} {word}", decimal(t, a))
}

/// A headline amount and the same in the other unit when the back end sent its conversion rate:
/// `("3,2 dagen", Some("= 24,32 uur"))`, or the other way round when the person prefers the
/// other unit (`prefer`). Without a rate the amount stays as recorded.
pub fn worded(t: &Texts, q: &Quantity, prefer: Option<Unit>) -> (String, Option<String>) {
    let recorded = quantity(t, q.amount, &q.unit);
    match crate::domain::amount::in_other_unit(q.amount, &q.unit, q.hours_per_day) {
        Some((other, other_unit)) => {
            let converted = quantity(t, other, &Code::Known(other_unit));
            if prefer == Some(other_unit) {
                (converted, Some(format!("= {recorded}")))
            } else {
                (recorded, Some(format!("= {converted}")))
            }
        }
        None => (recorded, None),
    }
}

/// `15 u 12 min`, `45 min`, `2 h`.
pub fn duration(t: &Texts, minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => fill(t.dur_m, &[&m.to_string()]),
        (h, 0) => fill(t.dur_h, &[&h.to_string()]),
        (h, m) => fill(t.dur_hm, &[&h.to_string(), &m.to_string()]),
    }
}

/// `11 maart 2026`, `11. März 2026`: the month in words, so day and month are never confused;
/// day and month never split over two lines.
pub fn date(t: &Texts, d: Date) -> String {
    let month = t.format.months.get(d.0.month0() as usize).copied().unwrap_or("?");
    fill(t.date, &[&d.0.day().to_string(), month, &d.0.year().to_string()])
}

/// `11–12 maart 2026` when both days share month and year, else two whole dates.
pub fn date_range(t: &Texts, start: Date, end: Date) -> String {
    if start == end {
        date(t, start)
    } else if (start.0.year(), start.0.month()) == (end.0.year(), end.0.month()) {
        fill(t.day_range, &[&start.0.day().to_string(), &date(t, end)])
    } else {
        format!("{} – {}", date(t, start), date(t, end))
    }
}

/// `0.8` as `80%` or `80 %`.
pub fn percent(t: &Texts, fraction: f64) -> String {
    fill(t.percent, &[&number(t, fraction * 100.0)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{texts, Language::*};

    fn a(x: f64) -> Amount {
        Amount::from_f64(x).unwrap()
    }

    #[test]
    fn decimals_the_belgian_way() {
        let (nl, fr, de, en) = (texts(Nl), texts(Fr), texts(De), texts(En));
        assert_eq!(decimal(nl, a(3.2)), "3,2");
        assert_eq!(decimal(en, a(3.2)), "3.2");
        assert_eq!(decimal(nl, a(4.0)), "4");
        assert_eq!(decimal(de, a(1.75)), "1,75");
        assert_eq!(decimal(fr, a(0.05)), "0,05");
        assert_eq!(decimal(nl, a(-0.4)), "-0,4");
        assert_eq!(decimal(nl, a(1234.5)), "1.234,5");
        assert_eq!(decimal(fr, a(1234567.0)), "1\u{202f}234\u{202f}567");
        assert_eq!(decimal(en, a(-1234.25)), "-1,234.25");
        assert_eq!(decimal(de, a(999.0)), "999");
    }

    #[test]
    fn units_have_each_languages_plurals() {
        let days = Code::Known(Unit::Days);
        let hours = Code::Known(Unit::Hours);
        assert_eq!(quantity(texts(Nl), a(1.0), &days), "1 dag");
        assert_eq!(quantity(texts(Nl), a(2.5), &days), "2,5 dagen");
        assert_eq!(quantity(texts(Nl), a(2.5), &hours), "2,5 uur");
        assert_eq!(quantity(texts(Fr), a(1.0), &days), "1 jour");
        assert_eq!(quantity(texts(Fr), a(1.5), &days), "1,5 jour", "French: below 2 is singular");
        assert_eq!(quantity(texts(Fr), a(0.0), &hours), "0 heure");
        assert_eq!(quantity(texts(Fr), a(2.5), &days), "2,5 jours");
        assert_eq!(quantity(texts(De), a(1.0), &days), "1 Tag");
        assert_eq!(quantity(texts(De), a(1.5), &days), "1,5 Tage");
        assert_eq!(quantity(texts(En), a(1.0), &hours), "1 hour");
        assert_eq!(quantity(texts(En), a(0.0), &hours), "0 hours");
        assert_eq!(quantity(texts(En), a(3.0), &Code::Other("WEEKS".into())), "3 WEEKS");
        let both = |t, x, u: &Code<Unit>, rate, prefer| {
            worded(t, &Quantity { amount: a(x), unit: u.clone(), hours_per_day: rate }, prefer)
        };
        let pair = |x: &str, y: Option<&str>| (x.to_string(), y.map(String::from));
        assert_eq!(both(texts(Nl), 3.2, &days, Some(a(7.6)), None), pair("3,2 dagen", Some("= 24,32 uur")));
        assert_eq!(both(texts(En), 3.8, &hours, Some(a(7.6)), None), pair("3.8 hours", Some("= 0.5 days")));
        assert_eq!(
            both(texts(Nl), 3.2, &days, Some(a(7.6)), Some(Unit::Hours)),
            pair("24,32 uur", Some("= 3,2 dagen"))
        );
        assert_eq!(both(texts(Nl), 3.2, &days, Some(a(7.6)), Some(Unit::Days)), pair("3,2 dagen", Some("= 24,32 uur")));
        assert_eq!(
            both(texts(En), 3.8, &hours, None, Some(Unit::Days)),
            pair("3.8 hours", None),
            "no rate: as recorded"
        );
    }

    #[test]
    fn durations_and_dates() {
        assert_eq!(duration(texts(En), 912), "15 h 12 min");
        assert_eq!(duration(texts(Nl), 912), "15 u 12 min");
        assert_eq!(duration(texts(De), 45), "45 Min.");
        assert_eq!(duration(texts(Fr), 120), "2\u{a0}h");
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(date(texts(En), d("2026-03-11")), "11\u{a0}March 2026");
        assert_eq!(date(texts(Nl), d("2026-03-11")), "11\u{a0}maart 2026");
        assert_eq!(date(texts(Fr), d("2026-08-01")), "1\u{a0}août 2026");
        assert_eq!(date(texts(De), d("2026-03-11")), "11.\u{a0}März 2026");
        assert_eq!(date_range(texts(Nl), d("2026-03-11"), d("2026-03-12")), "11–12\u{a0}maart 2026");
        assert_eq!(date_range(texts(De), d("2026-03-11"), d("2026-03-12")), "11.–12.\u{a0}März 2026");
        assert_eq!(date_range(texts(En), d("2026-03-11"), d("2026-03-11")), "11\u{a0}March 2026");
        assert_eq!(
            date_range(texts(Fr), d("2025-12-30"), d("2026-01-02")),
            "30\u{a0}décembre 2025 – 2\u{a0}janvier 2026"
        );
        assert_eq!(percent(texts(En), 0.8), "80%");
        assert_eq!(percent(texts(De), 0.8), "80\u{a0}%");
    }
}
