//! The trainings listed against the attended totals: for each year of an employer's ledger, what
//! its completed trainings that count towards the right add up to, in the ledger's unit.

use chrono::Datelike;

use crate::contract::{Status, Training};
use crate::domain::amount::minutes_in;
use crate::domain::figures::{Finding, Ledger};

/// A finding for each year whose trainings do not add up to its `attended`. Years that cannot be
/// compared (an unknown unit, days without a rate) are left out rather than guessed.
pub fn compare(ledger: &Ledger, employer_id: &str, trainings: &[Training]) -> Vec<Finding> {
    let unit = ledger.unit.known().copied();
    ledger
        .rows
        .iter()
        .filter_map(|row| {
            let (count, minutes) = trainings
                .iter()
                .filter(|t| {
                    t.employer_id == employer_id
                        && t.start_date.0.year() == row.year
                        && t.counts_towards_right
                        && t.status.known() == Some(&Status::Completed)
                })
                .fold((0i64, 0u64), |(n, m), t| (n + 1, m + u64::from(t.duration_minutes)));
            let listed = minutes_in(minutes, unit?, ledger.hours_per_day)?;
            // the back end may round each training to two decimals before adding them up
            let slack = count.max(1);
            ((listed.hundredths() - row.attended.hundredths()).abs() > slack).then_some(Finding::Listed {
                year: row.year,
                listed,
                stated: row.attended,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::CarryOver;
    use crate::domain::amount::Amount;
    use crate::domain::figures::LedgerRow;
    use crate::domain::{demo_fixture, demo_trainings};
    use proptest::prelude::*;

    fn ledgers(persona: &str) -> CarryOver {
        demo_fixture(persona, "carry-over.json")
    }

    /// A ledger in hours whose years attended what `trainings` add up to, as `compare` counts them.
    fn ledger_of(trainings: &[Training]) -> Ledger {
        let rows = (2022..=2026)
            .map(|year| {
                let minutes: u64 = trainings
                    .iter()
                    .filter(|t| t.employer_id == "e1" && t.start_date.0.year() == year)
                    .filter(|t| t.counts_towards_right && t.status == crate::contract::Code::Known(Status::Completed))
                    .map(|t| u64::from(t.duration_minutes))
                    .sum();
                let attended = minutes_in(minutes, crate::contract::Unit::Hours, None).unwrap();
                LedgerRow {
                    year,
                    carried_in: Amount::ZERO,
                    entitled: attended,
                    attended,
                    carried_out: Amount::ZERO,
                    is_final: true,
                }
            })
            .collect();
        let day = crate::contract::Date(chrono::NaiveDate::from_ymd_opt(2022, 1, 1).unwrap());
        Ledger {
            unit: crate::contract::Code::Known(crate::contract::Unit::Hours),
            hours_per_day: None,
            period: (day, day),
            rows,
            credit: Amount::ZERO,
            expires_on: None,
            forfeited: None,
            findings: Vec::new(),
        }
    }

    proptest! {
        /// Trainings that add up to each year's attended total give no finding, whatever else is
        /// listed (another employer, not completed, not counting); one taken away is found in its
        /// year, with what the rest add up to.
        #[test]
        fn a_training_missing_from_the_list_is_found_in_its_year(
            trainings in crate::domain::generated::trainings(30),
            pick in any::<proptest::sample::Index>(),
        ) {
            let ledger = ledger_of(&trainings);
            prop_assert_eq!(compare(&ledger, "e1", &trainings), []);
            let counted: Vec<usize> = (0..trainings.len())
                .filter(|&i| {
                    let t = &trainings[i];
                    t.employer_id == "e1" && t.counts_towards_right && t.duration_minutes >= 60
                        && t.status == crate::contract::Code::Known(Status::Completed)
                })
                .collect();
            prop_assume!(!counted.is_empty());
            let mut fewer = trainings.clone();
            let gone = fewer.remove(counted[pick.index(counted.len())]);
            let year = gone.start_date.0.year();
            let found = compare(&ledger, "e1", &fewer);
            let row = ledger.row(year).unwrap();
            let listed = ledger_of(&fewer).row(year).unwrap().attended;
            prop_assert_eq!(found, vec![Finding::Listed { year, listed, stated: row.attended }]);
        }
    }

    /// The demo's story: its personas' trainings add up to their totals (persona h's on purpose not).
    #[test]
    fn demo_story_personas_histories_match_their_totals() {
        for persona in ["a", "b", "c", "e", "g"] {
            let trainings = demo_trainings(persona);
            for item in ledgers(persona).items {
                let ledger = Ledger::from_item(&item).unwrap();
                assert_eq!(compare(&ledger, &item.employer_id, &trainings), [], "persona {persona}");
            }
        }
    }

    #[test]
    fn a_missing_training_is_found_in_its_year_and_unit() {
        let mut trainings = demo_trainings("b");
        let item = &ledgers("b").items[0];
        let ledger = Ledger::from_item(item).unwrap();
        // a counting 2025 training of 3.8 hours (half a day at 7.6) taken out of the list
        let gone = trainings.iter().position(|t| t.start_date.0.year() == 2025 && t.counts_towards_right).unwrap();
        let minutes = trainings.remove(gone).duration_minutes;
        let listed = Amount::from_hundredths(280)
            - minutes_in(u64::from(minutes), crate::contract::Unit::Days, ledger.hours_per_day).unwrap();
        assert_eq!(
            compare(&ledger, "e1", &trainings),
            [Finding::Listed { year: 2025, listed, stated: Amount::from_hundredths(280) }]
        );
        // compared with the other employer's trainings, no year of this ledger adds up
        assert_eq!(compare(&ledger, "e2", &trainings).len(), 3);
    }

    #[test]
    fn hours_compare_without_a_rate_and_days_without_one_are_left_out() {
        let trainings = demo_trainings("h");
        let items = ledgers("h").items;
        let days = Ledger::from_item(&items[0]).unwrap();
        assert_eq!(compare(&days, "e1", &trainings), [], "days without hoursPerDay cannot be compared");
        let hours = Ledger::from_item(&items[1]).unwrap();
        let h = |x| Amount::from_hundredths(x);
        assert_eq!(
            compare(&hours, "e2", &trainings),
            [Finding::Listed { year: 2025, listed: h(675), stated: h(1600) }]
        );
    }
}
