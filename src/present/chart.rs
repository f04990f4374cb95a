//! The carry-over chart's geometry: a round scale and one slot a year, with what the year made
//! available (carried in, then the year's right, stacked) beside what was attended. Pure, so the
//! maths is tested natively; the view only writes it out as SVG.

use crate::domain::amount::Amount;
use crate::domain::figures::LedgerRow;

/// Room for the scale's numbers on the left and the years below, in SVG user units.
pub const LEFT: i64 = 44;
pub const TOP: i64 = 12;
pub const BOTTOM: i64 = 28;
pub const HEIGHT: i64 = 220;
/// Width of one year's slot: two bars and the gap between years.
pub const SLOT: i64 = 84;
const BAR: i64 = 26;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rect {
    pub x: i64,
    pub y: i64,
    pub w: i64,
    pub h: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct YearBars {
    pub year: i32,
    /// Centre of the slot, for the year's label.
    pub centre: i64,
    pub carried_in: Rect,
    pub entitled: Rect,
    pub attended: Rect,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub width: i64,
    /// Gridlines from 0 up to the top of the scale: their height and value.
    pub ticks: Vec<(i64, Amount)>,
    pub years: Vec<YearBars>,
}

/// The bottom of the plot, where 0 is.
pub const BASE: i64 = HEIGHT - BOTTOM;

/// A round step (1, 2 or 5 times a power of ten, in hundredths) that covers `max` in at most
/// five steps; at least one hundredth.
pub fn step(max: Amount) -> Amount {
    let max = max.hundredths().max(1);
    let mut power = 1;
    loop {
        for m in [1, 2, 5] {
            if max <= 5 * m * power {
                return Amount::from_hundredths(m * power);
            }
        }
        power *= 10;
    }
}

/// Height above the base for `value` on a scale whose top is `top` (both in hundredths).
fn height(value: Amount, top: Amount) -> i64 {
    let plot = BASE - TOP;
    (value.hundredths().max(0) * plot + top.hundredths() / 2) / top.hundredths()
}

/// The chart of the ledger's years in the order given (the back end's, oldest first).
pub fn layout(rows: &[LedgerRow]) -> Chart {
    let max = rows.iter().map(|r| r.available().max(r.attended)).max().unwrap_or(Amount::ZERO);
    let step = step(max);
    let count = (max.hundredths() + step.hundredths() - 1) / step.hundredths();
    let top = Amount::from_hundredths(count.max(1) * step.hundredths());
    let ticks = (0..=count.max(1))
        .map(|i| {
            let value = Amount::from_hundredths(i * step.hundredths());
            (BASE - height(value, top), value)
        })
        .collect();
    let years = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let left = LEFT + i as i64 * SLOT + (SLOT - 2 * BAR - 4) / 2;
            let h_in = height(r.carried_in, top);
            let h_available = height(r.available(), top);
            let h_attended = height(r.attended, top);
            YearBars {
                year: r.year,
                centre: LEFT + i as i64 * SLOT + SLOT / 2,
                carried_in: Rect { x: left, y: BASE - h_in, w: BAR, h: h_in },
                entitled: Rect { x: left, y: BASE - h_available, w: BAR, h: h_available - h_in },
                attended: Rect { x: left + BAR + 4, y: BASE - h_attended, w: BAR, h: h_attended },
            }
        })
        .collect();
    Chart { width: LEFT + rows.len().max(1) as i64 * SLOT + 8, ticks, years }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn row(year: i32, carried_in: i64, entitled: i64, attended: i64) -> LedgerRow {
        let a = Amount::from_hundredths;
        LedgerRow {
            year,
            carried_in: a(carried_in),
            entitled: a(entitled),
            attended: a(attended),
            carried_out: Amount::ZERO,
            is_final: true,
        }
    }

    #[test]
    fn steps_are_round() {
        let s = |h| step(Amount::from_hundredths(h)).hundredths();
        assert_eq!([s(0), s(5), s(40), s(420), s(550), s(1000), s(3040)], [1, 1, 10, 100, 200, 200, 1000]);
    }

    #[test]
    fn persona_b_ledger() {
        let chart = layout(&[row(2024, 0, 240, 200), row(2025, 40, 240, 280), row(2026, 0, 420, 250)]);
        // max 4.2 days: steps of 1 day up to 5
        let values: Vec<_> = chart.ticks.iter().map(|t| t.1.hundredths()).collect();
        assert_eq!(values, [0, 100, 200, 300, 400, 500]);
        assert_eq!(chart.ticks[0].0, BASE);
        assert_eq!(chart.ticks[5].0, TOP);
        let y2025 = &chart.years[1];
        // 0.4 of 5 days over a plot of 180 units
        assert_eq!(y2025.carried_in.h, 14);
        assert_eq!(y2025.carried_in.h + y2025.entitled.h, 101);
        assert_eq!(y2025.attended.h, 101);
        assert_eq!(chart.width, LEFT + 3 * SLOT + 8);
    }

    #[test]
    fn an_empty_ledger_still_has_a_scale() {
        let chart = layout(&[]);
        assert_eq!(chart.ticks.len(), 2);
        assert!(chart.years.is_empty());
    }

    proptest! {
        #[test]
        fn bars_stay_inside_the_plot_and_in_proportion(
            rows in prop::collection::vec((0i64..100_000, 0i64..100_000, 0i64..100_000), 1..8)
        ) {
            let rows: Vec<_> = rows.iter().enumerate().map(|(i, &(c, e, a))| row(2020 + i as i32, c, e, a)).collect();
            let chart = layout(&rows);
            let top = chart.ticks.last().unwrap().1;
            prop_assert!(chart.ticks.len() <= 6 && chart.ticks.len() >= 2);
            prop_assert!(chart.ticks.windows(2).all(|w| w[0].0 > w[1].0 && w[0].1 < w[1].1));
            for (bars, r) in chart.years.iter().zip(&rows) {
                prop_assert!(r.available() <= top && r.attended <= top);
                for rect in [bars.carried_in, bars.entitled, bars.attended] {
                    prop_assert!(rect.h >= 0 && rect.y >= TOP && rect.y + rect.h <= BASE);
                    prop_assert!(rect.x >= LEFT && rect.x + rect.w <= chart.width);
                }
                // the stack ends where the available amount is, and more attended is never lower
                prop_assert_eq!(bars.entitled.y, BASE - height(r.available(), top));
                if r.attended >= r.available() {
                    prop_assert!(bars.attended.h >= bars.carried_in.h + bars.entitled.h);
                }
            }
        }
    }
}
