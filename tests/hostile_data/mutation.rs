//! What a wrong back end does to a valid document: the mutations, each picking its place among the
//! paths of the document as it is by then, and the raw JSON text they write there.

use proptest::prelude::*;
use serde_json::Value;

/// A step of a path into a document.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    Key(String),
    At(usize),
}

/// Picks one of a list's `len` places: shrinks towards the first.
#[derive(Clone, Copy, Debug)]
pub struct Pick(u32);

impl Pick {
    fn of<T: Clone>(self, list: &[T]) -> Option<T> {
        (!list.is_empty()).then(|| list[self.0 as usize % list.len()].clone())
    }
}

#[derive(Clone, Debug)]
pub enum Mutation {
    /// The value at a path as raw JSON text: another type, escapes, extreme numbers, long strings
    /// with control characters, nesting deeper than any parser allows.
    Replace(Pick, String),
    /// A string replaced by a code the contract does not have (or an id no one else has).
    UnknownCode(Pick, String),
    /// A date replaced by an impossible, negative or far one.
    Date(Pick, String),
    /// A period's end put before its start.
    Reversed(Pick, u16),
    /// A number replaced by another: ledgers that do not add up, negative, huge, tiny.
    Number(Pick, String),
    /// A field removed from an object, or an element from an array.
    Remove(Pick),
    /// A field the contract does not have, added to an object.
    Extra(Pick, String, String),
    /// An element of an array repeated: duplicate ids, huge arrays.
    Repeat(Pick, usize),
}

/// A document being mutated: its tree, with markers where raw text goes (`raws[n]` replaces the
/// string `"\u{1}n\u{1}"`), since a `Value` cannot hold lone surrogates, `1e400` or a nesting
/// deeper than serde_json reads.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Mutated {
    pub doc: Value,
    pub raws: Vec<String>,
}

fn marker(n: usize) -> String {
    format!("\u{1}{n}\u{1}")
}

/// Whether a value is a marker, i.e. something a mutation wrote.
pub fn is_marker(v: &Value) -> bool {
    matches!(v, Value::String(s) if s.starts_with('\u{1}') && s.ends_with('\u{1}'))
}

impl Mutated {
    pub fn new(doc: Value) -> Mutated {
        Mutated { doc, raws: Vec::new() }
    }

    /// The document as the back end sends it.
    pub fn text(&self) -> String {
        let mut text = serde_json::to_string(&self.doc).expect("a tree of JSON values is written");
        for (n, raw) in self.raws.iter().enumerate() {
            text = text.replace(&serde_json::to_string(&marker(n)).expect("a string is written"), raw);
        }
        text
    }

    fn put(&mut self, at: &[Step], raw: String) {
        let m = marker(self.raws.len());
        self.raws.push(raw);
        if let Some(v) = get_mut(&mut self.doc, at) {
            *v = Value::String(m);
        }
    }

