//! The carry-over ledger year by year, in the unit the person prefers where the back end's rate
//! allows: the rows of the table and of the chart on the carry-over page.

use crate::contract::{Code, Unit};
use crate::domain::amount::{in_other_unit, Amount};
use crate::domain::figures::{Ledger, LedgerRow};
use crate::i18n::Texts;
use crate::present::format::decimal;

/// The ledger's years in the preferred unit, and that unit; the recorded unit without a rate.
pub fn rows_in(l: &Ledger, prefer: Option<Unit>) -> (Vec<LedgerRow>, Code<Unit>) {
    let convert = prefer.is_some() && prefer != l.unit.known().copied() && l.hours_per_day.is_some();
    let to = |a: Amount| if convert { in_other_unit(a, &l.unit, l.hours_per_day).map_or(a, |c| c.0) } else { a };
    let rows = l
        .rows
        .iter()
        .map(|r| LedgerRow {
            year: r.year,
            carried_in: to(r.carried_in),
            entitled: to(r.entitled),
            attended: to(r.attended),
            carried_out: to(r.carried_out),
            is_final: r.is_final,
        })
        .collect();
    let unit = match (convert, prefer) {
        (true, Some(p)) => Code::Known(p),
        _ => l.unit.clone(),
    };
    (rows, unit)
}

/// The unit's name as a column heading says it: `dagen`, `jours`; an unknown code as sent.
pub fn unit_name<'a>(t: &'a Texts, unit: &'a Code<Unit>) -> &'a str {
    match unit {
        Code::Known(Unit::Days) => t.days,
        Code::Known(Unit::Hours) => t.hours,
        Code::Other(raw) => raw,
    }
}

/// The column headings, then one row of cells a year.
pub fn table(t: &Texts, rows: &[LedgerRow]) -> (Vec<&'static str>, Vec<Vec<String>>) {
    let head =
        vec![t.years, t.col_carried_in, t.col_entitled, t.col_attended, t.col_remaining, t.col_carried_out, t.status];
    let body = rows
        .iter()
        .map(|r| {
            vec![
                r.year.to_string(),
                decimal(t, r.carried_in),
                decimal(t, r.entitled),
                decimal(t, r.attended),
                decimal(t, r.remaining()),
                decimal(t, r.carried_out),
                (if r.is_final { t.year_final } else { t.year_running }).to_string(),
            ]
        })
        .collect();
    (head, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::decode;
    use crate::contract::CarryOver;
    use crate::i18n::{texts, Language};

    fn ledger(persona: &str) -> Ledger {
        let text =
            std::fs::read_to_string(format!("{}/demo/fixtures/{persona}/carry-over.json", env!("CARGO_MANIFEST_DIR")))
                .unwrap();
        let c: CarryOver = decode(&text).unwrap();
        Ledger::from_item(&c.items[0]).unwrap()
    }

    #[test]
    fn years_as_recorded_or_in_hours() {
        let t = texts(Language::Nl);
        let l = ledger("b");
        let (rows, unit) = rows_in(&l, None);
        assert_eq!(unit_name(t, &unit), "dagen");
        let (head, body) = table(t, &rows);
        assert_eq!(head.len(), body[0].len());
        assert_eq!(body[1], ["2025", "0,4", "2,4", "2,8", "0", "0", "Afgesloten"]);
        assert_eq!(body[2][6], "Lopend jaar");
        // 7.6 hours a day
        let (rows, unit) = rows_in(&l, Some(Unit::Hours));
        assert_eq!(unit_name(t, &unit), "uur");
        assert_eq!(table(t, &rows).1[2][..5], ["2026", "0", "31,92", "19", "12,92"]);
        // the preferred unit is the recorded one: nothing changes
        assert_eq!(rows_in(&l, Some(Unit::Days)).0, l.rows);
    }

    #[test]
    fn without_a_rate_the_recorded_unit_stays() {
        let mut l = ledger("b");
        l.hours_per_day = None;
        let (rows, unit) = rows_in(&l, Some(Unit::Hours));
        assert_eq!((rows, unit), (l.rows.clone(), l.unit.clone()));
    }
}
