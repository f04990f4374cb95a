//! What each figure card on the dashboard says, as plain data: the wording and numbers are
//! decided here (and tested natively); one view renders every card the same way.

use crate::contract::{AttendanceItem, Code, Employment, EntitlementItem, LedgerItem, Unit};
use crate::domain::amount::{Amount, Quantity};
use crate::domain::figures::{Attended, DataError, Entitled, Finding, Ledger};
use crate::i18n::{fill, Texts};
use crate::present::findings::{data_error, finding};
use crate::present::format::{date, number, percent, quantity};
use crate::present::labels::label;

#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// Stable name for tests and styling: entitled, attended, left, carried-in, credit.
    pub id: &'static str,
    pub title: String,
    /// The headline amount, worded when shown (see `format::worded`).
    pub figure: Option<Quantity>,
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

/// A card's title for a year: `Recht in 2026`.
fn titled(template: &str, year: i32) -> String {
    fill(template, &[&year.to_string()])
}

impl Card {
    pub fn new(id: &'static str, title: String) -> Card {
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
        self.figure = Some(Quantity { amount, unit: unit.clone(), hours_per_day });
        self
    }

    fn note(mut self, text: String) -> Card {
        self.notes.push(text);
        self
    }

    fn findings(mut self, t: &Texts, findings: &[Finding], unit: &Code<Unit>) -> Card {
        self.findings = findings.iter().map(|f| finding(t, f, unit)).collect();
        self
    }
}

/// One employer's figure from a per-employer list: `None` when that employer has no item.
fn of_employer<I, F>(
    items: &[I],
    employer_id: &str,
    id: fn(&I) -> &str,
    build: fn(&I) -> Result<F, DataError>,
) -> Option<Result<F, DataError>> {
    items.iter().find(|i| id(i) == employer_id).map(build)
}

/// Fills the card from the figure, or says why there is none: nothing recorded (`missing`, a
/// sentence with the year), or impossible data.
fn with_figure<T>(
    t: &Texts,
    card: Card,
    missing: &str,
    year: i32,
    figure: Option<Result<T, DataError>>,
    fill_card: impl FnOnce(Card, T) -> Card,
) -> Card {
    match figure {
        Some(Ok(v)) => fill_card(card, v),
        Some(Err(e)) => Card { problem: Some(data_error(t, &e)), ..card },
        None => card.note(titled(missing, year)),
    }
}

/// An employment that ended before `year` has no right or attendance that year, only the balance
/// it left: the sentence that says so, or `None` for an employment still running in `year`.
pub fn past_employment(t: &Texts, employment: &Employment, year: i32) -> Option<String> {
    let end = crate::domain::years::ended_before(employment, year)?;
    Some(fill(t.past_employment, &[&date(t, end), &year.to_string()]))
}

pub fn entitled(t: &Texts, year: i32, items: &[EntitlementItem], employer_id: &str) -> Card {
    let figure = of_employer(items, employer_id, |i| &i.employer_id, Entitled::from_item);
    let card = Card::new("entitled", titled(t.card_entitled, year));
    with_figure(t, card, t.missing_right, year, figure, |card, e| entitled_card(t, card, &e))
}

fn entitled_card(t: &Texts, card: Card, e: &Entitled) -> Card {
    let u = &e.unit;
    let formula = fill(
        t.formula,
        &[
            &quantity(t, e.full_time_value, u),
            &label(t, &e.basis),
            &percent(t, e.regime_fraction),
            &number(t, e.months_counted),
            &quantity(t, e.individual, u),
        ],
    );
    let mut card = card.figure(e.total, u, e.hours_per_day).note(formula).findings(t, &e.findings, u);
    if let Some(cba) = e.cba.clone() {
        card.rows.push((t.collective_agreement.into(), cba));
    }
    card.rows.extend(e.sectoral.iter().map(|(l, v)| (l.clone(), format!("+ {}", quantity(t, *v, u)))));
    card
}

