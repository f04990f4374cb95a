//! What is wrong with the app's configuration, in place of the app: it cannot start without one.

use leptos::prelude::*;

use crate::contract::config::ConfigError;
use crate::present::messages::config_error;
use crate::ui::language::{texts, tr};

#[component]
pub fn ConfigErrorPanel(error: ConfigError) -> impl IntoView {
    view! {
        <div class="panel panel-error" role="alert">
            <h1>{tr(|t| t.config_title)}</h1>
            <p class="config-error">{move || config_error(texts(), &error)}</p>
            <p>{tr(|t| t.config_help)}</p>
        </div>
    }
}
