//! The form of one training, new or changed, with every field of the contract a person knows:
//! read as typed (`domain::record_form`), every wrong field named, saved as one edit.

use leptos::prelude::*;

use crate::contract::{Status, TrainingType};
use crate::domain::keep::Edit;
use crate::domain::record_form::{TrainingField, TrainingForm};
use crate::present::labels::Label;
use crate::present::record::training_label;
use crate::ui::form_field::{choice, field, sent, CheckField, ErrorSummary, Problems, SelectField, TextField};
use crate::ui::keeping::Keeping;
use crate::ui::language::tr;

/// Fields the rules do not read, so they have no `TrainingField`.
const PROVIDER: &str = "training-provider";
/// Whether the training counts towards the right.
const COUNTS: &str = "training-counts";
/// Whether it gave a certificate.
const CERTIFICATE: &str = "certificate";

/// Each field's name in the form, also its element's id.
fn id_of(f: TrainingField) -> &'static str {
    match f {
        TrainingField::Title => "training-title",
        TrainingField::Employment => "training-employment",
        TrainingField::Start => "training-start",
        TrainingField::End => "training-end",
        TrainingField::Hours => "training-hours",
        TrainingField::Kind => "training-kind",
        TrainingField::Status => "training-status",
        TrainingField::CertificateValidUntil => "certificate-until",
    }
}

/// The form for the training `id`, filled in with `start`; `done` runs once it is saved or
/// cancelled.
#[component]
pub fn TrainingEditor(id: String, start: TrainingForm, done: Callback<()>) -> impl IntoView {
    let keeping = expect_context::<Keeping>();
    let problems = Problems::new(training_label, id_of);
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let Some(data) = sent(&ev) else { return };
        let typed = TrainingForm {
            title: field(&data, id_of(TrainingField::Title)),
            employment: field(&data, id_of(TrainingField::Employment)),
            provider: field(&data, PROVIDER),
            start: field(&data, id_of(TrainingField::Start)),
            end: field(&data, id_of(TrainingField::End)),
            hours: field(&data, id_of(TrainingField::Hours)),
            kind: field(&data, id_of(TrainingField::Kind)),
            status: field(&data, id_of(TrainingField::Status)),
            counts: !field(&data, COUNTS).is_empty(),
            certificate: !field(&data, CERTIFICATE).is_empty(),
            certificate_valid_until: field(&data, id_of(TrainingField::CertificateValidUntil)),
        };
        let record = keeping.record.get_untracked();
        let employments: Vec<&str> = record.employments.iter().map(|e| e.id.as_str()).collect();
        match typed.read(&id, &employments) {
            Ok(training) => {
                keeping.edit(Edit::PutTraining(training));
                done.run(());
            }
            Err(found) => problems.found.set(found),
        }
    };
    let employments = keeping.record.with_untracked(|r| {
        r.employments.iter().map(|e| (e.id.clone(), Signal::stored(e.employer_name.clone()))).collect::<Vec<_>>()
    });
    let kinds = [TrainingType::Formal, TrainingType::Informal].map(|k| choice(k.code(), move |t| k.label(t).into())).to_vec();
    let statuses = [Status::Completed, Status::NotAttended, Status::Reserved, Status::Unsuitable]
        .map(|s| choice(s.code(), move |t| s.label(t).into()))
        .to_vec();
    let f = start;
    view! {
        <form class="record-form" novalidate on:submit=submit>
            <ErrorSummary id="training-errors" problems=problems.summary() />
            <TextField id=id_of(TrainingField::Title) label=|t| t.ft_title value=f.title error=problems.of(TrainingField::Title) />
            <SelectField id=id_of(TrainingField::Employment) label=|t| t.ft_employment options=employments value=f.employment
                error=problems.of(TrainingField::Employment) />
            <TextField id=PROVIDER label=|t| t.ft_provider value=f.provider error=Signal::derive(|| None) />
            <TextField id=id_of(TrainingField::Start) label=|t| t.ft_start value=f.start error=problems.of(TrainingField::Start) kind="date" width="width-10" />
            <TextField id=id_of(TrainingField::End) label=|t| t.ft_end hint=|t| t.ft_end_hint value=f.end error=problems.of(TrainingField::End) kind="date" width="width-10" />
            <TextField id=id_of(TrainingField::Hours) label=|t| t.ft_hours hint=|t| t.ft_hours_hint value=f.hours
                error=problems.of(TrainingField::Hours) inputmode="decimal" width="width-4" />
            <SelectField id=id_of(TrainingField::Kind) label=|t| t.ft_kind options=kinds value=f.kind error=problems.of(TrainingField::Kind) />
            <SelectField id=id_of(TrainingField::Status) label=|t| t.status options=statuses value=f.status error=problems.of(TrainingField::Status) />
            <CheckField id=COUNTS label=|t| t.ft_counts checked=f.counts />
            <CheckField id=CERTIFICATE label=|t| t.ft_certificate checked=f.certificate />
            <TextField id=id_of(TrainingField::CertificateValidUntil) label=|t| t.ft_certificate_until value=f.certificate_valid_until
                error=problems.of(TrainingField::CertificateValidUntil) kind="date" width="width-10" />
            <div class="form-actions">
                <button type="submit" class="button">{tr(|t| t.save)}</button>
                <button type="button" class="button-secondary" on:click=move |_| done.run(())>{tr(|t| t.cancel)}</button>
            </div>
        </form>
    }
}
