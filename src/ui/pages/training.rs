//! One training with every field the contract carries.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::client::resources;
use crate::contract::Training;
use crate::ui::language::tr;
use crate::ui::loaded::{loaded, Remote};
use crate::ui::training_details::TrainingDetails;

#[component]
pub fn TrainingDetail() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <p><a href="/" class="back-link">{tr(|t| t.back)}</a></p>
        // a resource per training, made anew only for another one
        {move || {
            let training = Remote::new(resources::training(&id.get()));
            loaded(training, |t| t.what_training, "placeholder-detail", |training: Training| {
                view! { <div><TrainingDetails training /></div> }
            })
        }}
    }
}
