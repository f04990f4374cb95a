//! One training with every field the contract carries.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::dto::Training;
use crate::api::resources;
use crate::components::breakdown::Breakdown;
use crate::components::language::{texts, tr};
use crate::components::loaded::{loaded, Remote};
use crate::domain::training_details;

#[component]
pub fn TrainingDetail() -> impl IntoView {
    let params = use_params_map();
    view! {
        <p><a href="/" class="back-link">{tr(|t| t.back)}</a></p>
        {move || {
            let id = params.read().get("id").unwrap_or_default();
            let training = Remote::new(resources::training(&id));
            loaded(training, |t| t.what_training, "placeholder-detail", |training: Training| {
                let rows = training_details::rows(texts(), &training);
                view! {
                    <h1>{training.title}</h1>
                    <Breakdown class="details" rows />
                }
            })
        }}
    }
}
