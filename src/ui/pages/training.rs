//! One training with every field the contract carries.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::client::resources;
use crate::contract::{Me, Training};
use crate::present::markup::Html;
use crate::present::profile::employer_name;
use crate::present::training_details;
use crate::ui::breakdown::rows_into;
use crate::ui::clock::today;
use crate::ui::language::{texts, tr};
use crate::ui::loaded::{loaded, Remote};

#[component]
pub fn TrainingDetail() -> impl IntoView {
    let params = use_params_map();
    let me = expect_context::<Remote<Me>>();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <p><a href="/" class="back-link">{tr(|t| t.back)}</a></p>
        // a resource per training, made anew only for another one
        {move || {
            let training = Remote::new(resources::training(&id.get()));
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
