//! The fields of the history's search and filters, as escaped markup (see `markup`) inside the
//! form that `training_history` renders and submits. Applying it puts them in the address (see
//! `domain::history_filter`), so the back button and a shared link show the same list.
//! Still markup because of the size ceiling, measured (brotli, with the rest in view!): the
//! fields as plain view! functions cost 3.9 KB (the app 181.3 KB of its 180), leptos_router's
//! `<Form>` another 12.1 KB.

use crate::contract::{Code, Me, Status, TrainingType};
use crate::domain::history_filter::{Filter, Sort};
use crate::i18n::Texts;
use crate::present::labels::label;
use crate::present::markup::Html;

/// A labelled select: `(value, text)` options after "All" (`any`), the current one selected.
fn select(html: &mut Html, name: &str, text: &str, any: Option<&str>, options: &[(String, String)], current: &str) {
    let id = format!("filter-{name}");
    html.open("div", &[("class", "field")]).el("label", &[("for", &id)], text);
    html.open("select", &[("id", &id), ("name", name)]);
    if let Some(any) = any {
        html.el("option", &[("value", "")], any);
    }
    for (value, text) in options {
        let selected = if value == current { "selected" } else { "" };
        html.el("option", &[("value", value), ("selected", selected)], text);
    }
    html.close("select").close("div");
}

pub fn filters_html(t: &Texts, me: Option<&Me>, f: &Filter, clear: &str) -> String {
    let mut html = Html::new();
    html.open("div", &[("class", "filter-fields")]).open("div", &[("class", "field field-search")]);
    html.el("label", &[("for", "filter-q")], t.search);
    html.el("input", &[("id", "filter-q"), ("name", "q"), ("type", "search"), ("value", &f.text)], "");
    html.close("div");
    let employers: Vec<(String, String)> =
        me.map(|m| m.employers.iter().map(|e| (e.id.clone(), e.name.clone())).collect()).unwrap_or_default();
    if employers.len() > 1 {
        select(&mut html, "employer", t.employer, Some(t.any), &employers, f.employer.as_deref().unwrap_or_default());
    }
    let kinds: Vec<_> = [TrainingType::Formal, TrainingType::Informal]
        .into_iter()
        .map(|k| (k.code().to_string(), label(t, &Code::Known(k))))
        .collect();
    select(&mut html, "type", t.kind, Some(t.any), &kinds, f.kind.as_ref().map_or("", Code::raw));
    let statuses: Vec<_> = [Status::Completed, Status::NotAttended, Status::Reserved, Status::Unsuitable]
        .into_iter()
        .map(|s| (s.code().to_string(), label(t, &Code::Known(s))))
        .collect();
    select(&mut html, "status", t.status, Some(t.any), &statuses, f.status.as_ref().map_or("", Code::raw));
    let counts = [("yes".to_string(), t.yes.to_string()), ("no".to_string(), t.no.to_string())];
    let current = f.counts.map_or("", |c| if c { "yes" } else { "no" });
    select(&mut html, "counts", t.counts, Some(t.any), &counts, current);
    let sorts = Sort::ALL.map(|s| {
        let text = match s {
            Sort::Newest => t.sort_newest,
            Sort::Oldest => t.sort_oldest,
            Sort::Longest => t.sort_longest,
            Sort::Title => t.sort_title,
        };
        (s.code().to_string(), text.to_string())
    });
    select(&mut html, "sort", t.sort_by, None, &sorts, f.sort.code());
    html.close("div").open("div", &[("class", "filter-actions")]);
    html.el("button", &[("type", "submit"), ("class", "button")], t.apply);
    if !f.is_empty() {
        html.el("a", &[("href", clear)], t.clear);
    }
    html.close("div").finish()
}
