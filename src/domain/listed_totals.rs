//! The trainings listed against the attended totals: for each year of an employer's ledger, what
//! its completed trainings that count towards the right add up to, in the ledger's unit.

use chrono::Datelike;

use crate::api::dto::{Status, Training};
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
    use crate::api::dto::CarryOver;
    use crate::domain::amount::Amount;
    use crate::domain::{demo_fixture, demo_trainings};

    fn ledgers(persona: &str) -> CarryOver {
        demo_fixture(persona, "carry-over.json")
    }

    #[test]
    fn the_demo_personas_histories_add_up() {
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
            - minutes_in(u64::from(minutes), crate::api::dto::Unit::Days, ledger.hours_per_day).unwrap();
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
