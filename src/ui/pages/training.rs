//! One training with every field the contract carries.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::dto::{Me, Training};
use crate::api::resources;
use crate::components::breakdown::rows_into;
use crate::components::clock::today;
use crate::components::language::{texts, tr};
use crate::components::loaded::{loaded, Remote};
use crate::domain::profile::employer_name;
use crate::domain::training_details;
use crate::markup::Html;

#[component]
pub fn TrainingDetail() -> impl IntoView {
    let params = use_params_map();
    let me = expect_context::<Remote<Me>>();
    view! {
        <p><a href="/" class="back-link">{tr(|t| t.back)}</a></p>
        {move || {
            let id = params.read().get("id").unwrap_or_default();
            let training = Remote::new(resources::training(&id));
            loaded(training, |t| t.what_training, "placeholder-detail", move |training: Training| {
                // the employer's name from the profile, once it is there
                let me = me.get().and_then(Result::ok);
                let employer = employer_name(me.as_ref(), &training.employer_id);
                let rows = training_details::rows(texts(), &training, employer, today());
                let mut html = Html::new();
                html.el("h1", &[], &training.title).open("dl", &[("class", "details")]);
                rows_into(&mut html, &rows);
                view! { <div inner_html=html.close("dl").finish()></div> }
            })
        }}
    }
}
