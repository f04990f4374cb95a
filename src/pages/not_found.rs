use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"There is nothing at this address. If you typed it, check it; if you followed a link, it may be out of date."</p>
        <p><A href="/">"Go to your training account"</A></p>
    }
}
