//! Lead–lag: do daily ETF flows move before the price, with it, or after it?
//!
//! **The rule.** On the flow table's trading days within a date span (`from ..= to`), take
//! each day's total net flow (US$ m, all funds) and the coin's daily log return between
//! consecutive flow days (closes sampled on those days by [`sample_on`]: the close dated
//! that day, nothing carried forward; the first day of the span has no return, since the
//! span's first close has no earlier one inside the span). For each lag `k` in `−L ..= L`
//! (the page uses `L` = [`MAX_LAG_DAYS`]) the Pearson correlation of the pairs
//! (flow on day `t`, return on day `t + k`), counting days as flow-table rows, over every
//! `t` where both exist.
//!
//! **Sign convention.** Lag `+k`: flows on day `t` against the return `k` trading days
//! later — a correlation there means *flows lead the price*. Lag `−k`: flows against the
//! return `k` days earlier — *flows follow the price*. Lag 0 is the same day: the return
//! into the day's close (crypto closes at UTC midnight, after the 16:00 New York close at
//! which the day's flow is struck) against that day's flow.
//!
//! **The band.** Under no correlation, r at a lag with `n` pairs lies within ±1.96/√n
//! about 95 % of the time. A lag with fewer than [`MIN_PAIRS`] pairs has no value. The
//! summary ([`LeadLag`]) names the lag with the largest |r| among those outside the band,
//! or says there is no clear lead; if any lag lacks the minimum pairs, the span is too
//! short and the summary says so with the minimum needed. Two cautions the page should
//! carry: the band is per lag, so among 21 lags about one is expected outside it by chance
//! alone ([`CrossCorrelation::expected_by_chance`]); and flows are autocorrelated (inflow
//! streaks), which widens the true band around lags next to a real effect.

use crate::align::{range_indices, sample_on};
use crate::snapshot::{ids, Series, SnapshotError};
use crate::stats::{log_returns, pearson, CorrStat, FisherInterval, Z_95};
use crate::Snapshot;
use time::Date;

/// The lags shown, in trading days either way.
pub const MAX_LAG_DAYS: usize = 10;
/// The fewest pairs at a lag for its correlation to be given.
pub const MIN_PAIRS: usize = 30;

/// The correlation at one lag with the band for "no correlation".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LagValue {
    /// Pearson's r of (flow on day t, return on day t + lag).
    pub r: f64,
    /// Half-width of the 95 % band under no correlation, 1.96/√n.
    pub band: f64,
}

impl LagValue {
    /// Whether r lies outside ±band (strictly).
    pub fn outside_band(&self) -> bool {
        self.r.abs() > self.band
    }
}

/// One lag of the cross-correlation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LagPoint {
    /// The lag in trading days: positive = flows before the return.
    pub lag: i64,
    /// Pairs (flow, return) used.
    pub n: usize,
    /// The correlation, `None` with fewer than the minimum pairs or a constant column.
    pub value: Option<LagValue>,
}

/// What the cross-correlation says in one phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LeadLag {
    /// Some lag has fewer pairs than the minimum: the span is too short to compare lags.
    TooShort {
        /// The fewest pairs found at any lag.
        pairs: usize,
        /// The minimum pairs needed at every lag.
        needed_pairs: usize,
        /// Trading days of flows the span would need (pairs + the largest lag + 1).
        needed_days: usize,
    },
    /// No lag's r lies outside its band.
    NoClearLead,
    /// The lag with the largest |r| outside its band (ties: the first from −L up).
    Clear {
        /// Lag in trading days (positive: flows lead the price; negative: they follow).
        lag: i64,
        /// Its correlation.
        r: f64,
        /// Its pairs.
        n: usize,
        /// Its band half-width.
        band: f64,
    },
}

/// The cross-correlation of flows with returns over a span.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossCorrelation {
    /// First flow day in the span (`None` when the span holds none).
    pub first: Option<Date>,
    /// Last flow day in the span.
    pub last: Option<Date>,
    /// Flow days in the span.
    pub days: usize,
    /// The first and last flow days in the span with a return (the price may start later
    /// or end earlier than the flows); `None` when none has one.
    pub priced: Option<(Date, Date)>,
    /// One point per lag, from −L to +L.
    pub points: Vec<LagPoint>,
    /// Lags whose r lies outside the band.
    pub outside_band: usize,
    /// The summary.
    pub summary: LeadLag,
}

