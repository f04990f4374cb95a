//! What each figure card on the dashboard says, as plain data: the wording and numbers are
//! decided here (and tested natively); one view renders every card the same way.

use crate::api::dto::{Code, Unit};
use crate::domain::amount::Amount;
use crate::domain::figures::{Attended, DataError, Entitled, Finding, Ledger};
use crate::domain::format::{date, decimal, in_other_unit, percent, quantity};
use crate::domain::labels::label;

#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// Stable name for tests and styling: entitled, attended, left, carried-in, credit.
    pub id: &'static str,
    pub title: String,
    /// The headline (`4.2 days`) and the same in the other unit (`= 31.92 hours`).
    pub figure: Option<(String, Option<String>)>,
    pub notes: Vec<String>,
    pub rows: Vec<(String, String)>,
    pub usage: Option<Usage>,
    /// Broken ledger rules, as sentences.
    pub findings: Vec<String>,
    /// Why the figure cannot be shown at all.
    pub problem: Option<String>,
}

/// Used against left in one year, for the bar and its text alternative.
#[derive(Clone, Debug, PartialEq)]
pub struct Usage {
    /// Per mille of what was available, 0 to 1000.
    pub used_per_mille: u32,
    pub used: String,
    pub left: String,
    pub available: String,
}

impl Card {
    fn new(id: &'static str, title: String) -> Card {
        Card {
            id,
            title,
            figure: None,
            notes: Vec::new(),
            rows: Vec::new(),
            usage: None,
            findings: Vec::new(),
            problem: None,
        }
    }

    fn figure(mut self, amount: Amount, unit: &Code<Unit>, hours_per_day: Option<Amount>) -> Card {
        self.figure = Some((quantity(amount, unit), in_other_unit(amount, unit, hours_per_day)));
        self
    }

    fn note(mut self, text: String) -> Card {
        self.notes.push(text);
        self
    }

    fn findings(mut self, findings: &[Finding], unit: &Code<Unit>) -> Card {
        self.findings = findings.iter().map(|f| f.describe(unit)).collect();
        self
    }

    /// The card for a figure that could not be had: nothing recorded, or impossible data.
    fn unavailable(self, what: &str, year: i32, error: Option<DataError>) -> Card {
        match error {
            Some(e) => Card { problem: Some(e.to_string()), ..self },
            None => self.note(format!("No {what} recorded for {year} at this employer.")),
        }
    }
}

fn split<T>(figure: Option<Result<T, DataError>>) -> Result<T, Option<DataError>> {
    match figure {
        Some(Ok(t)) => Ok(t),
        Some(Err(e)) => Err(Some(e)),
        None => Err(None),
    }
}

pub fn entitled(year: i32, figure: Option<Result<Entitled, DataError>>) -> Card {
    let card = Card::new("entitled", format!("Entitled in {year}"));
    let e = match split(figure) {
        Ok(e) => e,
        Err(error) => return card.unavailable("training right", year, error),
    };
    let u = &e.unit;
    let formula = format!(
        "Individual right: {} full-time ({}) × {} work regime × {}/12 months = {}",
        quantity(e.full_time_value, u),
        label(&e.basis),
        percent(e.regime_fraction),
        decimal(Amount::from_f64(e.months_counted).unwrap_or_default()),
        quantity(e.individual, u),
    );
    let mut card = card.figure(e.total, u, e.hours_per_day).note(formula).findings(&e.findings, u);
    if let Some(cba) = e.cba.clone() {
        card.rows.push(("Collective agreement".into(), cba));
    }
    card.rows.extend(e.sectoral.iter().map(|(l, v)| (l.clone(), format!("+ {}", quantity(*v, u)))));
    card
}

pub fn attended(year: i32, figure: Option<Result<Attended, DataError>>) -> Card {
    let card = Card::new("attended", format!("Attended in {year}"));
    let a = match split(figure) {
        Ok(a) => a,
        Err(error) => return card.unavailable("attended training", year, error),
    };
    let u = &a.unit;
    let mut card = card.figure(a.attended, u, a.hours_per_day).findings(&a.findings, u);
    card.rows =
        vec![("Formal training".into(), quantity(a.formal, u)), ("Informal training".into(), quantity(a.informal, u))];
    if let Some(n) = a.not_counted {
        card.rows.push(("Not counted towards your right".into(), quantity(n, u)));
    }
    if let Some(d) = a.last_updated {
        card.rows.push(("Last updated".into(), date(d)));
    }
    card
}

