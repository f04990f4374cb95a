//! The ledger rules the back end's figures break, as sentences to take to HR.

use leptos::prelude::*;

use crate::api::dto::{Code, Unit};
use crate::domain::figures::{DataError, Finding};

#[component]
pub fn Findings(findings: Vec<Finding>, unit: Code<Unit>) -> impl IntoView {
    (!findings.is_empty()).then(|| {
        view! {
            <div class="panel panel-warning findings">
                <p class="panel-title">"These figures do not add up. You may want to raise this with your employer:"</p>
                <ul>{findings.iter().map(|f| view! { <li>{f.describe(&unit)}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

#[component]
pub fn DataProblem(error: DataError) -> impl IntoView {
    view! {
        <div class="panel panel-error" role="alert">
            <p>"This figure cannot be shown: the service sent an impossible value."</p>
            <p class="detail">{error.to_string()}</p>
        </div>
    }
}
