//! Waiting for the browser to draw.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
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

/// Its children, once `after` holds and the frame after that has been drawn: what is below a
/// page's figures is neither compiled, built, asked for nor laid out before they are on screen.
#[component]
pub fn AfterFrame(#[prop(into)] after: Signal<bool>, children: ChildrenFn) -> impl IntoView {
    let drawn = RwSignal::new(false);
    let ready = Memo::new(move |_| after.get());
    Effect::new(move || {
        if ready.get() && !drawn.get_untracked() {
            spawn_local(async move {
                after_next_frame().await;
                drawn.try_set(true);
            });
        }
    });
    view! { <Show when=move || drawn.get()>{children()}</Show> }
}
