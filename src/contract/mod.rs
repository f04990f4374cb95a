//! The contract: the JSON shapes of api-v1.md, of `config.json` and of the copy a person keeps,
//! as serde types under the contract's own (camelCase) names. Unknown fields are ignored,
//! unknown codes are kept as `Code::Other` with their raw text, absent (or `null`) lists are
//! empty, and a refusal names the field path it is about (`items[3].durationMinutes: …`, see
//! `decode`). The ground floor: it imports nothing of the app but the language codes.

pub mod config;
pub mod copy;
pub mod decode;
pub mod error;
pub mod oidc;
pub mod record;

pub use decode::{decode, Refusal};
pub use error::ApiError;

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::Language;

/// An enum value of the contract, or a code this client does not know yet.
#[derive(Clone, Debug, PartialEq)]
pub enum Code<T> {
    Known(T),
    Other(String),
}

/// An enum of the contract, with its codes as the contract writes them.
pub trait KnownCode: Sized + 'static {
    /// Every value, in the contract's order.
    const ALL: &'static [Self];
    fn to_code(&self) -> &'static str;

    fn from_code(code: &str) -> Option<Self>
    where
        Self: Copy,
    {
        Self::ALL.iter().copied().find(|k| k.to_code() == code)
    }
}

impl<T: KnownCode + Copy> Code<T> {
    pub fn from_raw(raw: &str) -> Code<T> {
        T::from_code(raw).map_or_else(|| Code::Other(raw.to_string()), Code::Known)
    }
}

impl<T: KnownCode> Code<T> {
    pub fn known(&self) -> Option<&T> {
        match self {
            Code::Known(t) => Some(t),
            Code::Other(_) => None,
        }
    }

    /// The code as the contract writes it, known or not.
    pub fn raw(&self) -> &str {
        match self {
            Code::Known(t) => t.to_code(),
            Code::Other(raw) => raw,
        }
    }
}

impl<'de, T: KnownCode + Copy> Deserialize<'de> for Code<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|raw| Code::from_raw(&raw))
    }
}

impl<T: KnownCode> Serialize for Code<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.raw())
    }
}

/// An enum of the contract and its codes, in one table.
macro_rules! codes {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $($variant),+ }
        impl KnownCode for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn to_code(&self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }
        }
        impl $name {
            pub fn code(self) -> &'static str {
                self.to_code()
            }
        }
    };
}

impl KnownCode for Language {
    const ALL: &'static [Self] = &crate::i18n::LANGUAGES;
    fn to_code(&self) -> &'static str {
        self.code()
    }
}

codes!(SourceKind { FlaArchive = "FLA_ARCHIVE", Employer = "EMPLOYER", Provider = "PROVIDER", Other = "OTHER" });
codes!(SizeBand { Under10 = "UNDER_10", From10To19 = "10_TO_19", TwentyOrMore = "20_OR_MORE" });
codes!(Unit { Days = "DAYS", Hours = "HOURS" });
codes!(Basis { Statutory = "STATUTORY", SectoralCba = "SECTORAL_CBA", Company = "COMPANY" });
codes!(ForfeitReason { Resignation = "RESIGNATION", DismissalSeriousCause = "DISMISSAL_SERIOUS_CAUSE", Other = "OTHER" });
codes!(TrainingType { Formal = "FORMAL", Informal = "INFORMAL" });
codes!(Status { Completed = "COMPLETED", NotAttended = "NOT_ATTENDED", Reserved = "RESERVED", Unsuitable = "UNSUITABLE" });
codes!(Funding { Employer = "EMPLOYER", SectorFund = "SECTOR_FUND", Public = "PUBLIC", SelfFunded = "SELF", Other = "OTHER" });
codes!(RegisteredBy { Employer = "EMPLOYER", Provider = "PROVIDER", Government = "GOVERNMENT" });

/// A calendar date in the contract's `YYYY-MM-DD` form, read and written by chrono.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Date(pub NaiveDate);

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        s.parse().ok().map(Date)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A list that may be absent or `null`: then it is empty.
fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// An element of a list in which no two may share a key.
trait Keyed {
    /// The key's field, as the contract names it.
    const KEY: &'static str;
    fn key(&self) -> String;
}

