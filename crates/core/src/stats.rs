//! Pure statistics over aligned columns: `(&[Option<f64>], params) -> Vec<Option<f64>>`.
//!
//! Every output has the length of its input and index `i` describes the same date as
//! input index `i`. Windows trail (index `i` uses `i+1-window ..= i`, no look-ahead) and
//! yield a gap (`None`) — never an invented value — whenever the window is not full or
//! holds a gap. The one documented exception is [`rolling_correlation_pairwise`], whose
//! window is made of the last days on which *both* columns have a value (with a cap on how
//! far back it may reach), for two columns with different holidays.

/// Daily log returns `ln(p[i] / p[i-1])`; `None` at index 0 and wherever either price is
/// a gap or not strictly positive.
pub fn log_returns(prices: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut out = Vec::with_capacity(prices.len());
    let mut prev: Option<f64> = None;
    for &p in prices {
        out.push(match (prev, p) {
            (Some(a), Some(b)) if a > 0.0 && b > 0.0 => Some((b / a).ln()),
            _ => None,
        });
        prev = p;
    }
    out
}

/// First differences `x[i] - x[i-1]` (for rates such as a bond yield, whose log return
/// means little); `None` at index 0 and next to gaps.
pub fn differences(values: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut out = Vec::with_capacity(values.len());
    let mut prev: Option<f64> = None;
    for &v in values {
        out.push(match (prev, v) {
            (Some(a), Some(b)) => Some(b - a),
            _ => None,
        });
        prev = v;
    }
    out
}

/// Pearson's r of the points, by the two-pass formula (means first, then centred sums),
/// which has no cancellation of raw sums of squares. `None` when either column is
/// constant, or when a centred sum overflows (values beyond about 1e150).
pub(crate) fn pearson(points: impl Iterator<Item = (f64, f64)> + Clone) -> Option<f64> {
    Moments::afresh(points).centred().and_then(Centred::correlation)
}

/// Trailing rolling Pearson correlation of `x` and `y` over `window` points.
///
/// `None` until the window is full, while it holds a gap in either input, or when either
/// input is constant over the window. Inputs of unequal length are compared over the
/// shorter; the output has the length of `x`. A `window` below 2 yields all gaps.
///
/// O(n) with no drift: each window's moments are slid one-in, one-out from the previous
/// window's ([`Moments`]), about a shift fixed when they were last computed afresh by the
/// two-pass formula, and computed afresh again (i) after [`SLIDES_LIMIT`] windows' worth of
/// slides, so rounding never outlives a few windows, and (ii) as soon as the squared deviations
/// that passed through the running sums exceed [`PRECISION_LIMIT`] times the window's
/// own centred sum of squares — the case where a one-in, one-out update would lose digits to
/// cancellation (a spike leaving the window, a level far from the shift, a window of
/// nearly equal values). A window whose moments overflow is computed afresh, and gives
/// `None` if it overflows there too. The result agrees with the two-pass formula on each
/// window to about `PRECISION_LIMIT × window` ulps (the tests hold it to 1e-9 on hostile
/// inputs); a whole history of the page's windows takes well under a millisecond.
pub fn rolling_correlation(x: &[Option<f64>], y: &[Option<f64>], window: usize) -> Vec<Option<f64>> {
    let mut out = vec![None; x.len()];
    if window < 2 {
        return out;
    }
    // Each run of consecutive pairs without a gap is correlated on its own: a window that
    // holds a gap has no value.
    let mut pairs = Vec::new();
    let mut rolling = Rolling::new(window);
    let both = x.iter().zip(y).map(|(x, y)| Some(((*x)?, (*y)?)));
    for (pair, slot) in both.zip(out.iter_mut()) {
        let Some(pair) = pair else {
            pairs.clear();
            rolling = Rolling::new(window);
            continue;
        };
        pairs.push((pair.0, pair.1, 0));
        *slot = rolling.step(&pairs);
    }
    out
}

/// A trailing window stepped one pair at a time over a gap-free sequence of pairs: the
/// running moments slid one-in, one-out, computed afresh when they may have lost
/// precision (see [`rolling_correlation`]).
struct Rolling {
    window: usize,
    moments: Option<Moments>,
}

impl Rolling {
    fn new(window: usize) -> Self {
        Self {
            window,
            moments: None,
        }
    }

    /// The correlation of the last `window` of `pairs` (x, y and a tag the window does not
    /// read), just after its last pair arrived (call it once for each pair pushed); `None`
    /// while fewer than `window` pairs exist, or when either column is constant over the
    /// window.
    #[inline(always)]
    fn step(&mut self, pairs: &[(f64, f64, usize)]) -> Option<f64> {
        let first = pairs.len().checked_sub(self.window)?;
        let in_window = pairs.get(first..)?;
        let fresh = || Moments::afresh(in_window.iter().map(|&(x, y, _)| (x, y)));
        let gone = first.checked_sub(1).and_then(|g| pairs.get(g)).zip(pairs.last());
        // The moments are updated in place (a copy of them per step costs as much as
        // the update).
        let moments = match (&mut self.moments, gone) {
            (Some(m), Some((&(gx, gy, _), &(ax, ay, _)))) => {
                m.slide((gx, gy), (ax, ay));
                m
            }
            (slot, _) => slot.insert(fresh()),
        };
        let mut centred = moments.centred();
        let precise =
            moments.slides <= SLIDES_LIMIT * self.window && centred.is_some_and(|c| moments.is_precise(c));
        if !precise {
            *moments = fresh();
            centred = moments.centred();
        }
        centred.and_then(Centred::correlation)
    }
}

