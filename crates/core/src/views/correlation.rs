//! Chart 1: rolling correlation of bitcoin's daily returns with other markets, and prices
//! indexed to 100 at the start of the view.
//!
//! Every column is sampled on US market days (the rule is in [`crate::align`]): log
//! returns for prices, daily changes for the 10-year yield.

use super::chart::{events_in, providers_of, ChartView, Control, ToggleItem};
use super::frame::{ColorRole, Frame, PanelSpec, PointNames, Scale, SeriesKind, SeriesSpec};
use super::frame::{Interval, IntervalKind, Shade};
use super::range::Span;
use super::state::{Chart, CorrelationState};
use super::table::{StatCell, StatTable};
use super::{first_value, last_value};
use crate::align::{range_indices, sample_on};
use crate::analysis::regimes::{regimes, Side, MIN_REGIME_DAYS};
use crate::snapshot::{ids, SnapshotError};
use crate::stats::{
    differences, index_to_100, log_returns, rolling_correlation_pairwise_r, CorrStat, FisherInterval,
};
use crate::text::{data, Msg, NumFmt};
use crate::Snapshot;
use time::Date;

/// The rolling windows offered, in US trading days.
pub const WINDOWS: [usize; 4] = [30, 60, 90, 180];
/// The default window.
pub const DEFAULT_WINDOW: usize = 90;
/// The markets the regime periods compare with the Nasdaq-100.
pub const REGIME_VS: [Counterpart; 2] = [Counterpart::Gld, Counterpart::Dbc];

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
    /// Pearson's r, one value per market day; `None` until the window is full (the
    /// pairwise rule of [`rolling_correlation_pairwise_r`]).
    pub values: Vec<Option<f64>>,
    /// Every value's 95 % interval (one window, so one `n` and one half-width).
    pub interval: FisherInterval,
}

impl CorrelationSeries {
    /// The value on market day `i` with its n and 95 % interval.
    pub fn stat(&self, i: usize) -> Option<CorrStat> {
        let r = self.values.get(i).copied().flatten()?;
        Some(CorrStat::with_interval(r, self.interval))
    }

    /// [`CorrelationSeries::stat`] for the market days `from..to` (clipped to the history).
    pub fn stats(&self, from: usize, to: usize) -> Vec<Option<CorrStat>> {
        let to = to.min(self.values.len());
        (from.min(to)..to).map(|i| self.stat(i)).collect()
    }
}

/// Rolling correlations of bitcoin with each selected counterpart, full length. Selected
/// counterparts that are unavailable come back as errors. The 95 % intervals are worked
/// out where they are used ([`CorrelationSeries::stat`]): a chart shows a few hundred of
/// the history's days.
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
                values: rolling_correlation_pairwise_r(&data.btc_returns, &col.returns, window),
                interval: FisherInterval::new(window),
            })
        })
        .collect()
}

/// The builder's note on each of `series` (a label and a series id), one sentence per
/// distinct note naming the series it describes: `Nasdaq-100 (QQQ), Gold (GLD): Adjusted
/// for dividends …`.
fn series_notes<'a>(snapshot: &Snapshot, series: impl Iterator<Item = (Msg, &'a str)>) -> Vec<Msg> {
    let mut groups: Vec<(Vec<Msg>, &str, String)> = Vec::new();
    for (name, id) in series {
        let Some(note) = snapshot.series(id).ok().and_then(|s| s.meta.note.clone()) else {
            continue;
        };
        match groups.iter_mut().find(|g| g.2 == note) {
            Some(group) => group.0.push(name),
            None => groups.push((vec![name], id, note)),
        }
    }
    groups
        .into_iter()
        .filter_map(|(names, id, note)| {
            let names = Msg::list(names)?;
            Some(
                Msg::new("note-series")
                    .msg("series", names)
                    .data("text", data::series_note(id, &note)),
            )
        })
        .collect()
}

/// Days before bitcoin's last day from which a market's data count as ended (not a day's
/// publishing lag): its lines stop with a note, and a headline ranked there is dated.
const ENDED_DAYS: i64 = 7;

/// Whether `day` lies [`ENDED_DAYS`] or more before `latest`.
fn ended_before(day: Date, latest: Option<Date>) -> bool {
    latest.is_some_and(|l| (l - day).whole_days() >= ENDED_DAYS)
}

/// The colour role of a counterpart (one colour per market on every chart).
pub fn color(c: Counterpart) -> ColorRole {
    match c {
        Counterpart::Qqq => ColorRole::Nasdaq,
        Counterpart::Gld => ColorRole::Gold,
        Counterpart::Eth => ColorRole::Eth,
        Counterpart::Spy => ColorRole::Sp500,
        Counterpart::Dbc => ColorRole::Commodities,
        Counterpart::Dgs10 => ColorRole::Yield,
    }
}

/// The legend label of a counterpart.
pub fn label(c: Counterpart) -> Msg {
    Msg::new(match c {
        Counterpart::Qqq => "cp-qqq",
        Counterpart::Gld => "cp-gld",
        Counterpart::Eth => "cp-eth",
        Counterpart::Spy => "cp-spy",
        Counterpart::Dbc => "cp-dbc",
        Counterpart::Dgs10 => "cp-dgs10",
    })
}

/// A counterpart's short name, drawn at the end of its lines.
pub fn short(c: Counterpart) -> Msg {
    Msg::new(match c {
        Counterpart::Qqq => "cp-qqq-short",
        Counterpart::Gld => "cp-gld-short",
        Counterpart::Eth => "cp-eth-short",
        Counterpart::Spy => "cp-spy-short",
        Counterpart::Dbc => "cp-dbc-short",
        Counterpart::Dgs10 => "cp-dgs10-short",
    })
}

