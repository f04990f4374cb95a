//! Finding trainings in the history: filters by employer, type, status and whether a training
//! counts towards the right, a search in title and provider, and the order. All of it lives in
//! the address (`?employer=e1&type=FORMAL&q=excel&sort=title`), so a link shows the same list.

use crate::contract::{Code, Status, Training, TrainingType};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest start date first, as the contract sends them.
    #[default]
    Newest,
    Oldest,
    Longest,
    Title,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Newest, Sort::Oldest, Sort::Longest, Sort::Title];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Longest => "longest",
            Sort::Title => "title",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub employer: Option<String>,
    pub kind: Option<Code<TrainingType>>,
    pub status: Option<Code<Status>>,
    pub counts: Option<bool>,
    /// Searched for in title and provider, letters of any case.
    pub text: String,
    pub sort: Sort,
}

impl Filter {
    /// From the address (or a submitted form): unknown values are left out.
    pub fn read(get: impl Fn(&str) -> Option<String>) -> Filter {
        let value = |key: &str| get(key).map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        Filter {
            employer: value("employer"),
            kind: value("type").map(|v| Code::from_raw(&v)),
            status: value("status").map(|v| Code::from_raw(&v)),
            counts: value("counts").and_then(|v| match v.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            }),
            text: value("q").unwrap_or_default(),
            sort: value("sort").and_then(|v| Sort::ALL.into_iter().find(|s| s.code() == v)).unwrap_or_default(),
        }
    }

    /// The filter as the address holds it: only what differs from showing everything, newest first.
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        let pairs = [
            ("employer", self.employer.as_deref()),
            ("type", self.kind.as_ref().map(Code::raw)),
            ("status", self.status.as_ref().map(Code::raw)),
            ("counts", self.counts.map(|c| if c { "yes" } else { "no" })),
            ("q", Some(self.text.as_str()).filter(|q| !q.is_empty())),
            ("sort", Some(self.sort.code()).filter(|_| self.sort != Sort::Newest)),
        ];
        pairs.into_iter().filter_map(|(k, v)| Some((k, v?))).collect()
    }

    /// The filter's part of the address, added to `address` (which may have a query already).
    pub fn address(&self, address: String) -> String {
        super::address::with_query(address, self.pairs())
    }

    /// What the form's field `key` shows: the address's value, empty for "all", and the order's
    /// code even when it is the default (the address leaves newest first out).
    pub fn value(&self, key: &str) -> &str {
        match key {
            "sort" => self.sort.code(),
            _ => self.pairs().into_iter().find(|(k, _)| *k == key).map_or("", |(_, v)| v),
        }
    }

    /// The same filter searching for `text` as typed (the spaces around it do not count).
    pub fn with_text(&self, text: &str) -> Filter {
        Filter { text: text.trim().to_string(), ..self.clone() }
    }

    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    fn keeps(&self, tr: &Training, text: &str) -> bool {
        let found = |s: &str| s.to_ascii_lowercase().contains(text);
        self.employer.as_ref().is_none_or(|e| *e == tr.employer_id)
            && self.kind.as_ref().is_none_or(|k| *k == tr.kind)
            && self.status.as_ref().is_none_or(|s| *s == tr.status)
            && self.counts.is_none_or(|c| c == tr.counts_towards_right)
            && (text.is_empty() || found(&tr.title) || tr.provider.as_ref().is_some_and(|p| found(&p.name)))
    }

    /// Where in `items` the trainings this filter keeps are, in its order: positions, so a long
    /// history is filtered and ordered without a copy of it.
    pub fn kept(&self, items: &[Training]) -> Vec<usize> {
        let text = self.text.to_ascii_lowercase();
        let mut kept: Vec<usize> = (0..items.len()).filter(|&i| self.keeps(&items[i], &text)).collect();
        // one comparison for every order: each sort call would ship its own copy of the sort
        let folded = |s: &str| s.bytes().map(|b| b.to_ascii_lowercase()).collect::<Vec<u8>>();
        kept.sort_by(|&a, &b| {
            let (a, b) = (&items[a], &items[b]);
            match self.sort {
                Sort::Newest => b.start_date.cmp(&a.start_date),
                Sort::Oldest => a.start_date.cmp(&b.start_date),
                Sort::Longest => b.duration_minutes.cmp(&a.duration_minutes),
                Sort::Title => folded(&a.title).cmp(&folded(&b.title)),
            }
        });
        kept
    }

    /// The trainings this filter keeps, in its order.
    pub fn apply<'a>(&self, items: &'a [Training]) -> Vec<&'a Training> {
        at(items, &self.kept(items))
    }
}

/// The trainings at the positions `kept` (see `Filter::kept`), in its order.
pub fn at<'a>(items: &'a [Training], kept: &[usize]) -> Vec<&'a Training> {
    kept.iter().map(|&i| &items[i]).collect()
}

