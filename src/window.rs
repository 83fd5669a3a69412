//! Windowing math for long lists: where each row sits when some rows are
//! expanded, and which row is at a given scroll position. Plain Rust.

use std::collections::BTreeSet;

/// Height of one row, in pixels (CSS `.crow` matches it).
pub const ROW_H: f64 = 56.0;
/// Height of an expanded record's panel (CSS `.record` matches it).
pub const PANEL_H: f64 = 520.0;

/// Where row `i` starts, given the expanded rows' indices.
pub fn row_top(i: usize, expanded: &BTreeSet<usize>) -> f64 {
    i as f64 * ROW_H + expanded.range(..i).count() as f64 * PANEL_H
}

/// The row at vertical position `y` (clamped to the last row).
pub fn row_at(y: f64, total: usize, expanded: &BTreeSet<usize>) -> usize {
    let (mut lo, mut hi) = (0usize, total);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let bottom = row_top(mid, expanded)
            + ROW_H
            + if expanded.contains(&mid) {
                PANEL_H
            } else {
                0.0
            };
        if bottom <= y {
            lo = mid + 1
        } else {
            hi = mid
        }
    }
    lo.min(total.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_account_for_open_records() {
        let none = BTreeSet::new();
        assert_eq!(row_top(10, &none), 10.0 * ROW_H);
        assert_eq!(row_at(10.0 * ROW_H + 1.0, 100, &none), 10);
        let open: BTreeSet<usize> = [2].into();
        assert_eq!(row_top(3, &open), 3.0 * ROW_H + PANEL_H);
        assert_eq!(
            row_at(3.0 * ROW_H + 10.0, 100, &open),
            2,
            "inside row 2's panel"
        );
        assert_eq!(row_at(1e9, 100, &open), 99);
        assert_eq!(row_at(0.0, 0, &none), 0);
    }
}
