//! All employers' figures of one year side by side: for each its right, what it attended, what is
//! left and its credit, and what they come to together in one unit where every amount can be put
//! in it with its back end's own `hoursPerDay`.

use crate::contract::{AttendanceItem, Employer, EntitlementItem, LedgerItem, Unit};
use crate::domain::amount::{common_unit, total_in, Amount, Quantity};
use crate::domain::figures::{Attended, Entitled, Ledger};
use crate::domain::years::ended_before;

/// Right of the year, attended, left this year, credit now: the columns, in this order.
pub type Four = [Option<Quantity>; 4];

/// The column of the credit, the only one an employment over before the year has.
pub const CREDIT: usize = 3;

#[derive(Clone, Debug, PartialEq)]
pub struct EmployerYear {
    pub figures: Four,
    /// The employment ended before the year: only its credit is expected.
    pub past: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Together {
    /// One per employer, in the profile's order.
    pub each: Vec<EmployerYear>,
    /// The unit they all come to together in, with each column's sum; `None` where a figure
    /// that is expected is missing. No unit when days and hours cannot be put together.
    pub sums: Option<(Unit, [Option<Amount>; 4])>,
}

/// One employer's four figures of the year; a figure its back end did not send, or sent
/// impossible, is `None`.
pub fn employer_year(
    year: i32,
    employer: &Employer,
    entitled: &[EntitlementItem],
    attended: &[AttendanceItem],
    ledger: &[LedgerItem],
) -> EmployerYear {
    let past = ended_before(&employer.employment, year).is_some();
    let id = employer.id.as_str();
    let right = entitled.iter().find(|i| i.employer_id == id).and_then(|i| Entitled::from_item(i).ok());
    let used = attended.iter().find(|i| i.employer_id == id).and_then(|i| Attended::from_item(i).ok());
    let balance = ledger.iter().find(|i| i.employer_id == id).and_then(|i| Ledger::from_item(i).ok());
    let current = |q: Option<Quantity>| q.filter(|_| !past);
    let figures = [
        current(right.map(|e| Quantity { amount: e.total, unit: e.unit, hours_per_day: e.hours_per_day })),
        current(used.map(|a| Quantity { amount: a.attended, unit: a.unit, hours_per_day: a.hours_per_day })),
        current(balance.as_ref().and_then(|l| {
            let left = l.row(year)?.remaining().max0();
            Some(Quantity { amount: left, unit: l.unit.clone(), hours_per_day: l.hours_per_day })
        })),
        balance.map(|l| Quantity { amount: l.credit, unit: l.unit, hours_per_day: l.hours_per_day }),
    ];
    EmployerYear { figures, past }
}

/// The sums of the columns in `unit`: a column with a figure missing where one is expected, or
/// one that cannot be put in `unit`, has none.
pub fn sums(each: &[EmployerYear], unit: Unit) -> [Option<Amount>; 4] {
    std::array::from_fn(|col| {
        let expected = each.iter().filter(|e| col == CREDIT || !e.past);
        total_in(expected.map(|e| e.figures[col].as_ref()), unit)
    })
}

/// The year's figures of every employer; `None` with fewer than two, whose own cards say it all.
/// `prefer`: the unit the person prefers, used where every figure can be put in it.
pub fn together(
    year: i32,
    prefer: Option<Unit>,
    employers: &[Employer],
    entitled: &[EntitlementItem],
    attended: &[AttendanceItem],
    ledger: &[LedgerItem],
) -> Option<Together> {
    if employers.len() < 2 {
        return None;
    }
    let each: Vec<EmployerYear> =
        employers.iter().map(|e| employer_year(year, e, entitled, attended, ledger)).collect();
    let unit = common_unit(each.iter().flat_map(|e| e.figures.iter().flatten()), prefer);
    let sums = unit.map(|u| (u, sums(&each, u)));
    Some(Together { each, sums })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::Code;
    use proptest::prelude::*;

    fn quantity() -> impl Strategy<Value = Quantity> {
        (
            0i64..100_000,
            prop_oneof![
                Just(Code::Known(Unit::Days)),
                Just(Code::Known(Unit::Hours)),
                Just(Code::Other("WEEKS".into()))
            ],
            proptest::option::of(prop_oneof![Just(0i64), 1i64..1_200]),
        )
            .prop_map(|(amount, unit, rate)| Quantity {
                amount: Amount::from_hundredths(amount),
                unit,
                hours_per_day: rate.map(Amount::from_hundredths),
            })
    }

    fn employer_year() -> impl Strategy<Value = EmployerYear> {
        (proptest::array::uniform4(proptest::option::of(quantity())), any::<bool>())
            .prop_map(|(figures, past)| EmployerYear { figures, past })
    }

    proptest! {
        /// A column's sum is what its expected figures come to in the unit, each converted with
        /// its own rate; one missing or unconvertible figure leaves the column without a sum.
        #[test]
        fn a_column_adds_up_its_expected_figures(
            each in proptest::collection::vec(employer_year(), 0..6),
            unit in prop_oneof![Just(Unit::Days), Just(Unit::Hours)],
        ) {
            let got = sums(&each, unit);
            for col in 0..4 {
                let mut total = Some(0i64);
                for e in each.iter().filter(|e| col == CREDIT || !e.past) {
                    let converted = e.figures[col].as_ref().and_then(|q| q.in_unit(unit));
                    total = total.zip(converted).map(|(t, c)| t + c.hundredths());
                }
                prop_assert_eq!(got[col].map(Amount::hundredths), total);
            }
        }

        /// The order of the employers does not change what they come to together.
        #[test]
        fn the_order_of_employers_does_not_matter(
            mut each in proptest::collection::vec(employer_year(), 0..6),
            unit in prop_oneof![Just(Unit::Days), Just(Unit::Hours)],
        ) {
            let before = sums(&each, unit);
            each.reverse();
            prop_assert_eq!(sums(&each, unit), before);
        }

        /// The unit they come to together in is one every figure can be put in, the preferred
        /// one whenever it is.
        #[test]
        fn the_common_unit_fits_every_figure(
            all in proptest::collection::vec(quantity(), 0..8),
            prefer in proptest::option::of(prop_oneof![Just(Unit::Days), Just(Unit::Hours)]),
        ) {
            let fits = |u: Unit| all.iter().all(|q| q.in_unit(u).is_some());
            match common_unit(all.iter(), prefer) {
                Some(u) => {
                    prop_assert!(fits(u));
                    prop_assert!(prefer.is_none_or(|p| p == u || !fits(p)));
                }
                None => prop_assert!(!fits(Unit::Days) && !fits(Unit::Hours)),
            }
        }
    }

    #[test]
    fn a_past_employment_has_only_its_credit() {
        let me: crate::contract::Me = crate::domain::demo_fixture("b", "me.json");
        let e: crate::contract::Entitlements = crate::domain::demo_fixture("b", "entitlements-2026.json");
        let a: crate::contract::Attendance = crate::domain::demo_fixture("b", "attendance-2026.json");
        let l: crate::contract::CarryOver = crate::domain::demo_fixture("b", "carry-over.json");
        let t = together(2026, None, &me.employers, &e.items, &a.items, &l.items).unwrap();
        let past = &t.each[1];
        assert!(past.past && past.figures[..CREDIT].iter().all(Option::is_none) && past.figures[CREDIT].is_some());
    }
}
