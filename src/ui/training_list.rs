//! Trainings as a list of links to their detail pages.

use crate::contract::Training;
use crate::domain::address::encode;
use crate::i18n::Texts;
use crate::present::format::{date_range, duration};
use crate::present::labels::label;
use crate::present::markup::Html;

/// The list as escaped HTML (see `markup`): a list of a hundred trainings is one DOM update, and
/// costs no view code per element. Links inside are still the router's.
pub fn training_list_into(html: &mut Html, t: &Texts, items: &[&Training]) {
    html.open("ol", &[("class", "training-list")]);
    for tr in items {
        let href = format!("/trainings/{}", encode(&tr.id));
        html.open("li", &[("class", "training-item")])
            .el("a", &[("href", &href), ("class", "training-title")], &tr.title)
            .open("p", &[("class", "training-meta")])
            .el("span", &[], &date_range(t, tr.start_date, tr.end_date))
            .el("span", &[], &duration(t, tr.duration_minutes))
            .el("span", &[], &label(t, &tr.kind))
            .el("span", &[("class", "tag")], &label(t, &tr.status));
        if !tr.counts_towards_right {
            html.el("span", &[("class", "tag tag-muted")], t.does_not_count);
        }
        html.close("p").close("li");
    }
    html.close("ol");
}
