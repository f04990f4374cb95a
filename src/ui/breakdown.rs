//! Labelled values as a definition list: one component for every "term: value" listing.

use crate::present::markup::Html;

/// The terms and values as `dt`/`dd` pairs; rows with an empty value are left out, so optional
/// contract fields need no special case.
pub fn rows_into(html: &mut Html, rows: &[(String, String)]) {
    for (term, value) in rows.iter().filter(|(_, v)| !v.is_empty()) {
        html.el("dt", &[], term).el("dd", &[], value);
    }
}
