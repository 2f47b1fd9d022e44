//! A *frame*: everything one chart view draws, described once — the x axis (one date per
//! point), panels (title, scale, number format, reference line) and series specs (kind,
//! colour role, label, values). The app's one chart engine draws any frame, answers hover
//! for it and lays out its labels; the tooltip, the CSV and the data table all read the same
//! series, so a series described once cannot disagree with its own tooltip.

use crate::text::{data, DataText, Msg, NumFmt};
use time::Date;

/// How a panel maps values to height.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scale {
    /// Linear.
    Linear,
    /// Base-10 logarithmic (values ≤ 0 are gaps); the panel title says so.
    Log,
}

/// Who a colour belongs to. One role, one colour, on every chart (the app's theme maps
/// roles to colours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ColorRole {
    /// Bitcoin.
    Btc,
    /// Ether.
    Eth,
    /// The Nasdaq-100 (QQQ).
    Nasdaq,
    /// Gold (GLD).
    Gold,
    /// The S&P 500 (SPY).
    Sp500,
    /// Commodities (DBC).
    Commodities,
    /// The 10-year Treasury yield.
    Yield,
    /// Money in (bars above zero).
    Inflow,
    /// Money out (bars below zero).
    Outflow,
    /// ETH burned.
    Burn,
    /// ETH issued (model).
    Issuance,
    /// A net or cumulative total drawn in the text colour.
    Ink,
    /// A second cumulative total.
    InkSecondary,
    /// The n-th fund of a stack.
    Fund(u8),
}

/// How a series is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum SeriesKind {
    /// A line broken at gaps.
    Line {
        /// Dashed (a model) or solid (a measurement).
        dashed: bool,
    },
    /// Bars from zero; coloured by sign with [`ColorRole::Inflow`]/[`ColorRole::Outflow`]
    /// when `by_sign`.
    Bar {
        /// Colour by sign instead of by the series' role.
        by_sign: bool,
    },
    /// One layer of bars stacked with the other `Stack` series of its panel (positive
    /// values upwards, negative downwards, in series order).
    Stack,
    /// Separate dots (sparse measurements, e.g. one per month).
    Points,
}

/// What an interval around a series means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntervalKind {
    /// A 95 % confidence interval from `n` observations.
    Confidence95,
    /// A model's measured error band.
    ModelError,
}

/// An interval around each value of a series (a band under the line).
#[derive(Debug, Clone, PartialEq)]
pub struct Interval {
    /// What the band is.
    pub kind: IntervalKind,
    /// Lower bound per point.
    pub lo: Vec<Option<f64>>,
    /// Upper bound per point.
    pub hi: Vec<Option<f64>>,
    /// Observations per point (confidence intervals).
    pub n: Vec<Option<usize>>,
}

/// One series of a frame.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesSpec {
    /// Stable key (a series id, a fund ticker): CSV column and test handle.
    pub key: String,
    /// Legend and tooltip label.
    pub label: Msg,
    /// Index into [`Frame::panels`].
    pub panel: usize,
    /// Kind of mark.
    pub kind: SeriesKind,
    /// Colour role.
    pub color: ColorRole,
    /// Line width in CSS px (ignored by bars).
    pub width_css: f64,
    /// One value per point of [`Frame::x`]; `None` is a gap.
    pub values: Vec<Option<f64>>,
    /// How the tooltip, table and CSV write a value (defaults to the panel's format).
    pub format: NumFmt,
    /// A 95 % interval drawn as a band under the line, given in the tooltip and the CSV.
    pub interval: Option<Interval>,
    /// A remark per point for the tooltip and the CSV (a model's error that month).
    pub remarks: Option<Vec<Option<Msg>>>,
    /// A short name drawn at the line's last value, in its colour (lines are labelled on
    /// the chart, not only in a legend).
    pub end_label: Option<Msg>,
}

