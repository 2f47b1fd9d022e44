//! Chart 3: ETH burned versus modelled issuance, the net supply change, and cumulative net
//! supply since London and since the Merge. Issuance is a model ([`crate::issuance`]).

use super::chart::{events_in, partial_end_label, providers_of, ChartView, Control, ToggleItem};
use super::frame::{
    ColorRole, Frame, Interval, IntervalKind, PanelSpec, PointNames, Scale, SeriesKind, SeriesSpec,
};
use super::state::{BurnLine, BurnState, Chart};
use super::table::{StatCell, StatTable};
use crate::align::{range_indices, sample_on};
use crate::date::add_days;
use crate::issuance::{net_supply_change, ModelCheck, ModelParams, MERGE};
use crate::snapshot::{ids, SnapshotError};
use crate::stats::{cumulative_sum, rolling_mean};
use crate::text::{Msg, NumFmt};
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

/// What the burn chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BurnView {
    /// ETH burned against modelled issuance, the net supply change and the cumulative
    /// supply change (with Coin Metrics' measured supply).
    #[default]
    Supply,
    /// ETH burned, valued in US$ (CryptoQuant's conversion), daily or its 7-day mean.
    Usd,
    /// The share of all fees paid (base fee + tips) that was burned, per month,
    /// fee-weighted (Σ burn ÷ Σ fees).
    Share,
}

impl BurnView {
    /// Every view, in button order.
    pub const ALL: [BurnView; 3] = [Self::Supply, Self::Usd, Self::Share];

    /// URL key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Supply => "supply",
            Self::Usd => "usd",
            Self::Share => "share",
        }
    }

    /// Parses a [`BurnView::key`].
    pub fn parse(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.key().eq_ignore_ascii_case(key))
    }

    fn label(self) -> Msg {
        Msg::new(match self {
            Self::Supply => "burn-view-supply",
            Self::Usd => "burn-view-usd",
            Self::Share => "burn-view-share",
        })
    }
}

/// Coin Metrics' measured net supply change set beside one modelled cumulative line.
///
/// Rule: the *anchor* is the first day on or after the line's base on which the supply is
/// measured and the line has a value (measured supply exists only on the first day of
/// each month, so the base day itself is not measured). On every later measured day `t`
/// the measured change is `supply(t) − supply(anchor)`; it is drawn from the line's value
/// at the anchor, so the distance between a point and the line is exactly the model's
/// error since the anchor, `(model(t) − model(anchor)) − (supply(t) − supply(anchor))`.
/// Burn is measured in both, so that error is the issuance model's; it is also given as
/// a share of the measured issuance since the anchor (measured change + ETH burned).
/// Nothing is interpolated: a day without a measurement, or a gap in the line or in the
/// burn, has no point.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasuredCumulative {
    /// The anchor day (`None`: no measured day in the line's span).
    pub anchor: Option<Date>,
    /// Per day: the line's value at the anchor plus the measured change since it, ETH.
    pub values: Vec<Option<f64>>,
    /// Per day: model − measured since the anchor, ETH.
    pub error_eth: Vec<Option<f64>>,
    /// Per day: that error as a share of the measured issuance since the anchor.
    pub error_share: Vec<Option<f64>>,
}

/// [`MeasuredCumulative`] of the modelled cumulative line `model_cum` (on `dates`, with
/// the daily `burn_eth`) against the measured `supply`.
pub fn measured_since(
    dates: &[Date],
    model_cum: &[Option<f64>],
    burn_eth: &[Option<f64>],
    supply: &crate::snapshot::Series,
) -> MeasuredCumulative {
    let n = dates.len();
    let mut out = MeasuredCumulative {
        anchor: None,
        values: vec![None; n],
        error_eth: vec![None; n],
        error_share: vec![None; n],
    };
    let mut anchor: Option<(usize, f64, f64)> = None;
    for (d, s) in supply.dates().iter().zip(supply.values()) {
        let (Some(s), Ok(i)) = (*s, dates.binary_search(d)) else {
            continue;
        };
        let Some(m) = model_cum.get(i).copied().flatten() else {
            continue;
        };
        let Some((ia, sa, ma)) = anchor else {
            anchor = Some((i, s, m));
            out.anchor = Some(*d);
            continue;
        };
        let measured = s - sa;
        let error = (m - ma) - measured;
        if let (Some(v), Some(e)) = (out.values.get_mut(i), out.error_eth.get_mut(i)) {
            *v = Some(ma + measured);
            *e = Some(error);
        }
        let burned: Option<f64> = burn_eth
            .get(ia + 1..=i)
            .and_then(|b| b.iter().try_fold(0.0, |acc, x| x.map(|x| acc + x)));
        if let (Some(b), Some(slot)) = (burned, out.error_share.get_mut(i)) {
            let issued = measured + b;
            *slot = (issued > 0.0).then(|| error / issued);
        }
    }
    out
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
    /// The model against Coin Metrics' measured supply (`None` without that series: the
    /// nominal model is used, uncalibrated).
    pub model: Option<ModelCheck>,
    /// Measured issuance, ETH per day averaged over each month, on the 15th of the month
    /// (or the first day after it with data); `None` on every other day.
    pub measured_eth: Vec<Option<f64>>,
    /// The model's error that month, %, on the same days as `measured_eth`.
    pub model_error_pct: Vec<Option<f64>>,
    /// Measured supply change beside the cumulative line since London.
    pub measured_london: Option<MeasuredCumulative>,
    /// Measured supply change beside the cumulative line since the Merge.
    pub measured_merge: Option<MeasuredCumulative>,
    /// Fees and the burn in US$ (`Err`: why those series cannot be read; the supply view
    /// does not need them).
    pub fees: Result<crate::fees::FeeData, SnapshotError>,
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
        let model = ModelCheck::from_snapshot(snapshot).ok();
        let params = model
            .as_ref()
            .and_then(|m| m.calibration.map(|c| c.params))
            .unwrap_or(ModelParams::NOMINAL);
        let issuance = params.issuance_series(&dates, &sample_on(&dates, staked));
        let mut measured_eth = vec![None; dates.len()];
        let mut model_error_pct = vec![None; dates.len()];
        if let Some(m) = &model {
            for (month, check) in m.months.iter().zip(&m.checks) {
                let Some(measured) = month.measured_eth else {
                    continue;
                };
                let mid = add_days(month.month, 14).unwrap_or(month.month);
                let i = dates.partition_point(|d| *d < mid);
                if dates.get(i).is_some_and(|d| d.month() == month.month.month()) {
                    if let (Some(slot), Some(err)) = (measured_eth.get_mut(i), model_error_pct.get_mut(i)) {
                        *slot = Some(measured / f64::from(month.days.max(1)));
                        *err = check.error_pct;
                    }
                }
            }
        }
        let net = net_supply_change(&issuance, burn.values());
        let merge_at = dates.partition_point(|d| *d < MERGE);
        let mut cumulative_merge = vec![None; merge_at];
        cumulative_merge.extend(cumulative_sum(net.get(merge_at..).unwrap_or_default()));
        let cumulative_london = cumulative_sum(&net);
        let supply = snapshot.series(ids::ETH_SUPPLY_CM).ok();
        let burn_values = burn.values();
        let measured = |cum: &[Option<f64>]| supply.map(|s| measured_since(&dates, cum, burn_values, s));
        Ok(Self {
            measured_london: measured(&cumulative_london),
            measured_merge: measured(&cumulative_merge),
            fees: crate::fees::FeeData::from_snapshot(snapshot),
            cumulative_london_eth: cumulative_london,
            cumulative_merge_eth: cumulative_merge,
            burn_eth: burn.values().to_vec(),
            issuance_eth: issuance,
            net_eth: net,
            dates,
            model,
            measured_eth,
            model_error_pct,
        })
    }
}

/// Whether values spanning more than this ratio get a log scale.
pub const LOG_RATIO: f64 = 25.0;

/// Whether the positive values of `series` span more than [`LOG_RATIO`].
fn wants_log(series: &[&[Option<f64>]]) -> bool {
    let (mut lo, mut hi) = (f64::INFINITY, 0.0f64);
    for v in series
        .iter()
        .flat_map(|s| s.iter().flatten())
        .filter(|v| **v > 0.0 && v.is_finite())
    {
        lo = lo.min(*v);
        hi = hi.max(*v);
    }
    lo.is_finite() && hi / lo > LOG_RATIO
}

