//! Start-up: choose the language, read config.json, then hand the API client to the routed pages.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::client::offline::Offline;
use crate::client::resources;
use crate::client::transport::config_url;
use crate::client::{Client, Credentials};
use crate::contract::config::{AuthMode, Config};
use crate::contract::Me;
use crate::i18n::Language;
use crate::ui::config_error::ConfigErrorPanel;
use crate::ui::focus;
use crate::ui::keeping::Revision;
use crate::ui::offline_figures::OfflineMark;
use crate::ui::language::{tr, LanguageSwitcher, Speaking};
use crate::ui::app_state::AppState;
use crate::ui::install::InstallOffer;
use crate::ui::loaded::{config_at, Remote};
use crate::ui::open_copy::OnDevice;
use crate::ui::pages::carry_over::CarryOverPage;
use crate::ui::pages::profile::ProfilePage;
use crate::ui::pages::record::RecordPage;
use crate::ui::pages::{dashboard::Dashboard, not_found::NotFound, training::TrainingDetail};
use crate::ui::sign_in::{provide_account, signed_out, Account, SessionEnded, SignInFirst, SignInThroughApi, SignOut};
use crate::ui::site_nav::SiteNav;
use crate::ui::unit_choice::UnitChoice;

#[component]
pub fn App() -> impl IntoView {
    Speaking::provide();
    provide_account();
    let config = config_at(config_url());
    // the frame every page has, even before the configuration is read or when it is broken
    view! {
        // the router would take a click on "#main" for navigation: the link moves focus itself
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            focus::focus("main");
        }>
            {tr(|t| t.skip_link)}
        </a>
        <Router>
        <header class="site-header">
            <a href="/" class="brand">{tr(|t| t.app_name)}</a>
            <LanguageSwitcher />
            <SignOut />
        </header>
        // there while the configuration loads too, so the page does not move down when it is in
        {move || (!matches!(config.get(), Some(Err(_)))).then(|| view! { <SiteNav /> })}
        <main id="main" class="page" tabindex="-1">
            <AppState />
            {move || match config.get() {
                Some(Ok(cfg)) => source(cfg),
                Some(Err(error)) => view! { <div><ConfigErrorPanel error /></div> }.into_any(),
                None => view! { <div><p class="boot" role="status">{tr(|t| t.loading_app)}</p></div> }.into_any(),
            }}
        </main>
        // below the page, where its coming moves nothing the person is reading
        <InstallOffer />
        </Router>
    }
}

/// The pages from the configured service, or from a copy on this device (the start screen), or
/// either, as the person chooses, where a deployment offers both.
fn source(cfg: Config) -> AnyView {
    let default_language = cfg.default_language;
    if let Some(api) = cfg.service() {
        return signed_in(api.to_string(), cfg);
    }
    let pages = Callback::new(move |client| view! { <Shell client default_language /> }.into_any());
    let service = cfg.api_base_url.clone().map(|api| {
        let choice = RwSignal::new(false);
        (api, choice)
    });
    match service {
        None => view! { <OnDevice pages service=None /> }.into_any(),
        Some((api, online)) => {
            let go = Callback::new(move |()| online.set(true));
            let cfg = StoredValue::new(cfg);
            let at = api.clone();
            (move || match online.get() {
                true => signed_in(api.clone(), cfg.get_value()),
                false => view! { <OnDevice pages service=Some((at.clone(), go)) /> }.into_any(),
            })
            .into_any()
        }
    }
}

/// The pages, with the API's client as the configured sign-in makes it, and the service's last
/// figures on this device for when it cannot be reached, if the person keeps them.
fn signed_in(api: String, cfg: Config) -> AnyView {
    let default_language = cfg.default_language;
    let offline = Offline::new(&api);
    let pages = {
        let offline = offline.clone();
        move |client: Client| {
            // what the pages show is from the service until the copy answers
            offline.answered.set(None);
            let client = client.with_fallback(Arc::new(offline.clone()));
            view! { <Shell client default_language offline=offline.clone() /> }.into_any()
        }
    };
    match cfg.auth {
        AuthMode::Oidc(oidc) => view! { <SignInFirst oidc api pages=Callback::new(pages) offline /> }.into_any(),
        AuthMode::Session { login_url, logout_url } => {
            let signed_in = ArcRwSignal::new(None);
            let client = Client::new(api, Credentials::Cookie { signed_in: signed_in.clone() });
            let account = Account::Cookie { login_url, logout_url, signed_in };
            expect_context::<RwSignal<Option<Account>>>().set(Some(account));
            pages(client)
        }
        // a token handed over by an embedding page is the widget's
        AuthMode::None | AuthMode::Bearer => pages(Client::new(api, Credentials::None)),
    }
}

/// The routed pages. `offline`: the pages of a service, whose last figures the person may keep.
#[component]
fn Shell(client: Client, default_language: Option<Language>, #[prop(optional)] offline: Option<Offline>) -> impl IntoView {
    let speaking = expect_context::<Speaking>();
    speaking.config_says(default_language);
    provide_context(client);
    UnitChoice::provide();
    // a service's answers are asked again when the connection comes back (a kept record's own
    // revision is above, in `Keeping`)
    let revision = offline.as_ref().map(|_| {
        let revision = Revision(RwSignal::new(0));
        provide_context(revision);
        revision
    });
    // the profile is shared by every page: it also says which language the person prefers
    let me = Remote::<Me>::new(resources::me());
    provide_context(me);
    Effect::new(move || {
        let preferred = me.get().and_then(Result::ok).and_then(|m| m.preferred_language?.known().copied());
        speaking.profile_says(preferred);
    });
    let mark = offline.zip(revision).map(|(offline, revision)| {
        provide_context(offline.clone());
        view! { <OfflineMark offline revision /> }
    });
    view! {
        <FocusOnNavigation />
        <SessionEnded />
        {mark}
        // the API's own sign-in, when it says no one is: in place of the page
        <Show when=move || !signed_out() fallback=|| view! { <SignInThroughApi /> }>
            <FlatRoutes fallback=NotFound>
                <Route path=path!("/") view=Dashboard />
                <Route path=path!("/carry-over") view=CarryOverPage />
                <Route path=path!("/profile") view=ProfilePage />
                <Route path=path!("/trainings/:id") view=TrainingDetail />
                <Route path=path!("/record") view=RecordPage />
            </FlatRoutes>
        </Show>
    }
}

/// After a link to another page, focus goes to its content, as after a page load.
#[component]
fn FocusOnNavigation() -> impl IntoView {
    let path = use_location().pathname;
    focus::on_change(Box::new(move || path.get()), "main");
}
