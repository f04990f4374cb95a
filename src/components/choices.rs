//! A short list of links, one of them current: the pages, the year of the figures, the year of
//! the history. A choice is part of the address, so it can be shared and the back button returns
//! to the one before.

use leptos::prelude::*;

use crate::markup::Html;

/// One link: where it goes, what it says, and whether it is the one shown now.
pub type Choice = (String, String, bool);

/// The links as a list, the current one marked for screen readers too.
pub fn links_html(choices: &[Choice]) -> String {
    let mut html = Html::new();
    html.open("ul", &[]);
    for (href, text, current) in choices {
        let current = if *current { "page" } else { "" };
        html.open("li", &[]).el("a", &[("href", href), ("aria-current", current)], text).close("li");
    }
    html.close("ul").finish()
}

/// Nothing to choose from one choice: then nothing is shown.
#[component]
pub fn Choices(label: &'static str, choices: Vec<Choice>) -> impl IntoView {
    (choices.len() > 1).then(|| view! { <nav class="choices" aria-label=label inner_html=links_html(&choices)></nav> })
}
