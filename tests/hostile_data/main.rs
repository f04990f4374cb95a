//! Generated hostile data: the demo personas' documents, one of them mutated (wrong types, missing
//! and extra fields, unknown codes, extreme numbers, impossible dates, long strings with control
//! characters, duplicates, huge arrays, deep nesting, broken escapes), go through everything the
//! app does with an account: decoding, the domain and the words of every page in four languages;
//! then the same account as a copy the person opens on their device, the record kept from it,
//! and that record's pages. Every case ends in figures or in the reason for each one missing,
//! naming the field; none panics or overflows.
//!
//! `FUZZ_CASES` (2,000) cases from `FUZZ_SEED` (a fixed one, so that every run of the tests sees
//! the same cases); `scripts/fuzz.sh N` runs N from a new seed, which it prints. A failing case is
//! shrunk and kept in `regressions/`, which every run checks again.
#![cfg(not(target_arch = "wasm32"))]

mod account;
mod mutation;
mod shown;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestError, TestRng, TestRunner};
use serde_json::Value;
use training_account::client::device::Device;
use training_account::client::LocalSource;
use training_account::contract::copy::{KeptCopy, NotACopy};
use training_account::contract::record::{Record, Stored};
use training_account::domain::keep::differences;
use training_account::domain::right::right;
use training_account::i18n::{texts, LANGUAGES};
use training_account::present::{messages, record as words};

use account::{Hostile, Resource, Served};
use shown::{explained, read, today, Checked, Read};

const CASES: u32 = 2_000;
const SEED: u64 = 20_261_204;
const REGRESSIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile_data/regressions");

/// The years the pages ask for.
const YEARS: [i32; 3] = [2024, 2025, 2026];

/// Every resource from a source; `hostile` is the mutated document of one, whose refusals are
/// explained by its mutations (no other may be refused).
fn read_all(
    answer: &dyn Fn(Resource) -> Option<String>,
    hostile: Option<(Resource, &Value)>,
) -> Result<Read, TestCaseError> {
    fn one<T: serde::de::DeserializeOwned>(
        answer: &dyn Fn(Resource) -> Option<String>,
        hostile: Option<(Resource, &Value)>,
        r: Resource,
    ) -> Result<Option<T>, TestCaseError> {
        let Some(text) = answer(r) else { return Ok(None) };
        let doc = hostile.filter(|(h, _)| *h == r).map(|(_, doc)| doc);
        read(&text, doc, &r.name())
    }
    let page: Option<training_account::contract::TrainingPage> = one(answer, hostile, Resource::Trainings)?;
    let mut all = Read {
        me: one(answer, hostile, Resource::Me)?,
        carry_over: one(answer, hostile, Resource::CarryOver)?,
        trainings: page.map(|p| p.items),
        ..Read::default()
    };
    for y in YEARS {
        all.entitlements.extend(one(answer, hostile, Resource::Entitlements(y))?);
        all.attendance.extend(one(answer, hostile, Resource::Attendance(y))?);
    }
    Ok(all)
}

fn check(h: &Hostile) -> Checked {
    let served = Served::new(h);
    shown::quoting_nan(served.docs.values().any(|d| d.contains("NaN")));
    let hostile = Resource::named(&h.resource).map(|r| (r, &h.mutated.doc));
    let all = read_all(&|r| served.answer(r).map(str::to_string), hostile)?;
    shown::pages(&all)?;
    on_device(&served, hostile)
}

