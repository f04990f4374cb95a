//! Used against left as one bar, with the same facts in words for screen readers.

use leptos::prelude::*;

use crate::api::dto::{Code, Unit};
use crate::domain::figures::LedgerRow;
use crate::domain::format::quantity;

#[component]
pub fn UsageBar(row: LedgerRow, unit: Code<Unit>) -> impl IntoView {
    let used = quantity(row.attended, &unit);
    let left = quantity(row.remaining().max0(), &unit);
    let available = quantity(row.available(), &unit);
    let summary = format!("Used {used} of {available}; {left} left.");
    // whole per-mille, so no float formatting is compiled in
    let per_mille = (row.used_share() * 1000.0).round() as u32;
    let width = format!("width: {}.{}%", per_mille / 10, per_mille % 10);
    view! {
        <figure class="usage">
            <div class="usage-bar" role="img" aria-label=summary.clone()>
                <span class="usage-used" style=width></span>
            </div>
            <figcaption class="usage-legend">
                <span class="key key-used">"Used: " {used}</span>
                <span class="key key-left">"Left: " {left}</span>
                <span class="key">"Available this year: " {available}</span>
            </figcaption>
        </figure>
    }
}
