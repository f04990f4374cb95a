//! The carry-over chart as SVG, from the geometry in `domain::chart`. The table beside it holds the
//! same figures in words, so the picture is labelled as such for screen readers.

use crate::i18n::Texts;
use crate::present::chart::{Chart, Rect, HEIGHT, LEFT};
use crate::present::format::decimal;
use crate::present::markup::Html;

fn rect(html: &mut Html, class: &str, r: Rect) {
    let (x, y, w, h) = (r.x.to_string(), r.y.to_string(), r.w.to_string(), r.h.to_string());
    html.el("rect", &[("class", class), ("x", &x), ("y", &y), ("width", &w), ("height", &h)], "");
}

pub fn chart_into(html: &mut Html, t: &Texts, chart: &Chart, label: &str) {
    let width = chart.width.to_string();
    let view_box = format!("0 0 {width} {HEIGHT}");
    html.open("figure", &[("class", "chart")])
        .open("svg", &[("viewBox", &view_box), ("width", &width), ("role", "img"), ("aria-label", label)]);
    let right = (chart.width - 8).to_string();
    for (y, value) in &chart.ticks {
        let y = y.to_string();
        html.el("line", &[("class", "grid"), ("x1", &LEFT.to_string()), ("x2", &right), ("y1", &y), ("y2", &y)], "")
            .el("text", &[("class", "tick"), ("x", &(LEFT - 6).to_string()), ("y", &y)], &decimal(t, *value));
    }
    let below = (HEIGHT - 8).to_string();
    for year in &chart.years {
        rect(html, "bar-in", year.carried_in);
        rect(html, "bar-right", year.entitled);
        rect(html, "bar-attended", year.attended);
        html.el("text", &[("class", "year"), ("x", &year.centre.to_string()), ("y", &below)], &year.year.to_string());
    }
    html.close("svg").open("figcaption", &[("class", "usage-legend")]);
    for (class, text) in
        [("key key-in", t.col_carried_in), ("key key-right", t.col_entitled), ("key key-attended", t.col_attended)]
    {
        html.el("span", &[("class", class)], text);
    }
    html.close("figcaption").close("figure");
}
