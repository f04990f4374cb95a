//! The widget's own bundle (`dist/widget/`): the training-credit card for other sites, without
//! the rest of the app, so an intranet page loads only what the card needs (see `widget`).

// widget.html's body says `data-frame`: there the card is the iframe's whole document; on
// another site's page, embed.js calls `mount_widget` for each element that asks for a card
#[cfg(target_arch = "wasm32")]
fn main() {
    if leptos::prelude::document().body().is_some_and(|b| b.has_attribute("data-frame")) {
        training_account::ui::widget::in_frame();
    }
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount_widget(target: web_sys::HtmlElement, host: web_sys::Element, base: String) {
    training_account::ui::widget::in_element(target, host, base);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