/// One plot area of a frame. Panels are stacked top to bottom and share the x axis.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelSpec {
    /// Title drawn above the panel (says what and in which unit).
    pub title: Msg,
    /// Shorter title for narrow screens.
    pub short_title: Msg,
    /// Scale.
    pub scale: Scale,
    /// How axis ticks are written.
    pub ticks: NumFmt,
    /// A reference line (zero, break-even, index 100).
    pub reference: Option<f64>,
    /// Share of the chart's height.
    pub weight: f64,
    /// The y range always includes zero.
    pub include_zero: bool,
    /// The y range never leaves these bounds (a correlation stays in −1..1).
    pub clamp: Option<(f64, f64)>,
    /// Smallest y span drawn (a flat series still gets a readable axis).
    pub min_span: f64,
    /// What a value of this panel is, for the data table's column headers ("ETH a day,
    /// 7-day mean"); `None` where the values carry their unit (money, percentages).
    pub unit: Option<Msg>,
}

/// A dated event marker.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMark {
    /// When.
    pub date: Date,
    /// Short label (verbatim from the events file, English).
    pub label: String,
    /// Its number where the chart numbers it: its place among the chart's events, the
    /// same in every view.
    pub number: usize,
}

impl EventMark {
    /// The label as a text a locale translates (`Locale::data`), English by default.
    pub fn text(&self) -> DataText {
        data::event_label(self.date, &self.label)
    }
}

/// A shaded stretch of the x axis across every panel (a regime).
#[derive(Debug, Clone, PartialEq)]
pub struct Shade {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
    /// Whose colour it takes.
    pub color: ColorRole,
    /// What it is (tooltip and table).
    pub label: Msg,
    /// Its key on the chart, a few words beside a swatch of its colour ("Nasdaq
    /// clearly closer"); shades of one colour share one key.
    pub key: Msg,
}

/// A text label pinned to a point of a series (the largest outflows).
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// Point index.
    pub index: usize,
    /// Panel index.
    pub panel: usize,
    /// Data y the label hangs from.
    pub y: f64,
    /// The label.
    pub text: Msg,
    /// Colour role.
    pub color: ColorRole,
}

/// What a point is called in the tooltip and the table.
#[derive(Debug, Clone, PartialEq)]
pub enum PointNames {
    /// Each point is the day of [`Frame::x`].
    Days,
    /// One title per point (weeks, months) and an optional detail row.
    Named(Vec<(Msg, Option<Msg>)>),
}

/// Everything a chart view draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// One date per point, ascending (for bars: the middle of the bar's days).
    pub x: Vec<Date>,
    /// Bar width in days, when the frame has bars.
    pub bar_days: Option<f64>,
    /// Point titles.
    pub names: PointNames,
    /// Panels, top to bottom.
    pub panels: Vec<PanelSpec>,
    /// Series in drawing order (later on top).
    pub series: Vec<SeriesSpec>,
    /// Event markers in range.
    pub events: Vec<EventMark>,
    /// Labels pinned to points.
    pub annotations: Vec<Annotation>,
    /// The first day whose values are provisional (taken before the day closed).
    pub provisional_from: Option<Date>,
    /// Shaded stretches behind every panel.
    pub shades: Vec<Shade>,
}

/// One value of a series at a point.
#[derive(Debug, Clone, PartialEq)]
pub struct PointValue<'a> {
    /// The series.
    pub series: &'a SeriesSpec,
    /// Its value (`None`: a gap).
    pub value: Option<f64>,
    /// Its interval, what it means and its sample size, when the series has one.
    pub interval: Option<(f64, f64, IntervalKind, Option<usize>)>,
    /// The series' remark at this point.
    pub remark: Option<Msg>,
}

impl PointValue<'_> {
    /// The value as a message: the number, with its interval where there is one
    /// ("0.34 (95 % CI 0.14 to 0.51, n = 90)"), or "no value".
    pub fn text(&self) -> Msg {
        let f = self.series.format;
        let text = match (self.value, self.interval) {
            (Some(v), Some((lo, hi, IntervalKind::Confidence95, Some(n)))) => Msg::new("value-with-ci")
                .num("v", v, f)
                .num("lo", lo, f)
                .num("hi", hi, f)
                .num("n", n as f64, NumFmt::Count),
            (Some(v), Some((lo, hi, _, _))) => Msg::new("value-with-band")
                .num("v", v, f)
                .num("lo", lo, f)
                .num("hi", hi, f),
            (Some(v), None) => Msg::new("value").num("v", v, f),
            (None, _) => Msg::new("no-value"),
        };
        match &self.remark {
            Some(r) => Msg::new("value-with-remark")
                .msg("value", text)
                .msg("remark", r.clone()),
            None => text,
        }
    }
}

