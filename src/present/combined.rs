//! All employers together in one year: a row per employer with its right, attendance, what is
//! left and its credit, and what they come to together where every amount can be put in one
//! unit with the back end's own `hoursPerDay`. Where they cannot, they stay side by side.

use crate::contract::{AttendanceItem, Code, Employer, EntitlementItem, LedgerItem, Unit};
use crate::domain::amount::{in_other_unit, Amount};
use crate::i18n::{fill, Texts};
use crate::present::cards::{self, Figure};
use crate::present::format::quantity;

#[derive(Debug, PartialEq)]
pub struct Combined {
    pub caption: String,
    pub head: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
    /// Why there is no row of what they come to together.
    pub apart: Option<&'static str>,
}

/// A figure in `unit`: as it is, or converted with its own rate.
pub fn in_unit(f: &Figure, unit: Unit) -> Option<Amount> {
    if f.unit.known() == Some(&unit) {
        return Some(f.amount);
    }
    in_other_unit(f.amount, &f.unit, f.hours_per_day).filter(|c| c.1 == unit).map(|c| c.0)
}

/// The preferred unit, else any one unit that every figure can be put in; `None` when there is none.
pub fn common_unit<'a>(figures: impl Iterator<Item = &'a Figure> + Clone, prefer: Option<Unit>) -> Option<Unit> {
    [prefer, Some(Unit::Days), Some(Unit::Hours)]
        .into_iter()
        .flatten()
        .find(|&u| figures.clone().all(|f| in_unit(f, u).is_some()))
}

/// The year's figures of every employer; `None` with fewer than two, whose own cards say it all.
pub fn combined(
    t: &Texts,
    year: i32,
    prefer: Option<Unit>,
    employers: &[Employer],
    entitled: &[EntitlementItem],
    attended: &[AttendanceItem],
    ledger: &[LedgerItem],
) -> Option<Combined> {
    if employers.len() < 2 {
        return None;
    }
    // per employer: right, attended, left, credit; an employment over before the year has only
    // its credit, the others are expected to have all four
    let figures: Vec<(&str, [Option<Figure>; 4], bool)> = employers
        .iter()
        .map(|e| {
            let past = crate::domain::years::ended_before(&e.employment, year).is_some();
            let ledger = cards::ledger(t, year, ledger, &e.id, past);
            let of = |id: &str| ledger.iter().find(|c| c.id == id).and_then(|c| c.figure.clone());
            let current = |card: cards::Card| if past { None } else { card.figure };
            let four = [
                current(cards::entitled(t, year, entitled, &e.id)),
                current(cards::attended(t, year, attended, &e.id)),
                of("left"),
                of("credit"),
            ];
            (e.name.as_str(), four, past)
        })
        .collect();
    let unit = common_unit(figures.iter().flat_map(|(_, four, _)| four.iter().flatten()), prefer);
    let cell = |f: &Option<Figure>| match (f, unit) {
        (Some(f), Some(u)) => quantity(t, in_unit(f, u).unwrap_or(f.amount), &Code::Known(u)),
        (Some(f), None) => f.text(t, None).0,
        (None, _) => "–".into(),
    };
    let mut rows: Vec<Vec<String>> = figures
        .iter()
        .map(|(name, four, _)| std::iter::once(name.to_string()).chain(four.iter().map(cell)).collect())
        .collect();
    if let Some(u) = unit {
        let together = (0..4).map(|col| {
            // a figure that is missing where one is expected leaves its column without a sum
            let column = figures.iter().filter(|(_, _, past)| col == 3 || !past).map(|(_, four, _)| &four[col]);
            column
                .map(|f| f.as_ref().and_then(|f| in_unit(f, u)))
                .sum::<Option<Amount>>()
                .map_or_else(|| "–".into(), |sum| quantity(t, sum, &Code::Known(u)))
        });
        rows.push(std::iter::once(t.total.to_string()).chain(together).collect());
    }
    Some(Combined {
        caption: fill(t.combined_caption, &[&year.to_string()]),
        head: vec![t.employer, t.col_entitled, t.col_attended, t.col_remaining, t.card_credit],
        rows,
        apart: unit.is_none().then_some(t.combined_apart),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::{Attendance, CarryOver, Entitlements, Me};
    use crate::domain::demo_fixture;
    use crate::i18n::{texts, Language};

    fn of(persona: &str, prefer: Option<Unit>) -> Option<Combined> {
        let me: Me = demo_fixture(persona, "me.json");
        let e: Entitlements = demo_fixture(persona, "entitlements-2026.json");
        let a: Attendance = demo_fixture(persona, "attendance-2026.json");
        let l: CarryOver = demo_fixture(persona, "carry-over.json");
        combined(texts(Language::En), 2026, prefer, &me.employers, &e.items, &a.items, &l.items)
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
        let c = combined(texts(Language::En), 2026, None, &me.employers, &e.items[..1], &[], &l.items).unwrap();
        assert_eq!(c.rows[1][1], "–");
        assert_eq!(c.rows[2], row(&["Together", "–", "–", "3 days", "3 days"]));
    }
}
