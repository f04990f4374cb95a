//! The app's pages, the current one marked for sight and for screen readers.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::ui::choices::links_html;
use crate::ui::language::texts;

#[component]
pub fn SiteNav() -> impl IntoView {
    let path = use_location().pathname;
    move || {
        let (t, here) = (texts(), path.get());
        let pages = [("/", t.nav_overview), ("/carry-over", t.nav_ledger), ("/profile", t.nav_profile)]
            .map(|(href, text)| (href.to_string(), text.to_string(), here == href));
        view! { <nav class="site-nav" aria-label=t.nav_label inner_html=links_html(&pages)></nav> }
    }
}
