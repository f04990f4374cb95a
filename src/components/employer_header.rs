//! Who the figures belong to: the employer, with its identifiers checked rather than trusted.

use leptos::prelude::*;

use crate::api::dto::Employer;
use crate::domain::amount::Amount;
use crate::domain::format::{date, decimal, percent};
use crate::domain::ids::{enterprise_number_formatted, enterprise_number_is_valid};

#[component]
pub fn EmployerHeader(employer: Employer) -> impl IntoView {
    let job = &employer.employment;
    let number = enterprise_number_formatted(&employer.enterprise_number);
    let valid = enterprise_number_is_valid(&employer.enterprise_number);
    let period = match job.end_date {
        Some(end) => format!("Employed {} – {}", date(job.start_date), date(end)),
        None => format!("Employed since {}", date(job.start_date)),
    };
    let hours = |h: f64| Amount::from_f64(h).map(decimal).unwrap_or_default();
    let regime = format!(
        "{} work regime ({} h of {} h a week)",
        percent(job.work_regime.fraction),
        hours(job.work_regime.weekly_hours),
        hours(job.work_regime.full_time_weekly_hours)
    );
    view! {
        <header class="employer-header">
            <h2>{employer.name}</h2>
            <p class="muted">
                <span>"Enterprise number " {number}</span>
                {(!valid).then(|| view! { <strong class="flag">" (this number is not valid: check it with your employer)"</strong> })}
                " · " {period} " · " {regime}
            </p>
        </header>
    }
}
