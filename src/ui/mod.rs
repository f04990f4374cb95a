//! The views, in the browser only: thin components over the layers below, one concern a file.

pub mod address;
pub mod app;
pub mod breakdown;
pub mod choices;
pub mod clock;
pub mod data_table;
pub mod download;
pub mod employer_header;
pub mod figure_card;
pub mod focus;
pub mod frame;
pub mod history_filters;
pub mod keep_a_copy;
pub mod language;
pub mod ledger_chart;
pub mod loaded;
pub mod notices;
mod pages;
pub mod site_nav;
pub mod storage;
pub mod training_history;
pub mod training_list;
pub mod unit_choice;
pub mod widget;
