//! Views built as markup (see `markup`) have one click handler for all their buttons; each
//! button says what it is for in a `data-` attribute.

use wasm_bindgen::JsCast;

/// The value of the clicked element's `data-…` attribute `name`, when it has one.
pub fn clicked(ev: &leptos::ev::MouseEvent, name: &str) -> Option<String> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.get_attribute(name)
}
