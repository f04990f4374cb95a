//! The domain's findings and impossible values in words an employee can take to HR.

use crate::contract::{Code, Unit};
use crate::domain::amount::Amount;
use crate::domain::figures::{DataError, Finding, Why, Wire};
use crate::i18n::{fill, Texts};
use crate::present::format::{date, number, quantity};

/// `individual.regimeFraction = 7 (een arbeidsregime ligt tussen 0 en 1)`: the contract's field
/// name stays, for whoever fixes the back end.
pub fn data_error(t: &Texts, e: &DataError) -> String {
    let value = match e.value {
        Wire::Number(x) => number(t, x),
        Wire::Period(start, end) => format!("{} – {}", date(t, start), date(t, end)),
    };
    let why = match e.why {
        Why::Negative => t.why_negative,
        Why::NotNumber => t.why_not_number,
        Why::HoursPerDay => t.why_hours_per_day,
        Why::Regime => t.why_regime,
        Why::Months => t.why_months,
        Why::Period => t.why_period,
    };
    format!("{} = {value} ({why})", e.field)
}

/// One sentence an employee can take to HR.
pub fn finding(t: &Texts, f: &Finding, unit: &Code<Unit>) -> String {
    let q = |a: &Amount| quantity(t, *a, unit);
    match f {
        Finding::IndividualValue { stated, computed } => fill(t.f_individual, &[&q(stated), &q(computed)]),
        Finding::EntitlementTotal { stated, computed } => fill(t.f_total, &[&q(stated), &q(computed)]),
        Finding::AttendedSum { stated, computed } => fill(t.f_attended, &[&q(stated), &q(computed)]),
        Finding::CarriedOut { year, stated, computed } => {
            fill(t.f_carried_out, &[&year.to_string(), &q(stated), &q(computed)])
        }
        Finding::CarryChain { year, carried_in, previous_out } => {
            fill(t.f_chain, &[&year.to_string(), &q(carried_in), &(year - 1).to_string(), &q(previous_out)])
        }
        Finding::CreditBalance { stated, computed } => fill(t.f_credit, &[&q(stated), &q(computed)]),
        Finding::Listed { year, listed, stated } => fill(t.f_listed, &[&year.to_string(), &q(listed), &q(stated)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{texts, Language};

    fn a(x: f64) -> Amount {
        Amount::from_f64(x).unwrap()
    }

    #[test]
    fn findings_read_as_sentences_with_units() {
        let days = Code::Known(Unit::Days);
        let f = Finding::CarryChain { year: 2025, carried_in: a(1.0), previous_out: a(0.4) };
        let en = texts(Language::En);
        assert_eq!(finding(en, &f, &days), "2025 starts with 1 day carried in, but 2024 carried out 0.4 days.");
        assert_eq!(
            finding(texts(Language::Nl), &f, &days),
            "2025 begint met 1 dag overgedragen, maar 2024 droeg 0,4 dagen over."
        );
        let g = Finding::AttendedSum { stated: a(3.0), computed: a(2.5) };
        assert_eq!(
            finding(en, &g, &Code::Known(Unit::Hours)),
            "Your attended total says 3 hours, but formal and informal training add up to 2.5 hours."
        );
        let bad = DataError { field: "individual.regimeFraction", value: Wire::Number(7.0), why: Why::Regime };
        assert_eq!(
            data_error(texts(Language::Fr), &bad),
            "individual.regimeFraction = 7 (un régime de travail est compris entre 0 et 1)"
        );
        let far = DataError { field: "total", value: Wire::Number(1e300), why: Why::NotNumber };
        assert_eq!(data_error(en, &far), "total = a number out of range (not a usable number)");
    }
}
