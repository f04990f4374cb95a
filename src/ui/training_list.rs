//! One training in the history list: a link to its own page, and when, how long, what kind and
//! its status. The words follow the language; the item itself is made once per training.

use leptos::prelude::*;

use crate::contract::Training;
use crate::domain::address::encode;
use crate::present::format::{date_range, duration};
use crate::present::labels::label;
use crate::ui::language::{texts, tr};

/// `focus`: the training whose link takes focus when it appears, e.g. the first of those that
/// "Show more" adds.
#[component]
pub fn TrainingItem(training: Training, focus: ReadSignal<Option<String>>) -> impl IntoView {
    let link = NodeRef::<leptos::html::A>::new();
    let Training { id, title, start_date, end_date, duration_minutes, kind, status, counts_towards_right, .. } =
        training;
    let href = format!("/trainings/{}", encode(&id));
    Effect::new(move || {
        if focus.read().as_deref() == Some(id.as_str()) {
            if let Some(a) = link.get() {
                let _ = a.focus();
            }
        }
    });
    view! {
        <li class="training-item">
            <a href=href class="training-title" node_ref=link>{title}</a>
            <p class="training-meta">
                <span>{move || date_range(texts(), start_date, end_date)}</span>
                <span>{move || duration(texts(), duration_minutes)}</span>
                <span>{move || label(texts(), &kind)}</span>
                <span class="tag">{move || label(texts(), &status)}</span>
                {(!counts_towards_right).then(|| view! { <span class="tag tag-muted">{tr(|t| t.does_not_count)}</span> })}
            </p>
        </li>
    }
}
