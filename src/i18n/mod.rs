//! Every word the app shows, in Dutch, French, German and English.
//!
//! A language is one `Texts` value written out in full in its own file. A key is a field, so a
//! translation left out is a compile error (E0063), and a view can only ask for a key that exists:
//!
//! ```compile_fail,E0063
//! let half_done = training_account::i18n::Texts { app_name: "Opleidingsrekening" };
//! ```
//!
//! Texts with `{0}`, `{1}` … take their values through `fill`. Pure Rust: no Leptos, no web-sys.

mod choose;
mod de;
mod en;
mod fr;
mod nl;

/// The four languages of the app (and the contract's `preferredLanguage` codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Nl,
    Fr,
    De,
    En,
}
pub use choose::{choose, from_tag, in_query};

/// How numbers, dates and plurals are written in one language.
pub struct Format {
    pub decimal: &'static str,
    pub group: &'static str,
    pub months: [&'static str; 12],
    /// French counts everything below 2 as one ("1,5 jour"); the others only exactly 1.
    pub one_below_two: bool,
}

macro_rules! texts {
    ($($key:ident),+ $(,)?) => {
        pub struct Texts {
            pub lang: Language,
            pub format: Format,
            $(pub $key: &'static str,)+
        }

        impl Texts {
            /// Every key with its text, for the tests that compare languages.
            #[cfg(test)]
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key)),+]
            }
        }
    };
}

