//! The intranet widget's card: the training credit usable now and when it lapses, what was
//! attended this year and the next training booked, for one employer or all of them together
//! (in one unit where the back ends' own `hoursPerDay` allows, else each on its own line).
//! Everything comes from the carry-over ledger and the first page of the history.

use crate::contract::{Code, Date, LedgerItem, Me, Status, Training};
use crate::domain::amount::{common_unit, total_in, Amount, Quantity};
use crate::domain::figures::Ledger;
use crate::i18n::Language;
use crate::i18n::{fill, from_tag, Texts};
use crate::present::cards::Card;
use crate::present::format::{date, quantity, worded};
use crate::present::profile::employer_name;

/// How the page around the card asked it to look (the iframe's query or the element's `data-`
/// attributes). A value that is not one of those allowed is ignored, never passed on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Look {
    pub lang: Option<Language>,
    /// `light` or `dark`; `None` follows the device.
    pub theme: Option<&'static str>,
    /// `#rgb` or `#rrggbb`.
    pub accent: Option<String>,
    pub compact: bool,
    /// One employer's id; `None` for all of them.
    pub employer: Option<String>,
}

impl Look {
    pub fn read(get: impl Fn(&str) -> Option<String>) -> Look {
        let hex = |v: &str| v.len() <= 7 && v.len() % 3 == 1 && v.bytes().skip(1).all(|b| b.is_ascii_hexdigit());
        Look {
            lang: get("lang").and_then(|l| from_tag(&l)),
            theme: get("theme").and_then(|v| ["light", "dark"].into_iter().find(|t| *t == v)),
            accent: get("accent").filter(|v| v.starts_with('#') && hex(v)),
            compact: get("size").as_deref() == Some("compact"),
            employer: get("employer").filter(|e| !e.is_empty()),
        }
    }

    /// The card's colour scheme and accent as CSS properties, from validated values only; set
    /// through CSSOM, which a strict CSP allows where it refuses style attributes.
    pub fn properties(&self) -> Vec<(&'static str, &str)> {
        let theme = self.theme.map(|t| ("color-scheme", t));
        let accent = self.accent.as_deref().into_iter().flat_map(|a| [("--brand", a), ("--used", a)]);
        theme.into_iter().chain(accent).collect()
    }
}

