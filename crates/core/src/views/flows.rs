//! Chart 2: US spot ETF daily net flows — total or stacked by fund, daily, weekly or
//! monthly — with the cumulative net flow since launch.
//!
//! Only trading days with a published row exist in the data: market holidays are neither
//! bars nor zeros, and weekly/monthly sums add the days that exist.

use super::chart::{
    data_error, events_in, partial_end_label, providers_of, ChartView, Control, MiniBar, MiniBars, Tick,
    ToggleItem,
};
use super::frame::{Annotation, ColorRole, Frame, PanelSpec, PointNames, Scale, SeriesKind, SeriesSpec};
use super::range::{Outside, RangeChoice, Span};
use super::state::{Chart, FlowsState};
use super::table::{StatCell, StatTable};
use crate::align::range_indices;
use crate::date::add_days;
use crate::resample::{resample, Aggregate, Period};
use crate::snapshot::{ids, Event, FlowTable};
use crate::stats::cumulative_sum;
use crate::text::{data, Msg, NumFmt};
use crate::Snapshot;
use time::{Date, Duration};

/// Funds named in the stack; the rest are grouped as "Others".
pub const NAMED_FUNDS: usize = 5;
/// The label of the group of remaining funds: a marker the view turns into a message.
const OTHERS: &str = "others";

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
    pub fn label(self) -> Msg {
        Msg::new(match self {
            Self::Btc => "asset-btc",
            Self::Eth => "asset-eth",
        })
    }

    fn in_sentence(self) -> Msg {
        Msg::new(match self {
            Self::Btc => "asset-btc-in-sentence",
            Self::Eth => "asset-eth-in-sentence",
        })
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
    crate::order::sort_by(&mut ranked, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
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
            label: OTHERS.to_owned(),
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
    /// Cumulative net flow since launch at the bar's last day, US$ m (the sum of every
    /// published day: a day validation set aside is not in it).
    pub cumulative_usd_m: f64,
    /// The bar holds a day validation set aside ([`set_aside_days`]): its flow is unknown,
    /// so neither the bar nor the cumulative line is drawn there (the line breaks).
    pub gap: bool,
}

/// The days of `table` that validation set aside (a row with an unusable fund cell): the
/// table has no row for them, yet they are trading days whose flow is unknown.
pub fn set_aside_days(table: &FlowTable) -> Vec<Date> {
    let mut days: Vec<Date> = table
        .issues()
        .iter()
        .filter_map(|i| match i {
            crate::snapshot::Issue::RowSetAside { date, .. } => Some(*date),
            _ => None,
        })
        .filter(|d| table.dates().binary_search(d).is_err())
        .collect();
    crate::order::sort(&mut days);
    days.dedup();
    days
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
    /// The highest running total (of the funds shown) on a day before the first bar;
    /// `None` when the view starts at launch.
    pub high_before: Option<f64>,
    /// Why there are no bars, where there are none: the range is too short, or it ends
    /// before the ETFs began trading (a lens window around an earlier event), or begins
    /// after the data end.
    pub empty: Msg,
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
///
/// A day validation set aside is a gap: its daily bar, the week or month holding it, and
/// the cumulative line at that bar are not drawn (the line breaks instead of bridging the
/// day), and the cumulative total after it is the sum of the published days.
pub fn flows_view(table: &FlowTable, asset: Asset, holidays: &[Date], c: &FlowControls) -> FlowsView {
    let groups = fund_groups(table);
    let shown: Vec<bool> = groups.iter().map(|g| !c.hidden.contains(&g.key)).collect();
    let n = table.dates().len();
    // Every published day plus the days set aside (`None` there), in date order.
    let aside = set_aside_days(table);
    let mut calendar: Vec<(Date, Option<usize>)> = table
        .dates()
        .iter()
        .enumerate()
        .map(|(i, d)| (*d, Some(i)))
        .chain(aside.iter().map(|d| (*d, None)))
        .collect();
    crate::order::sort_by_key(&mut calendar, |x| x.0);
    let all_dates: Vec<Date> = calendar.iter().map(|x| x.0).collect();
    let spread = |v: &[Option<f64>]| -> Vec<Option<f64>> {
        calendar
            .iter()
            .map(|(_, i)| i.and_then(|i| v.get(i).copied().flatten()))
            .collect()
    };
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
    let net_all = spread(&net_daily);
    let net_buckets = resample(&all_dates, &net_all, c.period, Aggregate::Sum);
    let group_buckets: Vec<Vec<Option<f64>>> = match c.mode {
        FlowMode::Total => Vec::new(),
        FlowMode::ByFund => group_daily
            .iter()
            .map(|g| {
                resample(&all_dates, &spread(g), c.period, Aggregate::Sum)
                    .into_iter()
                    .map(|b| b.value)
                    .collect()
            })
            .collect(),
    };
    // A span that misses the data selects no bar, and says on which side it lies.
    let span = c.range.shown(table.first(), table.last());
    let empty = match c.range.resolve(table.first(), table.last()) {
        Err(Outside::Before) => Msg::new("empty-flows-before")
            .msg("asset", asset.in_sentence())
            .date("date", table.first()),
        Err(Outside::After) => Msg::new("empty-flows-after").date("date", table.last()),
        Ok(_) => Msg::new("empty-flows-range"),
    };
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
            gap: b.value.is_none(),
        });
    }
    let mut outflows: Vec<(usize, f64)> = bars
        .iter()
        .enumerate()
        .filter(|(_, b)| b.net_usd_m < 0.0)
        .map(|(i, b)| (i, b.net_usd_m))
        .collect();
    crate::order::sort_by(&mut outflows, |a, b| a.1.total_cmp(&b.1));
    let mut outflows: Vec<usize> = outflows.into_iter().map(|o| o.0).collect();
    outflows.truncate(3);
    let (h0, h1) = range_indices(holidays, span.from, span.to);
    let view_start = bars.first().map_or(span.from, |b| b.first.min(span.from));
    let before = table.dates().partition_point(|d| *d < view_start);
    let high_before = cumulative
        .get(..before)
        .and_then(|c| c.iter().flatten().copied().reduce(f64::max));
    FlowsView {
        asset,
        period: c.period,
        mode: c.mode,
        groups,
        shown,
        bars,
        largest_outflows: outflows,
        holidays_in_view: h1 - h0,
        span,
        high_before,
        empty,
    }
}

