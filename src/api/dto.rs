//! The JSON shapes of api-v1.md, field for field. Unknown fields are ignored (serde's default);
//! unknown enum codes are kept as `Code::Other` with their raw text.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};

/// An enum value of the contract, or a code this client does not know yet.
#[derive(Clone, Debug, PartialEq)]
pub enum Code<T> {
    Known(T),
    Other(String),
}

pub trait KnownCode: Sized {
    fn from_code(code: &str) -> Option<Self>;
}

impl<T: KnownCode> Code<T> {
    pub fn known(&self) -> Option<&T> {
        match self {
            Code::Known(t) => Some(t),
            Code::Other(_) => None,
        }
    }
}

impl<'de, T: KnownCode> Deserialize<'de> for Code<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Ok(T::from_code(&raw).map_or(Code::Other(raw), Code::Known))
    }
}

macro_rules! codes {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $($variant),+ }
        impl KnownCode for $name {
            fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some(Self::$variant),)+ _ => None }
            }
        }
        impl $name {
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }
        }
    };
}

codes!(Language { Nl = "nl", Fr = "fr", De = "de", En = "en" });
codes!(SourceKind { FlaArchive = "FLA_ARCHIVE", Employer = "EMPLOYER", Provider = "PROVIDER", Other = "OTHER" });
codes!(SizeBand { Under10 = "UNDER_10", From10To19 = "10_TO_19", TwentyOrMore = "20_OR_MORE" });
codes!(Unit { Days = "DAYS", Hours = "HOURS" });
codes!(Basis { Statutory = "STATUTORY", SectoralCba = "SECTORAL_CBA", Company = "COMPANY" });
codes!(ForfeitReason { Resignation = "RESIGNATION", DismissalSeriousCause = "DISMISSAL_SERIOUS_CAUSE", Other = "OTHER" });
codes!(TrainingType { Formal = "FORMAL", Informal = "INFORMAL" });
codes!(Status { Completed = "COMPLETED", NotAttended = "NOT_ATTENDED", Reserved = "RESERVED", Unsuitable = "UNSUITABLE" });
codes!(Funding { Employer = "EMPLOYER", SectorFund = "SECTOR_FUND", Public = "PUBLIC", SelfFunded = "SELF", Other = "OTHER" });
codes!(RegisteredBy { Employer = "EMPLOYER", Provider = "PROVIDER", Government = "GOVERNMENT" });

