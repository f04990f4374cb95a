#[cfg(target_arch = "wasm32")]
fn main() {
    leptos::mount::mount_to_body(training_account::ui::app::App);
}

// The app only runs in the browser; natively the crate is its tested domain library.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
