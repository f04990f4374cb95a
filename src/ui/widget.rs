//! The intranet widget: the card of `present::widget` on another site's page, built as its own
//! small bundle (`src/bin/widget.rs`, `dist/widget/`) that reads the app's own `config.json`, one
//! folder up. In an iframe (`/widget/?lang=nl&theme=dark&accent=%23005ea5&size=compact&employer=e1`)
//! it tells the page around it its height; mounted by `embed.js` it lives in a shadow root of the
//! site's element. Either way it touches nothing of the site beyond its element, and talks by
//! `postMessage` only with the origins in `embed.allowedParentOrigins`: its height to them, a
//! bearer token from them.

use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::client::resources;
use crate::client::transport::{config_url, resolve};
use crate::client::{ApiError, Client, Credentials};
use crate::contract::config::{AuthMode, Config};
use crate::contract::oidc::Secret;
use crate::contract::{CarryOver, Me, TrainingPage};
use crate::domain::address::with_query;
use crate::domain::ids::is_bearer_token;
use crate::present::messages::{api_error, config_error};
use crate::present::widget::{card, Look};
use crate::ui::clock::{this_year, today};
use crate::ui::figure_card::CardBody;
use crate::ui::language::{texts, tr, Speaking};
use crate::ui::loaded::{config_at, retry_when_online, Placeholder, Remote};

/// What the card and the page around it say to each other (`{type, ...}` objects).
const HEIGHT: &str = "training-account:height";
const READY: &str = "training-account:ready";
const TOKEN: &str = "training-account:token";

/// In an iframe: the document is the card's own.
pub fn in_frame() {
    let query = window().location().search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&query).ok();
    let look = Look::read(|key| params.as_ref()?.get(key));
    if let Some(html) = document().document_element().and_then(|e| e.dyn_into().ok()) {
        paint(&html, &look);
    }
    let config = resolve("../config.json", &config_url()).unwrap_or_default();
    leptos::mount::mount_to_body(move || widget(look, config, true));
}

/// From `embed.js`: the card in `target`, inside the shadow root of the site's element `host`
/// (whose `data-` attributes say how it looks), the widget's files at `base`.
pub fn in_element(target: web_sys::HtmlElement, host: web_sys::Element, base: String) {
    let look = Look::read(|key| host.get_attribute(&format!("data-{key}")));
    paint(&target, &look);
    let config = resolve("../config.json", &base).unwrap_or_default();
    leptos::mount::mount_to(target, move || widget(look, config, false)).forget();
}

/// The look's colours on the element the card is in.
fn paint(el: &web_sys::HtmlElement, look: &Look) {
    let style = el.style();
    for (name, value) in look.properties() {
        let _ = style.set_property(name, value);
    }
}

fn widget(look: Look, config_url: String, framed: bool) -> impl IntoView {
    // in an iframe the document is the card's own: its language as the app chooses it (the
    // person's saved choice on this origin, else `?lang=`), with the page's lang and title
    if framed {
        Speaking::provide();
    } else {
        Speaking::for_widget(look.lang);
    }
    let config = config_at(config_url.clone());
    // in memory only, and only from the page around the card
    let token = RwSignal::new(None::<String>);
    if framed {
        Effect::new(move || {
            if let Some(Ok(cfg)) = config.get() {
                talk_to_parent(cfg.embed.allowed_parent_origins, token);
            }
        });
    }
    let class = if look.compact { "widget compact" } else { "widget" };
    let body = move || match (config.get(), token.get()) {
        (None, _) => view! { <Placeholder class="placeholder-card" /> }.into_any(),
        (Some(Err(e)), _) => {
            let why = move || config_error(texts(), &e);
            view! { <Message>{tr(|t| t.config_title)} " " {why}</Message> }.into_any()
        }
        (Some(Ok(cfg)), None) if cfg.auth == AuthMode::Bearer => {
            view! { <Message>{tr(|t| t.waiting_token)}</Message> }.into_any()
        }
        // the app's own sign-in is a page of its own, never inside another site's page
        (Some(Ok(Config { auth: AuthMode::Oidc(_), .. })), _) => {
            view! { <SignInLink app=app_address(&config_url, look.employer.as_deref()) /> }.into_any()
        }
        // no service: the account is the person's own, in the app on their device
        (Some(Ok(cfg)), _) if cfg.service().is_none() => {
            let app = app_address(&config_url, look.employer.as_deref());
            view! { <Message><a href=app target="_blank" rel="noopener">{tr(|t| t.open_account)}</a></Message> }.into_any()
        }
        (Some(Ok(cfg)), token) => {
            let api = cfg.service().unwrap_or_default();
            let api = resolve(api, &config_url).unwrap_or_else(|_| api.to_string());
            let credentials = match (&cfg.auth, token) {
                // the API's session cookie, on an intranet page as in the app
                (AuthMode::Session { .. }, _) => Credentials::Cookie { signed_in: ArcRwSignal::new(None) },
                (_, Some(token)) => Credentials::Token(Secret::new(token)),
                (_, None) => Credentials::None,
            };
            let signs_in = matches!(credentials, Credentials::Cookie { .. });
            let (client, employer) = (Client::new(api, credentials), look.employer.clone());
            view! { <WidgetCard client app=config_url.clone() employer signs_in /> }.into_any()
        }
    };
    view! { <div class=class lang=move || texts().lang.code()>{body}</div> }
}

