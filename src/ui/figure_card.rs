//! The figure cards: every card of the dashboard, the carry-over page and the widget is rendered
//! from a `cards::Card` by these views. The headline figure follows the unit the person prefers
//! (where the app provides that choice: the widget does not) without the rest of the card.

use leptos::prelude::*;

use crate::present::cards::Card;
use crate::present::format::worded;
use crate::ui::breakdown::Breakdown;
use crate::ui::language::{texts, tr};
use crate::ui::unit_choice::UnitChoice;
use crate::ui::usage_bar::UsageBar;

/// Cards side by side in the grid of their parent (the group itself takes no room, see base.css).
#[component]
pub fn FigureCards(cards: Vec<Card>) -> impl IntoView {
    let cards = cards.into_iter().map(|card| view! { <FigureCard card /> }).collect_view();
    view! { <div class="card-group">{cards}</div> }
}

/// One card, named by its id for tests and styling.
#[component]
pub fn FigureCard(card: Card) -> impl IntoView {
    let id = card.id;
    view! { <section class="card" data-testid=id><CardBody card /></section> }
}

/// What a card holds, for a frame of the caller's (the widget's card).
#[component]
pub fn CardBody(card: Card) -> impl IntoView {
    let Card { title, figure, notes, rows, usage, findings, problem, .. } = card;
    let units = use_context::<UnitChoice>();
    let figure = figure.map(|f| {
        move || {
            let (value, other) = worded(texts(), &f, units.and_then(UnitChoice::get));
            let other = other.map(|other| view! { <span class="figure-other">{other}</span> });
            view! { <span class="figure-value">{value}</span>{other} }
        }
    });
    view! {
        <h3 class="card-title">{title}</h3>
        {figure.map(|figure| view! { <p class="figure">{figure}</p> })}
        {notes.into_iter().map(|note| view! { <p class="muted">{note}</p> }).collect_view()}
        {(!rows.is_empty()).then(|| view! { <Breakdown class="breakdown" rows /> })}
        {usage.map(|usage| view! { <UsageBar usage /> })}
        {(!findings.is_empty()).then(|| {
            view! {
                <div class="panel panel-warning">
                    <p class="panel-title">{tr(|t| t.findings_title)}</p>
                    <ul>{findings.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul>
                </div>
            }
        })}
        {problem.map(|problem| {
            view! {
                <div class="panel panel-error" role="alert">
                    <p class="panel-title">{tr(|t| t.problem_title)}</p>
                    <p class="detail">{problem}</p>
                </div>
            }
        })}
    }
}
