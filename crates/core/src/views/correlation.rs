//! Chart 1: rolling correlation of bitcoin's daily returns with other markets, and prices
//! indexed to 100 at the start of the view.
//!
//! Every column is sampled on US market days (the rule is in [`crate::align`]): log
//! returns for prices, daily changes for the 10-year yield.

use super::format;
use super::range::{RangeChoice, Span};
use super::{first_value, last_value};
use crate::align::{range_indices, sample_on};
use crate::snapshot::{ids, SnapshotError};
use crate::stats::{differences, index_to_100, log_returns, rolling_correlation};
use crate::Snapshot;
use time::Date;

/// The rolling windows offered, in US trading days.
pub const WINDOWS: [usize; 4] = [30, 60, 90, 180];
/// The default window.
pub const DEFAULT_WINDOW: usize = 90;

/// A market bitcoin is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Counterpart {
    /// Nasdaq-100 through QQQ.
    Qqq,
    /// Gold through GLD.
    Gld,
    /// Ether.
    Eth,
    /// S&P 500 through SPY.
    Spy,
    /// Broad commodities through DBC.
    Dbc,
    /// The 10-year Treasury yield.
    Dgs10,
}

impl Counterpart {
    /// All counterparts, in legend order.
    pub const ALL: [Counterpart; 6] = [Self::Qqq, Self::Gld, Self::Eth, Self::Spy, Self::Dbc, Self::Dgs10];
    /// Shown before the reader chooses.
    pub const DEFAULT: [Counterpart; 2] = [Self::Qqq, Self::Gld];

    /// URL key.
    pub fn url_key(self) -> &'static str {
        match self {
            Self::Eth => "eth",
            other => other.key(),
        }
    }

    /// Snapshot series id.
    pub fn key(self) -> &'static str {
        match self {
            Self::Qqq => ids::QQQ,
            Self::Gld => ids::GLD,
            Self::Eth => ids::ETH_USD,
            Self::Spy => ids::SPY,
            Self::Dbc => ids::DBC,
            Self::Dgs10 => ids::DGS10,
        }
    }

    /// Parses a [`Counterpart::url_key`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.url_key() == key)
    }

    /// Legend label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Qqq => "Nasdaq-100 (QQQ)",
            Self::Gld => "Gold (GLD)",
            Self::Eth => "Ether (ETH)",
            Self::Spy => "S&P 500 (SPY)",
            Self::Dbc => "Commodities (DBC)",
            Self::Dgs10 => "10-year yield",
        }
    }

    /// Name inside a sentence.
    pub fn in_sentence(self) -> &'static str {
        match self {
            Self::Qqq => "the Nasdaq-100",
            Self::Gld => "gold",
            Self::Eth => "ether",
            Self::Spy => "the S&P 500",
            Self::Dbc => "commodities",
            Self::Dgs10 => "the 10-year yield",
        }
    }

    /// Whether daily changes (not log returns) are correlated: a yield is a rate.
    pub fn uses_differences(self) -> bool {
        self == Self::Dgs10
    }
}

/// One counterpart sampled on market days: levels and daily returns (or changes).
#[derive(Debug, Clone, PartialEq)]
pub struct MarketColumn {
    /// Which market.
    pub counterpart: Counterpart,
    /// Levels on each market day, `None` where the series has no observation.
    pub levels: Vec<Option<f64>>,
    /// Log returns (daily changes for the yield).
    pub returns: Vec<Option<f64>>,
}

/// Bitcoin and every counterpart on one market-day axis.
#[derive(Debug, Clone, PartialEq)]
pub struct MarketData {
    /// US market days from bitcoin's first date to the calendar's last.
    pub dates: Vec<Date>,
    /// Bitcoin closes on those days.
    pub btc: Vec<Option<f64>>,
    /// Bitcoin log returns between consecutive market days.
    pub btc_returns: Vec<Option<f64>>,
    /// Counterparts that could be read; the others with why not.
    pub columns: Vec<Result<MarketColumn, (Counterpart, SnapshotError)>>,
}

