//! Chart 3: ETH burned versus modelled issuance, the net supply change, and cumulative net
//! supply since London and since the Merge. Issuance is a model ([`crate::issuance`]).

use super::chart::{events_in, providers_of, ChartView, Control, ToggleItem};
use super::frame::{
    ColorRole, Frame, Interval, IntervalKind, PanelSpec, PointNames, Scale, SeriesKind, SeriesSpec,
};
use super::state::{BurnLine, BurnState, Chart};
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
        Ok(Self {
            cumulative_london_eth: cumulative_sum(&net),
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

/// Chart 3 for the reader's settings: burn vs modelled issuance (log scale when the view
/// spans both eras), the net supply change, and cumulative net supply.
pub fn view(snapshot: &Snapshot, data: &BurnData, state: &BurnState) -> ChartView {
    let (first, last) = match (data.dates.first(), data.dates.last()) {
        (Some(a), Some(b)) => (*a, *b),
        _ => (snapshot.as_of, snapshot.as_of),
    };
    let span = state.range.resolve(first, last);
    let (a, b) = range_indices(&data.dates, span.from, span.to);
    let smooth = |v: &[Option<f64>]| match state.smoothing {
        Smoothing::Mean7 => rolling_mean(v, SMOOTHING_DAYS),
        Smoothing::Daily => v.to_vec(),
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
    let issuance = slice(smooth(&data.issuance_eth));
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
    let band_pct = |d: Date| {
        calibration.map(|c| {
            if d < MERGE {
                c.pow_fit.max_abs_pct
            } else {
                c.band_pct()
            }
        })
    };
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
        if let (Some(last), true) = (series.last_mut(), calibration.is_some()) {
            last.interval = Some(Interval {
                kind: IntervalKind::ModelError,
                lo: band_lo,
                hi: band_hi,
                n: vec![None; dates.len()],
            });
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
            slice(smooth(&data.net_eth)),
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
            after.sort();
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
            ),
            Control::range("b.range", state.range, first, last),
        ],
        frame,
        warnings: Vec::new(),
        findings: Vec::new(),
        mini: None,
        notes: model_notes(data),
        method: Msg::new("method-burn")
            .date("london", crate::issuance::LONDON)
            .date("merge", MERGE),
        providers: providers_of(
            snapshot,
            &[ids::ETH_BURN, ids::ETH_STAKED, ids::ETH_SUPPLY_CM],
            &[],
        ),
        as_of: last,
        modelled: true,
    }
}

/// How the model works and how far off it is, stated from the calibration.
fn model_notes(data: &BurnData) -> Vec<Msg> {
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
    notes.push(Msg::new("note-issuance-band").num("band", c.band_pct() / 100.0, NumFmt::Percent(1)));
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
    });
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
        .num("burn", mean_burn, NumFmt::Fixed(0))
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
        let Some(Control::Toggles { items, .. }) = v.controls.first() else {
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
}
