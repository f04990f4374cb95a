//! The on-device source: the contract's resources answered by the same paths as the service
//! (`resources`), so that no view knows which source it reads, from a copy the person opened
//! (its bodies as sent) or from the record they keep (its figures computed by the rules,
//! `domain::as_served`). Nothing leaves the device. Pure Rust: tested natively.

use std::sync::RwLock;

use chrono::Datelike;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::contract::copy::{KeptCopy, Label, Missing};
use crate::contract::record::Record;
use crate::contract::{decode, ApiError, CarryOver, Date, Entitlements, Me, Training};
use crate::domain::{as_served, keep};
use super::LocalSource;

#[derive(Debug)]
pub enum Device {
    Copy(Opened),
    /// The record, replaced as the person changes it; figures as of `today`.
    Kept { record: RwLock<Record>, today: Date },
}

#[derive(Debug)]
pub struct Opened {
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
        Device::Copy(Opened::new(copy))
    }

    pub fn kept(record: Record, today: Date) -> Device {
        Device::Kept { record: RwLock::new(record), today }
    }

    /// What an opened copy says of itself.
    pub fn label(&self) -> Option<&Label> {
        match self {
            Device::Copy(opened) => Some(&opened.copy.label),
            Device::Kept { .. } => None,
        }
    }

    /// What an opened copy lacks: the resources its service did not give.
    pub fn missing(&self) -> &[Missing] {
        match self {
            Device::Copy(opened) => &opened.copy.all.missing,
            Device::Kept { .. } => &[],
        }
    }

    /// The kept record, as it is now (empty for a copy).
    pub fn record(&self) -> Record {
        match self {
            Device::Kept { record, .. } => record.read().map(|r| r.clone()).unwrap_or_default(),
            Device::Copy(_) => Record::default(),
        }
    }

    /// An opened copy as a record to add to (`domain::keep::from_copy`), its bodies read again as
    /// their types (`KeptCopy::open` checked them all).
    pub fn as_record(&self) -> Option<Record> {
        let Device::Copy(opened) = self else { return None };
        let all = &opened.copy.all;
        let me: Me = decode(all.me.as_ref()?.get()).ok()?;
        // without the ledger, only the reasons employments ended are unknown
        let carry_over: CarryOver = all.carry_over.as_ref().and_then(|b| decode(b.get()).ok()).unwrap_or_default();
        let entitlements: Vec<Entitlements> = all.entitlements.values().filter_map(|b| decode(b.get()).ok()).collect();
        let trainings = opened.trainings.iter().filter_map(|(_, item)| decode::<Training>(item.get()).ok()).collect();
        Some(keep::from_copy(&me, &carry_over, &entitlements, trainings))
    }

    /// Puts the record's latest state in place, for the next answers.
    pub fn replace(&self, new: Record) {
        if let Device::Kept { record, .. } = self {
            if let Ok(mut r) = record.write() {
                *r = new;
            }
        }
    }
}

impl LocalSource for Device {
    /// The body the service would answer for `path` (a resource path of `resources`, with its
    /// query), or the error it would: 404 for what the source does not hold.
    fn answer(&self, path: &str) -> Result<String, ApiError> {
        match self {
            Device::Copy(opened) => opened.answer(path),
            Device::Kept { record, today } => {
                let record = record.read().map_err(|_| ApiError::NotFound)?;
                computed(&record, *today, path)
            }
        }
    }

    fn source(&self) -> Option<String> {
        self.label().and_then(|l| l.source.clone())
    }
}

/// The path and its query parameter `year`.
fn route(path: &str) -> (Vec<&str>, Option<i32>) {
    let (path, query) = path.trim_start_matches('/').split_once('?').unwrap_or((path.trim_start_matches('/'), ""));
    let year = form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "year")
        .and_then(|(_, v)| v.parse::<i32>().ok());
    (path.split('/').collect(), year)
}

fn json<T: Serialize>(value: &T) -> String {
    // the contract's types hold strings, numbers and dates: they cannot fail to serialize
    serde_json::to_string(value).unwrap_or_default()
}

/// The record's figures, by the rules, at the contract's paths.
fn computed(record: &Record, today: Date, path: &str) -> Result<String, ApiError> {
    let (parts, year) = route(path);
    let body = match parts.as_slice() {
        ["v1", "me"] => Some(json(&as_served::me(record, today))),
        ["v1", "me", "carry-over"] => Some(json(&as_served::carry_over(record, today))),
        ["v1", "me", "entitlements"] => year.map(|y| json(&as_served::entitlements(record, y))),
        ["v1", "me", "attendance"] => year.map(|y| json(&as_served::attendance(record, y))),
        ["v1", "me", "trainings"] => Some(json(&as_served::trainings(record, year))),
        ["v1", "me", "trainings", id] => {
            let id = percent_encoding::percent_decode_str(id).decode_utf8_lossy();
            record.trainings.iter().find(|t| t.id == id).map(json)
        }
        _ => None,
    };
    body.ok_or(ApiError::NotFound)
}