impl MarketData {
    /// Reads and aligns every column. Bitcoin and a market calendar (SPY, else QQQ) are
    /// required; a missing counterpart only removes that counterpart.
    ///
    /// # Errors
    /// The snapshot error of bitcoin or of the calendar series.
    pub fn from_snapshot(snapshot: &Snapshot) -> Result<Self, SnapshotError> {
        let btc = snapshot.series(ids::BTC_USD)?;
        let calendar = snapshot.series(ids::SPY).or_else(|_| snapshot.series(ids::QQQ))?;
        let dates: Vec<Date> = calendar
            .dates()
            .iter()
            .copied()
            .filter(|d| *d >= btc.first())
            .collect();
        let btc_levels = sample_on(&dates, btc);
        let columns = Counterpart::ALL
            .into_iter()
            .map(|c| {
                let series = snapshot.series(c.key()).map_err(|e| (c, e))?;
                let levels = sample_on(&dates, series);
                let returns = if c.uses_differences() {
                    differences(&levels)
                } else {
                    log_returns(&levels)
                };
                Ok(MarketColumn {
                    counterpart: c,
                    levels,
                    returns,
                })
            })
            .collect();
        Ok(Self {
            btc_returns: log_returns(&btc_levels),
            btc: btc_levels,
            dates,
            columns,
        })
    }

    /// The column of `c`, or why it is unavailable.
    pub fn column(&self, c: Counterpart) -> Result<&MarketColumn, &SnapshotError> {
        self.columns
            .iter()
            .find_map(|col| match col {
                Ok(m) if m.counterpart == c => Some(Ok(m)),
                Err((k, e)) if *k == c => Some(Err(e)),
                _ => None,
            })
            .unwrap_or(Err(&SnapshotError::Empty))
    }

    /// First and last market day.
    pub fn bounds(&self) -> Option<(Date, Date)> {
        Some((*self.dates.first()?, *self.dates.last()?))
    }
}

/// A rolling correlation over the whole history.
#[derive(Debug, Clone, PartialEq)]
pub struct CorrelationSeries {
    /// With which market.
    pub counterpart: Counterpart,
    /// One value per market day; `None` where the window is not full or holds a gap.
    pub values: Vec<Option<f64>>,
}

/// Rolling correlations of bitcoin with each selected counterpart, full length. Selected
/// counterparts that are unavailable come back as errors.
pub fn rolling_correlations(
    data: &MarketData,
    selected: &[Counterpart],
    window: usize,
) -> Vec<Result<CorrelationSeries, (Counterpart, String)>> {
    selected
        .iter()
        .map(|&c| {
            let col = data.column(c).map_err(|e| (c, e.to_string()))?;
            Ok(CorrelationSeries {
                counterpart: c,
                values: rolling_correlation(&data.btc_returns, &col.returns, window),
            })
        })
        .collect()
}

/// A line of the visible part of the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewLine {
    /// Stable key (series id) for colour and legend.
    pub key: &'static str,
    /// Legend label.
    pub label: &'static str,
    /// One value per visible date.
    pub values: Vec<Option<f64>>,
}

/// Everything chart 1 draws and says.
#[derive(Debug, Clone, PartialEq)]
pub struct CorrelationView {
    /// Visible market days.
    pub dates: Vec<Date>,
    /// Rolling correlations in view.
    pub correlations: Vec<ViewLine>,
    /// Prices indexed to 100 at the first visible day (bitcoin first; the yield is left out).
    pub indexed: Vec<ViewLine>,
    /// Selected counterparts that could not be shown, with why.
    pub unavailable: Vec<(Counterpart, String)>,
    /// The span shown.
    pub span: Span,
    /// Window in trading days.
    pub window: usize,
    /// The takeaway sentence(s) for this view.
    pub takeaway: String,
}