/// What stands in for the card while it cannot be shown.
#[component]
fn Message(children: Children) -> impl IntoView {
    view! { <p class="card" role="status">{children()}</p> }
}

/// The card itself: its three resources, asked for once, and the link to the whole account.
#[component]
fn WidgetCard(client: Client, app: String, employer: Option<String>, signs_in: bool) -> impl IntoView {
    provide_context(client);
    let me = Remote::<Me>::new(resources::me());
    let ledger = Remote::<CarryOver>::new(resources::carry_over());
    let newest = Remote::<TrainingPage>::new(resources::newest_trainings());
    let app = app_address(&app, employer.as_deref());
    move || match (me.get(), ledger.get()) {
        (Some(Ok(me)), Some(Ok(ledger))) => {
            let employer = employer.clone();
            // the card's figures, like the app's cards (see `figure_card`), again for the language
            // and once the newest trainings are in
            let card = move || {
                let card = newest.with_ok(|page| {
                    let newest = page.map_or(&[][..], |p| &p.items);
                    card(texts(), this_year(), today(), &me, &ledger.items, newest, employer.as_deref())
                });
                view! { <CardBody card /> }
            };
            view! {
                <section class="card" data-testid="widget">
                    <div class="card-group">{card}</div>
                    <a href=app.clone() target="_blank" rel="noopener">{tr(|t| t.open_account)}</a>
                </section>
            }
            .into_any()
        }
        // not signed in to the API's session: the app signs the person in, in a tab of its own
        (Some(Err(ApiError::Unauthorized)), _) | (_, Some(Err(ApiError::Unauthorized))) if signs_in => {
            view! { <SignInLink app=app.clone() /> }.into_any()
        }
        (Some(Err(error)), _) | (_, Some(Err(error))) => {
            let retry = Callback::new(move |()| {
                me.refetch();
                ledger.refetch();
            });
            view! { <Failed error retry /> }.into_any()
        }
        _ => view! { <Placeholder class="placeholder-card" /> }.into_any(),
    }
}

/// Why the card cannot show its figures, and a button that asks again (as the connection
/// coming back does).
#[component]
fn Failed(error: ApiError, retry: Callback<()>) -> impl IntoView {
    retry_when_online(retry);
    view! {
        <section class="card" role="alert">
            <p>{move || api_error(texts(), &error)}</p>
            <button type="button" class="button-secondary" on:click=move |_| retry.run(())>{tr(|t| t.retry)}</button>
        </section>
    }
}

/// The app beside config.json (`config`), opened apart from the site's page and its history.
fn app_address(config: &str, employer: Option<&str>) -> String {
    let here = with_query("./".into(), employer.map(|e| ("employer", e)));
    resolve(&here, config).unwrap_or_default()
}

/// Where the card cannot show figures before the person signs in: the way to the app.
#[component]
fn SignInLink(app: String) -> impl IntoView {
    view! {
        <section class="card" data-testid="widget">
            <p>{tr(|t| t.widget_sign_in)}</p>
            <a href=app target="_blank" rel="noopener">{tr(|t| t.sign_in)}</a>
        </section>
    }
}

/// Tells the allowed parents the card's height whenever it changes, and takes a token from them.
fn talk_to_parent(allowed: Vec<String>, token: RwSignal<Option<String>>) {
    let Ok(Some(parent)) = window().parent() else { return };
    let post = {
        let (allowed, parent) = (allowed.clone(), parent.clone());
        move |kind: &str, height: i32| {
            let msg = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&msg, &"type".into(), &kind.into());
            let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
            // the browser delivers each only if the parent is that very origin
            for origin in &allowed {
                let _ = parent.post_message(&msg, origin);
            }
        }
    };
    post(READY, 0);
    let body = document().body();
    let resized = Closure::<dyn FnMut()>::new(move || {
        if let Some(b) = document().body() {
            post(HEIGHT, b.offset_height());
        }
    });
    if let (Ok(observer), Some(body)) = (web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref()), body) {
        observer.observe(&body);
    }
    resized.forget();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let field = |key: &str| js_sys::Reflect::get(&ev.data(), &key.into()).ok().and_then(|v| v.as_string());
        // from the page around the card only, and from an allowed origin only
        let from_parent = ev.source().is_some_and(|s| JsValue::from(s) == JsValue::from(&parent));
        if from_parent && allowed.contains(&ev.origin()) && field("type").as_deref() == Some(TOKEN) {
            if let Some(t) = field("token").filter(|t| is_bearer_token(t)) {
                token.set(Some(t));
            }
        }
    });
    let _ = window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}
