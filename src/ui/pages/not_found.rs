use leptos::prelude::*;

use crate::present::markup::Html;
use crate::ui::language::texts;

#[component]
pub fn NotFound() -> impl IntoView {
    let page = move || {
        let t = texts();
        let mut html = Html::new();
        html.el("h1", &[], t.nf_title).el("p", &[], t.nf_text);
        html.open("p", &[]).el("a", &[("href", "/")], t.nf_link).close("p").finish()
    };
    view! { <div inner_html=page></div> }
}
