//! Chart 2: US spot ETF daily net flows — total or stacked by fund, daily, weekly or
//! monthly — with the cumulative net flow since launch.
//!
//! Only trading days with a published row exist in the data: market holidays are neither
//! bars nor zeros, and weekly/monthly sums add the days that exist.

use super::format;
use super::range::{RangeChoice, Span};
use crate::align::range_indices;
use crate::resample::{resample, Aggregate, Period};
use crate::snapshot::{ids, FlowTable};
use crate::stats::cumulative_sum;
use time::{Date, Duration};

/// Funds named in the stack; the rest are grouped as "Others".
pub const NAMED_FUNDS: usize = 5;

/// Which ETFs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Asset {
    /// US spot bitcoin ETFs.
    #[default]
    Btc,
    /// US spot ether ETFs.
    Eth,
}

impl Asset {
    /// Both assets.
    pub const ALL: [Asset; 2] = [Self::Btc, Self::Eth];

    /// Flow table id, also the URL key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Btc => ids::FLOWS_BTC,
            Self::Eth => ids::FLOWS_ETH,
        }
    }

    /// Parses a [`Asset::key`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.key().eq_ignore_ascii_case(key))
    }

    /// Button label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Btc => "Bitcoin ETFs",
            Self::Eth => "Ether ETFs",
        }
    }

    fn in_sentence(self) -> &'static str {
        match self {
            Self::Btc => "US spot bitcoin ETFs",
            Self::Eth => "US spot ether ETFs",
        }
    }
}

/// Total bars or a stack by fund.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum FlowMode {
    /// One bar: the provider's daily total.
    #[default]
    Total,
    /// Stacked bars: the largest funds and "Others".
    ByFund,
}

/// A named fund or the group of the remaining funds.
#[derive(Debug, Clone, PartialEq)]
pub struct FundGroup {
    /// Ticker, or `others`.
    pub key: String,
    /// Legend label.
    pub label: String,
    /// Indices into the table's funds.
    pub members: Vec<usize>,
}

/// The [`NAMED_FUNDS`] funds with the largest gross flows since launch, then "Others".
pub fn fund_groups(table: &FlowTable) -> Vec<FundGroup> {
    let mut ranked: Vec<(usize, f64)> = table
        .funds()
        .iter()
        .enumerate()
        .map(|(i, f)| (i, f.flows_usd_m.iter().map(|v| v.abs()).sum()))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut groups: Vec<FundGroup> = ranked
        .iter()
        .take(NAMED_FUNDS)
        .filter_map(|&(i, _)| {
            let f = table.funds().get(i)?;
            Some(FundGroup {
                key: f.ticker.clone(),
                label: f.ticker.clone(),
                members: vec![i],
            })
        })
        .collect();
    let rest: Vec<usize> = ranked.iter().skip(NAMED_FUNDS).map(|r| r.0).collect();
    if !rest.is_empty() {
        groups.push(FundGroup {
            key: "others".to_owned(),
            label: "Others".to_owned(),
            members: rest,
        });
    }
    groups
}

/// One bar of the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowBar {
    /// Start of the period (the day itself for daily bars).
    pub start: Date,
    /// First trading day in the bar.
    pub first: Date,
    /// Last trading day in the bar.
    pub last: Date,
    /// The period extends beyond the data (launch month, current week or month).
    pub partial: bool,
    /// Net flow of the bar, US$ m (of the shown funds when stacked).
    pub net_usd_m: f64,
    /// Net flow per fund group, US$ m (empty in total mode).
    pub by_group_usd_m: Vec<f64>,
    /// Cumulative net flow since launch at the bar's last day, US$ m.
    pub cumulative_usd_m: f64,
}