/// A list (as `list`) in which each key is there once: two employers with one id, or two items or
/// ledger rows of one employer or year, would leave it open which figures are the person's.
fn unique<'de, D: Deserializer<'de>, T: Deserialize<'de> + Keyed>(d: D) -> Result<Vec<T>, D::Error> {
    let items: Vec<T> = list(d)?;
    let mut seen = std::collections::HashMap::new();
    for (at, item) in items.iter().enumerate() {
        if let Some(first) = seen.insert(item.key(), at) {
            let why = format!("[{first}] and [{at}] have the same {}, {}", T::KEY, item.key());
            return Err(serde::de::Error::custom(why));
        }
    }
    Ok(items)
}

macro_rules! keyed {
    ($($t:ty => $field:ident as $name:literal),* $(,)?) => {
        $(impl Keyed for $t {
            const KEY: &'static str = $name;
            fn key(&self) -> String {
                self.$field.to_string()
            }
        })*
    };
}

keyed! {
    Employer => id as "id",
    EntitlementItem => employer_id as "employerId",
    AttendanceItem => employer_id as "employerId",
    LedgerItem => employer_id as "employerId",
    LedgerYear => year as "year",
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Me {
    pub ssin: String,
    pub given_name: String,
    pub family_name: String,
    pub preferred_language: Option<Code<Language>>,
    /// When the figures were last brought up to date, with the back end's own offset (so its
    /// date is the back end's).
    pub as_of: Option<DateTime<FixedOffset>>,
    #[serde(default, deserialize_with = "list")]
    pub sources: Vec<Source>,
    #[serde(default, deserialize_with = "unique")]
    pub employers: Vec<Employer>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub kind: Code<SourceKind>,
    #[serde(default, deserialize_with = "list")]
    pub years: Vec<i32>,
    pub available_until: Option<Date>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Employer {
    pub id: String,
    pub name: String,
    pub enterprise_number: String,
    pub nsso_number: String,
    pub size_band: Option<Code<SizeBand>>,
    pub employment: Employment,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Employment {
    pub start_date: Date,
    pub end_date: Option<Date>,
    pub joint_committee: Option<String>,
    pub cba_registration_number: Option<String>,
    pub work_regime: WorkRegime,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkRegime {
    pub fraction: f64,
    pub weekly_hours: f64,
    pub full_time_weekly_hours: f64,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Entitlements {
    pub year: i32,
    #[serde(default, deserialize_with = "unique")]
    pub items: Vec<EntitlementItem>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntitlementItem {
    pub employer_id: String,
    pub unit: Code<Unit>,
    pub hours_per_day: Option<f64>,
    pub individual: Individual,
    #[serde(default, deserialize_with = "list")]
    pub sectoral: Vec<Sectoral>,
    pub total: f64,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Individual {
    pub basis: Code<Basis>,
    pub cba_registration_number: Option<String>,
    pub full_time_value: f64,
    pub regime_fraction: f64,
    pub months_counted: f64,
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sectoral {
    pub label: String,
    pub cba_registration_number: Option<String>,
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Attendance {
    pub year: i32,
    #[serde(default, deserialize_with = "unique")]
    pub items: Vec<AttendanceItem>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceItem {
    pub employer_id: String,
    pub unit: Code<Unit>,
    pub hours_per_day: Option<f64>,
    pub attended: f64,
    pub formal: f64,
    pub informal: f64,
    pub not_counted: Option<f64>,
    pub last_updated: Option<Date>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct CarryOver {
    #[serde(default, deserialize_with = "unique")]
    pub items: Vec<LedgerItem>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LedgerItem {
    pub employer_id: String,
    pub unit: Code<Unit>,
    pub hours_per_day: Option<f64>,
    pub reference_period: Period,
    #[serde(default, deserialize_with = "unique")]
    pub years: Vec<LedgerYear>,
    pub credit_balance: f64,
    pub expires_on: Option<Date>,
    pub forfeited: Option<Forfeited>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Period {
    pub start: Date,
    pub end: Date,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LedgerYear {
    pub year: i32,
    pub carried_in: f64,
    pub entitled: f64,
    pub attended: f64,
    pub carried_out: f64,
    #[serde(rename = "final")]
    pub is_final: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct Forfeited {
    pub on: Date,
    pub reason: Code<ForfeitReason>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct TrainingPage {
    #[serde(default, deserialize_with = "list")]
    pub items: Vec<Training>,
    pub total: Option<u32>,
    pub next: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Training {
    pub id: String,
    pub employer_id: String,
    pub title: String,
    pub provider: Option<Provider>,
    pub start_date: Date,
    pub end_date: Date,
    pub duration_minutes: u32,
    #[serde(rename = "type")]
    pub kind: Code<TrainingType>,
    pub status: Code<Status>,
    pub counts_towards_right: bool,
    pub result: Option<TrainingResult>,
    pub funding: Option<Code<Funding>>,
    pub registered_by: Code<RegisteredBy>,
    pub registered_on: Option<Date>,
    pub content: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Provider {
    pub name: String,
    pub enterprise_number: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrainingResult {
    pub certificate: Option<bool>,
    pub certificate_valid_until: Option<Date>,
    pub description: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fixture(persona: &str, name: &str) -> String {
        std::fs::read_to_string(format!("{}/demo/fixtures/{persona}/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    /// The JSON examples of docs/api-v1.md, in the order the document gives them.
    fn documented_examples() -> Vec<String> {
        let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/api-v1.md")).unwrap();
        doc.split("```json").skip(1).map(|block| block.split("```").next().unwrap().to_string()).collect()
    }

    /// Decoded, written back and decoded again: the same value.
    fn round_trips<T: serde::de::DeserializeOwned + Serialize + PartialEq + fmt::Debug>(text: &str) {
        let value: T = decode(text).unwrap();
        let again: T = decode(&serde_json::to_string(&value).unwrap()).unwrap();
        assert_eq!(again, value);
    }

    #[test]
    fn the_documented_examples_decode() {
        let examples = documented_examples();
        assert_eq!(examples.len(), 6, "five resources and the configuration");
        let me: Me = decode(&examples[0]).unwrap();
        assert_eq!(me.employers[0].employment.work_regime.fraction, 0.8);
        assert_eq!(me.as_of.map(|t| Date(t.date_naive())), Date::parse("2026-11-27"));
        assert_eq!(decode::<Entitlements>(&examples[1]).unwrap().items[0].total, 4.2);
        assert_eq!(decode::<Attendance>(&examples[2]).unwrap().items[0].not_counted, Some(1.0));
        assert_eq!(decode::<CarryOver>(&examples[3]).unwrap().items[0].years.len(), 3);
        assert!(!decode::<TrainingPage>(&examples[4]).unwrap().items.is_empty());
        assert_eq!(config::parse(&examples[5]).unwrap().api_base_url.as_deref(), Some("/api"));
    }

    #[test]
    fn an_employer_or_a_year_listed_twice_is_refused_naming_the_list_and_both_places() {
        let examples = documented_examples();
        let twice = |text: &str, list: &str| {
            let mut doc: serde_json::Value = serde_json::from_str(text).unwrap();
            let pointer = format!("/{}", list.replace('.', "/").replace("[0]", "/0"));
            let items = doc.pointer_mut(&pointer).unwrap().as_array_mut().unwrap();
            items.push(items[0].clone());
            doc.to_string()
        };
        let me = decode::<Me>(&twice(&examples[0], "employers")).unwrap_err();
        // serde_json adds where in the text it was
        let said = |r: &Refusal| (r.path.clone(), r.why.split(" at line").next().unwrap().to_string());
        assert_eq!(said(&me), ("employers".into(), "[0] and [1] have the same id, e1".into()));
        let e = decode::<Entitlements>(&twice(&examples[1], "items")).unwrap_err();
        assert_eq!(said(&e), ("items".into(), "[0] and [1] have the same employerId, e1".into()));
        let a = decode::<Attendance>(&twice(&examples[2], "items")).unwrap_err();
        assert_eq!(a.path, "items");
        assert!(decode::<CarryOver>(&twice(&examples[3], "items")).is_err());
        let y = decode::<CarryOver>(&twice(&examples[3], "items[0].years")).unwrap_err();
        assert_eq!(said(&y), ("items[0].years".into(), "[0] and [3] have the same year, 2024".into()));
    }

    #[test]
    fn every_persona_of_the_demo_follows_the_contract_and_round_trips() {
        // what the demo back end answers with a status (`$demoStatus`) or makes up (`$demoGenerate`)
        let made_up = |text: &str| text.contains("\"$demo");
        for persona in ["a", "b", "c", "d", "e", "f", "g", "h"] {
            let read = |name: &str| Some(fixture(persona, name)).filter(|t| !made_up(t));
            if let Some(t) = read("me.json") {
                round_trips::<Me>(&t);
            }
            if let Some(t) = read("entitlements-2026.json") {
                round_trips::<Entitlements>(&t);
            }
            if let Some(t) = read("attendance-2026.json") {
                round_trips::<Attendance>(&t);
            }
            if let Some(t) = read("carry-over.json") {
                round_trips::<CarryOver>(&t);
            }
            if let Some(t) = read("trainings.json") {
                round_trips::<TrainingPage>(&format!("{{\"items\": {t}}}"));
            }
        }
    }

    #[test]
    fn unknown_fields_are_ignored_and_absent_or_null_lists_and_options_are_empty() {
        let me: Me =
            decode(r#"{"ssin":"1","givenName":"A","familyName":"B","extra":{"x":[1]},"sources":null}"#).unwrap();
        assert!(me.sources.is_empty() && me.employers.is_empty() && me.as_of.is_none());
        let page: TrainingPage = decode(r#"{"next":null,"total":null}"#).unwrap();
        assert!(page.items.is_empty() && page.next.is_none() && page.total.is_none());
    }

    #[test]
    fn a_refusal_names_the_field_path() {
        let refused = |text: &str| decode::<TrainingPage>(text).unwrap_err();
        let training = r#"{"id":"t","employerId":"e","title":"x","startDate":"2026-01-01","endDate":"2026-01-01",
            "durationMinutes":60,"type":"FORMAL","status":"COMPLETED","countsTowardsRight":true,"registeredBy":"EMPLOYER"}"#;
        let page = |second: &str| format!(r#"{{"items":[{training},{second}]}}"#);
        assert_eq!(refused(&page(&training.replace("60", "\"lots\""))).path, "items[1].durationMinutes");
        assert_eq!(refused(&page(&training.replace("60", "-1"))).path, "items[1].durationMinutes");
        assert_eq!(
            refused(&page(&training.replace(r#""endDate":"2026-01-01""#, r#""endDate":"2026-02-30""#))).path,
            "items[1].endDate"
        );
        assert_eq!(refused(&page(&training.replace(r#""title":"x","#, ""))).path, "items[1]");
        assert_eq!(refused(&page("7")).path, "items[1]");
        assert_eq!(refused(r#"{"items":{}}"#).path, "items");
        let whole = refused("7");
        assert_eq!((whole.path.as_str(), whole.to_string().starts_with("invalid type")), ("", true));
        assert!(refused("{").syntax && refused(r#"{"items":[]} x"#).syntax);
        // the message says where and what, for whoever fixes the back end
        let said = refused(&page(&training.replace("60", "\"lots\""))).to_string();
        assert!(said.starts_with("items[1].durationMinutes: invalid type: string \"lots\""), "{said}");
    }

    #[test]
    fn dates_are_calendar_dates() {
        assert_eq!(Date::parse("2026-02-28").map(|d| d.to_string()).as_deref(), Some("2026-02-28"));
        for bad in ["2026-02-30", "2026-13-01", "26-02-28x", "2026/02/28", "2026-02-28T00:00:00Z", "", "２０２６-02-28"]
        {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
    }

    fn every_known_code<T: KnownCode + Copy + PartialEq + fmt::Debug>() {
        for &k in T::ALL {
            assert_eq!(T::from_code(k.to_code()), Some(k), "{k:?}");
        }
        let codes: std::collections::HashSet<_> = T::ALL.iter().map(KnownCode::to_code).collect();
        assert_eq!(codes.len(), T::ALL.len(), "no two values share a code");
    }

    #[test]
    fn each_known_code_is_one_value() {
        every_known_code::<SourceKind>();
        every_known_code::<SizeBand>();
        every_known_code::<Unit>();
        every_known_code::<Basis>();
        every_known_code::<ForfeitReason>();
        every_known_code::<TrainingType>();
        every_known_code::<Status>();
        every_known_code::<Funding>();
        every_known_code::<RegisteredBy>();
        every_known_code::<Language>();
    }

    proptest! {
        /// Any code, known or not, is read and written back exactly as the service sent it.
        #[test]
        fn codes_are_kept_as_sent(raw in prop_oneof!["[A-Z_0-9]{0,24}", "\\PC{0,12}", Just("RESERVED".to_string())]) {
            let json = serde_json::to_string(&raw).unwrap();
            let code: Code<Status> = decode(&json).unwrap();
            prop_assert_eq!(code.known().is_some(), Status::ALL.iter().any(|s| s.code() == raw));
            prop_assert_eq!(serde_json::to_string(&code).unwrap(), json);
        }
    }
}
