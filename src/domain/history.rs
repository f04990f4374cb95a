//! The training history as it is paged in: items in arrival order, without repeats, and the
//! brake on a service whose pages do not come to an end.

use crate::contract::error::PagingStop;
use crate::contract::Training;

/// Pages followed at most: 50,000 trainings at the largest page size (`MAX_PAGE_SIZE`), 10,000 from
/// a service that sends 100 a page.
pub const MAX_PAGES: usize = 100;

#[derive(Clone, Debug, Default)]
pub struct History {
    pub items: Vec<Training>,
    /// The number over all pages when the back end says it.
    pub total: Option<u32>,
    /// The absolute URL of the next page; `None` before the first page and after the last.
    pub next: Option<String>,
    /// Why no more pages are followed although the service offers one.
    pub stopped: Option<PagingStop>,
    pages: usize,
}

impl History {
    /// Adds one page; an item already shown (a page boundary that moved) is not shown twice.
    /// A page that adds nothing, or one page too many, ends the paging: what is in stays, and the
    /// service's total, which the list will not reach, is dropped.
    pub fn append(&mut self, items: Vec<Training>, total: Option<u32>, next: Option<String>) {
        let before = self.items.len();
        for t in items {
            if !self.items.iter().any(|s| s.id == t.id) {
                self.items.push(t);
            }
        }
        self.pages += 1;
        self.total = total.or(self.total);
        self.next = next;
        self.stopped = match self.next {
            None => None,
            Some(_) if self.items.len() == before => Some(PagingStop::NothingNew),
            Some(_) if self.pages >= MAX_PAGES => Some(PagingStop::TooMany),
            Some(_) => None,
        };
        if self.stopped.is_some() {
            (self.next, self.total) = (None, None);
        }
    }

    /// Before the first page, or while a `next` link is left.
    pub fn can_load_more(&self) -> bool {
        self.pages == 0 || self.next.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn training(id: &str) -> Training {
        crate::contract::decode(
            &serde_json::json!({
                "id": id, "employerId": "e1", "title": id, "startDate": "2026-01-01", "endDate": "2026-01-01",
                "durationMinutes": 60, "type": "FORMAL", "status": "COMPLETED", "countsTowardsRight": true,
                "registeredBy": "EMPLOYER"
            })
            .to_string(),
        )
        .unwrap()
    }

    #[test]
    fn pages_accumulate_without_repeats() {
        let mut h = History::default();
        assert!(h.can_load_more());
        h.append(vec![training("a"), training("b")], Some(4), Some("http://x/p2".into()));
        assert_eq!((h.items.len(), h.total, h.can_load_more()), (2, Some(4), true));
        h.append(vec![training("b"), training("c"), training("d")], None, None);
        let ids: Vec<_> = h.items.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c", "d"]);
        assert_eq!((h.total, h.can_load_more()), (Some(4), false), "a later page without a total keeps it");
    }

    #[test]
    fn a_page_with_nothing_new_stops_the_paging_with_what_is_in() {
        let mut h = History::default();
        h.append(vec![training("a"), training("b")], Some(61), Some("http://x/p".into()));
        h.append(vec![training("b"), training("a")], Some(61), Some("http://x/p".into()));
        assert_eq!(h.items.len(), 2);
        assert_eq!((h.stopped, h.total, h.can_load_more()), (Some(PagingStop::NothingNew), None, false));
    }

    proptest::proptest! {
        /// Whatever a service sends, the paging ends within MAX_PAGES pages, and it ends early
        /// only on a page that added nothing.
        #[test]
        fn paging_always_ends(pages in proptest::collection::vec(proptest::collection::vec(0u16..400, 0..6), 1..160)) {
            let mut h = History::default();
            let mut followed = 0;
            for ids in &pages {
                if !h.can_load_more() {
                    break;
                }
                let before = h.items.len();
                h.append(ids.iter().map(|i| training(&i.to_string())).collect(), None, Some("http://x/next".into()));
                followed += 1;
                match h.stopped {
                    Some(PagingStop::NothingNew) => proptest::prop_assert_eq!(h.items.len(), before),
                    Some(PagingStop::TooMany) => proptest::prop_assert_eq!(followed, MAX_PAGES),
                    None => {}
                }
            }
            proptest::prop_assert!(followed <= MAX_PAGES);
            proptest::prop_assert!(h.stopped.is_some() || h.can_load_more());
            proptest::prop_assert_eq!(h.stopped.is_some(), !h.can_load_more());
        }
    }
}