/// Whether the period starting at `start` begins before the data (the launch period) or
/// ends after the last data day (the current period).
fn is_partial(start: Date, period: Period, first: Date, last: Date) -> bool {
    let end = match period {
        Period::Day => return false,
        Period::Week => start.checked_add(Duration::days(6)),
        Period::Month => crate::views::range::months_before(start, -1).previous_day(),
    };
    // The markets trade on weekdays: a week whose Friday has data is whole, so is a month
    // whose last weekday has (a period that begins before the data is partial).
    let last_weekday = end.map(|mut e| {
        while matches!(e.weekday(), time::Weekday::Saturday | time::Weekday::Sunday) {
            e = e.previous_day().unwrap_or(e);
        }
        e
    });
    start < first || last_weekday.is_none_or(|e| e > last)
}

/// The day a bar is drawn at: the middle of its trading days.
fn mid_date(b: &FlowBar) -> Date {
    add_days(b.first, (b.last - b.first).whole_days() / 2).unwrap_or(b.first)
}

/// Width of a bar in days.
fn bar_days(period: Period) -> f64 {
    match period {
        Period::Day => 0.8,
        Period::Week => 5.6,
        Period::Month => 25.0,
    }
}

fn group_label(g: &FundGroup) -> Msg {
    if g.label == OTHERS {
        Msg::new("fund-others")
    } else {
        Msg::new("fund").text("ticker", g.label.clone())
    }
}

const BARS: usize = 0;
const CUMULATIVE: usize = 1;

/// Chart 2 for the reader's settings.
/// An unset period draws daily bars; the shell resolves it for the viewport first
/// ([`super::state::ChartState::at_width`]).
pub fn view(snapshot: &Snapshot, state: &FlowsState) -> ChartView {
    let asset = state.asset;
    let period = state.period.unwrap_or(Period::Day);
    let mode_options = vec![
        ("total".to_owned(), Msg::new("bars-total")),
        ("fund".to_owned(), Msg::new("bars-fund")),
    ];
    let mut controls = vec![
        Control::choice(
            "f.etf",
            Msg::new("control-etfs"),
            Asset::ALL
                .iter()
                .map(|a| (a.key().to_owned(), a.label()))
                .collect(),
            asset.key(),
        ),
        Control::choice(
            "f.bars",
            Msg::new("control-bars"),
            mode_options,
            match state.mode {
                FlowMode::Total => "total",
                FlowMode::ByFund => "fund",
            },
        ),
        Control::choice(
            "f.agg",
            Msg::new("control-aggregation"),
            vec![
                ("day".to_owned(), Msg::new("agg-day")),
                ("week".to_owned(), Msg::new("agg-week")),
                ("month".to_owned(), Msg::new("agg-month")),
            ],
            match period {
                Period::Day => "day",
                Period::Week => "week",
                Period::Month => "month",
            },
        ),
    ];
    let period_msg = Msg::new(match period {
        Period::Day => "period-daily",
        Period::Week => "period-weekly",
        Period::Month => "period-monthly",
    });
    let mut base = ChartView {
        chart: Chart::Flows,
        title: Msg::new("flows-title"),
        subtitle: Msg::new("flows-subtitle")
            .msg("period", period_msg)
            .msg("asset", asset.in_sentence()),
        summary: Msg::new("empty"),
        lede: match (snapshot.flows(ids::FLOWS_BTC), snapshot.flows(ids::FLOWS_ETH)) {
            (Ok(b), Ok(e)) => Msg::new("flows-lede")
                .date("btc", b.first())
                .date("eth", e.first()),
            _ => Msg::new("flows-lede-generic"),
        },
        takeaway: Vec::new(),
        controls: Vec::new(),
        frame: Err(Msg::new("empty-flows-range")),
        warnings: Vec::new(),
        findings: Vec::new(),
        mini: None,
        stats: Vec::new(),
        notes: Vec::new(),
        method: Msg::new("method-flows"),
        providers: providers_of(snapshot, &[], &[asset.key()]),
        as_of: snapshot.as_of,
        modelled: false,
    };
    let table = match snapshot.flows(asset.key()) {
        Ok(t) => t,
        Err(e) => {
            base.controls = controls;
            base.frame = Err(data_error(&e));
            return base;
        }
    };
    let c = FlowControls {
        period,
        mode: state.mode,
        hidden: state.hidden.clone(),
        range: state.range,
    };
    let v = flows_view(table, asset, &snapshot.market_holidays, &c);
    if v.mode == FlowMode::ByFund {
        controls.push(Control::Toggles {
            key: "f.hide",
            label: Msg::new("control-funds"),
            items: v
                .groups
                .iter()
                .enumerate()
                .map(|(g, group)| {
                    let on = v.shown.get(g).copied().unwrap_or(true);
                    let mut after: Vec<String> = state
                        .hidden
                        .iter()
                        .filter(|k| **k != group.key)
                        .cloned()
                        .collect();
                    if on {
                        after.push(group.key.clone());
                    }
                    ToggleItem {
                        label: group_label(group),
                        color: ColorRole::Fund(u8::try_from(g).unwrap_or(u8::MAX)),
                        on,
                        locked: false,
                        value_after: after.join(","),
                    }
                })
                .collect(),
        });
    }
    controls.push(Control::range(
        "f.range",
        state.range,
        table.first(),
        table.last(),
    ));
    base.controls = controls;
    base.as_of = table.last();
    // No bars: the reason alone, before any sentence, lead–lag or note is worked out for
    // nothing.
    if v.bars.is_empty() {
        return base.emptied(v.empty);
    }
    base.takeaway = takeaway(&v, table);
    (base.findings, base.mini, base.stats) = lead_lag(snapshot, asset, &v);
    (base.title, base.summary) = headline(&v);
    base.notes = notes(&v, table);
    let price = match asset {
        Asset::Btc => ids::BTC_USD,
        Asset::Eth => ids::ETH_USD,
    };
    base.notes
        .extend(super::chart::validation_notes(snapshot, &[asset.key(), price]));
    base.frame = frame(&v, &snapshot.events, table.first());
    base
}