/// Slices the correlations to the chosen range, indexes prices, and writes the takeaway.
pub fn correlation_view(
    data: &MarketData,
    correlations: &[Result<CorrelationSeries, (Counterpart, String)>],
    window: usize,
    range: RangeChoice,
) -> CorrelationView {
    let Some((first, last)) = data.bounds() else {
        return CorrelationView {
            dates: Vec::new(),
            correlations: Vec::new(),
            indexed: Vec::new(),
            unavailable: Vec::new(),
            span: range.resolve(time::Date::MIN, time::Date::MIN),
            window,
            takeaway: "No market data in the snapshot.".to_owned(),
        };
    };
    let span = range.resolve(first, last);
    let (a, b) = range_indices(&data.dates, span.from, span.to);
    let slice = |v: &[Option<f64>]| v.get(a..b).map(<[_]>::to_vec).unwrap_or_default();
    let mut lines = Vec::new();
    let mut unavailable = Vec::new();
    let mut indexed = vec![ViewLine {
        key: ids::BTC_USD,
        label: "Bitcoin",
        values: index_to_100(&slice(&data.btc), 0),
    }];
    for c in correlations {
        match c {
            Ok(s) => {
                lines.push(ViewLine {
                    key: s.counterpart.key(),
                    label: s.counterpart.label(),
                    values: slice(&s.values),
                });
                if let (false, Ok(col)) = (s.counterpart.uses_differences(), data.column(s.counterpart)) {
                    indexed.push(ViewLine {
                        key: s.counterpart.key(),
                        label: s.counterpart.label(),
                        values: index_to_100(&slice(&col.levels), 0),
                    });
                }
            }
            Err((c, e)) => unavailable.push((*c, e.clone())),
        }
    }
    let dates = data.dates.get(a..b).map(<[_]>::to_vec).unwrap_or_default();
    let takeaway = takeaway(&dates, correlations, &lines, window);
    CorrelationView {
        dates,
        correlations: lines,
        indexed,
        unavailable,
        span,
        window,
        takeaway,
    }
}

