//! The fields of the history's search and filters, inside the form that `training_history`
//! renders and submits with its buttons. Each shows what the address says (see
//! `domain::history_filter`), so the back button and a shared link show the same fields; the
//! search is also applied as it is typed.

use std::time::Duration;

use leptos::prelude::*;

use crate::contract::{Me, Status, TrainingType};
use crate::domain::history_filter::{Filter, Sort};
use crate::i18n::Texts;
use crate::present::labels::Label;
use crate::ui::language::{texts, tr};
use crate::ui::loaded::{Remote, What};

/// A pause in typing this long applies the search.
const TYPING_PAUSE: Duration = Duration::from_millis(250);

/// A select's options in the language shown: value and text.
type Options = Box<dyn Fn(&Texts) -> Vec<(String, String)> + Send + Sync>;

/// A labelled select of `options`, after "All" when `any`; the one in the address is selected.
/// A plain function rather than a component: no props builder for each of its uses.
fn select(name: &'static str, text: What, any: bool, options: Options, filter: Memo<Filter>) -> AnyView {
    let id = format!("filter-{name}");
    let options = move || {
        let current = filter.with(|f| f.value(name).to_string());
        let all = any.then(|| (String::new(), texts().any.to_string()));
        all.into_iter()
            .chain(options(texts()))
            .map(|(value, text)| {
                let selected = value == current;
                view! { <option value=value selected=selected>{text}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{tr(text)}</label>
            <select id=id name=name>{options}</select>
        </div>
    }
    .into_any()
}

/// The codes of a select, each with its label.
fn coded<T: Label + Send + Sync + 'static>(codes: &'static [T], code: fn(T) -> &'static str) -> Options {
    Box::new(move |t| codes.iter().map(|&c| (code(c).to_string(), c.label(t).to_string())).collect())
}

/// `search` is given the text typed once typing pauses.
#[component]
pub fn HistoryFilters(filter: Memo<Filter>, me: Remote<Me>, search: Callback<String>) -> impl IntoView {
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let stop = move || {
        if let Some(earlier) = pending.get_value() {
            earlier.clear();
        }
    };
    let typed = move |ev: leptos::ev::Event| {
        stop();
        let text = event_target_value(&ev);
        pending.set_value(set_timeout_with_handle(move || search.run(text), TYPING_PAUSE).ok());
    };
    on_cleanup(stop);
    // the address's text; an address changed otherwise (the button, the clear link, back) also
    // drops what was typed before it, so that it is not searched over
    let refill = move || {
        stop();
        filter.read().text.clone()
    };
    let employers = move || {
        let employers: Vec<_> = me
            .with_ok(|me| me.into_iter().flat_map(|m| &m.employers).map(|e| (e.id.clone(), e.name.clone())).collect());
        (employers.len() > 1).then(|| {
            let options: Options = Box::new(move |_| employers.clone());
            select("employer", |t| t.employer, true, options, filter)
        })
    };
    let kinds = coded(&[TrainingType::Formal, TrainingType::Informal], TrainingType::code);
    let statuses = coded(&[Status::Completed, Status::NotAttended, Status::Reserved, Status::Unsuitable], Status::code);
    let counts: Options = Box::new(|t| vec![("yes".into(), t.yes.into()), ("no".into(), t.no.into())]);
    let sorts: Options = Box::new(|t| {
        Sort::ALL
            .map(|s| {
                let text = match s {
                    Sort::Newest => t.sort_newest,
                    Sort::Oldest => t.sort_oldest,
                    Sort::Longest => t.sort_longest,
                    Sort::Title => t.sort_title,
                };
                (s.code().to_string(), text.to_string())
            })
            .to_vec()
    });
    view! {
        <div class="filter-fields">
            <div class="field field-search">
                <label for="filter-q">{tr(|t| t.search)}</label>
                <input id="filter-q" name="q" type="search" prop:value=refill on:input=typed />
            </div>
            {employers}
            {select("type", |t| t.kind, true, kinds, filter)}
            {select("status", |t| t.status, true, statuses, filter)}
            {select("counts", |t| t.counts, true, counts, filter)}
            {select("sort", |t| t.sort_by, false, sorts, filter)}
        </div>
    }
}