/// A counterpart's name inside a sentence.
pub fn in_sentence(c: Counterpart) -> Msg {
    Msg::new(match c {
        Counterpart::Qqq => "cp-qqq-in-sentence",
        Counterpart::Gld => "cp-gld-in-sentence",
        Counterpart::Eth => "cp-eth-in-sentence",
        Counterpart::Spy => "cp-spy-in-sentence",
        Counterpart::Dbc => "cp-dbc-in-sentence",
        Counterpart::Dgs10 => "cp-dgs10-in-sentence",
    })
}

/// Panel indices of chart 1.
const CORR: usize = 0;
const INDEX: usize = 1;

/// Chart 1 for the reader's settings: correlations in the top panel, prices indexed to
/// 100 on the first day in view in the bottom one, and the takeaway.
pub fn view(snapshot: &Snapshot, data: &MarketData, state: &CorrelationState) -> ChartView {
    let window = state.window;
    let correlations = rolling_correlations(data, &state.with, window);
    let (first, last) = data.bounds().unwrap_or((snapshot.as_of, snapshot.as_of));
    let span = state.range.shown(first, last);
    let (a, b) = range_indices(&data.dates, span.from, span.to);
    let slice = |v: &[Option<f64>]| v.get(a..b).map(<[_]>::to_vec).unwrap_or_default();
    let dates = data.dates.get(a..b).map(<[_]>::to_vec).unwrap_or_default();
    // The day whose prices were taken intraday, if any: never the headline.
    let provisional = snapshot
        .series(ids::BTC_USD)
        .ok()
        .filter(|s| s.meta.last_provisional)
        .map(|s| s.last());

    let mut series = Vec::new();
    let mut indexed = vec![SeriesSpec {
        key: ids::BTC_USD.to_owned(),
        label: Msg::new("series-index").msg("name", Msg::new("btc")),
        panel: INDEX,
        kind: SeriesKind::Line { dashed: false },
        color: ColorRole::Btc,
        width_css: 2.0,
        values: index_to_100(&slice(&data.btc), 0),
        format: NumFmt::Fixed(1),
        end_label: Some(Msg::new("btc")),
        remarks: None,
        interval: None,
    }];
    let mut warnings = Vec::new();
    let mut shown = Vec::new();
    for c in &correlations {
        match c {
            Ok(s) => {
                let values = slice(&s.values);
                let stats = s.stats(a, b);
                shown.push((s.counterpart, stats.clone()));
                series.push(SeriesSpec {
                    key: format!("corr_{}", s.counterpart.key()),
                    label: Msg::new("series-corr").msg("name", label(s.counterpart)),
                    panel: CORR,
                    kind: SeriesKind::Line { dashed: false },
                    color: color(s.counterpart),
                    width_css: 2.0,
                    values,
                    format: NumFmt::Corr,
                    end_label: Some(short(s.counterpart)),
                    remarks: None,
                    interval: Some(Interval {
                        kind: IntervalKind::Confidence95,
                        lo: stats.iter().map(|x| x.map(|x| x.lo)).collect(),
                        hi: stats.iter().map(|x| x.map(|x| x.hi)).collect(),
                        n: stats.iter().map(|x| x.map(|x| x.n)).collect(),
                    }),
                });
                if let (false, Ok(col)) = (s.counterpart.uses_differences(), data.column(s.counterpart)) {
                    indexed.push(SeriesSpec {
                        key: format!("index_{}", s.counterpart.key()),
                        label: Msg::new("series-index").msg("name", label(s.counterpart)),
                        panel: INDEX,
                        kind: SeriesKind::Line { dashed: false },
                        color: color(s.counterpart),
                        width_css: 1.5,
                        values: index_to_100(&slice(&col.levels), 0),
                        format: NumFmt::Fixed(1),
                        end_label: Some(short(s.counterpart)),
                        remarks: None,
                        interval: None,
                    });
                }
            }
            Err((c, e)) => warnings.push(
                Msg::new("warn-counterpart")
                    .msg("name", label(*c))
                    .text("detail", e.clone()),
            ),
        }
    }
    // Bitcoin last, on top.
    indexed.rotate_left(1);
    series.extend(indexed);

    let takeaway = takeaway(&dates, &shown, window, provisional);
    let (findings, shades, regime_table) = regime_findings(data, state, span, &correlations);
    // Two kinds of shading: say which is which.
    let subtitle = Msg::new(if shades.is_empty() {
        "corr-subtitle"
    } else {
        "corr-subtitle-regimes"
    })
    .num("window", window as f64, NumFmt::Count);
    let frame = match dates.first() {
        None => Err(Msg::new("empty-market-range")),
        Some(start) => Ok(Frame {
            panels: vec![
                PanelSpec {
                    title: Msg::new("panel-corr").num("window", window as f64, NumFmt::Count),
                    short_title: Msg::new("panel-corr-short").num("window", window as f64, NumFmt::Count),
                    scale: Scale::Linear,
                    ticks: NumFmt::Fixed(2),
                    reference: Some(0.0),
                    weight: 0.58,
                    include_zero: true,
                    clamp: Some((-1.0, 1.0)),
                    min_span: 0.4,
                    // The series' labels say "corr." and "index".
                    unit: None,
                },
                PanelSpec {
                    title: Msg::new("panel-index").date("start", *start),
                    short_title: Msg::new("panel-index-short").date("start", *start),
                    scale: Scale::Linear,
                    ticks: NumFmt::Fixed(0),
                    reference: Some(100.0),
                    weight: 0.42,
                    include_zero: false,
                    clamp: None,
                    min_span: 10.0,
                    unit: None,
                },
            ],
            x: dates.clone(),
            bar_days: None,
            names: PointNames::Days,
            series,
            events: events_in(&snapshot.events, Chart::Correlation, span),
            annotations: Vec::new(),
            provisional_from: provisional,
            shades,
        }),
    };

    let toggles = Counterpart::ALL
        .into_iter()
        .map(|c| {
            let on = state.with.contains(&c);
            let mut after: Vec<Counterpart> = state.with.iter().copied().filter(|x| *x != c).collect();
            if !on {
                after.push(c);
                crate::order::sort(&mut after);
            }
            ToggleItem {
                label: label(c),
                color: color(c),
                on,
                locked: on && state.with.len() == 1,
                value_after: after.iter().map(|x| x.url_key()).collect::<Vec<_>>().join(","),
            }
        })
        .collect();
    // What each series is, as the builder recorded it (adjusted or not, close time), each
    // note once, after the series it describes.
    let mut notes = series_notes(
        snapshot,
        std::iter::once((Msg::new("btc"), ids::BTC_USD))
            .chain(state.with.iter().map(|c| (label(*c), c.key()))),
    );
    // A market whose data end a week or more before bitcoin's (not a day's publishing
    // lag): where its lines stop, and why.
    let btc_last = snapshot.series(ids::BTC_USD).ok().map(|s| s.last());
    for c in &state.with {
        if let Some(last) = snapshot.series(c.key()).ok().map(|s| s.last()) {
            if ended_before(last, btc_last) {
                notes.push(
                    Msg::new("note-series-ends")
                        .msg("series", label(*c))
                        .date("date", last),
                );
            }
        }
    }
    if state.with.contains(&Counterpart::Dgs10) {
        notes.push(Msg::new("note-corr-yield"));
    }
    if provisional.is_some() {
        notes.push(Msg::new("note-provisional"));
    }
    let used: Vec<&str> = std::iter::once(ids::BTC_USD)
        .chain(state.with.iter().map(|c| c.key()))
        .collect();
    notes.extend(super::chart::validation_notes(snapshot, &used));
    let (title, summary) = headline(&dates, &shown, window, provisional, btc_last);
    // A range that misses the market data, or holds one day of it, has nothing to show.
    let gap = super::chart::range_gap(
        state.range,
        first,
        last,
        dates.len(),
        ("empty-market-before", "empty-market-after", "empty-market-range"),
    );
    let view = ChartView {
        chart: Chart::Correlation,
        title,
        subtitle,
        summary,
        lede: Msg::new("corr-lede"),
        takeaway,
        controls: vec![
            Control::Toggles {
                key: "c.with",
                label: Msg::new("control-compare"),
                items: toggles,
            },
            Control::choice(
                "c.window",
                Msg::new("control-window"),
                WINDOWS
                    .iter()
                    .map(|w| {
                        (
                            w.to_string(),
                            Msg::new("window-days").num("n", *w as f64, NumFmt::Count),
                        )
                    })
                    .collect(),
                &window.to_string(),
            ),
            Control::range("c.range", state.range, first, last),
            Control::choice(
                "c.vs",
                Msg::new("control-regimes"),
                REGIME_VS
                    .iter()
                    .map(|c| (c.url_key().to_owned(), Msg::new("regime-vs").msg("vs", label(*c))))
                    .collect(),
                state.regime_vs.url_key(),
            )
            .labelled(),
        ],
        frame,
        warnings,
        findings,
        mini: None,
        stats: regime_table.into_iter().collect(),
        notes,
        method: Msg::new("method-corr"),
        providers: providers_of(
            snapshot,
            &std::iter::once(ids::BTC_USD)
                .chain(state.with.iter().map(|c| c.key()))
                .collect::<Vec<_>>(),
            &[],
        ),
        as_of: last,
        modelled: false,
    };
    match gap {
        Some(why) => view.emptied(why),
        None => view,
    }
}

