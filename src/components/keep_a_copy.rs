//! Keep a copy: the whole account as JSON, the history shown (its `?history-year=`) as CSV for
//! Excel, or a printed statement (see the print rules in main.css). Made in the browser.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::params::ParamsMap;
use wasm_bindgen::JsCast;

use crate::api::client::Client;
use crate::api::dto::Me;
use crate::api::ApiError;
use crate::components::address::year_in;
use crate::components::clock::today;
use crate::components::download::save;
use crate::components::language::texts;
use crate::components::loaded::Remote;
use crate::domain::export::{account_json, history_csv};
use crate::domain::profile::employer_name;
use crate::domain::years;
use crate::i18n::{api_error, fill};
use crate::markup::Html;

#[derive(Clone, Default)]
enum Copying {
    #[default]
    Idle,
    Busy,
    Saved(String),
    Failed(ApiError),
}

#[component]
pub fn KeepACopy(this_year: i32, query: Memo<ParamsMap>) -> impl IntoView {
    let client = expect_context::<Client>();
    let me = expect_context::<Remote<Me>>();
    let state = RwSignal::new(Copying::Idle);
    let run = Callback::new(move |csv: bool| {
        if matches!(state.get_untracked(), Copying::Busy) {
            return;
        }
        state.set(Copying::Busy);
        let client = client.clone();
        let year = untrack(|| year_in(query, "history-year"));
        // read now: the context is gone once the answer comes (and reading it then would panic)
        let (t, me) = (texts(), untrack(|| me.get()).and_then(Result::ok));
        spawn_local(async move {
            let day = today().map(|d| d.iso()).unwrap_or_default();
            let made = if csv {
                client.all_trainings(year).await.map(|pages| {
                    let items: Vec<_> = pages.into_iter().flat_map(|p| p.body.items).collect();
                    let name = |id: &str| employer_name(me.as_ref(), id).unwrap_or(id).to_string();
                    let which = year.map_or_else(|| "all".to_string(), |y| y.to_string());
                    (format!("training-history-{which}.csv"), "text/csv", history_csv(t, &items, &name))
                })
            } else {
                let years = |me: &Me| years::on_record(&me.sources, this_year, this_year);
                client.everything(years).await.map(|all| {
                    (format!("training-account-{day}.json"), "application/json", account_json(&all, &day))
                })
            };
            let done = match made {
                Ok((name, mime, text)) if save(&name, mime, &text) => Copying::Saved(name),
                Ok(_) => Copying::Failed(ApiError::Malformed("the browser refused the download".into())),
                Err(e) => Copying::Failed(e),
            };
            state.try_set(done);
        });
    });
    // one line of text for every state: a failure says why, and either button tries again
    let status = move || {
        let t = texts();
        match state.get() {
            Copying::Idle => String::new(),
            Copying::Busy => t.preparing.into(),
            Copying::Saved(name) => fill(t.copy_ready, &[&name]),
            Copying::Failed(error) => fill(t.not_available, &[t.what_copy]) + ": " + &api_error(t, &error),
        }
    };
    // the section's words and buttons as markup, one click handler for the three buttons
    let section = move || {
        let t = texts();
        let mut html = Html::new();
        html.el("h2", &[("id", "copy-title")], t.copy_title).el("p", &[], t.copy_intro);
        html.open("div", &[("class", "copy-actions")]);
        for (action, class, text) in
            [("json", "button", t.download_all), ("csv", "button-secondary", t.download_csv), ("print", "button-secondary", t.print)]
        {
            html.el("button", &[("type", "button"), ("class", class), ("data-copy", action)], text);
        }
        html.close("div").finish()
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let action = ev.target().and_then(|e| e.dyn_into::<web_sys::Element>().ok()?.get_attribute("data-copy"));
        match action.as_deref() {
            Some("print") => drop(window().print()),
            Some(action) => run.run(action == "csv"),
            None => {}
        }
    };
    view! {
        <section class="keep-copy" aria-labelledby="copy-title" data-testid="keep-a-copy">
            <div inner_html=section on:click=on_click></div>
            <p role="status" class="copy-status">{status}</p>
        </section>
    }
}
