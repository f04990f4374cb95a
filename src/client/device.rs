//! The on-device source: the contract's resources answered from a copy the person opened in the
//! browser, by the same paths as the service (`resources`), so that no view knows which source it
//! reads. Nothing leaves the device. Pure Rust: tested natively.

use chrono::Datelike;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::contract::copy::KeptCopy;
use crate::contract::{ApiError, Date};

#[derive(Debug)]
pub struct Device {
    pub copy: KeptCopy,
    /// Every training of the copy's pages, as it was sent, with what the paths select it by.
    trainings: Vec<(Keys, Box<RawValue>)>,
}

/// What a training is found by.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Keys {
    id: String,
    start_date: Date,
}

#[derive(Deserialize)]
struct RawPage {
    items: Vec<Box<RawValue>>,
}

#[derive(Serialize)]
struct Page<'a> {
    items: Vec<&'a RawValue>,
    total: usize,
}

impl Device {
    /// A copy opened by `KeptCopy::open` (every page already read as a `TrainingPage`).
    pub fn new(copy: KeptCopy) -> Device {
        let trainings = copy
            .all
            .training_pages
            .iter()
            .filter_map(|page| serde_json::from_str::<RawPage>(page.get()).ok())
            .flat_map(|page| page.items)
            .filter_map(|item| Some((serde_json::from_str::<Keys>(item.get()).ok()?, item)))
            .collect();
        Device { copy, trainings }
    }

    /// The body the service would answer for `path` (a resource path of `resources`, with its
    /// query), or the error it would: 404 for what the copy does not hold.
    pub fn answer(&self, path: &str) -> Result<String, ApiError> {
        let (path, query) = path.trim_start_matches('/').split_once('?').unwrap_or((path.trim_start_matches('/'), ""));
        let param = |key: &str| form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == key).map(|(_, v)| v.into_owned());
        let year = || param("year").and_then(|y| y.parse::<i32>().ok());
        let all = &self.copy.all;
        let body = match path.split('/').collect::<Vec<_>>().as_slice() {
            ["v1", "me"] => Some(all.me.get().to_string()),
            ["v1", "me", "carry-over"] => Some(all.carry_over.get().to_string()),
            ["v1", "me", "entitlements"] => year().and_then(|y| all.entitlements.get(&y)).map(|b| b.get().to_string()),
            ["v1", "me", "attendance"] => year().and_then(|y| all.attendance.get(&y)).map(|b| b.get().to_string()),
            ["v1", "me", "trainings"] => Some(self.page(year())),
            ["v1", "me", "trainings", id] => {
                let id = percent_encoding::percent_decode_str(id).decode_utf8_lossy();
                self.trainings.iter().find(|(keys, _)| keys.id == id).map(|(_, item)| item.get().to_string())
            }
            _ => None,
        };
        body.ok_or(ApiError::NotFound)
    }

    /// Every training of `year` (or all), in one page: the copy is all there is.
    fn page(&self, year: Option<i32>) -> String {
        let items: Vec<&RawValue> = self
            .trainings
            .iter()
            .filter(|(keys, _)| year.is_none_or(|y| keys.start_date.0.year() == y))
            .map(|(_, item)| item.as_ref())
            .collect();
        // raw bodies and a number cannot fail to serialize
        serde_json::to_string(&Page { total: items.len(), items }).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::resources;
    use crate::contract::{decode, CarryOver, Entitlements, Me, Training, TrainingPage};

    fn device() -> Device {
        let read = |name: &str| {
            std::fs::read_to_string(format!("{}/demo/fixtures/a/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
        };
        let text = format!(
            r#"{{"exportedOn":"2026-12-04","me":{},"carryOver":{},"entitlements":{{"2026":{}}},"attendance":{{"2026":{}}},"trainingPages":[{{"items":{}}}]}}"#,
            read("me.json"),
            read("carry-over.json"),
            read("entitlements-2026.json"),
            read("attendance-2026.json"),
            read("trainings.json"),
        );
        Device::new(KeptCopy::open(&text).unwrap())
    }

    #[test]
    fn the_contracts_paths_are_answered_from_the_copy() {
        let d = device();
        let me: Me = decode(&d.answer(&resources::me().path).unwrap()).unwrap();
        assert!(!me.ssin.is_empty());
        let _: CarryOver = decode(&d.answer(&resources::carry_over().path).unwrap()).unwrap();
        let e: Entitlements = decode(&d.answer(&resources::entitlements(2026).path).unwrap()).unwrap();
        assert_eq!(e.year, 2026);
        assert_eq!(d.answer(&resources::entitlements(2019).path), Err(ApiError::NotFound), "a year not kept");
        assert_eq!(d.answer("v1/elsewhere"), Err(ApiError::NotFound));
    }

    #[test]
    fn the_history_is_one_page_filtered_by_year_and_each_training_is_found_by_its_id() {
        let d = device();
        let all: TrainingPage = decode(&d.answer(&resources::whole_history().path).unwrap()).unwrap();
        assert_eq!((all.total, all.next), (Some(d.trainings.len() as u32), None));
        let of_2025: TrainingPage = decode(&d.answer(&resources::trainings(20, Some(2025))).unwrap()).unwrap();
        assert!(!of_2025.items.is_empty() && of_2025.items.iter().all(|t| t.start_date.0.year() == 2025));
        let first = &all.items[0];
        let found: Training = decode(&d.answer(&resources::training(&first.id).path).unwrap()).unwrap();
        assert_eq!(&found, first);
        assert_eq!(d.answer(&resources::training("no such id").path), Err(ApiError::NotFound));
    }
}
