//! Used against left as one bar, with the same facts in words for screen readers. An SVG: its
//! width is an attribute, where a style attribute would be refused by a strict CSP.

use leptos::prelude::*;

use crate::present::cards::Usage;
use crate::present::usage::{words, UsageWords};
use crate::ui::language::texts;

/// In the language the card was made in: a card is made again when the language changes.
#[component]
pub fn UsageBar(usage: Usage) -> impl IntoView {
    let UsageWords { summary, used, left, available } = words(texts(), &usage);
    view! {
        <figure class="usage">
            <svg class="usage-bar" viewBox="0 0 1000 1" preserveAspectRatio="none" role="img" aria-label=summary>
                <rect class="usage-used" width=usage.used_per_mille height="1"></rect>
            </svg>
            <figcaption class="usage-legend">
                <span class="key key-used">{used}</span>
                <span class="key key-left">{left}</span>
                <span class="key">{available}</span>
            </figcaption>
        </figure>
    }
}
