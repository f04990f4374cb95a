//! The carry-over page in words and geometry: each employer's credit, its ledger year by year as
//! a chart and a table in the unit preferred, and what the check says of its figures.

use crate::contract::{LedgerItem, Training, Unit};
use crate::domain::figures::Ledger;
use crate::domain::listed_totals;
use crate::i18n::{fill, Texts};
use crate::present::cards::{self, Card};
use crate::present::chart::{self, Chart};
use crate::present::findings::finding;
use crate::present::format::decimal;
use crate::present::ledger_table;

/// The employer's credit now, as a card. The rules its figures break are said once, in the check.
pub fn credit(t: &Texts, year: i32, item: &LedgerItem) -> Card {
    // a past employment's ledger is one card: the credit, or why there is none
    let cards = cards::ledger(t, year, std::slice::from_ref(item), &item.employer_id, true);
    let mut card = cards.into_iter().next().unwrap_or_else(|| Card::new("credit", t.card_credit.into()));
    card.findings.clear();
    card
}

/// One employer's ledger year by year: a chart and a table of the same figures.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerYears {
    pub chart: Chart,
    /// The scale's gridlines: their height and their number.
    pub ticks: Vec<(i64, String)>,
    /// The chart's text alternative.
    pub chart_label: String,
    pub caption: String,
    pub head: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// `None` for a ledger whose figures cannot be used (its card says why).
pub fn years(t: &Texts, item: &LedgerItem, prefer: Option<Unit>) -> Option<LedgerYears> {
    let l = Ledger::from_item(item).ok()?;
    let (rows, unit) = ledger_table::rows_in(&l, prefer);
    let unit = ledger_table::unit_name(t, &unit);
    let chart = chart::layout(&rows);
    let (head, body) = ledger_table::table(t, &rows);
    Some(LedgerYears {
        ticks: chart.ticks.iter().map(|(y, value)| (*y, decimal(t, *value))).collect(),
        chart,
        chart_label: fill(t.chart_label, &[unit]),
        caption: fill(t.ledger_caption, &[unit]),
        head,
        rows: body,
    })
}

/// What the check says of one employer's figures.
#[derive(Clone, Debug, PartialEq)]
pub enum Check {
    /// `The carry-over figures of … follow every rule that was checked.`
    Fine(String),
    /// The rules they break, as sentences.
    Broken(Vec<String>),
}

/// The ledger's own rules, and with the trainings `listed` (`None` while they load or when they
/// could not be loaded) whether they add up to each year's attended total.
pub fn check(t: &Texts, item: &LedgerItem, name: &str, listed: Option<&[Training]>) -> Check {
    let mut findings = Vec::new();
    if let Ok(l) = Ledger::from_item(item) {
        findings.extend(l.findings.iter().map(|f| finding(t, f, &l.unit)));
        if let Some(trainings) = listed {
            let compared = listed_totals::compare(&l, &item.employer_id, trainings);
            findings.extend(compared.iter().map(|f| finding(t, f, &l.unit)));
        }
    }
    match findings.is_empty() {
        true => Check::Fine(fill(t.check_ok, &[name])),
        false => Check::Broken(findings),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::CarryOver;
    use crate::domain::{demo_fixture, demo_trainings};
    use crate::i18n::{texts, Language};

    #[test]
    fn broken_rules_are_said_in_the_check_not_on_the_card() {
        let t = texts(Language::En);
        let l: CarryOver = demo_fixture("d", "carry-over.json");
        let card = credit(t, 2026, &l.items[0]);
        assert_eq!(card.id, "credit");
        assert!(card.findings.is_empty());
        let Check::Broken(findings) = check(t, &l.items[0], "X", None) else { panic!("persona d breaks rules") };
        assert!(findings.iter().any(|f| f == "2025 starts with 2 days carried in, but 2024 carried out 1 day."));
    }

    #[test]
    fn figures_that_follow_every_rule_and_add_up_to_the_trainings_listed() {
        let t = texts(Language::En);
        let l: CarryOver = demo_fixture("b", "carry-over.json");
        let listed = demo_trainings("b");
        assert_eq!(
            check(t, &l.items[0], "Logistiek Centrum BV", Some(&listed)),
            Check::Fine("The carry-over figures of Logistiek Centrum BV follow every rule that was checked.".into())
        );
    }

    #[test]
    fn the_years_as_chart_and_table_in_the_unit_preferred() {
        let t = texts(Language::En);
        let l: CarryOver = demo_fixture("b", "carry-over.json");
        let days = years(t, &l.items[0], None).unwrap();
        let ticks: Vec<&str> = days.ticks.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(ticks, ["0", "1", "2", "3", "4", "5"]);
        assert_eq!(days.caption, "Year by year, in days");
        assert!(days.chart_label.contains("in days. The table below has the same figures"), "{}", days.chart_label);
        assert_eq!((days.chart.years.len(), days.rows.len(), days.head.len()), (3, 3, 7));
        let hours = years(t, &l.items[0], Some(Unit::Hours)).unwrap();
        assert_eq!(hours.caption, "Year by year, in hours");
        assert_eq!(hours.rows[2][..3], ["2026", "0", "31.92"]);
    }
}