/// A calendar date in the contract's `YYYY-MM-DD` form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub NaiveDate);

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
        let year = i32::try_from(num(0..4)?).ok()?;
        NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?).map(Date)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Date::parse(&raw).ok_or_else(|| serde::de::Error::custom(format!("invalid date {raw:?}")))
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Me {
    pub ssin: String,
    pub given_name: String,
    pub family_name: String,
    #[serde(default)]
    pub preferred_language: Option<Code<Language>>,
    #[serde(default)]
    pub as_of: Option<String>,
    #[serde(default)]
    pub sources: Vec<Source>,
    pub employers: Vec<Employer>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    pub kind: Code<SourceKind>,
    #[serde(default)]
    pub years: Vec<i32>,
    #[serde(default)]
    pub available_until: Option<Date>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Employer {
    pub id: String,
    pub name: String,
    pub enterprise_number: String,
    pub nsso_number: String,
    #[serde(default)]
    pub size_band: Option<Code<SizeBand>>,
    pub employment: Employment,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Employment {
    pub start_date: Date,
    #[serde(default)]
    pub end_date: Option<Date>,
    #[serde(default)]
    pub joint_committee: Option<String>,
    #[serde(default)]
    pub cba_registration_number: Option<String>,
    pub work_regime: WorkRegime,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkRegime {
    pub fraction: f64,
    pub weekly_hours: f64,
    pub full_time_weekly_hours: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Entitlements {
    pub year: i32,
    pub items: Vec<EntitlementItem>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EntitlementItem {
    pub employer_id: String,
    pub unit: Code<Unit>,
    #[serde(default)]
    pub hours_per_day: Option<f64>,
    pub individual: Individual,
    #[serde(default)]
    pub sectoral: Vec<Sectoral>,
    pub total: f64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Individual {
    pub basis: Code<Basis>,
    #[serde(default)]
    pub cba_registration_number: Option<String>,
    pub full_time_value: f64,
    pub regime_fraction: f64,
    pub months_counted: f64,
    pub value: f64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sectoral {
    pub label: String,
    #[serde(default)]
    pub cba_registration_number: Option<String>,
    pub value: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Attendance {
    pub year: i32,
    pub items: Vec<AttendanceItem>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceItem {
    pub employer_id: String,
    pub unit: Code<Unit>,
    #[serde(default)]
    pub hours_per_day: Option<f64>,
    pub attended: f64,
    pub formal: f64,
    pub informal: f64,
    #[serde(default)]
    pub not_counted: Option<f64>,
    #[serde(default)]
    pub last_updated: Option<Date>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct CarryOver {
    pub items: Vec<LedgerItem>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LedgerItem {
    pub employer_id: String,
    pub unit: Code<Unit>,
    #[serde(default)]
    pub hours_per_day: Option<f64>,
    pub reference_period: Period,
    pub years: Vec<LedgerYear>,
    pub credit_balance: f64,
    #[serde(default)]
    pub expires_on: Option<Date>,
    #[serde(default)]
    pub forfeited: Option<Forfeited>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Period {
    pub start: Date,
    pub end: Date,
}

#[derive(Clone, Debug, Deserialize)]
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

#[derive(Clone, Debug, Deserialize)]
pub struct Forfeited {
    pub on: Date,
    pub reason: Code<ForfeitReason>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrainingPage {
    pub items: Vec<Training>,
    #[serde(default)]
    pub total: Option<u32>,
    #[serde(default)]
    pub next: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Training {
    pub id: String,
    pub employer_id: String,
    pub title: String,
    #[serde(default)]
    pub provider: Option<Provider>,
    pub start_date: Date,
    pub end_date: Date,
    pub duration_minutes: u32,
    #[serde(rename = "type")]
    pub kind: Code<TrainingType>,
    pub status: Code<Status>,
    pub counts_towards_right: bool,
    #[serde(default)]
    pub result: Option<TrainingResult>,
    #[serde(default)]
    pub funding: Option<Code<Funding>>,
    pub registered_by: Code<RegisteredBy>,
    #[serde(default)]
    pub registered_on: Option<Date>,
    #[serde(default)]
    pub content: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Provider {
    pub name: String,
    #[serde(default)]
    pub enterprise_number: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TrainingResult {
    #[serde(default)]
    pub certificate: Option<bool>,
    #[serde(default)]
    pub certificate_valid_until: Option<Date>,
    #[serde(default)]
    pub description: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_codes_are_kept_raw() {
        let t: Code<Status> = serde_json::from_str("\"POSTPONED\"").unwrap();
        assert_eq!(t, Code::Other("POSTPONED".into()));
        let k: Code<Status> = serde_json::from_str("\"RESERVED\"").unwrap();
        assert_eq!(k, Code::Known(Status::Reserved));
        assert_eq!(Status::Reserved.code(), "RESERVED");
    }

    #[test]
    fn dates_are_strict() {
        assert!(Date::parse("2026-02-28").is_some());
        for bad in ["2026-02-30", "2026-2-28", "26-02-28", "2026/02/28", "2026-02-28T00", ""] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn contract_examples_parse_and_ignore_unknown_fields() {
        let me: Me = serde_json::from_str(
            r#"{"ssin":"90051412324","givenName":"An","familyName":"Peeters","extra":1,
                "employers":[{"id":"e1","name":"V","enterpriseNumber":"0765432146","nssoNumber":"123456749",
                "sizeBand":"HUGE","employment":{"startDate":"2023-03-01","endDate":null,
                "workRegime":{"fraction":0.8,"weeklyHours":30.4,"fullTimeWeeklyHours":38.0}}}]}"#,
        )
        .unwrap();
        assert_eq!(me.employers[0].size_band, Some(Code::Other("HUGE".into())));
        assert!(me.preferred_language.is_none());
        assert!(me.employers[0].employment.end_date.is_none());

        let page: TrainingPage = serde_json::from_str(
            r#"{"items":[{"id":"t1","employerId":"e1","title":"Excel","startDate":"2026-03-11",
                "endDate":"2026-03-12","durationMinutes":912,"type":"FORMAL","status":"COMPLETED",
                "countsTowardsRight":true,"registeredBy":"EMPLOYER","provider":null}],"next":null}"#,
        )
        .unwrap();
        assert_eq!(page.items[0].duration_minutes, 912);
        assert!(page.next.is_none() && page.total.is_none());
    }

    #[test]
    fn wrong_types_are_errors_not_panics() {
        assert!(serde_json::from_str::<Attendance>(r#"{"year":"2026","items":[]}"#).is_err());
        assert!(serde_json::from_str::<CarryOver>(r#"{"items":[{"employerId":"e1"}]}"#).is_err());
    }
}