/// `launch`: the table's first day, where the running total starts (whatever the range).
fn frame(v: &FlowsView, events: &[Event], launch: Date) -> Result<Frame, Msg> {
    if v.bars.is_empty() {
        return Err(v.empty.clone());
    }
    let x: Vec<Date> = v.bars.iter().map(mid_date).collect();
    let mut series = Vec::new();
    match v.mode {
        FlowMode::Total => series.push(SeriesSpec {
            key: "net_usd_m".to_owned(),
            label: Msg::new("series-net-flow"),
            panel: BARS,
            kind: SeriesKind::Bar { by_sign: true },
            color: ColorRole::Inflow,
            width_css: 0.0,
            values: v.bars.iter().map(|b| (!b.gap).then_some(b.net_usd_m)).collect(),
            format: NumFmt::SignedUsdM,
            end_label: None,
            remarks: None,
            interval: None,
        }),
        FlowMode::ByFund => {
            for (g, group) in v.groups.iter().enumerate() {
                if !v.shown.get(g).copied().unwrap_or(true) {
                    continue;
                }
                series.push(SeriesSpec {
                    key: group.key.clone(),
                    label: group_label(group),
                    panel: BARS,
                    kind: SeriesKind::Stack,
                    color: ColorRole::Fund(u8::try_from(g).unwrap_or(u8::MAX)),
                    width_css: 0.0,
                    values: v
                        .bars
                        .iter()
                        .map(|b| b.by_group_usd_m.get(g).copied().filter(|_| !b.gap))
                        .collect(),
                    format: NumFmt::SignedUsdM,
                    end_label: None,
                    remarks: None,
                    interval: None,
                });
            }
        }
    }
    series.push(SeriesSpec {
        key: "cumulative_usd_m".to_owned(),
        label: Msg::new(if v.mode == FlowMode::ByFund && v.shown.iter().any(|s| !s) {
            "series-cumulative-shown"
        } else {
            "series-cumulative"
        }),
        panel: CUMULATIVE,
        kind: SeriesKind::Line { dashed: false },
        color: ColorRole::Ink,
        width_css: 1.75,
        values: v
            .bars
            .iter()
            .map(|b| (!b.gap).then_some(b.cumulative_usd_m))
            .collect(),
        format: NumFmt::SignedUsdM,
        end_label: Some(Msg::new("end-cumulative")),
        remarks: None,
        interval: None,
    });
    let period_title = |long: &'static str, short: &'static str| match v.period {
        Period::Day => (
            Msg::new(long).msg("period", Msg::new("period-daily")),
            Msg::new(short).msg("period", Msg::new("period-daily")),
        ),
        Period::Week => (
            Msg::new(long).msg("period", Msg::new("period-weekly")),
            Msg::new(short).msg("period", Msg::new("period-weekly")),
        ),
        Period::Month => (
            Msg::new(long).msg("period", Msg::new("period-monthly")),
            Msg::new(short).msg("period", Msg::new("period-monthly")),
        ),
    };
    let (title, short_title) = period_title("panel-flows", "panel-flows-short");
    let names = match v.period {
        Period::Day => PointNames::Days,
        Period::Week | Period::Month => PointNames::Named(
            v.bars
                .iter()
                .map(|b| {
                    let title = match (v.period, b.partial) {
                        (Period::Week, false) => Msg::new("point-week").date("date", b.start),
                        (Period::Week, true) => Msg::new("point-week-partial").date("date", b.start),
                        (_, false) => Msg::new("point-month").month("month", b.start),
                        (_, true) => Msg::new("point-month-partial").month("month", b.start),
                    };
                    (
                        title,
                        Some(
                            Msg::new("point-trading-days")
                                .date("from", b.first)
                                .date("to", b.last),
                        ),
                    )
                })
                .collect(),
        ),
    };
    // A last week or month that the data do not cover to its end is named at the end of
    // the line (never over the data) and its points ringed, as a provisional day is.
    let partial_end = match v.period {
        Period::Day => None,
        Period::Week | Period::Month => v.bars.iter().enumerate().next_back().filter(|(_, b)| b.partial),
    };
    if let Some((_, b)) = partial_end {
        for s in &mut series {
            s.end_label = s
                .end_label
                .take()
                .map(|label| partial_end_label(label, b.start, v.period == Period::Week));
        }
    }
    let annotations = v
        .largest_outflows
        .iter()
        .filter_map(|&i| {
            let b = v.bars.get(i)?;
            let low = match v.mode {
                FlowMode::Total => b.net_usd_m.min(0.0),
                FlowMode::ByFund => b
                    .by_group_usd_m
                    .iter()
                    .zip(&v.shown)
                    .filter(|(x, s)| **s && **x < 0.0)
                    .map(|(x, _)| *x)
                    .sum(),
            };
            Some(Annotation {
                index: i,
                panel: BARS,
                y: low,
                text: Msg::new("annotation-outflow").num("v", b.net_usd_m, NumFmt::SignedUsdM),
                color: ColorRole::Outflow,
            })
        })
        .collect();
    let provisional_from = partial_end.and_then(|(i, _)| x.get(i).copied());
    Ok(Frame {
        x,
        bar_days: Some(bar_days(v.period)),
        names,
        panels: vec![
            PanelSpec {
                title,
                short_title,
                scale: Scale::Linear,
                ticks: NumFmt::UsdM,
                reference: Some(0.0),
                weight: 0.64,
                include_zero: true,
                clamp: None,
                min_span: 1.0,
                unit: None,
            },
            PanelSpec {
                title: Msg::new("panel-cumulative").date("from", launch),
                short_title: Msg::new("panel-cumulative-short"),
                scale: Scale::Linear,
                ticks: NumFmt::UsdM,
                reference: Some(0.0),
                weight: 0.36,
                include_zero: true,
                clamp: None,
                min_span: 1.0,
                unit: None,
            },
        ],
        series,
        events: events_in(events, Chart::Flows, v.span),
        annotations,
        provisional_from,
        shades: Vec::new(),
    })
}

/// "1 trading day", "27 trading days": `n` with the singular message `one` or the plural
/// `other` (a language without plurals gives both the same words).
fn counted(n: usize, one: &'static str, other: &'static str) -> Msg {
    Msg::new(if n == 1 { one } else { other }).num("n", n as f64, NumFmt::Count)
}

