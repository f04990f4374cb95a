//! A short list of links, one of them current: the pages, the year of the figures, the year of
//! the history. A choice is part of the address, so it can be shared and the back button returns
//! to the one before.

use crate::present::markup::Html;

/// One link: where it goes, what it says, and whether it is the one shown now.
pub type Choice = (String, String, bool);

/// The links as a list, the current one marked for screen readers too.
pub fn links_html(choices: &[Choice]) -> String {
    let mut html = Html::new();
    links_into(&mut html, choices);
    html.finish()
}

fn links_into(html: &mut Html, choices: &[Choice]) {
    html.open("ul", &[]);
    for (href, text, current) in choices {
        let current = if *current { "page" } else { "" };
        html.open("li", &[]).el("a", &[("href", href), ("aria-current", current)], text).close("li");
    }
    html.close("ul");
}

/// The choices as a labelled navigation; nothing to choose from one choice: then nothing.
pub fn choices_into(html: &mut Html, label: &str, choices: &[Choice]) {
    if choices.len() > 1 {
        html.open("nav", &[("class", "choices"), ("aria-label", label)]);
        links_into(html, choices);
        html.close("nav");
    }
}