pub fn attended(t: &Texts, year: i32, items: &[AttendanceItem], employer_id: &str) -> Card {
    let figure = of_employer(items, employer_id, |i| &i.employer_id, Attended::from_item);
    let card = Card::new("attended", titled(t.card_attended, year));
    with_figure(t, card, t.missing_attended, year, figure, |card, a| attended_card(t, card, &a))
}

fn attended_card(t: &Texts, card: Card, a: &Attended) -> Card {
    let u = &a.unit;
    let mut card = card.figure(a.attended, u, a.hours_per_day).findings(t, &a.findings, u);
    card.rows = vec![(t.formal.into(), quantity(t, a.formal, u)), (t.informal.into(), quantity(t, a.informal, u))];
    if let Some(n) = a.not_counted {
        card.rows.push((t.not_counted.into(), quantity(t, n, u)));
    }
    if let Some(d) = a.last_updated {
        card.rows.push((t.last_updated.into(), date(t, d)));
    }
    card
}

/// Left this year, carried in, and the credit usable now: all from the carry-over ledger. A past
/// employment (see `past_employment`) only has its credit to show.
pub fn ledger(t: &Texts, year: i32, items: &[LedgerItem], employer_id: &str, past: bool) -> Vec<Card> {
    match of_employer(items, employer_id, |i| &i.employer_id, Ledger::from_item) {
        Some(Ok(l)) => ledger_cards(t, year, &l, past),
        figure => {
            let card = Card::new("ledger", t.card_ledger.into());
            vec![with_figure(t, card, t.missing_ledger, year, figure, |c, _| c)]
        }
    }
}

