//! The employee's training account. Data flows one way: config -> api -> domain -> views;
//! `i18n` holds the words all of them show.

pub mod api;
pub mod config;
pub mod domain;
pub mod i18n;
pub mod markup;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
pub mod widget;
