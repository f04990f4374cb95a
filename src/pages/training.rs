//! One training with every field the contract carries.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::dto::Training;
use crate::api::resources;
use crate::components::breakdown::Breakdown;
use crate::components::loaded::{loaded, Remote};
use crate::domain::format::{date, date_range, duration};
use crate::domain::ids::{enterprise_number_formatted, enterprise_number_is_valid};
use crate::domain::labels::label;

#[component]
pub fn TrainingDetail() -> impl IntoView {
    let params = use_params_map();
    view! {
        <p><a href="/">"← Back to your training account"</a></p>
        {move || {
            let id = params.read().get("id").unwrap_or_default();
            let training = Remote::new(resources::training(&id));
            loaded(training, "This training".into(), "placeholder-detail", |t: Training| view! { <Detail t /> })
        }}
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
    let rows = [
        ("Dates", date_range(t.start_date, t.end_date)),
        ("Duration", duration(t.duration_minutes)),
        ("Type", label(&t.kind)),
        ("Status", label(&t.status)),
        ("Counts towards your training right", if t.counts_towards_right { "Yes" } else { "No" }.into()),
        ("Provider", provider.unwrap_or_default()),
        ("Result", result.unwrap_or_default()),
        ("Paid by", t.funding.as_ref().map(label).unwrap_or_default()),
        ("Registered by", label(&t.registered_by)),
        ("Registered on", t.registered_on.map(date).unwrap_or_default()),
        ("Content", t.content.unwrap_or_default()),
    ];
    view! {
        <h1>{t.title}</h1>
        <Breakdown class="details" rows=rows.into_iter().map(|(k, v)| (k.to_string(), v)).collect() />
    }
}
