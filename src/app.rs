//! Start-up: read config.json, then hand the API client to the routed pages.

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

use crate::api::client::{config_url, Client};
use crate::components::loaded::text_resource;
use crate::config::{self, ConfigError};
use crate::pages::{dashboard::Dashboard, not_found::NotFound, training::TrainingDetail};

#[component]
pub fn App() -> impl IntoView {
    let url = config_url();
    let text = text_resource(Client::new(String::new(), None), url.clone());
    // a memo, so the app below is built once per distinct config, never again for the same one
    let config = Memo::new(move |_| {
        text.get().map(|r| r.map_err(|e| ConfigError::from_fetch(&url, &e)).and_then(|t| config::parse(&t)))
    });
    move || match config.get() {
        None => view! { <p class="boot" role="status">"Loading your training account…"</p> }.into_any(),
        Some(Ok(cfg)) => view! { <Shell client=Client::new(cfg.api_base_url, None) /> }.into_any(),
        Some(Err(error)) => view! { <ConfigProblem error /> }.into_any(),
    }
}

#[component]
fn Shell(client: Client) -> impl IntoView {
    provide_context(client);
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <a href="/" class="brand">"Training account"</a>
            </header>
            <main id="main" class="page">
                <FlatRoutes fallback=NotFound>
                    <Route path=path!("/") view=Dashboard />
                    <Route path=path!("/trainings/:id") view=TrainingDetail />
                </FlatRoutes>
            </main>
        </Router>
    }
}

#[component]
fn ConfigProblem(error: ConfigError) -> impl IntoView {
    view! {
        <main id="main" class="page">
            <div class="panel panel-error" role="alert">
                <h1>"This app is not set up correctly"</h1>
                <p class="config-error">{error.to_string()}</p>
                <p>"Ask whoever runs this site to fix its config.json; nothing is wrong with your account."</p>
            </div>
        </main>
    }
}
