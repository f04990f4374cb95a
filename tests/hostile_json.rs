//! Hostile answers from a back end: a valid document of the demo back end with one of its fields
//! replaced by escapes, surrogates, exponents, huge numbers and strings, deep nesting or another
//! type. Whatever arrives goes through decoding, the domain and the words without a panic, and
//! every answer that is refused names the field it is about.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde_json::Value;
use training_account::contract::json::{parse, FromJson};
use training_account::contract::{Attendance, CarryOver, Entitlements, Me, Training, TrainingPage};
use training_account::domain::figures::{Attended, Entitled, Ledger};
use training_account::domain::history::History;
use training_account::domain::history_filter::{total_minutes, Filter};
use training_account::domain::listed_totals::compare;
use training_account::i18n::{texts, LANGUAGES};
use training_account::present::{cards, notices};

const STAND_IN: &str = "\u{0}hostile\u{0}";

fn fixture(name: &str) -> Value {
    let path = format!("{}/demo/fixtures/b/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every value in the document with its path, written as the decoding errors write it.
fn paths(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let here = if at.is_empty() { k.clone() } else { format!("{at}.{k}") };
                out.push(here.clone());
                paths(v, here, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let here = format!("{at}[{i}]");
                out.push(here.clone());
                paths(v, here, out);
            }
        }
        _ => {}
    }
}

fn pointer(path: &str) -> String {
    path.replace('[', ".").replace(']', "").split('.').map(|p| format!("/{p}")).collect()
}

/// Raw JSON text, as a hostile service might write it.
fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(r#""\ud83d\u0041""#.to_string()),
        Just(r#""\ud83d\ude00 \u00e9\n\t\"\\\/""#.to_string()),
        Just(r#""\udc00""#.to_string()),
        Just(r#""\ud800\ud800""#.to_string()),
        Just("\"\\u12\"".to_string()),
        Just("1e400".to_string()),
        Just("-1e400".to_string()),
        Just("1E-400".to_string()),
        Just("-0".to_string()),
        Just("2.5E+3".to_string()),
        Just("123456789012345678901234567890".to_string()),
        Just("-9223372036854775809".to_string()),
        Just("0.1e1".to_string()),
        Just("null".into()),
        Just("true".into()),
        Just("{}".into()),
        Just("[]".into()),
        Just("\"2026-02-30\"".into()),
        (1usize..400).prop_map(|n| format!("{}{}", "[".repeat(n), "]".repeat(n))),
        (1usize..300).prop_map(|n| format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n))),
        (0usize..200_000).prop_map(|n| format!("\"{}\"", "x".repeat(n))),
        any::<f64>().prop_map(|x| if x.is_finite() { format!("{x:e}") } else { "1e999".into() }),
        any::<i64>().prop_map(|x| x.to_string()),
        "\\PC{0,40}".prop_map(|s| serde_json::to_string(&s).unwrap()),
    ]
}

/// `doc` as text with the value at `path` replaced by `raw`.
fn with_hostile(doc: &Value, path: &str, raw: &str) -> String {
    let mut doc = doc.clone();
    *doc.pointer_mut(&pointer(path)).unwrap() = Value::String(STAND_IN.into());
    serde_json::to_string(&doc).unwrap().replace(&serde_json::to_string(STAND_IN).unwrap(), raw)
}

/// Decodes; a refusal must name the field that was replaced (or one inside it), unless the text
/// is no JSON at all.
fn decoded<T: FromJson>(text: &str, path: &str) -> Result<Option<T>, TestCaseError> {
    match parse::<T>(text) {
        Ok(v) => Ok(Some(v)),
        Err(why) => {
            prop_assert!(why.starts_with(path) || why.starts_with("not JSON"), "{why} does not name {path}");
            Ok(None)
        }
    }
}

fn case(name: &str) -> impl Strategy<Value = (Value, String, String)> {
    let doc = fixture(name);
    let mut all = Vec::new();
    paths(&doc, String::new(), &mut all);
    (proptest::sample::select(all), hostile()).prop_map(move |(path, raw)| (doc.clone(), path, raw))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn a_hostile_ledger((doc, path, raw) in case("carry-over.json")) {
        if let Some(c) = decoded::<CarryOver>(&with_hostile(&doc, &path, &raw), &path)? {
            let me: Me = parse(&fixture("me.json").to_string()).unwrap();
            let items = serde_json::json!({ "items": fixture("trainings.json") }).to_string();
            let trainings: Vec<Training> = parse::<TrainingPage>(&items).unwrap().items;
            for item in &c.items {
                if let Ok(l) = Ledger::from_item(item) {
                    compare(&l, &item.employer_id, &trainings);
                }
                for t in LANGUAGES.map(texts) {
                    cards::ledger(t, 2026, &c.items, &item.employer_id, false);
                    notices::notices(t, &me, &c.items, item.reference_period.start);
                }
            }
        }
    }

    #[test]
    fn hostile_entitlements((doc, path, raw) in case("entitlements-2026.json")) {
        if let Some(e) = decoded::<Entitlements>(&with_hostile(&doc, &path, &raw), &path)? {
            for item in &e.items {
                let _ = Entitled::from_item(item);
                for t in LANGUAGES.map(texts) {
                    cards::entitled(t, e.year, &e.items, &item.employer_id);
                }
            }
        }
    }

    #[test]
    fn hostile_attendance((doc, path, raw) in case("attendance-2026.json")) {
        if let Some(a) = decoded::<Attendance>(&with_hostile(&doc, &path, &raw), &path)? {
            for item in &a.items {
                let _ = Attended::from_item(item);
                for t in LANGUAGES.map(texts) {
                    cards::attended(t, a.year, &a.items, &item.employer_id);
                }
            }
        }
    }

    #[test]
    fn a_hostile_profile((doc, path, raw) in case("me.json")) {
        if let Some(me) = decoded::<Me>(&with_hostile(&doc, &path, &raw), &path)? {
            for t in LANGUAGES.map(texts) {
                training_account::present::profile::sources(t, &me);
                for e in &me.employers {
                    training_account::present::profile::employment(t, e);
                }
            }
        }
    }

    #[test]
    fn a_hostile_history_page((items, path, raw) in case("trainings.json")) {
        let doc = serde_json::json!({ "items": items, "total": 3, "next": null });
        let path = format!("items{path}");
        if let Some(page) = decoded::<TrainingPage>(&with_hostile(&doc, &path, &raw), &path)? {
            let mut history = History::default();
            history.append(page.items, page.total, page.next);
            let kept = Filter::default().apply(&history.items);
            total_minutes(&kept);
        }
    }
}
