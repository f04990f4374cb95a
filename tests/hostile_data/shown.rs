//! What the app makes of an account, page by page and in every language, with what must hold of
//! it: each figure shown or the reason it is not, naming the field; every text filled in; no
//! number written as NaN; the national register number masked; the history's CSV read back to the
//! same trainings.

use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::Value;
use training_account::contract::{decode, Attendance, CarryOver, Date, Entitlements, Me, Refusal, Training, Unit};
use training_account::domain::figures::{Attended, DataError, Entitled, Ledger};
use training_account::domain::history::History;
use training_account::domain::history_filter::{total_minutes, Filter, Sort};
use training_account::domain::listed_totals::compare;
use training_account::domain::together::together;
use training_account::i18n::{texts, Texts, LANGUAGES};
use training_account::present::cards::{self, Card};
use training_account::present::{
    carry_over, combined, export, findings, format, notices, profile, training_details, usage, who, widget,
};

use crate::mutation::{get, is_marker, parse_path};

pub type Checked = Result<(), TestCaseError>;

/// The year the pages show, and the day: the fixtures' own.
pub const YEAR: i32 = 2026;

pub fn today() -> Date {
    Date::parse("2026-12-04").expect("a date")
}

/// A refusal is explained by the mutations: it names a value one of them wrote (or a place inside
/// it), an object a field was taken out of, the array or object around text that is no JSON, or a
/// list in which one of them repeated an element.
pub fn explained(r: &Refusal, doc: &Value) -> bool {
    let steps = parse_path(&r.path);
    let written = (0..=steps.len()).any(|n| get(doc, &steps[..n]).is_some_and(is_marker));
    let missing = r.why.strip_prefix("missing field `").and_then(|rest| rest.split('`').next());
    let taken = missing
        .is_some_and(|field| get(doc, &steps).and_then(Value::as_object).is_some_and(|map| !map.contains_key(field)));
    // text that is no JSON where an element or a field's value was (`[{…},]`): the parser names
    // the array or object around it
    let around = r.syntax
        && match get(doc, &steps) {
            Some(Value::Array(items)) => items.iter().any(is_marker),
            Some(Value::Object(map)) => map.values().any(is_marker),
            _ => false,
        };
    // two elements of a list with one key (`[0] and [2] have the same id, e1`): a repeat did it
    let repeated = get(doc, &steps).and_then(Value::as_array).is_some_and(|items| {
        ["id", "employerId", "year"].into_iter().any(|key| {
            let keys: Vec<&Value> = items.iter().filter_map(|item| item.get(key)).collect();
            r.why.contains(&format!(" have the same {key}, "))
                && keys.iter().enumerate().any(|(i, k)| keys[..i].contains(k))
        })
    });
    written || taken || around || repeated
}

/// What the app read of each resource; `None` for one that was refused or not there.
#[derive(Default)]
pub struct Read {
    pub me: Option<Me>,
    pub carry_over: Option<CarryOver>,
    pub entitlements: Vec<Entitlements>,
    pub attendance: Vec<Attendance>,
    pub trainings: Option<Vec<Training>>,
}

/// Decodes a document; a refusal must be one `hostile` explains (`None`: no refusal is).
pub fn read<T: DeserializeOwned>(text: &str, hostile: Option<&Value>, what: &str) -> Result<Option<T>, TestCaseError> {
    match decode::<T>(text) {
        Ok(v) => Ok(Some(v)),
        Err(r) => {
            let fine = hostile.is_some_and(|doc| explained(&r, doc));
            prop_assert!(fine, "{what} refused, with nothing the mutations did there: {r}");
            Ok(None)
        }
    }
}

/// No placeholder of `i18n::fill` is left (`\u{1}` is a character a refusal quotes).
pub fn filled(text: &str) -> Checked {
    let placeholder =
        (0..5).any(|n| text.match_indices(&format!("{{{n}}}")).any(|(at, _)| !text[..at].ends_with("\\u")));
    prop_assert!(!placeholder, "unfilled: {text}");
    Ok(())
}

