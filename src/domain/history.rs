//! The training history as it is paged in: items in arrival order, without repeats.

use crate::contract::Training;

#[derive(Clone, Debug, Default)]
pub struct History {
    pub items: Vec<Training>,
    /// The number over all pages when the back end says it.
    pub total: Option<u32>,
    /// The absolute URL of the next page; `None` before the first page and after the last.
    pub next: Option<String>,
    started: bool,
}

impl History {
    /// Adds one page; an item already shown (a page boundary that moved) is not shown twice.
    pub fn append(&mut self, items: Vec<Training>, total: Option<u32>, next: Option<String>) {
        for t in items {
            if !self.items.iter().any(|s| s.id == t.id) {
                self.items.push(t);
            }
        }
        self.total = total.or(self.total);
        self.next = next;
        self.started = true;
    }

    /// Before the first page, or while a `next` link is left.
    pub fn can_load_more(&self) -> bool {
        !self.started || self.next.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn training(id: &str) -> Training {
        crate::contract::json::parse(
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
}