/// The regime periods of the Nasdaq-100 against `state.regime_vs` over the whole
/// history (rule: [`crate::analysis::regimes`]), listed and shaded where they overlap the
/// view. `computed` holds the chart's own correlations (same window): a counterpart of the
/// pair that is among them is not computed again.
fn regime_findings(
    data: &MarketData,
    state: &CorrelationState,
    span: Span,
    computed: &[Result<CorrelationSeries, (Counterpart, String)>],
) -> (Vec<Msg>, Vec<Shade>, Option<StatTable>) {
    let vs = state.regime_vs;
    let missing: Vec<Counterpart> = [Counterpart::Qqq, vs]
        .into_iter()
        .filter(|c| !computed.iter().flatten().any(|s| s.counterpart == *c))
        .collect();
    let extra = rolling_correlations(data, &missing, state.window);
    let series = |c: Counterpart| {
        computed
            .iter()
            .chain(&extra)
            .flatten()
            .find(|s| s.counterpart == c)
    };
    let (Some(a), Some(b)) = (series(Counterpart::Qqq), series(vs)) else {
        return (Vec::new(), Vec::new(), None);
    };
    let all = |s: &CorrelationSeries| s.stats(0, s.values.len());
    let found = regimes(&data.dates, &all(a), &all(b), MIN_REGIME_DAYS);
    let in_view: Vec<_> = found
        .iter()
        .filter(|r| r.end >= span.from && r.start <= span.to)
        .collect();
    let w = state.window as f64;
    // Tints stand for two lines: drawn only while both are shown (the periods stay
    // listed, and the rule says why nothing is tinted).
    let both_shown = [Counterpart::Qqq, vs].iter().all(|c| state.with.contains(c));
    let mut findings = vec![Msg::new(match (in_view.is_empty(), both_shown) {
        (true, _) => "regime-none",
        (false, true) => "regime-rule",
        (false, false) => "regime-rule-hidden",
    })
    .num("window", w, NumFmt::Count)
    .num("k", MIN_REGIME_DAYS as f64, NumFmt::Count)
    .msg("vs", in_sentence(vs))];
    let mut table = StatTable {
        key: "regimes",
        title: Msg::new("stats-regimes-title")
            .msg("vs", in_sentence(vs))
            .num("window", w, NumFmt::Count)
            .num("k", MIN_REGIME_DAYS as f64, NumFmt::Count),
        columns: vec![
            Msg::new("stats-col-leader"),
            Msg::new("stats-col-from"),
            Msg::new("stats-col-to"),
            Msg::new("stats-col-days"),
            Msg::new("stats-col-mean-r").msg("with", in_sentence(Counterpart::Qqq)),
            Msg::new("stats-col-mean-r").msg("with", in_sentence(vs)),
        ],
        rows: Vec::new(),
        empty: in_view.is_empty().then(|| findings.first().cloned()).flatten(),
    };
    let mut shades = Vec::new();
    for r in &in_view {
        table.rows.push(vec![
            StatCell::Text(in_sentence(match r.leader {
                Side::A => Counterpart::Qqq,
                Side::B => vs,
            })),
            StatCell::Day(r.start),
            StatCell::Day(r.end),
            StatCell::Num(Some(r.days as f64), NumFmt::Count),
            StatCell::Num(Some(r.mean_r_a), NumFmt::Corr),
            StatCell::Num(Some(r.mean_r_b), NumFmt::Corr),
        ]);
        let (leader, other, r_lead, r_other) = match r.leader {
            Side::A => (Counterpart::Qqq, vs, r.mean_r_a, r.mean_r_b),
            Side::B => (vs, Counterpart::Qqq, r.mean_r_b, r.mean_r_a),
        };
        let m = Msg::new("regime-period")
            .msg("leader", in_sentence(leader))
            .msg("other", in_sentence(other))
            .date("from", r.start)
            .date("to", r.end)
            .num("days", r.days as f64, NumFmt::Count)
            .num("r_lead", r_lead, NumFmt::Corr)
            .num("r_other", r_other, NumFmt::Corr);
        if both_shown {
            shades.push(Shade {
                from: r.start,
                to: r.end,
                color: color(leader),
                label: m.clone(),
                key: Msg::new("regime-key").msg("leader", short(leader)),
            });
        }
        findings.push(m);
    }
    (findings, shades, Some(table))
}