const RATE: usize = 0;
const NET: usize = 1;
const CUMULATIVE: usize = 2;

/// Chart 3 for the reader's settings, in the view the reader chose ([`BurnView`]). Every
/// view carries the notes validation left on the series it draws.
pub fn view(snapshot: &Snapshot, data: &BurnData, state: &BurnState) -> ChartView {
    let (mut v, used): (ChartView, &[&str]) = match state.view {
        BurnView::Supply => (
            supply_view(snapshot, data, state),
            &[ids::ETH_BURN, ids::ETH_STAKED, ids::ETH_SUPPLY_CM],
        ),
        BurnView::Usd => (usd_view(snapshot, data, state), &[ids::ETH_BURN_USD]),
        BurnView::Share => (share_view(snapshot, data, state), &[ids::ETH_BURN, ids::ETH_FEES]),
    };
    v.controls.insert(
        0,
        Control::choice(
            "b.view",
            Msg::new("control-burn-view"),
            BurnView::ALL
                .iter()
                .map(|b| (b.key().to_owned(), b.label()))
                .collect(),
            state.view.key(),
        ),
    );
    v.notes.extend(super::chart::validation_notes(snapshot, used));
    // A range that misses the burn data, or holds one day of it, has nothing to show.
    let (first, last) = data_bounds(snapshot, data);
    let points = v.frame.as_ref().map_or(0, |f| f.x.len());
    match super::chart::range_gap(
        state.range,
        first,
        last,
        points,
        (
            "empty-burn-before",
            "empty-burn-after",
            // The share of fees burned is monthly: too few months, not days.
            match state.view {
                BurnView::Share => "empty-share-range",
                _ => "empty-burn-range",
            },
        ),
    ) {
        // A data error is its own reason.
        Some(why) if !v.frame.as_ref().is_err_and(super::chart::is_data_error) => v.emptied(why),
        _ => v,
    }
}

/// The supply view: burn vs modelled issuance (log scale when the view spans both eras),
/// the net supply change, and cumulative net supply with Coin Metrics' measured points.
fn supply_view(snapshot: &Snapshot, data: &BurnData, state: &BurnState) -> ChartView {
    let (first, last) = match (data.dates.first(), data.dates.last()) {
        (Some(a), Some(b)) => (*a, *b),
        _ => (snapshot.as_of, snapshot.as_of),
    };
    let span = state.range.shown(first, last);
    let (a, b) = range_indices(&data.dates, span.from, span.to);
    let smooth = |v: &[Option<f64>]| match state.smoothing {
        Smoothing::Mean7 => rolling_mean(v, SMOOTHING_DAYS),
        Smoothing::Daily => v.to_vec(),
    };
    // Issuance fell by about nine tenths at the Merge: its mean (and the net's) does not
    // average across it, so the first days after it are a gap until a window fills.
    let merge_at = data.dates.partition_point(|d| *d < MERGE);
    let smooth_by_era = |v: &[Option<f64>]| {
        let (pow, pos) = v.split_at(merge_at.min(v.len()));
        let mut out = smooth(pow);
        out.extend(smooth(pos));
        out
    };
    let slice = |v: Vec<Option<f64>>| v.get(a..b).map(<[_]>::to_vec).unwrap_or_default();
    fn s(v: &[Option<f64>], a: usize, b: usize) -> &[Option<f64>] {
        v.get(a..b).unwrap_or_default()
    }
    let dates = data.dates.get(a..b).map(<[_]>::to_vec).unwrap_or_default();
    let takeaway = takeaway(
        &dates,
        s(&data.burn_eth, a, b),
        s(&data.issuance_eth, a, b),
        s(&data.net_eth, a, b),
        s(&data.cumulative_merge_eth, a, b).last().copied().flatten(),
    );
    let shown = |l: BurnLine| !state.hidden.contains(&l);
    let burn = slice(smooth(&data.burn_eth));
    let issuance = slice(smooth_by_era(&data.issuance_eth));
    let smoothing = Msg::new(match state.smoothing {
        Smoothing::Mean7 => "smoothing-mean7",
        Smoothing::Daily => "smoothing-daily",
    });
    let mut rate_values: Vec<&[Option<f64>]> = Vec::new();
    if shown(BurnLine::Burn) {
        rate_values.push(&burn);
    }
    if shown(BurnLine::Issuance) {
        rate_values.push(&issuance);
    }
    let log = wants_log(&rate_values);
    let line = |key: &str, label: Msg, panel, dashed, color, width_css, values, format| SeriesSpec {
        key: key.to_owned(),
        label,
        panel,
        kind: SeriesKind::Line { dashed },
        color,
        width_css,
        values,
        format,
        end_label: None,
        remarks: None,
        interval: None,
    };
    let labelled = |mut spec: SeriesSpec, id: &'static str| {
        spec.end_label = Some(Msg::new(id));
        spec
    };
    let calibration = data.model.as_ref().and_then(|m| m.calibration);
    let band_pct = |d: Date| calibration.map(|c| c.band_pct_on(d));
    let band = |sign: f64| -> Vec<Option<f64>> {
        dates
            .iter()
            .zip(&issuance)
            .map(|(d, v)| Some(v.as_ref()? * (1.0 + sign * band_pct(*d)? / 100.0)))
            .collect()
    };
    let (band_lo, band_hi) = (band(-1.0), band(1.0));
    let mut series = Vec::new();
    if shown(BurnLine::Issuance) {
        series.push(labelled(
            line(
                ids::ETH_ISSUANCE_MODEL,
                Msg::new("series-issuance"),
                RATE,
                true,
                ColorRole::Issuance,
                2.0,
                issuance.clone(),
                NumFmt::Fixed(0),
            ),
            "end-issued",
        ));
        let end_band = dates.last().and_then(|d| band_pct(*d));
        if let (Some(last), Some(pct)) = (series.last_mut(), end_band) {
            last.interval = Some(Interval {
                kind: IntervalKind::ModelError,
                lo: band_lo,
                hi: band_hi,
                n: vec![None; dates.len()],
            });
            // The band is named where the line ends: the model's error there (proof of
            // work's where the view ends before the Merge).
            last.end_label = Some(Msg::new("end-issued-band").num("pct", pct / 100.0, NumFmt::Percent(0)));
        }
        if data.model.is_some() {
            let measured = slice(data.measured_eth.clone());
            let errors = slice(data.model_error_pct.clone());
            series.push(SeriesSpec {
                kind: SeriesKind::Points,
                end_label: None,
                remarks: Some(
                    errors
                        .iter()
                        .map(|e| {
                            e.map(|e| {
                                Msg::new("remark-model-error").num("e", e / 100.0, NumFmt::SignedPercent(1))
                            })
                        })
                        .collect(),
                ),
                ..line(
                    ids::ETH_SUPPLY_CM,
                    Msg::new("series-issuance-measured"),
                    RATE,
                    false,
                    ColorRole::Issuance,
                    0.0,
                    measured,
                    NumFmt::Fixed(0),
                )
            });
        }
    }
    if shown(BurnLine::Burn) {
        series.push(labelled(
            line(
                ids::ETH_BURN,
                Msg::new("series-burn"),
                RATE,
                false,
                ColorRole::Burn,
                1.75,
                burn.clone(),
                NumFmt::Fixed(0),
            ),
            "end-burned",
        ));
    }
    series.push(labelled(
        line(
            "net_eth",
            Msg::new("series-net-supply"),
            NET,
            false,
            ColorRole::Ink,
            1.5,
            slice(smooth_by_era(&data.net_eth)),
            NumFmt::Signed(0),
        ),
        "end-net",
    ));
    if shown(BurnLine::SinceLondon) {
        series.push(labelled(
            line(
                "cumulative_london_eth",
                Msg::new("series-since-london"),
                CUMULATIVE,
                false,
                ColorRole::Eth,
                2.0,
                slice(data.cumulative_london_eth.clone()),
                NumFmt::SignedSig3,
            ),
            "end-london",
        ));
    }
    let measured_points = |m: &MeasuredCumulative, key: &str, label: &'static str, color| {
        let anchor = m.anchor?;
        let errors = slice(m.error_eth.clone());
        let shares = slice(m.error_share.clone());
        Some(SeriesSpec {
            kind: SeriesKind::Points,
            end_label: None,
            remarks: Some(
                errors
                    .iter()
                    .zip(&shares)
                    .map(|(e, p)| {
                        let e = (*e)?;
                        Some(match p {
                            Some(p) => Msg::new("remark-cumulative-error")
                                .num("e", e, NumFmt::SignedSig3)
                                .num("p", *p, NumFmt::SignedPercent(2))
                                .date("anchor", anchor),
                            None => Msg::new("remark-cumulative-error-eth")
                                .num("e", e, NumFmt::SignedSig3)
                                .date("anchor", anchor),
                        })
                    })
                    .collect(),
            ),
            ..line(
                key,
                Msg::new(label).date("anchor", anchor),
                CUMULATIVE,
                false,
                color,
                0.0,
                slice(m.values.clone()),
                NumFmt::SignedSig3,
            )
        })
    };
    if let (true, Some(m)) = (shown(BurnLine::SinceLondon), &data.measured_london) {
        series.extend(measured_points(
            m,
            "eth_supply_cm_since_london",
            "series-since-london-measured",
            ColorRole::Eth,
        ));
    }
    if shown(BurnLine::SinceMerge) {
        series.push(labelled(
            line(
                "cumulative_merge_eth",
                Msg::new("series-since-merge"),
                CUMULATIVE,
                false,
                ColorRole::InkSecondary,
                2.0,
                slice(data.cumulative_merge_eth.clone()),
                NumFmt::SignedSig3,
            ),
            "end-merge",
        ));
        if let Some(m) = &data.measured_merge {
            series.extend(measured_points(
                m,
                "eth_supply_cm_since_merge",
                "series-since-merge-measured",
                ColorRole::InkSecondary,
            ));
        }
    }
    let frame = if dates.is_empty() {
        Err(Msg::new("empty-burn-range"))
    } else {
        Ok(Frame {
            x: dates,
            bar_days: None,
            names: PointNames::Days,
            panels: vec![
                PanelSpec {
                    title: Msg::new(if log {
                        "panel-burn-rate-log"
                    } else {
                        "panel-burn-rate"
                    })
                    .msg("smoothing", smoothing.clone()),
                    short_title: Msg::new(if log {
                        "panel-burn-rate-log-short"
                    } else {
                        "panel-burn-rate-short"
                    }),
                    unit: Some(Msg::new("unit-eth-day")),
                    scale: if log { Scale::Log } else { Scale::Linear },
                    ticks: NumFmt::Fixed(0),
                    reference: None,
                    weight: 0.42,
                    include_zero: !log,
                    clamp: None,
                    min_span: 10.0,
                },
                PanelSpec {
                    title: Msg::new("panel-net-supply").msg("smoothing", smoothing),
                    unit: Some(Msg::new("unit-eth-day")),
                    short_title: Msg::new("panel-net-supply-short"),
                    scale: Scale::Linear,
                    ticks: NumFmt::Fixed(0),
                    reference: Some(0.0),
                    weight: 0.24,
                    include_zero: true,
                    clamp: None,
                    min_span: 100.0,
                },
                PanelSpec {
                    title: Msg::new("panel-cumulative-supply"),
                    short_title: Msg::new("panel-cumulative-supply-short"),
                    unit: Some(Msg::new("unit-eth")),
                    scale: Scale::Linear,
                    ticks: NumFmt::Fixed(0),
                    reference: Some(0.0),
                    weight: 0.34,
                    include_zero: true,
                    clamp: None,
                    min_span: 1000.0,
                },
            ],
            series,
            events: events_in(&snapshot.events, Chart::Burn, span),
            annotations: Vec::new(),
            provisional_from: None,
            shades: Vec::new(),
        })
    };
    let toggle = |l: BurnLine, label: &'static str, color| {
        let on = shown(l);
        let mut after: Vec<BurnLine> = state.hidden.iter().copied().filter(|x| *x != l).collect();
        if on {
            after.push(l);
            crate::order::sort(&mut after);
        }
        ToggleItem {
            label: Msg::new(label),
            color,
            on,
            locked: false,
            value_after: after.iter().map(|x| x.key()).collect::<Vec<_>>().join(","),
        }
    };
    let (title, summary) = headline(
        data.dates.get(a..b).unwrap_or_default(),
        s(&data.burn_eth, a, b),
        s(&data.issuance_eth, a, b),
    );
    ChartView {
        chart: Chart::Burn,
        title,
        subtitle: Msg::new("burn-subtitle"),
        summary,
        lede: Msg::new("burn-lede").month("london", crate::issuance::LONDON),
        takeaway,
        controls: vec![
            Control::Toggles {
                key: "b.hide",
                label: Msg::new("control-lines"),
                items: vec![
                    toggle(BurnLine::Burn, "series-burn", ColorRole::Burn),
                    toggle(BurnLine::Issuance, "series-issuance", ColorRole::Issuance),
                    toggle(BurnLine::SinceLondon, "chip-since-london", ColorRole::Eth),
                    toggle(BurnLine::SinceMerge, "chip-since-merge", ColorRole::InkSecondary),
                ],
            },
            smoothing_control(state),
            Control::range("b.range", state.range, first, last),
        ],
        frame,
        warnings: Vec::new(),
        findings: Vec::new(),
        mini: None,
        stats: vec![model_error_table(data, span)],
        notes: model_notes(data, span),
        method: Msg::new("method-joined")
            .msg(
                "a",
                Msg::new("method-burn")
                    .date("london", crate::issuance::LONDON)
                    .date("merge", MERGE),
            )
            .msg("b", Msg::new("method-burn-measured")),
        providers: providers_of(
            snapshot,
            &[ids::ETH_BURN, ids::ETH_STAKED, ids::ETH_SUPPLY_CM],
            &[],
        ),
        as_of: last,
        modelled: true,
    }
}

