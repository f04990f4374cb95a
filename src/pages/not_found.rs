use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p>"There is nothing at this address. If you typed it, check it; if you followed a link, it may be out of date."</p>
        <p><a href="/">"Go to your training account"</a></p>
    }
}