impl CrossCorrelation {
    /// The other lags the clear one cannot be told apart from: those whose 95 % interval
    /// (Fisher z, each with its own pairs) overlaps its interval. Empty unless the summary
    /// is [`LeadLag::Clear`]. A lead or a lag is claimed only where this is empty.
    pub fn rivals(&self) -> Vec<LagPoint> {
        let LeadLag::Clear { lag, r, n, .. } = self.summary else {
            return Vec::new();
        };
        let best = CorrStat::with_interval(r, FisherInterval::new(n));
        self.points
            .iter()
            .filter(|p| p.lag != lag)
            .filter(|p| {
                p.value.is_some_and(|v| {
                    let s = CorrStat::with_interval(v.r, FisherInterval::new(p.n));
                    s.hi >= best.lo && s.lo <= best.hi
                })
            })
            .copied()
            .collect()
    }

    /// How many lags would lie outside the band by chance alone if there were no
    /// correlation at all: 5 % of the lags that have a value.
    pub fn expected_by_chance(&self) -> f64 {
        0.05 * self.points.iter().filter(|p| p.value.is_some()).count() as f64
    }
}

/// Which coin's ETFs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Asset {
    /// US spot bitcoin ETFs against BTC.
    Btc,
    /// US spot ether ETFs against ETH.
    Eth,
}

impl Asset {
    /// Flow table id and price series id in the snapshot.
    pub fn ids(self) -> (&'static str, &'static str) {
        match self {
            Self::Btc => (ids::FLOWS_BTC, ids::BTC_USD),
            Self::Eth => (ids::FLOWS_ETH, ids::ETH_USD),
        }
    }
}

/// The cross-correlation for `asset` over `from ..= to` at lags ±[`MAX_LAG_DAYS`] with
/// [`MIN_PAIRS`] (the rule in the module doc).
///
/// # Errors
/// The snapshot error of the flow table or of the price series.
pub fn for_asset(
    snapshot: &Snapshot,
    asset: Asset,
    from: Date,
    to: Date,
) -> Result<CrossCorrelation, SnapshotError> {
    let (flows, price) = asset.ids();
    let table = snapshot.flows(flows)?;
    let price = snapshot.series(price)?;
    Ok(cross_correlation(
        table.dates(),
        table.total_usd_m(),
        price,
        from,
        to,
        MAX_LAG_DAYS,
        MIN_PAIRS,
    ))
}

/// The cross-correlation of the flows (`flow_dates`, `flows_usd_m`, index for index) with
/// `price`'s log returns on the flow days within `from ..= to`, at lags `−max_lag ..=
/// max_lag`, each lag needing `min_pairs` pairs (at least 2). The rule is in the module
/// doc.
pub fn cross_correlation(
    flow_dates: &[Date],
    flows_usd_m: &[f64],
    price: &Series,
    from: Date,
    to: Date,
    max_lag: usize,
    min_pairs: usize,
) -> CrossCorrelation {
    let len = flow_dates.len().min(flows_usd_m.len());
    let dates = flow_dates.get(..len).unwrap_or_default();
    let (start, end) = range_indices(dates, from, to);
    let dates = dates.get(start..end).unwrap_or_default();
    let flows: Vec<Option<f64>> = flows_usd_m
        .get(start..end)
        .unwrap_or_default()
        .iter()
        .map(|v| Some(*v))
        .collect();
    let returns = log_returns(&sample_on(dates, price));
    let points = lagged(&flows, &returns, max_lag, min_pairs);
    let with_return = |i: Option<usize>| dates.get(i?).copied();
    let priced = with_return(returns.iter().position(Option::is_some))
        .zip(with_return(returns.iter().rposition(Option::is_some)));
    let outside_band = points
        .iter()
        .filter(|p| p.value.is_some_and(|v| v.outside_band()))
        .count();
    CrossCorrelation {
        first: dates.first().copied(),
        last: dates.last().copied(),
        days: dates.len(),
        priced,
        summary: summarize(&points, max_lag, min_pairs),
        outside_band,
        points,
    }
}