impl Opened {
    fn new(copy: KeptCopy) -> Opened {
        let trainings = copy
            .all
            .training_pages
            .iter()
            .filter_map(|page| serde_json::from_str::<RawPage>(page.get()).ok())
            .flat_map(|page| page.items)
            .filter_map(|item| Some((serde_json::from_str::<Keys>(item.get()).ok()?, item)))
            .collect();
        Opened { copy, trainings }
    }

    fn answer(&self, path: &str) -> Result<String, ApiError> {
        let (parts, year) = route(path);
        let all = &self.copy.all;
        let body = match parts.as_slice() {
            ["v1", "me"] => all.me.as_ref().map(|b| b.get().to_string()),
            ["v1", "me", "carry-over"] => all.carry_over.as_ref().map(|b| b.get().to_string()),
            ["v1", "me", "entitlements"] => year.and_then(|y| all.entitlements.get(&y)).map(|b| b.get().to_string()),
            ["v1", "me", "attendance"] => year.and_then(|y| all.attendance.get(&y)).map(|b| b.get().to_string()),
            // a history the copy lacks is not an empty one
            ["v1", "me", "trainings"] if self.lacks("trainingPages") => None,
            ["v1", "me", "trainings"] => Some(self.page(year)),
            ["v1", "me", "trainings", id] => {
                let id = percent_encoding::percent_decode_str(id).decode_utf8_lossy();
                self.trainings.iter().find(|(keys, _)| keys.id == id).map(|(_, item)| item.get().to_string())
            }
            _ => None,
        };
        body.ok_or(ApiError::NotFound)
    }

    /// Whether the copy says it lacks `resource` (its place in the copy).
    fn lacks(&self, resource: &str) -> bool {
        self.copy.all.missing.iter().any(|m| m.resource == resource)
    }

    /// Every training of `year` (or all), in one page: the copy is all there is.
    fn page(&self, year: Option<i32>) -> String {
        let items: Vec<&RawValue> = self
            .trainings
            .iter()
            .filter(|(keys, _)| year.is_none_or(|y| keys.start_date.0.year() == y))
            .map(|(_, item)| item.as_ref())
            .collect();
        json(&Page { total: items.len(), items })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::resources;
    use crate::contract::TrainingPage;

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
        assert_eq!((all.total, all.next), (Some(all.items.len() as u32), None));
        assert!(all.items.len() > 3);
        let of_2025: TrainingPage = decode(&d.answer(&resources::trainings(20, Some(2025))).unwrap()).unwrap();
        assert!(!of_2025.items.is_empty() && of_2025.items.iter().all(|t| t.start_date.0.year() == 2025));
        let first = &all.items[0];
        let found: Training = decode(&d.answer(&resources::training(&first.id).path).unwrap()).unwrap();
        assert_eq!(&found, first);
        assert_eq!(d.answer(&resources::training("no such id").path), Err(ApiError::NotFound));
        let record = d.as_record().unwrap();
        assert_eq!(record.trainings.len(), all.items.len());
        assert!(!serde_json::to_string(&record).unwrap().contains(&decode::<Me>(&d.answer("v1/me").unwrap()).unwrap().ssin));
    }

    #[test]
    fn a_kept_record_is_answered_with_its_figures_and_follows_its_changes() {
        let record: Record = decode(
            r#"{"givenName":"An","employments":[{"id":"e1","employerName":"Brico","startDate":"2024-01-01","regimeFraction":1,"sizeBand":"20_OR_MORE"}],
                "trainings":[{"id":"t 1","employerId":"e1","title":"Excel","startDate":"2025-03-20","endDate":"2025-03-20",
                "durationMinutes":456,"type":"FORMAL","status":"COMPLETED","countsTowardsRight":true,"registeredBy":"EMPLOYER"}]}"#,
        )
        .unwrap();
        let d = Device::kept(record.clone(), Date::parse("2026-12-04").unwrap());
        let e: Entitlements = decode(&d.answer(&resources::entitlements(2025).path).unwrap()).unwrap();
        assert_eq!(e.items[0].total, 5.0);
        let me: Me = decode(&d.answer(&resources::me().path).unwrap()).unwrap();
        assert_eq!((me.given_name.as_str(), me.ssin.as_str(), me.employers[0].name.as_str()), ("An", "", "Brico"));
        let t: Training = decode(&d.answer(&resources::training("t 1").path).unwrap()).unwrap();
        assert_eq!(t.duration_minutes, 456);
        let c: CarryOver = decode(&d.answer(&resources::carry_over().path).unwrap()).unwrap();
        assert_eq!(c.items[0].credit_balance, 14.0, "5 + 5 - 1 + 5");
        d.replace(Record { trainings: vec![], ..record });
        let c: CarryOver = decode(&d.answer(&resources::carry_over().path).unwrap()).unwrap();
        assert_eq!(c.items[0].credit_balance, 15.0);
        assert_eq!(d.label().map(|l| l.source.clone()), None);
    }
}
