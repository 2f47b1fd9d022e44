//! Chart 3: ETH burned versus modelled issuance, the net supply change, and cumulative net
//! supply since London and since the Merge. Issuance is a model ([`crate::issuance`]).

use super::format;
use super::range::{RangeChoice, Span};
use crate::align::{range_indices, sample_on};
use crate::issuance::{issuance_series, net_supply_change, MERGE};
use crate::snapshot::{ids, SnapshotError};
use crate::stats::{cumulative_sum, rolling_mean};
use crate::Snapshot;
use time::Date;

/// Days in the default smoothing window.
pub const SMOOTHING_DAYS: usize = 7;

/// Daily values or their trailing 7-day mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Smoothing {
    /// Trailing 7-day mean.
    #[default]
    Mean7,
    /// Daily values.
    Daily,
}

impl Smoothing {
    /// URL key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Mean7 => "7d",
            Self::Daily => "daily",
        }
    }

    /// Parses a [`Smoothing::key`].
    pub fn parse(key: &str) -> Option<Self> {
        [Self::Mean7, Self::Daily]
            .into_iter()
            .find(|s| s.key().eq_ignore_ascii_case(key))
    }
}

/// Daily burn, modelled issuance and net supply change from London on.
#[derive(Debug, Clone, PartialEq)]
pub struct BurnData {
    /// Days with a burn observation.
    pub dates: Vec<Date>,
    /// ETH burned per day.
    pub burn_eth: Vec<Option<f64>>,
    /// Modelled issuance, ETH per day.
    pub issuance_eth: Vec<Option<f64>>,
    /// Issuance − burn, ETH per day.
    pub net_eth: Vec<Option<f64>>,
    /// Cumulative net supply change since the first day (London), ETH.
    pub cumulative_london_eth: Vec<Option<f64>>,
    /// Cumulative net supply change since the Merge, ETH (`None` before it).
    pub cumulative_merge_eth: Vec<Option<f64>>,
}

impl BurnData {
    /// Reads the burn and stake series and runs the issuance model.
    ///
    /// # Errors
    /// The snapshot error of the burn or the stake series.
    pub fn from_snapshot(snapshot: &Snapshot) -> Result<Self, SnapshotError> {
        let burn = snapshot.series(ids::ETH_BURN)?;
        let staked = snapshot.series(ids::ETH_STAKED)?;
        let dates = burn.dates().to_vec();
        let issuance = issuance_series(&dates, &sample_on(&dates, staked));
        let net = net_supply_change(&issuance, burn.values());
        let merge_at = dates.partition_point(|d| *d < MERGE);
        let mut cumulative_merge = vec![None; merge_at];
        cumulative_merge.extend(cumulative_sum(net.get(merge_at..).unwrap_or_default()));
        Ok(Self {
            cumulative_london_eth: cumulative_sum(&net),
            cumulative_merge_eth: cumulative_merge,
            burn_eth: burn.values().to_vec(),
            issuance_eth: issuance,
            net_eth: net,
            dates,
        })
    }
}

/// Everything chart 3 draws and says.
#[derive(Debug, Clone, PartialEq)]
pub struct BurnView {
    /// Visible days.
    pub dates: Vec<Date>,
    /// Burn, ETH/day (smoothed as chosen).
    pub burn_eth: Vec<Option<f64>>,
    /// Modelled issuance, ETH/day (smoothed the same way).
    pub issuance_eth: Vec<Option<f64>>,
    /// Net supply change, ETH/day (smoothed the same way).
    pub net_eth: Vec<Option<f64>>,
    /// Cumulative net supply since London, ETH.
    pub cumulative_london_eth: Vec<Option<f64>>,
    /// Cumulative net supply since the Merge, ETH.
    pub cumulative_merge_eth: Vec<Option<f64>>,
    /// Daily or 7-day mean.
    pub smoothing: Smoothing,
    /// The span shown.
    pub span: Span,
    /// The takeaway sentence(s).
    pub takeaway: String,
}

/// Smooths (on the full history, so a view's first days have a full window), slices and
/// describes the chosen range.
pub fn burn_view(data: &BurnData, smoothing: Smoothing, range: RangeChoice) -> BurnView {
    let (first, last) = match (data.dates.first(), data.dates.last()) {
        (Some(a), Some(b)) => (*a, *b),
        _ => (Date::MIN, Date::MIN),
    };
    let span = range.resolve(first, last);
    let (a, b) = range_indices(&data.dates, span.from, span.to);
    let smooth = |v: &[Option<f64>]| match smoothing {
        Smoothing::Mean7 => rolling_mean(v, SMOOTHING_DAYS),
        Smoothing::Daily => v.to_vec(),
    };
    let slice = |v: Vec<Option<f64>>| v.get(a..b).map(<[_]>::to_vec).unwrap_or_default();
    fn s(v: &[Option<f64>], a: usize, b: usize) -> &[Option<f64>] {
        v.get(a..b).unwrap_or_default()
    }
    let takeaway = takeaway(
        data.dates.get(a..b).unwrap_or_default(),
        s(&data.burn_eth, a, b),
        s(&data.issuance_eth, a, b),
        s(&data.net_eth, a, b),
        s(&data.cumulative_merge_eth, a, b).last().copied().flatten(),
    );
    BurnView {
        dates: data.dates.get(a..b).map(<[_]>::to_vec).unwrap_or_default(),
        burn_eth: slice(smooth(&data.burn_eth)),
        issuance_eth: slice(smooth(&data.issuance_eth)),
        net_eth: slice(smooth(&data.net_eth)),
        cumulative_london_eth: slice(data.cumulative_london_eth.clone()),
        cumulative_merge_eth: slice(data.cumulative_merge_eth.clone()),
        smoothing,
        span,
        takeaway,
    }
}

