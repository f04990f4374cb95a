//! Hostile answers from a back end: a valid document of the demo back end with one of its fields
//! replaced by escapes, surrogates, exponents, huge numbers and strings, deep nesting or another
//! type. Whatever arrives goes through decoding, the domain and the words without a panic: each
//! case either decodes, and then every figure is shown or says why not, in every language, or is
//! refused with the field path it is about.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::Value;
use training_account::contract::{decode, Attendance, CarryOver, Entitlements, Me, Training, TrainingPage};
use training_account::domain::figures::{Attended, DataError, Entitled, Ledger};
use training_account::domain::history::History;
use training_account::domain::history_filter::{total_minutes, Filter};
use training_account::domain::listed_totals::compare;
use training_account::i18n::Texts;
use training_account::i18n::{texts, LANGUAGES};
use training_account::present::cards::Card;
use training_account::present::{cards, findings, notices};

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

/// Decodes; a refusal must name the field that was replaced, or one inside it.
fn decoded<T: DeserializeOwned>(text: &str, path: &str) -> Result<Option<T>, TestCaseError> {
    match decode::<T>(text) {
        Ok(v) => Ok(Some(v)),
        Err(refused) => {
            let inside =
                refused.path.strip_prefix(path).is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']));
            prop_assert!(inside, "{refused} does not name {path}");
            Ok(None)
        }
    }
}

/// A card says something: its figure, a note why there is none, or the problem with its data;
/// and every text it holds is filled in.
fn says_something(card: &Card) -> Result<(), TestCaseError> {
    prop_assert!(card.figure.is_some() || !card.notes.is_empty() || card.problem.is_some(), "{card:?}");
    let texts = card.notes.iter().chain(&card.findings).chain(&card.problem).chain([&card.title]);
    for text in texts.chain(card.rows.iter().flat_map(|(k, v)| [k, v])) {
        prop_assert!(!text.contains("{0}") && !text.contains("{1}"), "unfilled: {text}");
    }
    Ok(())
}

/// A figure the domain refuses is shown as the problem with its field; one it takes, as a figure.
fn shown_or_refused<F>(t: &Texts, card: &Card, figure: &Result<F, DataError>) -> Result<(), TestCaseError> {
    says_something(card)?;
    match figure {
        Ok(_) => prop_assert!(card.figure.is_some() && card.problem.is_none(), "{card:?}"),
        Err(e) => prop_assert_eq!(card.problem.clone(), Some(findings::data_error(t, e))),
    }
    Ok(())
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
            let me: Me = decode(&fixture("me.json").to_string()).unwrap();
            let items = serde_json::json!({ "items": fixture("trainings.json") }).to_string();
            let trainings: Vec<Training> = decode::<TrainingPage>(&items).unwrap().items;
            for item in &c.items {
                let ledger = Ledger::from_item(item);
                for t in LANGUAGES.map(texts) {
                    let cards = cards::ledger(t, 2026, &c.items, &item.employer_id, false);
                    // the credit card, or the one card that says why there is none
                    shown_or_refused(t, cards.last().unwrap(), &ledger)?;
                    for card in &cards {
                        says_something(card)?;
                    }
                    for notice in notices::notices(t, &me, &c.items, item.reference_period.start) {
                        prop_assert!(!notice.is_empty() && !notice.contains("{0}"), "{notice}");
                    }
                    if let Ok(l) = &ledger {
                        for f in compare(l, &item.employer_id, &trainings) {
                            let said = findings::finding(t, &f, &l.unit);
                            prop_assert!(!said.contains("{0}"), "unfilled: {said}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn hostile_entitlements((doc, path, raw) in case("entitlements-2026.json")) {
        if let Some(e) = decoded::<Entitlements>(&with_hostile(&doc, &path, &raw), &path)? {
            for item in &e.items {
                let figure = Entitled::from_item(item);
                for t in LANGUAGES.map(texts) {
                    shown_or_refused(t, &cards::entitled(t, e.year, &e.items, &item.employer_id), &figure)?;
                }
            }
        }
    }

    #[test]
    fn hostile_attendance((doc, path, raw) in case("attendance-2026.json")) {
        if let Some(a) = decoded::<Attendance>(&with_hostile(&doc, &path, &raw), &path)? {
            for item in &a.items {
                let figure = Attended::from_item(item);
                for t in LANGUAGES.map(texts) {
                    shown_or_refused(t, &cards::attended(t, a.year, &a.items, &item.employer_id), &figure)?;
                }
            }
        }
    }

    #[test]
    fn a_hostile_profile((doc, path, raw) in case("me.json")) {
        if let Some(me) = decoded::<Me>(&with_hostile(&doc, &path, &raw), &path)? {
            for t in LANGUAGES.map(texts) {
                let sources = training_account::present::profile::sources(t, &me);
                prop_assert_eq!(sources.len(), me.sources.len());
                for e in &me.employers {
                    let rows = training_account::present::profile::employment(t, e);
                    // the employer's identifiers are always shown, valid or flagged
                    prop_assert!(!rows[0].1.is_empty() && !rows[1].1.is_empty(), "{rows:?}");
                }
            }
        }
    }

    #[test]
    fn a_hostile_history_page((items, path, raw) in case("trainings.json")) {
        let doc = serde_json::json!({ "items": items, "total": 3, "next": null });
        let path = format!("items{path}");
        if let Some(page) = decoded::<TrainingPage>(&with_hostile(&doc, &path, &raw), &path)? {
            let count = page.items.len();
            let mut history = History::default();
            history.append(page.items, page.total, page.next);
            let kept = Filter::default().apply(&history.items);
            prop_assert!(kept.len() <= count);
            let sum: u64 = kept.iter().map(|t| u64::from(t.duration_minutes)).sum();
            prop_assert_eq!(u64::from(total_minutes(&kept)), sum.min(u64::from(u32::MAX)));
        }
    }
}
