//! The contract: the JSON shapes of api-v1.md and of `config.json`, field for field, under the
//! contract's own (camelCase) names, read by `json` from the tree `json_text` parses. Unknown
//! fields are ignored; unknown enum codes are kept as `Code::Other` with their raw text; every
//! problem names its field (`items[3].durationMinutes should be …`). The ground floor: it imports
//! nothing of the app but the language codes.

pub mod config;
pub mod error;
pub mod json;
pub mod json_text;

pub use error::ApiError;

use crate::i18n::Language;

use chrono::NaiveDate;

use self::json::{Bad, FromJson, Obj};

/// An enum value of the contract, or a code this client does not know yet.
#[derive(Clone, Debug, PartialEq)]
pub enum Code<T> {
    Known(T),
    Other(String),
}

pub trait KnownCode: Sized {
    fn from_code(code: &str) -> Option<Self>;
    fn to_code(&self) -> &'static str;
}

impl<T: KnownCode> Code<T> {
    pub fn from_raw(raw: &str) -> Code<T> {
        T::from_code(raw).map_or_else(|| Code::Other(raw.to_string()), Code::Known)
    }

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

macro_rules! codes {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $($variant),+ }
        impl KnownCode for $name {
            fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some(Self::$variant),)+ _ => None }
            }
            fn to_code(&self) -> &'static str {
                self.code()
            }
        }
        impl $name {
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }
        }
    };
}

impl KnownCode for Language {
    fn from_code(code: &str) -> Option<Self> {
        crate::i18n::LANGUAGES.into_iter().find(|l| l.code() == code)
    }
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

    /// Back in the contract's form (chrono's own formatting would cost the app its code).
    pub fn iso(self) -> String {
        use chrono::Datelike;
        format!("{:04}-{:02}-{:02}", self.0.year(), self.0.month(), self.0.day())
    }
}

