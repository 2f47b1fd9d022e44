//! The chart table: every chart of the page as data read from the snapshot once
//! ([`prepare`]) and a pure function from that data and the reader's [`ViewState`] to a
//! [`ChartView`] ([`chart_view`]) — its words (message ids with computed arguments), its
//! controls and its [`Frame`]. The app renders any `ChartView` with one section shell and
//! one chart engine, so adding a chart is a view module, its state keys and one arm here.

use super::burn::BurnData;
use super::correlation::MarketData;
use super::frame::{ColorRole, EventMark, Frame};
use super::range::{Outside, Preset, RangeChoice, Span};
use super::state::{Chart, ChartState, ViewState};
use crate::snapshot::{Event, SnapshotError};
use crate::text::Msg;
use crate::Snapshot;
use std::sync::Arc;
use time::Date;

/// One option of a [`Control::Choice`].
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceOption {
    /// The value in URL form (what [`ViewState::edit`] takes).
    pub value: String,
    /// Button text.
    pub label: Msg,
    /// Whether this option is the current one.
    pub selected: bool,
}

/// One entry of a [`Control::Toggles`] group (a legend chip).
#[derive(Debug, Clone, PartialEq)]
pub struct ToggleItem {
    /// Chip text.
    pub label: Msg,
    /// The series' colour.
    pub color: ColorRole,
    /// Whether the series is shown.
    pub on: bool,
    /// A lone required series cannot be switched off.
    pub locked: bool,
    /// The key's URL value after pressing this chip.
    pub value_after: String,
}

/// A control of a chart, declared by the core with its current value; pressing it is an
/// edit of one URL key ([`ViewState::edit`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Control {
    /// Mutually exclusive buttons.
    Choice {
        /// URL key.
        key: &'static str,
        /// Group label.
        label: Msg,
        /// Whether the label is shown beside the buttons (where the options do not say
        /// what they choose), not only given to screen readers.
        shown: bool,
        /// Options in display order.
        options: Vec<ChoiceOption>,
    },
    /// Legend chips that show and hide series.
    Toggles {
        /// URL key.
        key: &'static str,
        /// Group label.
        label: Msg,
        /// The chips.
        items: Vec<ToggleItem>,
    },
    /// Range presets and a custom from–to span.
    Range {
        /// URL key.
        key: &'static str,
        /// The reader's choice.
        choice: RangeChoice,
        /// What it resolves to.
        span: Span,
        /// First date with data.
        first: Date,
        /// Last date with data.
        last: Date,
    },
}

impl Control {
    /// The URL key the control edits.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Choice { key, .. } | Self::Toggles { key, .. } | Self::Range { key, .. } => key,
        }
    }

    /// A choice control whose options are `(value, label)` pairs and `current` the
    /// current value.
    pub fn choice(key: &'static str, label: Msg, options: Vec<(String, Msg)>, current: &str) -> Self {
        Self::Choice {
            key,
            label,
            shown: false,
            options: options
                .into_iter()
                .map(|(value, label)| ChoiceOption {
                    selected: value == current,
                    value,
                    label,
                })
                .collect(),
        }
    }

    /// This control with its label shown beside its buttons (a [`Control::Choice`]).
    pub fn labelled(mut self) -> Self {
        if let Self::Choice { shown, .. } = &mut self {
            *shown = true;
        }
        self
    }

    /// The range control of `key` for data covering `first ..= last`. A custom span that
    /// misses the data is shown as asked ([`RangeChoice::shown`]; the view says why it is
    /// empty).
    pub fn range(key: &'static str, choice: RangeChoice, first: Date, last: Date) -> Self {
        let span = choice.shown(first, last);
        Self::Range {
            key,
            choice,
            span,
            first,
            last,
        }
    }
}

/// The label of a range preset button.
pub fn preset_label(p: Preset) -> Msg {
    Msg::new(match p {
        Preset::M3 => "range-3m",
        Preset::M6 => "range-6m",
        Preset::Y1 => "range-1y",
        Preset::Y2 => "range-2y",
        Preset::Y5 => "range-5y",
        Preset::All => "range-all",
    })
}

