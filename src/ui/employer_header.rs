//! Who the figures belong to: the employer, with its identifiers checked rather than trusted (the
//! words are `present::who`'s), and under it why a past employment shows only its balance.

use leptos::prelude::*;

use crate::contract::Employer;
use crate::present::who::{employer_header, EmployerHeader as Header};
use crate::ui::language::texts;

#[component]
pub fn EmployerHeader(employer: Employer, year: i32) -> impl IntoView {
    move || {
        let Header { name, enterprise, invalid, employment, note } = employer_header(texts(), &employer, year);
        view! {
            <header class="employer-header">
                <h2 translate="no">{name}</h2>
                <p class="muted">
                    {enterprise.map(|e| view! { <span>{e}</span> })}
                    {invalid.map(|flag| view! { " " <strong class="flag">{flag}</strong> })}
                    {employment}
                </p>
            </header>
            {note.map(|note| view! { <p>{note}</p> })}
        }
    }
}
