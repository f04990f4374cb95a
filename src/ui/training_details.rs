//! One training with every field the contract carries (see `present::training_details`), the
//! employer named once the profile is there.

use leptos::prelude::*;

use crate::contract::{Me, Training};
use crate::present::profile::employer_name;
use crate::present::training_details::rows;
use crate::ui::breakdown::Breakdown;
use crate::ui::clock::today;
use crate::ui::language::texts;
use crate::ui::loaded::Remote;

#[component]
pub fn TrainingDetails(training: Training) -> impl IntoView {
    let me = expect_context::<Remote<Me>>();
    let title = training.title.clone();
    let details = move || {
        let rows = me.with_ok(|m| rows(texts(), &training, employer_name(m, &training.employer_id), today()));
        view! { <Breakdown class="details" rows /> }
    };
    view! { <h1>{title}</h1> {details} }
}
