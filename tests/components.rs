//! Components mounted in headless Chromium with the demo's own fixture data.
#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;
use training_account::client::transport::resolve;
use training_account::client::ApiError;
use training_account::contract::decode as parse;
use training_account::contract::{Attendance, CarryOver, Entitlements, Me, Unit};
use training_account::i18n::{self, Language, Texts};
use training_account::present::cards;
use training_account::present::carry_over::{years, LedgerYears};
use training_account::ui::data_table::DataTable;
use training_account::ui::employer_header::EmployerHeader;
use training_account::ui::figure_card::FigureCards;
use training_account::ui::language::{texts, LanguageSwitcher, Speaking};
use training_account::ui::ledger_chart::LedgerChart;
use training_account::ui::loaded::{loaded, Remote};
use training_account::ui::unit_choice::UnitChoice;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div = doc.create_element("div").unwrap().unchecked_into::<web_sys::HtmlElement>();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// Mounts a view in English, with the app's language context around it.
fn mount<V: IntoView + 'static>(f: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let div = container();
    std::mem::forget(leptos::mount::mount_to(div.clone(), move || {
        Speaking::provide().choose(Language::En);
        f()
    }));
    div
}

fn en() -> &'static Texts {
    i18n::texts(Language::En)
}

fn cards_view(cards: Vec<cards::Card>) -> impl IntoView {
    view! { <FigureCards cards /> }
}

fn text(el: &web_sys::HtmlElement) -> String {
    el.text_content().unwrap_or_default()
}

/// The text of every element `selector` finds in `el` (`querySelectorAll`, through JS: web-sys's
/// `NodeList` is not a feature the app needs).
fn texts_of(el: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let find = js_sys::Reflect::get(el, &"querySelectorAll".into()).unwrap().unchecked_into::<js_sys::Function>();
    let found = js_sys::Array::from(&find.call1(el, &selector.into()).unwrap());
    found.iter().map(|node| node.unchecked_into::<web_sys::Node>().text_content().unwrap_or_default()).collect()
}