fn notes(v: &FlowsView, table: &FlowTable) -> Vec<Msg> {
    let mut notes = vec![
        Msg::new(match v.period {
            Period::Day => "note-flows-units-day",
            Period::Week => "note-flows-units-week",
            Period::Month => "note-flows-units-month",
        })
        .msg(
            "holidays",
            counted(v.holidays_in_view, "count-holiday", "count-holidays"),
        ),
        Msg::new(match v.mode {
            FlowMode::Total => "note-flows-total",
            FlowMode::ByFund => "note-flows-fund",
        }),
    ];
    // Weekly and monthly bars are whole periods: the first can begin before the range.
    if let Some(first) = v.bars.first().filter(|b| b.first < v.span.from) {
        notes.push(
            Msg::new("note-flows-whole-periods")
                .date("first", first.first)
                .date("from", v.span.from),
        );
    }
    if let Some(n) = &table.meta.note {
        notes.push(Msg::new("note-verbatim").data("text", data::flows_note(v.asset.key(), n)));
    }
    let aside = set_aside_days(table);
    if let Some(first) = aside.first() {
        notes.push(
            Msg::new("note-flows-gap")
                .msg(
                    "days",
                    counted(aside.len(), "count-trading-day", "count-trading-days"),
                )
                .date("first", *first),
        );
    }
    notes
}

/// The cross-correlation of daily flows with daily returns over the view (rule:
/// [`crate::analysis::leadlag`]): one sentence and the correlogram.
fn lead_lag(
    snapshot: &Snapshot,
    asset: Asset,
    v: &FlowsView,
) -> (Vec<Msg>, Option<MiniBars>, Vec<StatTable>) {
    use crate::analysis::leadlag::{for_asset, Asset as CoinAsset, LeadLag};
    let coin = match asset {
        Asset::Btc => CoinAsset::Btc,
        Asset::Eth => CoinAsset::Eth,
    };
    let (Some(first), Some(last)) = (v.bars.first(), v.bars.last()) else {
        return (Vec::new(), None, Vec::new());
    };
    let Ok(cc) = for_asset(snapshot, coin, first.first, last.last) else {
        return (Vec::new(), None, Vec::new());
    };
    let coin_name = Msg::new(match asset {
        Asset::Btc => "btc-lower",
        Asset::Eth => "eth-lower",
    });
    let trading_days = |n: usize| counted(n, "count-trading-day", "count-trading-days");
    let sentence = match cc.summary {
        // Enough flow days, too few of them priced: the price data stop (or start)
        // inside the range, and the sentence says so rather than blame the range.
        LeadLag::TooShort {
            pairs,
            needed_pairs,
            needed_days,
        } if cc.days >= needed_days => {
            let unpriced = Msg::new("leadlag-too-few-priced")
                .msg("coin", coin_name.clone())
                .msg("pairs", trading_days(pairs))
                .msg("needed", trading_days(needed_pairs));
            match cc.priced {
                Some((_, end)) if cc.last.is_some_and(|l| end < l) => Msg::new("leadlag-too-few-priced-end")
                    .msg("why", unpriced)
                    .date("end", end),
                _ => unpriced,
            }
        }
        LeadLag::TooShort { needed_days, .. } => {
            Msg::new("leadlag-too-short").num("days", needed_days as f64, NumFmt::Count)
        }
        LeadLag::NoClearLead => Msg::new("leadlag-none").msg("coin", coin_name.clone()),
        LeadLag::Clear { lag, r, n, band } => {
            let rivals = cc.rivals();
            if rivals.is_empty() {
                Msg::new(match lag.signum() {
                    -1 => "leadlag-follow",
                    1 => "leadlag-lead",
                    _ => "leadlag-same-day",
                })
                .msg("coin", coin_name.clone())
                .msg("days", trading_days(lag.unsigned_abs() as usize))
                .num("r", r, NumFmt::Corr)
                .num("n", n as f64, NumFmt::Count)
                .num("band", band, NumFmt::Corr)
            } else {
                // The strongest lags cannot be told apart: no single lag is claimed,
                // only the side they all lie on, if they do.
                let mut tied: Vec<(i64, f64)> = std::iter::once((lag, r))
                    .chain(rivals.iter().filter_map(|p| Some((p.lag, p.value?.r))))
                    .collect();
                crate::order::sort_by(&mut tied, |a, b| a.0.cmp(&b.0));
                let links = Msg::list_and(tied.iter().map(|(k, r)| {
                    Msg::new("leadlag-link")
                        .num("k", *k as f64, NumFmt::Signed(0))
                        .num("r", *r, NumFmt::Corr)
                }))
                .unwrap_or_else(|| Msg::new("empty"));
                let id = if tied.iter().all(|t| t.0 <= 0) {
                    "leadlag-follow-close"
                } else if tied.iter().all(|t| t.0 >= 0) {
                    "leadlag-lead-close"
                } else {
                    "leadlag-unclear"
                };
                Msg::new(id)
                    .msg("coin", coin_name.clone())
                    .msg("links", links)
                    .num("band", band, NumFmt::Corr)
            }
        }
    };
    let highlight = match cc.summary {
        LeadLag::Clear { lag, .. } => Some(lag),
        _ => None,
    };
    let bars = cc
        .points
        .iter()
        .map(|p| MiniBar {
            label: Msg::new("leadlag-lag").num("k", p.lag as f64, NumFmt::Signed(0)),
            value: p.value.map(|x| x.r),
            band: p.value.map_or(0.0, |x| x.band),
            highlight: highlight == Some(p.lag),
            tick: Tick::of_lag(p.lag),
            text: match p.value {
                Some(x) => Msg::new("leadlag-bar")
                    .num("k", p.lag as f64, NumFmt::Signed(0))
                    .num("r", x.r, NumFmt::Corr)
                    .num("n", p.n as f64, NumFmt::Count)
                    .num("band", x.band, NumFmt::Corr),
                None => Msg::new("leadlag-bar-none").num("k", p.lag as f64, NumFmt::Signed(0)),
            },
        })
        .collect();
    let table = StatTable {
        key: "leadlag",
        title: Msg::new("stats-leadlag-title")
            .msg("coin", coin_name.clone())
            .date("from", first.first)
            .date("to", last.last),
        columns: vec![
            Msg::new("stats-col-lag"),
            Msg::new("stats-col-r"),
            Msg::new("stats-col-n"),
            Msg::new("stats-col-band"),
            Msg::new("stats-col-outside"),
        ],
        rows: match cc.summary {
            LeadLag::TooShort { .. } => Vec::new(),
            _ => cc
                .points
                .iter()
                .map(|p| {
                    vec![
                        StatCell::Num(Some(p.lag as f64), NumFmt::Signed(0)),
                        StatCell::Num(p.value.map(|x| x.r), NumFmt::Corr),
                        StatCell::Num(Some(p.n as f64), NumFmt::Count),
                        StatCell::Num(p.value.map(|x| x.band), NumFmt::Corr),
                        StatCell::Text(Msg::new(match p.value {
                            Some(x) if x.outside_band() => "stats-yes",
                            Some(_) => "stats-no",
                            None => "no-value",
                        })),
                    ]
                })
                .collect(),
        },
        empty: matches!(cc.summary, LeadLag::TooShort { .. }).then(|| sentence.clone()),
    };
    // Too few pairs: the sentence says why, and no half-empty correlogram is drawn.
    let too_short = matches!(cc.summary, LeadLag::TooShort { .. });
    let mini = MiniBars {
        title: Msg::new("leadlag-title")
            .msg("coin", coin_name)
            .date("from", first.first)
            .date("to", last.last),
        bars,
        ends: (Msg::new("leadlag-left"), Msg::new("leadlag-right")),
        key: Msg::new("leadlag-key"),
    };
    (vec![sentence], (!too_short).then_some(mini), vec![table])
}

