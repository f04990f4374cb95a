//! The notices at the top of the dashboard (see `present::notices`). They read the carry-over
//! ledger themselves, so its arrival after the profile draws them again and nothing else; a
//! ledger that failed or is still loading leaves the profile's own notices.

use leptos::prelude::*;

use crate::contract::{CarryOver, Me};
use crate::present::notices::notices;
use crate::ui::clock::today;
use crate::ui::language::texts;
use crate::ui::loaded::Remote;

#[component]
pub fn Notices(me: Me, ledger: Remote<CarryOver>) -> impl IntoView {
    move || {
        let t = texts();
        let list = ledger.with_ok(|l| {
            let items = l.map_or(&[][..], |l| &l.items);
            today().map(|day| notices(t, &me, items, day)).unwrap_or_default()
        });
        (!list.is_empty()).then(|| {
            let panels = list.into_iter().map(|notice| view! { <div class="panel panel-notice"><p>{notice}</p></div> });
            view! {
                <section class="notices" aria-label=t.notices_label data-testid="notices">
                    {panels.collect_view()}
                </section>
            }
        })
    }
}
