//! Windowing math for long lists whose rows differ in height: a row is
//! measured once it is on screen (a card at a narrow width, larger text, an
//! open record), and until then counts as the typical measured row. Where
//! each row starts, the list's height and which row is at a scroll position
//! all take O(log n) (a Fenwick tree over the heights), so 50,000 rows stay
//! cheap. Plain Rust.

/// The heights of a list's rows, measured or estimated.
#[derive(Clone, Debug)]
pub struct RowHeights {
    /// Each row's measured height; `None` until it has been on screen.
    measured: Vec<Option<f64>>,
    /// The height an unmeasured row counts as.
    estimate: f64,
    /// Sum and count of the measured closed rows (the estimate is their mean).
    sample: (f64, usize),
    /// Fenwick tree over the rows' current heights (1-based).
    tree: Vec<f64>,
}

/// How far apart two heights must be to count as a change (sub-pixel
/// rounding must not loop measurements and layout).
const EPSILON: f64 = 0.5;

impl RowHeights {
    /// `len` rows, each `estimate` pixels tall until measured.
    pub fn new(len: usize, estimate: f64) -> Self {
        let mut rows = Self {
            measured: vec![None; len],
            estimate,
            sample: (0.0, 0),
            tree: Vec::new(),
        };
        rows.rebuild();
        rows
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.measured.len()
    }

    /// Whether the list has no rows.
    pub fn is_empty(&self) -> bool {
        self.measured.is_empty()
    }

    /// The height an unmeasured row counts as.
    pub fn estimate(&self) -> f64 {
        self.estimate
    }

    fn height(&self, i: usize) -> f64 {
        self.measured[i].unwrap_or(self.estimate)
    }

    /// Builds the tree from the heights in O(n).
    fn rebuild(&mut self) {
        let n = self.len();
        self.tree = vec![0.0; n + 1];
        for i in 0..n {
            self.tree[i + 1] += self.height(i);
            let parent = (i + 1) + ((i + 1) & (i + 1).wrapping_neg());
            if parent <= n {
                let carried = self.tree[i + 1];
                self.tree[parent] += carried;
            }
        }
    }

    fn add(&mut self, i: usize, delta: f64) {
        let mut k = i + 1;
        while k < self.tree.len() {
            self.tree[k] += delta;
            k += k & k.wrapping_neg();
        }
    }

    /// Starts over with `len` rows of new content: what was measured belonged
    /// to other rows, but the typical height stays the best estimate.
    pub fn reset(&mut self, len: usize) {
        self.measured = vec![None; len];
        self.rebuild();
    }

    /// Counts `len` rows of the same content (some rows more or fewer): the
    /// rows still there keep their measures.
    pub fn resize(&mut self, len: usize) {
        self.measured.resize(len, None);
        self.rebuild();
    }

    /// Records row `i`'s height as measured on screen. `typical` says whether
    /// it may shape the estimate (a row with its record open may not).
    /// Returns whether any row moved.
    pub fn measure(&mut self, i: usize, height: f64, typical: bool) -> bool {
        if i >= self.len() || !height.is_finite() || height < 0.0 {
            return false;
        }
        let before = self.height(i);
        if typical && self.measured[i].is_none() {
            self.sample.0 += height;
            self.sample.1 += 1;
        }
        let estimate = self.sample.0 / self.sample.1.max(1) as f64;
        if self.sample.1 > 0 && (estimate - self.estimate).abs() >= EPSILON {
            // Every unmeasured row takes the new typical height.
            self.measured[i] = Some(height);
            self.estimate = estimate;
            self.rebuild();
            true
        } else if (height - before).abs() >= EPSILON {
            self.measured[i] = Some(height);
            self.add(i, height - before);
            true
        } else {
            // As good as what the tree holds: kept as that, so the two agree.
            self.measured[i] = Some(before);
            false
        }
    }

    /// Where row `i` starts (the sum of the heights above it).
    pub fn top(&self, i: usize) -> f64 {
        let mut k = i.min(self.len());
        let mut sum = 0.0;
        while k > 0 {
            sum += self.tree[k];
            k -= k & k.wrapping_neg();
        }
        sum
    }

