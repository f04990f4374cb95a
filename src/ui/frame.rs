//! Waiting for the browser to draw.

use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Settles in the first task after the next frame: work done then does not hold that frame back.
pub async fn after_next_frame() {
    let drawn = js_sys::Promise::new(&mut |resolve, _| {
        // a task after the frame's callbacks, not one of them: the frame is drawn first
        request_animation_frame(move || {
            set_timeout(move || drop(resolve.call0(&JsValue::NULL)), Duration::ZERO);
        });
    });
    let _ = JsFuture::from(drawn).await;
}