/// Everything chart 2 draws and says.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowsView {
    /// Which ETFs.
    pub asset: Asset,
    /// Bar length.
    pub period: Period,
    /// Total or by fund.
    pub mode: FlowMode,
    /// Fund groups (legend), in stack order.
    pub groups: Vec<FundGroup>,
    /// Whether each group is shown (stacked mode).
    pub shown: Vec<bool>,
    /// Bars in view.
    pub bars: Vec<FlowBar>,
    /// Indices into `bars` of the (up to 3) largest outflows, largest first.
    pub largest_outflows: Vec<usize>,
    /// Market holidays inside the view (not drawn).
    pub holidays_in_view: usize,
    /// The span shown.
    pub span: Span,
    /// The takeaway sentence(s).
    pub takeaway: String,
}

/// Controls of chart 2 besides the asset.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FlowControls {
    /// Bar length.
    pub period: Period,
    /// Total or stacked.
    pub mode: FlowMode,
    /// Keys of hidden fund groups.
    pub hidden: Vec<String>,
    /// Visible range.
    pub range: RangeChoice,
}

/// Builds the view of `table` for the controls.
pub fn flows_view(table: &FlowTable, asset: Asset, holidays: &[Date], c: &FlowControls) -> FlowsView {
    let groups = fund_groups(table);
    let shown: Vec<bool> = groups.iter().map(|g| !c.hidden.contains(&g.key)).collect();
    let n = table.dates().len();
    let group_daily: Vec<Vec<Option<f64>>> = groups
        .iter()
        .map(|g| {
            (0..n)
                .map(|d| {
                    Some(
                        g.members
                            .iter()
                            .filter_map(|&f| table.funds().get(f)?.flows_usd_m.get(d))
                            .sum(),
                    )
                })
                .collect()
        })
        .collect();
    let net_daily: Vec<Option<f64>> = match c.mode {
        FlowMode::Total => table.total_usd_m().iter().map(|v| Some(*v)).collect(),
        FlowMode::ByFund => (0..n)
            .map(|d| {
                Some(
                    group_daily
                        .iter()
                        .zip(&shown)
                        .filter(|(_, s)| **s)
                        .filter_map(|(g, _)| g.get(d).copied().flatten())
                        .sum(),
                )
            })
            .collect(),
    };
    let cumulative = cumulative_sum(&net_daily);
    let net_buckets = resample(table.dates(), &net_daily, c.period, Aggregate::Sum);
    let group_buckets: Vec<Vec<Option<f64>>> = match c.mode {
        FlowMode::Total => Vec::new(),
        FlowMode::ByFund => group_daily
            .iter()
            .map(|g| {
                resample(table.dates(), g, c.period, Aggregate::Sum)
                    .into_iter()
                    .map(|b| b.value)
                    .collect()
            })
            .collect(),
    };
    let span = c.range.resolve(table.first(), table.last());
    let mut bars = Vec::new();
    for (i, b) in net_buckets.iter().enumerate() {
        if b.last < span.from || b.last > span.to {
            continue;
        }
        let last_index = table.dates().partition_point(|d| *d <= b.last).saturating_sub(1);
        bars.push(FlowBar {
            start: b.start,
            first: b.first,
            last: b.last,
            partial: is_partial(b.start, c.period, table.first(), table.last()),
            net_usd_m: b.value.unwrap_or(0.0),
            by_group_usd_m: group_buckets
                .iter()
                .map(|g| g.get(i).copied().flatten().unwrap_or(0.0))
                .collect(),
            cumulative_usd_m: cumulative.get(last_index).copied().flatten().unwrap_or(0.0),
        });
    }
    let mut outflows: Vec<usize> = (0..bars.len()).filter(|&i| bars[i].net_usd_m < 0.0).collect();
    outflows.sort_by(|&a, &b| bars[a].net_usd_m.total_cmp(&bars[b].net_usd_m));
    outflows.truncate(3);
    let (h0, h1) = range_indices(holidays, span.from, span.to);
    let mut view = FlowsView {
        asset,
        period: c.period,
        mode: c.mode,
        groups,
        shown,
        bars,
        largest_outflows: outflows,
        holidays_in_view: h1 - h0,
        span,
        takeaway: String::new(),
    };
    view.takeaway = takeaway(&view, table);
    view
}

