//! The profile's definition lists: the person's name, where the account's data comes from, and
//! each employment (see `present::profile`), every heading and value in the current language.

use leptos::prelude::*;

use crate::contract::Me;
use crate::present::profile::{employment, sources};
use crate::present::who::full_name;
use crate::ui::breakdown::Breakdown;
use crate::ui::language::texts;

#[component]
pub fn ProfileDetails(me: Me) -> impl IntoView {
    move || {
        let t = texts();
        let employments = me.employers.iter().map(|e| {
            view! {
                <h2 translate="no">{e.name.clone()}</h2>
                <Breakdown class="details" rows=employment(t, e) />
            }
        });
        view! {
            <Breakdown class="details" rows=vec![(t.name.to_string(), full_name(&me))] />
            <h2>{t.sources_title}</h2>
            <Breakdown class="details" rows=sources(t, &me) />
            {employments.collect_view()}
        }
    }
}