fn takeaway(
    dates: &[Date],
    correlations: &[Result<CorrelationSeries, (Counterpart, String)>],
    lines: &[ViewLine],
    window: usize,
) -> String {
    let counterparts: Vec<Counterpart> = correlations
        .iter()
        .filter_map(|c| c.as_ref().ok().map(|s| s.counterpart))
        .collect();
    let mut sentences = Vec::new();
    let mut ends = Vec::new();
    for (c, line) in counterparts.iter().zip(lines).take(2) {
        let (Some((i0, v0)), Some((i1, v1))) = (first_value(&line.values), last_value(&line.values)) else {
            continue;
        };
        let (Some(d0), Some(d1)) = (dates.get(i0), dates.get(i1)) else {
            continue;
        };
        ends.push((*c, *d1, v1));
        let change = v1 - v0;
        let trend = if i0 == i1 {
            String::new()
        } else if change.abs() < 0.05 {
            format!(
                ", little changed from {} on {}",
                format::correlation(v0),
                format::date(*d0)
            )
        } else {
            let dir = if change > 0.0 { "up" } else { "down" };
            format!(
                ", {dir} from {} on {}",
                format::correlation(v0),
                format::date(*d0)
            )
        };
        // Name the peak when the view's story is a rise and fall the two ends would hide.
        let peak = line
            .values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| Some((i, (*v)?)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|(i, p)| *i != i0 && *i != i1 && p - v1.max(v0) >= 0.1)
            .and_then(|(i, p)| {
                Some(format!(
                    ", after peaking at {} on {}",
                    format::correlation(p),
                    format::date(*dates.get(i)?)
                ))
            })
            .unwrap_or_default();
        sentences.push(format!(
            "{window}-day correlation of bitcoin with {}: {} on {}{trend}{peak}.",
            c.in_sentence(),
            format::correlation(v1),
            format::date(*d1),
        ));
    }
    if let [(c0, d0, v0), (c1, d1, v1)] = ends[..] {
        if d0 == d1 && (v0 - v1).abs() >= 0.05 {
            let (hi, hv, lo, lv) = if v0 > v1 {
                (c0, v0, c1, v1)
            } else {
                (c1, v1, c0, v0)
            };
            sentences.push(format!(
                "On {} bitcoin moved more with {} ({}) than with {} ({}).",
                format::date(d0),
                hi.in_sentence(),
                format::correlation(hv),
                lo.in_sentence(),
                format::correlation(lv)
            ));
        }
    }
    if sentences.is_empty() {
        "No rolling correlation can be computed in this view: pick a longer range or a shorter window."
            .to_owned()
    } else {
        sentences.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::raw::RawSnapshot;
    use crate::views::range::Preset;
    use serde_json::json;

    /// 8 market days; BTC daily. QQQ moves with BTC, GLD against it.
    fn snapshot(with_gold: bool) -> Snapshot {
        let days = [
            "2024-01-02",
            "2024-01-03",
            "2024-01-04",
            "2024-01-05",
            "2024-01-08",
            "2024-01-09",
            "2024-01-10",
            "2024-01-11",
        ];
        let steps = [1, 1, 1, 3, 1, 1, 1];
        let btc: Vec<f64> = (0..10)
            .map(|i| 100.0 * (1.0 + 0.01 * f64::from((i * 7) % 5) - 0.02))
            .collect();
        let on_market = |v: &[f64]| -> Vec<f64> { [0, 1, 2, 3, 6, 7, 8, 9].iter().map(|&i| v[i]).collect() };
        let btc_m = on_market(&btc);
        let qqq: Vec<f64> = btc_m.iter().map(|v| v * 2.0).collect();
        let gld: Vec<f64> = btc_m.iter().map(|v| 10000.0 / v).collect();
        let meta = |first: &str, last: &str| json!({"label": "x", "unit": "USD", "provider": "p", "first": first, "last": last, "last_provisional": false});
        let market = |values: Vec<f64>| json!({"meta": meta(days[0], days[7]), "axis": {"start": days[0], "day_steps": steps}, "values": values});
        let mut series = json!({
            "btc_usd": {"meta": meta("2024-01-02", "2024-01-11"), "axis": {"start": "2024-01-02", "day_steps": vec![1; 9]}, "values": btc},
            "spy": market(qqq.clone()),
            "qqq": market(qqq),
        });
        if with_gold {
            series["gld"] = market(gld);
        }
        let raw: RawSnapshot = serde_json::from_value(json!({
            "schema_version": 1, "as_of": "2024-01-11",
            "providers": {"p": {"name": "P", "attribution": "P", "licence": "l", "url": "u"}},
            "series": series, "etf_flows": {}, "market_holidays": [], "events": []
        }))
        .unwrap();
        Snapshot::from_raw(raw).unwrap()
    }

    #[test]
    fn crypto_is_sampled_on_market_days_and_correlations_have_signs() {
        let data = MarketData::from_snapshot(&snapshot(true)).unwrap();
        assert_eq!(data.dates.len(), 8);
        // BTC on Monday 2024-01-08 is its close of that day (index 6 of the daily series).
        assert_eq!(
            data.btc[4],
            Some(100.0 * (1.0 + 0.01 * f64::from((6 * 7) % 5) - 0.02))
        );
        let corr = rolling_correlations(&data, &Counterpart::DEFAULT, 3);
        let q = corr[0].as_ref().unwrap();
        let g = corr[1].as_ref().unwrap();
        assert_eq!(q.values[..3], [None, None, None]);
        assert!((q.values[7].unwrap() - 1.0).abs() < 1e-9);
        assert!((g.values[7].unwrap() + 1.0).abs() < 1e-9);
    }

    #[test]
    fn view_slices_indexes_and_says_what_the_data_show() {
        let data = MarketData::from_snapshot(&snapshot(true)).unwrap();
        let corr = rolling_correlations(&data, &Counterpart::DEFAULT, 3);
        let v = correlation_view(&data, &corr, 3, RangeChoice::Preset(Preset::All));
        assert_eq!(v.dates.len(), 8);
        assert_eq!(v.indexed[0].values[0], Some(100.0));
        assert_eq!(v.indexed.len(), 3);
        assert_eq!(
            v.takeaway,
            "3-day correlation of bitcoin with the Nasdaq-100: 1.00 on 2024-01-11, little changed from 1.00 on 2024-01-05. \
             3-day correlation of bitcoin with gold: −1.00 on 2024-01-11, little changed from −1.00 on 2024-01-05. \
             On 2024-01-11 bitcoin moved more with the Nasdaq-100 (1.00) than with gold (−1.00)."
        );
        let custom = RangeChoice::Custom(
            crate::date::parse_iso("2024-01-08").unwrap(),
            crate::date::parse_iso("2024-01-10").unwrap(),
        );
        let v = correlation_view(&data, &corr, 3, custom);
        assert_eq!(v.dates.len(), 3);
        assert_eq!(v.indexed[0].values[0], Some(100.0));
    }

    #[test]
    fn a_missing_counterpart_is_reported_not_fatal() {
        let data = MarketData::from_snapshot(&snapshot(false)).unwrap();
        let corr = rolling_correlations(&data, &Counterpart::DEFAULT, 3);
        let v = correlation_view(&data, &corr, 3, RangeChoice::Preset(Preset::All));
        assert_eq!(v.correlations.len(), 1);
        assert_eq!(
            v.unavailable,
            vec![(Counterpart::Gld, "the data file has no series `gld`".to_owned())]
        );
    }
}
