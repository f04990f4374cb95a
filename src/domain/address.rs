//! Values in addresses, the app's own (`/trainings/t-1`, `?q=excel`) and the API's, escaped by
//! the url family's kept crates.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986's unreserved characters is escaped in a path segment: an id such as
/// `t/../x` stays one segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// One path segment: `/trainings/{segment(id)}`.
pub fn segment(value: &str) -> String {
    utf8_percent_encode(value, SEGMENT).to_string()
}

/// `address` with `pairs` added to its query (it may have one already); unchanged without pairs.
pub fn with_query<'a>(address: String, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let query = form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
    match (query.is_empty(), address.contains('?')) {
        (true, _) => address,
        (false, true) => format!("{address}&{query}"),
        (false, false) => format!("{address}?{query}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever an id holds, it is one segment that reads back as the id.
        #[test]
        fn a_segment_is_one_segment(id in "\\PC{0,30}") {
            let s = segment(&id);
            prop_assert!(!s.contains(['/', '?', '#', ' ']));
            prop_assert_eq!(percent_encoding::percent_decode_str(&s).decode_utf8().unwrap(), id);
        }

        /// Pairs added to an address read back as they were, after what it held.
        #[test]
        fn pairs_read_back(pairs in prop::collection::vec(("[a-z-]{1,8}", "\\PC{0,12}"), 0..5), had_query: bool) {
            let base = if had_query { "/?year=2025" } else { "/" };
            let address = with_query(base.into(), pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            let query = address.split_once('?').map_or("", |(_, q)| q);
            let read: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
            let before = usize::from(had_query);
            prop_assert_eq!(&read[before..], &pairs[..]);
            prop_assert_eq!(address == base, pairs.is_empty());
        }
    }
}