/// Left this year, carried in, and the credit usable now: all from the carry-over ledger.
pub fn ledger(year: i32, figure: Option<Result<Ledger, DataError>>) -> Vec<Card> {
    let l = match split(figure) {
        Ok(l) => l,
        Err(error) => {
            return vec![Card::new("ledger", "Carry-over".into()).unavailable("carry-over ledger", year, error)]
        }
    };
    let u = &l.unit;
    let mut left = Card::new("left", format!("Left for {year}"));
    let mut carried_in = Card::new("carried-in", format!("Carried into {year}"));
    match l.row(year) {
        Some(r) => {
            left = left.figure(r.remaining().max0(), u, l.hours_per_day);
            if r.remaining().is_negative() {
                left = left.note(format!(
                    "You attended {} more than was available.",
                    quantity(Amount::ZERO - r.remaining(), u)
                ));
            }
            left.usage = Some(Usage {
                used_per_mille: (r.used_share() * 1000.0).round() as u32,
                used: quantity(r.attended, u),
                left: quantity(r.remaining().max0(), u),
                available: quantity(r.available(), u),
            });
            carried_in = carried_in
                .figure(r.carried_in, u, l.hours_per_day)
                .note(format!("Unused training from {} that moved to {year}.", year - 1));
        }
        None => {
            left = left.unavailable("ledger year", year, None);
            carried_in = carried_in.unavailable("ledger year", year, None);
        }
    }
    let expiry = match (&l.forfeited, l.expires_on) {
        (Some((on, reason)), _) => format!("Forfeited on {} ({}).", date(*on), label(reason)),
        (None, Some(exp)) => format!("Usable until {}, the end of the reference period.", date(exp)),
        (None, None) => "The service gave no expiry date.".into(),
    };
    let credit = Card::new("credit", "Training credit now".into())
        .figure(l.credit, u, l.hours_per_day)
        .note(expiry)
        .note(format!("Reference period {} – {}", date(l.period.0), date(l.period.1)))
        .findings(&l.findings, u);
    vec![left, carried_in, credit]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::json::parse;

    fn fixture(persona: &str, name: &str) -> String {
        std::fs::read_to_string(format!("{}/demo/fixtures/{persona}/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn entitled_card_explains_the_formula() {
        let e: crate::api::dto::Entitlements = parse(&fixture("b", "entitlements-2026.json")).unwrap();
        let card = entitled(2026, Some(Entitled::from_item(&e.items[0])));
        assert_eq!(card.figure, Some(("4.2 days".into(), Some("= 31.92 hours".into()))));
        assert_eq!(
            card.notes,
            ["Individual right: 4 days full-time (sector agreement) × 80 % work regime × 12/12 months = 3.2 days"]
        );
        assert_eq!(
            card.rows,
            [
                ("Collective agreement".into(), "181682/CO/200".into()),
                ("Sectoral training credit".into(), "+ 1 day".into())
            ]
        );
        assert!(card.findings.is_empty() && card.problem.is_none());
    }

    #[test]
    fn missing_and_impossible_figures_say_so() {
        let none = attended(2026, None);
        assert_eq!(
            (none.figure, none.notes),
            (None, vec!["No attended training recorded for 2026 at this employer.".to_string()])
        );
        let bad = DataError { field: "attended", value: "-1".into(), why: "a negative amount" };
        let card = attended(2026, Some(Err(bad)));
        assert_eq!(card.problem.as_deref(), Some("attended = -1 (a negative amount)"));
        assert_eq!(ledger(2026, None)[0].notes, ["No carry-over ledger recorded for 2026 at this employer."]);
    }

    #[test]
    fn ledger_cards_for_the_running_year() {
        let l: crate::api::dto::CarryOver = parse(&fixture("a", "carry-over.json")).unwrap();
        let cards = ledger(2026, Some(Ledger::from_item(&l.items[0])));
        let ids: Vec<_> = cards.iter().map(|c| c.id).collect();
        assert_eq!(ids, ["left", "carried-in", "credit"]);
        assert_eq!(cards[0].figure.as_ref().unwrap().0, "2.5 days");
        assert_eq!(
            cards[0].usage,
            Some(Usage {
                used_per_mille: 545,
                used: "3 days".into(),
                left: "2.5 days".into(),
                available: "5.5 days".into()
            })
        );
        assert_eq!(cards[1].figure.as_ref().unwrap().0, "0.5 days");
        assert_eq!(cards[2].notes[0], "Usable until 31 Dec 2028, the end of the reference period.");
        // a year the ledger does not have
        let cards = ledger(2030, Some(Ledger::from_item(&l.items[0])));
        assert_eq!(cards[0].notes, ["No ledger year recorded for 2030 at this employer."]);
    }

    #[test]
    fn overdrawn_years_show_zero_left_and_say_by_how_much() {
        let item: crate::api::dto::LedgerItem = parse(
            r#"{"employerId":"e1","unit":"DAYS","referencePeriod":{"start":"2024-01-01","end":"2028-12-31"},
                "years":[{"year":2025,"carriedIn":0.5,"entitled":2,"attended":3,"carriedOut":0,"final":false}],
                "creditBalance":0}"#,
        )
        .unwrap();
        let cards = ledger(2025, Some(Ledger::from_item(&item)));
        assert_eq!(cards[0].figure.as_ref().unwrap().0, "0 days");
        assert_eq!(cards[0].usage.as_ref().unwrap().used_per_mille, 1000);
        assert_eq!(cards[0].notes, ["You attended 0.5 days more than was available."]);
    }
}
