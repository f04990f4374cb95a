//! The copy a person keeps of their whole account: every resource exactly as the service sent it
//! (unknown fields and all), in one JSON document whose format and version it names, and where it
//! came from. It opens again (`KeptCopy::open`): every body is read as its contract type, and a
//! refusal names the field in the file.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{decode, CarryOver, Date, Entitlements, Attendance, Me, Refusal, TrainingPage};

/// The format's name and version, written into every copy.
pub const FORMAT: &str = "training-account-export/1";

/// The part of the format's name before its version.
const FORMAT_NAME: &str = "training-account-export/";

/// Every resource of the account, each body as the service sent it; one the service did not give
/// (or gave broken) is left out, and named in `missing`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Everything {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub me: Option<Box<RawValue>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carry_over: Option<Box<RawValue>>,
    /// Each year's entitlements and attendance, by year.
    #[serde(default)]
    pub entitlements: BTreeMap<i32, Box<RawValue>>,
    #[serde(default)]
    pub attendance: BTreeMap<i32, Box<RawValue>>,
    #[serde(default)]
    pub training_pages: Vec<Box<RawValue>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<Missing>,
}

/// A resource left out of a copy: where it would be in the copy (`carryOver`,
/// `entitlements.2026`, `trainingPages`), and why, as the app met it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Missing {
    pub resource: String,
    pub why: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountCopy<'a> {
    pub format: &'static str,
    pub exported_on: Date,
    /// The service the copy was made from (its address), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    #[serde(flatten)]
    pub all: &'a Everything,
}

/// What a kept copy says of itself; every field is optional, so that copies made before one of
/// them was written still open.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Label {
    pub format: Option<String>,
    pub exported_on: Option<Date>,
    pub source: Option<String>,
}

/// A copy opened again: its label and its bodies, each known to read as its contract type.
#[derive(Debug)]
pub struct KeptCopy {
    pub label: Label,
    pub all: Everything,
}

/// Why a file does not open as a copy.
#[derive(Clone, Debug, PartialEq)]
pub enum NotACopy {
    /// Not JSON, or JSON without the account's resources.
    Unknown(Refusal),
    /// A copy of a later version of the format than this app reads.
    Newer(String),
    /// A copy whose resource does not read as the contract says, at the field named.
    Invalid(Refusal),
}

impl KeptCopy {
    pub fn open(text: &str) -> Result<KeptCopy, NotACopy> {
        // read twice: serde cannot flatten raw bodies, and each pass ignores the other's fields
        let label: Label = decode(text).map_err(NotACopy::Unknown)?;
        match label.format.as_deref() {
            None | Some(FORMAT) => {}
            Some(other) if other.starts_with(FORMAT_NAME) => return Err(NotACopy::Newer(other.into())),
            Some(other) => {
                let why = format!("its format is \"{other}\", not {FORMAT}");
                return Err(NotACopy::Unknown(Refusal { path: "format".into(), why, syntax: false }));
            }
        }
        let all: Everything = decode(text).map_err(NotACopy::Unknown)?;
        match &all.me {
            Some(me) => check::<Me>(me, "me".into())?,
            // a copy holds the profile, or says why not: any other JSON is no copy
            None if !all.missing.iter().any(|m| m.resource == "me") => {
                let why = "missing field `me`".to_string();
                return Err(NotACopy::Unknown(Refusal { path: String::new(), why, syntax: false }));
            }
            None => {}
        }
        if let Some(carry_over) = &all.carry_over {
            check::<CarryOver>(carry_over, "carryOver".into())?;
        }
        for (year, body) in &all.entitlements {
            check::<Entitlements>(body, format!("entitlements.{year}"))?;
        }
        for (year, body) in &all.attendance {
            check::<Attendance>(body, format!("attendance.{year}"))?;
        }
        for (i, page) in all.training_pages.iter().enumerate() {
            check::<TrainingPage>(page, format!("trainingPages[{i}]"))?;
        }
        Ok(KeptCopy { label, all })
    }
}

