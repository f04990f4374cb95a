//! The record a person keeps on this device: where it is stored, what the rules cannot compute
//! and why, where a service's figures differ from the rules, the employments and trainings with
//! their forms, and forgetting it all. Only where the account is the person's own record.

use leptos::prelude::*;

use crate::client::store::StoreError;
use crate::contract::record::Unreadable;
use crate::domain::as_served;
use crate::client::oidc::random;
use crate::domain::keep::{differences, new_id, Edit};
use crate::domain::record_form::TrainingForm;
use crate::domain::right::right;
use crate::i18n::fill;
use crate::present::record::{difference, employment_line, training_line, unusable, employer_name};
use crate::ui::clock::{this_year, today};
use crate::ui::employment_form::{form_of, EmploymentEditor};
use crate::ui::keep_a_copy::KeepACopy;
use crate::ui::keeping::{Heard, Keeping, Storage};
use crate::ui::language::{texts, tr};
use crate::ui::pages::not_found::NotFound;
use crate::ui::training_form::TrainingEditor;

/// The one form or confirmation open at a time.
#[derive(Clone, Debug, PartialEq)]
enum Open {
    Nothing,
    Employment(String),
    Training(String),
    DeleteEmployment(String),
    DeleteTraining(String),
    Forget,
}

#[component]
pub fn RecordPage() -> impl IntoView {
    match use_context::<Keeping>() {
        Some(keeping) => view! { <Record keeping /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

#[component]
fn Record(keeping: Keeping) -> impl IntoView {
    let open = RwSignal::new(Open::Nothing);
    let done = Callback::new(move |()| open.set(Open::Nothing));
    view! {
        <h1>{tr(|t| t.record_title)}</h1>
        <p>{tr(|t| t.record_intro)}</p>
        <p>{tr(|t| t.record_no_ssin)}</p>
        <StorageState keeping open />
        <Computable keeping />
        <Employments keeping open done />
        <Trainings keeping open done />
        <KeepACopy this_year=this_year() />
    }
}

/// Where the record is, the choice to keep it, and forgetting it.
#[component]
fn StorageState(keeping: Keeping, open: RwSignal<Open>) -> impl IntoView {
    let said = move || {
        let t = texts();
        match keeping.storage.get() {
            Storage::Memory => t.storage_memory.to_string(),
            Storage::Kept { persisted: Some(true) } => t.storage_persisted.to_string(),
            Storage::Kept { .. } => t.storage_not_persisted.to_string(),
            Storage::Failed(StoreError::Unreadable(Unreadable::Newer(_))) => t.storage_newer.to_string(),
            Storage::Failed(StoreError::Unreadable(Unreadable::Invalid(r))) => fill(t.storage_failed, &[&r.to_string()]),
            Storage::Failed(StoreError::Refused(why)) => fill(t.storage_failed, &[&why]),
        }
    };
    let heard = move || {
        keeping.heard.get().map(|Heard::ChangedElsewhere| view! { <p class="panel panel-notice" role="status">{tr(|t| t.changed_elsewhere)}</p> })
    };
    view! {
        <section class="record-storage" aria-labelledby="storage-title">
            <h2 id="storage-title">{tr(|t| t.storage_title)}</h2>
            {heard}
            <p data-testid="storage-state" role="status">{said}</p>
            {move || match (keeping.storage.get(), open.get() == Open::Forget) {
                (Storage::Memory, _) => view! {
                    <button type="button" class="button" on:click=move |_| keeping.keep()>{tr(|t| t.keep_on_device)}</button>
                }.into_any(),
                (_, false) => view! {
                    <button type="button" class="button-secondary" on:click=move |_| open.set(Open::Forget)>{tr(|t| t.forget_all)}</button>
                }.into_any(),
                (_, true) => view! {
                    <Confirm said=Signal::derive(|| texts().forget_confirm.to_string()) yes=|t| t.yes_forget
                        on_yes=Callback::new(move |()| keeping.forget()) on_no=Callback::new(move |()| open.set(Open::Nothing)) />
                }.into_any(),
            }}
        </section>
    }
}

/// The employments the rules cannot read, and where a service's figures differ from the rules.
#[component]
fn Computable(keeping: Keeping) -> impl IntoView {
    let findings = Memo::new(move |_| {
        keeping.record.with(|record| {
            let t = texts();
            let mut lines = Vec::new();
            for e in &record.employments {
                if let Err(why) = e.terms() {
                    lines.push(unusable(t, &e.employer_name, why));
                }
            }
            let differing = today().and_then(|day| right(record, day).ok()).map(|r| differences(&record.sent, &r.years));
            (lines, differing.map(|d| d.iter().map(|d| difference(t, record, d)).collect::<Vec<_>>()), !record.sent.is_empty())
        })
    });
    move || {
        let (unusable, differing, sent) = findings.get();
        view! {
            {(!unusable.is_empty()).then(|| view! {
                <div class="panel panel-warning" role="status">
                    <ul>{unusable.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                </div>
            })}
            {sent.then(|| view! {
                <section class="record-differences" aria-labelledby="differences-title">
                    <h2 id="differences-title">{tr(|t| t.differences_title)}</h2>
                    {match differing {
                        Some(rows) if !rows.is_empty() => view! {
                            <ul data-testid="differences">{rows.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                        }.into_any(),
                        _ => view! { <p>{tr(|t| t.no_differences)}</p> }.into_any(),
                    }}
                </section>
            })}
        }
    }
}

#[component]
fn Employments(keeping: Keeping, open: RwSignal<Open>, done: Callback<()>) -> impl IntoView {
    let new_employment = move || {
        keeping.record.with_untracked(|r| new_id("e", &random(9).unwrap_or_default(), r.employments.iter().map(|e| e.id.as_str())))
    };
    let list = move || {
        let record = keeping.record.get();
        let t = texts();
        record
            .employments
            .iter()
            .map(|e| {
                let (id, name, line) = (e.id.clone(), e.employer_name.clone(), employment_line(t, e));
                let start = form_of(Some(e));
                let said = { let name = name.clone(); Signal::derive(move || fill(texts().delete_employment_confirm, &[&name])) };
                view! {
                    <RecordItem keeping title=name line open done said
                        edit=Open::Employment(id.clone()) delete=Open::DeleteEmployment(id.clone()) removed=Edit::RemoveEmployment(id.clone())
                        editor=move || view! { <EmploymentEditor id=id.clone() start=start.clone() done /> } />
                }
            })
            .collect_view()
    };
    let adding = move || matches!(open.get(), Open::Employment(id) if keeping.record.with(|r| r.employments.iter().all(|e| e.id != id)));
    view! {
        <section class="record-employments" aria-labelledby="employments-title">
            <h2 id="employments-title">{tr(|t| t.employments_title)}</h2>
            <Show when=move || keeping.record.with(|r| r.employments.is_empty())>
                <p>{tr(|t| t.record_empty)}</p>
            </Show>
            <ul class="record-list" data-testid="employments">{list}</ul>
            <Show when=adding fallback=move || view! {
                <button type="button" class="button" on:click=move |_| open.set(Open::Employment(new_employment()))>{tr(|t| t.add_employment)}</button>
            }>
                <h3>{tr(|t| t.add_employment)}</h3>
                {move || match open.get() {
                    Open::Employment(id) => view! { <EmploymentEditor id start=form_of(None) done /> }.into_any(),
                    _ => ().into_any(),
                }}
            </Show>
        </section>
    }
}

#[component]
fn Trainings(keeping: Keeping, open: RwSignal<Open>, done: Callback<()>) -> impl IntoView {
    let list = move || {
        let record = keeping.record.get();
        let t = texts();
        // newest first, as the history shows them
        as_served::trainings(&record, None)
            .items
            .into_iter()
            .map(|tr_| {
                let id = tr_.id.clone();
                let line = format!("{} · {}", employer_name(&record, &tr_.employer_id), training_line(t, &tr_));
                let start = TrainingForm::of(&tr_);
                let title = tr_.title.clone();
                let said = { let title = title.clone(); Signal::derive(move || fill(texts().delete_training_confirm, &[&title])) };
                view! {
                    <RecordItem keeping title line open done said
                        edit=Open::Training(id.clone()) delete=Open::DeleteTraining(id.clone()) removed=Edit::RemoveTraining(id.clone())
                        editor=move || view! { <TrainingEditor id=id.clone() start=start.clone() done /> } />
                }
            })
            .collect_view()
    };
    let adding = move || matches!(open.get(), Open::Training(id) if keeping.record.with(|r| r.trainings.iter().all(|t| t.id != id)));
    let new_training = move || keeping.record.with_untracked(|r| new_id("t", &random(9).unwrap_or_default(), r.trainings.iter().map(|t| t.id.as_str())));
    // the one added last, most often the current job
    let latest_employment = move || keeping.record.with_untracked(|r| r.employments.last().map(|e| e.id.clone()).unwrap_or_default());
    view! {
        <section class="record-trainings" aria-labelledby="trainings-title">
            <h2 id="trainings-title">{tr(|t| t.trainings_title)}</h2>
            <Show when=move || keeping.record.with(|r| r.trainings.is_empty())>
                <p>{tr(|t| t.no_training_yet)}</p>
            </Show>
            <ul class="record-list" data-testid="trainings">{list}</ul>
            <Show when=move || keeping.record.with(|r| !r.employments.is_empty())>
                <Show when=adding fallback=move || view! {
                    <button type="button" class="button" on:click=move |_| open.set(Open::Training(new_training()))>{tr(|t| t.add_training)}</button>
                }>
                    <h3>{tr(|t| t.add_training)}</h3>
                    {move || match open.get() {
                        Open::Training(id) => view! { <TrainingEditor id start=TrainingForm::blank(&latest_employment()) done /> }.into_any(),
                        _ => ().into_any(),
                    }}
                </Show>
            </Show>
        </section>
    }
}

/// "Delete Brico and its trainings?" with a button to do it and one not to.
#[component]
fn Confirm(said: Signal<String>, yes: fn(&crate::i18n::Texts) -> &'static str, on_yes: Callback<()>, on_no: Callback<()>) -> impl IntoView {
    view! {
        <div class="panel panel-warning confirm" role="alertdialog" aria-labelledby="confirm-said">
            <p id="confirm-said">{move || said.get()}</p>
            <p class="record-actions">
                <button type="button" class="button button-warning" on:click=move |_| on_yes.run(())>{tr(yes)}</button>
                <button type="button" class="button-secondary" on:click=move |_| on_no.run(())>{tr(|t| t.cancel)}</button>
            </p>
        </div>
    }
}

/// One employment or training: its title and line, "Change" and "Delete", its form in its place
/// while it is changed, and the question before it is deleted.
#[component]
fn RecordItem(
    keeping: Keeping,
    title: String,
    line: String,
    open: RwSignal<Open>,
    edit: Open,
    delete: Open,
    said: Signal<String>,
    removed: Edit,
    done: Callback<()>,
    #[prop(into)] editor: ViewFn,
) -> impl IntoView {
    let (editing, deleting) = (edit.clone(), delete.clone());
    view! {
        <li class="record-item">
            <p><strong>{title}</strong><br />{line}</p>
            <Show when=move || open.get() == editing fallback=move || {
                let (edit, delete) = (edit.clone(), delete.clone());
                view! {
                    <p class="record-actions">
                        <button type="button" class="button-secondary" on:click=move |_| open.set(edit.clone())>{tr(|t| t.change)}</button>
                        <button type="button" class="button-secondary" on:click=move |_| open.set(delete.clone())>{tr(|t| t.delete)}</button>
                    </p>
                }
            }>
                {editor.run()}
            </Show>
            <Show when=move || open.get() == deleting>
                <Confirm said yes=|t| t.yes_delete
                    on_yes=Callback::new({ let removed = removed.clone(); move |()| { keeping.edit(removed.clone()); open.set(Open::Nothing) } })
                    on_no=done />
            </Show>
        </li>
    }
}
