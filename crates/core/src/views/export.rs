//! CSV of exactly what a chart shows, written from its [`Frame`]: one row per point, a
//! column per series (the same series the chart draws and the tooltip reads), under comment
//! lines naming the sources, their attribution, the notes and the view.

use super::chart::ChartView;
use super::frame::{Frame, IntervalKind, PointNames};
use super::table::{StatCell, StatTable};
use crate::date::format_iso;
use crate::text::{Locale, Msg, NumFmt};
use std::fmt::Write;

/// Comment lines heading every export.
pub struct CsvHeader<'a> {
    /// What the file holds.
    pub title: &'a Msg,
    /// `Provider (attribution)` strings.
    pub sources: &'a [String],
    /// Last date of the data.
    pub as_of: time::Date,
    /// Caveats and method.
    pub notes: &'a [Msg],
    /// The page the data came from, with the view's query.
    pub url: &'a str,
}

/// Quotes a field if it holds a comma, quote or newline.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Decimals a CSV cell keeps: more than the page prints, no more than the data hold.
fn decimals(f: NumFmt) -> usize {
    match f {
        NumFmt::Corr | NumFmt::Percent(_) | NumFmt::SignedPercent(_) => 4,
        NumFmt::Count => 0,
        _ => 2,
    }
}

/// The CSV of `frame` in `locale` (labels and comments in that language; numbers and
/// dates in machine form: `.` decimals, no grouping, ISO dates).
pub fn frame_csv(frame: &Frame, h: &CsvHeader, locale: &Locale) -> String {
    let mut out = String::new();
    let one_line = |s: String| s.replace(['\n', '\r'], " ");
    let _ = writeln!(out, "# {}", one_line(locale.render(h.title)));
    let _ = writeln!(
        out,
        "# {}",
        one_line(locale.render(&Msg::new("csv-source").text("sources", h.sources.join("; "))))
    );
    let _ = writeln!(
        out,
        "# {}",
        one_line(locale.render(&Msg::new("csv-as-of").text("date", format_iso(h.as_of))))
    );
    for n in h.notes {
        let _ = writeln!(out, "# {}", one_line(locale.render(n)));
    }
    let _ = writeln!(
        out,
        "# {}",
        one_line(locale.render(&Msg::new("csv-view").text("url", h.url)))
    );
    let named = matches!(frame.names, PointNames::Named(_));
    let mut cols = vec![field(&locale.render(&Msg::new("csv-date")))];
    if named {
        cols.push(field(&locale.render(&Msg::new("csv-period"))));
    }
    let col =
        |id: &'static str, label: &Msg| field(&locale.render(&Msg::new(id).msg("series", label.clone())));
    for s in &frame.series {
        cols.push(field(&locale.render(&s.label)));
        match &s.interval {
            Some(iv) if iv.kind == IntervalKind::Confidence95 => {
                cols.extend(["csv-ci-low", "csv-ci-high", "csv-n"].map(|id| col(id, &s.label)));
            }
            Some(_) => cols.extend(["csv-band-low", "csv-band-high"].map(|id| col(id, &s.label))),
            None => {}
        }
        if s.remarks.is_some() {
            cols.push(col("csv-remark", &s.label));
        }
    }
    let _ = writeln!(out, "{}", cols.join(","));
    let cell = |v: Option<f64>, f: NumFmt| {
        v.filter(|v| v.is_finite())
            .map(|v| format!("{v:.*}", decimals(f)))
            .unwrap_or_default()
    };
    for (i, d) in frame.x.iter().enumerate() {
        let mut row = vec![format_iso(*d)];
        if named {
            let title = frame
                .point_title(i)
                .map(|(t, _)| locale.render(&t))
                .unwrap_or_default();
            row.push(field(&title));
        }
        for s in &frame.series {
            row.push(cell(s.values.get(i).copied().flatten(), s.format));
            if let Some(iv) = &s.interval {
                row.push(cell(iv.lo.get(i).copied().flatten(), s.format));
                row.push(cell(iv.hi.get(i).copied().flatten(), s.format));
                if iv.kind == IntervalKind::Confidence95 {
                    row.push(
                        iv.n.get(i)
                            .copied()
                            .flatten()
                            .map(|n| n.to_string())
                            .unwrap_or_default(),
                    );
                }
            }
            if let Some(r) = &s.remarks {
                row.push(field(
                    &r.get(i)
                        .cloned()
                        .flatten()
                        .map(|m| locale.render(&m))
                        .unwrap_or_default(),
                ));
            }
        }
        let _ = writeln!(out, "{}", row.join(","));
    }
    out
}

