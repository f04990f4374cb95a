//! One resource's life on screen: a placeholder of the final size, its own error with a retry.

use leptos::prelude::*;

use crate::api::ApiError;

/// Renders `render(value)` once `res` has loaded; an API error shows in place, with a retry,
/// while every other part of the page keeps working.
pub fn loaded<T, V>(
    res: LocalResource<Result<T, ApiError>>,
    what: String,
    placeholder: &'static str,
    render: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    let fallback = move |errors: ArcRwSignal<Errors>| {
        let message = errors.with(|e| e.iter().map(|(_, e)| e.to_string()).collect::<Vec<_>>().join(" "));
        view! { <ErrorPanel what=what.clone() message retry=move || res.refetch() /> }
    };
    view! {
        <Transition fallback=move || view! { <Placeholder class=placeholder /> }>
            <ErrorBoundary fallback>
                {
                    let render = render.clone();
                    move || {
                        let render = render.clone();
                        Suspend::new(async move { res.await.map(render) })
                    }
                }
            </ErrorBoundary>
        </Transition>
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