/// How many times a window's centred sum of squares the squared deviations that passed
/// through the running sums may reach before the window is computed afresh (see
/// [`rolling_correlation`]): the running sums' rounding error is at most about this many
/// ulps per slide of the window's own spread.
pub const PRECISION_LIMIT: f64 = 64.0;

/// A window is also computed afresh after this many windows' worth of one-in, one-out
/// updates, so rounding never accumulates over more than a few windows.
pub const SLIDES_LIMIT: usize = 4;

/// Running moments of one window of pairs, about a fixed shift `(kx, ky)`.
#[derive(Debug, Clone, Copy)]
struct Moments {
    n: f64,
    kx: f64,
    ky: f64,
    sx: f64,
    sy: f64,
    sxx: f64,
    syy: f64,
    sxy: f64,
    /// Squared deviations that have passed through `sxx` / `syy` (added or removed).
    through_x: f64,
    through_y: f64,
    /// One-in, one-out updates since the moments were computed afresh.
    slides: usize,
}

/// A window's centred sums of squares and products.
#[derive(Debug, Clone, Copy)]
struct Centred {
    xx: f64,
    yy: f64,
    xy: f64,
}

impl Centred {
    /// Pearson's r; `None` when either column is constant or a sum overflowed.
    #[inline(always)]
    fn correlation(self) -> Option<f64> {
        let denominator = (self.xx * self.yy).sqrt();
        let usable = denominator > 0.0 && denominator < f64::INFINITY && self.xy.is_finite();
        if !usable {
            return None;
        }
        // Within [-1, 1] up to rounding, never NaN here (finite terms, a positive
        // denominator). Not `f64::clamp`: the size-optimised build does not inline it,
        // and the call made every rolling correlation ~1.8× slower (scripts/bench.sh).
        let r = self.xy / denominator;
        #[allow(clippy::manual_clamp)]
        let r = if r > 1.0 {
            1.0
        } else if r < -1.0 {
            -1.0
        } else {
            r
        };
        Some(r)
    }
}

impl Moments {
    /// The two-pass computation: the means first, then the sums of deviations from them.
    fn afresh(points: impl Iterator<Item = (f64, f64)> + Clone) -> Self {
        let (mut n, mut sum_x, mut sum_y) = (0.0f64, 0.0f64, 0.0f64);
        for (x, y) in points.clone() {
            n += 1.0;
            sum_x += x;
            sum_y += y;
        }
        let (kx, ky) = if n > 0.0 {
            (sum_x / n, sum_y / n)
        } else {
            (0.0, 0.0)
        };
        let mut m = Self {
            n,
            kx,
            ky,
            sx: 0.0,
            sy: 0.0,
            sxx: 0.0,
            syy: 0.0,
            sxy: 0.0,
            through_x: 0.0,
            through_y: 0.0,
            slides: 0,
        };
        for (x, y) in points {
            m.add(x, y, 1.0);
        }
        m
    }

    /// Adds (`sign` = 1) or removes (`sign` = −1) one pair.
    #[inline(always)]
    fn add(&mut self, x: f64, y: f64, sign: f64) {
        let (dx, dy) = (x - self.kx, y - self.ky);
        self.sx += sign * dx;
        self.sy += sign * dy;
        self.sxx += sign * dx * dx;
        self.syy += sign * dy * dy;
        self.sxy += sign * dx * dy;
        self.through_x += dx * dx;
        self.through_y += dy * dy;
    }

    /// Moves the window one pair on: [`Moments::add`] of the leaving pair with sign −1,
    /// then of the arriving one (the same operations, so the same rounding, without the
    /// multiplications by ±1).
    #[inline(always)]
    fn slide(&mut self, leaving: (f64, f64), arriving: (f64, f64)) {
        let (gx, gy) = (leaving.0 - self.kx, leaving.1 - self.ky);
        let (ax, ay) = (arriving.0 - self.kx, arriving.1 - self.ky);
        self.sx = self.sx - gx + ax;
        self.sy = self.sy - gy + ay;
        self.sxx = self.sxx - gx * gx + ax * ax;
        self.syy = self.syy - gy * gy + ay * ay;
        self.sxy = self.sxy - gx * gy + ax * ay;
        self.through_x = self.through_x + gx * gx + ax * ax;
        self.through_y = self.through_y + gy * gy + ay * ay;
        self.slides += 1;
    }