    pub fn apply(&mut self, m: &Mutation) {
        let all = paths(&self.doc);
        let with = |keep: &dyn Fn(&Value) -> bool| -> Vec<Vec<Step>> {
            all.iter().filter(|p| get(&self.doc, p).is_some_and(keep)).cloned().collect()
        };
        match m {
            Mutation::Replace(pick, raw) => {
                if let Some(at) = pick.of(&all[1..]) {
                    self.put(&at, raw.clone());
                }
            }
            Mutation::UnknownCode(pick, code) => {
                if let Some(at) = pick.of(&with(&|v| v.is_string() && !is_marker(v))) {
                    self.put(&at, serde_json::to_string(code).expect("a string is written"));
                }
            }
            Mutation::Date(pick, raw) => {
                if let Some(at) = pick.of(&with(&|v| v.as_str().is_some_and(looks_like_a_date))) {
                    self.put(&at, raw.clone());
                }
            }
            Mutation::Reversed(pick, days) => {
                let periods = with(&|v| period(v).is_some());
                if let Some(at) = pick.of(&periods) {
                    let (start, end) = period(get(&self.doc, &at).expect("picked among the paths")).expect("a period");
                    let before = start - chrono::Days::new(u64::from(*days) + 1);
                    let at = [at, vec![Step::Key(end)]].concat();
                    self.put(&at, format!("\"{before}\""));
                }
            }
            Mutation::Number(pick, raw) => {
                if let Some(at) = pick.of(&with(&Value::is_number)) {
                    self.put(&at, raw.clone());
                }
            }
            Mutation::Remove(pick) => {
                if let Some(at) = pick.of(&all[1..]) {
                    let (last, parent) = at.split_last().expect("not the document itself");
                    match (get_mut(&mut self.doc, parent), last) {
                        (Some(Value::Object(map)), Step::Key(k)) => drop(map.remove(k)),
                        (Some(Value::Array(items)), Step::At(i)) => drop(items.remove(*i)),
                        _ => {}
                    }
                }
            }
            Mutation::Extra(pick, name, raw) => {
                if let Some(at) = pick.of(&with(&Value::is_object)) {
                    let m = marker(self.raws.len());
                    self.raws.push(raw.clone());
                    if let Some(Value::Object(map)) = get_mut(&mut self.doc, &at) {
                        map.insert(format!("x-{name}"), Value::String(m));
                    }
                }
            }
            Mutation::Repeat(pick, times) => {
                let elements: Vec<Vec<Step>> =
                    all.iter().filter(|p| matches!(p.last(), Some(Step::At(_)))).cloned().collect();
                if let Some(at) = pick.of(&elements) {
                    let (Step::At(i), parent) = at.split_last().expect("an element") else { return };
                    if let Some(Value::Array(items)) = get_mut(&mut self.doc, parent) {
                        let copy = items[*i].clone();
                        items.extend(std::iter::repeat_n(copy, *times));
                    }
                }
            }
        }
    }
}

fn looks_like_a_date(s: &str) -> bool {
    s.len() >= 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' && s[..4].bytes().all(|b| b.is_ascii_digit())
}

/// An object with a start and an end date (`start`/`end`, `startDate`/`endDate`): the start, and
/// the end's name.
fn period(v: &Value) -> Option<(chrono::NaiveDate, String)> {
    let map = v.as_object()?;
    [("start", "end"), ("startDate", "endDate")].into_iter().find_map(|(s, e)| {
        let start = map.get(s)?.as_str()?.parse().ok()?;
        map.get(e)?.as_str()?;
        Some((start, e.to_string()))
    })
}

/// Every path in the document, the document itself first.
pub fn paths(v: &Value) -> Vec<Vec<Step>> {
    fn walk(v: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
        out.push(at.clone());
        match v {
            Value::Object(map) => map.iter().for_each(|(k, v)| {
                at.push(Step::Key(k.clone()));
                walk(v, at, out);
                at.pop();
            }),
            Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| {
                at.push(Step::At(i));
                walk(v, at, out);
                at.pop();
            }),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, &mut Vec::new(), &mut out);
    out
}

pub fn get<'a>(v: &'a Value, at: &[Step]) -> Option<&'a Value> {
    at.iter().try_fold(v, |v, step| match (v, step) {
        (Value::Object(map), Step::Key(k)) => map.get(k),
        (Value::Array(items), Step::At(i)) => items.get(*i),
        _ => None,
    })
}

fn get_mut<'a>(v: &'a mut Value, at: &[Step]) -> Option<&'a mut Value> {
    at.iter().try_fold(v, |v, step| match (v, step) {
        (Value::Object(map), Step::Key(k)) => map.get_mut(k),
        (Value::Array(items), Step::At(i)) => items.get_mut(*i),
        _ => None,
    })
}

/// A path as the decoding errors write it (`items[3].durationMinutes`), parsed back.
pub fn parse_path(path: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            steps.push(Step::Key(key.to_string()));
        }
        steps.extend(rest.split('[').filter_map(|i| i.trim_end_matches(']').parse().ok()).map(Step::At));
    }
    steps
}

