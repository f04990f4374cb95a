//! The account on this device: the record kept in this browser, or the start screen that opens a
//! copy the person kept (a file picker, or a file dropped on it) or starts a record of their own;
//! then the pages, read from it, under a banner that says what they show. Nothing is sent, and
//! a copy is not stored: closing the tab forgets it.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use chrono::NaiveDate;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::client::device::Device;
use crate::client::store::{self, StoreError};
use crate::client::Client;
use crate::contract::copy::{KeptCopy, Label, NotACopy};
use crate::contract::record::{Record, Unreadable};
use crate::contract::Date;
use crate::ui::clock::today;
use crate::ui::keeping::{Keeping, Storage};
use crate::i18n::fill;
use crate::present::format::date;
use crate::present::messages::{copy_without, not_a_copy};
use crate::ui::language::{texts, tr};

/// A copy of a long history is a few megabytes; a file many times that is something else.
const LARGEST_COPY: f64 = 50_000_000.0;

/// What the on-device source shows.
#[derive(Clone)]
enum Shown {
    /// Looking for a record kept in this browser.
    Looking,
    Start,
    Copy(Arc<Device>),
    Kept(Keeping),
}

/// The record kept in this browser if there is one, else the start screen until a copy is open
/// or a record started, then the pages from it. `service` offers the configured service
/// instead, where a deployment offers both.
#[component]
pub fn OnDevice(pages: Callback<Client, AnyView>, service: Option<(String, Callback<()>)>) -> impl IntoView {
    let shown = RwSignal::new(Shown::Looking);
    let stored_error = RwSignal::new(None::<StoreError>);
    let forgotten = RwSignal::new(false);
    let closed = Callback::new(move |()| {
        forgotten.set(true);
        shown.set(Shown::Start);
    });
    // The record outlives the screen that opened it (the start screen's button is disposed as
    // soon as the pages show), so it has an owner of its own, cleaned when another replaces it.
    let keeping_owner = Owner::new();
    let keep = Callback::new(move |(record, storage): (Record, Storage)| {
        let device = Arc::new(Device::kept(record, today().unwrap_or(Date(NaiveDate::default()))));
        let keeping = keeping_owner.with_cleanup(|| Keeping::new(device, storage, closed));
        shown.set(Shown::Kept(keeping));
    });
    spawn_local(async move {
        match store::load().await {
            Ok(Some(record)) => keep.run((record, Storage::Kept { persisted: store::persisted().await })),
            Ok(None) => shown.set(Shown::Start),
            Err(e) => {
                stored_error.set(Some(e));
                shown.set(Shown::Start);
            }
        }
    });
    let navigate = use_navigate();
    // a new record starts where it is filled in
    let start_record = move |_| {
        keep.run((Record::default(), Storage::Memory));
        navigate("/record", Default::default());
    };
    move || match shown.get() {
        Shown::Looking => view! { <p class="boot" role="status">{tr(|t| t.loading_app)}</p> }.into_any(),
        Shown::Copy(device) => {
            let label = StoredValue::new(device.label().cloned().unwrap_or_default());
            let lacks = StoredValue::new(device.missing().iter().map(|m| m.resource.clone()).collect::<Vec<_>>());
            let as_record = StoredValue::new(device.as_record());
            view! {
                <div class="copy-banner" role="note">
                    <p>{move || label.with_value(banner)}</p>
                    {move || lacks.with_value(|lacks| (!lacks.is_empty()).then(|| {
                        view! { <p>{copy_without(texts(), lacks.iter().map(|r| (r.as_str(), None)))}</p> }
                    }))}
                    <p class="record-actions">
                        {as_record.get_value().map(|_| view! {
                            <button type="button" class="button-secondary" on:click=move |_| {
                                if let Some(record) = as_record.get_value() {
                                    keep.run((record, Storage::Memory));
                                }
                            }>
                                {tr(|t| t.keep_this_copy)}
                            </button>
                        })}
                        <button type="button" class="button-secondary" on:click=move |_| shown.set(Shown::Start)>
                            {tr(|t| t.open_another)}
                        </button>
                    </p>
                </div>
                {pages.run(Client::on_device(device))}
            }
            .into_any()
        }
        Shown::Kept(keeping) => {
            provide_context(keeping);
            provide_context(keeping.revision);
            view! {
                <KeptBanner />
                {pages.run(Client::on_device(keeping.device()))}
            }
            .into_any()
        }
        Shown::Start => {
            let opened = Callback::new(move |device| shown.set(Shown::Copy(device)));
            view! {
                {move || forgotten.get().then(|| view! { <p class="panel panel-notice" role="status">{tr(|t| t.forgotten)}</p> })}
                {move || stored_error.get().map(|e| view! {
                    <div class="panel panel-error" role="alert"><p>{stored_problem(&e)}</p></div>
                })}
                <OpenCopy opened service=service.clone() />
                <section class="keep-own" aria-labelledby="keep-title">
                    <h2 id="keep-title">{tr(|t| t.keep_title)}</h2>
                    <p>{tr(|t| t.keep_intro)}</p>
                    <button type="button" class="button" on:click=start_record.clone()>{tr(|t| t.keep_start)}</button>
                </section>
            }
            .into_any()
        }
    }
}

