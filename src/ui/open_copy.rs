//! The account on this device, from a copy the person kept: the start screen that opens one (a
//! file picker, or a file dropped on it), then the pages, read from the copy, under a banner that
//! says whose copy of when. Nothing is sent, and nothing is stored: closing the tab forgets it.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::client::device::Device;
use crate::client::Client;
use crate::contract::copy::{KeptCopy, NotACopy, Label};
use crate::i18n::fill;
use crate::present::format::date;
use crate::present::messages::not_a_copy;
use crate::ui::language::{texts, tr};

/// A copy of a long history is a few megabytes; a file many times that is something else.
const LARGEST_COPY: f64 = 50_000_000.0;

/// The start screen until a copy is open, then the pages from it. `service` offers the
/// configured service instead, where a deployment offers both.
#[component]
pub fn OnDevice(pages: Callback<Client, AnyView>, service: Option<(String, Callback<()>)>) -> impl IntoView {
    let opened = RwSignal::new(None::<Arc<Device>>);
    move || match opened.get() {
        Some(device) => {
            let label = StoredValue::new(device.copy.label.clone());
            view! {
                <div class="copy-banner" role="note">
                    <p>{move || label.with_value(banner)}</p>
                    <button type="button" class="button-secondary" on:click=move |_| opened.set(None)>
                        {tr(|t| t.open_another)}
                    </button>
                </div>
                {pages.run(Client::on_device(device))}
            }
            .into_any()
        }
        None => view! { <OpenCopy opened service=service.clone() /> }.into_any(),
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
fn OpenCopy(opened: RwSignal<Option<Arc<Device>>>, service: Option<(String, Callback<()>)>) -> impl IntoView {
    let refused = RwSignal::new(None::<Refused>);
    let read = move |file: web_sys::File| {
        if file.size() > LARGEST_COPY {
            refused.set(Some(Refused::TooLarge));
            return;
        }
        spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()).unwrap_or_default();
            match KeptCopy::open(&text) {
                Ok(copy) => opened.set(Some(Arc::new(Device::new(copy)))),
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