async fn tick(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
fn entitled_card_shows_total_formula_and_sectoral_credit() {
    let e: Entitlements = parse(include_str!("../demo/fixtures/b/entitlements-2026.json")).unwrap();
    let el = mount(move || cards_view(vec![cards::entitled(en(), 2026, &e.items, "e1")]));
    let t = text(&el);
    assert!(t.contains("Entitled in 2026"), "{t}");
    assert!(t.contains("4.2 days"), "{t}");
    assert!(t.contains("= 31.92 hours"), "{t}");
    assert!(t.contains("4 days full-time (sector agreement) × 80% work regime × 12/12 months = 3.2 days"), "{t}");
    assert!(t.contains("+ 1 day"), "{t}");
    assert!(!t.contains("do not add up"), "{t}");
}

#[wasm_bindgen_test]
fn a_card_shows_the_preferred_unit_first_where_the_rate_allows() {
    let e: Entitlements = parse(include_str!("../demo/fixtures/b/entitlements-2026.json")).unwrap();
    let el = mount(move || {
        UnitChoice::provide().choose(Unit::Hours);
        cards_view(vec![cards::entitled(en(), 2026, &e.items, "e1")])
    });
    let figure = el.query_selector(".figure").unwrap().unwrap().text_content().unwrap();
    assert_eq!(figure, "31.92 hours= 4.2 days");
}

#[wasm_bindgen_test]
fn attended_card_splits_formal_and_informal() {
    let a: Attendance = parse(include_str!("../demo/fixtures/a/attendance-2026.json")).unwrap();
    let el = mount(move || cards_view(vec![cards::attended(en(), 2026, &a.items, "e1")]));
    let t = text(&el);
    assert!(t.contains("3 days") && t.contains("Formal training2 days") && t.contains("Informal training1 day"), "{t}");
    assert!(t.contains("Not counted towards your right0.5 days"), "{t}");
}

#[wasm_bindgen_test]
fn ledger_cards_show_left_carried_in_and_credit() {
    let l: CarryOver = parse(include_str!("../demo/fixtures/a/carry-over.json")).unwrap();
    let el = mount(move || cards_view(cards::ledger(en(), 2026, &l.items, "e1", false)));
    let t = text(&el);
    assert!(t.contains("Left for 20262.5 days"), "{t}");
    assert!(t.contains("Carried into 20260.5 days"), "{t}");
    assert!(t.contains("Training credit now2.5 days") && t.contains("Usable until 31\u{a0}December 2028"), "{t}");
    let bar = el.query_selector(".usage-bar").unwrap().unwrap();
    assert_eq!(bar.get_attribute("aria-label").unwrap(), "Used 3 days of 5.5 days; 2.5 days left.");
    // SVG attribute names keep their case
    assert_eq!(bar.get_attribute("viewBox").as_deref(), Some("0 0 1000 1"));
    assert_eq!(bar.get_attribute("preserveAspectRatio").as_deref(), Some("none"));
    // the share used is the bar's geometry, not a style attribute, which a strict CSP refuses
    let used = el.query_selector(".usage-used").unwrap().unwrap();
    assert_eq!(used.get_attribute("width").as_deref(), Some("545"));
    assert!(el.query_selector("[style]").unwrap().is_none());
}

#[wasm_bindgen_test]
fn broken_figures_are_flagged_and_impossible_ones_refused() {
    let l: CarryOver = parse(include_str!("../demo/fixtures/d/carry-over.json")).unwrap();
    let el = mount(move || cards_view(cards::ledger(en(), 2026, &l.items, "e1", false)));
    let t = text(&el);
    assert!(
        t.contains("do not add up") && t.contains("2025 starts with 2 days carried in, but 2024 carried out 1 day."),
        "{t}"
    );

    let e: Entitlements = parse(
        &include_str!("../demo/fixtures/a/entitlements-2026.json")
            .replace("\"regimeFraction\": 1.0", "\"regimeFraction\": 7"),
    )
    .unwrap();
    let el = mount(move || cards_view(vec![cards::entitled(en(), 2026, &e.items, "e1")]));
    let t = text(&el);
    assert!(t.contains("impossible value") && t.contains("individual.regimeFraction = 7"), "{t}");
}

#[wasm_bindgen_test]
fn the_ledger_as_an_svg_chart_and_a_table_of_the_same_figures() {
    let l: CarryOver = parse(include_str!("../demo/fixtures/b/carry-over.json")).unwrap();
    let el = mount(move || {
        let LedgerYears { chart, ticks, chart_label, caption, head, rows } = years(en(), &l.items[0], None).unwrap();
        view! {
            <LedgerChart chart ticks label=chart_label />
            <DataTable caption head rows />
        }
    });
    let svg = el.query_selector(".chart svg").unwrap().unwrap();
    assert_eq!(svg.namespace_uri().as_deref(), Some("http://www.w3.org/2000/svg"));
    assert_eq!(svg.get_attribute("viewBox").as_deref(), Some("0 0 304 220"));
    assert!(svg.get_attribute("aria-label").unwrap().contains("The table below has the same figures"));
    let all = |selector: &str| texts_of(&el, selector);
    assert_eq!(all("text.year"), ["2024", "2025", "2026"]);
    assert_eq!(all("text.tick"), ["0", "1", "2", "3", "4", "5"]);
    assert_eq!(all("rect.bar-attended").len(), 3);
    assert_eq!(all("caption"), ["Year by year, in days"]);
    let cell = el.query_selector("tbody tr td").unwrap().unwrap();
    assert_eq!(cell.get_attribute("data-label").as_deref(), Some("Carried in"));
    assert!(el.query_selector("[style]").unwrap().is_none());
}

#[wasm_bindgen_test]
fn an_invalid_enterprise_number_is_flagged_in_the_header() {
    let me: Me = parse(include_str!("../demo/fixtures/b/me.json")).unwrap();
    let mut bad = me.employers[0].clone();
    bad.enterprise_number = "0765432147".into();
    let good = me.employers[0].clone();
    let el =
        mount(move || view! { <EmployerHeader employer=good year=2026 /> <EmployerHeader employer=bad year=2026 /> });
    assert_eq!(texts_of(&el, ".employer-header .flag").len(), 1, "only the invalid number");
    let t = text(&el);
    assert!(
        t.contains(
            "Enterprise number 0765.432.147 (this number is not valid: check it with your employer) · Employed since"
        ),
        "{t}"
    );
}

#[wasm_bindgen_test]
async fn a_failed_resource_shows_its_error_and_retries() {
    static CALLS: AtomicU32 = AtomicU32::new(0);
    let el = mount(|| {
        let bodies = LocalResource::new(|| async {
            match CALLS.fetch_add(1, Ordering::SeqCst) {
                0 => Err(ApiError::Timeout),
                n => Ok(vec![format!(r#"{{"year": 2026, "items": [], "retries": {n}}}"#)]),
            }
        });
        let res = Remote::<Attendance>::from_bodies(bodies, |b| parse(&b[0]));
        loaded(
            res,
            |t| t.what_attended,
            "placeholder-card",
            |a: Attendance| {
                view! { <p class="ok">{format!("loaded {} with {} items", a.year, a.items.len())}</p> }
            },
        )
    });
    tick(50).await;
    let t = text(&el);
    assert!(t.contains("Your attended training: not available right now") && t.contains("took too long"), "{t}");
    let button = el.query_selector("button").unwrap().unwrap().unchecked_into::<web_sys::HtmlElement>();
    assert_eq!(button.text_content().unwrap(), "Try again");
    button.click();
    tick(50).await;
    let t = text(&el);
    assert!(t.contains("loaded 2026 with 0 items") && !t.contains("not available"), "{t}");
}

#[wasm_bindgen_test]
async fn a_body_that_breaks_the_contract_is_an_error_not_a_panic() {
    let el = mount(|| {
        let bodies = LocalResource::new(|| async {
            Ok::<_, ApiError>(vec![r#"{"year": 2026, "items": [{"employerId": 7}]}"#.to_string()])
        });
        loaded(
            Remote::<Attendance>::from_bodies(bodies, |b| parse(&b[0])),
            |t| t.what_attended,
            "placeholder-card",
            |_: Attendance| "unexpected",
        )
    });
    tick(50).await;
    let t = text(&el);
    assert!(t.contains("cannot read (items[0].employerId: invalid type: integer `7`, expected a string"), "{t}");
}

#[wasm_bindgen_test]
fn next_links_resolve_against_the_response_url() {
    let base = "http://127.0.0.1:8080/api/v1/me/trainings?limit=20";
    assert_eq!(
        resolve("trainings?limit=20&cursor=20", base).unwrap(),
        "http://127.0.0.1:8080/api/v1/me/trainings?limit=20&cursor=20"
    );
    assert_eq!(resolve("https://other.example/p?c=1", base).unwrap(), "https://other.example/p?c=1");
    assert_eq!(resolve("/v2/x", base).unwrap(), "http://127.0.0.1:8080/v2/x");
    assert!(matches!(resolve("http://[bad", base), Err(ApiError::Malformed(_))));
}

#[wasm_bindgen_test]
async fn the_switcher_changes_every_word_and_the_page_language() {
    let l: CarryOver = parse(include_str!("../demo/fixtures/a/carry-over.json")).unwrap();
    let el = mount(move || {
        view! {
            <LanguageSwitcher />
            {move || cards_view(cards::ledger(texts(), 2026, &l.items, "e1", false))}
        }
    });
    assert!(text(&el).contains("Left for 20262.5 days"), "{}", text(&el));
    let button = |lang: &str| {
        let found = el.query_selector(&format!("button[lang={lang}]")).unwrap();
        found.expect("a button for each language").unchecked_into::<web_sys::HtmlElement>()
    };
    assert_eq!(button("en").get_attribute("aria-pressed").as_deref(), Some("true"), "English is on");
    for (lang, left) in
        [("nl", "Nog over voor 20262,5 dagen"), ("fr", "Restant pour 20262,5 jours"), ("de", "Übrig für 20262,5 Tage")]
    {
        button(lang).click();
        tick(10).await;
        let t = text(&el);
        assert!(t.contains(left), "{lang}: {t}");
        let html = web_sys::window().unwrap().document().unwrap().document_element().unwrap();
        assert_eq!(html.get_attribute("lang").as_deref(), Some(lang));
        assert_eq!(button(lang).get_attribute("aria-pressed").as_deref(), Some("true"));
        assert_eq!(button("en").get_attribute("aria-pressed").as_deref(), Some("false"));
    }
    let stored = web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item("training-account.language");
    assert_eq!(stored.unwrap().as_deref(), Some("de"), "the choice is remembered");
}

/// Sets the value of the form field `id` in `el` (an input or a select) as typing or choosing does.
fn set_value(el: &web_sys::HtmlElement, id: &str, value: &str) {
    let field = el.query_selector(&format!("#{id}")).unwrap().expect("the field is there");
    js_sys::Reflect::set(&field, &"value".into(), &value.into()).unwrap();
}

/// Sends the form in `el` as its submit button does.
fn send(el: &web_sys::HtmlElement) {
    let form = el.query_selector("form").unwrap().expect("a form");
    let submit = js_sys::Reflect::get(&form, &"requestSubmit".into()).unwrap().unchecked_into::<js_sys::Function>();
    submit.call0(&form).unwrap();
}

#[wasm_bindgen_test]
async fn the_employment_form_names_every_wrong_field_then_saves_one_edit() {
    use std::cell::Cell;
    use std::rc::Rc;
    use std::sync::Arc;
    use training_account::client::device::Device;
    use training_account::contract::record::Record;
    use training_account::contract::Date;
    use training_account::domain::record_form::EmploymentForm;
    use training_account::ui::employment_form::EmploymentEditor;
    use training_account::ui::keeping::{Keeping, Storage};

    let held = Rc::new(Cell::new(None::<Keeping>));
    let (saved, closed) = (Arc::new(AtomicU32::new(0)), held.clone());
    let done = { let saved = saved.clone(); move || saved.fetch_add(1, Ordering::SeqCst) };
    let el = mount(move || {
        let device = Arc::new(Device::kept(Record::default(), Date::parse("2026-12-04").unwrap()));
        let keeping = Keeping::new(device, Storage::Memory, Callback::new(|()| {}));
        provide_context(keeping);
        closed.set(Some(keeping));
        let done = Callback::new(move |()| {
            done();
        });
        view! { <EmploymentEditor id="e1".to_string() start=EmploymentForm::blank() done /> }
    });
    let keeping = held.get().unwrap();

    send(&el);
    tick(10).await;
    assert_eq!(
        texts_of(&el, ".error-summary li"),
        ["Employer's name: fill it in.", "Start date: fill it in.", "Number of workers at the employer: fill it in."]
    );
    assert_eq!(texts_of(&el, "#employer-name-error"), ["Employer's name: fill it in."], "the error at its field too");
    let invalid = |id: &str| el.query_selector(&format!("#{id}")).unwrap().unwrap().get_attribute("aria-invalid");
    assert_eq!((invalid("employer-name").as_deref(), invalid("regime").as_deref()), (Some("true"), Some("false")));
    assert!(keeping.record.get_untracked().employments.is_empty(), "nothing saved");

    // an end before the start, and a regime over 100 %, are named; then all is right
    set_value(&el, "employer-name", "Brico");
    set_value(&el, "employment-start", "2024-05-01");
    set_value(&el, "employment-end", "2024-04-30");
    set_value(&el, "regime", "120");
    set_value(&el, "size-band", "20_OR_MORE");
    send(&el);
    tick(10).await;
    let said = texts_of(&el, ".error-summary li");
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(said[0].starts_with("End date") && said[1].starts_with("Work regime"), "{said:?}");
    assert_eq!(saved.load(Ordering::SeqCst), 0);

    set_value(&el, "employment-end", "");
    set_value(&el, "regime", "80");
    send(&el);
    tick(10).await;
    assert_eq!(saved.load(Ordering::SeqCst), 1, "saved once, and the form is done");
    let record = keeping.record.get_untracked();
    let e = &record.employments[0];
    assert_eq!((e.id.as_str(), e.employer_name.as_str(), e.regime_fraction), ("e1", "Brico", 0.8));
}
