//! Above every page of the app: that the device is offline, and that a new version is ready. The service worker (`sw.js`, written at build time by
//! scripts/service-worker.mjs) is registered here; a new version installs behind the running page
//! and waits, and only the person's "Reload" lets it take over, so code never changes under a
//! page in use.

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::ui::language::tr;

/// The worker's address, beside index.html.
const WORKER: &str = "/sw.js";

type Waiting = Option<SendWrapper<web_sys::ServiceWorker>>;

#[component]
pub fn AppState() -> impl IntoView {
    let online = RwSignal::new(web_sys::window().is_none_or(|w| w.navigator().on_line()));
    let went = window_event_listener(ev::offline, move |_| online.set(false));
    let back = window_event_listener(ev::online, move |_| online.set(true));
    on_cleanup(move || {
        went.remove();
        back.remove();
    });
    let waiting = RwSignal::new(None);
    spawn_local(register(waiting));
    let reload = move |_| {
        if let Some(worker) = waiting.get_untracked() {
            take_over(&worker);
        }
    };
    view! {
        {move || (!online.get()).then(|| view! {
            <p class="panel panel-notice app-state" role="status">{tr(|t| t.offline)}</p>
        })}
        {move || waiting.with(Option::is_some).then(|| view! {
            <div class="panel panel-notice app-state" role="status">
                <p>{tr(|t| t.update_ready)}</p>
                <button type="button" class="button" on:click=reload>{tr(|t| t.update_reload)}</button>
            </div>
        })}
    }
}

/// Registers the worker; `waiting` holds a new version once one is installed behind a page the
/// current one controls (on the first visit there is nothing to replace).
async fn register(waiting: RwSignal<Waiting>) {
    let Some(container) = web_sys::window().map(|w| w.navigator().service_worker()) else { return };
    let Ok(registration) = JsFuture::from(container.register(WORKER)).await else { return };
    let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else { return };
    let check = {
        let (container, registration) = (container.clone(), registration.clone());
        move || {
            if container.controller().is_some() {
                if let Some(worker) = registration.waiting() {
                    waiting.set(Some(SendWrapper::new(worker)));
                }
            }
        }
    };
    check();
    // a version found while the page is open: ready once it has installed
    let found = {
        let registration = registration.clone();
        Closure::<dyn Fn()>::new(move || {
            if let Some(installing) = registration.installing() {
                let changed = Closure::<dyn Fn()>::new(check.clone());
                installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
                // lives as long as that worker, which the browser keeps
                changed.forget();
            }
        })
    };
    registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
    // the registration lives as long as the page
    found.forget();
}

/// Tells the waiting worker to take over, and reloads once it has.
fn take_over(worker: &web_sys::ServiceWorker) {
    let Some(window) = web_sys::window() else { return };
    let reload = Closure::<dyn Fn()>::new(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    window.navigator().service_worker().set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    // the message Workbox's generated worker listens for
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &JsValue::from_str("SKIP_WAITING"));
    let _ = worker.post_message(&message);
}