/// Whether the period starting at `start` begins before the data (the launch period) or
/// ends after the last data day (the current period).
fn is_partial(start: Date, period: Period, first: Date, last: Date) -> bool {
    let end = match period {
        Period::Day => return false,
        Period::Week => start.checked_add(Duration::days(6)),
        Period::Month => crate::views::range::months_before(start, -1).previous_day(),
    };
    start < first || end.is_none_or(|e| e > last)
}

fn takeaway(v: &FlowsView, table: &FlowTable) -> String {
    let Some(last_bar) = v.bars.last() else {
        return "No flows in this range.".to_owned();
    };
    let net: f64 = v.bars.iter().map(|b| b.net_usd_m).sum();
    let what = match v.mode {
        FlowMode::Total => v.asset.in_sentence().to_owned(),
        FlowMode::ByFund if v.shown.iter().all(|s| *s) => v.asset.in_sentence().to_owned(),
        FlowMode::ByFund => format!(
            "the shown {}",
            v.asset.in_sentence().trim_start_matches("US spot ")
        ),
    };
    let verb = if net < 0.0 { "lost" } else { "took in" };
    let (from, to) = (v.bars.first().map_or(v.span.from, |b| b.first), last_bar.last);
    let mut s = format!(
        "From {} to {}, {what} {verb} a net {}.",
        format::date(from),
        format::date(to),
        format::usd_millions(net.abs()).trim_start_matches('+')
    );
    if v.period == Period::Day {
        let outflow_days = v.bars.iter().filter(|b| b.net_usd_m < 0.0).count();
        s.push_str(&format!(
            " {outflow_days} of {} trading days were net outflows.",
            v.bars.len()
        ));
    }
    if let Some(b) = v.largest_outflows.first().and_then(|&i| v.bars.get(i)) {
        let when = match v.period {
            Period::Day => format!("on {}", format::date(b.first)),
            Period::Week => format!("in the week of {}", format::date(b.start)),
            Period::Month => format!("in {}", format::month_year(b.start)),
        };
        let unit = match v.period {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
        };
        s.push_str(&format!(
            " Largest outflow {unit}: {} {when}.",
            format::usd_millions(b.net_usd_m)
        ));
    }
    s.push_str(&format!(
        " Cumulative since launch ({}): {}.",
        format::date(table.first()),
        format::usd_millions(last_bar.cumulative_usd_m)
    ));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_iso;
    use crate::snapshot::{Axis, Fund, Meta};
    use crate::views::range::Preset;

    fn d(s: &str) -> Date {
        parse_iso(s).unwrap()
    }

    fn table() -> FlowTable {
        // Thu 2025-11-20 .. Wed 2025-12-03, skipping weekends and Thanksgiving (11-27).
        let days = [
            "2025-11-20",
            "2025-11-21",
            "2025-11-24",
            "2025-11-25",
            "2025-11-26",
            "2025-11-28",
            "2025-12-01",
            "2025-12-02",
            "2025-12-03",
        ];
        let fund = |t: &str, v: [f64; 9]| Fund {
            ticker: t.into(),
            name: t.into(),
            flows_usd_m: v.to_vec(),
        };
        let funds = vec![
            fund("IBIT", [-355.5, 10.0, 20.0, 30.0, 40.0, 50.0, -60.0, 70.0, 80.0]),
            fund("FBTC", [-190.4, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]),
            fund("A", [-1.0; 9]),
            fund("B", [1.0; 9]),
            fund("C", [0.5; 9]),
            fund("D", [0.1; 9]),
            fund("E", [0.0; 9]),
        ];
        let total: Vec<f64> = (0..9)
            .map(|i| funds.iter().map(|f| f.flows_usd_m[i]).sum())
            .collect();
        let meta = Meta {
            label: "x".into(),
            unit: "US$ m".into(),
            provider: "farside".into(),
            last_provisional: false,
            note: None,
        };
        FlowTable::new(
            "btc",
            meta,
            Axis::new("btc", days.iter().map(|s| d(s)).collect()).unwrap(),
            funds,
            total,
        )
        .unwrap()
    }

    fn controls(period: Period, mode: FlowMode) -> FlowControls {
        FlowControls {
            period,
            mode,
            hidden: Vec::new(),
            range: RangeChoice::Preset(Preset::All),
        }
    }

    #[test]
    fn groups_name_the_largest_funds() {
        let g = fund_groups(&table());
        let keys: Vec<&str> = g.iter().map(|g| g.key.as_str()).collect();
        assert_eq!(keys, ["IBIT", "FBTC", "A", "B", "C", "others"]);
        assert_eq!(g[5].members.len(), 2);
    }

    #[test]
    fn daily_bars_skip_the_holiday_and_cumulate_from_launch() {
        let t = table();
        let v = flows_view(
            &t,
            Asset::Btc,
            &[d("2025-11-27")],
            &controls(Period::Day, FlowMode::Total),
        );
        assert_eq!(v.bars.len(), 9);
        assert!(v.bars.iter().all(|b| b.first != d("2025-11-27")));
        assert_eq!(v.holidays_in_view, 1);
        assert!((v.bars[0].net_usd_m - -545.3).abs() < 1e-9);
        let total: f64 = t.total_usd_m().iter().sum();
        assert!((v.bars[8].cumulative_usd_m - total).abs() < 1e-9);
        assert_eq!(v.largest_outflows[0], 0);
        assert_eq!(
            v.takeaway,
            "From 2025-11-20 to 2025-12-03, US spot bitcoin ETFs lost a net $292.5M. 2 of 9 trading days were net outflows. \
             Largest outflow day: −$545.3M on 2025-11-20. Cumulative since launch (2025-11-20): −$292.5M."
        );
    }

    #[test]
    fn weekly_and_monthly_sums_and_partial_periods() {
        let t = table();
        let w = flows_view(&t, Asset::Btc, &[], &controls(Period::Week, FlowMode::Total));
        assert_eq!(
            w.bars.iter().map(|b| b.start).collect::<Vec<_>>(),
            [d("2025-11-17"), d("2025-11-24"), d("2025-12-01")]
        );
        assert!(w.bars[0].partial && !w.bars[1].partial && w.bars[2].partial);
        let sum: f64 = w.bars.iter().map(|b| b.net_usd_m).sum();
        assert!((sum - t.total_usd_m().iter().sum::<f64>()).abs() < 1e-9);
        let m = flows_view(&t, Asset::Btc, &[], &controls(Period::Month, FlowMode::Total));
        assert_eq!(m.bars.len(), 2);
        assert!(m.bars[0].partial && m.bars[1].partial);
        assert!(m.takeaway.contains("Largest outflow month: −$") && m.takeaway.contains("in Nov 2025"));
    }

    #[test]
    fn stacked_by_fund_respects_hidden_groups() {
        let t = table();
        let mut c = controls(Period::Day, FlowMode::ByFund);
        let all = flows_view(&t, Asset::Btc, &[], &c);
        assert_eq!(all.bars[0].by_group_usd_m.len(), 6);
        assert!((all.bars[0].net_usd_m - t.total_usd_m()[0]).abs() < 1e-9);
        c.hidden = vec!["IBIT".into()];
        let v = flows_view(&t, Asset::Btc, &[], &c);
        assert!((v.bars[0].net_usd_m - (t.total_usd_m()[0] + 355.5)).abs() < 1e-9);
        assert!(!v.shown[0]);
        assert!(v
            .takeaway
            .starts_with("From 2025-11-20 to 2025-12-03, the shown bitcoin ETFs"));
    }

    #[test]
    fn range_limits_bars_but_not_the_cumulative_base() {
        let t = table();
        let mut c = controls(Period::Day, FlowMode::Total);
        c.range = RangeChoice::Custom(d("2025-12-01"), d("2025-12-03"));
        let v = flows_view(&t, Asset::Btc, &[], &c);
        assert_eq!(v.bars.len(), 3);
        let total: f64 = t.total_usd_m().iter().sum();
        assert!((v.bars[2].cumulative_usd_m - total).abs() < 1e-9);
    }
}
