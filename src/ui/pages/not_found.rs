use leptos::prelude::*;

use crate::ui::language::tr;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>{tr(|t| t.nf_title)}</h1>
        <p>{tr(|t| t.nf_text)}</p>
        <p><a href="/">{tr(|t| t.nf_link)}</a></p>
    }
}
