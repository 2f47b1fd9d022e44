//! CSV of exactly what a chart shows, written from its [`Frame`]: one row per point, a
//! column per series (the same series the chart draws and the tooltip reads), under comment
//! lines naming the sources, their attribution, the notes and the view.

use super::frame::{Frame, PointNames};
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
        NumFmt::Corr => 4,
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
    cols.extend(frame.series.iter().map(|s| field(&locale.render(&s.label))));
    let _ = writeln!(out, "{}", cols.join(","));
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
            let cell = s
                .values
                .get(i)
                .copied()
                .flatten()
                .filter(|v| v.is_finite())
                .map(|v| format!("{v:.*}", decimals(s.format)))
                .unwrap_or_default();
            row.push(cell);
        }
        let _ = writeln!(out, "{}", row.join(","));
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
            }],
            events: Vec::new(),
            annotations: Vec::new(),
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
}
