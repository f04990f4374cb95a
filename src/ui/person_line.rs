//! Whose account this is, above the year's figures: the name, the national register number
//! masked, and the date the figures are from (the words are `present::who`'s).

use leptos::prelude::*;

use crate::contract::Me;
use crate::present::who::{person, Person};
use crate::ui::language::texts;

#[component]
pub fn PersonLine(me: Me) -> impl IntoView {
    move || {
        let Person { name, ssin, as_of } = person(texts(), &me);
        view! {
            <p class="person">
                <span class="person-name" translate="no">{name}</span>
                {ssin.map(|(label, masked)| view! { <span class="muted">{label}<span class="nowrap">{masked}</span></span> })}
                {as_of.map(|as_of| view! { <span class="muted">{as_of}</span> })}
            </p>
        }
    }
}
