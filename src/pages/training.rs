//! One training with every field the contract carries.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::client::Client;
use crate::api::dto::Training;
use crate::components::loaded::loaded;
use crate::domain::format::{date, date_range, duration};
use crate::domain::ids::{enterprise_number_formatted, enterprise_number_is_valid};
use crate::domain::labels::label;

#[component]
pub fn TrainingDetail() -> impl IntoView {
    let client = expect_context::<Client>();
    let params = use_params_map();
    let training = LocalResource::new(move || {
        let id = params.read().get("id").unwrap_or_default();
        let c = client.clone();
        async move { c.training(&id).await }
    });
    view! {
        <p><A href="/">"← Back to your training account"</A></p>
        {loaded(training, "This training".into(), "placeholder-detail", |t: Training| view! { <Detail t /> })}
    }
}

#[component]
fn Detail(t: Training) -> impl IntoView {
    let provider = t.provider.map(|p| {
        let number = p.enterprise_number.map(|n| {
            let flag = (!enterprise_number_is_valid(&n)).then_some(" (not a valid enterprise number)");
            format!(", enterprise number {}{}", enterprise_number_formatted(&n), flag.unwrap_or(""))
        });
        format!("{}{}", p.name, number.unwrap_or_default())
    });
    let result = t.result.map(|r| {
        let cert = match (r.certificate, r.certificate_valid_until) {
            (Some(true), Some(until)) => format!("Certificate, valid until {}", date(until)),
            (Some(true), None) => "Certificate, no expiry".into(),
            (Some(false), _) => "No certificate".into(),
            (None, _) => String::new(),
        };
        [r.description.unwrap_or_default(), cert].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ")
    });
    let row = |term: &'static str, value: Option<String>| {
        value.filter(|v| !v.is_empty()).map(|v| view! { <dt>{term}</dt><dd>{v}</dd> })
    };
    view! {
        <h1>{t.title}</h1>
        <dl class="details">
            {row("Dates", Some(date_range(t.start_date, t.end_date)))}
            {row("Duration", Some(duration(t.duration_minutes)))}
            {row("Type", Some(label(&t.kind)))}
            {row("Status", Some(label(&t.status)))}
            {row("Counts towards your training right", Some(if t.counts_towards_right { "Yes" } else { "No" }.into()))}
            {row("Provider", provider)}
            {row("Result", result)}
            {row("Paid by", t.funding.as_ref().map(label))}
            {row("Registered by", Some(label(&t.registered_by)))}
            {row("Registered on", t.registered_on.map(date))}
            {row("Content", t.content)}
        </dl>
    }
}
