//! Which language to show: the person's own choice first, a shared link never over it.

use super::Language;

/// The saved choice, else the profile's `preferredLanguage`, else a `?lang=` in the address, else
/// the first of the browser's languages the app has, else the configured default, else English.
pub fn choose(
    saved: Option<Language>,
    profile: Option<Language>,
    link: Option<Language>,
    browser: &[String],
    default: Option<Language>,
) -> Language {
    saved
        .or(profile)
        .or(link)
        .or_else(|| browser.iter().find_map(|tag| from_tag(tag)))
        .or(default)
        .unwrap_or(Language::En)
}

/// `nl-BE`, `fr`, `DE-de` -> the language; `es-ES`, `` -> `None`.
pub fn from_tag(tag: &str) -> Option<Language> {
    let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
    super::LANGUAGES.into_iter().find(|l| l.code() == primary)
}

/// The language a shared link asks for: `?lang=fr` anywhere in the query.
pub fn in_query(search: &str) -> Option<Language> {
    search.trim_start_matches('?').split('&').find_map(|pair| from_tag(pair.strip_prefix("lang=")?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::*;

    fn tags(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_order_of_preference() {
        let browser = tags(&["es-ES", "de-BE", "fr"]);
        assert_eq!(choose(Some(En), Some(Nl), Some(Fr), &browser, Some(Nl)), En, "a saved choice wins over all");
        assert_eq!(choose(None, Some(Nl), Some(Fr), &browser, Some(Fr)), Nl, "then the profile");
        assert_eq!(choose(None, None, Some(Fr), &browser, Some(Nl)), Fr, "then a link");
        assert_eq!(choose(None, None, None, &browser, Some(Nl)), De, "then the first browser language we have");
        assert_eq!(choose(None, None, None, &tags(&["es", "pt-BR"]), Some(Fr)), Fr, "then the configured default");
        assert_eq!(choose(None, None, None, &[], None), En);
    }

    #[test]
    fn tags_and_queries() {
        assert_eq!(from_tag("nl-BE"), Some(Nl));
        assert_eq!(from_tag("FR_be"), Some(Fr));
        assert_eq!(from_tag("en"), Some(En));
        assert_eq!(from_tag("es-ES"), None);
        assert_eq!(from_tag(""), None);
        assert_eq!(in_query("?year=2025&lang=de"), Some(De));
        assert_eq!(in_query("?lang=xx"), None);
        assert_eq!(in_query("?slang=fr"), None);
        assert_eq!(in_query(""), None);
    }
}