/// Keeps the ends dated on the latest day any of them reaches: the headline and the
/// takeaway rank markets on that day, so a market whose data ended earlier (ether's prices
/// stop before the markets') is not ranked against the others' latest values, nor keeps
/// the others from being ranked. Returns the ends it left out.
fn keep_latest<T, K: Ord + Copy>(ends: &mut Vec<T>, day: impl Fn(&T) -> K) -> Vec<T> {
    let latest = ends.iter().map(&day).max();
    let (kept, ended) = std::mem::take(ends)
        .into_iter()
        .partition(|e| Some(day(e)) == latest);
    *ends = kept;
    ended
}

/// The headline and the short summary: the two counterparts most correlated with bitcoin
/// on the last complete day any of them has a value (a market whose data end earlier is
/// left out), ranked only where their 95 % intervals separate. The headline says "now"
/// only of the data's end: a view that ends a week or more before `latest` (bitcoin's
/// last day) is dated by its month ("In Feb 2026 bitcoin moved more with …").
fn headline(
    dates: &[Date],
    lines: &[(Counterpart, Vec<Option<CorrStat>>)],
    window: usize,
    provisional: Option<Date>,
    latest: Option<Date>,
) -> (Msg, Msg) {
    let complete = provisional.map_or(dates.len(), |p| dates.partition_point(|d| *d < p));
    // Each counterpart's last complete value.
    let mut ends: Vec<(Counterpart, usize, CorrStat)> = lines
        .iter()
        .filter_map(|(c, stats)| {
            let stats = stats.get(..complete)?;
            let (i, s) = stats
                .iter()
                .enumerate()
                .rev()
                .find_map(|(i, s)| Some((i, (*s)?)))?;
            Some((*c, i, s))
        })
        .collect();
    // Markets whose data end earlier: not ranked, and the summary says so.
    let ended = keep_latest(&mut ends, |e| e.1);
    crate::order::sort_by(&mut ends, |a, b| b.2.r.total_cmp(&a.2.r));
    let (title, summary) = ranked(dates, &ends, window as f64, latest);
    let summary = match ended.as_slice() {
        [] => summary,
        [(c, i, _)] => match dates.get(*i) {
            Some(d) => Msg::new("corr-summary-ended")
                .msg("summary", summary)
                .msg("market", label(*c))
                .date("date", *d),
            None => summary,
        },
        many => Msg::new("corr-summary-ended-many").msg("summary", summary).msg(
            "markets",
            Msg::list_and(many.iter().map(|(c, _, _)| label(*c))).unwrap_or_else(|| Msg::new("empty")),
        ),
    };
    (title, summary)
}

