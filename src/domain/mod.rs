//! Pure Rust: no Leptos, no web-sys. Everything here runs and is tested natively.

pub mod amount;
pub mod cards;
pub mod chart;
pub mod combined;
pub mod export;
pub mod figures;
pub mod format;
pub mod history;
pub mod history_filter;
pub mod ids;
pub mod labels;
pub mod ledger_table;
pub mod listed_totals;
pub mod notices;
pub mod profile;
pub mod training_details;
pub mod widget;
pub mod years;

/// One of the demo personas' fixture files as its contract type, for the tests of this layer.
#[cfg(test)]
pub(crate) fn demo_fixture<T: crate::api::json::FromJson>(persona: &str, name: &str) -> T {
    let path = format!("{}/demo/fixtures/{persona}/{name}", env!("CARGO_MANIFEST_DIR"));
    crate::api::json::parse(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The demo personas' trainings, for the tests of this layer.
#[cfg(test)]
pub(crate) fn demo_trainings(persona: &str) -> Vec<crate::api::dto::Training> {
    let path = format!("{}/demo/fixtures/{persona}/trainings.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    crate::api::json::parse::<crate::api::dto::TrainingPage>(&format!("{{\"items\":{text}}}")).unwrap().items
}
