//! One resource's life on screen: a placeholder of the final size, then the view, or its own
//! error with a retry while every other part of the page keeps working.
//! (A plain match on the resource: nested Transition/ErrorBoundary pairs lose errors in leptos 0.8.)

use leptos::prelude::*;

use crate::api::ApiError;

pub fn loaded<T, V>(
    res: LocalResource<Result<T, ApiError>>,
    what: String,
    placeholder: &'static str,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    move || match res.get() {
        None => view! { <Placeholder class=placeholder /> }.into_any(),
        Some(Ok(value)) => render(value).into_any(),
        Some(Err(e)) => view! { <ErrorPanel what=what.clone() message=e.message() retry=move || res.refetch() /> }.into_any(),
    }
}

#[component]
pub fn Placeholder(class: &'static str) -> impl IntoView {
    view! {
        <div class=format!("placeholder {class}") role="status" aria-live="polite">
            <span class="visually-hidden">"Loading…"</span>
        </div>
    }
}

#[component]
pub fn ErrorPanel(what: String, message: String, retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    view! {
        <div class="panel panel-error" role="alert">
            <p class="panel-title">{format!("{what}: not available right now")}</p>
            <p>{message}</p>
            <button type="button" class="button-secondary" on:click=move |_| retry()>"Try again"</button>
        </div>
    }
}