/// One bar of a small companion chart (the lead–lag correlogram).
#[derive(Debug, Clone, PartialEq)]
pub struct MiniBar {
    /// Axis label (the lag).
    pub label: Msg,
    /// The value, `None` where it cannot be computed.
    pub value: Option<f64>,
    /// Half-width of the band around zero that chance alone reaches 95 % of the time.
    pub band: f64,
    /// Whether this is the bar the sentence names.
    pub highlight: bool,
    /// Whether its label shows under the axis (the emphasised bar's always does).
    pub tick: Tick,
    /// What the bar says, for the tooltip and screen readers.
    pub text: Msg,
}

/// Where a companion bar's axis label shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tick {
    /// At every width (zero and the ends).
    Always,
    /// Where the bars are narrow (every fifth lag: −5, +5).
    Narrow,
    /// Where the bars are wide enough (every second lag).
    Wide,
    /// Only on the emphasised bar.
    Never,
}

impl Tick {
    /// The tick of lag `k` of a correlogram: evenly spaced at each width — every fifth
    /// lag on a phone, every second where there is room — so zero and ±10 always.
    pub fn of_lag(k: i64) -> Self {
        match (k % 5 == 0, k % 2 == 0) {
            (true, true) => Self::Always,
            (true, false) => Self::Narrow,
            (false, true) => Self::Wide,
            (false, false) => Self::Never,
        }
    }

    /// Its name in the page's markup (`data-tick`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Always => "always",
            Self::Narrow => "narrow",
            Self::Wide => "wide",
            Self::Never => "never",
        }
    }
}

/// A small companion chart of bars around zero with a band.
#[derive(Debug, Clone, PartialEq)]
pub struct MiniBars {
    /// Title (what and over which span).
    pub title: Msg,
    /// The bars, left to right.
    pub bars: Vec<MiniBar>,
    /// Label under the left end and under the right end.
    pub ends: (Msg, Msg),
    /// What the marks are (bars, band, the emphasised bar), under the chart.
    pub key: Msg,
}

/// Everything a chart section shows for the current view.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartView {
    /// Which chart.
    pub chart: Chart,
    /// Section heading: the chart's finding for this view, computed (≤ 10 words).
    pub title: Msg,
    /// What is plotted.
    pub subtitle: Msg,
    /// The finding in about twenty words, rounded.
    pub summary: Msg,
    /// The paragraph under the heading (hidden in embeds).
    pub lede: Msg,
    /// The computed takeaway sentences.
    pub takeaway: Vec<Msg>,
    /// Controls, in display order.
    pub controls: Vec<Control>,
    /// What to draw, or why nothing can be drawn.
    pub frame: Result<Frame, Msg>,
    /// Problems with part of the view (a counterpart that could not be read).
    pub warnings: Vec<Msg>,
    /// Caveats under the chart.
    pub notes: Vec<Msg>,
    /// Computed findings listed under the chart (regimes, lead–lag), each a sentence.
    pub findings: Vec<Msg>,
    /// A small companion chart (the flows chart's lead–lag bars).
    pub mini: Option<MiniBars>,
    /// The findings' numbers as tables (regime periods, the lead–lag correlogram, the
    /// model's monthly error), shown under the chart's data table and added to its CSV.
    pub stats: Vec<super::table::StatTable>,
    /// How the chart is computed.
    pub method: Msg,
    /// Provider ids credited (keys of the snapshot's providers).
    pub providers: Vec<String>,
    /// Last date of the chart's data.
    pub as_of: Date,
    /// Whether the chart models something (credited as a model).
    pub modelled: bool,
}

impl ChartView {
    /// This view with nothing to draw, saying `why` in place of the chart, and in the
    /// summary (which the page shows only to screen readers then): no takeaway,
    /// findings, tables or notes about data that are not shown (they would repeat the
    /// reason, or describe bars and lines that are not there), and the
    /// chart's plain title for a headline made from data it no longer shows. Subtitle,
    /// lede, controls (to pick another range), warnings and sources stay.
    pub fn emptied(mut self, why: Msg) -> Self {
        self.title = Msg::new(match self.chart {
            Chart::Correlation => "corr-title",
            Chart::Flows => "flows-title",
            Chart::Burn => "burn-title",
        });
        self.summary = why.clone();
        self.takeaway.clear();
        self.frame = Err(why);
        self.findings.clear();
        self.mini = None;
        self.stats.clear();
        self.notes.clear();
        self
    }
}

