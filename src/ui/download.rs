//! Hands a text to the browser as a file download, made on this device: nothing is uploaded.

use std::time::Duration;

use gloo_file::{Blob, ObjectUrl};
use leptos::prelude::{document, set_timeout};
use wasm_bindgen::JsCast;

/// `false` when the browser refused (no document to hold the link).
pub fn save(file_name: &str, mime: &str, text: &str) -> bool {
    let url = ObjectUrl::from(Blob::new_with_options(text, Some(mime)));
    let link = document().create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(link) = link else { return false };
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // freed once the download has surely read it (an immediate revoke can cancel it)
    set_timeout(move || drop(url), Duration::from_secs(60));
    true
}