/// How the model works and how far off it is, stated from the calibration; the band is
/// stated for each era the view `span` shows (proof of work has its own, wider one).
fn model_notes(data: &BurnData, span: super::range::Span) -> Vec<Msg> {
    let Some(c) = data.model.as_ref().and_then(|m| m.calibration) else {
        let p = ModelParams::NOMINAL;
        return vec![Msg::new("note-issuance-nominal")
            .num("pow", p.pow_eth_per_day, NumFmt::Fixed(0))
            .num("k", p.pos_coefficient, NumFmt::Fixed(1))];
    };
    let mut notes = vec![Msg::new("note-issuance-calibrated")
        .num("pow", c.params.pow_eth_per_day, NumFmt::Sig3)
        .num("k", c.params.pos_coefficient, NumFmt::Fixed(1))
        .month("fit_from", c.pos_fit.first)
        .month("fit_to", c.pos_fit.last)
        .num("fit_mean", c.pos_fit.mean_abs_pct / 100.0, NumFmt::Percent(1))
        .num("fit_max", c.pos_fit.max_abs_pct / 100.0, NumFmt::Percent(1))
        .month("fit_max_month", c.pos_fit.max_month)];
    if let Some(v) = c.pos_validation {
        notes.push(
            Msg::new("note-issuance-validation")
                .month("from", v.first)
                .month("to", v.last)
                .num("mean", v.mean_abs_pct / 100.0, NumFmt::Percent(1))
                .num("max", v.max_abs_pct / 100.0, NumFmt::Percent(1))
                .num("total", v.total_pct / 100.0, NumFmt::SignedPercent(1)),
        );
    }
    // The band of each era the view shows (`Calibration::band_pct_on`).
    let (first, last) = (c.band_pct_on(span.from) / 100.0, c.band_pct_on(span.to) / 100.0);
    notes.push(if span.from < MERGE && span.to >= MERGE {
        Msg::new("note-issuance-band-eras")
            .num("pow", first, NumFmt::Percent(1))
            .num("band", last, NumFmt::Percent(1))
    } else {
        Msg::new("note-issuance-band").num("band", last, NumFmt::Percent(1))
    });
    notes
}