/// The headline and summary of `ends` (each market's last complete value, all on one day,
/// strongest first); the headline is dated where that day is a week or more before
/// `latest`.
fn ranked(
    dates: &[Date],
    ends: &[(Counterpart, usize, CorrStat)],
    w: f64,
    latest: Option<Date>,
) -> (Msg, Msg) {
    match ends {
        [(a, ia, sa), (b, ib, sb), ..] if ia == ib => {
            let date = dates.get(*ia).copied();
            let separate = sa.lo > sb.hi;
            let past = date.filter(|d| ended_before(*d, latest));
            let title = Msg::new(match (separate, past) {
                (true, None) => "corr-headline-more",
                (false, None) => "corr-headline-equal",
                (true, Some(_)) => "corr-headline-more-then",
                (false, Some(_)) => "corr-headline-equal-then",
            })
            .msg("hi", in_sentence(*a))
            .msg("lo", in_sentence(*b));
            let title = match past {
                Some(d) => title.month("month", d),
                None => title,
            };
            let summary = match date {
                Some(d) => Msg::new(if separate {
                    "corr-summary-more"
                } else {
                    "corr-summary-equal"
                })
                .num("window", w, NumFmt::Count)
                .date("date", d)
                .msg("hi", in_sentence(*a))
                .num("rhi", sa.r, NumFmt::Corr)
                .msg("lo", in_sentence(*b))
                .num("rlo", sb.r, NumFmt::Corr),
                None => Msg::new("empty"),
            };
            (title, summary)
        }
        [(a, i, sa), ..] => {
            let summary = match dates.get(*i) {
                Some(d) => Msg::new("corr-summary-one")
                    .num("window", w, NumFmt::Count)
                    .date("date", *d)
                    .msg("with", in_sentence(*a))
                    .num("r", sa.r, NumFmt::Corr)
                    .num("lo", sa.lo, NumFmt::Corr)
                    .num("hi", sa.hi, NumFmt::Corr),
                None => Msg::new("empty"),
            };
            (
                Msg::new("corr-headline-one").msg("with", in_sentence(*a)),
                summary,
            )
        }
        [] => (
            Msg::new("corr-title"),
            Msg::new("corr-none").num("window", w, NumFmt::Count),
        ),
    }
}