    /// The centred sums; `None` for fewer than two pairs.
    #[inline(always)]
    fn centred(&self) -> Option<Centred> {
        if self.n < 2.0 {
            return None;
        }
        Some(Centred {
            xx: self.sxx - self.sx * self.sx / self.n,
            yy: self.syy - self.sy * self.sy / self.n,
            xy: self.sxy - self.sx * self.sy / self.n,
        })
    }

    /// Whether the running sums still carry the window's moments to full precision.
    #[inline(always)]
    fn is_precise(&self, c: Centred) -> bool {
        // The comparisons also rule out NaN and negative sums (`through` is ≥ 0), so
        // finiteness is the upper bound alone.
        self.through_x <= PRECISION_LIMIT * c.xx
            && self.through_y <= PRECISION_LIMIT * c.yy
            && c.xx < f64::INFINITY
            && c.yy < f64::INFINITY
            && c.xy.is_finite()
    }
}

/// Trailing rolling mean over `window` points; `None` until full or while the window holds
/// a gap. A `window` of 0 yields all gaps.
///
/// Each window is summed afresh (Neumaier's compensated sum), so no value outlives its
/// window: a 1e300 spike affects exactly the `window` means that contain it, and every
/// mean is as accurate as a careful sum of its own points (error of a few ulps of the
/// largest magnitude in the window). Cost O(n·window), which is nothing for the page's
/// 7- to 90-day windows.
///
/// Near `f64::MAX`: when the sum of a window overflows although every value is finite
/// (possible only with values within a factor `window` of `f64::MAX`), the window is
/// averaged as Σ(v / window) instead, which cannot overflow and is off by at most a few
/// ulps; the mean of finite values is therefore always finite.
pub fn rolling_mean(values: &[Option<f64>], window: usize) -> Vec<Option<f64>> {
    let mut out = vec![None; values.len()];
    if window == 0 {
        return out;
    }
    let w = window as f64;
    for (i, slot) in out.iter_mut().enumerate() {
        let Some(first) = (i + 1).checked_sub(window) else {
            continue;
        };
        let Some(points) = values.get(first..=i) else {
            continue;
        };
        let Some(sum) = compensated_sum(points.iter().copied()) else {
            continue; // a gap in the window
        };
        *slot = if sum.is_finite() {
            Some(sum / w)
        } else {
            compensated_sum(points.iter().map(|v| v.map(|v| v / w)))
        };
    }
    out
}

/// Neumaier's compensated sum; `None` if any term is a gap.
fn compensated_sum(terms: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let (mut sum, mut compensation) = (0.0f64, 0.0f64);
    for term in terms {
        let v = term?;
        let t = sum + v;
        if t.is_finite() {
            compensation += if sum.abs() >= v.abs() {
                (sum - t) + v
            } else {
                (v - t) + sum
            };
        }
        sum = t;
    }
    Some(sum + compensation)
}

/// A correlation coefficient with its sample size and 95 % confidence interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CorrStat {
    /// Pearson's r, in [-1, 1].
    pub r: f64,
    /// Number of paired observations behind `r`.
    pub n: usize,
    /// Lower end of the 95 % interval (Fisher z): `tanh(atanh(r) − 1.96/√(n−3))`.
    pub lo: f64,
    /// Upper end of the 95 % interval: `tanh(atanh(r) + 1.96/√(n−3))`.
    pub hi: f64,
}

/// z of the two-sided 95 % normal interval.
pub const Z_95: f64 = 1.96;

impl CorrStat {
    /// `r` over `n` pairs with its 95 % Fisher-z interval. With |r| = 1 the interval is
    /// the point itself (`lo = hi = r`); with `n ≤ 3` the Fisher interval is undefined and
    /// the interval is the whole range `[-1, 1]` (no information).
    pub fn new(r: f64, n: usize) -> Self {
        Self::with_interval(r, FisherInterval::new(n))
    }

    /// [`CorrStat::new`] with the interval's half-width already computed for its `n`
    /// (no transcendental function per value: a whole rolling history shares one `n`).
    #[inline(always)]
    pub fn with_interval(r: f64, interval: FisherInterval) -> Self {
        let r = r.clamp(-1.0, 1.0);
        let n = interval.n;
        let Some(t) = interval.tanh_half_width else {
            return Self {
                r,
                n,
                lo: -1.0,
                hi: 1.0,
            };
        };
        if r.abs() >= 1.0 {
            return Self { r, n, lo: r, hi: r };
        }
        // tanh(atanh(r) ∓ h) = (r ∓ tanh h) / (1 ∓ r·tanh h), exactly.
        Self {
            r,
            n,
            lo: ((r - t) / (1.0 - r * t)).max(-1.0).min(r),
            hi: ((r + t) / (1.0 + r * t)).max(r).min(1.0),
        }
    }
}

/// The 95 % Fisher-z interval's half-width for `n` pairs, as `tanh(1.96/√(n−3))`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FisherInterval {
    n: usize,
    /// `None` for `n ≤ 3`, where the interval is undefined.
    tanh_half_width: Option<f64>,
}