/// Days the headline looks back over.
pub const HEADLINE_DAYS: usize = 30;

/// The headline and summary: whether the modelled supply grew or shrank over the last
/// [`HEADLINE_DAYS`] days of the view with data.
fn headline(dates: &[Date], burn: &[Option<f64>], issuance: &[Option<f64>]) -> (Msg, Msg) {
    let days: Vec<(Date, f64, f64)> = dates
        .iter()
        .zip(burn.iter().zip(issuance))
        .filter_map(|(d, (b, i))| Some((*d, (*b)?, (*i)?)))
        .collect();
    let recent = days
        .get(days.len().saturating_sub(HEADLINE_DAYS)..)
        .unwrap_or_default();
    let (Some(first), Some(last)) = (recent.first(), recent.last()) else {
        return (Msg::new("burn-title"), Msg::new("empty-burn-range"));
    };
    let n = recent.len() as f64;
    let burn_mean = recent.iter().map(|d| d.1).sum::<f64>() / n;
    let issuance_mean = recent.iter().map(|d| d.2).sum::<f64>() / n;
    let growing = issuance_mean > burn_mean;
    let title = Msg::new(if growing {
        "burn-headline-growing"
    } else {
        "burn-headline-shrinking"
    })
    // Dated: the burn data end months before the markets'.
    .month("month", last.0);
    let summary = Msg::new("burn-summary")
        .num("days", n, NumFmt::Count)
        .date("from", first.0)
        .date("to", last.0)
        .num("burn", burn_mean, NumFmt::Sig3)
        .num("issuance", issuance_mean, NumFmt::Sig3);
    (title, summary)
}

fn takeaway(
    dates: &[Date],
    burn: &[Option<f64>],
    issuance: &[Option<f64>],
    net: &[Option<f64>],
    since_merge: Option<f64>,
) -> Vec<Msg> {
    let (Some(from), Some(to)) = (dates.first(), dates.last()) else {
        return vec![Msg::new("empty-burn-range")];
    };
    let days: Vec<(f64, f64, f64)> = burn
        .iter()
        .zip(issuance)
        .zip(net)
        .filter_map(|((b, i), n)| Some(((*b)?, (*i)?, (*n)?)))
        .collect();
    if days.is_empty() {
        return vec![Msg::new("empty-burn-range")];
    }
    let count = days.len() as f64;
    let mean_burn = days.iter().map(|d| d.0).sum::<f64>() / count;
    let mean_issuance = days.iter().map(|d| d.1).sum::<f64>() / count;
    let net_total: f64 = days.iter().map(|d| d.2).sum();
    let deflationary = days.iter().filter(|d| d.0 > d.1).count();
    let mut out = vec![
        Msg::new(if net_total < 0.0 {
            "burn-summary-shrank"
        } else {
            "burn-summary-grew"
        })
        .date("from", *from)
        .date("to", *to)
        // Three significant figures, as the headline's summary and the story give the
        // same means (2,830, not 2,827 beside it; 30.2, not 30).
        .num("burn", mean_burn, NumFmt::Sig3)
        .num("issuance", mean_issuance, NumFmt::Sig3)
        .num("net", net_total.abs(), NumFmt::Sig3),
        Msg::new("burn-deflationary-days")
            .num("n", deflationary as f64, NumFmt::Count)
            .num("of", count, NumFmt::Count),
    ];
    if let Some(m) = since_merge {
        out.push(
            Msg::new("burn-since-merge")
                .date("to", *to)
                .num("v", m, NumFmt::SignedSig3),
        );
    }
    out
}

/// The model against Coin Metrics month by month, for the months the view touches:
/// measured and modelled issuance (ETH over the month), the error in ETH and in %.
fn model_error_table(data: &BurnData, span: super::range::Span) -> StatTable {
    let mut t = StatTable {
        key: "model-error",
        title: Msg::new("stats-model-title"),
        columns: vec![
            Msg::new("stats-col-month"),
            Msg::new("stats-col-measured-issuance"),
            Msg::new("stats-col-modelled-issuance"),
            Msg::new("stats-col-error-eth"),
            Msg::new("stats-col-error-pct"),
        ],
        rows: Vec::new(),
        empty: None,
    };
    let Some(m) = &data.model else {
        t.empty = Some(Msg::new("stats-model-none"));
        return t;
    };
    for c in m.checks.iter().filter(|c| {
        let end = crate::views::range::months_before(c.month, -1).previous_day();
        c.month <= span.to && end.is_none_or(|e| e >= span.from)
    }) {
        t.rows.push(vec![
            StatCell::Month(c.month),
            StatCell::Num(c.measured_eth, NumFmt::Sig3),
            StatCell::Num(c.modelled_eth, NumFmt::Sig3),
            StatCell::Num(
                c.modelled_eth.zip(c.measured_eth).map(|(a, b)| a - b),
                NumFmt::SignedSig3,
            ),
            StatCell::Num(c.error_pct.map(|e| e / 100.0), NumFmt::SignedPercent(1)),
        ]);
    }
    if t.rows.is_empty() {
        t.empty = Some(Msg::new("stats-model-out-of-range"));
    }
    t
}

/// The first and last day of the burn data (the snapshot's date when there are none).
fn data_bounds(snapshot: &Snapshot, data: &BurnData) -> (Date, Date) {
    match (data.dates.first(), data.dates.last()) {
        (Some(a), Some(b)) => (*a, *b),
        _ => (snapshot.as_of, snapshot.as_of),
    }
}

/// A view of the burn chart with nothing to draw, saying why.
fn blank(snapshot: &Snapshot, state: &BurnState, first: Date, last: Date, why: Msg) -> ChartView {
    ChartView {
        chart: Chart::Burn,
        title: Msg::new("burn-title"),
        subtitle: Msg::new("burn-subtitle"),
        summary: why.clone(),
        lede: Msg::new("burn-lede").month("london", crate::issuance::LONDON),
        takeaway: vec![why.clone()],
        controls: vec![Control::range("b.range", state.range, first, last)],
        frame: Err(why),
        warnings: Vec::new(),
        findings: Vec::new(),
        mini: None,
        stats: Vec::new(),
        notes: Vec::new(),
        method: Msg::new("method-burn-usd"),
        providers: providers_of(snapshot, &[ids::ETH_BURN], &[]),
        as_of: last,
        modelled: false,
    }
}

const USD: usize = 0;

