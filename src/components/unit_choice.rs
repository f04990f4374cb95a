//! Days or hours: the unit the person prefers for the headline figures, remembered on this
//! device. Figures whose back end sent no hours-per-day rate stay in the unit they were recorded in.

use leptos::prelude::*;

use crate::api::dto::{KnownCode, Unit};
use crate::components::storage;
use crate::i18n::Texts;

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

    fn choose(self, unit: Unit) {
        storage::save(STORAGE_KEY, unit.code());
        self.0.set(Some(unit));
    }
}

/// Two buttons, the chosen one pressed. `t` comes from the caller's reactive closure.
#[component]
pub fn UnitSwitcher(t: &'static Texts) -> impl IntoView {
    let choice = expect_context::<UnitChoice>();
    let buttons = [(Unit::Days, t.in_days), (Unit::Hours, t.in_hours)].into_iter().map(|(unit, text)| {
        let pressed = move || if choice.get() == Some(unit) { "true" } else { "false" };
        view! {
            <button type="button" aria-pressed=pressed on:click=move |_| choice.choose(unit)>
                {text}
            </button>
        }
    });
    view! {
        <div class="units" role="group" aria-label=t.show_in>
            <span aria-hidden="true">{t.show_in}</span>
            {buttons.collect_view()}
        </div>
    }
}
