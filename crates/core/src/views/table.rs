//! The data table of a chart: exactly what the chart shows, as rows a screen reader can walk,
//! written from its [`Frame`] — one column per series (the same series the chart draws and
//! the tooltip reads), one row per point.
//!
//! A view holding more points than a table can usefully hold is rolled up, as the
//! Highcharts accessibility module does: to weeks when that gives few enough rows, else to
//! months. Lines and dots (levels, correlations, cumulative totals) keep the last value of
//! each period, with its interval; bars and stacks (flows per day) are summed over the
//! period, and a period holding a gap is a gap (the rule of [`crate::resample`]: a sum
//! over missing days would be a made-up number). The table says which roll-up it used.

use super::frame::{Frame, PointNames, SeriesKind};
use crate::resample::{period_start, Period};
use crate::text::Msg;

/// One row of a [`Table`].
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The row header: the day, week or month.
    pub header: Msg,
    /// One cell per series, in the frame's series order.
    pub cells: Vec<Msg>,
}

/// A chart's data as a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// What the table holds and how it was rolled up.
    pub caption: Msg,
    /// Column headers: the date column, then one per series.
    pub columns: Vec<Msg>,
    /// Rows, oldest first.
    pub rows: Vec<Row>,
    /// The roll-up used (`None`: one row per point of the chart).
    pub rolled_up: Option<Period>,
}

/// Whether a series' values add up over time (flows drawn as bars) rather than being
/// levels read at a date.
fn is_flow(kind: &SeriesKind) -> bool {
    matches!(kind, SeriesKind::Bar { .. } | SeriesKind::Stack)
}

/// Point indices grouped by the period holding each point's date (ascending).
fn groups(frame: &Frame, period: Period) -> Vec<(time::Date, Vec<usize>)> {
    let mut out: Vec<(time::Date, Vec<usize>)> = Vec::new();
    for (i, d) in frame.x.iter().enumerate() {
        let start = period_start(*d, period);
        match out.last_mut() {
            Some((s, idx)) if *s == start => idx.push(i),
            _ => out.push((start, vec![i])),
        }
    }
    out
}

/// The roll-up for a frame of `n` points: none when it fits in `max_rows`, weeks when a
/// daily frame's weeks fit, else months.
fn choose(frame: &Frame, max_rows: usize) -> Option<Period> {
    if frame.x.len() <= max_rows {
        return None;
    }
    let daily = matches!(frame.names, PointNames::Days);
    if daily && groups(frame, Period::Week).len() <= max_rows {
        Some(Period::Week)
    } else {
        Some(Period::Month)
    }
}

/// The table of `frame` titled `title`, with at most about `max_rows` rows (a long view is
/// rolled up to weeks or months; a view spanning more months than `max_rows` keeps one row
/// per month).
pub fn table(frame: &Frame, title: &Msg, max_rows: usize) -> Table {
    let rolled_up = choose(frame, max_rows);
    let named = matches!(frame.names, PointNames::Named(_));
    let mut columns = vec![Msg::new(match (rolled_up, named) {
        (Some(Period::Week), _) => "table-col-week",
        (Some(Period::Month), _) => "table-col-month",
        (_, true) => "table-col-period",
        _ => "table-col-date",
    })];
    // Each series with what its values are, where they do not say it themselves.
    columns.extend(frame.series.iter().map(|s| {
        match frame.panels.get(s.panel).and_then(|p| p.unit.clone()) {
            Some(unit) => Msg::new("table-col-series")
                .msg("series", s.label.clone())
                .msg("unit", unit),
            None => s.label.clone(),
        }
    }));
    let rows: Vec<Row> = match rolled_up {
        None | Some(Period::Day) => (0..frame.x.len())
            .map(|i| Row {
                header: frame
                    .point_title(i)
                    .map_or_else(|| Msg::new("no-value"), |(t, _)| t),
                cells: frame.values_at(i).iter().map(|v| v.text()).collect(),
            })
            .collect(),
        Some(period) => groups(frame, period)
            .into_iter()
            .map(|(start, idx)| rolled_row(frame, period, start, &idx))
            .collect(),
    };
    let how = match rolled_up {
        Some(Period::Week) => "table-rollup-week",
        Some(Period::Month) => "table-rollup-month",
        _ => "table-rollup-none",
    };
    let caption = Msg::new("table-caption")
        .msg("title", title.clone())
        .msg("how", Msg::new(how))
        .num("n", rows.len() as f64, crate::text::NumFmt::Count);
    Table {
        caption,
        columns,
        rows,
        rolled_up,
    }
}