/// A body reads as `T`; a refusal is named from the copy's top (`me.employers[0].name`).
fn check<T: DeserializeOwned>(body: &RawValue, at: String) -> Result<(), NotACopy> {
    decode::<T>(body.get()).map(drop).map_err(|r| {
        let path = if r.path.is_empty() { at } else { format!("{at}.{}", r.path) };
        NotACopy::Invalid(Refusal { path, ..r })
    })
}

impl Everything {
    /// The same account with the profile's national register number left empty (as a record kept
    /// by hand has it), for what is kept on a device, where it must never be. The profile's other
    /// fields, known or not, stay as they were.
    pub fn without_ssin(self) -> Result<Everything, Refusal> {
        let Some(me) = &self.me else { return Ok(self) };
        // each field as it was sent, read and written as raw JSON (no `Value` tree: fewer bytes)
        let mut me: BTreeMap<String, Box<RawValue>> = decode(me.get())?;
        let refused = |e: serde_json::Error| Refusal { path: "me".into(), why: e.to_string(), syntax: false };
        me.insert("ssin".into(), RawValue::from_string("\"\"".into()).map_err(refused)?);
        let me = serde_json::value::to_raw_value(&me).map_err(refused)?;
        Ok(Everything { me: Some(me), ..self })
    }
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
            me: Some(raw(r#"{"ssin":"1","extra":[1]}"#)),
            carry_over: Some(raw(r#"{"items":[]}"#)),
            entitlements: BTreeMap::from([(2025, raw(r#"{"year":2025}"#))]),
            attendance: BTreeMap::from([(2025, raw(r#"{"year":2025,"items":[]}"#))]),
            training_pages: vec![raw(r#"{"items":[]}"#), raw(r#"{ "items": [], "next": null }"#)],
            missing: Vec::new(),
        };
        let day = Date::parse("2026-11-28").unwrap();
        let text = AccountCopy { format: FORMAT, exported_on: day, source: Some("https://hr.example.be/api"), all: &all }
            .to_json();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!((v["format"].as_str(), v["exportedOn"].as_str()), (Some(FORMAT), Some("2026-11-28")));
        assert_eq!(v["source"], "https://hr.example.be/api");
        assert_eq!(v["me"]["extra"][0], 1, "unknown fields kept");
        assert_eq!(v["entitlements"]["2025"]["year"], 2025);
        assert_eq!(v["attendance"]["2025"]["items"], serde_json::json!([]));
        assert!(text.contains(r#"{ "items": [], "next": null }"#), "each body byte for byte");
        assert!(v.get("missing").is_none(), "nothing missing, nothing said");
    }

    #[test]
    fn a_resource_the_service_did_not_give_is_named_with_why_and_the_copy_still_opens() {
        let why = "the service answered 503".to_string();
        let all = Everything {
            me: Some(raw(r#"{"ssin":"","givenName":"An","familyName":"Peeters"}"#)),
            carry_over: None,
            entitlements: BTreeMap::new(),
            attendance: BTreeMap::from([(2026, raw(r#"{"year":2026,"items":[]}"#))]),
            training_pages: Vec::new(),
            missing: vec![Missing { resource: "carryOver".into(), why: why.clone() }],
        };
        let day = Date::parse("2026-12-05").unwrap();
        let text = AccountCopy { format: FORMAT, exported_on: day, source: None, all: &all }.to_json();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(v.get("carryOver").is_none(), "no body for what failed: {text}");
        assert_eq!(v["missing"], serde_json::json!([{ "resource": "carryOver", "why": why }]));
        let opened = KeptCopy::open(&text).unwrap();
        assert_eq!(opened.all.missing, all.missing);
        assert!(opened.all.carry_over.is_none());
        // without the profile, a copy says why, or it is no copy
        let no_me = text.replace(r#""me":{"ssin":"","givenName":"An","familyName":"Peeters"},"#, "");
        assert!(matches!(KeptCopy::open(&no_me), Err(NotACopy::Unknown(r)) if r.why.contains("`me`")), "{no_me}");
        let said = no_me.replace(r#""resource":"carryOver""#, r#""resource":"me""#);
        assert!(KeptCopy::open(&said).is_ok(), "{said}");
    }

    fn persona_a_copy(format: Option<&str>) -> String {
        let read = |name: &str| std::fs::read_to_string(format!("{}/demo/fixtures/a/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let format = format.map_or(String::new(), |f| format!(r#""format":"{f}","#));
        format!(
            r#"{{{format}"exportedOn":"2026-12-04","me":{},"carryOver":{},"entitlements":{{"2026":{}}},"attendance":{{"2026":{}}},"trainingPages":[{{"items":{}}}]}}"#,
            read("me.json"),
            read("carry-over.json"),
            read("entitlements-2026.json"),
            read("attendance-2026.json"),
            read("trainings.json"),
        )
    }

    #[test]
    fn a_copy_opens_again_with_or_without_its_format() {
        for format in [Some(FORMAT), None] {
            let copy = KeptCopy::open(&persona_a_copy(format)).unwrap();
            assert_eq!(copy.label.exported_on, Date::parse("2026-12-04"));
            assert_eq!(copy.all.entitlements.keys().collect::<Vec<_>>(), [&2026]);
        }
    }

    #[test]
    fn a_copy_kept_on_a_device_has_no_national_register_number() {
        let copy = persona_a_copy(Some(FORMAT));
        let ssin = decode::<Me>(KeptCopy::open(&copy).unwrap().all.me.unwrap().get()).unwrap().ssin;
        assert!(copy.contains(&ssin));
        let all = KeptCopy::open(&copy).unwrap().all.without_ssin().unwrap();
        let day = Date::parse("2026-12-05").unwrap();
        let kept = AccountCopy { format: FORMAT, exported_on: day, source: None, all: &all }.to_json();
        assert!(!kept.contains(&ssin), "{kept}");
        let again = KeptCopy::open(&kept).unwrap();
        let me = decode::<Me>(again.all.me.unwrap().get()).unwrap();
        assert_eq!((me.ssin.as_str(), me.given_name.as_str(), me.employers.len()), ("", "An", 1));
        assert_eq!(again.all.training_pages.len(), 1, "the rest as it was");
        let odd = Everything { me: Some(raw(r#"{"ssin":"90051412324","extra":{"x":[1]}}"#)), ..all };
        assert_eq!(odd.without_ssin().unwrap().me.unwrap().get(), r#"{"extra":{"x":[1]},"ssin":""}"#, "unknown fields kept");
        let not_an_object = Everything { me: Some(raw("[1]")), ..KeptCopy::open(&copy).unwrap().all };
        assert!(not_an_object.without_ssin().is_err());
    }

    #[test]
    fn what_is_not_a_copy_is_named() {
        let newer = KeptCopy::open(&persona_a_copy(Some("training-account-export/2")));
        assert_eq!(newer.unwrap_err(), NotACopy::Newer("training-account-export/2".into()));
        let unknown = |text: &str| match KeptCopy::open(text) {
            Err(NotACopy::Unknown(r)) => r,
            other => panic!("{other:?}"),
        };
        assert!(unknown("not json").syntax);
        assert_eq!(unknown(r#"{"name":"a shopping list"}"#).path, "", "{}", unknown(r#"{"name":"x"}"#));
        assert!(unknown(r#"{"name":"a shopping list"}"#).why.contains("me"));
        assert_eq!(unknown(r#"{"format":"vcard"}"#).path, "format");
    }

    #[test]
    fn a_broken_resource_is_named_from_the_top_of_the_file() {
        let good = persona_a_copy(Some(FORMAT));
        let broken = good.replacen(r#""durationMinutes":"#, r#""durationMinutes":"long","x":"#, 1);
        match KeptCopy::open(&broken) {
            Err(NotACopy::Invalid(r)) => assert!(r.path.starts_with("trainingPages[0].items[0].durationMinutes"), "{r}"),
            other => panic!("{other:?}"),
        }
        let bad_year = good.replace(r#""entitlements":{"2026":"#, r#""entitlements":{"2026":[],"2025":"#);
        assert!(matches!(KeptCopy::open(&bad_year), Err(NotACopy::Unknown(_)) | Err(NotACopy::Invalid(_))));
    }
}
