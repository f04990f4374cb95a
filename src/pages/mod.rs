pub mod dashboard;
pub mod not_found;
pub mod training;