texts! {
    // the app around the pages
    app_name, loading_app, skip_link, language,
    config_title, config_help, config_missing, config_unreadable, config_unreachable, config_not_json, config_invalid,
    // what the service answered instead of data
    err_offline, err_timeout, err_unauthorized, err_forbidden, err_not_found, err_rate_limited_s,
    err_rate_limited, err_server, err_rejected_detail, err_rejected, err_malformed,
    err_elsewhere, err_too_large, stop_too_many, stop_nothing_new,
    loading, not_available, retry,
    // the parts of a page that load on their own, named in their error messages
    what_profile, what_right, what_attended, what_ledger, what_training,
    // dashboard
    dashboard_title, ssin, as_of, years, show_in, in_days, in_hours,
    card_entitled, card_attended, card_left, card_carried_in, card_credit, card_ledger,
    missing_right, missing_attended, missing_ledger, missing_ledger_year,
    past_employment, formula, collective_agreement, formal, informal, not_counted, last_updated,
    forfeited_on, usable_until, no_expiry, reference_period, overdrawn, carried_in_note,
    findings_title, problem_title, usage_summary, usage_used, usage_left, usage_available,
    // ledger rules the back end's figures break
    f_individual, f_total, f_attended, f_carried_out, f_chain, f_credit, f_listed, listed_wait, listed_failed,
    // impossible values
    why_negative, why_not_number, why_hours_per_day, why_regime, why_months, why_period, out_of_range,
    // employer
    all_employers, employers, combined_caption, total, combined_apart, enterprise_number, invalid_number, employed_between, employed_since, regime,
    // history
    history_title, showing_of, no_training, no_training_in, history_years, all_years, show_more_n, does_not_count,
    // one training
    back, employer, dates, duration, kind, status, counts, provider, result, paid_by, registered_by, registered_on,
    content, yes, no, provider_number, provider_invalid, certificate_until, certificate_expired, certificate, no_certificate,
    // unknown address
    nf_title, nf_text, nf_link,
    // pages: carry-over, profile
    nav_label, nav_overview, nav_ledger, nav_profile, ledger_intro, ledger_caption, chart_label, col_carried_in, col_entitled, col_attended, col_remaining, col_carried_out, year_final, year_running, check_title, check_ok, no_ledger, profile_title, name, show_number, sources_title, available_until, source_fla, source_employer, source_provider, source_other, size_under_10, size_10_to_19, size_20_or_more, enterprise, nsso, size, started, ended, work_regime, joint_committee,
    // the widget
    next_training, open_account, waiting_token,
    // the account from a kept copy, on this device
    open_title, open_intro, open_choose, open_drop, open_not_copy, open_newer, open_invalid, open_too_large, copy_banner, copy_banner_no_source, copy_banner_undated, use_online, open_another,
    // the record a person keeps on this device
    keep_title, keep_intro, keep_start, keep_this_copy, kept_banner, kept_computed, kept_how, kept_how_full_time, kept_how_pro_rata, kept_how_attended, kept_how_ledger, kept_how_leaving, kept_how_rounding, nav_record, record_title, record_intro, record_no_ssin, ssin_not_kept, record_empty, employments_title, trainings_title, add_employment, add_training, change, delete, save, cancel, delete_employment_confirm, delete_training_confirm, yes_delete, no_training_yet, fe_employer_name, fe_enterprise_number, fe_enterprise_hint, fe_start, fe_end, fe_end_hint, fe_end_reason, fe_reason_none, fe_regime, fe_regime_hint, fe_size_band, fe_choose, fe_weekly_hours, fe_weekly_hours_hint, fe_joint_committee, fe_joint_committee_hint, fe_sectoral_days, fe_sectoral_hint, fe_cba, ft_title, ft_employment, ft_provider, ft_start, ft_end, ft_end_hint, ft_hours, ft_hours_hint, ft_kind, ft_counts, ft_certificate, ft_certificate_until, errors_title, problem_required, problem_date, problem_number, problem_range, problem_checksum, problem_before_start, problem_choice, unusable, unusable_fraction, unusable_weekly_hours, unusable_dates, unusable_size_band, unusable_end_reason, unusable_sectoral_days, unusable_same_id, differences_title, difference_row, no_differences, storage_title, storage_memory, keep_on_device, storage_persisted, storage_not_persisted, storage_failed, storage_newer, changed_elsewhere, forget_all, forget_confirm, yes_forget, forgotten, offline, offline_shown, offline_title, offline_intro, offline_keep, offline_kept, offline_forget, offline_forgotten, offline_not_kept, update_ready, update_reload, install_title, install, install_ios, install_not_now,
    // signing in
    sign_in_title, sign_in_why, sign_in, signing_in, sign_out, session_ended, session_ended_help, sign_in_failed, fail_provider_down, fail_discovery, fail_denied, fail_state, fail_code, fail_clock, fail_id_token, fail_provider, widget_sign_in,
    // notices, keeping a copy
    csv_start, csv_end, csv_title, csv_hours, csv_id, copy_title, copy_intro, download_all, download_csv, print, preparing, copy_ready, copy_without, what_copy, notices_label, notice_expiring, notice_archive,
    // history search and filters
    filters_label, search, any, sort_by, sort_newest, sort_oldest, sort_longest, sort_title, apply, clear, no_match, total_duration, loading_history,
    // the contract's codes
    other_code,
    status_completed, status_not_attended, status_reserved, status_unsuitable,
    type_formal, type_informal,
    basis_statutory, basis_sectoral, basis_company,
    funding_employer, funding_sector, funding_public, funding_self, funding_other,
    by_employer, by_provider, by_government,
    forfeit_resignation, forfeit_dismissal, forfeit_other,
    // units and formats
    day, days, hour, hours, dur_h, dur_m, dur_hm, percent, date, day_range,
}

pub const LANGUAGES: [Language; 4] = [Language::Nl, Language::Fr, Language::De, Language::En];

pub fn texts(lang: Language) -> &'static Texts {
    match lang {
        Language::Nl => &nl::NL,
        Language::Fr => &fr::FR,
        Language::De => &de::DE,
        Language::En => &en::EN,
    }
}

impl Language {
    /// The language's tag: `nl`, `fr`, `de`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::Fr => "fr",
            Language::De => "de",
            Language::En => "en",
        }
    }

    /// The language's name in itself, as a language switcher shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Language::Nl => "Nederlands",
            Language::Fr => "Français",
            Language::De => "Deutsch",
            Language::En => "English",
        }
    }
}

