//! The resources of api-v1.md: each a path relative to `apiBaseUrl` and the contract type it
//! returns. scripts/early.js asks for the dashboard's before the wasm is in, by these same paths.

use std::marker::PhantomData;

use crate::contract::{Attendance, CarryOver, Entitlements, Me, Training, TrainingPage};
use crate::domain::address::segment;

/// A resource's path relative to `apiBaseUrl`, typed by what it returns.
pub struct Resource<T> {
    pub path: String,
    kind: PhantomData<fn() -> T>,
}

impl<T> Resource<T> {
    fn at(path: String) -> Resource<T> {
        Resource { path, kind: PhantomData }
    }
}

/// Joins the configured base and a resource path with exactly one slash.
pub fn join(base: &str, path: &str) -> String {
    format!("{}/{}", base.trim_end_matches('/'), path.trim_start_matches('/'))
}

pub fn me() -> Resource<Me> {
    Resource::at("v1/me".into())
}

pub fn entitlements(year: i32) -> Resource<Entitlements> {
    Resource::at(format!("v1/me/entitlements?year={year}"))
}

pub fn attendance(year: i32) -> Resource<Attendance> {
    Resource::at(format!("v1/me/attendance?year={year}"))
}

pub fn carry_over() -> Resource<CarryOver> {
    Resource::at("v1/me/carry-over".into())
}

pub fn training(id: &str) -> Resource<Training> {
    Resource::at(format!("v1/me/trainings/{}", segment(id)))
}

/// Every training on record: the first of large pages, whose `next` links are followed to the end.
pub fn whole_history() -> Resource<Vec<Training>> {
    Resource::at(trainings(MAX_PAGE_SIZE, None))
}

/// The newest trainings on record, the ones still to come among them.
pub fn newest_trainings() -> Resource<TrainingPage> {
    Resource::at(trainings(PAGE_SIZE, None))
}

/// Trainings a history page asks for.
pub const PAGE_SIZE: u32 = 20;
/// The largest page the contract allows (`limit`, docs/api-v1.md), for fetching the whole history:
/// a service that sends fewer adds `next` links. `scripts/early.js` asks for the same first page.
pub const MAX_PAGE_SIZE: u32 = 500;

/// The first page of the history, of one year or all; later pages follow the `next` links.
pub fn trainings(limit: u32, year: Option<i32>) -> String {
    match year {
        Some(year) => format!("v1/me/trainings?limit={limit}&year={year}"),
        None => format!("v1/me/trainings?limit={limit}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_base_and_a_path_meet_at_one_slash() {
        for (base, path) in [("/api", "v1/me"), ("/api/", "/v1/me"), ("/api//", "//v1/me")] {
            assert_eq!(join(base, path), "/api/v1/me");
        }
        assert_eq!(join("https://hr.example.be/api/", "v1/me"), "https://hr.example.be/api/v1/me");
    }

    #[test]
    fn a_training_id_stays_in_its_own_segment() {
        let path = training("t/../../admin?x=1#y").path;
        assert_eq!(path.split('/').count(), 4, "v1/me/trainings/<id>: {path}");
        assert!(!path.contains(['?', '#']), "{path}");
    }
}
