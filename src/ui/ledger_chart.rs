//! The carry-over chart as SVG, from the geometry in `present::chart`. The table beside it holds
//! the same figures in words, so the picture is labelled as such for screen readers.

use leptos::prelude::*;

use crate::present::chart::{Chart, Rect, HEIGHT, LEFT};
use crate::ui::language::tr;

/// `ticks` are the gridlines' heights and numbers; `label` the chart's text alternative.
#[component]
pub fn LedgerChart(chart: Chart, ticks: Vec<(i64, String)>, label: String) -> impl IntoView {
    let Chart { width, years, .. } = chart;
    let grid = ticks
        .into_iter()
        .map(|(y, number)| {
            view! {
                <line class="grid" x1=LEFT x2=width - 8 y1=y y2=y></line>
                <text class="tick" x=LEFT - 6 y=y>{number}</text>
            }
        })
        .collect_view();
    let bars = years
        .into_iter()
        .map(|year| {
            view! {
                <Bar class="bar-in" rect=year.carried_in />
                <Bar class="bar-right" rect=year.entitled />
                <Bar class="bar-attended" rect=year.attended />
                <text class="year" x=year.centre y=HEIGHT - 8>{year.year}</text>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {width} {HEIGHT}") width=width role="img" aria-label=label>
                {grid}
                {bars}
            </svg>
            <figcaption class="usage-legend">
                <span class="key key-in">{tr(|t| t.col_carried_in)}</span>
                <span class="key key-right">{tr(|t| t.col_entitled)}</span>
                <span class="key key-attended">{tr(|t| t.col_attended)}</span>
            </figcaption>
        </figure>
    }
}

#[component]
fn Bar(class: &'static str, rect: Rect) -> impl IntoView {
    view! { <rect class=class x=rect.x y=rect.y width=rect.w height=rect.h></rect> }
}