/// `fill("Showing {0} of {1}", &["10", "25"])`; a placeholder without a value stays as it is.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let arg = match tail.as_bytes() {
            [b'{', d @ b'0'..=b'9', b'}', ..] => Some((d - b'0') as usize),
            _ => None,
        };
        match arg.and_then(|i| args.get(i)) {
            Some(value) => {
                out.push_str(value);
                rest = &tail[3..];
            }
            None => {
                out.push('{');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<String> {
        let mut found: Vec<String> = (0..10).map(|i| format!("{{{i}}}")).filter(|p| text.contains(p)).collect();
        found.sort();
        found
    }

    /// The frame index.html paints before the wasm says these words itself (scripts/frame.js):
    /// they must be the app's, or the take-over would change them before the person's eyes.
    #[test]
    fn the_frames_words_are_the_apps() {
        let frame: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>> =
            serde_json::from_str(include_str!("../../scripts/frame-words.json")).unwrap();
        assert_eq!(frame.len(), LANGUAGES.len());
        for lang in LANGUAGES {
            let t = texts(lang);
            let expected = [
                ("app_name", t.app_name),
                ("loading_app", t.loading_app),
                ("nav_ledger", t.nav_ledger),
                ("nav_overview", t.nav_overview),
                ("nav_profile", t.nav_profile),
            ];
            let words = &frame[lang.code()];
            let words: Vec<(&str, &str)> = words.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            assert_eq!(words, expected, "{}", lang.code());
        }
    }

    #[test]
    fn fill_replaces_numbered_placeholders() {
        assert_eq!(fill("Showing {0} of {1}", &["10", "25"]), "Showing 10 of 25");
        assert_eq!(fill("{1}, {0}, {1}", &["a", "b"]), "b, a, b");
        assert_eq!(fill("{2} {x} {", &["a"]), "{2} {x} {");
        assert_eq!(fill("{0}", &["{1}"]), "{1}", "values are not filled again");
    }

    /// (A missing key is a compile error; a text borrowed from English is caught below.)
    #[test]
    fn no_text_is_empty() {
        for lang in LANGUAGES {
            for (key, text) in texts(lang).entries() {
                assert!(!text.trim().is_empty(), "{lang:?} has an empty text for {key}");
            }
        }
    }

    #[test]
    fn every_translation_takes_the_same_values() {
        let en = texts(Language::En).entries();
        for lang in LANGUAGES {
            for ((key, text), (_, english)) in texts(lang).entries().into_iter().zip(&en) {
                assert_eq!(placeholders(text), placeholders(english), "{lang:?} {key}: {text:?}");
            }
        }
    }

    /// Texts that are rightly the same as in English: formats and words both languages share.
    const SAME_AS_ENGLISH: [(Language, &str); 12] = [
        (Language::Nl, "status"),
        (Language::Nl, "dur_m"),
        (Language::Nl, "percent"),
        (Language::Nl, "date"),
        (Language::Nl, "day_range"),
        (Language::Fr, "dates"),
        (Language::Fr, "kind"),
        (Language::Fr, "date"),
        (Language::Fr, "day_range"),
        (Language::De, "status"),
        (Language::De, "type_formal"),
        (Language::De, "name"),
    ];

    #[test]
    fn nothing_is_left_in_english() {
        let en = texts(Language::En).entries();
        let mut english = Vec::new();
        for lang in [Language::Nl, Language::Fr, Language::De] {
            for ((key, text), (_, en_text)) in texts(lang).entries().into_iter().zip(&en) {
                if text == *en_text && !SAME_AS_ENGLISH.contains(&(lang, key)) {
                    english.push(format!("{lang:?} {key}: {text:?}"));
                }
            }
        }
        assert!(english.is_empty(), "still English: {english:#?}");
        for (lang, key) in SAME_AS_ENGLISH {
            let text = texts(lang).entries().into_iter().find(|(k, _)| *k == key).map(|(_, t)| t);
            assert_eq!(text, en.iter().find(|(k, _)| *k == key).map(|(_, t)| *t), "{lang:?} {key} is no exception");
        }
    }

    #[test]
    fn each_table_is_its_own_language() {
        for lang in LANGUAGES {
            assert_eq!(texts(lang).lang, lang);
        }
    }
}
