//! What the person should know before anything else: credit that lapses within six months, and
//! data from the Federal Learning Account archive, which is deleted on 1 January 2027.

use chrono::Months;

use crate::contract::{Date, LedgerItem, Me, SourceKind};
use crate::domain::figures::Ledger;
use crate::i18n::{fill, Texts};
use crate::present::format::{date, quantity};
use crate::present::profile::employer_name;

pub fn notices(t: &Texts, me: &Me, ledger: &[LedgerItem], today: Date) -> Vec<String> {
    let soon = today.0.checked_add_months(Months::new(6)).map(Date);
    let mut out = Vec::new();
    for item in ledger {
        let Ok(l) = Ledger::from_item(item) else { continue };
        let lapses = l.expires_on.filter(|on| *on >= today && Some(*on) <= soon);
        if let (Some(on), None, true) = (lapses, &l.forfeited, l.credit.hundredths() > 0) {
            let name = employer_name(Some(me), &item.employer_id).unwrap_or(&item.employer_id);
            out.push(fill(t.notice_expiring, &[&quantity(t, l.credit, &l.unit), name, &date(t, on)]));
        }
    }
    for source in me.sources.iter().filter(|s| s.kind.known() == Some(&SourceKind::FlaArchive)) {
        if let Some(until) = source.available_until.filter(|u| *u >= today) {
            let years: Vec<String> = source.years.iter().map(i32::to_string).collect();
            out.push(fill(t.notice_archive, &[&years.join(", "), &date(t, until)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::CarryOver;
    use crate::domain::demo_fixture;
    use crate::i18n::{texts, Language};

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn the_archive_until_it_is_gone() {
        let t = texts(Language::En);
        let me: Me = demo_fixture("a", "me.json");
        let archive = "Your figures for 2024, 2025 come from the Federal Learning Account archive, which is deleted \
                       after 31\u{a0}December 2026. Download a copy below to keep them.";
        assert_eq!(notices(t, &me, &[], day("2026-11-28")), [archive]);
        assert_eq!(notices(t, &me, &[], day("2026-12-31")), [archive], "the last day still counts");
        assert!(notices(t, &me, &[], day("2027-01-01")).is_empty());
    }

    #[test]
    fn credit_lapsing_within_six_months() {
        let t = texts(Language::En);
        let me: Me = demo_fixture("b", "me.json");
        let ledger: CarryOver = demo_fixture("b", "carry-over.json");
        // 1.7 days at e1 lapse on 31 December 2028; e2's balance was forfeited
        assert!(notices(t, &me, &ledger.items, day("2028-06-30")).is_empty(), "more than six months ahead");
        assert_eq!(
            notices(t, &me, &ledger.items, day("2028-07-01")),
            ["1.7 days of training credit at Logistiek Centrum BV lapses on 31\u{a0}December 2028. Plan your training \
              before then."]
        );
        assert!(notices(t, &me, &ledger.items, day("2029-01-01")).is_empty(), "already lapsed");
    }
}
