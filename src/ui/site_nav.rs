//! The app's pages, the current one marked by the router for sight and for screen readers.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::language::tr;

#[component]
pub fn SiteNav() -> impl IntoView {
    view! {
        <nav class="site-nav" aria-label=tr(|t| t.nav_label)>
            <ul>
                <li><A href="/" exact=true>{tr(|t| t.nav_overview)}</A></li>
                <li><A href="/carry-over">{tr(|t| t.nav_ledger)}</A></li>
                <li><A href="/profile">{tr(|t| t.nav_profile)}</A></li>
            </ul>
        </nav>
    }
}
