//! The years the account has, as links: a year is part of the address, so it can be shared and
//! the back button returns to the year before.

use leptos::prelude::*;

use crate::i18n::Texts;

/// `t` comes from the caller's reactive closure, which runs again when the language changes.
#[component]
pub fn YearSwitcher(t: &'static Texts, years: Vec<i32>, shown: i32) -> impl IntoView {
    (years.len() > 1).then(|| {
        view! {
            <nav class="years" aria-label=t.years>
                <ul>
                    {years
                        .into_iter()
                        .map(|year| {
                            let current = (year == shown).then_some("page");
                            view! { <li><a href=format!("/?year={year}") aria-current=current>{year.to_string()}</a></li> }
                        })
                        .collect_view()}
                </ul>
            </nav>
        }
    })
}
