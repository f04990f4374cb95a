//! Which years the account can show, and the year a link asks for.

use chrono::Datelike;

use crate::contract::{Date, Employment, Me, Source};

/// The day an employment ended, when that was before `year`: it then has no right or
/// attendance that year, only the balance it left.
pub fn ended_before(employment: &Employment, year: i32) -> Option<Date> {
    employment.end_date.filter(|d| d.0.year() < year)
}

/// Every year a source of the back end holds, with the current and the shown year: oldest first.
pub fn on_record(sources: &[Source], current: i32, shown: i32) -> Vec<i32> {
    let mut years = Vec::new();
    // insertion into a sorted list: a handful of years, and no sort routine shipped for them
    for year in sources.iter().flat_map(|s| s.years.iter().copied()).chain([current, shown]) {
        if let Err(at) = years.binary_search(&year) {
            years.insert(at, year);
        }
    }
    years
}

/// The years a copy of the whole account holds: every year on record and `current`; only
/// `current` without the profile.
pub fn in_copy(me: Option<&Me>, current: i32) -> Vec<i32> {
    on_record(me.map_or(&[][..], |me| &me.sources), current, current)
}

/// `?year=2025` -> 2025; anything that is not a plausible year is ignored.
pub fn from_query(value: &str) -> Option<i32> {
    value.parse().ok().filter(|y| (2000..=2100).contains(y))
}

/// The dashboard's address: the year of its figures (`None`: this year) and the year its history
/// is filtered to (`None`: all years).
pub fn address(figures: Option<i32>, history: Option<i32>) -> String {
    match (figures, history) {
        (None, None) => "/".into(),
        (Some(y), None) => format!("/?year={y}"),
        (None, Some(h)) => format!("/?history-year={h}"),
        (Some(y), Some(h)) => format!("/?year={y}&history-year={h}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::decode;

    #[test]
    fn years_from_every_source_with_the_current_and_shown_one() {
        let sources: Vec<Source> =
            [r#"{"kind":"FLA_ARCHIVE","years":[2025,2024]}"#, r#"{"kind":"EMPLOYER","years":[2026,2025]}"#]
                .iter()
                .map(|s| decode(s).unwrap())
                .collect();
        assert_eq!(on_record(&sources, 2026, 2026), [2024, 2025, 2026]);
        assert_eq!(on_record(&sources, 2027, 2022), [2022, 2024, 2025, 2026, 2027]);
        assert_eq!(on_record(&[], 2026, 2026), [2026]);
    }

    #[test]
    fn addresses() {
        assert_eq!(address(None, None), "/");
        assert_eq!(address(Some(2025), None), "/?year=2025");
        assert_eq!(address(None, Some(2024)), "/?history-year=2024");
        assert_eq!(address(Some(2025), Some(2024)), "/?year=2025&history-year=2024");
    }

    #[test]
    fn only_plausible_years_from_a_link() {
        assert_eq!(from_query("2025"), Some(2025));
        assert_eq!(from_query("1999"), None);
        assert_eq!(from_query("20x5"), None);
        assert_eq!(from_query(""), None);
        assert_eq!(from_query("-2025"), None);
    }
}
