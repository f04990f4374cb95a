//! Who the figures belong to: the employer, with its identifiers checked rather than trusted.

use leptos::prelude::*;

use crate::api::dto::Employer;
use crate::domain::format::{date, number, percent};
use crate::domain::ids::{enterprise_number_formatted, enterprise_number_is_valid};
use crate::i18n::{fill, Texts};

/// `t` comes from the caller's reactive closure, which runs again when the language changes.
#[component]
pub fn EmployerHeader(t: &'static Texts, employer: Employer) -> impl IntoView {
    let job = &employer.employment;
    let enterprise = enterprise_number_formatted(&employer.enterprise_number);
    let valid = enterprise_number_is_valid(&employer.enterprise_number);
    let period = match job.end_date {
        Some(end) => fill(t.employed_between, &[&date(t, job.start_date), &date(t, end)]),
        None => fill(t.employed_since, &[&date(t, job.start_date)]),
    };
    let regime = fill(
        t.regime,
        &[
            &percent(t, job.work_regime.fraction),
            &number(t, job.work_regime.weekly_hours),
            &number(t, job.work_regime.full_time_weekly_hours),
        ],
    );
    view! {
        <header class="employer-header">
            <h2 translate="no">{employer.name}</h2>
            <p class="muted">
                <span>{fill(t.enterprise_number, &[&enterprise])}</span>
                {(!valid).then(|| view! { <strong class="flag">" " {t.invalid_number}</strong> })}
                " · " {period} " · " {regime}
            </p>
        </header>
    }
}