/// The takeaway: for every selected counterpart its latest correlation (on the last
/// complete day: a provisional last point is left out), how it moved over the view, and a
/// ranking of the two strongest on the latest day ([`keep_latest`]) — "more with A than
/// with B" only where their 95 % intervals separate, "could not be told apart" where they
/// overlap.
fn takeaway(
    dates: &[Date],
    lines: &[(Counterpart, Vec<Option<CorrStat>>)],
    window: usize,
    provisional: Option<Date>,
) -> Vec<Msg> {
    let complete = provisional.map_or(dates.len(), |p| dates.partition_point(|d| *d < p));
    let mut sentences = Vec::new();
    let mut ends: Vec<(Counterpart, Date, CorrStat)> = Vec::new();
    for (c, stats) in lines {
        let stats = stats.get(..complete).unwrap_or_default();
        let values: Vec<Option<f64>> = stats.iter().map(|s| s.map(|s| s.r)).collect();
        let (Some((i0, v0)), Some((i1, v1))) = (first_value(&values), last_value(&values)) else {
            continue;
        };
        let (Some(d0), Some(d1), Some(Some(end))) = (dates.get(i0), dates.get(i1), stats.get(i1)) else {
            continue;
        };
        ends.push((*c, *d1, *end));
        let change = v1 - v0;
        let mut m = Msg::new(if i0 == i1 {
            "corr-latest"
        } else if change.abs() < 0.05 {
            "corr-latest-flat"
        } else if change > 0.0 {
            "corr-latest-up"
        } else {
            "corr-latest-down"
        })
        .num("window", window as f64, NumFmt::Count)
        .msg("with", in_sentence(*c))
        .num("r", v1, NumFmt::Corr)
        .date("date", *d1)
        .num("r0", v0, NumFmt::Corr)
        .date("date0", *d0);
        // Name the peak when the view's story is a rise and fall the two ends would hide.
        let peak = values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| Some((i, (*v)?)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .filter(|(i, p)| *i != i0 && *i != i1 && p - v1.max(v0) >= 0.1)
            .and_then(|(i, p)| {
                Some(
                    Msg::new("corr-peak")
                        .num("r", p, NumFmt::Corr)
                        .date("date", *dates.get(i)?),
                )
            });
        m = m.msg("peak", peak.unwrap_or_else(|| Msg::new("empty")));
        sentences.push(m);
    }
    // Rank the two strongest at the latest day.
    let mut at_end: Vec<&(Counterpart, Date, CorrStat)> = ends.iter().collect();
    keep_latest(&mut at_end, |e| e.1);
    crate::order::sort_by(&mut at_end, |a, b| b.2.r.total_cmp(&a.2.r));
    if let [(c0, d0, s0), (c1, _, s1), ..] = at_end[..] {
        let m = if s0.lo > s1.hi {
            "corr-compare"
        } else {
            "corr-compare-overlap"
        };
        sentences.push(
            Msg::new(m)
                .date("date", *d0)
                .msg("hi", in_sentence(*c0))
                .num("rhi", s0.r, NumFmt::Corr)
                .msg("lo", in_sentence(*c1))
                .num("rlo", s1.r, NumFmt::Corr),
        );
    }
    if sentences.is_empty() {
        sentences.push(Msg::new("corr-none").num("window", window as f64, NumFmt::Count));
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::raw::RawSnapshot;
    use crate::views::range::{Preset, RangeChoice};
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
    fn each_note_names_its_series_once_and_a_market_that_ends_early_says_where() {
        use crate::text::Locale;
        use time::macros::date;
        let snap = Snapshot::from_text(include_str!("../../../../public/data/snapshot.txt")).unwrap();
        let data = MarketData::from_snapshot(&snap).unwrap();
        let mut st = state(90, RangeChoice::Preset(Preset::All));
        st.with = vec![
            Counterpart::Qqq,
            Counterpart::Gld,
            Counterpart::Eth,
            Counterpart::Dgs10,
        ];
        let v = view(&snap, &data, &st);
        let en = Locale::en();
        let notes: Vec<String> = v.notes.iter().map(|m| en.render(m)).collect();
        let with = |s: &str| notes.iter().filter(|n| n.contains(s)).count();
        // Gold and ether carry the same note: one sentence names both.
        assert_eq!(with("Daily close."), 1, "{notes:#?}");
        assert!(
            notes
                .iter()
                .any(|n| n.starts_with("Gold (GLD), Ether (ETH): Daily close.")),
            "{notes:#?}"
        );
        assert!(
            notes.iter().any(|n| n.starts_with("Bitcoin: Close at 24:00 UTC")),
            "{notes:#?}"
        );
        let ends: Vec<&Msg> = v.notes.iter().filter(|m| m.id == "note-series-ends").collect();
        // Ether's end is noted; the yield's day of publishing lag is not.
        assert_eq!(ends.len(), 1, "{ends:?}");
        assert_eq!(
            arg(ends[0], "series"),
            Some(&crate::text::Arg::Msg(label(Counterpart::Eth)))
        );
        assert_eq!(
            arg(ends[0], "date"),
            Some(&crate::text::Arg::Date(date!(2026 - 06 - 05)))
        );
        // Ether ended earlier: the takeaway still ranks the two strongest on the latest day.
        let compare = v
            .takeaway
            .iter()
            .find(|m| m.id.starts_with("corr-compare"))
            .unwrap_or_else(|| panic!("{:#?}", v.takeaway));
        assert_eq!(
            arg(compare, "date"),
            Some(&crate::text::Arg::Date(date!(2026 - 08 - 20)))
        );
        assert_eq!(
            [arg(compare, "hi"), arg(compare, "lo")],
            [
                Some(&crate::text::Arg::Msg(in_sentence(Counterpart::Gld))),
                Some(&crate::text::Arg::Msg(in_sentence(Counterpart::Qqq)))
            ]
        );
        // Its correlation line stops on its last day, not days later.
        let f = v.frame.as_ref().unwrap();
        let eth = f
            .series
            .iter()
            .find(|s| s.key == format!("corr_{}", Counterpart::Eth.key()))
            .unwrap();
        let last = eth.values.iter().rposition(Option::is_some).unwrap();
        assert!(f.x[last] <= date!(2026 - 06 - 05), "{}", f.x[last]);
    }

    #[test]
    fn a_market_whose_data_ended_earlier_is_not_ranked_in_the_headline() {
        use time::macros::date;
        let dates: Vec<Date> = (0..8)
            .map(|i| crate::date::add_days(date!(2026 - 06 - 01), i).unwrap())
            .collect();
        let iv = FisherInterval::new(90);
        let line = |r: f64, last: usize| -> Vec<Option<CorrStat>> {
            (0..8)
                .map(|i| (i <= last).then(|| CorrStat::with_interval(r, iv)))
                .collect()
        };
        // Ether, the strongest, ends on day 3; the Nasdaq and gold reach day 7.
        let lines = vec![
            (Counterpart::Eth, line(0.92, 3)),
            (Counterpart::Qqq, line(0.34, 7)),
            (Counterpart::Gld, line(0.52, 7)),
        ];
        let (title, summary) = headline(&dates, &lines, 90, None, dates.last().copied());
        assert_eq!(title.id, "corr-headline-equal");
        // The summary says which market is not ranked, and why.
        assert_eq!(summary.id, "corr-summary-ended");
        assert_eq!(summary.ids()[..2], ["corr-summary-ended", "corr-summary-equal"]);
        assert!(summary
            .args
            .iter()
            .any(|(n, a)| *n == "date" && *a == crate::text::Arg::Date(dates[3])));
        let Some((_, crate::text::Arg::Msg(summary))) =
            summary.args.iter().find(|(n, _)| *n == "summary").cloned()
        else {
            panic!("no ranked summary")
        };
        assert_eq!(summary.id, "corr-summary-equal");
        assert_eq!(
            summary.args.iter().find(|(n, _)| *n == "date").map(|(_, a)| a),
            Some(&crate::text::Arg::Date(dates[7]))
        );
        assert_eq!(
            summary.numbers().iter().map(|n| n.0).collect::<Vec<_>>(),
            [90.0, 0.52, 0.34]
        );
        // A view that ends weeks before the data do says when, not "now".
        let later = crate::date::add_days(dates[7], 30).unwrap();
        let (title, _) = headline(&dates, &lines, 90, None, Some(later));
        assert_eq!(title.id, "corr-headline-equal-then");
        assert_eq!(
            title.args.iter().find(|(n, _)| *n == "month").map(|(_, a)| a),
            Some(&crate::text::Arg::Month(dates[7]))
        );
        let (title, _) = headline(&dates, &lines, 90, None, crate::date::add_days(dates[7], 6));
        assert_eq!(title.id, "corr-headline-equal");
        // Alone, ether is dated on its own last day.
        let (title, summary) = headline(&dates, &lines[..1], 90, None, dates.last().copied());
        assert_eq!(title.id, "corr-headline-one");
        assert_eq!(
            summary.args.iter().find(|(n, _)| *n == "date").map(|(_, a)| a),
            Some(&crate::text::Arg::Date(dates[3]))
        );
        // Two ended markets are named in a sentence's list.
        let mut two = lines.clone();
        two.push((Counterpart::Dbc, line(0.1, 5)));
        let (_, summary) = headline(&dates, &two, 90, None, dates.last().copied());
        assert_eq!(summary.id, "corr-summary-ended-many");
        let text = crate::text::Locale::en().render(&summary);
        assert!(
            text.contains("Ether (ETH) and Commodities (DBC) are not ranked"),
            "{text}"
        );
    }

    fn state(window: usize, range: RangeChoice) -> CorrelationState {
        CorrelationState {
            with: Counterpart::DEFAULT.to_vec(),
            window,
            range,
            regime_vs: Counterpart::Gld,
        }
    }

    fn arg<'a>(m: &'a Msg, name: &str) -> Option<&'a crate::text::Arg> {
        m.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    #[test]
    fn view_slices_indexes_and_says_what_the_data_show() {
        use crate::text::Arg;
        let snap = snapshot(true);
        let data = MarketData::from_snapshot(&snap).unwrap();
        let v = view(&snap, &data, &state(3, RangeChoice::Preset(Preset::All)));
        let f = v.frame.as_ref().unwrap();
        assert!(f.panels_are_valid());
        assert_eq!(f.x.len(), 8);
        let btc = f.series.iter().find(|s| s.key == ids::BTC_USD).unwrap();
        assert_eq!(btc.values[0], Some(100.0));
        assert_eq!(f.series.iter().filter(|s| s.panel == INDEX).count(), 3);
        // Bitcoin is drawn last, on top.
        assert_eq!(f.series.last().map(|s| s.key.as_str()), Some(ids::BTC_USD));
        // One sentence per counterpart, then the comparison.
        let ids: Vec<&str> = v.takeaway.iter().map(|m| m.id).collect();
        // Three returns give no usable interval (n ≤ 3 spans −1..1): no ranking is claimed.
        assert_eq!(
            ids,
            ["corr-latest-flat", "corr-latest-flat", "corr-compare-overlap"]
        );
        let qqq = f.series.iter().find(|s| s.key == "corr_qqq").unwrap();
        assert!(qqq.interval.is_some());
        let pv = &f.values_at(7)[0];
        assert_eq!(pv.text().id, "value-with-ci");
        let Some(Arg::Num(r, _)) = arg(&v.takeaway[0], "r") else {
            panic!()
        };
        assert!((r - 1.0).abs() < 1e-9);
        let Some(Arg::Num(r, _)) = arg(&v.takeaway[1], "r") else {
            panic!()
        };
        assert!((r + 1.0).abs() < 1e-9);
        assert_eq!(
            arg(&v.takeaway[2], "hi"),
            Some(&Arg::Msg(in_sentence(Counterpart::Qqq)))
        );
        let custom = RangeChoice::Custom(
            crate::date::parse_iso("2024-01-08").unwrap(),
            crate::date::parse_iso("2024-01-10").unwrap(),
        );
        let v = view(&snap, &data, &state(3, custom));
        let f = v.frame.unwrap();
        assert_eq!(f.x.len(), 3);
        assert_eq!(
            f.series.iter().find(|s| s.key == ids::BTC_USD).unwrap().values[0],
            Some(100.0)
        );
    }

    #[test]
    fn a_ranking_is_claimed_only_where_the_intervals_separate() {
        let dates: Vec<Date> = ["2025-01-02", "2025-01-03"]
            .iter()
            .map(|d| crate::date::parse_iso(d).unwrap())
            .collect();
        let line = |r0: f64, r1: f64, n: usize| vec![Some(CorrStat::new(r0, n)), Some(CorrStat::new(r1, n))];
        // 0.6 vs 0.1 with n = 90: intervals (0.45, 0.72) and (−0.11, 0.30) separate.
        let t = takeaway(
            &dates,
            &[
                (Counterpart::Gld, line(0.5, 0.6, 90)),
                (Counterpart::Qqq, line(0.2, 0.1, 90)),
            ],
            90,
            None,
        );
        assert_eq!(t.last().map(|m| m.id), Some("corr-compare"));
        assert_eq!(
            arg(t.last().unwrap(), "hi"),
            Some(&crate::text::Arg::Msg(in_sentence(Counterpart::Gld)))
        );
        // 0.40 vs 0.30 with n = 90: they overlap.
        let t = takeaway(
            &dates,
            &[
                (Counterpart::Gld, line(0.5, 0.4, 90)),
                (Counterpart::Qqq, line(0.2, 0.3, 90)),
            ],
            90,
            None,
        );
        assert_eq!(t.last().map(|m| m.id), Some("corr-compare-overlap"));
        // A provisional last day is left out of the headline.
        let t = takeaway(
            &dates,
            &[(Counterpart::Gld, line(0.5, 0.6, 90))],
            90,
            Some(dates[1]),
        );
        assert_eq!(t[0].id, "corr-latest");
        assert_eq!(arg(&t[0], "date"), Some(&crate::text::Arg::Date(dates[0])));
    }

    #[test]
    fn every_selected_counterpart_gets_a_sentence() {
        let snap = snapshot(true);
        let data = MarketData::from_snapshot(&snap).unwrap();
        let mut s = state(3, RangeChoice::Preset(Preset::All));
        s.with = vec![Counterpart::Qqq, Counterpart::Gld, Counterpart::Spy];
        let v = view(&snap, &data, &s);
        let latest = v
            .takeaway
            .iter()
            .filter(|m| m.id.starts_with("corr-latest"))
            .count();
        assert_eq!(latest, 3);
    }

    #[test]
    fn a_window_longer_than_the_view_says_so() {
        let snap = snapshot(true);
        let data = MarketData::from_snapshot(&snap).unwrap();
        let v = view(&snap, &data, &state(30, RangeChoice::Preset(Preset::All)));
        assert_eq!(v.takeaway.iter().map(|m| m.id).collect::<Vec<_>>(), ["corr-none"]);
    }

    #[test]
    fn a_missing_counterpart_is_reported_not_fatal() {
        let snap = snapshot(false);
        let data = MarketData::from_snapshot(&snap).unwrap();
        let v = view(&snap, &data, &state(3, RangeChoice::Preset(Preset::All)));
        let f = v.frame.unwrap();
        assert_eq!(f.series.iter().filter(|s| s.panel == CORR).count(), 1);
        assert_eq!(v.warnings.len(), 1);
        assert_eq!(v.warnings[0].id, "warn-counterpart");
        assert_eq!(
            arg(&v.warnings[0], "name"),
            Some(&crate::text::Arg::Msg(label(Counterpart::Gld)))
        );
    }

    #[test]
    fn a_range_that_misses_the_market_data_says_where_they_are_once() {
        use crate::views::chart::Control;
        let snap =
            Snapshot::from_text_unverified(include_str!("../../../../public/data/snapshot.txt")).unwrap();
        let data = MarketData::from_snapshot(&snap).unwrap();
        let (first, last) = data.bounds().unwrap();
        let at = |a: &str, b: &str| {
            let st = CorrelationState {
                with: Counterpart::DEFAULT.to_vec(),
                window: 90,
                range: RangeChoice::parse(&format!("{a}..{b}")).unwrap(),
                regime_vs: Counterpart::Gld,
            };
            view(&snap, &data, &st)
        };
        // Before the data (a hand-typed link): it used to show the first day alone, with
        // "pick a longer range or a shorter window" and a finding about no regimes.
        let v = at("1990-01-01", "1991-01-01");
        let why = v.frame.as_ref().unwrap_err();
        assert_eq!(why.id, "empty-market-before");
        assert_eq!(arg(why, "date"), Some(&crate::text::Arg::Date(first)));
        assert_eq!(v.summary, *why);
        assert!(v.takeaway.is_empty() && v.findings.is_empty() && v.stats.is_empty() && v.notes.is_empty());
        // The range control shows the span asked for; the other controls stay.
        assert!(v.controls.iter().any(|c| matches!(c,
            Control::Range { span, .. } if span.from.year() == 1990 && span.to.year() == 1991)));
        assert_eq!(v.controls.len(), 4);
        // After the data; and one day of them, too few to draw.
        let after = at("2030-01-01", "2030-02-01");
        let why = after.frame.as_ref().unwrap_err();
        assert_eq!(
            (why.id, arg(why, "date")),
            ("empty-market-after", Some(&crate::text::Arg::Date(last)))
        );
        let day = format!("{last}");
        let one = at(&day, "2030-01-01");
        assert_eq!(one.frame.unwrap_err().id, "empty-market-range");
        // No headline ranking the markets on that one day.
        assert_eq!(one.title.id, "corr-title");
        // Two days are drawn.
        let two = data.dates[data.dates.len() - 2].to_string();
        assert!(at(&two, &day).frame.is_ok());
    }

    #[test]
    fn the_regime_periods_go_into_a_table_with_their_numbers() {
        use crate::views::range::Preset;
        use crate::views::table::StatCell;
        let snap =
            Snapshot::from_text_unverified(include_str!("../../../../public/data/snapshot.txt")).unwrap();
        let data = MarketData::from_snapshot(&snap).unwrap();
        let st = CorrelationState {
            with: Counterpart::DEFAULT.to_vec(),
            window: 90,
            range: RangeChoice::Preset(Preset::All),
            regime_vs: Counterpart::Gld,
        };
        let v = view(&snap, &data, &st);
        let t = v.stats.iter().find(|t| t.key == "regimes").unwrap();
        let periods: Vec<&Msg> = v.findings.iter().filter(|m| m.id == "regime-period").collect();
        assert!(!periods.is_empty(), "the real data hold regimes at 90 days");
        assert_eq!(t.rows.len(), periods.len());
        assert_eq!(t.empty, None);
        for (row, m) in t.rows.iter().zip(&periods) {
            assert_eq!(row.len(), t.columns.len());
            assert!(matches!(row[1], StatCell::Day(d) if Some(&crate::text::Arg::Date(d)) == arg(m, "from")));
            assert!(
                matches!(row[3], StatCell::Num(Some(n), _) if Some(&crate::text::Arg::Num(n, NumFmt::Count)) == arg(m, "days"))
            );
            // Nasdaq's and the other market's means, whichever led.
            let StatCell::Num(Some(qqq), _) = row[4] else {
                panic!()
            };
            let StatCell::Num(Some(gld), _) = row[5] else {
                panic!()
            };
            let nums: Vec<f64> = m.numbers().iter().map(|n| n.0).collect();
            assert!(nums.contains(&qqq) && nums.contains(&gld), "{nums:?}");
        }
        // Tinted while both lines are drawn; with the Nasdaq hidden the periods stay in
        // the table and the list, untinted, and the rule says so.
        assert!(v.frame.as_ref().unwrap().shades.len() == periods.len());
        assert_eq!(v.findings[0].id, "regime-rule");
        let hidden = view(
            &snap,
            &data,
            &CorrelationState {
                with: vec![Counterpart::Gld],
                ..st.clone()
            },
        );
        assert!(hidden.frame.as_ref().unwrap().shades.is_empty());
        assert_eq!(hidden.findings[0].id, "regime-rule-hidden");
        assert_eq!(
            hidden
                .stats
                .iter()
                .find(|t| t.key == "regimes")
                .unwrap()
                .rows
                .len(),
            t.rows.len()
        );
        // A view with no regime: no rows, and the rule with its minimum in words.
        let short = view(
            &snap,
            &data,
            &CorrelationState {
                window: 30,
                range: RangeChoice::Preset(Preset::Y2),
                ..st
            },
        );
        let t = short.stats.iter().find(|t| t.key == "regimes").unwrap();
        assert!(t.rows.is_empty(), "{:?}", t.rows);
        let why = t.empty.as_ref().unwrap();
        assert_eq!(why.id, "regime-none");
        assert!(why.numbers().iter().any(|n| n.0 == MIN_REGIME_DAYS as f64));
    }
}
