//! Labelled values as a definition list: one component for every "term: value" listing.

use leptos::prelude::*;

use crate::markup::Html;

/// The terms and values as `dt`/`dd` pairs; rows with an empty value are left out, so optional
/// contract fields need no special case.
pub fn rows_into(html: &mut Html, rows: &[(String, String)]) {
    for (term, value) in rows.iter().filter(|(_, v)| !v.is_empty()) {
        html.el("dt", &[], term).el("dd", &[], value);
    }
}

#[component]
pub fn Breakdown(class: &'static str, rows: Vec<(String, String)>) -> impl IntoView {
    let mut html = Html::new();
    rows_into(&mut html, &rows);
    view! { <dl class=class inner_html=html.finish()></dl> }
}