fn takeaway(
    dates: &[Date],
    burn: &[Option<f64>],
    issuance: &[Option<f64>],
    net: &[Option<f64>],
    since_merge: Option<f64>,
) -> String {
    let (Some(from), Some(to)) = (dates.first(), dates.last()) else {
        return "No burn data in this range.".to_owned();
    };
    let days: Vec<(f64, f64, f64)> = burn
        .iter()
        .zip(issuance)
        .zip(net)
        .filter_map(|((b, i), n)| Some(((*b)?, (*i)?, (*n)?)))
        .collect();
    if days.is_empty() {
        return "No burn data in this range.".to_owned();
    }
    let count = days.len() as f64;
    let mean_burn = days.iter().map(|d| d.0).sum::<f64>() / count;
    let mean_issuance = days.iter().map(|d| d.1).sum::<f64>() / count;
    let net_total: f64 = days.iter().map(|d| d.2).sum();
    let deflationary = days.iter().filter(|d| d.0 > d.1).count();
    let change = if net_total < 0.0 { "shrank" } else { "grew" };
    let mut s = format!(
        "From {} to {}, ETH burned averaged {} ETH a day against modelled issuance of {}: \
         supply {change} by about {} ETH (model). Burn exceeded issuance on {deflationary} of {} days.",
        format::date(*from),
        format::date(*to),
        format::number(mean_burn, 0),
        format::number(mean_issuance, 0),
        format::number(net_total.abs(), 0),
        days.len()
    );
    if let Some(m) = since_merge {
        s.push_str(&format!(
            " Net change since the Merge to {}: {} ETH (model).",
            format::date(*to),
            format::signed(m, 0)
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::raw::RawSnapshot;
    use crate::views::range::Preset;
    use serde_json::json;

    fn data() -> BurnData {
        // 2022-09-12 .. 2022-09-19 around the Merge; 36M ETH staked → ≈2,729 ETH/day.
        let meta = |unit: &str| json!({"label": "x", "unit": unit, "provider": "p", "first": "2022-09-12", "last": "2022-09-19", "last_provisional": false});
        let axis = json!({"start": "2022-09-12", "day_steps": vec![1; 7]});
        let raw: RawSnapshot = serde_json::from_value(json!({
            "schema_version": 1, "as_of": "2022-09-19",
            "providers": {"p": {"name": "P", "attribution": "P", "licence": "l", "url": "u"}},
            "series": {
                "eth_burn": {"meta": meta("ETH"), "axis": axis, "values": [5000, 5000, 5000, 4000, 3000, 1000, null, 2000]},
                "eth_staked": {"meta": meta("ETH"), "axis": axis, "values": vec![36.0e6; 8]}
            },
            "etf_flows": {}, "market_holidays": [], "events": []
        }))
        .unwrap();
        BurnData::from_snapshot(&Snapshot::from_raw(raw).unwrap()).unwrap()
    }

    #[test]
    fn issuance_switches_at_the_merge_and_net_is_issuance_minus_burn() {
        let d = data();
        assert_eq!(d.issuance_eth[2], Some(14_000.0));
        let pos = 166.3 * 6000.0 / 365.25;
        assert!((d.issuance_eth[3].unwrap() - pos).abs() < 1e-9);
        assert_eq!(d.net_eth[0], Some(9_000.0));
        assert!((d.net_eth[3].unwrap() - (pos - 4000.0)).abs() < 1e-9);
        // Cumulative since the Merge starts on Merge day; a gap stops both totals.
        assert_eq!(d.cumulative_merge_eth[2], None);
        assert!((d.cumulative_merge_eth[3].unwrap() - (pos - 4000.0)).abs() < 1e-9);
        assert_eq!(d.cumulative_london_eth[6], None);
        assert_eq!(d.cumulative_london_eth[7], None);
    }

    #[test]
    fn view_smooths_and_describes() {
        let d = data();
        let v = burn_view(&d, Smoothing::Daily, RangeChoice::Preset(Preset::All));
        assert_eq!(v.dates.len(), 8);
        assert_eq!(v.burn_eth[6], None);
        assert!(
            v.takeaway
                .starts_with("From 2022-09-12 to 2022-09-19, ETH burned averaged 3,571 ETH a day"),
            "{}",
            v.takeaway
        );
        assert!(
            v.takeaway.contains("Burn exceeded issuance on 2 of 7 days."),
            "{}",
            v.takeaway
        );
        let m = burn_view(&d, Smoothing::Mean7, RangeChoice::Preset(Preset::All));
        assert!(m.burn_eth[..7].iter().all(Option::is_none), "{:?}", m.burn_eth);
    }
}
