//! Correlation regimes: where one rolling correlation is clearly above another.
//!
//! **The rule.** Given two rolling correlations A and B of bitcoin (say with the Nasdaq
//! and with gold) on the same market days, each with its 95 % interval, a day *favours A*
//! when A's whole interval lies above B's (`A.lo > B.hi`), and *favours B* when B's lies
//! above A's (`B.lo > A.hi`); on every other day the intervals overlap and neither is
//! ranked. A regime "A over B" is a maximal run of at least `min_days` consecutive market
//! days that all favour A (and likewise for B). A day on which either correlation is
//! missing favours neither, so it ends a run: a regime never bridges a gap.
//!
//! Overlapping intervals do not mean the correlations are equal — only that these data
//! cannot rank them — so the days between regimes are "no clear ranking", not "equal".

use crate::stats::CorrStat;
use time::Date;

/// The minimum length of a regime the page uses, in market days (about a month).
pub const MIN_REGIME_DAYS: usize = 20;

/// Which of the two correlations leads a regime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The first series (`a`) is above.
    A,
    /// The second series (`b`) is above.
    B,
}

/// A maximal run of market days on which one correlation's 95 % interval lies entirely
/// above the other's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Regime {
    /// Which correlation is above.
    pub leader: Side,
    /// Index of the first day of the run on the input calendar.
    pub start_index: usize,
    /// Index of the last day of the run (inclusive).
    pub end_index: usize,
    /// First day of the run.
    pub start: Date,
    /// Last day of the run (inclusive).
    pub end: Date,
    /// Number of market days in the run (`end_index − start_index + 1`).
    pub days: usize,
    /// Mean of A's correlation over the run.
    pub mean_r_a: f64,
    /// Mean of B's correlation over the run.
    pub mean_r_b: f64,
}

/// Which side a day favours, if either (the rule in the module doc).
fn favours(a: Option<CorrStat>, b: Option<CorrStat>) -> Option<Side> {
    let (a, b) = (a?, b?);
    if a.lo > b.hi {
        Some(Side::A)
    } else if b.lo > a.hi {
        Some(Side::B)
    } else {
        None
    }
}

/// The regimes of `a` over `b` and of `b` over `a`, in date order (see the module doc for
/// the rule).
///
/// `dates`, `a` and `b` describe the same market days index for index; they are read over
/// the shortest of the three. A `min_days` of 0 counts as 1 (every favouring run is a
/// regime). Regimes never overlap: a day favours at most one side.
pub fn regimes(
    dates: &[Date],
    a: &[Option<CorrStat>],
    b: &[Option<CorrStat>],
    min_days: usize,
) -> Vec<Regime> {
    let min_days = min_days.max(1);
    let mut out = Vec::new();
    // The run under way: its side, first index and running sums of r.
    let mut run: Option<(Side, usize, f64, f64)> = None;
    let n = dates.len().min(a.len()).min(b.len());
    let days = dates
        .iter()
        .zip(a.iter().zip(b))
        .take(n)
        .map(|(d, (x, y))| (*d, *x, *y));
    for (i, (_, x, y)) in days.clone().enumerate() {
        let side = favours(x, y);
        let continues = matches!((run, side), (Some((s, ..)), Some(t)) if s == t);
        if continues {
            if let (Some((_, _, sa, sb)), Some(x), Some(y)) = (run.as_mut(), x, y) {
                *sa += x.r;
                *sb += y.r;
            }
            continue;
        }
        if let Some(r) = run.take() {
            close(&mut out, dates, r, i, min_days);
        }
        if let (Some(s), Some(x), Some(y)) = (side, x, y) {
            run = Some((s, i, x.r, y.r));
        }
    }
    if let Some(r) = run {
        close(&mut out, dates, r, n, min_days);
    }
    out
}