/// The headline and summary: the net flow of the view and, where the running total ends
/// well below its peak in the view, how far below. That peak is "the" peak only where the
/// total never stood higher before the view ([`FlowsView::high_before`]); else it is this
/// range's.
fn headline(v: &FlowsView) -> (Msg, Msg) {
    let (Some(first), Some(last)) = (v.bars.first(), v.bars.last()) else {
        return (Msg::new("flows-title"), v.empty.clone());
    };
    let net: f64 = v.bars.iter().map(|b| b.net_usd_m).sum();
    let peak = v
        .bars
        .iter()
        .max_by(|a, b| a.cumulative_usd_m.total_cmp(&b.cumulative_usd_m))
        .filter(|p| p.last < last.last);
    let asset = Msg::new(match v.asset {
        Asset::Btc => "asset-btc",
        Asset::Eth => "asset-eth",
    });
    let gap = peak.map_or(0.0, |p| p.cumulative_usd_m - last.cumulative_usd_m);
    // Weekly and monthly bars carry the running total at each period's end: their peak
    // is the highest period-end total, not the highest day.
    let kind = Msg::new(match v.period {
        Period::Day => "peak-daily",
        Period::Week => "peak-weekly",
        Period::Month => "peak-monthly",
    });
    // "Well below": more than a tenth of the peak and at least US$100m.
    let title = match peak {
        Some(p) if gap > 100.0 && gap > 0.1 * p.cumulative_usd_m.abs() => {
            let earlier = v.high_before.is_some_and(|h| h > p.cumulative_usd_m);
            Msg::new(if earlier {
                "flows-headline-below-range-peak"
            } else {
                "flows-headline-below-peak"
            })
            .msg("asset", asset.clone())
            .num("cum", last.cumulative_usd_m, NumFmt::UsdM)
            .num("gap", gap, NumFmt::UsdM)
            .month("peak_month", p.last)
            .msg("peak_kind", kind.clone())
        }
        _ => Msg::new(if net < 0.0 {
            "flows-headline-out"
        } else {
            "flows-headline-in"
        })
        .msg("asset", asset.clone())
        .num("net", net.abs(), NumFmt::UsdM),
    };
    let summary = match peak {
        // From launch, the net flow is where the running total ended: said once.
        Some(p) if v.high_before.is_none() => Msg::new("flows-summary-peak-launch")
            .date("from", first.first)
            .date("to", last.last)
            .num("net", net, NumFmt::SignedUsdM)
            .num("peak", p.cumulative_usd_m, NumFmt::UsdM)
            .date("peak_date", p.last)
            .msg("peak_kind", kind),
        Some(p) => Msg::new("flows-summary-peak")
            .date("from", first.first)
            .date("to", last.last)
            .num("net", net, NumFmt::SignedUsdM)
            .num("peak", p.cumulative_usd_m, NumFmt::UsdM)
            .date("peak_date", p.last)
            .msg("peak_kind", kind)
            .num("cum", last.cumulative_usd_m, NumFmt::UsdM),
        None => Msg::new("flows-summary")
            .date("from", first.first)
            .date("to", last.last)
            .num("net", net, NumFmt::SignedUsdM),
    };
    (title, summary)
}

