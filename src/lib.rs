//! The employee's training account. Layers, each importing only those below it:
//! `i18n` (the words of four languages) and `contract` (the API's types) at the ground, then
//! `domain` (the rules, as numbers and enums), `present` (domain and language into words,
//! formats, geometry, CSV), `client` (the transport) and `ui` (the views, in the browser only).

pub mod client;
pub mod contract;
pub mod domain;
pub mod i18n;
pub mod present;

#[cfg(target_arch = "wasm32")]
pub mod ui;