impl FisherInterval {
    /// The interval for `n` pairs.
    pub fn new(n: usize) -> Self {
        Self {
            n,
            tanh_half_width: (n > 3).then(|| (Z_95 / ((n - 3) as f64).sqrt()).tanh()),
        }
    }
}

/// Trailing rolling Pearson correlation of two columns with their own gaps, with a 95 %
/// confidence interval; O(n), the window's moments slid one pair at a time as in
/// [`rolling_correlation`].
///
/// **The pairwise rule.** The value at index `i` is the correlation over the last
/// `window` indices `j ≤ i` at which *both* `a[j]` and `b[j]` have a value (no look-ahead;
/// a day where either is missing is skipped, not filled). It is given at every `i` whose
/// window is full — also on a day where one column itself is missing (a bond-market
/// holiday), where it is the statistic as known that day. The window may not reach too
/// far back: if those `window` pairs span more than `2 × window` indices (counting `i`),
/// the value is `None`, so a long outage yields gaps rather than a stale correlation; it
/// is `None` more than [`MAX_CARRY_DAYS`] indices after the last pair; and it is `None`
/// after the last pair of all, so a column that has ended (ether's prices stop before the
/// markets') is not dated later than its last day.
/// `None` also while fewer than `window` pairs exist, and when either column is constant
/// over the window. A `window` below 2 yields all gaps. Inputs of unequal length are
/// compared over the shorter; the output has the length of `a`.
pub fn rolling_correlation_pairwise(
    a: &[Option<f64>],
    b: &[Option<f64>],
    window: usize,
) -> Vec<Option<CorrStat>> {
    let interval = FisherInterval::new(window);
    rolling_correlation_pairwise_r(a, b, window)
        .into_iter()
        .map(|r| r.map(|r| CorrStat::with_interval(r, interval)))
        .collect()
}

/// [`rolling_correlation_pairwise`]'s correlations alone (every value's interval is that
/// of `window` pairs: [`FisherInterval::new`]`(window)`).
pub fn rolling_correlation_pairwise_r(
    a: &[Option<f64>],
    b: &[Option<f64>],
    window: usize,
) -> Vec<Option<f64>> {
    let mut out = vec![None; a.len()];
    if window < 2 {
        return out;
    }
    // The pairs so far (days where both have a value), each with its day; the window is
    // the last `window` pairs, its statistic carried to the days after its last pair.
    let n = a.len().min(b.len());
    let mut pairs = Vec::with_capacity(n);
    let mut rolling = Rolling::new(window);
    let max_span = window.saturating_mul(2);
    // (day of the last pair, day of the window's first pair, the window's r)
    let mut latest: Option<(usize, usize, Option<f64>)> = None;
    for (i, ((x, y), slot)) in a.iter().zip(b).zip(out.iter_mut()).enumerate() {
        if let (Some(x), Some(y)) = (x, y) {
            pairs.push((*x, *y, i));
            if let Some(&(_, _, first)) = (pairs.len().checked_sub(window)).and_then(|f| pairs.get(f)) {
                latest = Some((i, first, rolling.step(&pairs)));
            }
        }
        let Some((last, first, r)) = latest else {
            continue;
        };
        // A statistic is carried over a few days without a pair (a holiday), not over a
        // column that has ended: that would date an old window today.
        if i + 1 - first > max_span || i - last > MAX_CARRY_DAYS {
            continue;
        }
        *slot = r;
    }
    // Nor past the last pair of all: a column that has ended (ether's prices stop before
    // the markets') ends its line on its last day, not a few days later.
    if let Some(after) = pairs.last().and_then(|&(_, _, last)| out.get_mut(last + 1..)) {
        after.fill(None);
    }
    out
}

/// Days the pairwise correlation is carried past its last pair inside the history (see
/// [`rolling_correlation_pairwise`]): a long weekend with a holiday on each side.
pub const MAX_CARRY_DAYS: usize = 5;

/// Cumulative sum. A gap makes every later total unknown, so from the first gap on the
/// output is `None`: a running total is never carried across missing data.
pub fn cumulative_sum(values: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut total = Some(0.0);
    values
        .iter()
        .map(|v| {
            total = match (total, v) {
                (Some(t), Some(v)) => Some(t + v),
                _ => None,
            };
            total
        })
        .collect()
}

