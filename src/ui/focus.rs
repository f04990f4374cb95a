//! Where keyboard focus goes when a link changes part of the page without loading a new one.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with `id` whenever `key` changes (not when it is first read), so a screen
/// reader reads the new content instead of staying on a link that is gone. The element needs a
/// `tabindex="-1"` unless it is focusable anyway.
pub fn on_change(key: Box<dyn Fn() -> String>, id: &'static str) {
    Effect::new(move |before: Option<String>| {
        let now = key();
        if before.is_some_and(|b| b != now) {
            focus(id);
        }
        now
    });
}

pub fn focus(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}