/// Why a chart has nothing to show for the range the reader chose, if so: the range
/// misses the data (`ids.0`, with the day the data begin, or `ids.1`, with the day they
/// end), or holds fewer than two of the chart's points (`ids.2`: pick a longer range).
/// `points` is how many points the range selects (days; months on a monthly chart).
pub fn range_gap(
    choice: RangeChoice,
    first: Date,
    last: Date,
    points: usize,
    ids: (&'static str, &'static str, &'static str),
) -> Option<Msg> {
    match choice.resolve(first, last) {
        Err(Outside::Before) => Some(Msg::new(ids.0).date("date", first.min(last))),
        Err(Outside::After) => Some(Msg::new(ids.1).date("date", first.max(last))),
        Ok(_) if points < 2 => Some(Msg::new(ids.2)),
        Ok(_) => None,
    }
}

/// A chart's data, read from the snapshot once.
#[derive(Debug, Clone)]
pub enum ChartData {
    /// Market prices aligned on US market days.
    Correlation(Arc<MarketData>),
    /// The snapshot's ETF flow tables (the asset is a control).
    Flows,
    /// Burn, modelled issuance and net supply.
    Burn(Arc<BurnData>),
}

/// A chart's data together with the snapshot it came from.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Which chart.
    pub chart: Chart,
    /// The snapshot.
    pub snapshot: Arc<Snapshot>,
    /// The chart's own data.
    pub data: ChartData,
}

/// A snapshot error as a reader message with its technical detail.
pub fn data_error(e: &SnapshotError) -> Msg {
    Msg::new(DATA_ERROR).text("detail", e.to_string())
}

/// Whether `m` is a [`data_error`] (not, say, why a range is empty).
pub fn is_data_error(m: &Msg) -> bool {
    m.id == DATA_ERROR
}

const DATA_ERROR: &str = "error-chart-data";

/// Reads what `chart` needs from the snapshot. An error is a readable message shown in
/// place of that chart only.
///
/// # Errors
/// The reason the chart's data cannot be read.
pub fn prepare(chart: Chart, snapshot: &Arc<Snapshot>) -> Result<Prepared, Msg> {
    let data = match chart {
        Chart::Correlation => ChartData::Correlation(Arc::new(
            MarketData::from_snapshot(snapshot).map_err(|e| data_error(&e))?,
        )),
        Chart::Flows => ChartData::Flows,
        Chart::Burn => ChartData::Burn(Arc::new(
            BurnData::from_snapshot(snapshot).map_err(|e| data_error(&e))?,
        )),
    };
    Ok(Prepared {
        chart,
        snapshot: snapshot.clone(),
        data,
    })
}

/// The view of a prepared chart for its part of the view state (a part of another chart
/// falls back to that chart's defaults).
pub fn chart_view(p: &Prepared, part: &ChartState) -> ChartView {
    let d = ViewState::default();
    match (&p.data, part) {
        (ChartData::Correlation(m), ChartState::Correlation(s)) => {
            super::correlation::view(&p.snapshot, m, s)
        }
        (ChartData::Correlation(m), _) => super::correlation::view(&p.snapshot, m, &d.correlation),
        (ChartData::Flows, ChartState::Flows(s)) => super::flows::view(&p.snapshot, s),
        (ChartData::Flows, _) => super::flows::view(&p.snapshot, &d.flows),
        (ChartData::Burn(b), ChartState::Burn(s)) => super::burn::view(&p.snapshot, b, s),
        (ChartData::Burn(b), _) => super::burn::view(&p.snapshot, b, &d.burn),
    }
}

/// The events of `chart` that fall inside `span`, as frame markers, each numbered by
/// its place among all of the snapshot's events in date order: one number is one event
/// on the whole page (the three charts and the event lens share them), in every range,
/// step and embed.
pub fn events_in(events: &[Event], chart: Chart, span: Span) -> Vec<EventMark> {
    let mut all: Vec<&Event> = events.iter().collect();
    crate::order::sort_by_key(&mut all, |e| e.date);
    all.into_iter()
        .enumerate()
        .filter(|(_, e)| e.concerns(chart.key()))
        .filter(|(_, e)| e.date >= span.from && e.date <= span.to)
        .map(|(i, e)| EventMark {
            date: e.date,
            label: e.label.clone(),
            number: i + 1,
        })
        .collect()
}

