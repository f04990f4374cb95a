//! Keeping one's own record: each change is one item put or removed (`Edit`), so two tabs that
//! change different items both keep their change, whatever order their writes land in; a copy
//! from a service becomes a record to add to; and the figures a service had sent are set beside
//! the rules' own.

use chrono::Datelike;

use crate::contract::record::{End, KeptEmployment, Record, SectoralRight, SentEntitlement};
use crate::contract::{Basis, CarryOver, Code, Date, Entitlements, Me, Training, Unit};
use crate::domain::amount::{hours_to_days, Amount};
use crate::domain::right::YearFigures;

/// One change to the record.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Adds the employment, or replaces the one with its id.
    PutEmployment(KeptEmployment),
    /// Removes the employment and its trainings.
    RemoveEmployment(String),
    PutTraining(Training),
    RemoveTraining(String),
    /// Replaces everything (a copy kept to add to).
    Replace(Box<Record>),
}

impl Edit {
    pub fn apply(self, record: &mut Record) {
        fn put<T>(items: &mut Vec<T>, item: T, same: impl Fn(&T) -> bool) {
            match items.iter_mut().find(|i| same(i)) {
                Some(old) => *old = item,
                None => items.push(item),
            }
        }
        match self {
            Edit::PutEmployment(e) => {
                let id = e.id.clone();
                put(&mut record.employments, e, |old| old.id == id);
            }
            Edit::RemoveEmployment(id) => {
                record.employments.retain(|e| e.id != id);
                record.trainings.retain(|t| t.employer_id != id);
                record.sent.retain(|s| s.employment_id != id);
            }
            Edit::PutTraining(t) => {
                let id = t.id.clone();
                put(&mut record.trainings, t, |old| old.id == id);
            }
            Edit::RemoveTraining(id) => record.trainings.retain(|t| t.id != id),
            Edit::Replace(all) => *record = *all,
        }
    }
}

/// A new item's id: `prefix` and `random` (from the browser's crypto, so that two tabs adding at
/// once never choose the same one), numbered on should it be taken all the same.
pub fn new_id<'a>(prefix: &str, random: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let base = format!("{prefix}-{random}");
    std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|id| taken.clone().all(|t| t != id))
        .unwrap_or_default()
}

/// A copy's account as a record to add to: each employer an employment (its size band as sent,
/// its sectoral days from the latest sectoral entitlement, its end reason from the ledger), every
/// training, and each year's entitlement in days. The national register number is not taken.
pub fn from_copy(me: &Me, carry_over: &CarryOver, entitlements: &[Entitlements], trainings: Vec<Training>) -> Record {
    let employments = me
        .employers
        .iter()
        .map(|employer| {
            let e = &employer.employment;
            let forfeited = carry_over.items.iter().find(|i| i.employer_id == employer.id).and_then(|i| i.forfeited.as_ref());
            let sectoral = entitlements
                .iter()
                .rev()
                .flat_map(|y| &y.items)
                .find(|i| i.employer_id == employer.id)
                .filter(|i| i.individual.basis == Code::Known(Basis::SectoralCba))
                .map(|i| SectoralRight {
                    days_per_year: i.individual.full_time_value,
                    cba_registration_number: i.individual.cba_registration_number.clone(),
                });
            KeptEmployment {
                id: employer.id.clone(),
                employer_name: employer.name.clone(),
                enterprise_number: Some(employer.enterprise_number.clone()).filter(|n| !n.is_empty()),
                start_date: e.start_date,
                end: e.end_date.map(|date| End { date, reason: forfeited.map(|f| f.reason.clone()) }),
                regime_fraction: e.work_regime.fraction,
                // a band not sent must be chosen by the person before the rules can read it
                size_band: employer.size_band.clone().unwrap_or(Code::Other(String::new())),
                full_time_weekly_hours: e.work_regime.full_time_weekly_hours,
                joint_committee: e.joint_committee.clone(),
                sectoral,
            }
        })
        .collect();
    let sent = entitlements
        .iter()
        .flat_map(|y| y.items.iter().map(move |i| (y.year, i)))
        .filter_map(|(year, i)| {
            let total = Amount::from_f64(i.total)?;
            let days = match i.unit.known()? {
                Unit::Days => total,
                Unit::Hours => hours_to_days(total, Amount::from_f64(i.hours_per_day?)?)?,
            };
            Some(SentEntitlement { year, employment_id: i.employer_id.clone(), days: days.hundredths() as f64 / 100.0 })
        })
        .collect();
    Record { given_name: me.given_name.clone(), family_name: me.family_name.clone(), employments, trainings, sent }
}

/// A year where the service's figure and the rules' differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub year: i32,
    pub employment_id: String,
    pub sent: Amount,
    pub computed: Amount,
}