/// One rolled-up row: the last value of levels (with its interval and remark), the sum of
/// flows.
fn rolled_row(frame: &Frame, period: Period, start: time::Date, idx: &[usize]) -> Row {
    // A period holding the provisional last day takes its levels from that day: it says so.
    let provisional = frame
        .provisional_from
        .is_some_and(|p| idx.iter().any(|&i| frame.x.get(i).is_some_and(|d| *d >= p)));
    let header = match (period, provisional) {
        (Period::Week, false) => Msg::new("point-week").date("date", start),
        (Period::Week, true) => Msg::new("point-week-provisional").date("date", start),
        (_, false) => Msg::new("point-month").month("month", start),
        (_, true) => Msg::new("point-month-provisional").month("month", start),
    };
    let points: Vec<_> = idx.iter().map(|&i| frame.values_at(i)).collect();
    let cells = frame
        .series
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let mut at = points.iter().filter_map(|p| p.get(k));
            if is_flow(&s.kind) {
                let sum = at.try_fold(0.0, |acc, v| v.value.map(|x| acc + x));
                match sum {
                    Some(v) => Msg::new("value").num("v", v, s.format),
                    None => Msg::new("no-value"),
                }
            } else {
                at.rev()
                    .find(|v| v.value.is_some())
                    .map_or_else(|| Msg::new("no-value"), |v| v.text())
            }
        })
        .collect();
    Row { header, cells }
}

/// One cell of a [`StatTable`]: typed, so the CSV writes it in machine form (ISO dates,
/// plain decimals) and the page in the reader's locale.
#[derive(Debug, Clone, PartialEq)]
pub enum StatCell {
    /// A calendar day.
    Day(time::Date),
    /// A month, given by its first day.
    Month(time::Date),
    /// A number and how the page writes it; `None` where it cannot be computed.
    Num(Option<f64>, crate::text::NumFmt),
    /// Words (a market's name, yes/no).
    Text(Msg),
}

impl StatCell {
    /// The cell as the page shows it.
    pub fn text(&self) -> Msg {
        match self {
            Self::Day(d) => Msg::new("point-day").date("date", *d),
            Self::Month(d) => Msg::new("point-month").month("month", *d),
            Self::Num(Some(v), f) if v.is_finite() => Msg::new("value").num("v", *v, *f),
            Self::Num(..) => Msg::new("no-value"),
            Self::Text(m) => m.clone(),
        }
    }
}