/// Any value at all, as raw JSON text.
fn any_raw() -> impl Strategy<Value = String> {
    prop_oneof![
        // escapes: lone and reversed surrogates, a short escape, every escape at once
        Just(r#""\ud83d\u0041""#.to_string()),
        Just(r#""\ud83d\ude00 \u00e9\n\t\"\\\/""#.to_string()),
        Just(r#""\udc00""#.to_string()),
        Just(r#""\ud800\ud800""#.to_string()),
        Just("\"\\u12\"".to_string()),
        Just("\"\\x41\"".to_string()),
        // NaN-like and not JSON at all
        Just("NaN".to_string()),
        Just("-Infinity".to_string()),
        Just("\"NaN\"".to_string()),
        Just("undefined".to_string()),
        Just("".to_string()),
        // other types
        Just("null".into()),
        Just("true".into()),
        Just("{}".into()),
        Just("[]".into()),
        Just("[null]".into()),
        Just("{\"a\":[1,{}]}".into()),
        number(),
        date(),
        // deep nesting, past serde_json's limit of 128 too
        (1usize..400).prop_map(|n| format!("{}{}", "[".repeat(n), "]".repeat(n))),
        (1usize..300).prop_map(|n| format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n))),
        // long strings, and control and direction characters
        (0usize..200_000).prop_map(|n| format!("\"{}\"", "x".repeat(n))),
        "[\\x00-\\x1f\\x7f\u{200b}\u{202e}\u{feff}a-z]{0,60}".prop_map(|s| serde_json::to_string(&s).unwrap()),
        "\\PC{0,40}".prop_map(|s| serde_json::to_string(&s).unwrap()),
    ]
}

/// A number, as raw JSON text: extreme, negative, tiny, fractional, or past what a float holds.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("1e400".to_string()),
        Just("-1e400".to_string()),
        Just("1E-400".to_string()),
        Just("-0".to_string()),
        Just("5e-324".to_string()),
        Just("1.7976931348623157e308".to_string()),
        Just("123456789012345678901234567890".to_string()),
        Just("-9223372036854775809".to_string()),
        Just("18446744073709551615".to_string()),
        Just("2147483648".to_string()),
        Just("4294967296".to_string()),
        Just("0.1e1".to_string()),
        Just("2.5E+3".to_string()),
        (-5i64..400).prop_map(|x| x.to_string()),
        (-5000i64..5000).prop_map(|x| format!("{}.{:02}", x / 100, (x % 100).abs())),
        any::<f64>().prop_map(|x| if x.is_finite() { format!("{x:e}") } else { "1e999".into() }),
        any::<i64>().prop_map(|x| x.to_string()),
    ]
}

/// A date, as raw JSON text: impossible, negative, far, or not quite a date.
fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"2026-02-30\"".to_string()),
        Just("\"0000-01-01\"".to_string()),
        Just("\"-0001-12-31\"".to_string()),
        Just("\"+262142-12-31\"".to_string()),
        Just("\"-262143-01-01\"".to_string()),
        Just("\"9999-12-31\"".to_string()),
        Just("\"2026-12-01T00:00:00Z\"".to_string()),
        Just("\"2026-1-1\"".to_string()),
        Just("\"\"".to_string()),
        (-400i32..12_000, 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("\"{y:04}-{m:02}-{d:02}\"")),
        (1900i32..2100, 1u32..13, 1u32..29).prop_map(|(y, m, d)| format!("\"{y:04}-{m:02}-{d:02}\"")),
    ]
}

fn code() -> impl Strategy<Value = String> {
    prop_oneof![Just("".to_string()), Just("days".to_string()), Just("e1 ".to_string()), "[A-Z_]{1,14}", "e[0-9]{1,3}"]
}

pub fn mutation() -> impl Strategy<Value = Mutation> {
    let pick = any::<u32>().prop_map(Pick);
    prop_oneof![
        3 => (pick.clone(), any_raw()).prop_map(|(p, raw)| Mutation::Replace(p, raw)),
        2 => (pick.clone(), code()).prop_map(|(p, c)| Mutation::UnknownCode(p, c)),
        2 => (pick.clone(), date()).prop_map(|(p, raw)| Mutation::Date(p, raw)),
        1 => (pick.clone(), any::<u16>()).prop_map(|(p, d)| Mutation::Reversed(p, d % 4000)),
        3 => (pick.clone(), number()).prop_map(|(p, raw)| Mutation::Number(p, raw)),
        2 => pick.clone().prop_map(Mutation::Remove),
        1 => (pick.clone(), "[a-z]{0,8}", any_raw()).prop_map(|(p, name, raw)| Mutation::Extra(p, name, raw)),
        // mostly a duplicate or two, at times a huge array
        2 => (pick, prop_oneof![4 => 1usize..4, 1 => 100usize..3000]).prop_map(|(p, n)| Mutation::Repeat(p, n)),
    ]
}
