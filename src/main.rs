#[cfg(target_arch = "wasm32")]
fn main() {
    // The frame index.html painted (scripts/frame.js) goes in the task the app comes in, so no
    // frame is painted between: the app's first screen has the same header, navigation and line.
    let frame = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("frame"));
    if let Some(frame) = frame {
        frame.remove();
    }
    leptos::mount::mount_to_body(training_account::ui::app::App);
}

// The app only runs in the browser; natively the crate is its tested domain library.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