/// A table of the statistics a chart states in words (the regime periods, the lead–lag
/// correlogram, the model's monthly error): every computed number the page shows also
/// goes into the chart's data table and its CSV. A statistic the view cannot support has
/// no rows and says why (`empty`), with the minimum it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct StatTable {
    /// Stable key (test handle, CSV block name).
    pub key: &'static str,
    /// What the table holds (caption, CSV block title).
    pub title: Msg,
    /// Column headers.
    pub columns: Vec<Msg>,
    /// Rows, one cell per column.
    pub rows: Vec<Vec<StatCell>>,
    /// Why there are no rows, in words (`None` when there are rows).
    pub empty: Option<Msg>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Arg, Locale, NumFmt};
    use crate::views::frame::{ColorRole, Interval, IntervalKind, PanelSpec, Scale, SeriesSpec};
    use time::{Date, Duration};

    fn series(key: &str, kind: SeriesKind, values: Vec<Option<f64>>) -> SeriesSpec {
        SeriesSpec {
            key: key.into(),
            label: Msg::new("csv-date"),
            panel: 0,
            kind,
            color: ColorRole::Btc,
            width_css: 2.0,
            values,
            format: NumFmt::Fixed(1),
            interval: None,
            remarks: None,
            end_label: None,
        }
    }

    /// A daily frame of `n` consecutive days from 2025-01-01 with a level (i) and a flow (1).
    fn frame(n: usize) -> Frame {
        let start = Date::from_calendar_date(2025, time::Month::January, 1).unwrap_or(Date::MIN);
        let x: Vec<Date> = (0..n).map(|i| start + Duration::days(i as i64)).collect();
        Frame {
            x,
            bar_days: Some(1.0),
            names: PointNames::Days,
            panels: vec![PanelSpec {
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
            }],
            series: vec![
                series(
                    "level",
                    SeriesKind::Line { dashed: false },
                    (0..n).map(|i| Some(i as f64)).collect(),
                ),
                series("flow", SeriesKind::Bar { by_sign: true }, vec![Some(1.0); n]),
            ],
            events: Vec::new(),
            annotations: Vec::new(),
            provisional_from: None,
            shades: Vec::new(),
        }
    }

    fn num(m: &Msg) -> Option<f64> {
        m.args.iter().find_map(|(k, a)| match a {
            Arg::Num(v, _) if *k == "v" => Some(*v),
            _ => None,
        })
    }

    #[test]
    fn a_column_says_what_its_values_are_where_they_do_not() {
        let mut f = frame(3);
        let t = table(&f, &Msg::new("x"), 200);
        assert_eq!(t.columns[1], f.series[0].label);
        f.panels[0].unit = Some(Msg::new("unit-eth"));
        let t = table(&f, &Msg::new("x"), 200);
        assert_eq!(t.columns[1].ids(), ["table-col-series", "csv-date", "unit-eth"]);
        assert_eq!(
            Locale::en().render(&t.columns[1]),
            format!("{}: ETH", Locale::en().render(&f.series[0].label))
        );
    }

    #[test]
    fn a_short_view_is_every_point() {
        let f = frame(30);
        let t = table(&f, &Msg::new("x"), 200);
        assert_eq!(t.rolled_up, None);
        assert_eq!(t.rows.len(), 30);
        assert_eq!(t.columns.len(), 3);
        assert_eq!(t.columns[0].id, "table-col-date");
        assert_eq!(num(&t.rows[29].cells[0]), Some(29.0));
        assert_eq!(t.rows[0].header.id, "point-day");
    }

    #[test]
    fn a_long_view_rolls_up_to_weeks_then_months() {
        // 2025-01-01 is a Wednesday: the first week holds 5 days, then whole weeks.
        let t = table(&frame(365), &Msg::new("x"), 200);
        assert_eq!(t.rolled_up, Some(Period::Week));
        assert_eq!(t.columns[0].id, "table-col-week");
        assert_eq!(t.rows.len(), 53);
        // Levels keep the week's last value; flows are the week's total.
        assert_eq!(num(&t.rows[0].cells[0]), Some(4.0));
        assert_eq!(num(&t.rows[0].cells[1]), Some(5.0));
        assert_eq!(num(&t.rows[1].cells[0]), Some(11.0));
        assert_eq!(num(&t.rows[1].cells[1]), Some(7.0));
        let t = table(&frame(2000), &Msg::new("x"), 200);
        assert_eq!(t.rolled_up, Some(Period::Month));
        assert_eq!(t.rows[0].header.id, "point-month");
        assert_eq!(num(&t.rows[0].cells[0]), Some(30.0));
        assert_eq!(num(&t.rows[1].cells[1]), Some(28.0));
        assert!(t.rows.len() <= 200);
        let rendered = Locale::en().render(&t.caption);
        assert!(rendered.contains(&t.rows.len().to_string()), "{rendered}");
    }

    #[test]
    fn a_period_holding_the_provisional_last_day_says_so() {
        // The correlation table's last week took its levels from an intraday day unsaid.
        let mut f = frame(365);
        f.provisional_from = f.x.last().copied();
        let t = table(&f, &Msg::new("x"), 200);
        let (last, before) = t.rows.split_last().unwrap();
        assert_eq!(last.header.id, "point-week-provisional");
        assert!(before.iter().all(|r| r.header.id == "point-week"));
        assert!(Locale::en().render(&last.header).contains("provisional"));
        let mut f = frame(2000);
        f.provisional_from = f.x.last().copied();
        let t = table(&f, &Msg::new("x"), 200);
        assert_eq!(t.rows.last().unwrap().header.id, "point-month-provisional");
        assert_eq!(t.rows[0].header.id, "point-month");
    }

    #[test]
    fn gaps_stay_gaps_and_intervals_follow_the_last_value() {
        let mut f = frame(400);
        f.series[1].values[3] = None; // a gap in the first week's flows
        f.series[0].values[4] = None; // the first week's last level is missing
        f.series[0].interval = Some(Interval {
            kind: IntervalKind::Confidence95,
            lo: (0..400).map(|i| Some(i as f64 - 0.5)).collect(),
            hi: (0..400).map(|i| Some(i as f64 + 0.5)).collect(),
            n: vec![Some(90); 400],
        });
        let t = table(&f, &Msg::new("x"), 200);
        assert_eq!(t.rows[0].cells[1].id, "no-value");
        assert_eq!(t.rows[0].cells[0].id, "value-with-ci");
        assert_eq!(num(&t.rows[0].cells[0]), Some(3.0));
        assert_eq!(num(&t.rows[1].cells[1]), Some(7.0));
    }

    #[test]
    fn every_id_exists() {
        for n in [10, 365, 2000] {
            let t = table(&frame(n), &Msg::new("corr-title"), 200);
            for m in std::iter::once(&t.caption).chain(&t.columns).chain(
                t.rows
                    .iter()
                    .flat_map(|r| std::iter::once(&r.header).chain(&r.cells)),
            ) {
                for id in m.ids() {
                    assert!(Locale::en().has(id), "{id}");
                }
            }
        }
    }
}