thread_local! {
    /// Whether the documents themselves hold "NaN" (a code, a title), which the pages then quote.
    static QUOTED_NAN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The documents of the case being checked say "NaN" somewhere.
pub fn quoting_nan(yes: bool) {
    QUOTED_NAN.set(yes);
}

/// Words the app wrote with figures: filled in, and no number written as NaN.
pub fn worded(text: &str) -> Checked {
    filled(text)?;
    prop_assert!(QUOTED_NAN.get() || !text.contains("NaN"), "a number that is none: {text}");
    Ok(())
}

/// Every text of a card is filled in, and the card says something: its figure, a note why there
/// is none, or the problem with its data.
fn card_said(t: &Texts, card: &Card) -> Checked {
    prop_assert!(card.figure.is_some() || !card.notes.is_empty() || card.problem.is_some(), "{card:?}");
    let texts = card.notes.iter().chain(&card.findings).chain(&card.problem).chain([&card.title]);
    for text in texts.chain(card.rows.iter().flat_map(|(k, v)| [k, v])) {
        worded(text)?;
    }
    if let Some(q) = &card.figure {
        for prefer in [None, Some(Unit::Days), Some(Unit::Hours)] {
            let (figure, other) = format::worded(t, q, prefer);
            prop_assert!(!figure.is_empty());
            worded(&figure)?;
            other.map_or(Ok(()), |o| worded(&o))?;
        }
    }
    if let Some(u) = &card.usage {
        prop_assert!(u.used_per_mille <= 1000, "{u:?}");
        let words = usage::words(t, u);
        for text in [&words.summary, &words.used, &words.left, &words.available] {
            worded(text)?;
        }
    }
    Ok(())
}

/// A figure the domain refuses is the card's problem, naming the field; one it takes, its figure.
fn figure_or_why<F>(t: &Texts, card: &Card, figure: Option<&Result<F, DataError>>) -> Checked {
    card_said(t, card)?;
    match figure {
        Some(Ok(_)) => prop_assert!(card.figure.is_some() && card.problem.is_none(), "{card:?}"),
        Some(Err(e)) => {
            prop_assert_eq!(card.problem.clone(), Some(findings::data_error(t, e)));
            prop_assert!(card.problem.as_ref().is_some_and(|p| p.contains(e.field)), "{card:?}");
        }
        None => prop_assert!(card.figure.is_none(), "a figure from nowhere: {card:?}"),
    }
    Ok(())
}

/// Every page of the account, in every language.
pub fn pages(all: &Read) -> Checked {
    for t in LANGUAGES.map(texts) {
        dashboard(t, all)?;
        carry_over_page(t, all)?;
        profile_page(t, all)?;
        history(t, all)?;
        widget_card(t, all)?;
    }
    Ok(())
}

fn employer_ids(all: &Read) -> Vec<String> {
    match &all.me {
        Some(me) => me.employers.iter().map(|e| e.id.clone()).collect(),
        None => all.carry_over.iter().flat_map(|c| c.items.iter().map(|i| i.employer_id.clone())).collect(),
    }
}

fn dashboard(t: &Texts, all: &Read) -> Checked {
    let year = |y: i32| move |e: &&Entitlements| e.year == y;
    for id in employer_ids(all) {
        for e in all.entitlements.iter().filter(year(YEAR)) {
            let first = e.items.iter().find(|i| i.employer_id == id).map(Entitled::from_item);
            figure_or_why(t, &cards::entitled(t, e.year, &e.items, &id), first.as_ref())?;
        }
        for a in all.attendance.iter().filter(|a| a.year == YEAR) {
            let first = a.items.iter().find(|i| i.employer_id == id).map(Attended::from_item);
            figure_or_why(t, &cards::attended(t, a.year, &a.items, &id), first.as_ref())?;
        }
        if let Some(c) = &all.carry_over {
            let first = c.items.iter().find(|i| i.employer_id == id).map(Ledger::from_item);
            let cards = cards::ledger(t, YEAR, &c.items, &id, false);
            // the credit card, or the one card that says why there is none
            figure_or_why(t, cards.last().expect("at least one card"), first.as_ref())?;
            for card in &cards {
                card_said(t, card)?;
            }
            if let (Some(Ok(l)), Some(trainings)) = (&first, &all.trainings) {
                for f in compare(l, &id, trainings) {
                    worded(&findings::finding(t, &f, &l.unit))?;
                }
            }
        }
    }
    if let (Some(me), Some(c)) = (&all.me, &all.carry_over) {
        for notice in notices::notices(t, me, &c.items, today()) {
            prop_assert!(!notice.is_empty());
            filled(&notice)?;
        }
        let ent = all.entitlements.iter().find(|e| e.year == YEAR).map_or(&[][..], |e| &e.items);
        let att = all.attendance.iter().find(|a| a.year == YEAR).map_or(&[][..], |a| &a.items);
        for prefer in [None, Some(Unit::Days), Some(Unit::Hours)] {
            if let Some(both) = together(YEAR, prefer, &me.employers, ent, att, &c.items) {
                let table = combined::combined(t, YEAR, &me.employers, both);
                filled(&table.caption)?;
                for cell in table.rows.iter().flatten() {
                    worded(cell)?;
                }
            }
        }
    }
    Ok(())
}

fn carry_over_page(t: &Texts, all: &Read) -> Checked {
    let Some(c) = &all.carry_over else { return Ok(()) };
    for item in &c.items {
        card_said(t, &carry_over::credit(t, YEAR, item))?;
        for prefer in [None, Some(Unit::Days), Some(Unit::Hours)] {
            if let Some(years) = carry_over::years(t, item, prefer) {
                for text in [&years.chart_label, &years.caption].into_iter().chain(years.rows.iter().flatten()) {
                    worded(text)?;
                }
                let chart = &years.chart;
                prop_assert!(chart.width > 0 && chart.ticks.len() >= 2, "{chart:?}");
                prop_assert!(chart.ticks.windows(2).all(|w| w[0].0 > w[1].0), "gridlines that do not rise: {chart:?}");
            }
        }
        let name = profile::employer_name(all.me.as_ref(), &item.employer_id).unwrap_or(&item.employer_id);
        match carry_over::check(t, item, name, all.trainings.as_deref()) {
            carry_over::Check::Fine(text) => filled(&text)?,
            carry_over::Check::Broken(sentences) => sentences.iter().try_for_each(|s| worded(s))?,
        }
    }
    Ok(())
}

fn profile_page(t: &Texts, all: &Read) -> Checked {
    let Some(me) = &all.me else { return Ok(()) };
    let person = who::person(t, me);
    if let Some((_, ssin)) = &person.ssin {
        let digits: String = me.ssin.chars().filter(char::is_ascii_digit).collect();
        prop_assert!(digits.len() < 7 || !ssin.contains(&digits[6..]), "the national register number unmasked: {ssin}");
    }
    prop_assert_eq!(profile::sources(t, me).len(), me.sources.len());
    for e in &me.employers {
        let rows = profile::employment(t, e);
        // the employer's identifiers are shown, valid or flagged (a record kept by hand has none)
        prop_assert!(e.enterprise_number.is_empty() || !rows[0].1.is_empty(), "{rows:?}");
        prop_assert!(e.nsso_number.is_empty() || !rows[1].1.is_empty(), "{rows:?}");
        rows.iter().try_for_each(|(k, v)| filled(k).and(filled(v)))?;
        let header = who::employer_header(t, e, YEAR);
        filled(&header.employment)?;
        header.note.as_deref().map_or(Ok(()), filled)?;
    }
    Ok(())
}

fn history(t: &Texts, all: &Read) -> Checked {
    let Some(trainings) = &all.trainings else { return Ok(()) };
    let mut history = History::default();
    history.append(trainings.clone(), None, None);
    for sort in Sort::ALL {
        let filter = Filter::read(|key| match key {
            "sort" => Some(sort.code().into()),
            "q" => Some("e".into()),
            _ => None,
        });
        let kept = filter.apply(&history.items);
        prop_assert!(kept.len() <= trainings.len());
        let sum: u64 = kept.iter().map(|t| u64::from(t.duration_minutes)).sum();
        prop_assert_eq!(u64::from(total_minutes(&kept)), sum.min(u64::from(u32::MAX)));
    }
    let shown = Filter::default().apply(&history.items);
    // a training already listed (the same id) is listed once
    prop_assert_eq!(shown.len(), history.items.len(), "the whole history, unfiltered");
    let name = |id: &str| profile::employer_name(all.me.as_ref(), id).unwrap_or(id).to_string();
    let csv = export::history_csv(t, &shown, &name);
    // the CSV holds exactly the trainings shown, read back by a CSV parser to the same titles
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').has_headers(true).from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> =
        reader.records().collect::<Result<_, _>>().map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(rows.len(), shown.len());
    for (row, tr) in rows.iter().zip(&shown) {
        let title = row.get(2).unwrap_or_default();
        prop_assert!(
            title == tr.title || title.strip_prefix('\'') == Some(tr.title.as_str()),
            "{title:?} for {:?}",
            tr.title
        );
    }
    for tr in trainings.iter().take(200) {
        for (k, v) in
            training_details::rows(t, tr, profile::employer_name(all.me.as_ref(), &tr.employer_id), Some(today()))
        {
            filled(&k)?;
            filled(&v)?;
        }
    }
    Ok(())
}

fn widget_card(t: &Texts, all: &Read) -> Checked {
    let (Some(me), Some(c)) = (&all.me, &all.carry_over) else { return Ok(()) };
    let trainings = all.trainings.as_deref().unwrap_or_default();
    card_said(t, &widget::card(t, YEAR, Some(today()), me, &c.items, trainings, None))?;
    for e in &me.employers {
        card_said(t, &widget::card(t, YEAR, Some(today()), me, &c.items, trainings, Some(&e.id)))?;
    }
    Ok(())
}
