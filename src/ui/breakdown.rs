//! Labelled values as a definition list: one component for every "term: value" listing.

use leptos::prelude::*;

/// The terms and values as `dt`/`dd` pairs in a `dl` of `class`; rows with an empty value are
/// left out, so optional contract fields need no special case.
#[component]
pub fn Breakdown(class: &'static str, rows: Vec<(String, String)>) -> impl IntoView {
    let pairs = rows.into_iter().filter(|(_, value)| !value.is_empty());
    view! { <dl class=class>{pairs.map(|(term, value)| view! { <dt>{term}</dt><dd>{value}</dd> }).collect_view()}</dl> }
}
