//! The copy a person keeps of their whole account: every resource exactly as the service sent it
//! (unknown fields and all), in one JSON document whose format and version it names.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::value::RawValue;

use super::Date;

/// The format's name and version, written into every copy.
pub const FORMAT: &str = "training-account-export/1";

/// Every resource of the account, each body as the service sent it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Everything {
    pub me: Box<RawValue>,
    pub carry_over: Box<RawValue>,
    /// Each year's entitlements and attendance, by year.
    pub entitlements: BTreeMap<i32, Box<RawValue>>,
    pub attendance: BTreeMap<i32, Box<RawValue>>,
    pub training_pages: Vec<Box<RawValue>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountCopy<'a> {
    pub format: &'static str,
    pub exported_on: Date,
    #[serde(flatten)]
    pub all: &'a Everything,
}

impl AccountCopy<'_> {
    pub fn to_json(&self) -> String {
        // a map of strings and raw JSON cannot fail to serialize
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str) -> Box<RawValue> {
        RawValue::from_string(text.into()).unwrap()
    }

    #[test]
    fn the_whole_account_is_one_json_document_with_every_body_as_sent() {
        let all = Everything {
            me: raw(r#"{"ssin":"1","extra":[1]}"#),
            carry_over: raw(r#"{"items":[]}"#),
            entitlements: BTreeMap::from([(2025, raw(r#"{"year":2025}"#))]),
            attendance: BTreeMap::from([(2025, raw(r#"{"year":2025,"items":[]}"#))]),
            training_pages: vec![raw(r#"{"items":[]}"#), raw(r#"{ "items": [], "next": null }"#)],
        };
        let text = AccountCopy { format: FORMAT, exported_on: Date::parse("2026-11-28").unwrap(), all: &all }.to_json();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!((v["format"].as_str(), v["exportedOn"].as_str()), (Some(FORMAT), Some("2026-11-28")));
        assert_eq!(v["me"]["extra"][0], 1, "unknown fields kept");
        assert_eq!(v["entitlements"]["2025"]["year"], 2025);
        assert_eq!(v["attendance"]["2025"]["items"], serde_json::json!([]));
        assert!(text.contains(r#"{ "items": [], "next": null }"#), "each body byte for byte");
    }
}