    /// The whole list's height.
    pub fn total(&self) -> f64 {
        self.top(self.len())
    }

    /// The row at vertical position `y` (clamped to the first and last row).
    pub fn row_at(&self, y: f64) -> usize {
        let n = self.len();
        if n == 0 {
            return 0;
        }
        // Descend the tree: the largest `pos` whose rows above end at or before `y`.
        let mut pos = 0;
        let mut rest = y.max(0.0);
        let mut step = n.next_power_of_two();
        while step > 0 {
            let next = pos + step;
            if next <= n && self.tree[next] <= rest {
                pos = next;
                rest -= self.tree[next];
            }
            step >>= 1;
        }
        pos.min(n - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same questions answered by adding the heights one by one.
    fn naive_top(heights: &[f64], i: usize) -> f64 {
        heights[..i].iter().sum()
    }

    #[test]
    fn unmeasured_rows_count_as_the_estimate() {
        let rows = RowHeights::new(50_000, 56.0);
        assert_eq!(rows.top(10), 560.0);
        assert_eq!(rows.total(), 50_000.0 * 56.0);
        assert_eq!(rows.row_at(10.0 * 56.0 + 1.0), 10);
        assert_eq!(
            rows.row_at(10.0 * 56.0),
            10,
            "a row starts where the one above ends"
        );
        assert_eq!(rows.row_at(1e12), 49_999);
        assert_eq!(rows.row_at(-5.0), 0);
        assert_eq!(RowHeights::new(0, 56.0).row_at(100.0), 0);
    }

    #[test]
    fn measured_rows_move_the_rows_below_them() {
        let mut rows = RowHeights::new(100, 56.0);
        // Row 2 opens its record: taller, and not typical.
        assert!(rows.measure(2, 700.0, false));
        assert_eq!(
            rows.estimate(),
            56.0,
            "an open record does not change the estimate"
        );
        assert_eq!(rows.top(3), 2.0 * 56.0 + 700.0);
        assert_eq!(rows.row_at(3.0 * 56.0 + 10.0), 2, "inside row 2's record");
        assert_eq!(rows.row_at(2.0 * 56.0 + 700.0), 3);
        // Measuring the same height again changes nothing.
        assert!(!rows.measure(2, 700.2, false));
        // Closed again.
        rows.measure(2, 56.0, false);
        assert!((rows.top(3) - 3.0 * 56.0).abs() < 1e-9);
    }

    #[test]
    fn the_estimate_follows_the_measured_rows() {
        // At a narrow width every row is a card, taller than the first guess.
        let mut rows = RowHeights::new(1_000, 56.0);
        for i in 0..10 {
            rows.measure(i, 180.0, true);
        }
        assert_eq!(rows.estimate(), 180.0);
        assert_eq!(
            rows.total(),
            1_000.0 * 180.0,
            "unmeasured rows take the new estimate"
        );
        // New content (another search) keeps the estimate, drops the measures.
        rows.measure(3, 400.0, false);
        rows.reset(20);
        assert_eq!(rows.total(), 20.0 * 180.0);
        // The same content, one row more: the measured rows keep their height.
        rows.measure(0, 300.0, false);
        rows.resize(21);
        assert_eq!(rows.total(), 300.0 + 20.0 * 180.0);
    }

    #[test]
    fn positions_agree_with_adding_the_heights_up() {
        // A deterministic mix of measured and unmeasured rows.
        let n = 997;
        let mut rows = RowHeights::new(n, 56.0);
        let mut heights = vec![56.0; n];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..400 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let i = (x % n as u64) as usize;
            let h = 20.0 + (x >> 20) as f64 % 600.0;
            rows.measure(i, h, false);
            heights[i] = h;
        }
        for i in [0, 1, 2, 63, 64, 65, 500, 996, 997] {
            assert!(
                (rows.top(i) - naive_top(&heights, i)).abs() < 1e-6,
                "top({i})"
            );
        }
        for i in (0..n).step_by(7) {
            let y = naive_top(&heights, i) + heights[i] / 2.0;
            assert_eq!(rows.row_at(y), i, "row at the middle of row {i}");
        }
    }
}
