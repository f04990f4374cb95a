//! Who the figures belong to: the employer, with its identifiers checked rather than trusted.

use crate::contract::Employer;
use crate::domain::ids::{enterprise_number_formatted, enterprise_number_is_valid};
use crate::i18n::{fill, Texts};
use crate::present::format::{date, number, percent};
use crate::present::markup::Html;

/// The header as escaped HTML (see `markup`), with `note` under it when there is one. `t` comes
/// from the caller's reactive closure, which runs again when the language changes.
pub fn employer_header_into(html: &mut Html, t: &Texts, employer: &Employer, note: Option<&str>) {
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
    html.open("header", &[("class", "employer-header")])
        .el("h2", &[("translate", "no")], &employer.name)
        .open("p", &[("class", "muted")])
        .el("span", &[], &fill(t.enterprise_number, &[&enterprise]));
    if !valid {
        html.text(" ").el("strong", &[("class", "flag")], t.invalid_number);
    }
    html.text(&format!(" · {period} · {regime}")).close("p").close("header");
    if let Some(note) = note {
        html.el("p", &[], note);
    }
}