/// How long the trainings last together, in minutes.
pub fn total_minutes(items: &[&Training]) -> u32 {
    items.iter().fold(0u32, |sum, tr| sum.saturating_add(tr.duration_minutes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo_trainings;
    use proptest::prelude::*;

    /// The filter a query string asks for.
    fn query(q: &str) -> Filter {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(q.as_bytes()).into_owned().collect();
        Filter::read(|key| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    }

    #[test]
    fn the_address_round_trips() {
        let f = query("employer=e1&type=FORMAL&status=COMPLETED&counts=no&q=Excel+voor&sort=title");
        assert_eq!(f.kind, Some(Code::Known(TrainingType::Formal)));
        assert_eq!(f.counts, Some(false));
        assert_eq!(f.text, "Excel voor");
        let address = f.address("/?year=2025".into());
        assert_eq!(address, "/?year=2025&employer=e1&type=FORMAL&status=COMPLETED&counts=no&q=Excel+voor&sort=title");
        assert_eq!(query(address.split_once('?').unwrap().1), f);
        assert_eq!(Filter::default().address("/".into()), "/");
        assert_eq!(query("type=&counts=maybe&sort=sideways"), Filter::default(), "nonsense is left out");
        assert_eq!(
            query("status=POSTPONED").address("/".into()),
            "/?status=POSTPONED",
            "codes outside the contract too"
        );
    }

    #[test]
    fn typing_changes_the_search_only() {
        let f = query("type=FORMAL&q=excel&sort=title");
        let typed = f.with_text("  brand preventie ");
        assert_eq!(typed.text, "brand preventie", "as the address would read it back");
        assert_eq!(Filter { text: f.text.clone(), ..typed.clone() }, f, "the rest kept");
        assert_eq!(query("type=FORMAL&sort=title"), f.with_text("   "), "nothing typed: no search");
    }

    #[test]
    fn each_field_reads_its_value_from_the_address() {
        let f = query("employer=e2&status=POSTPONED&counts=no&sort=oldest");
        let values: Vec<_> = ["employer", "type", "status", "counts", "q", "sort"].map(|k| f.value(k)).into();
        assert_eq!(values, ["e2", "", "POSTPONED", "no", "", "oldest"]);
        assert_eq!(Filter::default().value("sort"), "newest", "the default order is shown too");
        assert_eq!(Filter::default().value("q"), "");
    }

    #[test]
    fn filters_search_and_order() {
        let all = demo_trainings("a");
        let titles = |f: &Filter| f.apply(&all).iter().map(|t| t.title.clone()).collect::<Vec<_>>();
        assert_eq!(Filter::default().apply(&all).len(), all.len());
        let excel = titles(&query("q=EXCEL"));
        assert!(!excel.is_empty() && excel.iter().all(|t| t.to_lowercase().contains("excel")));
        let by_provider = query("q=syntra").apply(&all);
        assert!(
            !by_provider.is_empty() && by_provider.iter().all(|t| t.provider.as_ref().unwrap().name.contains("Syntra"))
        );
        let not_counted = query("counts=no").apply(&all);
        assert!(!not_counted.is_empty() && not_counted.iter().all(|t| !t.counts_towards_right));
        let reserved = query("status=RESERVED&type=FORMAL").apply(&all);
        assert_eq!(reserved.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), ["t-2026-next"]);
        assert!(query("employer=e9").apply(&all).is_empty());
        let by_title = titles(&query("sort=title"));
        assert!(by_title.windows(2).all(|w| w[0].to_ascii_lowercase() <= w[1].to_ascii_lowercase()));
    }

    fn code<T: crate::contract::KnownCode + Copy + std::fmt::Debug>(
        codes: Vec<&'static str>,
    ) -> impl Strategy<Value = Option<Code<T>>> {
        proptest::option::of(proptest::sample::select(codes).prop_map(|c| Code::from_raw(c)))
    }

    fn filter() -> impl Strategy<Value = Filter> {
        (
            proptest::option::of(proptest::sample::select(vec!["e1", "e2"]).prop_map(String::from)),
            code(vec!["FORMAL", "INFORMAL", "LATER"]),
            code(vec!["COMPLETED", "RESERVED", "LATER"]),
            proptest::option::of(any::<bool>()),
            "[a-zA-Z]{0,2}",
            proptest::sample::select(Sort::ALL.to_vec()),
        )
            .prop_map(|(employer, kind, status, counts, text, sort)| Filter {
                employer,
                kind,
                status,
                counts,
                text,
                sort,
            })
    }

    proptest! {
        /// A training is kept when it matches every criterion chosen, and the kept ones come in
        /// the chosen order.
        #[test]
        fn a_filter_keeps_what_matches_every_criterion_in_its_order(
            items in crate::domain::generated::trainings(40),
            f in filter(),
        ) {
            let kept = f.apply(&items);
            let text = f.text.to_lowercase();
            for t in &items {
                let in_title_or_provider = t.title.to_lowercase().contains(&text)
                    || t.provider.as_ref().is_some_and(|p| p.name.to_lowercase().contains(&text));
                let matches = f.employer.as_ref().is_none_or(|e| *e == t.employer_id)
                    && f.kind.as_ref().is_none_or(|k| k.raw() == t.kind.raw())
                    && f.status.as_ref().is_none_or(|s| s.raw() == t.status.raw())
                    && f.counts.is_none_or(|c| c == t.counts_towards_right)
                    && in_title_or_provider;
                prop_assert_eq!(kept.iter().any(|k| k.id == t.id), matches, "{}", t.id);
            }
            let ordered = kept.windows(2).all(|w| match f.sort {
                Sort::Newest => w[0].start_date >= w[1].start_date,
                Sort::Oldest => w[0].start_date <= w[1].start_date,
                Sort::Longest => w[0].duration_minutes >= w[1].duration_minutes,
                Sort::Title => w[0].title.to_lowercase() <= w[1].title.to_lowercase(),
            });
            prop_assert!(ordered);
            prop_assert_eq!(u64::from(total_minutes(&kept)), kept.iter().map(|t| u64::from(t.duration_minutes)).sum::<u64>());
        }

        /// What the address says is what the filter was, whatever was typed in the search.
        #[test]
        fn the_address_of_any_filter_reads_back_as_it(f in filter(), typed in "[a-zA-Z &=+%#?é]{0,8}") {
            let f = f.with_text(&typed);
            let address = f.address("/?year=2025".into());
            prop_assert_eq!(query(address.split_once('?').unwrap().1), f);
        }
    }
}