/// Ends the run `(side, start, Σr_a, Σr_b)` before index `stop`, keeping it if long enough.
fn close(out: &mut Vec<Regime>, dates: &[Date], run: (Side, usize, f64, f64), stop: usize, min_days: usize) {
    let (leader, start_index, sum_a, sum_b) = run;
    let days = stop - start_index;
    if days < min_days {
        return;
    }
    let end_index = stop - 1;
    let (Some(start), Some(end)) = (dates.get(start_index), dates.get(end_index)) else {
        return;
    };
    out.push(Regime {
        leader,
        start_index,
        end_index,
        start: *start,
        end: *end,
        days,
        mean_r_a: sum_a / days as f64,
        mean_r_b: sum_b / days as f64,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::add_days;
    use time::macros::date;

    fn dates(n: usize) -> Vec<Date> {
        (0..n)
            .map(|i| add_days(date!(2025 - 01 - 01), i as i64).unwrap())
            .collect()
    }

    /// A stat with a given interval (r in the middle).
    fn stat(lo: f64, hi: f64) -> Option<CorrStat> {
        Some(CorrStat {
            r: (lo + hi) / 2.0,
            n: 90,
            lo,
            hi,
        })
    }

    /// Series from a pattern: `a` = A above, `b` = B above, `.` = overlap, `_` = A missing.
    fn from_pattern(p: &str) -> (Vec<Option<CorrStat>>, Vec<Option<CorrStat>>) {
        p.chars()
            .map(|c| match c {
                'a' => (stat(0.5, 0.7), stat(0.1, 0.3)),
                'b' => (stat(-0.2, 0.0), stat(0.1, 0.3)),
                '.' => (stat(0.2, 0.4), stat(0.1, 0.3)),
                _ => (None, stat(0.1, 0.3)),
            })
            .unzip()
    }

    /// Naive reference: every maximal run of one letter, as (side, start, days).
    fn naive(p: &str, k: usize) -> Vec<(Side, usize, usize)> {
        let c: Vec<char> = p.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < c.len() {
            let mut j = i;
            while j < c.len() && c[j] == c[i] {
                j += 1;
            }
            let side = match c[i] {
                'a' => Some(Side::A),
                'b' => Some(Side::B),
                _ => None,
            };
            if let Some(s) = side {
                if j - i >= k.max(1) {
                    out.push((s, i, j - i));
                }
            }
            i = j;
        }
        out
    }

    fn found(p: &str, k: usize) -> Vec<(Side, usize, usize)> {
        let (a, b) = from_pattern(p);
        regimes(&dates(p.len()), &a, &b, k)
            .iter()
            .map(|r| (r.leader, r.start_index, r.days))
            .collect()
    }

    #[test]
    fn known_regimes_are_found_with_their_dates_and_means() {
        let p = format!(
            "{}{}{}{}",
            ".".repeat(5),
            "a".repeat(25),
            ".".repeat(3),
            "b".repeat(30)
        );
        let (a, b) = from_pattern(&p);
        let d = dates(p.len());
        let r = regimes(&d, &a, &b, 20);
        assert_eq!(r.len(), 2);
        assert_eq!(
            (r[0].leader, r[0].start_index, r[0].end_index, r[0].days),
            (Side::A, 5, 29, 25)
        );
        assert_eq!((r[0].start, r[0].end), (d[5], d[29]));
        assert!((r[0].mean_r_a - 0.6).abs() < 1e-12 && (r[0].mean_r_b - 0.2).abs() < 1e-12);
        assert_eq!((r[1].leader, r[1].start_index, r[1].days), (Side::B, 33, 30));
        assert!((r[1].mean_r_a + 0.1).abs() < 1e-12);
        // A regime running to the last day ends on it.
        assert_eq!(r[1].end_index, p.len() - 1);
        assert_eq!(r[1].end, *d.last().unwrap());
    }

    #[test]
    fn no_regime_when_intervals_always_overlap() {
        assert!(found(&".".repeat(100), 20).is_empty());
        assert!(found("", 20).is_empty());
    }

    #[test]
    fn one_day_short_is_no_regime_and_exactly_k_is_one() {
        let short = format!(".{}.", "a".repeat(19));
        assert!(found(&short, 20).is_empty());
        let exact = format!(".{}.", "a".repeat(20));
        assert_eq!(found(&exact, 20), vec![(Side::A, 1, 20)]);
        // At the very start and end of the data too.
        assert_eq!(found(&"b".repeat(20), 20), vec![(Side::B, 0, 20)]);
        assert!(found(&"b".repeat(19), 20).is_empty());
    }

    #[test]
    fn a_gap_splits_a_run() {
        // 30 + missing + 30: two regimes; 15 + missing + 15: none, though 30 days favour A.
        let two = format!("{}_{}", "a".repeat(30), "a".repeat(30));
        assert_eq!(found(&two, 20), vec![(Side::A, 0, 30), (Side::A, 31, 30)]);
        let none = format!("{}_{}", "a".repeat(15), "a".repeat(15));
        assert!(found(&none, 20).is_empty());
        // A missing B splits the same way.
        let (a, mut b) = from_pattern(&"a".repeat(40));
        b[20] = None;
        let r = regimes(&dates(40), &a, &b, 20);
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].start_index, r[0].days), (0, 20));
    }

    #[test]
    fn a_switch_of_leader_ends_a_run_without_a_gap() {
        let p = format!("{}{}", "a".repeat(20), "b".repeat(20));
        assert_eq!(found(&p, 20), vec![(Side::A, 0, 20), (Side::B, 20, 20)]);
    }

    #[test]
    fn touching_intervals_do_not_favour_either() {
        // lo == hi is not "entirely above".
        let a = vec![stat(0.3, 0.5); 30];
        let b = vec![stat(0.1, 0.3); 30];
        assert!(regimes(&dates(30), &a, &b, 1).is_empty());
    }

    #[test]
    fn matches_naive_runs_on_pseudo_random_patterns() {
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = crate::testing::xorshift(s);
        for _ in 0..200 {
            let len = (s % 300) as usize;
            let p: String = (0..len)
                .map(|_| {
                    s = next();
                    // Sticky: mostly repeat, so long runs occur.
                    ['a', 'a', 'a', 'b', 'b', '.', '_'][(s % 7) as usize]
                })
                .collect();
            let p: String = p.chars().flat_map(|c| std::iter::repeat_n(c, 4)).collect();
            for k in [0, 1, 4, 8, 20] {
                assert_eq!(found(&p, k), naive(&p, k), "{p} k={k}");
            }
        }
    }

    #[test]
    fn unequal_lengths_are_read_over_the_shortest() {
        let (a, b) = from_pattern(&"a".repeat(30));
        let r = regimes(&dates(25), &a, &b, 20);
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].days, r[0].end_index), (25, 24));
    }
}