impl Frame {
    /// The title of point `i` (`None` past the end).
    pub fn point_title(&self, i: usize) -> Option<(Msg, Option<Msg>)> {
        match &self.names {
            PointNames::Days => {
                let d = *self.x.get(i)?;
                let id = if self.provisional_from.is_some_and(|p| d >= p) {
                    "point-day-provisional"
                } else {
                    "point-day"
                };
                Some((Msg::new(id).date("date", d), None))
            }
            PointNames::Named(names) => names.get(i).cloned(),
        }
    }

    /// Every series' value at point `i`, in series order.
    pub fn values_at(&self, i: usize) -> Vec<PointValue<'_>> {
        self.series
            .iter()
            .map(|s| PointValue {
                series: s,
                value: s.values.get(i).copied().flatten(),
                interval: s.interval.as_ref().and_then(|iv| {
                    Some((
                        iv.lo.get(i).copied().flatten()?,
                        iv.hi.get(i).copied().flatten()?,
                        iv.kind,
                        iv.n.get(i).copied().flatten(),
                    ))
                }),
                remark: s.remarks.as_ref().and_then(|r| r.get(i).cloned().flatten()),
            })
            .collect()
    }

    /// The point nearest to `date` (ties go to the earlier point).
    pub fn index_near(&self, date: Date) -> Option<usize> {
        let i = self.x.partition_point(|d| *d < date);
        let after = (i < self.x.len()).then_some(i);
        let before = i.checked_sub(1);
        match (before, after) {
            (Some(b), Some(a)) => {
                let db = (date - *self.x.get(b)?).whole_days().abs();
                let da = (*self.x.get(a)? - date).whole_days().abs();
                Some(if da < db { a } else { b })
            }
            (b, a) => b.or(a),
        }
    }

    /// Whether two series of the frame would need two y axes: never true for a frame the
    /// core builds (each panel has one axis and every series belongs to one panel).
    pub fn panels_are_valid(&self) -> bool {
        self.series
            .iter()
            .all(|s| s.panel < self.panels.len() && s.values.len() == self.x.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn frame() -> Frame {
        let panel = PanelSpec {
            title: Msg::new("x"),
            short_title: Msg::new("x"),
            scale: Scale::Linear,
            ticks: NumFmt::Fixed(0),
            reference: None,
            weight: 1.0,
            include_zero: false,
            clamp: None,
            min_span: 1.0,
            unit: None,
        };
        Frame {
            x: vec![
                date!(2025 - 01 - 02),
                date!(2025 - 01 - 03),
                date!(2025 - 01 - 06),
            ],
            bar_days: None,
            names: PointNames::Days,
            panels: vec![panel],
            series: vec![SeriesSpec {
                key: "a".into(),
                label: Msg::new("a"),
                panel: 0,
                kind: SeriesKind::Line { dashed: false },
                color: ColorRole::Btc,
                width_css: 2.0,
                values: vec![Some(1.0), None, Some(3.0)],
                format: NumFmt::Fixed(1),
                interval: None,
                remarks: None,
                end_label: None,
            }],
            events: Vec::new(),
            annotations: Vec::new(),
            provisional_from: None,
            shades: Vec::new(),
        }
    }

    #[test]
    fn nearest_point_and_values() {
        let f = frame();
        assert_eq!(f.index_near(date!(2025 - 01 - 04)), Some(1));
        assert_eq!(f.index_near(date!(2025 - 01 - 05)), Some(2));
        assert_eq!(f.index_near(date!(2024 - 01 - 01)), Some(0));
        assert_eq!(f.index_near(date!(2030 - 01 - 01)), Some(2));
        assert_eq!(f.values_at(1)[0].value, None);
        assert_eq!(f.values_at(2)[0].value, Some(3.0));
        assert!(f.panels_are_valid());
        let mut bad = f.clone();
        bad.series[0].panel = 1;
        assert!(!bad.panels_are_valid());
    }
}