/// The burn in US$: CryptoQuant's own dollar value of each day's burn (US$ millions on
/// the page), daily or its trailing 7-day mean, on a log scale when the view spans more
/// than [`LOG_RATIO`].
fn usd_view(snapshot: &Snapshot, data: &BurnData, state: &BurnState) -> ChartView {
    let (first, last) = data_bounds(snapshot, data);
    let fees = match &data.fees {
        Ok(f) => f,
        Err(e) => return blank(snapshot, state, first, last, super::chart::data_error(e)),
    };
    let span = state.range.shown(first, last);
    let (a, b) = range_indices(&fees.dates, span.from, span.to);
    let usd_m: Vec<Option<f64>> = fees.burn_usd.iter().map(|v| v.map(|v| v / 1e6)).collect();
    let smoothed = match state.smoothing {
        Smoothing::Mean7 => rolling_mean(&usd_m, SMOOTHING_DAYS),
        Smoothing::Daily => usd_m.clone(),
    };
    let dates = fees.dates.get(a..b).map(<[_]>::to_vec).unwrap_or_default();
    let daily = usd_m.get(a..b).unwrap_or_default();
    let shown = smoothed.get(a..b).map(<[_]>::to_vec).unwrap_or_default();
    let log = wants_log(&[&shown]);
    let smoothing = Msg::new(match state.smoothing {
        Smoothing::Mean7 => "smoothing-mean7",
        Smoothing::Daily => "smoothing-daily",
    });
    let days: Vec<(Date, f64)> = dates
        .iter()
        .zip(daily)
        .filter_map(|(d, v)| Some((*d, (*v)?)))
        .collect();
    let (title, summary, takeaway) = usd_words(&days);
    let frame = if dates.is_empty() {
        Err(Msg::new("empty-burn-range"))
    } else {
        Ok(Frame {
            x: dates,
            bar_days: None,
            names: PointNames::Days,
            panels: vec![PanelSpec {
                title: Msg::new(if log {
                    "panel-burn-usd-log"
                } else {
                    "panel-burn-usd"
                })
                .msg("smoothing", smoothing),
                short_title: Msg::new("panel-burn-usd-short"),
                unit: None,
                scale: if log { Scale::Log } else { Scale::Linear },
                ticks: NumFmt::UsdM,
                reference: None,
                weight: 1.0,
                include_zero: !log,
                clamp: None,
                min_span: 1.0,
            }],
            series: vec![SeriesSpec {
                key: ids::ETH_BURN_USD.to_owned(),
                label: Msg::new("series-burn-usd"),
                panel: USD,
                kind: SeriesKind::Line { dashed: false },
                color: ColorRole::Burn,
                width_css: 1.75,
                values: shown,
                format: NumFmt::UsdM,
                interval: None,
                remarks: None,
                end_label: Some(Msg::new("end-burned")),
            }],
            events: events_in(&snapshot.events, Chart::Burn, span),
            annotations: Vec::new(),
            provisional_from: None,
            shades: Vec::new(),
        })
    };
    ChartView {
        chart: Chart::Burn,
        title,
        subtitle: Msg::new("burn-usd-subtitle"),
        summary,
        lede: Msg::new("burn-lede").month("london", crate::issuance::LONDON),
        takeaway,
        controls: vec![
            smoothing_control(state),
            Control::range("b.range", state.range, first, last),
        ],
        frame,
        warnings: Vec::new(),
        findings: Vec::new(),
        mini: None,
        stats: Vec::new(),
        notes: vec![Msg::new("note-burn-usd")],
        method: Msg::new("method-burn-usd"),
        providers: providers_of(snapshot, &[ids::ETH_BURN_USD], &[]),
        as_of: last,
        modelled: false,
    }
}

/// Headline, summary and takeaway of the US$ view from its daily values (US$ m): the mean
/// of the last [`HEADLINE_DAYS`] days with data; the range's total, daily mean and peak.
fn usd_words(days: &[(Date, f64)]) -> (Msg, Msg, Vec<Msg>) {
    let recent = days
        .get(days.len().saturating_sub(HEADLINE_DAYS)..)
        .unwrap_or_default();
    let peak = days.iter().max_by(|x, y| x.1.total_cmp(&y.1));
    let (Some(r0), Some(r1), Some(first), Some(last), Some(peak)) =
        (recent.first(), recent.last(), days.first(), days.last(), peak)
    else {
        let why = Msg::new("empty-burn-range");
        return (Msg::new("burn-title"), why.clone(), vec![why]);
    };
    let mean = |d: &[(Date, f64)]| d.iter().map(|x| x.1).sum::<f64>() / d.len().max(1) as f64;
    let total: f64 = days.iter().map(|x| x.1).sum();
    // Dated: the US$ values end months before the page's data do.
    let title = Msg::new("burn-usd-headline")
        .num("v", mean(recent), NumFmt::UsdM)
        .num("days", recent.len() as f64, NumFmt::Count)
        .date("to", r1.0);
    let summary = Msg::new("burn-usd-summary")
        .num("days", recent.len() as f64, NumFmt::Count)
        .date("from", r0.0)
        .date("to", r1.0)
        .num("v", mean(recent), NumFmt::UsdM);
    let takeaway = vec![
        Msg::new("burn-usd-total")
            .date("from", first.0)
            .date("to", last.0)
            .num("total", total, NumFmt::UsdM)
            .num("mean", mean(days), NumFmt::UsdM)
            .num("days", days.len() as f64, NumFmt::Count),
        Msg::new("burn-usd-peak")
            .date("date", peak.0)
            .num("v", peak.1, NumFmt::UsdM),
    ];
    (title, summary, takeaway)
}

const SHARE: usize = 0;
const FEES: usize = 1;

/// One month of the share view.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ShareMonth {
    start: Date,
    first: Date,
    last: Date,
    /// The month extends beyond the data.
    partial: bool,
    share: Option<f64>,
    burn_eth: Option<f64>,
    fees_eth: Option<f64>,
}

/// The months of `fees` (Σ burn ÷ Σ fees, [`crate::fees::share_of_fees_burned_by`]),
/// with the sums that make each share.
fn share_months(fees: &crate::fees::FeeData) -> Vec<ShareMonth> {
    use crate::resample::{resample, Aggregate, Period};
    let shares =
        crate::fees::share_of_fees_burned_by(&fees.dates, &fees.burn_eth, &fees.fees_eth, Period::Month);
    let burned = resample(&fees.dates, &fees.burn_eth, Period::Month, Aggregate::Sum);
    let paid = resample(&fees.dates, &fees.fees_eth, Period::Month, Aggregate::Sum);
    let (Some(d0), Some(d1)) = (fees.dates.first(), fees.dates.last()) else {
        return Vec::new();
    };
    shares
        .iter()
        .zip(burned.iter().zip(&paid))
        .map(|(s, (b, f))| {
            let end = crate::views::range::months_before(s.start, -1).previous_day();
            ShareMonth {
                start: s.start,
                first: b.first,
                last: b.last,
                partial: s.start < *d0 || end.is_none_or(|e| e > *d1),
                share: s.share,
                burn_eth: b.value,
                fees_eth: f.value,
            }
        })
        .collect()
}

/// The share of fees burned, per month and fee-weighted, with the fees paid and the ETH
/// burned each month below it.
fn share_view(snapshot: &Snapshot, data: &BurnData, state: &BurnState) -> ChartView {
    let (first, last) = data_bounds(snapshot, data);
    let fees = match &data.fees {
        Ok(f) => f,
        Err(e) => return blank(snapshot, state, first, last, super::chart::data_error(e)),
    };
    let span = state.range.shown(first, last);
    let months: Vec<ShareMonth> = share_months(fees)
        .into_iter()
        .filter(|m| m.last >= span.from && m.first <= span.to)
        .collect();
    let (title, summary, takeaway) = share_words(&months);
    // A last month the data do not cover to its end is named at the end of the share's
    // line (never over the data) and the month's points ringed.
    let partial_end = months.iter().enumerate().next_back().filter(|(_, m)| m.partial);
    let end = |id: &'static str| {
        let label = Msg::new(id);
        Some(match partial_end {
            Some((_, m)) => partial_end_label(label, m.start, false),
            None => label,
        })
    };
    let frame = if months.is_empty() {
        Err(Msg::new("empty-burn-range"))
    } else {
        let x: Vec<Date> = months
            .iter()
            .map(|m| add_days(m.first, (m.last - m.first).whole_days() / 2).unwrap_or(m.first))
            .collect();
        let provisional_from = partial_end.and_then(|(i, _)| x.get(i).copied());
        let point =
            |key: &str, label: &'static str, panel, color, values: Vec<Option<f64>>, format| SeriesSpec {
                key: key.to_owned(),
                label: Msg::new(label),
                panel,
                kind: SeriesKind::Line { dashed: false },
                color,
                width_css: 2.0,
                values,
                format,
                interval: None,
                remarks: None,
                end_label: None,
            };
        Ok(Frame {
            x,
            bar_days: None,
            names: PointNames::Named(
                months
                    .iter()
                    .map(|m| {
                        let title = if m.partial {
                            Msg::new("point-month-partial").month("month", m.start)
                        } else {
                            Msg::new("point-month").month("month", m.start)
                        };
                        (
                            title,
                            Some(Msg::new("point-days").date("from", m.first).date("to", m.last)),
                        )
                    })
                    .collect(),
            ),
            panels: vec![
                PanelSpec {
                    title: Msg::new("panel-burn-share"),
                    short_title: Msg::new("panel-burn-share-short"),
                    unit: None,
                    scale: Scale::Linear,
                    ticks: NumFmt::Percent(0),
                    reference: None,
                    weight: 0.6,
                    include_zero: true,
                    clamp: None,
                    min_span: 0.1,
                },
                PanelSpec {
                    title: Msg::new("panel-burn-fees"),
                    short_title: Msg::new("panel-burn-fees-short"),
                    unit: Some(Msg::new("unit-eth-month")),
                    scale: Scale::Linear,
                    ticks: NumFmt::Fixed(0),
                    reference: None,
                    weight: 0.4,
                    include_zero: true,
                    clamp: None,
                    min_span: 100.0,
                },
            ],
            series: vec![
                SeriesSpec {
                    end_label: end("end-share"),
                    ..point(
                        "share_of_fees_burned",
                        "series-share-burned",
                        SHARE,
                        ColorRole::Burn,
                        months.iter().map(|m| m.share).collect(),
                        NumFmt::Percent(1),
                    )
                },
                SeriesSpec {
                    end_label: Some(Msg::new("end-fees")),
                    ..point(
                        ids::ETH_FEES,
                        "series-fees-month",
                        FEES,
                        ColorRole::Ink,
                        months.iter().map(|m| m.fees_eth).collect(),
                        NumFmt::Sig3,
                    )
                },
                SeriesSpec {
                    end_label: Some(Msg::new("end-burned")),
                    ..point(
                        ids::ETH_BURN,
                        "series-burn-month",
                        FEES,
                        ColorRole::Burn,
                        months.iter().map(|m| m.burn_eth).collect(),
                        NumFmt::Sig3,
                    )
                },
            ],
            events: events_in(&snapshot.events, Chart::Burn, span),
            annotations: Vec::new(),
            provisional_from,
            shades: Vec::new(),
        })
    };
    ChartView {
        chart: Chart::Burn,
        title,
        subtitle: Msg::new("burn-share-subtitle"),
        summary,
        lede: Msg::new("burn-lede").month("london", crate::issuance::LONDON),
        takeaway,
        controls: vec![Control::range("b.range", state.range, first, last)],
        frame,
        warnings: Vec::new(),
        findings: Vec::new(),
        mini: None,
        stats: Vec::new(),
        notes: vec![Msg::new("note-burn-share")],
        method: Msg::new("method-burn-share"),
        providers: providers_of(snapshot, &[ids::ETH_BURN, ids::ETH_FEES], &[]),
        as_of: last,
        modelled: false,
    }
}

