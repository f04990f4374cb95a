//! One training in the history list: a link to its own page, and when, how long, what kind and
//! its status. The item is made once per training and language, in that language: twenty of them
//! are made at each search, so they hold no reactive text of their own.

use leptos::prelude::*;

use crate::contract::Training;
use crate::domain::address::segment;
use crate::i18n::Texts;
use crate::present::format::{date_range, duration};
use crate::present::labels::label;

/// `focus`: the training whose link takes focus when it appears, e.g. the first of those that
/// "Show more" adds; taken once, so that the list drawn again in another language leaves focus
/// where it is.
#[component]
pub fn TrainingItem(training: Training, t: &'static Texts, focus: RwSignal<Option<String>>) -> impl IntoView {
    let link = NodeRef::<leptos::html::A>::new();
    let Training { id, title, start_date, end_date, duration_minutes, kind, status, counts_towards_right, .. } =
        training;
    if focus.read_untracked().as_deref() == Some(id.as_str()) {
        Effect::new(move || {
            if let Some(a) = link.get() {
                let _ = a.focus();
                focus.set(None);
            }
        });
    }
    view! {
        <li class="training-item">
            <a href=format!("/trainings/{}", segment(&id)) class="training-title" node_ref=link>{title}</a>
            <p class="training-meta">
                <span>{date_range(t, start_date, end_date)}</span>
                <span>{duration(t, duration_minutes)}</span>
                <span>{label(t, &kind)}</span>
                <span class="tag">{label(t, &status)}</span>
                {(!counts_towards_right).then(|| view! { <span class="tag tag-muted">{t.does_not_count}</span> })}
            </p>
        </li>
    }
}
