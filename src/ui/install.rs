//! The offer to install the app: a button where the browser offers it (`beforeinstallprompt`,
//! kept until the person chooses), and on iPhone and iPad, whose Safari has no such event, how to
//! add it from the Share menu. "Not now" is remembered on this device.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use crate::ui::language::tr;
use crate::ui::storage;

const STORAGE_KEY: &str = "training-account.install";
/// The stored choice not to be asked again.
const NOT_NOW: &str = "not-now";

#[derive(Clone)]
enum Offer {
    /// The browser's own prompt, held back until the person asks for it.
    Prompt(SendWrapper<web_sys::Event>),
    /// Safari on iOS: only its Share menu installs.
    ShareMenu,
}

#[component]
pub fn InstallOffer() -> impl IntoView {
    let offer = RwSignal::new(None::<Offer>);
    if storage::load(STORAGE_KEY).as_deref() != Some(NOT_NOW) {
        if share_menu_only() {
            offer.set(Some(Offer::ShareMenu));
        }
        let offered = window_event_listener_untyped("beforeinstallprompt", move |ev| {
            ev.prevent_default();
            offer.set(Some(Offer::Prompt(SendWrapper::new(ev))));
        });
        // installed from the browser's menu instead: nothing left to offer
        let installed = window_event_listener_untyped("appinstalled", move |_| offer.set(None));
        on_cleanup(move || {
            offered.remove();
            installed.remove();
        });
    }
    let not_now = move |_| {
        storage::save(STORAGE_KEY, NOT_NOW);
        offer.set(None);
    };
    let install = move |_| {
        if let Some(Offer::Prompt(event)) = offer.get_untracked() {
            prompt(&event);
            // a prompt can be shown once: whatever the person answers, the offer is done
            offer.set(None);
        }
    };
    move || {
        offer.get().map(|o| {
            let action = match o {
                Offer::Prompt(_) => view! {
                    <button type="button" class="button" on:click=install>{tr(|t| t.install)}</button>
                }
                .into_any(),
                Offer::ShareMenu => view! { <span>{tr(|t| t.install_ios)}</span> }.into_any(),
            };
            view! {
                <aside class="page" aria-labelledby="install-title">
                    <div class="panel panel-notice install-offer">
                        <p id="install-title"><strong>{tr(|t| t.install_title)}</strong></p>
                        <p class="record-actions">
                            {action}
                            <button type="button" class="button-secondary" on:click=not_now>{tr(|t| t.install_not_now)}</button>
                        </p>
                    </div>
                </aside>
            }
        })
    }
}

/// Safari on iPhone and iPad, not yet on the home screen: the only browser with
/// `navigator.standalone`, and it is `false` there until the app is added.
fn share_menu_only() -> bool {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &"standalone".into()).ok().and_then(|v| v.as_bool()) == Some(false)
}

/// Shows the browser's install prompt held in `event` (`BeforeInstallPromptEvent.prompt()`,
/// which web-sys does not describe).
fn prompt(event: &web_sys::Event) {
    let prompt = js_sys::Reflect::get(event, &"prompt".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(prompt) = prompt {
        let _ = prompt.call0(event);
    }
}