/// The card; `only` is one employer's id, `None` for all of them.
pub fn card(
    t: &Texts,
    year: i32,
    today: Option<Date>,
    me: &Me,
    ledger: &[LedgerItem],
    trainings: &[Training],
    only: Option<&str>,
) -> Card {
    // per employer: its name, credit, this year's attendance and the date its credit lapses
    let mut each = Vec::new();
    for item in ledger.iter().filter(|i| only.is_none_or(|o| o == i.employer_id)) {
        let Ok(l) = Ledger::from_item(item) else { continue };
        let name = employer_name(Some(me), &item.employer_id).unwrap_or(&item.employer_id);
        let figure = |amount| Quantity { amount, unit: l.unit.clone(), hours_per_day: l.hours_per_day };
        let attended = l.row(year).map_or(Amount::ZERO, |r| r.attended);
        let lapses = l.expires_on.filter(|_| l.forfeited.is_none() && l.credit > Amount::ZERO);
        each.push((name, figure(l.credit), figure(attended), lapses));
    }
    let mut card = Card::new("widget", t.card_credit.into());
    let attended_title = fill(t.card_attended, &[&year.to_string()]);
    if let [(_, credit, attended, _)] = each.as_slice() {
        card.rows.push((attended_title, worded(t, attended, None).0));
        card.figure = Some(credit.clone());
    } else if each.is_empty() {
        card.notes.push(t.no_ledger.into());
    } else if let Some(u) = common_unit(each.iter().flat_map(|e| [&e.1, &e.2]), None) {
        // every one of them can be put in `u`: that is what makes it the common unit
        let sum = |credit: bool| {
            total_in(each.iter().map(|e| Some(if credit { &e.1 } else { &e.2 })), u).unwrap_or(Amount::ZERO)
        };
        card.rows.push((attended_title, quantity(t, sum(false), &Code::Known(u))));
        card.figure = Some(Quantity { amount: sum(true), unit: Code::Known(u), hours_per_day: None });
    } else {
        // days and hours without a rate: each employer's credit on its own line
        for (name, credit, attended, _) in &each {
            let text = format!("{} · {}", worded(t, credit, None).0, worded(t, attended, None).0);
            card.rows.push((name.to_string(), text));
        }
    }
    // the first credit to lapse
    if let Some(d) = each.iter().filter_map(|e| e.3).min() {
        card.notes.push(fill(t.usable_until, &[&date(t, d)]));
    }
    // the history comes newest first: the last booked training still to come is the next one
    let next = trainings
        .iter()
        .filter(|tr| tr.status.known() == Some(&Status::Reserved) && today.is_none_or(|d| tr.start_date >= d))
        .filter(|tr| only.is_none_or(|o| o == tr.employer_id))
        .min_by_key(|tr| tr.start_date);
    if let Some(tr) = next {
        card.rows.push((t.next_training.into(), format!("{}, {}", tr.title, date(t, tr.start_date))));
    }
    card
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::decode;
    use crate::contract::CarryOver;
    use crate::domain::{demo_fixture, demo_trainings};
    use crate::i18n::{texts, Language};

    fn of(persona: &str, only: Option<&str>) -> Card {
        let me: Me = demo_fixture(persona, "me.json");
        let l: CarryOver = demo_fixture(persona, "carry-over.json");
        let today = Date::parse("2026-11-28");
        card(texts(Language::En), 2026, today, &me, &l.items, &demo_trainings(persona), only)
    }

    fn figure(c: &Card) -> String {
        worded(texts(Language::En), c.figure.as_ref().unwrap(), None).0
    }

    #[test]
    fn only_valid_looks_are_taken() {
        fn ask(pairs: &[(&str, &str)]) -> Look {
            Look::read(|k| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string()))
        }
        let look =
            ask(&[("lang", "fr"), ("theme", "dark"), ("accent", "#005ea5"), ("size", "compact"), ("employer", "e2")]);
        assert_eq!(look.lang, Some(Language::Fr));
        assert!(look.compact);
        assert_eq!(look.properties(), [("color-scheme", "dark"), ("--brand", "#005ea5"), ("--used", "#005ea5")]);
        assert_eq!(ask(&[("accent", "#abc")]).accent.as_deref(), Some("#abc"));
        // anything else is dropped: it could otherwise inject CSS into the card
        for bad in ["red", "#12345", "#12345g", "#fff;background:url(x)", "#1234567"] {
            assert_eq!(ask(&[("accent", bad)]).properties(), [], "{bad}");
        }
        let none = ask(&[("lang", "xx"), ("theme", "blue"), ("size", "huge")]);
        assert_eq!(none, Look::default());
    }

    #[test]
    fn one_employer_with_its_next_training() {
        let c = of("a", None);
        assert_eq!(figure(&c), "2.5 days");
        assert_eq!(c.notes, ["Usable until 31\u{a0}December 2028, the end of the reference period."]);
        assert_eq!(
            c.rows,
            [
                ("Attended in 2026".to_string(), "3 days".to_string()),
                ("Next training".to_string(), "Presentatietechnieken, 8\u{a0}December 2026".to_string()),
            ]
        );
    }

    #[test]
    fn two_employers_together_with_their_own_rates() {
        // 1.5 days, and 12 hours at 8 a day: 3 days
        let c = of("g", None);
        assert_eq!(figure(&c), "3 days");
        assert_eq!(c.rows[0], ("Attended in 2026".to_string(), "3 days".to_string()));
        let one = of("g", Some("e2"));
        assert_eq!(
            worded(texts(Language::En), one.figure.as_ref().unwrap(), None),
            ("12 hours".into(), Some("= 1.5 days".into()))
        );
    }

    #[test]
    fn without_rates_each_employer_on_its_own_line() {
        let c = of("h", None);
        assert_eq!(c.figure, None);
        assert_eq!(c.rows[1], ("Net & Proper BV".to_string(), "12 hours · 12 hours".to_string()));
    }

    #[test]
    fn a_forfeited_balance_does_not_lapse_and_past_trainings_are_not_next() {
        let c = of("b", Some("e2"));
        assert!(c.notes.is_empty(), "{:?}", c.notes);
        assert!(c.rows.iter().all(|(k, _)| k != "Next training"));
    }

    /// Persona g's two employers with a credit of `c1` hundredths of a day (at `r1` hundredths of
    /// an hour a day) and `c2` hundredths of an hour (at `r2`), listed in either order.
    fn two_credits(c1: i64, r1: i64, c2: i64, r2: i64, swap: bool) -> Card {
        let me: Me = demo_fixture("g", "me.json");
        let item = |id: &str, unit: &str, credit: i64, rate: i64| {
            format!(
                r#"{{"employerId":"{id}","unit":"{unit}","hoursPerDay":{},"referencePeriod":{{"start":"2025-01-01","end":"2029-12-31"}},
                "years":[{{"year":2026,"carriedIn":0,"entitled":0,"attended":0,"carriedOut":0,"final":false}}],"creditBalance":{}}}"#,
                rate as f64 / 100.0,
                credit as f64 / 100.0
            )
        };
        let (a, b) = (item("e1", "DAYS", c1, r1), item("e2", "HOURS", c2, r2));
        let items = if swap { format!("[{b},{a}]") } else { format!("[{a},{b}]") };
        let l: CarryOver = decode(&format!(r#"{{"items":{items}}}"#)).unwrap();
        card(texts(Language::En), 2026, None, &me, &l.items, &[], None)
    }

    proptest::proptest! {
        #[test]
        fn together_is_each_credit_in_days_added_up_in_any_order(
            c1 in 0i64..100_000, r1 in 1i64..2_400, c2 in 0i64..100_000, r2 in 1i64..2_400, swap: bool
        ) {
            let c = two_credits(c1, r1, c2, r2, swap);
            let f = c.figure.unwrap();
            let in_days = crate::domain::amount::hours_to_days(Amount::from_hundredths(c2), Amount::from_hundredths(r2)).unwrap();
            proptest::prop_assert_eq!(f.unit, Code::Known(crate::contract::Unit::Days));
            proptest::prop_assert_eq!(f.amount, Amount::from_hundredths(c1) + in_days);
            proptest::prop_assert_eq!(two_credits(c1, r1, c2, r2, !swap).figure.unwrap().amount, f.amount);
        }
    }
}
