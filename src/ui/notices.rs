//! The notices at the top of the dashboard (see `domain::notices`), written into the page's
//! markup once the profile is there; a ledger that failed or is still loading leaves the
//! profile's own notices.

use crate::contract::{LedgerItem, Me};
use crate::i18n::Texts;
use crate::present::markup::Html;
use crate::present::notices::notices;
use crate::ui::clock::today;

pub fn notices_into(html: &mut Html, t: &Texts, me: &Me, ledger: &[LedgerItem]) {
    let list = today().map(|day| notices(t, me, ledger, day)).unwrap_or_default();
    if !list.is_empty() {
        html.open("section", &[("class", "notices"), ("aria-label", t.notices_label), ("data-testid", "notices")]);
        for notice in &list {
            html.open("div", &[("class", "panel panel-notice")]).el("p", &[], notice).close("div");
        }
        html.close("section");
    }
}
