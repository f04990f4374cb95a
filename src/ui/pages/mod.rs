pub mod carry_over;
pub mod dashboard;
pub mod not_found;
pub mod profile;
pub mod record;
pub mod training;
