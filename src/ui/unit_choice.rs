//! Days or hours: the unit the person prefers for the headline figures, remembered on this
//! device. Figures whose back end sent no hours-per-day rate stay in the unit they were recorded in.

use leptos::prelude::*;

use crate::contract::{KnownCode, Unit};
use crate::ui::language::tr;
use crate::ui::loaded::What;
use crate::ui::storage;

const STORAGE_KEY: &str = "training-account.unit";

/// The preferred unit, as context: `None` until the person chooses one.
#[derive(Clone, Copy)]
pub struct UnitChoice(RwSignal<Option<Unit>>);

impl UnitChoice {
    pub fn provide() -> UnitChoice {
        let saved = storage::load(STORAGE_KEY).and_then(|code| Unit::from_code(&code));
        let choice = UnitChoice(RwSignal::new(saved));
        provide_context(choice);
        choice
    }

    pub fn get(self) -> Option<Unit> {
        self.0.get()
    }

    /// The person's choice: shown at once and remembered on this device.
    pub fn choose(self, unit: Unit) {
        storage::save(STORAGE_KEY, unit.code());
        self.0.set(Some(unit));
    }
}

/// Two buttons, the chosen one pressed.
#[component]
pub fn UnitSwitcher() -> impl IntoView {
    let choice = expect_context::<UnitChoice>();
    let button = move |unit: Unit, text: What| {
        view! {
            <button
                type="button"
                aria-pressed=move || (choice.get() == Some(unit)).to_string()
                on:click=move |_| choice.choose(unit)
            >
                {tr(text)}
            </button>
        }
    };
    view! {
        <div class="units" role="group" aria-label=tr(|t| t.show_in)>
            <span aria-hidden="true">{tr(|t| t.show_in)}</span>
            {button(Unit::Days, |t| t.in_days)}
            {button(Unit::Hours, |t| t.in_hours)}
        </div>
    }
}