/// Every year of `sent` whose entitlement the rules put otherwise (by more than a hundredth), or
/// that the rules do not give at all.
pub fn differences(sent: &[SentEntitlement], computed: &[YearFigures]) -> Vec<Difference> {
    sent.iter()
        .filter_map(|s| {
            let sent = Amount::from_f64(s.days)?;
            let computed = computed
                .iter()
                .find(|r| r.year == s.year && r.employment_id == s.employment_id)
                .map_or(Amount::ZERO, |r| r.entitled);
            (!sent.agrees_with(computed)).then(|| Difference {
                year: s.year,
                employment_id: s.employment_id.clone(),
                sent,
                computed,
            })
        })
        .collect()
}

/// The years a record's trainings and employments touch, oldest first.
pub fn years(record: &Record, today: Date) -> Vec<i32> {
    let mut years: Vec<i32> = record
        .employments
        .iter()
        .flat_map(|e| {
            let last = e.end.as_ref().map_or(today.0.year(), |end| end.date.0.year());
            e.start_date.0.year()..=last.max(e.start_date.0.year())
        })
        .chain(record.trainings.iter().map(|t| t.start_date.0.year()))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::{Status, TrainingPage};
    use crate::domain::generated;
    use crate::domain::{demo_fixture, demo_trainings};
    use proptest::prelude::*;

    fn training(id: &str, employer: &str) -> Training {
        generated::a_training(id.into(), employer, Date::parse("2025-03-03").unwrap(), 60, Code::Known(Status::Completed), true)
    }

    #[test]
    fn a_put_replaces_by_id_and_removing_an_employment_removes_its_trainings() {
        let mut r = Record::default();
        Edit::PutTraining(training("t1", "e1")).apply(&mut r);
        Edit::PutTraining(training("t2", "e2")).apply(&mut r);
        Edit::PutTraining(Training { title: "changed".into(), ..training("t1", "e1") }).apply(&mut r);
        assert_eq!(r.trainings.iter().map(|t| t.title.as_str()).collect::<Vec<_>>(), ["changed", "x"]);
        Edit::RemoveEmployment("e1".into()).apply(&mut r);
        assert_eq!(r.trainings.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), ["t2"]);
        assert_eq!(new_id("t", "Xy9", ["t1", "t-Xy9"].into_iter()), "t-Xy9-2");
        assert_eq!(new_id("e", "Ab_3", std::iter::empty()), "e-Ab_3");
    }

    proptest! {
        /// Two tabs each change items of their own: whichever write lands first, both are kept.
        #[test]
        fn edits_to_different_items_commute(mine in generated::trainings(6), theirs in generated::trainings(6)) {
            let theirs: Vec<Training> = theirs.into_iter().map(|t| Training { id: format!("other-{}", t.id), ..t }).collect();
            let (mut one, mut other) = (Record::default(), Record::default());
            for t in &mine { Edit::PutTraining(t.clone()).apply(&mut one); }
            for t in &theirs { Edit::PutTraining(t.clone()).apply(&mut one); }
            for t in &theirs { Edit::PutTraining(t.clone()).apply(&mut other); }
            for t in &mine { Edit::PutTraining(t.clone()).apply(&mut other); }
            let ids = |r: &Record| { let mut ids: Vec<String> = r.trainings.iter().map(|t| t.id.clone()).collect(); ids.sort(); ids };
            prop_assert_eq!(ids(&one), ids(&other));
            prop_assert_eq!(one.trainings.len(), mine.len() + theirs.len());
        }
    }

    #[test]
    fn a_copy_becomes_a_record_without_the_national_number_and_agrees_with_its_own_figures() {
        let me: Me = demo_fixture("a", "me.json");
        let carry_over: CarryOver = demo_fixture("a", "carry-over.json");
        let entitlements: Vec<Entitlements> = vec![demo_fixture("a", "entitlements-2026.json")];
        let record = from_copy(&me, &carry_over, &entitlements, demo_trainings("a"));
        assert_eq!(record.employments.len(), me.employers.len());
        assert_eq!(record.employments[0].employer_name, me.employers[0].name);
        let json = serde_json::to_string(&record).unwrap();
        assert!(!json.contains(&me.ssin), "the national register number is not kept");
        assert!(!record.sent.is_empty());
        let _: TrainingPage = TrainingPage { items: record.trainings.clone(), total: None, next: None };
        let today = Date::parse("2026-12-04").unwrap();
        let right = crate::domain::right::right(&record, today).unwrap();
        let found = differences(&record.sent, &right.years);
        assert!(found.is_empty(), "persona a's service follows the rules: {found:?}");
    }

    #[test]
    fn a_sent_figure_the_rules_do_not_give_is_a_difference() {
        let sent = [SentEntitlement { year: 2025, employment_id: "e1".into(), days: 5.0 }];
        assert_eq!(
            differences(&sent, &[]),
            [Difference { year: 2025, employment_id: "e1".into(), sent: Amount::from_hundredths(500), computed: Amount::ZERO }]
        );
    }
}