/// One [`StatTable`] as a CSV block: a blank line, `# title`, then its header and rows —
/// or, when the view cannot support the statistic, `# reason` and no rows.
pub fn stat_csv(t: &StatTable, locale: &Locale) -> String {
    let mut out = String::from("\n");
    let one_line = |m: &Msg| locale.render(m).replace(['\n', '\r'], " ");
    let _ = writeln!(out, "# {}", one_line(&t.title));
    if let Some(why) = &t.empty {
        let _ = writeln!(out, "# {}", one_line(why));
        return out;
    }
    let head: Vec<String> = t.columns.iter().map(|c| field(&one_line(c))).collect();
    let _ = writeln!(out, "{}", head.join(","));
    for row in &t.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                StatCell::Day(d) | StatCell::Month(d) => format_iso(*d),
                StatCell::Num(v, f) => v
                    .filter(|v| v.is_finite())
                    .map(|v| format!("{v:.*}", decimals(*f)))
                    .unwrap_or_default(),
                StatCell::Text(m) => field(&one_line(m)),
            })
            .collect();
        let _ = writeln!(out, "{}", cells.join(","));
    }
    out
}

/// The whole CSV of a chart view: the frame's rows ([`frame_csv`]; the reason instead
/// when nothing can be drawn) followed by one block per [`ChartView::stats`] table.
pub fn view_csv(v: &ChartView, h: &CsvHeader, locale: &Locale) -> String {
    let mut out = match &v.frame {
        Ok(f) => frame_csv(f, h, locale),
        Err(m) => format!("# {}\n", locale.render(m).replace(['\n', '\r'], " ")),
    };
    for t in &v.stats {
        out.push_str(&stat_csv(t, locale));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::frame::{ColorRole, PanelSpec, Scale, SeriesKind, SeriesSpec};
    use time::macros::date;

    #[test]
    fn one_row_per_point_one_column_per_series_gaps_empty() {
        let frame = Frame {
            x: vec![date!(2025 - 11 - 20), date!(2025 - 11 - 21)],
            bar_days: None,
            names: PointNames::Days,
            panels: vec![PanelSpec {
                title: Msg::new("x"),
                short_title: Msg::new("x"),
                scale: Scale::Linear,
                ticks: NumFmt::Fixed(0),
                reference: None,
                weight: 1.0,
                include_zero: true,
                clamp: None,
                min_span: 1.0,
                unit: None,
            }],
            series: vec![SeriesSpec {
                key: "net".into(),
                label: Msg::new("series-net-flow"),
                panel: 0,
                kind: SeriesKind::Bar { by_sign: true },
                color: ColorRole::Inflow,
                width_css: 0.0,
                values: vec![Some(-903.2), None],
                format: NumFmt::SignedUsdM,
                end_label: None,
                remarks: None,
                interval: None,
            }],
            events: Vec::new(),
            annotations: Vec::new(),
            provisional_from: None,
            shades: Vec::new(),
        };
        let title = Msg::new("embed-title-flows");
        let h = CsvHeader {
            title: &title,
            sources: &["Farside Investors".to_owned()],
            as_of: date!(2026 - 08 - 21),
            notes: &[],
            url: "https://example.org/?f.agg=week",
        };
        let csv = frame_csv(&frame, &h, Locale::en());
        let lines: Vec<&str> = csv.lines().collect();
        assert!(lines[1].contains("Farside Investors"), "{csv}");
        assert!(lines[2].contains("2026-08-21"), "{csv}");
        let data: Vec<&str> = lines.iter().copied().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(data.len(), 3);
        assert!(data[0].starts_with("date,"), "{csv}");
        assert_eq!(data[1], "2025-11-20,-903.20");
        assert_eq!(data[2], "2025-11-21,");
    }

    #[test]
    fn a_stat_block_writes_machine_numbers_or_says_why_it_is_empty() {
        let t = StatTable {
            key: "leadlag",
            title: Msg::new("stats-leadlag-title"),
            columns: vec![
                Msg::new("stats-col-lag"),
                Msg::new("stats-col-r"),
                Msg::new("stats-col-from"),
            ],
            rows: vec![
                vec![
                    StatCell::Num(Some(-1.0), NumFmt::Signed(0)),
                    StatCell::Num(Some(0.123_456), NumFmt::Corr),
                    StatCell::Day(date!(2025 - 01 - 02)),
                ],
                vec![
                    StatCell::Num(Some(2.0), NumFmt::Signed(0)),
                    StatCell::Num(None, NumFmt::Corr),
                    StatCell::Day(date!(2025 - 01 - 03)),
                ],
            ],
            empty: None,
        };
        let csv = stat_csv(&t, Locale::en());
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "");
        assert!(lines[1].starts_with("# "), "{csv}");
        assert_eq!(lines.len(), 5, "{csv}");
        assert_eq!(lines[3], "-1.00,0.1235,2025-01-02");
        assert_eq!(lines[4], "2.00,,2025-01-03");
        let empty = StatTable {
            rows: Vec::new(),
            empty: Some(Msg::new("leadlag-too-short").num("days", 41.0, NumFmt::Count)),
            ..t
        };
        let csv = stat_csv(&empty, Locale::en());
        assert_eq!(csv.lines().count(), 3, "{csv}");
        assert!(csv.lines().nth(2).unwrap().contains("41"), "{csv}");
    }

    #[test]
    fn a_views_csv_holds_its_frame_then_each_stat_table() {
        use crate::views::chart::{chart_view, prepare};
        use crate::views::state::{Chart, ViewState};
        let snap = std::sync::Arc::new(
            crate::Snapshot::from_text_unverified(include_str!("../../../../public/data/snapshot.txt"))
                .unwrap(),
        );
        let title = Msg::new("embed-title-flows");
        let h = CsvHeader {
            title: &title,
            sources: &[],
            as_of: date!(2026 - 08 - 21),
            notes: &[],
            url: "u",
        };
        let p = prepare(Chart::Flows, &snap).unwrap();
        let v = chart_view(&p, &ViewState::default().part(Chart::Flows));
        let csv = view_csv(&v, &h, Locale::en());
        let blocks: Vec<&str> = csv.split("\n\n").collect();
        assert_eq!(blocks.len(), 1 + v.stats.len(), "{}", &csv[csv.len() - 2000..]);
        let leadlag: Vec<&str> = blocks[1].lines().collect();
        assert!(leadlag[0].starts_with("# Lead–lag"), "{}", leadlag[0]);
        assert_eq!(leadlag.len(), 2 + 21, "title, header, lags −10 … +10");
        assert!(leadlag[2].starts_with("-10.00,"), "{}", leadlag[2]);
        assert_eq!(leadlag[2].split(',').count(), 5);
        // The burn chart's CSV carries the model's monthly error and the measured points.
        let p = prepare(Chart::Burn, &snap).unwrap();
        let v = chart_view(&p, &ViewState::default().part(Chart::Burn));
        let csv = view_csv(&v, &h, Locale::en());
        let header = csv.lines().find(|l| l.starts_with("date,")).unwrap();
        assert!(header.contains("Since London, measured"), "{header}");
        assert!(
            header.contains("Since London, measured (Coin Metrics, change since 1 Sep 2021) remark"),
            "{header}"
        );
        assert!(
            csv.contains("\n# Issuance model against Coin Metrics"),
            "model error block"
        );
    }
}
