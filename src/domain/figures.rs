//! The account's figures for one employer, built from the contract's items. Impossible numbers
//! are a `DataError` (the figure cannot be shown); broken ledger rules are `Finding`s shown
//! next to the back end's own numbers, which are never silently replaced.

use crate::contract::{self as dto, Basis, Code, Date, ForfeitReason, Unit};
use crate::domain::amount::{pro_rata, Amount};

/// A value the figure cannot be shown with: which field, what it held, and which rule it breaks.
#[derive(Clone, Debug, PartialEq)]
pub struct DataError {
    pub field: &'static str,
    pub value: Wire,
    pub why: Why,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Wire {
    Number(f64),
    Period(Date, Date),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Why {
    Negative,
    NotNumber,
    HoursPerDay,
    Regime,
    Months,
    Period,
}

/// A ledger rule of api-v1.md that the back end's numbers break.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    /// `individual.value` is not `fullTimeValue x regimeFraction x monthsCounted / 12`.
    IndividualValue { stated: Amount, computed: Amount },
    /// `total` is not `individual.value + sum(sectoral)`.
    EntitlementTotal { stated: Amount, computed: Amount },
    /// `attended` is not `formal + informal`.
    AttendedSum { stated: Amount, computed: Amount },
    /// A year's `carriedOut` is not `max(0, carriedIn + entitled - attended)`.
    CarriedOut { year: i32, stated: Amount, computed: Amount },
    /// A year's `carriedIn` is not the previous year's `carriedOut`.
    CarryChain { year: i32, carried_in: Amount, previous_out: Amount },
    /// `creditBalance` is not what the running year leaves.
    CreditBalance { stated: Amount, computed: Amount },
    /// The trainings listed for a year do not add up to the year's `attended` (see `listed_totals`).
    Listed { year: i32, listed: Amount, stated: Amount },
}

fn amount(field: &'static str, x: f64) -> Result<Amount, DataError> {
    match Amount::from_f64(x) {
        Some(a) if !a.is_negative() => Ok(a),
        Some(_) => Err(DataError { field, value: Wire::Number(x), why: Why::Negative }),
        None => Err(DataError { field, value: Wire::Number(x), why: Why::NotNumber }),
    }
}

fn in_range(field: &'static str, x: f64, lo: f64, hi: f64, why: Why) -> Result<f64, DataError> {
    if (lo..=hi).contains(&x) {
        Ok(x)
    } else {
        Err(DataError { field, value: Wire::Number(x), why })
    }
}

fn rate(x: Option<f64>) -> Result<Option<Amount>, DataError> {
    x.map(|r| {
        in_range("hoursPerDay", r, 0.01, 24.0, Why::HoursPerDay)?;
        amount("hoursPerDay", r)
    })
    .transpose()
}

fn check(found: &mut Vec<Finding>, stated: Amount, computed: Amount, f: impl FnOnce(Amount, Amount) -> Finding) {
    if !stated.agrees_with(computed) {
        found.push(f(stated, computed));
    }
}

/// What the person is entitled to in a year at one employer.
#[derive(Clone, Debug, PartialEq)]
pub struct Entitled {
    pub unit: Code<Unit>,
    pub hours_per_day: Option<Amount>,
    pub basis: Code<Basis>,
    pub cba: Option<String>,
    pub full_time_value: Amount,
    pub regime_fraction: f64,
    pub months_counted: f64,
    pub individual: Amount,
    pub sectoral: Vec<(String, Amount)>,
    pub total: Amount,
    pub findings: Vec<Finding>,
}

impl Entitled {
    pub fn from_item(item: &dto::EntitlementItem) -> Result<Entitled, DataError> {
        let ind = &item.individual;
        let regime_fraction = in_range("individual.regimeFraction", ind.regime_fraction, 0.0, 1.0, Why::Regime)?;
        let months_counted = in_range("individual.monthsCounted", ind.months_counted, 0.0, 12.0, Why::Months)?;
        let full_time_value = amount("individual.fullTimeValue", ind.full_time_value)?;
        let individual = amount("individual.value", ind.value)?;
        let mut sectoral = Vec::new();
        for s in &item.sectoral {
            sectoral.push((s.label.clone(), amount("sectoral.value", s.value)?));
        }
        let total = amount("total", item.total)?;

        let mut findings = Vec::new();
        check(
            &mut findings,
            individual,
            pro_rata(full_time_value, regime_fraction, months_counted),
            |stated, computed| Finding::IndividualValue { stated, computed },
        );
        let sum = individual + sectoral.iter().map(|s| s.1).sum();
        check(&mut findings, total, sum, |stated, computed| Finding::EntitlementTotal { stated, computed });

        Ok(Entitled {
            unit: item.unit.clone(),
            hours_per_day: rate(item.hours_per_day)?,
            basis: ind.basis.clone(),
            cba: ind.cba_registration_number.clone(),
            full_time_value,
            regime_fraction,
            months_counted,
            individual,
            sectoral,
            total,
            findings,
        })
    }
}

/// Training attended in a year at one employer.
#[derive(Clone, Debug, PartialEq)]
pub struct Attended {
    pub unit: Code<Unit>,
    pub hours_per_day: Option<Amount>,
    pub attended: Amount,
    pub formal: Amount,
    pub informal: Amount,
    pub not_counted: Option<Amount>,
    pub last_updated: Option<Date>,
    pub findings: Vec<Finding>,
}

impl Attended {
    pub fn from_item(item: &dto::AttendanceItem) -> Result<Attended, DataError> {
        let attended = amount("attended", item.attended)?;
        let formal = amount("formal", item.formal)?;
        let informal = amount("informal", item.informal)?;
        let mut findings = Vec::new();
        check(&mut findings, attended, formal + informal, |stated, computed| Finding::AttendedSum { stated, computed });
        Ok(Attended {
            unit: item.unit.clone(),
            hours_per_day: rate(item.hours_per_day)?,
            attended,
            formal,
            informal,
            not_counted: item.not_counted.map(|n| amount("notCounted", n)).transpose()?,
            last_updated: item.last_updated,
            findings,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct LedgerRow {
    pub year: i32,
    pub carried_in: Amount,
    pub entitled: Amount,
    pub attended: Amount,
    pub carried_out: Amount,
    pub is_final: bool,
}

impl LedgerRow {
    /// `carriedIn + entitled - attended`: negative when more was attended than was available.
    pub fn remaining(&self) -> Amount {
        self.carried_in + self.entitled - self.attended
    }

    /// What the year made available: what came in plus the year's right.
    pub fn available(&self) -> Amount {
        self.carried_in + self.entitled
    }

    /// The share of what was available that was attended, between 0 and 1.
    pub fn used_share(&self) -> f64 {
        match self.available().hundredths() {
            0 if self.attended.hundredths() > 0 => 1.0,
            0 => 0.0,
            avail => (self.attended.hundredths() as f64 / avail as f64).clamp(0.0, 1.0),
        }
    }
}

/// The carry-over ledger of one employer over its reference period.
#[derive(Clone, Debug, PartialEq)]
pub struct Ledger {
    pub unit: Code<Unit>,
    pub hours_per_day: Option<Amount>,
    pub period: (Date, Date),
    pub rows: Vec<LedgerRow>,
    pub credit: Amount,
    pub expires_on: Option<Date>,
    pub forfeited: Option<(Date, Code<ForfeitReason>)>,
    pub findings: Vec<Finding>,
}

impl Ledger {
    pub fn from_item(item: &dto::LedgerItem) -> Result<Ledger, DataError> {
        let mut rows = Vec::new();
        for y in &item.years {
            rows.push(LedgerRow {
                year: y.year,
                carried_in: amount("years.carriedIn", y.carried_in)?,
                entitled: amount("years.entitled", y.entitled)?,
                attended: amount("years.attended", y.attended)?,
                carried_out: amount("years.carriedOut", y.carried_out)?,
                is_final: y.is_final,
            });
        }
        if item.reference_period.end < item.reference_period.start {
            return Err(DataError {
                field: "referencePeriod",
                value: Wire::Period(item.reference_period.start, item.reference_period.end),
                why: Why::Period,
            });
        }
        let forfeited = item.forfeited.as_ref().map(|f| (f.on, f.reason.clone()));
        let credit = amount("creditBalance", item.credit_balance)?;
        let findings = ledger_findings(&rows, forfeited.as_ref().map(|f| f.0), credit);
        Ok(Ledger {
            unit: item.unit.clone(),
            hours_per_day: rate(item.hours_per_day)?,
            period: (item.reference_period.start, item.reference_period.end),
            credit,
            expires_on: item.expires_on,
            forfeited,
            rows,
            findings,
        })
    }

    /// The row of a year, wherever the back end put it in the list.
    pub fn row(&self, year: i32) -> Option<&LedgerRow> {
        self.rows.iter().find(|r| r.year == year)
    }
}

fn ledger_findings(rows: &[LedgerRow], forfeited_on: Option<Date>, credit: Amount) -> Vec<Finding> {
    use chrono::Datelike;
    let forfeit_year = forfeited_on.map(|d| d.0.year());
    let mut found = Vec::new();
    // rows come in the back end's order; at most a handful, so look years up rather than sort
    for row in rows {
        // in the year of a forfeiture the balance may be carried out as lost (0)
        let lost = Some(row.year) == forfeit_year && row.carried_out == Amount::ZERO;
        if !lost {
            check(&mut found, row.carried_out, row.remaining().max0(), |stated, computed| Finding::CarriedOut {
                year: row.year,
                stated,
                computed,
            });
        }
        let previous = rows.iter().find(|p| p.year + 1 == row.year);
        // a forfeiture in the previous year legitimately breaks the chain
        if let Some(prev) = previous.filter(|p| Some(p.year) != forfeit_year) {
            if !row.carried_in.agrees_with(prev.carried_out) {
                found.push(Finding::CarryChain {
                    year: row.year,
                    carried_in: row.carried_in,
                    previous_out: prev.carried_out,
                });
            }
        }
    }
    let computed = match (forfeited_on, rows.iter().max_by_key(|r| r.year)) {
        (Some(_), _) | (None, None) => Amount::ZERO,
        (None, Some(last)) => last.remaining().max0(),
    };
    check(&mut found, credit, computed, |stated, computed| Finding::CreditBalance { stated, computed });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::decode;
    use proptest::prelude::*;

    fn a(x: f64) -> Amount {
        Amount::from_f64(x).unwrap()
    }

    const ENTITLEMENT: &str = r#"{"employerId":"e1","unit":"DAYS","hoursPerDay":7.6,
        "individual":{"basis":"SECTORAL_CBA","cbaRegistrationNumber":"181682/CO/200","fullTimeValue":4,
        "regimeFraction":0.8,"monthsCounted":12,"value":3.2},
        "sectoral":[{"label":"Sectoral training credit","value":1}],"total":4.2}"#;

    const LEDGER: &str = r#"{"employerId":"e1","unit":"DAYS","hoursPerDay":7.6,
        "referencePeriod":{"start":"2024-01-01","end":"2028-12-31"},
        "years":[
          {"year":2024,"carriedIn":0,"entitled":2.4,"attended":2.0,"carriedOut":0.4,"final":true},
          {"year":2025,"carriedIn":0.4,"entitled":2.4,"attended":2.8,"carriedOut":0,"final":true},
          {"year":2026,"carriedIn":0,"entitled":4.2,"attended":2.5,"carriedOut":1.7,"final":false}],
        "creditBalance":1.7,"expiresOn":"2028-12-31","forfeited":null}"#;

    fn ledger(json: &str) -> Result<Ledger, DataError> {
        Ledger::from_item(&decode(json).unwrap())
    }

    fn entitled(json: &str) -> Result<Entitled, DataError> {
        Entitled::from_item(&decode(json).unwrap())
    }

    fn attended(json: &str) -> Result<Attended, DataError> {
        Attended::from_item(&decode(json).unwrap())
    }

    #[test]
    fn contract_example_entitlement_has_no_findings() {
        let e = entitled(ENTITLEMENT).unwrap();
        assert_eq!((e.individual, e.total), (a(3.2), a(4.2)));
        assert!(e.findings.is_empty(), "{:?}", e.findings);
    }

    #[test]
    fn broken_entitlement_is_reported() {
        let json = ENTITLEMENT.replace("\"total\":4.2", "\"total\":5").replace("\"value\":3.2", "\"value\":3");
        let e = entitled(&json).unwrap();
        assert_eq!(
            e.findings,
            vec![
                Finding::IndividualValue { stated: a(3.0), computed: a(3.2) },
                Finding::EntitlementTotal { stated: a(5.0), computed: a(4.0) },
            ]
        );
        assert_eq!(e.total, a(5.0), "the back end's number is kept");
    }

    #[test]
    fn impossible_numbers_are_data_errors() {
        let frac = ENTITLEMENT.replace("\"regimeFraction\":0.8", "\"regimeFraction\":1.6");
        let err = entitled(&frac).unwrap_err();
        assert_eq!(err.field, "individual.regimeFraction");
        let neg = ENTITLEMENT.replace("\"total\":4.2", "\"total\":-1");
        assert!(entitled(&neg).is_err());
        let hpd = ENTITLEMENT.replace("\"hoursPerDay\":7.6", "\"hoursPerDay\":0");
        assert_eq!(entitled(&hpd).unwrap_err().field, "hoursPerDay");
        assert!(ledger(&LEDGER.replace("\"end\":\"2028-12-31\"", "\"end\":\"2020-12-31\"")).is_err());
    }

    #[test]
    fn attendance_sum_is_checked() {
        let ok = r#"{"employerId":"e1","unit":"DAYS","attended":2.5,"formal":2.0,"informal":0.5}"#;
        assert!(attended(ok).unwrap().findings.is_empty());
        let bad = ok.replace("2.5", "3");
        assert_eq!(attended(&bad).unwrap().findings, vec![Finding::AttendedSum { stated: a(3.0), computed: a(2.5) }]);
    }

    #[test]
    fn contract_example_ledger_is_consistent() {
        let l = ledger(LEDGER).unwrap();
        assert!(l.findings.is_empty(), "{:?}", l.findings);
        assert_eq!(l.row(2026).unwrap().remaining(), a(1.7));
        assert_eq!(l.row(2025).unwrap().remaining(), a(0.0));
        assert_eq!(l.row(2025).unwrap().available(), a(2.8));
        assert_eq!(l.row(2025).unwrap().used_share(), 1.0);
        assert!((l.row(2026).unwrap().used_share() - 2.5 / 4.2).abs() < 1e-9);
    }

    #[test]
    fn years_in_any_order_are_checked_by_year() {
        let shuffled = LEDGER.replace(
            r#"{"year":2024,"carriedIn":0,"entitled":2.4,"attended":2.0,"carriedOut":0.4,"final":true},"#,
            "",
        )
        .replace(
            r#""carriedOut":1.7,"final":false}]"#,
            r#""carriedOut":1.7,"final":false},{"year":2024,"carriedIn":0,"entitled":2.4,"attended":2.0,"carriedOut":0.4,"final":true}]"#,
        );
        let l = ledger(&shuffled).unwrap();
        assert_eq!(l.rows.last().unwrap().year, 2024, "the fixture really is out of order");
        assert!(l.findings.is_empty(), "{:?}", l.findings);
    }

    #[test]
    fn broken_ledger_chain_and_credit_are_reported() {
        let json = LEDGER
            .replace(r#""year":2025,"carriedIn":0.4"#, r#""year":2025,"carriedIn":1"#)
            .replace("\"creditBalance\":1.7", "\"creditBalance\":3");
        let l = ledger(&json).unwrap();
        assert!(l.findings.contains(&Finding::CarryChain { year: 2025, carried_in: a(1.0), previous_out: a(0.4) }));
        assert!(l.findings.contains(&Finding::CreditBalance { stated: a(3.0), computed: a(1.7) }));
    }

    #[test]
    fn forfeiture_zeroes_the_credit_and_breaks_the_chain_legitimately() {
        let json = r#"{"employerId":"e2","unit":"DAYS","referencePeriod":{"start":"2024-01-01","end":"2028-12-31"},
          "years":[{"year":2024,"carriedIn":0,"entitled":3,"attended":1,"carriedOut":2,"final":true},
                   {"year":2025,"carriedIn":0,"entitled":1.5,"attended":0,"carriedOut":0,"final":true}],
          "creditBalance":0,"forfeited":{"on":"2025-06-30","reason":"RESIGNATION"}}"#;
        // 2025 carried out 0 although 1.5 was left: lost in the forfeiture, not a finding
        let l = ledger(json).unwrap();
        // 2025's carriedIn 0 vs 2024's 2 is a chain break: the forfeiture came in 2025, not 2024
        assert_eq!(l.findings, vec![Finding::CarryChain { year: 2025, carried_in: a(0.0), previous_out: a(2.0) }]);
        assert_eq!(l.credit, Amount::ZERO);
    }

    proptest! {
        /// A ledger built by the rules never yields a finding, whatever the numbers.
        #[test]
        fn rule_abiding_ledgers_have_no_findings(years in proptest::collection::vec((0i64..1000, 0i64..1500), 1..6)) {
            let mut carried_in = 0i64;
            let mut rows = Vec::new();
            for (i, (entitled, attended)) in years.iter().enumerate() {
                let out = (carried_in + entitled - attended).max(0);
                rows.push(LedgerRow {
                    year: 2024 + i as i32,
                    carried_in: Amount::from_hundredths(carried_in),
                    entitled: Amount::from_hundredths(*entitled),
                    attended: Amount::from_hundredths(*attended),
                    carried_out: Amount::from_hundredths(out),
                    is_final: i + 1 < years.len(),
                });
                carried_in = out;
            }
            let credit = rows.last().unwrap().remaining().max0();
            prop_assert!(ledger_findings(&rows, None, credit).is_empty());
            prop_assert!(rows.iter().all(|r| (0.0..=1.0).contains(&r.used_share())));
            let off = Amount::from_hundredths(credit.hundredths() + 2);
            prop_assert_eq!(ledger_findings(&rows, None, off).len(), 1);
        }
    }
}
