//! The words of a card's usage bar (see `cards::Usage`): one sentence for screen readers and the
//! three keys of its legend.

use crate::i18n::{fill, Texts};
use crate::present::cards::Usage;

#[derive(Clone, Debug, PartialEq)]
pub struct UsageWords {
    /// The bar's text alternative.
    pub summary: String,
    pub used: String,
    pub left: String,
    pub available: String,
}

pub fn words(t: &Texts, usage: &Usage) -> UsageWords {
    let Usage { used, left, available, .. } = usage;
    UsageWords {
        summary: fill(t.usage_summary, &[used, available, left]),
        used: fill(t.usage_used, &[used]),
        left: fill(t.usage_left, &[left]),
        available: fill(t.usage_available, &[available]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{texts, Language};

    #[test]
    fn the_bar_in_words() {
        let usage =
            Usage { used_per_mille: 545, used: "3 days".into(), left: "2.5 days".into(), available: "5.5 days".into() };
        let w = words(texts(Language::En), &usage);
        assert_eq!(w.summary, "Used 3 days of 5.5 days; 2.5 days left.");
        assert_eq!(w.used, "Used: 3 days");
        assert!(w.left.contains("2.5 days") && w.available.contains("5.5 days"), "{w:?}");
    }
}
