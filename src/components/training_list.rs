//! Trainings as a list of links to their detail pages.

use leptos::prelude::*;

use crate::api::dto::Training;
use crate::domain::format::{date_range, duration};
use crate::domain::labels::label;
use crate::i18n::Texts;

/// `t` comes from the caller's reactive closure, which runs again when the language changes.
pub fn training_list(t: &'static Texts, items: &[Training]) -> impl IntoView {
    view! {
        <ol class="training-list">
            {items.iter().map(|tr| {
                let href = format!("/trainings/{}", crate::api::resources::encode(&tr.id));
                view! {
                    <li class="training-item">
                        <a href=href class="training-title">{tr.title.clone()}</a>
                        <p class="training-meta">
                            <span>{date_range(t, tr.start_date, tr.end_date)}</span>
                            <span>{duration(t, tr.duration_minutes)}</span>
                            <span>{label(t, &tr.kind)}</span>
                            <span class="tag">{label(t, &tr.status)}</span>
                            {(!tr.counts_towards_right).then(|| view! { <span class="tag tag-muted">{t.does_not_count}</span> })}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
