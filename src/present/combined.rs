//! All employers together in one year, as a table: a row per employer with its right,
//! attendance, what is left and its credit (see `domain::together`), and the row of what they
//! come to together where they can be put in one unit. Where they cannot, they stay side by side.

use crate::contract::{Code, Employer};
use crate::domain::amount::Quantity;
use crate::domain::together::Together;
use crate::i18n::{fill, Texts};
use crate::present::format::{quantity, worded};

#[derive(Debug, PartialEq)]
pub struct Combined {
    pub caption: String,
    pub head: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
    /// Why there is no row of what they come to together.
    pub apart: Option<&'static str>,
}

/// The year's figures of the `employers` (see `domain::together`), as a table.
pub fn combined(t: &Texts, year: i32, employers: &[Employer], all: Together) -> Combined {
    let unit = all.sums.as_ref().map(|(u, _)| *u);
    let missing = || "–".to_string();
    let cell = |q: &Option<Quantity>| match (q, unit) {
        (Some(q), Some(u)) => quantity(t, q.in_unit(u).unwrap_or(q.amount), &Code::Known(u)),
        (Some(q), None) => worded(t, q, None).0,
        (None, _) => missing(),
    };
    let mut rows: Vec<Vec<String>> = employers
        .iter()
        .zip(&all.each)
        .map(|(e, year)| std::iter::once(e.name.clone()).chain(year.figures.iter().map(cell)).collect())
        .collect();
    if let Some((u, sums)) = all.sums {
        let sum = |s: &Option<_>| s.map_or_else(missing, |s| quantity(t, s, &Code::Known(u)));
        rows.push(std::iter::once(t.total.to_string()).chain(sums.iter().map(sum)).collect());
    }
    Combined {
        caption: fill(t.combined_caption, &[&year.to_string()]),
        head: vec![t.employer, t.col_entitled, t.col_attended, t.col_remaining, t.card_credit],
        rows,
        apart: unit.is_none().then_some(t.combined_apart),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::{Attendance, CarryOver, Entitlements, Me, Unit};
    use crate::domain::demo_fixture;
    use crate::domain::together::together;
    use crate::i18n::{texts, Language};

    fn of(persona: &str, prefer: Option<Unit>) -> Option<Combined> {
        let me: Me = demo_fixture(persona, "me.json");
        let e: Entitlements = demo_fixture(persona, "entitlements-2026.json");
        let a: Attendance = demo_fixture(persona, "attendance-2026.json");
        let l: CarryOver = demo_fixture(persona, "carry-over.json");
        let all = together(2026, prefer, &me.employers, &e.items, &a.items, &l.items)?;
        Some(combined(texts(Language::En), 2026, &me.employers, all))
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn days_and_hours_come_together_with_each_employers_own_rate() {
        let c = of("g", None).unwrap();
        assert_eq!(c.caption, "All employers in 2026");
        assert_eq!(c.head, ["Employer", "Right of the year", "Attended", "Remaining", "Training credit now"]);
        // 20 hours at 8 a day are 2.5 days; 1.5 days at 7.6 are 11.4 hours
        assert_eq!(
            c.rows,
            [
                row(&["Woonzorgcentrum Hof ter Linde vzw", "2.5 days", "1.5 days", "1.5 days", "1.5 days"]),
                row(&["Net & Proper BV", "2.5 days", "1.5 days", "1.5 days", "1.5 days"]),
                row(&["Together", "5 days", "3 days", "3 days", "3 days"]),
            ]
        );
        assert_eq!(c.apart, None);
        let hours = of("g", Some(Unit::Hours)).unwrap();
        assert_eq!(hours.rows[2], row(&["Together", "39 hours", "23.4 hours", "23.4 hours", "23.4 hours"]));
    }

    #[test]
    fn without_rates_they_stay_side_by_side() {
        let c = of("h", Some(Unit::Days)).unwrap();
        assert_eq!(c.rows.len(), 2, "no row of what they come to together");
        assert_eq!(c.rows[1], row(&["Net & Proper BV", "20 hours", "12 hours", "12 hours", "12 hours"]));
        assert_eq!(c.apart, Some(texts(Language::En).combined_apart));
    }

    #[test]
    fn a_past_employment_adds_only_its_credit() {
        let c = of("b", None).unwrap();
        assert_eq!(c.rows[1], row(&["Brasserie De Hoek", "–", "–", "–", "0 days"]));
        assert_eq!(c.rows[2], row(&["Together", "4.2 days", "2.5 days", "1.7 days", "1.7 days"]));
    }

    #[test]
    fn one_employer_needs_no_summary() {
        assert_eq!(of("a", None), None);
    }

    #[test]
    fn a_missing_figure_leaves_its_column_without_a_sum() {
        let me: Me = demo_fixture("g", "me.json");
        let e: Entitlements = demo_fixture("g", "entitlements-2026.json");
        let l: CarryOver = demo_fixture("g", "carry-over.json");
        let all = together(2026, None, &me.employers, &e.items[..1], &[], &l.items).unwrap();
        let c = combined(texts(Language::En), 2026, &me.employers, all);
        assert_eq!(c.rows[1][1], "–");
        assert_eq!(c.rows[2], row(&["Together", "–", "–", "3 days", "3 days"]));
    }
}
