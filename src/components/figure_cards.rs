//! The five figures of one employer's year: entitled, attended, left, carried in, credit now.

use leptos::prelude::*;

use crate::api::dto::{Code, Unit};
use crate::components::breakdown::Breakdown;
use crate::components::findings::{DataProblem, Findings};
use crate::components::usage_bar::UsageBar;
use crate::domain::amount::Amount;
use crate::domain::figures::{Attended, DataError, Entitled, Ledger};
use crate::domain::format::{date, decimal, in_other_unit, percent, quantity};
use crate::domain::labels::label;

/// A headline number with its unit, and the same in the other unit when the rate is known.
#[component]
fn Figure(amount: Amount, unit: Code<Unit>, hours_per_day: Option<Amount>) -> impl IntoView {
    view! {
        <p class="figure">
            <span class="figure-value">{quantity(amount, &unit)}</span>
            {in_other_unit(amount, &unit, hours_per_day).map(|o| view! { <span class="figure-other">{o}</span> })}
        </p>
    }
}

#[component]
fn Card(title: String, #[prop(optional)] testid: &'static str, children: Children) -> impl IntoView {
    view! {
        <section class="card" data-testid=testid>
            <h3 class="card-title">{title}</h3>
            {children()}
        </section>
    }
}

fn missing(what: &str, year: i32) -> impl IntoView {
    view! { <p class="muted">{format!("No {what} recorded for {year} at this employer.")}</p> }
}

#[component]
pub fn EntitledCard(year: i32, figure: Option<Result<Entitled, DataError>>) -> impl IntoView {
    let body = match figure {
        None => missing("training right", year).into_any(),
        Some(Err(error)) => view! { <DataProblem error /> }.into_any(),
        Some(Ok(e)) => {
            let u = e.unit.clone();
            let formula = format!(
                "{} full-time ({}) × {} work regime × {}/12 months = {}",
                quantity(e.full_time_value, &u),
                label(&e.basis),
                percent(e.regime_fraction),
                decimal(Amount::from_f64(e.months_counted).unwrap_or_default()),
                quantity(e.individual, &u),
            );
            let mut rows = vec![("Collective agreement".to_string(), e.cba.unwrap_or_default())];
            rows.extend(e.sectoral.into_iter().map(|(label, v)| (label, format!("+ {}", quantity(v, &u)))));
            view! {
                <Figure amount=e.total unit=u.clone() hours_per_day=e.hours_per_day />
                <p class="formula"><span class="muted">"Individual right: "</span>{formula}</p>
                <Breakdown class="breakdown" rows />
                <Findings findings=e.findings unit=u />
            }
            .into_any()
        }
    };
    view! { <Card title=format!("Entitled in {year}") testid="entitled">{body}</Card> }
}

#[component]
pub fn AttendedCard(year: i32, figure: Option<Result<Attended, DataError>>) -> impl IntoView {
    let body = match figure {
        None => missing("attended training", year).into_any(),
        Some(Err(error)) => view! { <DataProblem error /> }.into_any(),
        Some(Ok(a)) => {
            let u = a.unit.clone();
            let rows = vec![
                ("Formal training".to_string(), quantity(a.formal, &u)),
                ("Informal training".to_string(), quantity(a.informal, &u)),
                ("Not counted towards your right".to_string(), a.not_counted.map(|n| quantity(n, &u)).unwrap_or_default()),
                ("Last updated".to_string(), a.last_updated.map(date).unwrap_or_default()),
            ];
            view! {
                <Figure amount=a.attended unit=u.clone() hours_per_day=a.hours_per_day />
                <Breakdown class="breakdown" rows />
                <Findings findings=a.findings unit=u />
            }
            .into_any()
        }
    };
    view! { <Card title=format!("Attended in {year}") testid="attended">{body}</Card> }
}

/// Left this year, carried in and the credit usable now all come from the carry-over ledger.
#[component]
pub fn LedgerCards(year: i32, figure: Option<Result<Ledger, DataError>>) -> impl IntoView {
    let l = match figure {
        None => return view! { <Card title="Carry-over".into() testid="ledger">{missing("carry-over ledger", year)}</Card> }.into_any(),
        Some(Err(error)) => return view! { <Card title="Carry-over".into() testid="ledger"><DataProblem error /></Card> }.into_any(),
        Some(Ok(l)) => l,
    };
    let u = l.unit.clone();
    let row = l.row(year).cloned();
    let credit_note = match (&l.forfeited, l.expires_on) {
        (Some((on, reason)), _) => format!("Forfeited on {} ({}).", date(*on), label(reason)),
        (None, Some(exp)) => format!("Usable until {}, the end of the reference period.", date(exp)),
        (None, None) => "The service gave no expiry date.".into(),
    };
    let period = format!("Reference period {} – {}", date(l.period.0), date(l.period.1));
    let (left, carried_in) = match row {
        Some(r) => (
            view! {
                <Figure amount=r.remaining().max0() unit=u.clone() hours_per_day=l.hours_per_day />
                {r.remaining().is_negative().then(|| view! {
                    <p class="muted">{format!("You attended {} more than was available.", quantity(Amount::ZERO - r.remaining(), &u))}</p>
                })}
                <UsageBar row=r.clone() unit=u.clone() />
            }
            .into_any(),
            view! {
                <Figure amount=r.carried_in unit=u.clone() hours_per_day=l.hours_per_day />
                <p class="muted">{format!("Unused training from {} that moved to {year}.", year - 1)}</p>
            }
            .into_any(),
        ),
        None => (missing("ledger year", year).into_any(), missing("ledger year", year).into_any()),
    };
    view! {
        <Card title=format!("Left for {year}") testid="left">{left}</Card>
        <Card title=format!("Carried into {year}") testid="carried-in">{carried_in}</Card>
        <Card title="Training credit now".into() testid="credit">
            <Figure amount=l.credit unit=u.clone() hours_per_day=l.hours_per_day />
            <p class="muted">{credit_note}</p>
            <p class="muted">{period}</p>
            <Findings findings=l.findings unit=u />
        </Card>
    }
    .into_any()
}
