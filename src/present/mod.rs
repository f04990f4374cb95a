//! The domain and a language into what a person reads: words, numbers and dates written the
//! Belgian way, the cards' contents, the chart's geometry, CSV: plain data, never markup. Pure
//! Rust: no Leptos, no web-sys; tested natively.

pub mod cards;
pub mod carry_over;
pub mod chart;
pub mod combined;
pub mod export;
pub mod findings;
pub mod format;
pub mod labels;
pub mod ledger_table;
pub mod messages;
pub mod notices;
pub mod profile;
pub mod record;
pub mod sign_in;
pub mod training_details;
pub mod usage;
pub mod who;
pub mod widget;
