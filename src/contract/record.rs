//! The record a person keeps of their own account, on their device: the employments and trainings
//! they entered (or took from a copy), as the app stores it (`Stored`, one versioned document)
//! and writes it into the copies it exports. The rules read it in `domain::right`.

use serde::{Deserialize, Serialize};

use super::{decode, Code, Date, ForfeitReason, Refusal, SizeBand, Training};

/// The stored document's schema. Each later schema adds a step to `Stored::open`'s ladder, which
/// reads every earlier one; a newer one is refused, never overwritten.
pub const SCHEMA: u32 = 1;

/// The person's own record: what they entered, stored and exported as it is.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    /// Their name, for the pages' header; never the national register number.
    #[serde(default)]
    pub given_name: String,
    #[serde(default)]
    pub family_name: String,
    #[serde(default)]
    pub employments: Vec<KeptEmployment>,
    /// The contract's trainings; a training's `employerId` is the `id` of its employment.
    #[serde(default)]
    pub trainings: Vec<Training>,
    /// The figures a service had sent, when the record was started from a copy: each year's
    /// entitlement per employment, in days, to be set beside the app's own computation.
    #[serde(default)]
    pub sent: Vec<SentEntitlement>,
}

/// An employment as the person entered it, numbers as typed; `terms` reads it for the rules.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeptEmployment {
    /// Unique in the record.
    pub id: String,
    #[serde(default)]
    pub employer_name: String,
    /// The employer's KBO/BCE number, when the person entered it (checked by its checksum).
    pub enterprise_number: Option<String>,
    pub start_date: Date,
    pub end: Option<End>,
    /// 0 < fraction <= 1 (0.8 for 4/5).
    pub regime_fraction: f64,
    pub size_band: Code<SizeBand>,
    /// A day of training is these hours / 5, the usual basis (domain.md). Without them, 38 hours
    /// (7.6 a day): an assumption the person can correct, since no back end sends a rate here.
    #[serde(default = "usual_full_time_weekly_hours")]
    pub full_time_weekly_hours: f64,
    pub joint_committee: Option<String>,
    pub sectoral: Option<SectoralRight>,
}

pub fn usual_full_time_weekly_hours() -> f64 {
    38.0
}

/// How an employment ended: the contract's reasons (resignation, dismissal for serious cause,
/// other), or none said.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct End {
    pub date: Date,
    pub reason: Option<Code<ForfeitReason>>,
}

/// The days per full-time year a sectoral collective agreement sets, with its registration
/// number (carried along, not read by the rules).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SectoralRight {
    pub days_per_year: f64,
    pub cba_registration_number: Option<String>,
}

/// A year's entitlement at one employment as a service sent it, in days.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SentEntitlement {
    pub year: i32,
    pub employment_id: String,
    pub days: f64,
}

/// The document stored on the device.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Stored {
    pub schema: u32,
    pub record: Record,
}

/// Why a stored document is not read.
#[derive(Clone, Debug, PartialEq)]
pub enum Unreadable {
    /// Written by a newer version of the app: left as it is.
    Newer(u32),
    Invalid(Refusal),
}

#[derive(Deserialize)]
struct Schema {
    schema: u32,
}

impl Stored {
    pub fn new(record: Record) -> Stored {
        Stored { schema: SCHEMA, record }
    }

    /// A stored document of this schema or an earlier one, brought up to this one.
    pub fn open(text: &str) -> Result<Stored, Unreadable> {
        let Schema { schema } = decode(text).map_err(Unreadable::Invalid)?;
        match schema {
            SCHEMA => decode(text).map_err(Unreadable::Invalid),
            newer => Err(Unreadable::Newer(newer)),
        }
    }

    pub fn to_json(&self) -> String {
        // strings, numbers and dates cannot fail to serialize
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_record_reads_back_as_it_was_written() {
        let text = r#"{"schema":1,"record":{"givenName":"An","employments":[{"id":"e1","employerName":"Brico","enterpriseNumber":null,"startDate":"2024-03-15","end":{"date":"2025-06-30","reason":"RESIGNATION"},"regimeFraction":0.8,"sizeBand":"20_OR_MORE","jointCommittee":"200","sectoral":null}]}}"#;
        let stored = Stored::open(text).unwrap();
        let e = &stored.record.employments[0];
        assert_eq!((e.full_time_weekly_hours, e.regime_fraction), (38.0, 0.8), "the usual 38 hours when none were stored");
        assert_eq!(Stored::open(&stored.to_json()), Ok(stored.clone()));
        assert_eq!(stored.record.family_name, "");
    }

    #[test]
    fn a_newer_or_broken_document_is_named_and_not_read() {
        assert_eq!(Stored::open(r#"{"schema":2,"record":{"employments":"who knows"}}"#), Err(Unreadable::Newer(2)));
        match Stored::open(r#"{"schema":1,"record":{"employments":[{"id":"e1"}]}}"#) {
            Err(Unreadable::Invalid(r)) => assert_eq!(r.path, "record.employments[0]", "{r}"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(Stored::open(r#"{"record":{}}"#), Err(Unreadable::Invalid(r)) if r.why.contains("schema")));
    }
}
