//! A short list of links, one of them current: the year of the figures, the year of the history.
//! A choice is part of the address, so it can be shared and the back button returns to the one
//! before.

use leptos::prelude::*;

/// One link: where it goes, what it says, and whether it is the one shown now.
pub type Choice = (String, String, bool);

/// Nothing to choose from one choice: then nothing is shown.
#[component]
pub fn Choices(label: &'static str, choices: Vec<Choice>) -> impl IntoView {
    (choices.len() > 1).then(|| {
        view! {
            <nav class="choices" aria-label=label>
                <ul>
                    {choices
                        .into_iter()
                        .map(|(href, text, current)| {
                            view! { <li><a href=href aria-current=current.then_some("page")>{text}</a></li> }
                        })
                        .collect_view()}
                </ul>
            </nav>
        }
    })
}