/// Declares a contract type and how each field is read: `field: Type = reader("jsonName")`.
macro_rules! contract {
    ($(#[$m:meta])* $name:ident { $($field:ident : $ty:ty = $read:ident($key:literal)),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Debug)]
        pub struct $name { $(pub $field: $ty),+ }
        impl FromJson for $name {
            fn read(o: &Obj) -> Result<Self, Bad> {
                Ok($name { $($field: o.$read($key)?),+ })
            }
        }
    };
}

contract!(Me {
    ssin: String = str("ssin"),
    given_name: String = str("givenName"),
    family_name: String = str("familyName"),
    preferred_language: Option<Code<Language>> = opt_code("preferredLanguage"),
    as_of: Option<String> = opt_str("asOf"),
    sources: Vec<Source> = list("sources"),
    employers: Vec<Employer> = list("employers"),
});

contract!(Source {
    kind: Code<SourceKind> = code("kind"),
    years: Vec<i32> = ints("years"),
    available_until: Option<Date> = opt_date("availableUntil"),
});

contract!(Employer {
    id: String = str("id"),
    name: String = str("name"),
    enterprise_number: String = str("enterpriseNumber"),
    nsso_number: String = str("nssoNumber"),
    size_band: Option<Code<SizeBand>> = opt_code("sizeBand"),
    employment: Employment = read_obj("employment"),
});

contract!(Employment {
    start_date: Date = date("startDate"),
    end_date: Option<Date> = opt_date("endDate"),
    joint_committee: Option<String> = opt_str("jointCommittee"),
    cba_registration_number: Option<String> = opt_str("cbaRegistrationNumber"),
    work_regime: WorkRegime = read_obj("workRegime"),
});

contract!(WorkRegime {
    fraction: f64 = num("fraction"),
    weekly_hours: f64 = num("weeklyHours"),
    full_time_weekly_hours: f64 = num("fullTimeWeeklyHours"),
});

contract!(Entitlements {
    year: i32 = int("year"),
    items: Vec<EntitlementItem> = list("items"),
});

contract!(EntitlementItem {
    employer_id: String = str("employerId"),
    unit: Code<Unit> = code("unit"),
    hours_per_day: Option<f64> = opt_num("hoursPerDay"),
    individual: Individual = read_obj("individual"),
    sectoral: Vec<Sectoral> = list("sectoral"),
    total: f64 = num("total"),
});

contract!(Individual {
    basis: Code<Basis> = code("basis"),
    cba_registration_number: Option<String> = opt_str("cbaRegistrationNumber"),
    full_time_value: f64 = num("fullTimeValue"),
    regime_fraction: f64 = num("regimeFraction"),
    months_counted: f64 = num("monthsCounted"),
    value: f64 = num("value"),
});

contract!(Sectoral {
    label: String = str("label"),
    cba_registration_number: Option<String> = opt_str("cbaRegistrationNumber"),
    value: f64 = num("value"),
});

contract!(Attendance {
    year: i32 = int("year"),
    items: Vec<AttendanceItem> = list("items"),
});

contract!(AttendanceItem {
    employer_id: String = str("employerId"),
    unit: Code<Unit> = code("unit"),
    hours_per_day: Option<f64> = opt_num("hoursPerDay"),
    attended: f64 = num("attended"),
    formal: f64 = num("formal"),
    informal: f64 = num("informal"),
    not_counted: Option<f64> = opt_num("notCounted"),
    last_updated: Option<Date> = opt_date("lastUpdated"),
});

contract!(CarryOver {
    items: Vec<LedgerItem> = list("items"),
});

contract!(LedgerItem {
    employer_id: String = str("employerId"),
    unit: Code<Unit> = code("unit"),
    hours_per_day: Option<f64> = opt_num("hoursPerDay"),
    reference_period: Period = read_obj("referencePeriod"),
    years: Vec<LedgerYear> = list("years"),
    credit_balance: f64 = num("creditBalance"),
    expires_on: Option<Date> = opt_date("expiresOn"),
    forfeited: Option<Forfeited> = read_opt_obj("forfeited"),
});

contract!(Period { start: Date = date("start"), end: Date = date("end") });

contract!(LedgerYear {
    year: i32 = int("year"),
    carried_in: f64 = num("carriedIn"),
    entitled: f64 = num("entitled"),
    attended: f64 = num("attended"),
    carried_out: f64 = num("carriedOut"),
    is_final: bool = bool("final"),
});

contract!(Forfeited {
    on: Date = date("on"),
    reason: Code<ForfeitReason> = code("reason"),
});

contract!(TrainingPage {
    items: Vec<Training> = list("items"),
    total: Option<u32> = opt_count("total"),
    next: Option<String> = opt_str("next"),
});

contract!(Training {
    id: String = str("id"),
    employer_id: String = str("employerId"),
    title: String = str("title"),
    provider: Option<Provider> = read_opt_obj("provider"),
    start_date: Date = date("startDate"),
    end_date: Date = date("endDate"),
    duration_minutes: u32 = count("durationMinutes"),
    kind: Code<TrainingType> = code("type"),
    status: Code<Status> = code("status"),
    counts_towards_right: bool = bool("countsTowardsRight"),
    result: Option<TrainingResult> = read_opt_obj("result"),
    funding: Option<Code<Funding>> = opt_code("funding"),
    registered_by: Code<RegisteredBy> = code("registeredBy"),
    registered_on: Option<Date> = opt_date("registeredOn"),
    content: Option<String> = opt_str("content"),
});

contract!(Provider {
    name: String = str("name"),
    enterprise_number: Option<String> = opt_str("enterpriseNumber"),
});

contract!(TrainingResult {
    certificate: Option<bool> = opt_bool("certificate"),
    certificate_valid_until: Option<Date> = opt_date("certificateValidUntil"),
    description: Option<String> = opt_str("description"),
});

/// Every resource of the account as the service sent it (each body valid JSON), for a copy.
pub struct Everything {
    pub me: String,
    pub carry_over: String,
    /// A year's entitlements and attendance.
    pub years: Vec<(i32, String, String)>,
    pub training_pages: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::json::parse;

    #[test]
    fn unknown_codes_are_kept_raw() {
        assert_eq!(Code::<Status>::from_raw("POSTPONED"), Code::Other("POSTPONED".into()));
        assert_eq!(Code::<Status>::from_raw("RESERVED"), Code::Known(Status::Reserved));
        assert_eq!(Status::Reserved.code(), "RESERVED");
    }

    #[test]
    fn dates_are_strict() {
        assert!(Date::parse("2026-02-28").is_some());
        for bad in ["2026-02-30", "2026-2-28", "26-02-28", "2026/02/28", "2026-02-28T00", "", "２０２６-02-28"] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn contract_examples_parse_and_ignore_unknown_fields() {
        let me: Me = parse(
            r#"{"ssin":"90051412324","givenName":"An","familyName":"Peeters","extra":1,
                "employers":[{"id":"e1","name":"V","enterpriseNumber":"0765432146","nssoNumber":"123456749",
                "sizeBand":"HUGE","employment":{"startDate":"2023-03-01","endDate":null,
                "workRegime":{"fraction":0.8,"weeklyHours":30.4,"fullTimeWeeklyHours":38.0}}}]}"#,
        )
        .unwrap();
        assert_eq!(me.employers[0].size_band, Some(Code::Other("HUGE".into())));
        assert!(me.preferred_language.is_none() && me.sources.is_empty());
        assert!(me.employers[0].employment.end_date.is_none());

        let page: TrainingPage = parse(
            r#"{"items":[{"id":"t1","employerId":"e1","title":"Excel","startDate":"2026-03-11",
                "endDate":"2026-03-12","durationMinutes":912,"type":"FORMAL","status":"COMPLETED",
                "countsTowardsRight":true,"registeredBy":"EMPLOYER","provider":null}],"next":null}"#,
        )
        .unwrap();
        assert_eq!(page.items[0].duration_minutes, 912);
        assert!(page.next.is_none() && page.total.is_none() && page.items[0].provider.is_none());
    }

    #[test]
    fn the_demo_fixtures_follow_the_contract() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/demo/fixtures");
        for persona in ["a", "b", "c"] {
            let read = |name: &str| std::fs::read_to_string(format!("{dir}/{persona}/{name}")).unwrap();
            parse::<Me>(&read("me.json")).unwrap();
            parse::<Entitlements>(&read("entitlements-2026.json")).unwrap();
            parse::<Attendance>(&read("attendance-2026.json")).unwrap();
            parse::<CarryOver>(&read("carry-over.json")).unwrap();
            let all = format!("{{\"items\": {}}}", read("trainings.json"));
            assert!(!parse::<TrainingPage>(&all).unwrap().items.is_empty());
        }
    }

    #[test]
    fn wrong_types_are_errors_that_name_the_field() {
        assert_eq!(
            parse::<Attendance>(r#"{"year":"2026","items":[]}"#).err().unwrap(),
            "year should be a whole number"
        );
        assert_eq!(
            parse::<CarryOver>(r#"{"items":[{"employerId":"e1"}]}"#).err().unwrap(),
            "items[0].unit should be a code"
        );
        let bad_minutes = r#"{"items":[{"id":"t","employerId":"e","title":"x","startDate":"2026-01-01",
            "endDate":"2026-01-01","durationMinutes":"lots","type":"FORMAL","status":"COMPLETED",
            "countsTowardsRight":true,"registeredBy":"EMPLOYER"}]}"#;
        assert_eq!(
            parse::<TrainingPage>(bad_minutes).err().unwrap(),
            "items[0].durationMinutes should be a whole number of 0 or more"
        );
    }
}
