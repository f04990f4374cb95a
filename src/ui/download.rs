//! Hands a text to the browser as a file download, made on this device: nothing is uploaded.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// `false` when the browser refused (no Blob, no document).
pub fn save(file_name: &str, mime: &str, text: &str) -> bool {
    let made = || -> Option<()> {
        let parts = js_sys::Array::of1(&text.into());
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let link = leptos::prelude::document().create_element("a").ok()?.dyn_into::<web_sys::HtmlElement>().ok()?;
        link.set_attribute("href", &url).ok()?;
        link.set_attribute("download", file_name).ok()?;
        link.click();
        // freed once the download has surely read it (an immediate revoke can cancel it)
        let revoke = Closure::once_into_js(move || web_sys::Url::revoke_object_url(&url));
        leptos::prelude::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)
            .ok()
            .map(drop)
    };
    made().is_some()
}
