//! The employee's training account. Data flows one way: config -> api -> domain -> views.

pub mod api;
pub mod config;
pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
mod pages;
