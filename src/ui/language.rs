//! The language the app speaks: chosen once from what is known (see `i18n::choose`), chosen
//! again when the profile or the configuration arrives, and switched by the person at any time.
//! Only that choice is stored; a `?lang=` in a shared link is read, never written back.

use leptos::prelude::*;

use crate::i18n::{self, Language, Texts, LANGUAGES};
use crate::ui::storage;

const STORAGE_KEY: &str = "training-account.language";

#[derive(Clone, Default, PartialEq)]
struct Known {
    saved: Option<Language>,
    profile: Option<Language>,
    link: Option<Language>,
    browser: Vec<String>,
    default: Option<Language>,
}

/// The app's language, as context: `provide` it once, read it with `texts()`.
#[derive(Clone, Copy)]
pub struct Speaking {
    known: RwSignal<Known>,
}

impl Speaking {
    pub fn provide() -> Speaking {
        let window = window();
        let speaking = Speaking::known(Known {
            saved: storage::load(STORAGE_KEY).and_then(|c| i18n::from_tag(&c)),
            link: window.location().search().ok().and_then(|q| i18n::in_query(&q)),
            ..Known::default()
        });
        // the page's own language, for screen readers, spell checkers and translation tools
        Effect::new(move || {
            let t = i18n::texts(speaking.current());
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", t.lang.code());
            }
            document().set_title(t.app_name);
        });
        speaking
    }

    /// For a widget in another site's page: the language it was asked for, else the browser's;
    /// it neither reads the site's storage nor changes the site's document.
    pub fn for_widget(asked: Option<Language>) -> Speaking {
        Speaking::known(Known { link: asked, ..Known::default() })
    }

    fn known(mut known: Known) -> Speaking {
        known.browser = window().navigator().languages().iter().filter_map(|l| l.as_string()).collect();
        let speaking = Speaking { known: RwSignal::new(known) };
        provide_context(speaking);
        speaking
    }

    /// The person's own choice: shown at once and remembered on this device.
    pub fn choose(self, lang: Language) {
        storage::save(STORAGE_KEY, lang.code());
        self.known.update(|k| k.saved = Some(lang));
    }

    pub fn profile_says(self, lang: Option<Language>) {
        self.known.update(|k| k.profile = lang);
    }

    pub fn config_says(self, lang: Option<Language>) {
        self.known.update(|k| k.default = lang);
    }

    /// Chosen again on each read: a handful of comparisons, cheaper than a memo's code.
    pub fn current(self) -> Language {
        self.known.with(|k| i18n::choose(k.saved, k.profile, k.link, &k.browser, k.default))
    }
}

/// The words of the current language. Read inside a reactive closure, the closure runs again
/// when the language changes.
pub fn texts() -> &'static Texts {
    i18n::texts(expect_context::<Speaking>().current())
}

/// One fixed text that follows the language: `{tr(|t| t.history_title)}`. Every call shares one
/// closure type, so each use costs the app no new code.
pub fn tr(key: fn(&Texts) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || key(texts())
}

/// One composed text that follows the language: `{text_of(Box::new(move |t| fill(t.x, &[..])))}`.
/// Boxed, so that every such text shares one closure type too.
pub fn text_of(compose: Box<dyn Fn(&Texts) -> String + Send + Sync>) -> impl Fn() -> String + Send + Sync + 'static {
    move || compose(texts())
}

/// The four languages, each named in itself, the current one pressed.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let speaking = expect_context::<Speaking>();
    view! {
        <div class="languages" role="group" aria-label=tr(|t| t.language)>
            {LANGUAGES
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            lang=lang.code()
                            aria-pressed=move || if speaking.current() == lang { "true" } else { "false" }
                            on:click=move |_| speaking.choose(lang)
                        >
                            {lang.endonym()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
