//! CSV of exactly what a chart shows: its dates and plotted values (computed correlations,
//! indexes, resampled flows, smoothed burn, the issuance model), under comment lines naming
//! the sources, their attribution and the view.

use super::burn::{BurnView, Smoothing};
use super::correlation::CorrelationView;
use super::flows::{FlowMode, FlowsView};
use crate::date::format_iso;
use crate::resample::Period;
use std::fmt::Write;

/// Comment lines heading every export.
pub struct CsvHeader<'a> {
    /// What the file holds.
    pub title: &'a str,
    /// `Provider (attribution)` strings.
    pub sources: &'a [String],
    /// Last date of the data.
    pub as_of: &'a str,
    /// The page the data came from, with the view's query.
    pub url: &'a str,
}

fn header(h: &CsvHeader, notes: &[String]) -> String {
    let mut out = format!(
        "# {}\n# Source: {}\n# Data as of {}\n",
        h.title,
        h.sources.join("; "),
        h.as_of
    );
    for n in notes {
        let _ = writeln!(out, "# {n}");
    }
    let _ = writeln!(out, "# View: {}", h.url);
    out
}

fn cell(v: Option<f64>, decimals: usize) -> String {
    v.map(|v| format!("{v:.decimals$}")).unwrap_or_default()
}

/// Quotes a field if it holds a comma, quote or newline.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Chart 1: one row per market day in view.
pub fn correlation_csv(view: &CorrelationView, h: &CsvHeader) -> String {
    let mut out = header(
        h,
        &[format!(
            "{}-day rolling Pearson correlation of daily log returns with bitcoin (10-year yield: daily change); prices indexed to 100 on the first day in view",
            view.window
        )],
    );
    let mut cols = vec!["date".to_owned()];
    cols.extend(
        view.correlations
            .iter()
            .map(|l| field(&format!("correlation with {}", l.label))),
    );
    cols.extend(view.indexed.iter().map(|l| field(&format!("{} index", l.label))));
    let _ = writeln!(out, "{}", cols.join(","));
    for (i, d) in view.dates.iter().enumerate() {
        let mut row = vec![format_iso(*d)];
        row.extend(
            view.correlations
                .iter()
                .map(|l| cell(l.values.get(i).copied().flatten(), 4)),
        );
        row.extend(
            view.indexed
                .iter()
                .map(|l| cell(l.values.get(i).copied().flatten(), 2)),
        );
        let _ = writeln!(out, "{}", row.join(","));
    }
    out
}

/// Chart 2: one row per bar in view.
pub fn flows_csv(view: &FlowsView, h: &CsvHeader) -> String {
    let period = match view.period {
        Period::Day => "daily",
        Period::Week => "weekly (Monday-Sunday)",
        Period::Month => "monthly",
    };
    let mut out = header(
        h,
        &[format!(
            "{period} net flows, US$ millions, outflows negative; market holidays are not rows"
        )],
    );
    let mut cols = vec![
        "period start".to_owned(),
        "first trading day".to_owned(),
        "last trading day".to_owned(),
    ];
    cols.push("net flow (US$m)".to_owned());
    let shown: Vec<usize> = (0..view.groups.len())
        .filter(|g| view.shown.get(*g).copied().unwrap_or(true))
        .collect();
    if view.mode == FlowMode::ByFund {
        cols.extend(
            shown
                .iter()
                .filter_map(|g| view.groups.get(*g))
                .map(|g| field(&format!("{} (US$m)", g.label))),
        );
    }
    cols.push("cumulative since launch (US$m)".to_owned());
    cols.push("partial period".to_owned());
    let _ = writeln!(out, "{}", cols.join(","));
    for b in &view.bars {
        let mut row = vec![
            format_iso(b.start),
            format_iso(b.first),
            format_iso(b.last),
            cell(Some(b.net_usd_m), 1),
        ];
        if view.mode == FlowMode::ByFund {
            row.extend(shown.iter().map(|g| cell(b.by_group_usd_m.get(*g).copied(), 1)));
        }
        row.push(cell(Some(b.cumulative_usd_m), 1));
        row.push(if b.partial { "yes" } else { "no" }.to_owned());
        let _ = writeln!(out, "{}", row.join(","));
    }
    out
}

/// Chart 3: one row per day in view.
pub fn burn_csv(view: &BurnView, h: &CsvHeader) -> String {
    let smoothing = match view.smoothing {
        Smoothing::Mean7 => "trailing 7-day mean",
        Smoothing::Daily => "daily",
    };
    let mut out = header(
        h,
        &[format!("ETH per day ({smoothing}); issuance and everything derived from it is a MODEL, not a measurement")],
    );
    let _ = writeln!(
        out,
        "date,ETH burned,ETH issued (model),net supply change (model),cumulative since London (model),cumulative since the Merge (model)"
    );
    for (i, d) in view.dates.iter().enumerate() {
        let at = |v: &[Option<f64>]| v.get(i).copied().flatten();
        let _ = writeln!(
            out,
            "{},{},{},{},{},{}",
            format_iso(*d),
            cell(at(&view.burn_eth), 3),
            cell(at(&view.issuance_eth), 3),
            cell(at(&view.net_eth), 3),
            cell(at(&view.cumulative_london_eth), 1),
            cell(at(&view.cumulative_merge_eth), 1)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::correlation::ViewLine;
    use crate::views::range::{Preset, RangeChoice};

    #[test]
    fn correlation_rows_and_header() {
        let d = crate::date::parse_iso("2026-08-20").unwrap();
        let view = CorrelationView {
            dates: vec![d, d.next_day().unwrap()],
            correlations: vec![ViewLine {
                key: "qqq",
                label: "Nasdaq-100 (QQQ)",
                values: vec![None, Some(0.33333)],
            }],
            indexed: vec![ViewLine {
                key: "btc_usd",
                label: "Bitcoin",
                values: vec![Some(100.0), Some(101.234)],
            }],
            unavailable: vec![],
            span: RangeChoice::Preset(Preset::All).resolve(d, d),
            window: 90,
            takeaway: String::new(),
        };
        let sources = vec!["Yahoo Finance".to_owned(), "FRED".to_owned()];
        let h = CsvHeader {
            title: "t",
            sources: &sources,
            as_of: "2026-08-21",
            url: "http://x/?c.window=90",
        };
        let csv = correlation_csv(&view, &h);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[1], "# Source: Yahoo Finance; FRED");
        assert_eq!(lines[2], "# Data as of 2026-08-21");
        assert_eq!(lines[5], "date,correlation with Nasdaq-100 (QQQ),Bitcoin index");
        assert_eq!(lines[6], "2026-08-20,,100.00");
        assert_eq!(lines[7], "2026-08-21,0.3333,101.23");
        assert_eq!(field("a,b \"c\""), "\"a,b \"\"c\"\"\"");
    }
}
