//! Pure Rust: no Leptos, no web-sys. Everything here runs and is tested natively.

pub mod amount;
pub mod cards;
pub mod chart;
pub mod export;
pub mod figures;
pub mod format;
pub mod history;
pub mod ids;
pub mod labels;
pub mod ledger_table;
pub mod notices;
pub mod profile;
pub mod training_details;
pub mod years;