/// The correlation of `flows[t]` with `returns[t + k]` for each `k` in `−max_lag ..=
/// max_lag` over every `t` where both have a value; `None` below `min_pairs` pairs (a
/// `min_pairs` below 2 counts as 2) or when either column is constant over the pairs.
pub fn lagged(
    flows: &[Option<f64>],
    returns: &[Option<f64>],
    max_lag: usize,
    min_pairs: usize,
) -> Vec<LagPoint> {
    let min_pairs = min_pairs.max(2);
    let max_lag = i64::try_from(max_lag).unwrap_or(i64::MAX / 2);
    (-max_lag..=max_lag)
        .map(|lag| {
            let pairs = flows.iter().enumerate().filter_map(move |(t, f)| {
                let u = usize::try_from(i64::try_from(t).ok()?.checked_add(lag)?).ok()?;
                Some(((*f)?, returns.get(u).copied().flatten()?))
            });
            let n = pairs.clone().count();
            let value = if n >= min_pairs {
                pearson(pairs).map(|r| LagValue {
                    r,
                    band: Z_95 / (n as f64).sqrt(),
                })
            } else {
                None
            };
            LagPoint { lag, n, value }
        })
        .collect()
}

/// The summary of `points` (the rule in the module doc).
pub fn summarize(points: &[LagPoint], max_lag: usize, min_pairs: usize) -> LeadLag {
    let min_pairs = min_pairs.max(2);
    let fewest = points.iter().map(|p| p.n).min().unwrap_or(0);
    if points.is_empty() || fewest < min_pairs {
        return LeadLag::TooShort {
            pairs: fewest,
            needed_pairs: min_pairs,
            needed_days: min_pairs.saturating_add(max_lag).saturating_add(1),
        };
    }
    let mut best: Option<(LagPoint, LagValue)> = None;
    for p in points {
        let Some(v) = p.value.filter(LagValue::outside_band) else {
            continue;
        };
        if best.is_none_or(|(_, b)| v.r.abs() > b.r.abs()) {
            best = Some((*p, v));
        }
    }
    match best {
        Some((p, v)) => LeadLag::Clear {
            lag: p.lag,
            r: v.r,
            n: p.n,
            band: v.band,
        },
        None => LeadLag::NoClearLead,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::add_days;
    use crate::snapshot::{Axis, Meta};
    use std::collections::HashMap;
    use time::macros::date;
    use time::Weekday;

    use crate::testing::noise;

    #[test]
    fn a_lag_is_claimed_only_where_no_other_lag_s_interval_overlaps_it() {
        let point = |lag: i64, r: f64| LagPoint {
            lag,
            n: 653,
            value: Some(LagValue {
                r,
                band: Z_95 / 653f64.sqrt(),
            }),
        };
        let cc = |points: Vec<LagPoint>| CrossCorrelation {
            first: None,
            last: None,
            days: 660,
            priced: None,
            outside_band: 0,
            summary: summarize(&points, 1, 30),
            points,
        };
        // −1 at 0.41 and the same day at 0.40 cannot be told apart; +1 at 0.05 can.
        let close = cc(vec![point(-1, 0.41), point(0, 0.40), point(1, 0.05)]);
        assert!(matches!(close.summary, LeadLag::Clear { lag: -1, .. }));
        assert_eq!(close.rivals().iter().map(|p| p.lag).collect::<Vec<_>>(), [0]);
        // 0.41 against 0.20 with 653 pairs each: the intervals separate.
        let clear = cc(vec![point(-1, 0.41), point(0, 0.20), point(1, 0.05)]);
        assert!(clear.rivals().is_empty());
        // Nothing is claimed, so nothing rivals it.
        let none = cc(vec![point(-1, 0.01), point(0, 0.02), point(1, 0.0)]);
        assert_eq!(none.summary, LeadLag::NoClearLead);
        assert!(none.rivals().is_empty());
    }

    fn series(dates: Vec<Date>, values: Vec<Option<f64>>) -> Series {
        let meta = Meta {
            label: "t".into(),
            unit: "USD".into(),
            provider: "yahoo".into(),
            last_provisional: false,
            note: None,
        };
        Series::new("t", meta, Axis::new("t", dates).unwrap(), values).unwrap()
    }

    /// A random-walk price on every calendar day and the weekdays as flow days.
    fn market(days: usize, seed: u64) -> (Series, Vec<Date>) {
        let start = date!(2024 - 01 - 01);
        let dates: Vec<Date> = (0..days).map(|i| add_days(start, i as i64).unwrap()).collect();
        let mut p = 40_000.0;
        let values = noise(seed, days)
            .into_iter()
            .map(|e| {
                p *= (0.04 * e).exp();
                Some(p)
            })
            .collect();
        let flow_days = dates
            .iter()
            .copied()
            .filter(|d| !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday))
            .collect();
        (series(dates, values), flow_days)
    }

    /// Returns between consecutive flow days read straight off the price, by date.
    fn returns_by_day(price: &Series, days: &[Date]) -> Vec<Option<f64>> {
        let by_date: HashMap<Date, f64> = price
            .dates()
            .iter()
            .zip(price.values())
            .filter_map(|(d, v)| Some((*d, (*v)?)))
            .collect();
        (0..days.len())
            .map(|t| {
                let now = by_date.get(days.get(t)?)?;
                let before = by_date.get(days.get(t.checked_sub(1)?)?)?;
                Some((now / before).ln())
            })
            .collect()
    }

    /// O(n·L) reference: for each lag, the pairs by index and r from raw sums.
    fn naive(flows: &[f64], returns: &[Option<f64>], max_lag: i64) -> Vec<(i64, usize, f64)> {
        (-max_lag..=max_lag)
            .map(|k| {
                let mut pts = Vec::new();
                for t in 0..flows.len() as i64 {
                    let u = t + k;
                    if u >= 0 && (u as usize) < returns.len() {
                        if let Some(r) = returns[u as usize] {
                            pts.push((flows[t as usize], r));
                        }
                    }
                }
                let n = pts.len() as f64;
                let (sx, sy) = pts.iter().fold((0.0, 0.0), |a, p| (a.0 + p.0, a.1 + p.1));
                let (mx, my) = (sx / n, sy / n);
                let sxy: f64 = pts.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
                let sxx: f64 = pts.iter().map(|p| (p.0 - mx).powi(2)).sum();
                let syy: f64 = pts.iter().map(|p| (p.1 - my).powi(2)).sum();
                (k, pts.len(), sxy / (sxx * syy).sqrt())
            })
            .collect()
    }

    #[test]
    fn matches_the_naive_reference_over_a_span() {
        let (price, days) = market(700, 3);
        let flows: Vec<f64> = noise(9, days.len()).iter().map(|e| e * 800.0).collect();
        let (from, to) = (date!(2024 - 03 - 01), date!(2025 - 06 - 30));
        let cc = cross_correlation(&days, &flows, &price, from, to, 10, 30);
        let (s, e) = range_indices(&days, from, to);
        let in_span = &days[s..e];
        let reference = naive(&flows[s..e], &returns_by_day(&price, in_span), 10);
        assert_eq!(cc.days, e - s);
        assert_eq!(
            (cc.first, cc.last),
            (in_span.first().copied(), in_span.last().copied())
        );
        assert_eq!(cc.points.len(), 21);
        for (p, (k, n, r)) in cc.points.iter().zip(&reference) {
            assert_eq!((p.lag, p.n), (*k, *n));
            let v = p.value.unwrap();
            assert!((v.r - r).abs() < 1e-12, "lag {k}: {} vs {r}", v.r);
            assert!((v.band - 1.96 / (*n as f64).sqrt()).abs() < 1e-15);
        }
        // The first day of the span has no return: lag 0 uses days − 1 pairs.
        assert_eq!(cc.points[10].n, cc.days - 1);
        assert_eq!(cc.priced, Some((in_span[1], *in_span.last().unwrap())));
    }

    /// Flows that follow the flow-day return `shift` days later (shift > 0: flows lead).
    fn shifted_flows(returns: &[Option<f64>], shift: i64, seed: u64) -> Vec<f64> {
        let e = noise(seed, returns.len());
        (0..returns.len() as i64)
            .map(|t| {
                let u = t + shift;
                let r = if u >= 0 {
                    returns.get(u as usize).copied().flatten()
                } else {
                    None
                };
                r.unwrap_or(0.0) * 20_000.0 + e[t as usize] * 300.0
            })
            .collect()
    }

    #[test]
    fn recovers_a_known_lead_and_a_known_lag() {
        let (price, days) = market(500, 17);
        let returns = returns_by_day(&price, &days);
        let (from, to) = (days[0], *days.last().unwrap());
        for shift in [2, -3, 0] {
            let flows = shifted_flows(&returns, shift, 5);
            let cc = cross_correlation(&days, &flows, &price, from, to, 10, 30);
            match cc.summary {
                LeadLag::Clear { lag, r, n, band } => {
                    assert_eq!(lag, shift);
                    assert!(r > 0.5 && r.abs() > band && n > 300, "{r} {n}");
                }
                other => panic!("shift {shift}: {other:?}"),
            }
            assert!(cc.outside_band >= 1);
        }
    }

    #[test]
    fn unrelated_flows_show_no_clear_lead_or_only_chance() {
        let (price, days) = market(900, 23);
        let flows: Vec<f64> = noise(101, days.len()).iter().map(|e| e * 500.0).collect();
        let cc = cross_correlation(&days, &flows, &price, days[0], *days.last().unwrap(), 10, 30);
        // No planted effect: whatever crosses the band is small.
        for p in &cc.points {
            assert!(p.value.unwrap().r.abs() < 0.15, "{p:?}");
        }
        assert!(cc.outside_band <= 4, "{}", cc.outside_band);
        assert!((cc.expected_by_chance() - 1.05).abs() < 1e-12);
    }

    #[test]
    fn fewer_than_the_minimum_pairs_gives_no_value_and_too_short() {
        let (price, days) = market(120, 4);
        let flows: Vec<f64> = noise(8, days.len()).to_vec();
        // 35 flow days: lag 0 has 34 pairs, lag ±10 has 24.
        let (from, to) = (days[10], days[44]);
        let cc = cross_correlation(&days, &flows, &price, from, to, 10, 30);
        assert_eq!(cc.days, 35);
        for p in &cc.points {
            // Lag +k: t in 0..=34−k; lag −k: t in k+1..=34; lag 0: t in 1..=34.
            assert_eq!(p.n, 34 - p.lag.unsigned_abs() as usize + usize::from(p.lag > 0));
            assert_eq!(p.value.is_some(), p.n >= 30, "{p:?}");
        }
        assert_eq!(
            cc.summary,
            LeadLag::TooShort {
                pairs: 24,
                needed_pairs: 30,
                needed_days: 41
            }
        );
        // Exactly the days needed: every lag has 30 pairs.
        let cc = cross_correlation(&days, &flows, &price, days[10], days[50], 10, 30);
        assert_eq!(cc.days, 41);
        assert!(cc.points.iter().all(|p| p.n >= 30 && p.value.is_some()));
        assert!(!matches!(cc.summary, LeadLag::TooShort { .. }));
        // An empty span.
        let cc = cross_correlation(
            &days,
            &flows,
            &price,
            date!(2030 - 01 - 01),
            date!(2030 - 12 - 31),
            10,
            30,
        );
        assert_eq!((cc.days, cc.first), (0, None));
        assert!(matches!(cc.summary, LeadLag::TooShort { pairs: 0, .. }));
    }

    #[test]
    fn gaps_in_the_price_drop_pairs_not_days() {
        let (price, days) = market(300, 6);
        // Remove one weekday close: the returns into and out of it are gaps.
        let gone = days[50];
        let kept: Vec<(Date, Option<f64>)> = price
            .dates()
            .iter()
            .zip(price.values())
            .filter(|(d, _)| **d != gone)
            .map(|(d, v)| (*d, *v))
            .collect();
        let holed = series(
            kept.iter().map(|k| k.0).collect(),
            kept.iter().map(|k| k.1).collect(),
        );
        let flows: Vec<f64> = noise(2, days.len()).to_vec();
        let full = cross_correlation(&days, &flows, &price, days[0], *days.last().unwrap(), 3, 30);
        let cc = cross_correlation(&days, &flows, &holed, days[0], *days.last().unwrap(), 3, 30);
        assert_eq!(cc.days, full.days);
        for (p, q) in cc.points.iter().zip(&full.points) {
            assert_eq!(p.n + 2, q.n, "lag {}", p.lag);
        }
    }

    #[test]
    fn priced_says_where_the_returns_stop() {
        let (price, days) = market(300, 6);
        let ends = series(price.dates()[..200].to_vec(), price.values()[..200].to_vec());
        let flows = vec![0.0; days.len()];
        let cc = cross_correlation(&days, &flows, &ends, days[0], days[200], 3, 30);
        let last_priced = *days.iter().rfind(|d| **d <= price.dates()[199]).unwrap();
        assert_eq!(cc.last, Some(days[200]));
        assert_eq!(cc.priced, Some((days[1], last_priced)));
        let none = series(price.dates()[250..].to_vec(), price.values()[250..].to_vec());
        assert_eq!(
            cross_correlation(&days, &flows, &none, days[0], days[100], 3, 30).priced,
            None
        );
    }

    #[test]
    fn constant_flows_have_no_correlation() {
        let points = lagged(&[Some(1.0); 50], &[Some(0.1), Some(-0.2)].repeat(25), 2, 10);
        assert!(points.iter().all(|p| p.value.is_none() && p.n >= 47));
        assert_eq!(summarize(&points, 2, 10), LeadLag::NoClearLead);
    }
}
