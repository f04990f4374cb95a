//! A short list of links, one of them current: the year of the figures, the employer, the year
//! of the history. A choice is part of the address, so it can be shared and the back button
//! returns to the one before.

use leptos::prelude::*;

use crate::ui::language::tr;
use crate::ui::loaded::What;

/// One link: where it goes, what it says, and whether it is the one shown now.
pub type Choice = (String, String, bool);

/// The choices as a labelled navigation, the current one marked for screen readers too; nothing
/// to choose from one choice: then nothing.
#[component]
pub fn Choices(label: What, choices: Vec<Choice>) -> impl IntoView {
    (choices.len() > 1).then(|| {
        let links = choices.into_iter().map(|(href, text, current)| {
            view! { <li><a href=href aria-current=current.then_some("page")>{text}</a></li> }
        });
        view! { <nav class="choices" aria-label=tr(label)><ul>{links.collect_view()}</ul></nav> }
    })
}
