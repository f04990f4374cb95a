//! Days or hours: the unit the person prefers for the headline figures, remembered on this
//! device. Figures whose back end sent no hours-per-day rate stay in the unit they were recorded in.

use leptos::prelude::*;

use crate::contract::{KnownCode, Unit};
use crate::i18n::Texts;
use crate::present::markup::Html;
use crate::ui::clicked::clicked;
use crate::ui::{focus, storage};

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

/// Two buttons, the chosen one pressed; after a choice, focus stays on it (the buttons are made
/// anew, as markup, see `markup`). `t` comes from the caller's reactive closure.
#[component]
pub fn UnitSwitcher(t: &'static Texts) -> impl IntoView {
    let choice = expect_context::<UnitChoice>();
    let buttons = move || {
        let mut html = Html::new();
        html.el("span", &[("aria-hidden", "true")], t.show_in);
        for (unit, text) in [(Unit::Days, t.in_days), (Unit::Hours, t.in_hours)] {
            let pressed = if choice.get() == Some(unit) { "true" } else { "false" };
            html.el("button", &[("type", "button"), ("aria-pressed", pressed), ("data-unit", unit.code())], text);
        }
        html.finish()
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if let Some(unit) = clicked(&ev, "data-unit").and_then(|c| Unit::from_code(&c)) {
            choice.choose(unit);
            request_animation_frame(|| focus::focus_first(".units [aria-pressed=true]"));
        }
    };
    view! { <div class="units" role="group" aria-label=t.show_in on:click=on_click inner_html=buttons></div> }
}