/// Why the record kept in this browser does not open.
fn stored_problem(e: &StoreError) -> String {
    let t = texts();
    match e {
        StoreError::Unreadable(Unreadable::Newer(_)) => t.storage_newer.into(),
        StoreError::Unreadable(Unreadable::Invalid(r)) => fill(t.storage_failed, &[&r.to_string()]),
        StoreError::Refused(why) => fill(t.storage_failed, &[why]),
    }
}

/// Above every page of the person's own record: that its figures are computed here, how, and
/// where the record is.
#[component]
fn KeptBanner() -> impl IntoView {
    view! {
        <div class="copy-banner kept-banner" role="note">
            <p><strong>{tr(|t| t.kept_banner)}</strong></p>
            <p>{tr(|t| t.kept_computed)}</p>
            <details>
                <summary>{tr(|t| t.kept_how)}</summary>
                <ul>
                    <li>{tr(|t| t.kept_how_full_time)}</li>
                    <li>{tr(|t| t.kept_how_pro_rata)}</li>
                    <li>{tr(|t| t.kept_how_attended)}</li>
                    <li>{tr(|t| t.kept_how_ledger)}</li>
                    <li>{tr(|t| t.kept_how_leaving)}</li>
                    <li>{tr(|t| t.kept_how_rounding)}</li>
                </ul>
            </details>
            <p><A href="/record">{tr(|t| t.nav_record)}</A></p>
        </div>
    }
}

/// "Your copy of 4 December 2026, from https://hr.example.be/api".
fn banner(label: &Label) -> String {
    let t = texts();
    match (label.exported_on, &label.source) {
        (Some(day), Some(source)) => fill(t.copy_banner, &[&date(t, day), source]),
        (Some(day), None) => fill(t.copy_banner_no_source, &[&date(t, day)]),
        (None, _) => t.copy_banner_undated.into(),
    }
}

#[derive(Clone)]
enum Refused {
    NotACopy(NotACopy),
    TooLarge,
}

#[component]
fn OpenCopy(opened: Callback<Arc<Device>>, service: Option<(String, Callback<()>)>) -> impl IntoView {
    let refused = RwSignal::new(None::<Refused>);
    let read = move |file: web_sys::File| {
        if file.size() > LARGEST_COPY {
            refused.set(Some(Refused::TooLarge));
            return;
        }
        spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()).unwrap_or_default();
            match KeptCopy::open(&text) {
                Ok(copy) => opened.run(Arc::new(Device::new(copy))),
                Err(e) => refused.set(Some(Refused::NotACopy(e))),
            }
        });
    };
    let chosen = move |ev: web_sys::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input.and_then(|i| i.files()).and_then(|f| f.get(0)) {
            read(file);
        }
    };
    let dropped = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            read(file);
        }
    };
    let why = move || {
        refused.get().map(|r| {
            let said = move || match &r {
                Refused::NotACopy(e) => not_a_copy(texts(), e),
                Refused::TooLarge => texts().open_too_large.into(),
            };
            view! {
                <div class="panel panel-error" role="alert">
                    <p class="open-copy-error">{said}</p>
                </div>
            }
        })
    };
    view! {
        <section class="open-copy" aria-labelledby="open-title">
            <h1 id="open-title">{tr(|t| t.open_title)}</h1>
            <p>{tr(|t| t.open_intro)}</p>
            {why}
            <div class="drop-zone" on:dragover=|ev: web_sys::DragEvent| ev.prevent_default() on:drop=dropped>
                <label for="copy-file" class="file-label">{tr(|t| t.open_choose)}</label>
                <input id="copy-file" type="file" accept=".json,application/json" on:change=chosen />
                <p>{tr(|t| t.open_drop)}</p>
            </div>
            {service.map(|(at, go)| view! {
                <p>
                    <button type="button" class="button-secondary" on:click=move |_| go.run(())>
                        {move || fill(texts().use_online, &[&at])}
                    </button>
                </p>
            })}
        </section>
    }
}
