//! What the address asks for: `?year=` (the figures) and `?history-year=` (the history filter).

use leptos::prelude::*;
use leptos_router::params::ParamsMap;

use crate::domain::years;

/// The year under `key` in the query, when it is a plausible one. Read where it is called from,
/// so a reactive closure that calls it runs again when the address changes.
#[inline(never)]
pub fn year_in(query: Memo<ParamsMap>, key: &str) -> Option<i32> {
    query.read().get(key).and_then(|y| years::from_query(&y))
}
