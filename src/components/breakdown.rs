//! Labelled values as a definition list: one component for every "term: value" listing.

use leptos::prelude::*;

/// Rows with an empty value are left out, so optional contract fields need no special case.
#[component]
pub fn Breakdown(class: &'static str, rows: Vec<(String, String)>) -> impl IntoView {
    view! {
        <dl class=class>
            {rows
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(term, value)| view! { <dt>{term}</dt><dd>{value}</dd> })
                .collect_view()}
        </dl>
    }
}