fn takeaway(v: &FlowsView, table: &FlowTable) -> Vec<Msg> {
    let Some(last_bar) = v.bars.last() else {
        return vec![v.empty.clone()];
    };
    let net: f64 = v.bars.iter().map(|b| b.net_usd_m).sum();
    let what = match v.mode {
        FlowMode::ByFund if v.shown.iter().any(|s| !s) => {
            Msg::new("flows-shown-funds").msg("asset", v.asset.in_sentence())
        }
        _ => v.asset.in_sentence(),
    };
    let from = v.bars.first().map_or(v.span.from, |b| b.first);
    let mut out = vec![Msg::new(if net < 0.0 {
        "flows-net-out"
    } else {
        "flows-net-in"
    })
    .date("from", from)
    .date("to", last_bar.last)
    .msg("what", what)
    .num("net", net.abs(), NumFmt::UsdM)];
    if v.period == Period::Day {
        let outflow_days = v.bars.iter().filter(|b| b.net_usd_m < 0.0).count();
        out.push(
            Msg::new("flows-outflow-days")
                .num("n", outflow_days as f64, NumFmt::Count)
                .num("of", v.bars.len() as f64, NumFmt::Count),
        );
    }
    if let Some(b) = v.largest_outflows.first().and_then(|&i| v.bars.get(i)) {
        let m = match v.period {
            Period::Day => Msg::new("flows-largest-day").date("date", b.first),
            Period::Week => Msg::new("flows-largest-week").date("date", b.start),
            Period::Month => Msg::new("flows-largest-month").month("month", b.start),
        };
        out.push(m.num("v", b.net_usd_m, NumFmt::SignedUsdM));
    }
    // The running total since launch, unless the view starts at launch: then it is the
    // net flow the first sentence gives.
    if v.high_before.is_some() {
        out.push(Msg::new("flows-cumulative").date("launch", table.first()).num(
            "v",
            last_bar.cumulative_usd_m,
            NumFmt::SignedUsdM,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_iso;
    use crate::snapshot::{Axis, Fund, Meta};
    use crate::views::frame::SeriesKind;
    use crate::views::range::Preset;

    fn d(s: &str) -> Date {
        parse_iso(s).unwrap()
    }

    fn meta() -> Meta {
        Meta {
            label: "x".into(),
            unit: "US$ m".into(),
            provider: "farside".into(),
            last_provisional: false,
            note: None,
        }
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
        let meta = meta();
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
        let t_msgs = takeaway(&v, &t);
        let ids: Vec<&str> = t_msgs.iter().map(|m| m.id).collect();
        // From launch, the running total is the net flow the first sentence gives.
        assert_eq!(ids, ["flows-net-out", "flows-outflow-days", "flows-largest-day"]);
        // From a later day the running total since launch is said apart.
        let later = flows_view(
            &t,
            Asset::Btc,
            &[d("2025-11-27")],
            &FlowControls {
                range: RangeChoice::Custom(d("2025-11-21"), d("2025-12-31")),
                ..controls(Period::Day, FlowMode::Total)
            },
        );
        let later_ids: Vec<&str> = takeaway(&later, &t).iter().map(|m| m.id).collect();
        assert_eq!(later_ids.last(), Some(&"flows-cumulative"));
        assert_eq!(t_msgs[0].numbers().len(), 1);
        assert!((t_msgs[0].numbers()[0].0 - 292.5).abs() < 1e-9);
        assert_eq!(
            t_msgs[1].numbers().iter().map(|n| n.0).collect::<Vec<_>>(),
            [2.0, 9.0]
        );
        assert!((t_msgs[2].numbers()[0].0 - -545.3).abs() < 1e-9);
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
        let ids: Vec<&str> = takeaway(&m, &t).iter().map(|m| m.id).collect();
        assert!(ids.contains(&"flows-largest-month"), "{ids:?}");
    }

    #[test]
    fn a_week_or_month_is_whole_when_its_last_weekday_has_data() {
        let first = d("2026-01-02");
        // Week of Mon 17 Aug 2026: whole with Friday's data, partial without it.
        assert!(!is_partial(d("2026-08-17"), Period::Week, first, d("2026-08-21")));
        assert!(is_partial(d("2026-08-17"), Period::Week, first, d("2026-08-20")));
        // January 2026 ends on a Saturday: Friday 30 Jan is its last weekday.
        assert!(!is_partial(
            d("2026-01-01"),
            Period::Month,
            d("2025-12-01"),
            d("2026-01-30")
        ));
        // August 2026 ends on a Monday.
        assert!(is_partial(d("2026-08-01"), Period::Month, first, d("2026-08-28")));
        // A period that begins before the data is partial.
        assert!(is_partial(d("2025-12-29"), Period::Week, first, d("2026-08-21")));
    }

    #[test]
    fn a_monthly_view_names_its_peak_a_month_end_one() {
        // Running total 500, 1000, 700 in October, 300 in November: the highest day is
        // 1,000 (2 Oct), the highest month end 700.
        let days = ["2025-10-01", "2025-10-02", "2025-10-03", "2025-11-03"];
        let flows = vec![500.0, 500.0, -300.0, -400.0];
        let meta = meta();
        let fund = Fund {
            ticker: "IBIT".into(),
            name: "IBIT".into(),
            flows_usd_m: flows.clone(),
        };
        let t = FlowTable::new(
            "btc",
            meta,
            Axis::new("btc", days.iter().map(|s| d(s)).collect()).unwrap(),
            vec![fund],
            flows,
        )
        .unwrap();
        let title = |period| {
            let v = flows_view(&t, Asset::Btc, &[], &controls(period, FlowMode::Total));
            headline(&v).0
        };
        let daily = title(Period::Day);
        assert_eq!(daily.id, "flows-headline-below-peak");
        assert_eq!(
            daily.ids(),
            ["flows-headline-below-peak", "asset-btc", "peak-daily"]
        );
        assert_eq!(
            daily.numbers().iter().map(|n| n.0).collect::<Vec<_>>(),
            [300.0, 700.0]
        );
        let monthly = title(Period::Month);
        assert_eq!(
            monthly.ids(),
            ["flows-headline-below-peak", "asset-btc", "peak-monthly"]
        );
        assert_eq!(
            monthly.numbers().iter().map(|n| n.0).collect::<Vec<_>>(),
            [300.0, 400.0]
        );
    }

    #[test]
    fn a_peak_inside_a_range_is_called_the_ranges_where_the_total_stood_higher_before() {
        // The committed data: the all-time high of the bitcoin total (October 2025) lies
        // before the last 6 months, whose own peak is lower.
        let s = crate::views::committed_snapshot();
        let t = s.flows(ids::FLOWS_BTC).unwrap();
        let title = |range| {
            let c = FlowControls {
                range: RangeChoice::Preset(range),
                ..controls(Period::Day, FlowMode::Total)
            };
            let v = flows_view(t, Asset::Btc, &[], &c);
            headline(&v).0
        };
        assert_eq!(title(Preset::All).id, "flows-headline-below-peak");
        // A monthly 3-month view takes whole months: the note says where the first begins.
        let c = FlowControls {
            range: RangeChoice::Preset(Preset::M3),
            ..controls(Period::Month, FlowMode::Total)
        };
        let v = flows_view(t, Asset::Btc, &[], &c);
        assert!(v.bars[0].first < v.span.from);
        let note = notes(&v, t)
            .into_iter()
            .find(|n| n.id == "note-flows-whole-periods")
            .unwrap();
        assert_eq!(note.args[0].1, crate::text::Arg::Date(v.bars[0].first));
        let daily = flows_view(
            t,
            Asset::Btc,
            &[],
            &FlowControls {
                period: Period::Day,
                ..c
            },
        );
        assert!(notes(&daily, t)
            .iter()
            .all(|n| n.id != "note-flows-whole-periods"));
        let m6 = title(Preset::M6);
        assert_eq!(m6.id, "flows-headline-below-range-peak");
        let all = flows_view(t, Asset::Btc, &[], &controls(Period::Day, FlowMode::Total));
        assert!(all.high_before.is_none());
        // By fund with the largest fund hidden, the earlier high is the shown funds' own.
        let c = FlowControls {
            range: RangeChoice::Preset(Preset::M6),
            hidden: vec!["IBIT".into()],
            ..controls(Period::Day, FlowMode::ByFund)
        };
        let v = flows_view(t, Asset::Btc, &[], &c);
        let total = flows_view(
            t,
            Asset::Btc,
            &[],
            &FlowControls {
                mode: FlowMode::Total,
                hidden: Vec::new(),
                ..c.clone()
            },
        );
        assert!(v.high_before.unwrap() < total.high_before.unwrap());
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
        let first = &takeaway(&v, &t)[0];
        assert!(first.ids().contains(&"flows-shown-funds"), "{first:?}");
    }

    #[test]
    fn the_frame_puts_bars_and_the_cumulative_line_in_separate_panels() {
        let t = table();
        let v = flows_view(&t, Asset::Btc, &[], &controls(Period::Day, FlowMode::ByFund));
        let f = frame(&v, &[], t.first()).unwrap();
        assert!(f.panels_are_valid());
        assert_eq!(f.panels.len(), 2);
        assert!(f
            .series
            .iter()
            .filter(|x| x.panel == BARS)
            .all(|x| x.kind == SeriesKind::Stack));
        assert_eq!(f.series.iter().filter(|x| x.panel == CUMULATIVE).count(), 1);
        assert_eq!(f.annotations.first().map(|a| a.index), Some(0));
    }

    #[test]
    fn a_partial_last_week_or_month_is_named_and_ringed_on_the_chart_and_a_day_is_not() {
        let t = table();
        let end_labels = |f: &Frame| {
            f.series
                .iter()
                .filter_map(|s| s.end_label.as_ref().map(|m| m.id))
                .collect::<Vec<_>>()
        };
        // The table ends on Wed 3 Dec 2025: that week and that month are partial.
        for (period, id) in [
            (Period::Week, "end-partial-week"),
            (Period::Month, "end-partial-month"),
        ] {
            let v = flows_view(&t, Asset::Btc, &[], &controls(period, FlowMode::Total));
            let f = frame(&v, &[], t.first()).unwrap();
            let last = v.bars.len() - 1;
            assert_eq!(end_labels(&f), [id], "{period:?}");
            assert_eq!(f.provisional_from, f.x.get(last).copied(), "{period:?}");
        }
        let v = flows_view(&t, Asset::Btc, &[], &controls(Period::Day, FlowMode::Total));
        let f = frame(&v, &[], t.first()).unwrap();
        assert_eq!(f.provisional_from, None);
        assert_eq!(end_labels(&f), ["end-cumulative"]);
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

    /// The committed snapshot with the BTC table's fund cell `[0][12]` made unusable, so
    /// validation sets that day aside.
    fn damaged() -> (Snapshot, Date) {
        let text = include_str!("../../../../public/data/snapshot.txt");
        let real = Snapshot::from_text_unverified(text).unwrap();
        let day = real.flows(ids::FLOWS_BTC).unwrap().dates()[12];
        // Token 12 of the IBIT column (its `>` lines after `column IBIT …` in `[flows btc]`).
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        let block = lines.iter().position(|l| l == "[flows btc]").unwrap();
        let column = block
            + lines[block..]
                .iter()
                .position(|l| l.starts_with("column IBIT "))
                .unwrap();
        let mut seen = 0;
        for line in lines.iter_mut().skip(column + 1) {
            let mut tokens: Vec<String> = line
                .trim_start_matches('>')
                .split_whitespace()
                .map(str::to_owned)
                .collect();
            if seen + tokens.len() > 12 {
                tokens[12 - seen] = "five".to_owned();
                *line = format!("> {}", tokens.join(" "));
                break;
            }
            seen += tokens.len();
        }
        (Snapshot::from_text_unverified(&lines.join("\n")).unwrap(), day)
    }

    #[test]
    fn a_day_set_aside_breaks_the_cumulative_line_and_is_noted() {
        let (snap, day) = damaged();
        let table = snap.flows(ids::FLOWS_BTC).unwrap();
        assert_eq!(set_aside_days(table), [day]);
        let state = FlowsState {
            asset: Asset::Btc,
            mode: FlowMode::Total,
            period: Some(Period::Day),
            hidden: Vec::new(),
            range: RangeChoice::Preset(Preset::All),
        };
        let v = view(&snap, &state);
        let f = v.frame.as_ref().unwrap();
        let i =
            f.x.iter()
                .position(|x| *x == day)
                .expect("the set-aside day is a point");
        let cum = f.series.iter().find(|s| s.key == "cumulative_usd_m").unwrap();
        let net = f.series.iter().find(|s| s.key == "net_usd_m").unwrap();
        assert_eq!(cum.values[i], None, "the line breaks at the day set aside");
        assert_eq!(net.values[i], None);
        assert!(cum.values[i - 1].is_some() && cum.values[i + 1].is_some());
        // After the break: the sum of the published days (the day before + the day after).
        let after = table.total_usd_m()[12];
        assert!((cum.values[i + 1].unwrap() - (cum.values[i - 1].unwrap() + after)).abs() < 1e-9);
        assert!(v.notes.iter().any(|n| n.id == "note-flows-gap"), "{:?}", v.notes);
        assert!(
            v.notes.iter().any(|n| n.id == "note-validation"),
            "validation's own note reaches the chart: {:?}",
            v.notes
        );
        // Weekly: the week holding the day is a gap, its neighbours are not.
        let w = view(
            &snap,
            &FlowsState {
                period: Some(Period::Week),
                ..state.clone()
            },
        );
        let f = w.frame.unwrap();
        let cum = f.series.iter().find(|s| s.key == "cumulative_usd_m").unwrap();
        let gaps = cum.values.iter().filter(|x| x.is_none()).count();
        assert_eq!(gaps, 1, "{:?}", &cum.values[..6]);
        // The undamaged file has no gap and no such note.
        let real =
            Snapshot::from_text_unverified(include_str!("../../../../public/data/snapshot.txt")).unwrap();
        let r = view(&real, &state);
        assert!(r
            .frame
            .unwrap()
            .series
            .iter()
            .all(|s| s.values.iter().all(Option::is_some)));
        assert!(r
            .notes
            .iter()
            .all(|n| n.id != "note-flows-gap" && n.id != "note-validation"));
    }

    /// The bitcoin ETFs' total flows, bars of `period`, over `range`.
    fn btc_total(period: Option<Period>, range: RangeChoice) -> FlowsState {
        FlowsState {
            asset: Asset::Btc,
            mode: FlowMode::Total,
            period,
            hidden: Vec::new(),
            range,
        }
    }

    #[test]
    fn from_launch_the_summary_gives_the_net_flow_once() {
        let real =
            Snapshot::from_text_unverified(include_str!("../../../../public/data/snapshot.txt")).unwrap();
        let en = crate::text::Locale::en();
        let at = |range| view(&real, &btc_total(Some(Period::Day), range));
        // From launch the net flow is where the running total ended: "+$53.8bn" was
        // said twice in the summary, and again as "Cumulative since launch".
        let all = at(RangeChoice::Preset(Preset::All));
        assert_eq!(all.summary.id, "flows-summary-peak-launch");
        let net = all.summary.numbers()[0].0;
        let text = en.render(&all.summary);
        let net_text = en.number(net.abs(), NumFmt::UsdM);
        assert_eq!(text.matches(&net_text).count(), 1, "{net_text} in {text}");
        assert!(all.takeaway.iter().all(|m| m.id != "flows-cumulative"));
        // From a later day, where it ended and the total since launch are their own numbers.
        let later = at(RangeChoice::Preset(Preset::Y1));
        assert_eq!(later.summary.id, "flows-summary-peak");
        assert!(later.takeaway.iter().any(|m| m.id == "flows-cumulative"));
    }

    #[test]
    fn a_range_before_the_etfs_began_shows_nothing_and_says_when_they_did() {
        // The event lens's window around the FTX collapse (Nov 2022): it used to be
        // clamped to the first day, and the headline called that day's +$655.3m "this
        // period".
        let real =
            Snapshot::from_text_unverified(include_str!("../../../../public/data/snapshot.txt")).unwrap();
        let en = crate::text::Locale::en();
        for (asset, period) in [(Asset::Btc, Period::Day), (Asset::Eth, Period::Week)] {
            let state = FlowsState {
                asset,
                mode: FlowMode::Total,
                period: Some(period),
                hidden: Vec::new(),
                range: RangeChoice::Custom(d("2022-10-13"), d("2022-12-09")),
            };
            let v = view(&real, &state);
            let launch = real.flows(asset.key()).unwrap().first();
            let why = v.frame.as_ref().unwrap_err();
            assert_eq!(why.id, "empty-flows-before");
            // Said in place of the chart and in the summary (the page shows it only to
            // screen readers then): no takeaway repeating it, no findings, and no notes
            // on bars or market holidays that are not there.
            assert_eq!(v.summary, *why);
            assert!(v.takeaway.is_empty() && v.findings.is_empty() && v.stats.is_empty());
            assert!(v.notes.is_empty(), "{:?}", v.notes);
            assert!(v.mini.is_none());
            assert!(
                why.args.contains(&("date", crate::text::Arg::Date(launch))),
                "{why:?}"
            );
            let text = en.render(why);
            assert!(text.contains(&en.render(&asset.in_sentence())), "{text}");
            if asset == Asset::Btc {
                assert_eq!(
                    text,
                    "No flows in this range: US spot bitcoin ETFs began trading on 11 Jan 2024."
                );
            }
        }
        // After the data: the last day is named.
        let after = view(
            &real,
            &FlowsState {
                asset: Asset::Btc,
                mode: FlowMode::Total,
                period: None,
                hidden: Vec::new(),
                range: RangeChoice::Custom(d("2027-01-01"), d("2027-02-01")),
            },
        );
        assert_eq!(after.frame.unwrap_err().id, "empty-flows-after");
        // A range that meets the data at one day keeps that day.
        let edge = view(
            &real,
            &btc_total(
                Some(Period::Day),
                RangeChoice::Custom(d("2023-12-01"), d("2024-01-11")),
            ),
        );
        assert!(edge.frame.is_ok());
    }

    #[test]
    fn the_lead_lag_numbers_go_into_a_table_or_it_says_what_it_needs() {
        let real =
            Snapshot::from_text_unverified(include_str!("../../../../public/data/snapshot.txt")).unwrap();
        let state = FlowsState {
            asset: Asset::Btc,
            mode: FlowMode::Total,
            period: Some(Period::Day),
            hidden: Vec::new(),
            range: RangeChoice::Preset(Preset::All),
        };
        let v = view(&real, &state);
        let t = v.stats.iter().find(|t| t.key == "leadlag").unwrap();
        let mini = v.mini.as_ref().unwrap();
        assert_eq!(t.rows.len(), mini.bars.len());
        // Lag zero's label always shows; every fifth lag's on a phone, every second one's
        // where there is room.
        let ticks: Vec<Tick> = mini.bars.iter().map(|b| b.tick).collect();
        let k = crate::analysis::leadlag::MAX_LAG_DAYS;
        assert_eq!(
            [ticks[0], ticks[k], ticks[2 * k]],
            [Tick::Always; 3],
            "lags −10, 0, +10"
        );
        assert_eq!(
            [ticks[k - 5], ticks[k + 5], ticks[k - 2], ticks[k + 1]],
            [Tick::Narrow, Tick::Narrow, Tick::Wide, Tick::Never]
        );
        assert_eq!(t.rows.len(), 2 * crate::analysis::leadlag::MAX_LAG_DAYS + 1);
        assert_eq!(t.empty, None);
        for (row, bar) in t.rows.iter().zip(&mini.bars) {
            assert_eq!(row.len(), t.columns.len());
            let crate::views::table::StatCell::Num(r, _) = row[1] else {
                panic!("{row:?}")
            };
            assert_eq!(r, bar.value);
        }
        // A week is too short: no rows, and the reason names the minimum.
        let short = view(
            &real,
            &FlowsState {
                range: RangeChoice::Custom(d("2025-11-03"), d("2025-11-10")),
                ..state.clone()
            },
        );
        let t = short.stats.iter().find(|t| t.key == "leadlag").unwrap();
        assert!(t.rows.is_empty());
        let why = t.empty.as_ref().unwrap();
        assert_eq!(why.id, "leadlag-too-short");
        assert!(why.numbers()[0].0 >= crate::analysis::leadlag::MIN_PAIRS as f64);
        // Ether's last three months hold enough flow days, but its prices end on 5 Jun
        // 2026: the reason is the prices, not the range.
        let eth = view(
            &real,
            &FlowsState {
                asset: Asset::Eth,
                range: RangeChoice::Preset(Preset::M3),
                ..state
            },
        );
        let why = &eth.findings[0];
        assert_eq!(why.id, "leadlag-too-few-priced-end");
        assert!(eth.mini.is_none());
        assert_eq!(why.ids()[1], "leadlag-too-few-priced");
        let end = real.series(ids::ETH_USD).unwrap().last();
        assert!(why
            .args
            .iter()
            .any(|(n, a)| *n == "end" && *a == crate::text::Arg::Date(end)));
        assert!(why.numbers()[0].0 < crate::analysis::leadlag::MIN_PAIRS as f64);
    }
}