/// A line's end label naming the partial period it ends in: "Running total (Aug 2026
/// partial)", or "(week of 17 Aug 2026 partial)" for a week.
pub fn partial_end_label(label: Msg, start: Date, week: bool) -> Msg {
    if week {
        Msg::new("end-partial-week")
            .msg("label", label)
            .date("date", start)
    } else {
        Msg::new("end-partial-month")
            .msg("label", label)
            .month("month", start)
    }
}

/// Provider ids of the given series and flow tables, in order, without repeats.
pub fn providers_of(snapshot: &Snapshot, series: &[&str], flows: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let ids = series
        .iter()
        .filter_map(|id| snapshot.series(id).ok().map(|s| s.meta.provider.clone()))
        .chain(
            flows
                .iter()
                .filter_map(|id| snapshot.flows(id).ok().map(|t| t.meta.provider.clone())),
        );
    for id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// The notes validation left on the series and flow tables `ids` (values set aside, totals
/// replaced, ranges that disagree) and on the file as a whole (events or holidays dropped),
/// one per kind of problem, for the chart that draws them.
pub fn validation_notes(snapshot: &Snapshot, ids: &[&str]) -> Vec<Msg> {
    let mut out: Vec<Msg> = Vec::new();
    let series = ids.iter().flat_map(|id| {
        let notes = match (snapshot.series(id), snapshot.flows(id)) {
            (Ok(s), _) => s.notes(),
            (_, Ok(t)) => t.notes(),
            _ => Vec::new(),
        };
        notes
            .into_iter()
            .map(|n| Msg::new("note-validation").text("text", n))
    });
    let file = snapshot
        .file_notes()
        .into_iter()
        .map(|n| Msg::new("note-validation-file").text("text", n));
    for m in series.chain(file) {
        if !out.contains(&m) {
            out.push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_iso;

    #[test]
    fn a_range_control_shows_a_span_that_misses_the_data_as_asked() {
        use time::macros::date;
        let (first, last) = (date!(2024 - 01 - 11), date!(2026 - 08 - 21));
        let span = |choice| match Control::range("f.range", choice, first, last) {
            Control::Range { span, .. } => (span.from, span.to),
            other => panic!("{other:?}"),
        };
        let before = RangeChoice::Custom(date!(2022 - 12 - 09), date!(2022 - 10 - 13));
        assert_eq!(span(before), (date!(2022 - 10 - 13), date!(2022 - 12 - 09)));
        // One that meets the data is clamped to it.
        let across = RangeChoice::Custom(date!(2023 - 12 - 01), date!(2024 - 02 - 01));
        assert_eq!(span(across), (first, date!(2024 - 02 - 01)));
    }

    #[test]
    fn an_event_keeps_its_number_in_every_range() {
        let snap = super::super::committed_snapshot();
        let all = Span {
            from: parse_iso("2000-01-01").unwrap(),
            to: parse_iso("2100-01-01").unwrap(),
        };
        let mut seen: std::collections::BTreeMap<usize, (Date, String)> = Default::default();
        for chart in [Chart::Correlation, Chart::Flows, Chart::Burn] {
            let every = events_in(&snap.events, chart, all);
            assert!(every.len() >= 3, "{chart:?}");
            // Increasing in date order, each within the page's events.
            assert!(every.windows(2).all(|w| w[0].number < w[1].number), "{chart:?}");
            assert!(every.iter().all(|e| (1..=snap.events.len()).contains(&e.number)));
            // One number is one event across the charts.
            for e in &every {
                let was = seen.insert(e.number, (e.date, e.label.clone()));
                assert!(
                    was.is_none_or(|w| w == (e.date, e.label.clone())),
                    "{chart:?}: {e:?}"
                );
            }
            // A range that leaves out the first events: the others keep their numbers.
            let later = Span {
                from: every[2].date,
                to: all.to,
            };
            let some = events_in(&snap.events, chart, later);
            assert_eq!(some.first().map(|e| e.number), Some(every[2].number), "{chart:?}");
            assert_eq!(some.len(), every.len() - 2, "{chart:?}");
        }
        // The charts between them number more events than any one of them.
        assert!(seen.len() > events_in(&snap.events, Chart::Flows, all).len());
    }
}
