//! One figure card: every card on the dashboard is rendered by this view from a `cards::Card`,
//! as one string of escaped HTML (see `markup`): a card never changes once shown.

use crate::contract::Unit;
use crate::i18n::{fill, Texts};
use crate::present::cards::{Card, Usage};
use crate::present::format::worded;
use crate::present::markup::Html;
use crate::ui::breakdown::rows_into;

/// Cards side by side in the grid of their parent. `t` and `prefer` (the unit the person
/// prefers) come from the caller's reactive closure, which runs again when either changes.
pub fn cards_into(html: &mut Html, t: &Texts, prefer: Option<Unit>, cards: Vec<Card>) {
    for card in cards {
        html.open("section", &[("class", "card"), ("data-testid", card.id)]);
        card_into(html, t, prefer, card);
        html.close("section");
    }
}

/// The card's content, for a page that writes a card into its own markup.
pub fn card_into(html: &mut Html, t: &Texts, prefer: Option<Unit>, card: Card) {
    let Card { title, figure, notes, rows, usage, findings, problem, .. } = card;
    html.el("h3", &[("class", "card-title")], &title);
    if let Some((value, other)) = figure.map(|f| worded(t, &f, prefer)) {
        html.open("p", &[("class", "figure")]).el("span", &[("class", "figure-value")], &value);
        if let Some(other) = other {
            html.el("span", &[("class", "figure-other")], &other);
        }
        html.close("p");
    }
    for note in &notes {
        html.el("p", &[("class", "muted")], note);
    }
    if !rows.is_empty() {
        html.open("dl", &[("class", "breakdown")]);
        rows_into(html, &rows);
        html.close("dl");
    }
    if let Some(usage) = usage {
        usage_bar(html, t, usage);
    }
    if !findings.is_empty() {
        html.open("div", &[("class", "panel panel-warning")]).el("p", &[("class", "panel-title")], t.findings_title);
        html.open("ul", &[]);
        for finding in &findings {
            html.el("li", &[], finding);
        }
        html.close("ul").close("div");
    }
    if let Some(problem) = problem {
        html.open("div", &[("class", "panel panel-error"), ("role", "alert")])
            .el("p", &[("class", "panel-title")], t.problem_title)
            .el("p", &[("class", "detail")], &problem)
            .close("div");
    }
}

/// Used against left as one bar, with the same facts in words for screen readers. An SVG: its
/// width is an attribute, where a style attribute would be refused by a strict CSP.
fn usage_bar(html: &mut Html, t: &Texts, usage: Usage) {
    let Usage { used_per_mille, used, left, available } = usage;
    let summary = fill(t.usage_summary, &[&used, &available, &left]);
    html.open("figure", &[("class", "usage")])
        .open(
            "svg",
            &[
                ("class", "usage-bar"),
                ("viewBox", "0 0 1000 1"),
                ("preserveAspectRatio", "none"),
                ("role", "img"),
                ("aria-label", &summary),
            ],
        )
        .el("rect", &[("class", "usage-used"), ("width", &used_per_mille.to_string()), ("height", "1")], "")
        .close("svg")
        .open("figcaption", &[("class", "usage-legend")])
        .el("span", &[("class", "key key-used")], &fill(t.usage_used, &[&used]))
        .el("span", &[("class", "key key-left")], &fill(t.usage_left, &[&left]))
        .el("span", &[("class", "key")], &fill(t.usage_available, &[&available]))
        .close("figcaption")
        .close("figure");
}