fn ledger_cards(t: &Texts, year: i32, l: &Ledger, past: bool) -> Vec<Card> {
    let u = &l.unit;
    let expiry = match (&l.forfeited, l.expires_on) {
        (Some((on, reason)), _) => fill(t.forfeited_on, &[&date(t, *on), &label(t, reason)]),
        (None, Some(exp)) => fill(t.usable_until, &[&date(t, exp)]),
        (None, None) => t.no_expiry.into(),
    };
    let credit = Card::new("credit", t.card_credit.into())
        .figure(l.credit, u, l.hours_per_day)
        .note(expiry)
        .note(fill(t.reference_period, &[&date(t, l.period.0), &date(t, l.period.1)]))
        .findings(t, &l.findings, u);
    if past {
        return vec![credit];
    }
    let mut left = Card::new("left", titled(t.card_left, year));
    let mut carried_in = Card::new("carried-in", titled(t.card_carried_in, year));
    match l.row(year) {
        Some(r) => {
            left = left.figure(r.remaining().max0(), u, l.hours_per_day);
            if r.remaining().is_negative() {
                left = left.note(fill(t.overdrawn, &[&quantity(t, Amount::ZERO - r.remaining(), u)]));
            }
            left.usage = Some(Usage {
                used_per_mille: (r.used_share() * 1000.0).round() as u32,
                used: quantity(t, r.attended, u),
                left: quantity(t, r.remaining().max0(), u),
                available: quantity(t, r.available(), u),
            });
            carried_in = carried_in
                .figure(r.carried_in, u, l.hours_per_day)
                .note(fill(t.carried_in_note, &[&(year - 1).to_string(), &year.to_string()]));
        }
        None => {
            left = left.note(titled(t.missing_ledger_year, year));
            carried_in = carried_in.note(titled(t.missing_ledger_year, year));
        }
    }
    vec![left, carried_in, credit]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::decode;
    use crate::i18n::{texts, Language};
    use crate::present::format::worded;

    fn en() -> &'static Texts {
        texts(Language::En)
    }

    fn fixture(persona: &str, name: &str) -> String {
        std::fs::read_to_string(format!("{}/demo/fixtures/{persona}/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn entitled_card_explains_the_formula() {
        let e: crate::contract::Entitlements = decode(&fixture("b", "entitlements-2026.json")).unwrap();
        let card = entitled(en(), 2026, &e.items, "e1");
        let figure = card.figure.as_ref().unwrap();
        assert_eq!(worded(en(), figure, None), ("4.2 days".into(), Some("= 31.92 hours".into())));
        assert_eq!(worded(en(), figure, Some(Unit::Hours)), ("31.92 hours".into(), Some("= 4.2 days".into())));
        assert_eq!(
            card.notes,
            ["Individual right: 4 days full-time (sector agreement) × 80% work regime × 12/12 months = 3.2 days"]
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
        let a: crate::contract::Attendance = decode(&fixture("a", "attendance-2026.json")).unwrap();
        let none = attended(en(), 2026, &a.items, "e9");
        assert_eq!(
            (none.figure.clone(), none.notes.clone()),
            (None, vec!["No attended training recorded for 2026 at this employer.".to_string()])
        );
        let bad: AttendanceItem =
            decode(r#"{"employerId":"e1","unit":"DAYS","attended":-1,"formal":0,"informal":0}"#).unwrap();
        let card = attended(en(), 2026, &[bad], "e1");
        assert_eq!(card.problem.as_deref(), Some("attended = -1 (a negative amount)"));
        assert_eq!(
            ledger(en(), 2026, &[], "e1", false)[0].notes,
            ["No carry-over ledger recorded for 2026 at this employer."]
        );
    }

    #[test]
    fn ledger_cards_for_the_running_year() {
        let l: crate::contract::CarryOver = decode(&fixture("a", "carry-over.json")).unwrap();
        let cards = ledger(en(), 2026, &l.items, "e1", false);
        let ids: Vec<_> = cards.iter().map(|c| c.id).collect();
        assert_eq!(ids, ["left", "carried-in", "credit"]);
        assert_eq!(worded(en(), cards[0].figure.as_ref().unwrap(), None).0, "2.5 days");
        assert_eq!(
            cards[0].usage,
            Some(Usage {
                used_per_mille: 545,
                used: "3 days".into(),
                left: "2.5 days".into(),
                available: "5.5 days".into()
            })
        );
        assert_eq!(worded(en(), cards[1].figure.as_ref().unwrap(), None).0, "0.5 days");
        assert_eq!(cards[2].notes[0], "Usable until 31\u{a0}December 2028, the end of the reference period.");
        // a year the ledger does not have
        let cards = ledger(en(), 2030, &l.items, "e1", false);
        assert_eq!(cards[0].notes, ["No ledger year recorded for 2030 at this employer."]);
    }

    #[test]
    fn a_past_employment_shows_only_the_balance_it_left() {
        let me: crate::contract::Me = decode(&fixture("b", "me.json")).unwrap();
        let (current, ended) = (&me.employers[0].employment, &me.employers[1].employment);
        assert_eq!(past_employment(en(), current, 2026), None);
        assert_eq!(
            past_employment(en(), ended, 2026).as_deref(),
            Some("This employment ended on 30\u{a0}June 2025, before 2026: only the balance it left is shown.")
        );
        assert_eq!(past_employment(en(), ended, 2025), None, "it still ran in 2025");
        let l: crate::contract::CarryOver = decode(&fixture("b", "carry-over.json")).unwrap();
        let cards = ledger(en(), 2026, &l.items, "e2", true);
        assert_eq!(cards.iter().map(|c| c.id).collect::<Vec<_>>(), ["credit"]);
        assert_eq!(cards[0].notes[0], "Forfeited on 30\u{a0}June 2025 (resignation).");
    }

    #[test]
    fn overdrawn_years_show_zero_left_and_say_by_how_much() {
        let item: LedgerItem = decode(
            r#"{"employerId":"e1","unit":"DAYS","referencePeriod":{"start":"2024-01-01","end":"2028-12-31"},
                "years":[{"year":2025,"carriedIn":0.5,"entitled":2,"attended":3,"carriedOut":0,"final":false}],
                "creditBalance":0}"#,
        )
        .unwrap();
        let cards = ledger(en(), 2025, &[item], "e1", false);
        assert_eq!(worded(en(), cards[0].figure.as_ref().unwrap(), None).0, "0 days");
        assert_eq!(cards[0].usage.as_ref().unwrap().used_per_mille, 1000);
        assert_eq!(cards[0].notes, ["You attended 0.5 days more than was available."]);
    }
}