/// Values divided by the first non-gap value at or after `from`, times 100 (an index that
/// starts at 100). `None` before `from`, at gaps, and everywhere if there is no base.
pub fn index_to_100(values: &[Option<f64>], from: usize) -> Vec<Option<f64>> {
    let base = values.iter().skip(from).find_map(|v| v.filter(|b| *b != 0.0));
    values
        .iter()
        .enumerate()
        .map(|(i, v)| match (base, v) {
            (Some(b), Some(v)) if i >= from => Some(v / b * 100.0),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// O(n·w) reference: the textbook two-pass formula on each window.
    fn naive_correlation(x: &[Option<f64>], y: &[Option<f64>], window: usize) -> Vec<Option<f64>> {
        (0..x.len())
            .map(|i| {
                if i + 1 < window {
                    return None;
                }
                let pts: Option<Vec<(f64, f64)>> =
                    (i + 1 - window..=i).map(|j| Some((x[j]?, y[j]?))).collect();
                let pts = pts?;
                let n = pts.len() as f64;
                let mx = pts.iter().map(|p| p.0).sum::<f64>() / n;
                let my = pts.iter().map(|p| p.1).sum::<f64>() / n;
                let cov: f64 = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
                let vx: f64 = pts.iter().map(|p| (p.0 - mx).powi(2)).sum();
                let vy: f64 = pts.iter().map(|p| (p.1 - my).powi(2)).sum();
                let d = (vx * vy).sqrt();
                (d > 0.0).then(|| cov / d)
            })
            .collect()
    }

    use crate::testing::noise;

    fn assert_close(a: &[Option<f64>], b: &[Option<f64>], tol: f64) {
        assert_eq!(a.len(), b.len());
        for (i, (p, q)) in a.iter().zip(b).enumerate() {
            match (p, q) {
                (Some(p), Some(q)) => assert!((p - q).abs() <= tol, "index {i}: {p} vs {q}"),
                (None, None) => {}
                _ => panic!("index {i}: {p:?} vs {q:?}"),
            }
        }
    }

    #[test]
    fn log_returns_skip_gaps_and_non_positive() {
        let r = log_returns(&[Some(100.0), Some(110.0), None, Some(121.0), Some(0.0), Some(5.0)]);
        assert_eq!(r[0], None);
        assert!((r[1].unwrap() - (1.1f64).ln()).abs() < 1e-15);
        assert_eq!(&r[2..], &[None, None, None, None]);
    }

    #[test]
    fn differences_of_a_yield() {
        let d = differences(&[Some(4.0), Some(4.25), None, Some(4.5)]);
        assert_eq!(d, vec![None, Some(0.25), None, None]);
    }

    #[test]
    fn correlation_matches_naive_reference_on_random_data_with_gaps() {
        let n = 3000;
        let xs = noise(1, n);
        let ys: Vec<f64> = noise(2, n).iter().zip(&xs).map(|(e, x)| 0.6 * x + e).collect();
        let mut x: Vec<Option<f64>> = xs.into_iter().map(Some).collect();
        let mut y: Vec<Option<f64>> = ys.into_iter().map(|v| Some(v * 1e-2 + 3.0)).collect();
        for i in [17, 500, 501, 1200, 2999] {
            x[i] = None;
        }
        y[900] = None;
        for window in [2, 5, 30, 90, 180] {
            let fast = rolling_correlation(&x, &y, window);
            assert_close(&fast, &naive_correlation(&x, &y, window), 1e-9);
            // A window that holds a gap yields a gap, and the series recovers after it.
            assert_eq!(fast[500], None);
            assert_eq!(fast[500 + window - 1], None);
            assert!(fast[501 + window].is_some());
        }
    }

    #[test]
    fn nearly_equal_values_far_from_the_first_level_are_exact() {
        // proptest's shrunk counterexample to the former one-in, one-out update: two points
        // whose y differ by 0.015 at a level 1,800 away from the first value.
        let x = [Some(0.0), None, Some(0.0), Some(0.0), Some(56.1381617319089)];
        let y = [
            Some(-946.7482957763325),
            Some(0.0),
            Some(-144.4341551760789),
            Some(882.0074965033259),
            Some(881.9927181984943),
        ];
        let fast = rolling_correlation(&x, &y, 2);
        assert_eq!(fast, naive_correlation(&x, &y, 2));
        assert_eq!(fast[4], Some(-1.0));
    }

    #[test]
    fn correlation_of_a_series_with_itself_and_its_negative() {
        let x: Vec<Option<f64>> = noise(7, 100).into_iter().map(Some).collect();
        let neg: Vec<Option<f64>> = x.iter().map(|v| v.map(|v| -2.0 * v)).collect();
        let same = rolling_correlation(&x, &x, 20);
        let opposite = rolling_correlation(&x, &neg, 20);
        assert!(same[..19].iter().all(Option::is_none));
        assert!(same[19..].iter().all(|c| (c.unwrap() - 1.0).abs() < 1e-12));
        assert!(opposite[19..].iter().all(|c| (c.unwrap() + 1.0).abs() < 1e-12));
    }

    #[test]
    fn constant_window_has_no_correlation() {
        let x = vec![Some(1.0); 10];
        let y: Vec<Option<f64>> = (0..10).map(|i| Some(f64::from(i))).collect();
        assert!(rolling_correlation(&x, &y, 3).iter().all(Option::is_none));
        assert!(rolling_correlation(&y, &y, 1).iter().all(Option::is_none));
    }

    #[test]
    fn rolling_mean_trails_and_respects_gaps() {
        let v = [
            Some(1.0),
            Some(2.0),
            Some(3.0),
            None,
            Some(5.0),
            Some(6.0),
            Some(7.0),
        ];
        assert_eq!(
            rolling_mean(&v, 2),
            vec![None, Some(1.5), Some(2.5), None, None, Some(5.5), Some(6.5)]
        );
        assert_eq!(rolling_mean(&v, 0), vec![None; 7]);
    }

    #[test]
    fn cumulative_sum_stops_at_a_gap() {
        assert_eq!(
            cumulative_sum(&[Some(1.0), Some(-3.0), Some(2.5), None, Some(1.0)]),
            vec![Some(1.0), Some(-2.0), Some(0.5), None, None]
        );
    }

    #[test]
    fn index_starts_at_100_from_the_first_value_in_view() {
        let v = [Some(50.0), None, Some(20.0), Some(30.0)];
        assert_eq!(index_to_100(&v, 1), vec![None, None, Some(100.0), Some(150.0)]);
        assert_eq!(index_to_100(&[None, None], 0), vec![None, None]);
    }

    /// O(n·w) reference mean: a plain left-to-right sum of each window.
    fn naive_mean(v: &[Option<f64>], window: usize) -> Vec<Option<f64>> {
        (0..v.len())
            .map(|i| {
                if window == 0 || i + 1 < window {
                    return None;
                }
                let pts: Option<Vec<f64>> = v[i + 1 - window..=i].iter().copied().collect();
                Some(pts?.iter().sum::<f64>() / window as f64)
            })
            .collect()
    }

    #[test]
    fn rolling_mean_forgets_a_1e300_spike_over_a_long_history() {
        let n = 20_000;
        // Whole numbers: every window sum of the small values is exact, so the reference
        // is exact too and the comparison can be for equality once the spike is out.
        let mut v: Vec<Option<f64>> = noise(11, n)
            .into_iter()
            .map(|x| Some((x * 1000.0).round()))
            .collect();
        let spikes = [100, 5_000, 5_003, 19_000];
        for (k, i) in spikes.iter().enumerate() {
            v[*i] = Some(if k % 2 == 0 { 1e300 } else { -1e300 });
        }
        v[12_345] = None;
        for window in [7, 30, 90] {
            let fast = rolling_mean(&v, window);
            let naive = naive_mean(&v, window);
            assert_eq!(fast.len(), n);
            for (i, (p, q)) in fast.iter().zip(&naive).enumerate() {
                let near_spike = spikes.iter().any(|s| (*s..*s + window).contains(&i));
                match (p, q) {
                    (Some(p), Some(q)) if near_spike => {
                        assert!(
                            (p - q).abs() <= 1e-12 * 1e300 / window as f64,
                            "{window} {i}: {p} vs {q}"
                        )
                    }
                    (Some(p), Some(q)) => assert_eq!(p, q, "window {window}, index {i}"),
                    (None, None) => {}
                    _ => panic!("window {window}, index {i}: {p:?} vs {q:?}"),
                }
            }
            // A month after the first spike the mean is exact again.
            assert_eq!(fast[130 + window], naive[130 + window]);
        }
    }

    #[test]
    fn rolling_mean_of_huge_finite_values_stays_finite() {
        let half = f64::MAX / 2.0;
        assert_eq!(
            rolling_mean(&[Some(half); 4], 4),
            vec![None, None, None, Some(half)]
        );
        let m = rolling_mean(&[Some(f64::MAX), Some(f64::MAX), Some(-f64::MAX)], 3)[2].unwrap();
        assert!(m.is_finite());
        assert!((m / (f64::MAX / 3.0) - 1.0).abs() < 1e-15, "{m}");
        // Cancellation is exact where a plain running sum would keep the residue.
        let v = [Some(1.0), Some(1e100), Some(1.0), Some(-1e100)];
        assert_eq!(rolling_mean(&v, 4)[3], Some(0.5));
    }

    /// O(n·w) reference for the pairwise rule: walk back from `i` collecting days where
    /// both have a value, at most `2·window` days back, then the two-pass formula.
    fn naive_pairwise(a: &[Option<f64>], b: &[Option<f64>], window: usize) -> Vec<Option<f64>> {
        (0..a.len())
            .map(|i| {
                let mut pts = Vec::new();
                let mut j = i as isize;
                while pts.len() < window && j >= 0 && i - (j as usize) < 2 * window {
                    if let (Some(x), Some(y)) = (a[j as usize], b[j as usize]) {
                        pts.push((x, y));
                    }
                    j -= 1;
                }
                if pts.len() < window || window < 2 {
                    return None;
                }
                let last = (0..=i).rev().find(|&k| a[k].is_some() && b[k].is_some())?;
                let ended = (i + 1..a.len().min(b.len())).all(|k| a[k].is_none() || b[k].is_none());
                if i - last > MAX_CARRY_DAYS || (i > last && ended) {
                    return None;
                }
                let n = pts.len() as f64;
                let mx = pts.iter().map(|p| p.0).sum::<f64>() / n;
                let my = pts.iter().map(|p| p.1).sum::<f64>() / n;
                let cov: f64 = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
                let vx: f64 = pts.iter().map(|p| (p.0 - mx).powi(2)).sum();
                let vy: f64 = pts.iter().map(|p| (p.1 - my).powi(2)).sum();
                let d = (vx * vy).sqrt();
                (d > 0.0).then(|| cov / d)
            })
            .collect()
    }

    #[test]
    fn pairwise_correlation_matches_naive_reference_with_gaps_in_both() {
        let n = 2000;
        let xs = noise(3, n);
        let mut a: Vec<Option<f64>> = xs.iter().copied().map(Some).collect();
        let mut b: Vec<Option<f64>> = noise(4, n)
            .iter()
            .zip(&xs)
            .map(|(e, x)| Some(0.5 * x + e))
            .collect();
        for i in (0..n).step_by(37) {
            a[i] = None;
        }
        for i in (5..n).step_by(53) {
            b[i] = None;
        }
        // A long outage: beyond the reach of every window below.
        b[1000..1150].fill(None);
        for window in [2, 5, 30, 60] {
            let fast = rolling_correlation_pairwise(&a, &b, window);
            let naive = naive_pairwise(&a, &b, window);
            for (i, (p, q)) in fast.iter().zip(&naive).enumerate() {
                match (p, q) {
                    (Some(p), Some(q)) => {
                        assert!((p.r - q).abs() < 1e-9, "{window} {i}: {} vs {q}", p.r);
                        assert_eq!(p.n, window);
                        assert!(p.lo <= p.r && p.r <= p.hi && p.lo >= -1.0 && p.hi <= 1.0);
                    }
                    (None, None) => {}
                    _ => panic!("window {window}, index {i}: {p:?} vs {q:?}"),
                }
            }
            // Days where one column is missing still get a value (after the first window)...
            assert!(fast[37 * 40].is_some(), "window {window}");
            // ...but not after an outage longer than the reach.
            assert!(fast[1149].is_none());
        }
    }

    #[test]
    fn pairwise_value_on_a_holiday_is_the_last_window() {
        let a: Vec<Option<f64>> = noise(5, 40).into_iter().map(Some).collect();
        let mut b: Vec<Option<f64>> = noise(6, 40).into_iter().map(Some).collect();
        b[20] = None;
        let c = rolling_correlation_pairwise(&a, &b, 10);
        assert!(c[..9].iter().all(Option::is_none));
        assert_eq!(c[20], c[19], "the holiday adds no pair");
        assert_ne!(c[21], c[19]);
        assert!(c[9..].iter().all(Option::is_some));
        // The old rule (a gap voids the window) for comparison: 10 days without a value.
        let strict = rolling_correlation(&a, &b, 10);
        assert_eq!(strict[20..30].iter().filter(|v| v.is_none()).count(), 10);
    }

    #[test]
    fn fisher_interval_by_identity_equals_tanh_of_atanh() {
        for n in [4usize, 5, 30, 90, 180, 1000] {
            let h = 1.96 / ((n - 3) as f64).sqrt();
            for k in -999..=999 {
                let r = f64::from(k) / 1000.0;
                let c = CorrStat::new(r, n);
                let (lo, hi) = ((r.atanh() - h).tanh(), (r.atanh() + h).tanh());
                assert!(
                    (c.lo - lo).abs() < 1e-13 && (c.hi - hi).abs() < 1e-13,
                    "r {r} n {n}: {c:?} vs {lo} {hi}"
                );
            }
        }
    }

    #[test]
    fn sliding_correlation_stays_exact_through_spikes_level_shifts_and_flat_stretches() {
        // A long history with everything that breaks a one-in, one-out update: spikes far
        // above the data's scale entering and leaving windows, a level shift of 1e6, a
        // stretch of nearly equal values and an exactly constant one.
        let n = 20_000;
        let xs = noise(11, n);
        let mut x: Vec<Option<f64>> = xs.iter().copied().map(Some).collect();
        let mut y: Vec<Option<f64>> = noise(12, n)
            .iter()
            .zip(&xs)
            .map(|(e, x)| Some(0.3 * x + e))
            .collect();
        for i in (500..n).step_by(1733) {
            x[i] = Some(1e60);
            y[i + 3] = Some(-3e50);
        }
        for v in y.iter_mut().skip(8000) {
            *v = v.map(|v| v + 1e6);
        }
        for (i, v) in x.iter_mut().enumerate().skip(12_000).take(400) {
            *v = Some(5.0 + 1e-9 * (i % 7) as f64);
        }
        for v in x.iter_mut().skip(15_000).take(300) {
            *v = Some(2.0);
        }
        for window in [2, 30, 90, 180] {
            assert_close(
                &rolling_correlation(&x, &y, window),
                &naive_correlation(&x, &y, window),
                1e-9,
            );
        }
    }

    #[test]
    fn a_column_that_has_ended_is_not_correlated_on_later_days() {
        let x: Vec<Option<f64>> = noise(21, 300).into_iter().map(Some).collect();
        let mut y: Vec<Option<f64>> = noise(22, 300).into_iter().map(Some).collect();
        for v in y.iter_mut().skip(200) {
            *v = None; // the column ends at index 199
        }
        let c = rolling_correlation_pairwise(&x, &y, 30);
        assert!(c[199].is_some(), "its last day has its value");
        assert!(c[200..].iter().all(Option::is_none), "not dated later");
        // The same few days without a pair inside the history are a holiday: carried.
        let mut resumed = y.clone();
        resumed[200 + MAX_CARRY_DAYS] = Some(0.5);
        let c = rolling_correlation_pairwise(&x, &resumed, 30);
        assert!(c[199 + MAX_CARRY_DAYS].is_some(), "carried over a long weekend");
        assert!(c[201 + MAX_CARRY_DAYS..].iter().all(Option::is_none));
    }

    #[test]
    fn fisher_interval_edges() {
        let c = CorrStat::new(0.0, 103);
        let expected = (1.96f64 / 10.0).tanh();
        assert!(
            (c.hi - expected).abs() < 1e-15 && (c.lo + expected).abs() < 1e-15,
            "{c:?}"
        );
        assert_eq!(
            CorrStat::new(1.0, 90),
            CorrStat {
                r: 1.0,
                n: 90,
                lo: 1.0,
                hi: 1.0
            }
        );
        assert_eq!(CorrStat::new(-1.0, 90).hi, -1.0);
        assert_eq!(
            CorrStat::new(0.5, 3),
            CorrStat {
                r: 0.5,
                n: 3,
                lo: -1.0,
                hi: 1.0
            }
        );
        let c = CorrStat::new(0.6, 90);
        // atanh(0.6) = 0.6931, 1.96/√87 = 0.2101: tanh(0.4830) and tanh(0.9033).
        assert!(
            (c.lo - 0.44865).abs() < 1e-5 && (c.hi - 0.71789).abs() < 1e-5,
            "{c:?}"
        );
    }

    proptest! {
        #[test]
        fn correlation_is_bounded_and_matches_reference(
            data in proptest::collection::vec((proptest::option::weighted(0.9, -1e3f64..1e3), -1e3f64..1e3), 2..200),
            window in 2usize..40,
        ) {
            let x: Vec<Option<f64>> = data.iter().map(|d| d.0).collect();
            let y: Vec<Option<f64>> = data.iter().map(|d| Some(d.1)).collect();
            let fast = rolling_correlation(&x, &y, window);
            for c in fast.iter().flatten() {
                prop_assert!((-1.0..=1.0).contains(c));
            }
            let naive = naive_correlation(&x, &y, window);
            for (p, q) in fast.iter().zip(&naive) {
                match (p, q) {
                    (Some(p), Some(q)) => prop_assert!((p - q).abs() < 1e-6),
                    (None, None) => {}
                    _ => prop_assert!(false, "gap mismatch: {:?} vs {:?}", p, q),
                }
            }
        }

        #[test]
        fn pairwise_correlation_is_bounded_and_matches_reference(
            data in proptest::collection::vec(
                (proptest::option::weighted(0.85, -1e3f64..1e3), proptest::option::weighted(0.85, -1e3f64..1e3)),
                2..200,
            ),
            window in 2usize..40,
        ) {
            let a: Vec<Option<f64>> = data.iter().map(|d| d.0).collect();
            let b: Vec<Option<f64>> = data.iter().map(|d| d.1).collect();
            let fast = rolling_correlation_pairwise(&a, &b, window);
            let naive = naive_pairwise(&a, &b, window);
            prop_assert_eq!(fast.len(), a.len());
            for (p, q) in fast.iter().zip(&naive) {
                match (p, q) {
                    (Some(p), Some(q)) => {
                        prop_assert!((p.r - q).abs() < 1e-6);
                        prop_assert!(-1.0 <= p.lo && p.lo <= p.r && p.r <= p.hi && p.hi <= 1.0);
                    }
                    (None, None) => {}
                    _ => prop_assert!(false, "gap mismatch: {:?} vs {:?}", p, q),
                }
            }
        }

        #[test]
        fn rolling_mean_matches_reference(
            data in proptest::collection::vec(proptest::option::weighted(0.95, -1e6f64..1e6), 0..200),
            window in 1usize..30,
        ) {
            let fast = rolling_mean(&data, window);
            for (p, q) in fast.iter().zip(&naive_mean(&data, window)) {
                match (p, q) {
                    (Some(p), Some(q)) => prop_assert!((p - q).abs() < 1e-6),
                    (None, None) => {}
                    _ => prop_assert!(false, "gap mismatch: {:?} vs {:?}", p, q),
                }
            }
        }

        #[test]
        fn cumulative_sum_last_equals_sum(values in proptest::collection::vec(-1e6f64..1e6, 0..100)) {
            let opt: Vec<Option<f64>> = values.iter().copied().map(Some).collect();
            let total: f64 = values.iter().sum();
            if let Some(last) = cumulative_sum(&opt).last() {
                prop_assert!((last.unwrap() - total).abs() < 1e-6);
            }
        }
    }
}
