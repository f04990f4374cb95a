//! The browser's storage, for preferences only (the language, the unit): never personal data.

use leptos::prelude::*;

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Storage may be refused (private mode, a sandboxed frame): the choice then lasts the visit.
pub fn save(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}
