//! One figure card: every card on the dashboard is rendered by this view from a `cards::Card`.

use leptos::prelude::*;

use crate::components::breakdown::Breakdown;
use crate::domain::cards::{Card, Usage};
use crate::i18n::{fill, Texts};

/// `t` comes from the caller's reactive closure, which runs again when the language changes.
#[component]
pub fn FigureCard(t: &'static Texts, card: Card) -> impl IntoView {
    let Card { id, title, figure, notes, rows, usage, findings, problem } = card;
    view! {
        <section class="card" data-testid=id>
            <h3 class="card-title">{title}</h3>
            {figure.map(|(value, other)| view! {
                <p class="figure">
                    <span class="figure-value">{value}</span>
                    {other.map(|o| view! { <span class="figure-other">{o}</span> })}
                </p>
            })}
            {notes.into_iter().map(|n| view! { <p class="muted">{n}</p> }).collect_view()}
            {(!rows.is_empty()).then(|| view! { <Breakdown class="breakdown" rows /> })}
            {usage.map(|usage| view! { <UsageBar t usage /> })}
            {(!findings.is_empty()).then(|| view! {
                <div class="panel panel-warning">
                    <p class="panel-title">{t.findings_title}</p>
                    <ul>{findings.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                </div>
            })}
            {problem.map(|p| view! {
                <div class="panel panel-error" role="alert">
                    <p class="panel-title">{t.problem_title}</p>
                    <p class="detail">{p}</p>
                </div>
            })}
        </section>
    }
}

/// Used against left as one bar, with the same facts in words for screen readers.
#[component]
fn UsageBar(t: &'static Texts, usage: Usage) -> impl IntoView {
    let Usage { used_per_mille, used, left, available } = usage;
    let summary = fill(t.usage_summary, &[&used, &available, &left]);
    let width = format!("width: {}.{}%", used_per_mille / 10, used_per_mille % 10);
    view! {
        <figure class="usage">
            <div class="usage-bar" role="img" aria-label=summary>
                <span class="usage-used" style=width></span>
            </div>
            <figcaption class="usage-legend">
                <span class="key key-used">{fill(t.usage_used, &[&used])}</span>
                <span class="key key-left">{fill(t.usage_left, &[&left])}</span>
                <span class="key">{fill(t.usage_available, &[&available])}</span>
            </figcaption>
        </figure>
    }
}
