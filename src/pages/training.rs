//! One training with every field the contract carries.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::dto::Training;
use crate::api::resources;
use crate::components::breakdown::Breakdown;
use crate::components::loaded::{loaded, Remote};
use crate::domain::training_details;

#[component]
pub fn TrainingDetail() -> impl IntoView {
    let params = use_params_map();
    view! {
        <p><a href="/">"← Back to your training account"</a></p>
        {move || {
            let id = params.read().get("id").unwrap_or_default();
            let training = Remote::new(resources::training(&id));
            loaded(training, "This training".into(), "placeholder-detail", |t: Training| view! { <Detail t /> })
        }}
    }
}

#[component]
fn Detail(t: Training) -> impl IntoView {
    let rows = training_details::rows(&t);
    view! {
        <h1>{t.title}</h1>
        <Breakdown class="details" rows />
    }
}
