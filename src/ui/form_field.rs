//! The parts of a form, as the GOV.UK Design System lays them out: a label, a hint, the field's
//! own error above it (tied to it by `aria-describedby`), and a summary of every error at the
//! top whose links move focus to the field. Fields are read from the form when it is sent.

use leptos::prelude::*;

use crate::domain::record_form::Problem;
use crate::i18n::Texts;
use crate::present::record::problem;
use crate::ui::focus;
use crate::ui::language::{texts, tr};

pub type Words = fn(&Texts) -> &'static str;

/// The field's error, when it has one.
pub type Error = Signal<Option<String>>;

fn described_by(id: &str, hint: bool) -> String {
    if hint {
        format!("{id}-hint {id}-error")
    } else {
        format!("{id}-error")
    }
}

#[component]
fn Group(id: &'static str, label: Words, hint: Option<Words>, error: Error, children: Children) -> impl IntoView {
    view! {
        <div class="form-group" class:form-group-error=move || error.with(Option::is_some)>
            <label class="form-label" for=id>{tr(label)}</label>
            {hint.map(|h| view! { <p class="form-hint" id=format!("{id}-hint")>{tr(h)}</p> })}
            <p class="form-error" id=format!("{id}-error")>{move || error.get()}</p>
            {children()}
        </div>
    }
}

/// A text, number or date input named `id`, first holding `value`.
#[component]
pub fn TextField(
    id: &'static str,
    label: Words,
    #[prop(optional)] hint: Option<Words>,
    value: String,
    error: Error,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] width: Option<&'static str>,
) -> impl IntoView {
    view! {
        <Group id label hint error>
            <input
                id=id
                name=id
                type=kind
                inputmode=inputmode
                class=format!("form-input {}", width.unwrap_or(""))
                value=value
                aria-describedby=described_by(id, hint.is_some())
                aria-invalid=move || error.with(Option::is_some).to_string()
            />
        </Group>
    }
}

/// One of a select's options: its value, and its words in the current language.
pub type Choice = (String, Signal<String>);

/// The option `code`, said by `words` in whichever language is chosen.
pub fn choice(code: &str, words: impl Fn(&Texts) -> String + Send + Sync + 'static) -> Choice {
    (code.to_string(), Signal::derive(move || words(texts())))
}

/// A choice among `options`, first on `value`.
#[component]
pub fn SelectField(
    id: &'static str,
    label: Words,
    #[prop(optional)] hint: Option<Words>,
    options: Vec<Choice>,
    value: String,
    error: Error,
) -> impl IntoView {
    view! {
        <Group id label hint error>
            <select
                id=id
                name=id
                class="form-select"
                aria-describedby=described_by(id, hint.is_some())
                aria-invalid=move || error.with(Option::is_some).to_string()
            >
                {options
                    .into_iter()
                    .map(|(code, words)| {
                        let selected = code == value;
                        view! { <option value=code selected=selected>{move || words.get()}</option> }
                    })
                    .collect_view()}
            </select>
        </Group>
    }
}

/// A checkbox named `id`.
#[component]
pub fn CheckField(id: &'static str, label: Words, checked: bool) -> impl IntoView {
    view! {
        <div class="form-group form-check">
            <input id=id name=id type="checkbox" checked=checked />
            <label for=id>{tr(label)}</label>
        </div>
    }
}

/// "There is a problem", with a link to each field in error; focused when it appears.
#[component]
pub fn ErrorSummary(id: &'static str, problems: Signal<Vec<(&'static str, String)>>) -> impl IntoView {
    Effect::new(move || {
        if problems.with(|p| !p.is_empty()) {
            focus::focus(id);
        }
    });
    move || {
        let all = problems.get();
        (!all.is_empty()).then(|| {
            view! {
                <div class="error-summary" id=id tabindex="-1" role="alert" aria-labelledby=format!("{id}-title")>
                    <h2 id=format!("{id}-title")>{move || texts().errors_title}</h2>
                    <ul>
                        {all
                            .into_iter()
                            .map(|(field, said)| {
                                view! {
                                    <li>
                                        // the router would take the link: focus moves to the field itself
                                        <a href=format!("#{field}") on:click=move |ev| {
                                            ev.prevent_default();
                                            focus::focus(field);
                                        }>{said}</a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

/// The problems a form was sent with: each field's error, and the summary's list.
#[derive(Clone, Copy)]
pub struct Problems<F: Send + Sync + 'static> {
    pub found: RwSignal<Vec<(F, Problem)>>,
    /// A field's name, as its label says it.
    label: fn(&Texts, F) -> &'static str,
    /// A field's element.
    id_of: fn(F) -> &'static str,
}

impl<F: Copy + PartialEq + Send + Sync + 'static> Problems<F> {
    pub fn new(label: fn(&Texts, F) -> &'static str, id_of: fn(F) -> &'static str) -> Problems<F> {
        Problems { found: RwSignal::new(Vec::new()), label, id_of }
    }

    fn said(self, f: F, p: Problem) -> String {
        let t = texts();
        problem(t, (self.label)(t, f), p)
    }

    /// The field's own error.
    pub fn of(self, f: F) -> Error {
        Signal::derive(move || self.found.with(|all| all.iter().find(|(at, _)| *at == f).map(|(_, p)| self.said(f, *p))))
    }

    /// Every error, with the element each links to.
    pub fn summary(self) -> Signal<Vec<(&'static str, String)>> {
        Signal::derive(move || self.found.get().into_iter().map(|(f, p)| ((self.id_of)(f), self.said(f, p))).collect())
    }
}

/// The value of the form's field `name` (`""` when absent, as an unchecked checkbox is).
pub fn field(data: &web_sys::FormData, name: &str) -> String {
    data.get(name).as_string().unwrap_or_default()
}

/// The form that was sent, read as it stands.
pub fn sent(ev: &web_sys::SubmitEvent) -> Option<web_sys::FormData> {
    use wasm_bindgen::JsCast;
    let form = ev.target()?.dyn_into::<web_sys::HtmlFormElement>().ok()?;
    web_sys::FormData::new_with_form(&form).ok()
}