/// The account as a copy the person opens: refused naming the field, or opened and its pages the
/// service's; then kept as a record, which reads back as it was written, without the national
/// register number, and whose own pages hold too.
fn on_device(served: &Served, hostile: Option<(Resource, &Value)>) -> Checked {
    let copy = match KeptCopy::open(&served.copy()) {
        Ok(copy) => copy,
        Err(refused) => {
            match &refused {
                NotACopy::Invalid(r) => {
                    let (resource, doc) = hostile.expect("a hostile document");
                    let inside = r.path.strip_prefix(&resource.in_copy()).map(|p| p.trim_start_matches('.'));
                    let r =
                        training_account::contract::Refusal { path: inside.unwrap_or_default().into(), ..r.clone() };
                    prop_assert!(inside.is_some() && explained(&r, doc), "the copy refused elsewhere: {refused:?}");
                }
                // the hostile body is no JSON: the copy is none either
                NotACopy::Unknown(r) => prop_assert!(r.syntax, "{refused:?}"),
                NotACopy::Newer(_) => prop_assert!(false, "{refused:?}"),
            }
            for t in LANGUAGES.map(texts) {
                let said = messages::not_a_copy(t, &refused);
                shown::filled(&said)?;
                if let NotACopy::Invalid(r) = &refused {
                    prop_assert!(said.contains(&r.path), "the field is not named: {said}");
                }
            }
            return Ok(());
        }
    };
    let device = Device::new(copy);
    let all = read_all(&|r| device.answer(&r.path()).ok(), None)?;
    shown::pages(&all)?;
    let record = device.as_record().expect("an opened copy is a record");
    let stored = Stored::new(record.clone()).to_json();
    let ssin = all.me.as_ref().map(|m| m.ssin.clone()).unwrap_or_default();
    prop_assert!(ssin.len() < 6 || !stored.contains(&ssin), "the national register number kept");
    let again = Stored::open(&stored).map(|s| Stored::new(s.record).to_json());
    let same = again.as_ref().is_ok_and(|a| same(&json(a), &json(&stored)));
    prop_assert!(same, "kept, then read back otherwise: {again:?}");
    record_pages(&record)?;
    let kept = Device::kept(record, today());
    let all = read_all(&|r| kept.answer(&r.path()).ok(), None)?;
    shown::pages(&all)
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("a stored record is JSON")
}

/// The same document, numbers within a few units of their last place: serde_json's parser (without
/// its slower `float_roundtrip`) may read a float of 17 digits one unit off, far below the
/// hundredths any figure shows.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap_or(f64::NAN), y.as_f64().unwrap_or(f64::NAN));
            x == y || (x - y).abs() <= 4.0 * f64::EPSILON * x.abs().max(y.abs())
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// The record's own page: the rules' figures beside those a service had sent, or the employment
/// the rules cannot read.
fn record_pages(record: &Record) -> Checked {
    let name = |i: usize| record.employments.get(i).map_or(String::new(), |e| e.employer_name.clone());
    for t in LANGUAGES.map(texts) {
        let mut said = Vec::new();
        match right(record, today()) {
            Ok(r) => said.extend(differences(&record.sent, &r.years).iter().map(|d| words::difference(t, record, d))),
            Err(refused) => said.push(words::unusable(t, &name(refused.at), refused.why)),
        }
        said.extend(record.employments.iter().map(|e| words::employment_line(t, e)));
        said.extend(record.trainings.iter().take(200).map(|tr| words::training_line(t, tr)));
        said.iter().try_for_each(|text| shown::worded(text))?;
    }
    Ok(())
}

fn number(var: &str) -> Option<u64> {
    std::env::var(var).ok().map(|v| v.trim().parse().unwrap_or_else(|_| panic!("{var}={v} is not a number")))
}

#[test]
fn no_document_a_back_end_sends_breaks_the_app() {
    let cases = number("FUZZ_CASES").map_or(CASES, |n| u32::try_from(n).expect("FUZZ_CASES fits 32 bits"));
    let seed = number("FUZZ_SEED").unwrap_or(SEED);
    println!(
        "hostile data: {cases} cases from seed {seed} (FUZZ_SEED={seed} bash scripts/fuzz.sh {cases} runs them again)"
    );
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let config = Config { cases, failure_persistence: None, ..Config::default() };
    let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &bytes));
    let started = std::time::Instant::now();
    match runner.run(&account::case(), |case| check(&case.hostile())) {
        Ok(()) => println!("hostile data: {cases} cases, none failed, in {:.1} s", started.elapsed().as_secs_f64()),
        Err(TestError::Fail(why, case)) => {
            let hostile = case.hostile();
            let file = format!("{REGRESSIONS}/seed-{seed}.json");
            let json = serde_json::to_string_pretty(&hostile).expect("a case is written");
            std::fs::write(&file, json + "\n").expect("the regressions folder");
            panic!("{why}\nthe smallest case, kept as {file} (commit it): {hostile:?}");
        }
        Err(TestError::Abort(why)) => panic!("{why}"),
    }
}

#[test]
fn the_cases_that_failed_once() {
    let mut files: Vec<_> =
        std::fs::read_dir(REGRESSIONS).expect("the regressions folder").flatten().map(|e| e.path()).collect();
    files.sort();
    assert!(!files.is_empty());
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a kept case");
        let hostile: Hostile = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        if let Err(e) = check(&hostile) {
            panic!("{}: {e}", file.display());
        }
    }
}
