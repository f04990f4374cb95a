//! Trainings as a list of links to their detail pages.

use leptos::prelude::*;

use crate::api::dto::Training;
use crate::domain::format::{date_range, duration};
use crate::domain::labels::label;

#[component]
pub fn TrainingList(items: Vec<Training>) -> impl IntoView {
    view! {
        <ol class="training-list">
            {items.into_iter().map(|t| {
                let href = format!("/trainings/{}", crate::api::resources::encode(&t.id));
                view! {
                    <li class="training-item">
                        <a href=href class="training-title">{t.title}</a>
                        <p class="training-meta">
                            <span>{date_range(t.start_date, t.end_date)}</span>
                            <span>{duration(t.duration_minutes)}</span>
                            <span>{label(&t.kind)}</span>
                            <span class="tag">{label(&t.status)}</span>
                            {(!t.counts_towards_right).then(|| view! { <span class="tag tag-muted">"Does not count towards your right"</span> })}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
