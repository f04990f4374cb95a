//! The form of one employment, new or changed: read as typed (`domain::record_form`), every
//! wrong field named at the top and at the field, and saved as one edit of the kept record.

use leptos::prelude::*;

use crate::contract::record::KeptEmployment;
use crate::contract::{ForfeitReason, SizeBand};
use crate::domain::keep::Edit;
use crate::domain::record_form::{EmploymentField, EmploymentForm};
use crate::present::labels::Label;
use crate::present::record::employment_label;
use crate::ui::form_field::{choice, field, sent, ErrorSummary, Problems, SelectField, TextField};
use crate::ui::keeping::Keeping;
use crate::ui::language::tr;

/// The agreement that sets the sectoral days, for the person's own reference.
const CBA: &str = "cba";

/// Each field's name in the form, also its element's id.
fn id_of(f: EmploymentField) -> &'static str {
    match f {
        EmploymentField::EmployerName => "employer-name",
        EmploymentField::EnterpriseNumber => "enterprise-number",
        EmploymentField::Start => "employment-start",
        EmploymentField::End => "employment-end",
        EmploymentField::EndReason => "end-reason",
        EmploymentField::Regime => "regime",
        EmploymentField::SizeBand => "size-band",
        EmploymentField::WeeklyHours => "weekly-hours",
        EmploymentField::JointCommittee => "joint-committee",
        EmploymentField::SectoralDays => "sectoral-days",
    }
}

/// The form for the employment `id`, filled in with `start`; `done` runs once it is saved or
/// cancelled.
#[component]
pub fn EmploymentEditor(id: String, start: EmploymentForm, done: Callback<()>) -> impl IntoView {
    let keeping = expect_context::<Keeping>();
    let problems = Problems::new(employment_label, id_of);
    let submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let Some(data) = sent(&ev) else { return };
        let typed = EmploymentForm {
            employer_name: field(&data, id_of(EmploymentField::EmployerName)),
            enterprise_number: field(&data, id_of(EmploymentField::EnterpriseNumber)),
            start: field(&data, id_of(EmploymentField::Start)),
            end: field(&data, id_of(EmploymentField::End)),
            end_reason: field(&data, id_of(EmploymentField::EndReason)),
            regime_percent: field(&data, id_of(EmploymentField::Regime)),
            size_band: field(&data, id_of(EmploymentField::SizeBand)),
            weekly_hours: field(&data, id_of(EmploymentField::WeeklyHours)),
            joint_committee: field(&data, id_of(EmploymentField::JointCommittee)),
            sectoral_days: field(&data, id_of(EmploymentField::SectoralDays)),
            cba: field(&data, CBA),
        };
        match typed.read(&id) {
            Ok(employment) => {
                keeping.edit(Edit::PutEmployment(employment));
                done.run(());
            }
            Err(found) => problems.found.set(found),
        }
    };
    let bands = std::iter::once(choice("", |t| t.fe_choose.into()))
        .chain([SizeBand::Under10, SizeBand::From10To19, SizeBand::TwentyOrMore].map(|b| choice(b.code(), move |t| b.label(t).into())))
        .collect();
    let reasons = std::iter::once(choice("", |t| t.fe_reason_none.into()))
        .chain(
            [ForfeitReason::Resignation, ForfeitReason::DismissalSeriousCause, ForfeitReason::Other]
                .map(|r| choice(r.code(), move |t| r.label(t).into())),
        )
        .collect();
    let f = start;
    view! {
        <form class="record-form" novalidate on:submit=submit>
            <ErrorSummary id="employment-errors" problems=problems.summary() />
            <TextField id=id_of(EmploymentField::EmployerName) label=|t| t.fe_employer_name value=f.employer_name error=problems.of(EmploymentField::EmployerName) />
            <TextField id=id_of(EmploymentField::EnterpriseNumber) label=|t| t.fe_enterprise_number hint=|t| t.fe_enterprise_hint
                value=f.enterprise_number error=problems.of(EmploymentField::EnterpriseNumber) inputmode="numeric" width="width-12" />
            <TextField id=id_of(EmploymentField::Start) label=|t| t.fe_start value=f.start error=problems.of(EmploymentField::Start) kind="date" width="width-10" />
            <TextField id=id_of(EmploymentField::End) label=|t| t.fe_end hint=|t| t.fe_end_hint value=f.end error=problems.of(EmploymentField::End) kind="date" width="width-10" />
            <SelectField id=id_of(EmploymentField::EndReason) label=|t| t.fe_end_reason options=reasons value=f.end_reason error=problems.of(EmploymentField::EndReason) />
            <TextField id=id_of(EmploymentField::Regime) label=|t| t.fe_regime hint=|t| t.fe_regime_hint value=f.regime_percent
                error=problems.of(EmploymentField::Regime) inputmode="decimal" width="width-4" />
            <SelectField id=id_of(EmploymentField::SizeBand) label=|t| t.fe_size_band options=bands value=f.size_band error=problems.of(EmploymentField::SizeBand) />
            <TextField id=id_of(EmploymentField::WeeklyHours) label=|t| t.fe_weekly_hours hint=|t| t.fe_weekly_hours_hint value=f.weekly_hours
                error=problems.of(EmploymentField::WeeklyHours) inputmode="decimal" width="width-4" />
            <TextField id=id_of(EmploymentField::JointCommittee) label=|t| t.fe_joint_committee hint=|t| t.fe_joint_committee_hint
                value=f.joint_committee error=problems.of(EmploymentField::JointCommittee) width="width-10" />
            <TextField id=id_of(EmploymentField::SectoralDays) label=|t| t.fe_sectoral_days hint=|t| t.fe_sectoral_hint value=f.sectoral_days
                error=problems.of(EmploymentField::SectoralDays) inputmode="decimal" width="width-4" />
            <TextField id=CBA label=|t| t.fe_cba value=f.cba error=Signal::derive(|| None) width="width-12" />
            <div class="form-actions">
                <button type="submit" class="button">{tr(|t| t.save)}</button>
                <button type="button" class="button-secondary" on:click=move |_| done.run(())>{tr(|t| t.cancel)}</button>
            </div>
        </form>
    }
}

/// The form for a new employment or for `e`.
pub fn form_of(e: Option<&KeptEmployment>) -> EmploymentForm {
    e.map_or_else(EmploymentForm::blank, EmploymentForm::of)
}
