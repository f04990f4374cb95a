//! Pure Rust: no Leptos, no web-sys. Everything here runs and is tested natively.

pub mod amount;
pub mod cards;
pub mod figures;
pub mod format;
pub mod history;
pub mod ids;
pub mod labels;
pub mod training_details;
pub mod years;