/// Headline, summary and takeaway of the share view: the last complete month's share;
/// the range's fee-weighted share (Σ burn ÷ Σ fees over its months with both), its lowest
/// and highest month.
fn share_words(months: &[ShareMonth]) -> (Msg, Msg, Vec<Msg>) {
    // (month, share, burned, paid) for the months with all three.
    let with: Vec<(&ShareMonth, f64, f64, f64)> = months
        .iter()
        .filter_map(|m| Some((m, m.share?, m.burn_eth?, m.fees_eth?)))
        .collect();
    let complete = with.iter().rev().find(|w| !w.0.partial).or(with.last());
    let lo = with.iter().min_by(|a, b| a.1.total_cmp(&b.1));
    let hi = with.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    let burned: f64 = with.iter().map(|w| w.2).sum();
    let paid: f64 = with.iter().map(|w| w.3).sum();
    let (Some(c), Some(lo), Some(hi), Some(f), Some(l), true) =
        (complete, lo, hi, with.first(), with.last(), paid > 0.0)
    else {
        let why = Msg::new("empty-burn-range");
        return (Msg::new("burn-title"), why.clone(), vec![why]);
    };
    let title = Msg::new("burn-share-headline")
        .num("share", c.1, NumFmt::Percent(0))
        .month("month", c.0.start);
    let summary = Msg::new("burn-share-summary")
        .month("month", c.0.start)
        .num("share", c.1, NumFmt::Percent(1))
        .num("burn", c.2, NumFmt::Sig3)
        .num("fees", c.3, NumFmt::Sig3);
    let mut takeaway = vec![Msg::new("burn-share-range")
        .month("from", f.0.start)
        .month("to", l.0.start)
        .num("share", burned / paid, NumFmt::Percent(1))
        .num("burn", burned, NumFmt::Sig3)
        .num("fees", paid, NumFmt::Sig3)
        .num("months", with.len() as f64, NumFmt::Count)];
    if with.len() > 1 {
        takeaway.push(
            Msg::new("burn-share-extremes")
                .month("lo_month", lo.0.start)
                .num("lo", lo.1, NumFmt::Percent(1))
                .month("hi_month", hi.0.start)
                .num("hi", hi.1, NumFmt::Percent(1)),
        );
    }
    (title, summary, takeaway)
}

