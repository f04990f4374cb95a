//! Waiting for the browser to draw.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
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

/// Its children, once the frame after it is made has been drawn: what is below a page's figures
/// is neither compiled, built nor laid out before them.
#[component]
pub fn AfterFrame(children: ChildrenFn) -> impl IntoView {
    let drawn = RwSignal::new(false);
    spawn_local_scoped_with_cancellation(async move {
        after_next_frame().await;
        drawn.set(true);
    });
    view! { <Show when=move || drawn.get()>{children()}</Show> }
}
