//! The rules over the contract: amounts and units, the ledger and its findings, identifiers,
//! the history and its filters, the years on record. Facts as numbers and enums, no words;
//! pure Rust without Leptos or web-sys, tested natively.

pub mod address;
pub mod amount;
pub mod as_served;
pub mod figures;
pub mod history;
pub mod history_filter;
pub mod ids;
pub mod keep;
pub mod record_form;
pub mod listed_totals;
pub mod right;
pub mod sign_in;
pub mod together;
pub mod years;

/// One of the demo personas' fixture files as its contract type, for the tests of this layer.
#[cfg(test)]
pub(crate) fn demo_fixture<T: serde::de::DeserializeOwned>(persona: &str, name: &str) -> T {
    let path = format!("{}/demo/fixtures/{persona}/{name}", env!("CARGO_MANIFEST_DIR"));
    crate::contract::decode(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The demo personas' trainings, for the tests of this layer.
#[cfg(test)]
pub(crate) fn demo_trainings(persona: &str) -> Vec<crate::contract::Training> {
    let path = format!("{}/demo/fixtures/{persona}/trainings.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    crate::contract::decode::<crate::contract::TrainingPage>(&format!("{{\"items\":{text}}}")).unwrap().items
}

/// Generated contract data for the property tests of this layer.
#[cfg(test)]
pub(crate) mod generated {
    use chrono::NaiveDate;
    use proptest::prelude::*;

    use crate::contract::{Code, Date, Provider, RegisteredBy, Status, Training, TrainingType};

    pub fn date(year: i32) -> impl Strategy<Value = Date> {
        (1u32..=12, 1u32..=28).prop_map(move |(m, d)| Date(NaiveDate::from_ymd_opt(year, m, d).unwrap()))
    }

    fn code<T: Clone + std::fmt::Debug + 'static>(known: Vec<T>) -> impl Strategy<Value = Code<T>> {
        prop_oneof![4 => proptest::sample::select(known).prop_map(Code::Known), 1 => Just(Code::Other("LATER".into()))]
    }

    /// A training of one of two employers between 2022 and 2026, its `id` from `n`.
    pub fn training(n: usize) -> impl Strategy<Value = Training> {
        let kinds = vec![TrainingType::Formal, TrainingType::Informal];
        let statuses = vec![Status::Completed, Status::NotAttended, Status::Reserved, Status::Unsuitable];
        (
            (2022i32..=2026).prop_flat_map(date),
            proptest::sample::select(vec!["e1", "e2"]),
            "[a-zA-Z ]{0,10}",
            proptest::option::of("[a-zA-Z]{0,8}"),
            0u32..3_000,
            code(kinds),
            code(statuses),
            any::<bool>(),
        )
            .prop_map(move |(start, employer, title, provider, minutes, kind, status, counts)| Training {
                title,
                provider: provider.map(|name| Provider { name, enterprise_number: None }),
                kind,
                ..a_training(format!("t-{n}"), employer, start, minutes, status, counts)
            })
    }

    /// A training of one day with nothing optional, for tests that set what they look at.
    pub fn a_training(id: String, employer: &str, start: Date, minutes: u32, status: Code<Status>, counts: bool) -> Training {
        Training {
            id,
            employer_id: employer.into(),
            title: "x".into(),
            provider: None,
            start_date: start,
            end_date: start,
            duration_minutes: minutes,
            kind: Code::Known(TrainingType::Formal),
            status,
            counts_towards_right: counts,
            result: None,
            funding: None,
            registered_by: Code::Known(RegisteredBy::Employer),
            registered_on: None,
            content: None,
        }
    }

    /// Up to `max` trainings, each with its own id.
    pub fn trainings(max: usize) -> impl Strategy<Value = Vec<Training>> {
        (0..=max).prop_flat_map(|n| (0..n).map(training).collect::<Vec<_>>())
    }
}