/// The 7-day / daily choice of the views that draw daily values.
fn smoothing_control(state: &BurnState) -> Control {
    Control::choice(
        "b.smooth",
        Msg::new("control-smoothing"),
        vec![
            (
                Smoothing::Mean7.key().to_owned(),
                Msg::new("smoothing-mean7-button"),
            ),
            (
                Smoothing::Daily.key().to_owned(),
                Msg::new("smoothing-daily-button"),
            ),
        ],
        state.smoothing.key(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::raw::RawSnapshot;
    use crate::views::range::{Preset, RangeChoice};
    use serde_json::json;

    fn data() -> BurnData {
        BurnData::from_snapshot(&snap()).unwrap()
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

    /// 2022-09-12 .. 2022-09-19 around the Merge; 36M ETH staked → ≈2,729 ETH/day.
    fn snap() -> Snapshot {
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
        Snapshot::from_raw(raw).unwrap()
    }

    fn state(smoothing: Smoothing) -> BurnState {
        BurnState {
            view: BurnView::Supply,
            smoothing,
            hidden: Vec::new(),
            range: RangeChoice::Preset(Preset::All),
        }
    }

    #[test]
    fn view_smooths_and_describes() {
        let s = snap();
        let d = BurnData::from_snapshot(&s).unwrap();
        let v = view(&s, &d, &state(Smoothing::Daily));
        let f = v.frame.as_ref().unwrap();
        assert!(f.panels_are_valid());
        assert_eq!(f.x.len(), 8);
        let burn = f.series.iter().find(|x| x.key == ids::ETH_BURN).unwrap();
        assert_eq!(burn.values[6], None);
        // Rates from 1,000 (burn) to 14,000 (issuance) span 14×: linear.
        assert_eq!(f.panels[RATE].scale, Scale::Linear);
        assert_eq!(v.takeaway[0].id, "burn-summary-grew");
        assert!((v.takeaway[0].numbers()[0].0 - 25_000.0 / 7.0).abs() < 1e-9);
        assert_eq!(
            v.takeaway[1].numbers().iter().map(|n| n.0).collect::<Vec<_>>(),
            [2.0, 7.0]
        );
        let m = view(&s, &d, &state(Smoothing::Mean7));
        let burn = m
            .frame
            .unwrap()
            .series
            .into_iter()
            .find(|x| x.key == ids::ETH_BURN)
            .unwrap();
        assert!(burn.values[..7].iter().all(Option::is_none), "{:?}", burn.values);
    }

    #[test]
    fn the_issuance_band_is_named_at_the_lines_end_with_the_models_error() {
        let s = crate::views::committed_snapshot();
        let d = BurnData::from_snapshot(&s).unwrap();
        let c = d.model.as_ref().and_then(|m| m.calibration).unwrap();
        let f = view(&s, &d, &state(Smoothing::Mean7)).frame.unwrap();
        let issued = f
            .series
            .iter()
            .find(|x| x.key == ids::ETH_ISSUANCE_MODEL)
            .unwrap();
        assert!(issued.interval.is_some());
        let label = issued.end_label.as_ref().unwrap();
        assert_eq!(label.id, "end-issued-band");
        assert!((label.numbers()[0].0 - c.band_pct() / 100.0).abs() < 1e-12);
        // The whole history spans both eras: the note gives each era's band, and proof of
        // work's is the wider one (these data: 15.5 % against 10.9 %).
        let notes = view(&s, &d, &state(Smoothing::Mean7)).notes;
        let band = notes
            .iter()
            .find(|n| n.id.starts_with("note-issuance-band"))
            .unwrap();
        assert_eq!(band.id, "note-issuance-band-eras");
        let pct: Vec<f64> = band.numbers().iter().map(|n| n.0).collect();
        assert_eq!(pct, [c.pow_fit.max_abs_pct / 100.0, c.band_pct() / 100.0]);
        assert!(pct[0] > pct[1], "{pct:?}");
        // A view that ends before the Merge names proof of work's band, in its label and note.
        let before = BurnState {
            range: RangeChoice::Custom(
                time::macros::date!(2021 - 09 - 01),
                time::macros::date!(2022 - 06 - 30),
            ),
            ..state(Smoothing::Mean7)
        };
        let v = view(&s, &d, &before);
        let issued = v
            .frame
            .unwrap()
            .series
            .into_iter()
            .find(|x| x.key == ids::ETH_ISSUANCE_MODEL)
            .unwrap();
        let label = issued.end_label.unwrap();
        assert!((label.numbers()[0].0 - c.pow_fit.max_abs_pct / 100.0).abs() < 1e-12);
        let band = v
            .notes
            .iter()
            .find(|n| n.id.starts_with("note-issuance-band"))
            .unwrap();
        assert_eq!(band.id, "note-issuance-band");
        assert!((band.numbers()[0].0 - c.pow_fit.max_abs_pct / 100.0).abs() < 1e-12);
    }

    #[test]
    fn the_7_day_means_of_issuance_and_net_do_not_average_across_the_merge() {
        // 20 days from 2022-09-08; the Merge (2022-09-15) is day 7.
        let meta = json!({"label": "x", "unit": "ETH", "provider": "p", "first": "2022-09-08", "last": "2022-09-27", "last_provisional": false});
        let axis = json!({"start": "2022-09-08", "day_steps": vec![1; 19]});
        let raw: RawSnapshot = serde_json::from_value(json!({
            "schema_version": 1, "as_of": "2022-09-27",
            "providers": {"p": {"name": "P", "attribution": "P", "licence": "l", "url": "u"}},
            "series": {
                "eth_burn": {"meta": meta, "axis": axis, "values": vec![1000.0; 20]},
                "eth_staked": {"meta": meta, "axis": axis, "values": vec![36.0e6; 20]}
            },
            "etf_flows": {}, "market_holidays": [], "events": []
        }))
        .unwrap();
        let s = Snapshot::from_raw(raw).unwrap();
        let d = BurnData::from_snapshot(&s).unwrap();
        let v = view(&s, &d, &state(Smoothing::Mean7));
        let f = v.frame.unwrap();
        let values = |key: &str| f.series.iter().find(|x| x.key == key).unwrap().values.clone();
        let (issued, net, burn) = (
            values(ids::ETH_ISSUANCE_MODEL),
            values("net_eth"),
            values(ids::ETH_BURN),
        );
        let pos = 166.3 * 6000.0 / 365.25;
        assert_eq!(issued[6], Some(14_000.0));
        assert_eq!(net[6], Some(13_000.0));
        // No window mixing the eras: a gap until seven post-Merge days are in.
        assert!(issued[7..13].iter().all(Option::is_none), "{issued:?}");
        assert!(net[7..13].iter().all(Option::is_none), "{net:?}");
        assert!((issued[13].unwrap() - pos).abs() < 1e-9);
        assert!((net[13].unwrap() - (pos - 1000.0)).abs() < 1e-9);
        // The burn has no era: its mean runs on.
        assert!(burn[6..].iter().all(|b| *b == Some(1000.0)), "{burn:?}");
    }

    #[test]
    fn hidden_lines_leave_the_frame_and_the_chips_say_so() {
        let s = snap();
        let d = BurnData::from_snapshot(&s).unwrap();
        let mut st = state(Smoothing::Daily);
        st.hidden = vec![BurnLine::Issuance];
        let v = view(&s, &d, &st);
        assert!(v
            .frame
            .unwrap()
            .series
            .iter()
            .all(|x| x.key != ids::ETH_ISSUANCE_MODEL));
        assert_eq!(v.controls[0].key(), "b.view");
        let Some(Control::Toggles { items, .. }) = v.controls.get(1) else {
            panic!()
        };
        assert!(!items[1].on);
        assert_eq!(items[1].value_after, "");
        assert_eq!(items[0].value_after, "burn,issuance");
    }

    #[test]
    fn a_wide_span_of_rates_gets_a_log_scale() {
        assert!(wants_log(&[&[Some(1.0), Some(30.0)]]));
        assert!(!wants_log(&[&[Some(1.0), Some(20.0), None, Some(-5.0)]]));
        assert!(!wants_log(&[&[None]]));
    }

    /// 2024-01-29 .. 2024-03-04 (36 days): burn 100 ETH a day, fees 400 (Jan), 200 (Feb)
    /// and 100 (Mar), burn worth US$ 2m a day (1m on 2024-02-10), 36M ETH staked, and a
    /// measured supply on Feb 1 and Mar 1 rising by 2,000 ETH.
    fn fee_snap(with_fees: bool) -> Snapshot {
        let n = 36;
        let meta = |unit: &str, first: &str, last: &str| json!({"label": "x", "unit": unit, "provider": "p", "first": first, "last": last, "last_provisional": false});
        let axis = json!({"start": "2024-01-29", "day_steps": vec![1; n - 1]});
        let days: Vec<Date> = (0..n)
            .map(|i| add_days(time::macros::date!(2024 - 01 - 29), i as i64).unwrap())
            .collect();
        let fees: Vec<f64> = days
            .iter()
            .map(|d| match d.month() {
                time::Month::January => 400.0,
                time::Month::February => 200.0,
                _ => 100.0,
            })
            .collect();
        let usd: Vec<f64> = days
            .iter()
            .map(|d| if d.day() == 10 { 1.0e6 } else { 2.0e6 })
            .collect();
        let mut series = json!({
            "eth_burn": {"meta": meta("ETH", "2024-01-29", "2024-03-04"), "axis": axis, "values": vec![100.0; n]},
            "eth_staked": {"meta": meta("ETH", "2024-01-29", "2024-03-04"), "axis": axis, "values": vec![36.0e6; n]},
            "eth_supply_cm": {"meta": meta("ETH", "2024-02-01", "2024-03-01"), "axis": {"start": "2024-02-01", "day_steps": [29]}, "values": [120.0e6, 120.002e6]}
        });
        if with_fees {
            series["eth_fees"] =
                json!({"meta": meta("ETH", "2024-01-29", "2024-03-04"), "axis": axis, "values": fees});
            series["eth_burn_usd"] =
                json!({"meta": meta("USD", "2024-01-29", "2024-03-04"), "axis": axis, "values": usd});
        }
        let raw: RawSnapshot = serde_json::from_value(json!({
            "schema_version": 1, "as_of": "2024-03-04",
            "providers": {"p": {"name": "P", "attribution": "P", "licence": "l", "url": "u"}},
            "series": series,
            "etf_flows": {}, "market_holidays": [], "events": []
        }))
        .unwrap();
        Snapshot::from_raw(raw).unwrap()
    }

    fn burn_state(view: BurnView, smoothing: Smoothing) -> BurnState {
        BurnState {
            view,
            ..state(smoothing)
        }
    }

    #[test]
    fn a_range_that_misses_the_burn_data_says_where_they_end_in_every_view() {
        let real =
            Snapshot::from_text_unverified(include_str!("../../../../public/data/snapshot.txt")).unwrap();
        let data = BurnData::from_snapshot(&real).unwrap();
        let last = *data.dates.last().unwrap();
        for v in BurnView::ALL {
            // After the data (a hand-typed link): it used to show the last day alone,
            // "over the 1 days to …", with end labels beside empty panels.
            let st = BurnState {
                range: RangeChoice::parse("2030-01-01..2030-06-01").unwrap(),
                ..burn_state(v, Smoothing::Mean7)
            };
            let view = view(&real, &data, &st);
            let why = view.frame.as_ref().unwrap_err();
            assert_eq!(why.id, "empty-burn-after", "{v:?}");
            assert!(
                why.args.contains(&("date", crate::text::Arg::Date(last))),
                "{why:?}"
            );
            assert_eq!(view.summary, *why);
            assert!(
                view.takeaway.is_empty()
                    && view.findings.is_empty()
                    && view.notes.is_empty()
                    && view.stats.is_empty()
            );
            assert_eq!(view.controls.len(), burn_state_controls(&real, &data, v));
        }
        // Before them; and the last day alone, too few to draw.
        let before = BurnState {
            range: RangeChoice::parse("2019-01-01..2019-06-01").unwrap(),
            ..burn_state(BurnView::Supply, Smoothing::Daily)
        };
        assert_eq!(
            view(&real, &data, &before).frame.unwrap_err().id,
            "empty-burn-before"
        );
        let one = BurnState {
            range: RangeChoice::parse(&format!("{last}..2030-01-01")).unwrap(),
            ..burn_state(BurnView::Supply, Smoothing::Daily)
        };
        let v = view(&real, &data, &one);
        assert_eq!(v.frame.unwrap_err().id, "empty-burn-range");
        assert_eq!(v.summary.id, "empty-burn-range");
        // No headline made from that one day ("… in the 1 days to …").
        assert_eq!(v.title.id, "burn-title");
        // The share of fees burned is monthly: twenty days inside one month are too few
        // months, and it says months.
        let month = BurnState {
            range: RangeChoice::parse("2025-03-05..2025-03-25").unwrap(),
            ..burn_state(BurnView::Share, Smoothing::Mean7)
        };
        let v = view(&real, &data, &month);
        assert_eq!(v.frame.unwrap_err().id, "empty-share-range");
        let two = BurnState {
            range: RangeChoice::parse("2025-03-05..2025-04-25").unwrap(),
            ..burn_state(BurnView::Share, Smoothing::Mean7)
        };
        assert!(view(&real, &data, &two).frame.is_ok());
    }

    /// How many controls the view `v` has over the whole range (an empty view keeps them).
    fn burn_state_controls(real: &Snapshot, data: &BurnData, v: BurnView) -> usize {
        view(real, data, &burn_state(v, Smoothing::Mean7)).controls.len()
    }

    #[test]
    fn measured_points_sit_their_error_away_from_the_model_line() {
        let s = fee_snap(false);
        let d = BurnData::from_snapshot(&s).unwrap();
        let m = d.measured_london.as_ref().unwrap();
        let feb1 = d.dates.iter().position(|x| x.day() == 1).unwrap();
        let mar1 = d.dates.iter().rposition(|x| x.day() == 1).unwrap();
        assert_eq!(
            m.anchor,
            Some(d.dates[feb1]),
            "the first measured day after the base"
        );
        assert!(m
            .values
            .iter()
            .enumerate()
            .all(|(i, v)| v.is_some() == (i == mar1)));
        let line = d.cumulative_london_eth[mar1].unwrap();
        let at_anchor = d.cumulative_london_eth[feb1].unwrap();
        assert!((m.values[mar1].unwrap() - (at_anchor + 2_000.0)).abs() < 1e-6);
        let e = m.error_eth[mar1].unwrap();
        assert!(
            (line - m.values[mar1].unwrap() - e).abs() < 1e-6,
            "distance = error"
        );
        // Measured issuance since Feb 1 = 2,000 + 29 days × 100 burned.
        assert!((m.error_share[mar1].unwrap() - e / 4_900.0).abs() < 1e-12);
        // The view draws them on the cumulative panel with the error as a remark.
        let v = view(&s, &d, &state(Smoothing::Daily));
        let f = v.frame.unwrap();
        let pts = f
            .series
            .iter()
            .find(|x| x.key == "eth_supply_cm_since_london")
            .unwrap();
        assert_eq!(pts.panel, CUMULATIVE);
        assert_eq!(pts.kind, SeriesKind::Points);
        let remark = pts.remarks.as_ref().unwrap()[mar1].as_ref().unwrap();
        assert_eq!(remark.id, "remark-cumulative-error");
        assert!((remark.numbers()[0].0 - e).abs() < 1e-9);
        // The whole span is after the Merge: both lines start on its first day, so both
        // get the same points; hiding a line hides its points.
        let merge = f
            .series
            .iter()
            .find(|x| x.key == "eth_supply_cm_since_merge")
            .unwrap();
        assert_eq!(merge.values, pts.values);
        let mut hidden = state(Smoothing::Daily);
        hidden.hidden = vec![BurnLine::SinceLondon];
        let h = view(&s, &d, &hidden).frame.unwrap();
        assert!(h.series.iter().all(|x| x.key != "eth_supply_cm_since_london"));
        let t = v.stats.iter().find(|t| t.key == "model-error").unwrap();
        assert_eq!(t.rows.len(), 1, "February is the one month measured at both ends");
    }

    #[test]
    fn the_usd_view_draws_cryptoquants_dollars_and_sums_them() {
        let s = fee_snap(true);
        let d = BurnData::from_snapshot(&s).unwrap();
        let v = view(&s, &d, &burn_state(BurnView::Usd, Smoothing::Daily));
        assert_eq!(v.controls[0].key(), "b.view");
        assert!(v.controls.iter().any(|c| c.key() == "b.smooth"));
        assert!(v.controls.iter().all(|c| c.key() != "b.hide"));
        let f = v.frame.as_ref().unwrap();
        assert!(f.panels_are_valid());
        let usd = &f.series[0];
        assert_eq!(usd.key, ids::ETH_BURN_USD);
        assert_eq!(usd.values[0], Some(2.0), "US$ millions");
        assert_eq!(v.takeaway[0].id, "burn-usd-total");
        assert!((v.takeaway[0].numbers()[0].0 - (35.0 * 2.0 + 1.0)).abs() < 1e-9);
        assert_eq!(v.takeaway[1].id, "burn-usd-peak");
        assert_eq!(v.title.id, "burn-usd-headline");
        let last_day = d.dates.last().copied().map(crate::text::Arg::Date);
        assert_eq!(
            v.title
                .args
                .iter()
                .find(|(n, _)| *n == "to")
                .map(|(_, a)| a.clone()),
            last_day
        );
        assert!(!v.modelled);
        let m = view(&s, &d, &burn_state(BurnView::Usd, Smoothing::Mean7));
        let f = m.frame.unwrap();
        assert!(f.series[0].values[..6].iter().all(Option::is_none));
        assert!(
            (f.series[0].values[16].unwrap() - 13.0 / 7.0).abs() < 1e-12,
            "mean over Feb 5..11"
        );
    }

    #[test]
    fn the_share_view_is_monthly_and_fee_weighted() {
        let s = fee_snap(true);
        let d = BurnData::from_snapshot(&s).unwrap();
        let v = view(&s, &d, &burn_state(BurnView::Share, Smoothing::Mean7));
        let f = v.frame.as_ref().unwrap();
        assert_eq!(f.x.len(), 3, "Jan (partial), Feb, Mar (partial)");
        let share = f.series.iter().find(|x| x.key == "share_of_fees_burned").unwrap();
        assert_eq!(share.values, [Some(0.25), Some(0.5), Some(1.0)]);
        let PointNames::Named(names) = &f.names else {
            panic!()
        };
        assert_eq!(names[0].0.id, "point-month-partial");
        assert_eq!(names[1].0.id, "point-month");
        // The partial last month is named at the share line's end and its points ringed.
        assert_eq!(share.end_label.as_ref().unwrap().id, "end-partial-month");
        assert_eq!(f.provisional_from, Some(f.x[2]));
        // The headline is the last complete month, February.
        assert_eq!(v.title.id, "burn-share-headline");
        assert_eq!(v.title.numbers()[0].0, 0.5);
        // Range: 3,600 burned of 3 × 400 + 29 × 200 + 4 × 100 = 7,400 paid.
        assert!((v.takeaway[0].numbers()[0].0 - 3_600.0 / 7_400.0).abs() < 1e-12);
        assert!(v.controls.iter().all(|c| c.key() != "b.smooth"));
        assert_eq!(v.providers, ["p"]);
    }

    #[test]
    fn without_the_fee_series_only_the_new_views_say_why() {
        let s = fee_snap(false);
        let d = BurnData::from_snapshot(&s).unwrap();
        assert!(view(&s, &d, &state(Smoothing::Daily)).frame.is_ok());
        for b in [BurnView::Usd, BurnView::Share] {
            let v = view(&s, &d, &burn_state(b, Smoothing::Daily));
            assert_eq!(v.frame.unwrap_err().id, "error-chart-data");
            assert_eq!(v.controls[0].key(), "b.view", "the reader can switch back");
        }
    }
}
