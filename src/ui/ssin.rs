//! The national register number with its label and its check: masked until the person asks to
//! see it, and only on screen (`revealed` lives in memory, never in the address or storage).

use leptos::prelude::*;

use crate::domain::ids::{ssin_formatted, ssin_is_valid, ssin_masked};
use crate::ui::language::{texts, tr};

#[component]
pub fn Ssin(ssin: String, revealed: RwSignal<bool>) -> impl IntoView {
    let (masked, full, valid) = (ssin_masked(&ssin), ssin_formatted(&ssin), ssin_is_valid(&ssin));
    view! {
        <p class="ssin">
            <span>
                <strong>{tr(|t| t.ssin)}</strong>
                " "
                <span class="nowrap" data-testid="ssin">
                    {move || if revealed.get() { full.clone() } else { masked.clone() }}
                </span>
                " "
                <strong class="flag">{move || if valid { "" } else { texts().invalid_number }}</strong>
            </span>
            " "
            <button
                type="button"
                class="button-secondary"
                aria-pressed=move || revealed.get().to_string()
                on:click=move |_| revealed.update(|r| *r = !*r)
            >
                {tr(|t| t.show_number)}
            </button>
        </p>
    }
}
