//! `dump-snapshot FILE [ID…]`
//!
//! Prints the snapshot file as readable CSV, one section per series and flow table (or
//! only those named): a `# id: label (unit)` line, then `date,value` rows (`date,<ticker>…,total`
//! for a flow table), gaps left empty, each value in its shortest exact decimal form. The
//! file is read as the page reads it; a file whose checksum does not match is still shown,
//! after a warning, and every refused part and handled problem is listed on stderr.

use repricing_core::date::format_iso;
use repricing_core::{Snapshot, SnapshotError};
use std::fmt::Write as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: dump-snapshot FILE [ID…]");
        return ExitCode::from(2);
    };
    let wanted: Vec<String> = args.collect();
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let snapshot = match Snapshot::from_text(&text) {
        Ok(s) => s,
        Err(e @ SnapshotError::Modified { .. }) => {
            eprintln!("warning: {e} ({})", e.detail());
            match Snapshot::from_text_unverified(&text) {
                Ok(s) => s,
                Err(e) => return fail(&e),
            }
        }
        Err(e) => return fail(&e),
    };
    for (id, e) in snapshot.refusals() {
        eprintln!("refused {id}: {e}");
    }
    for note in snapshot.file_notes() {
        eprintln!("note: {note}");
    }
    print!("{}", dump(&snapshot, &wanted));
    ExitCode::SUCCESS
}

fn fail(e: &SnapshotError) -> ExitCode {
    eprintln!("error: {e} ({})", e.detail());
    ExitCode::FAILURE
}

/// The CSV sections of every series and flow table in `wanted` (all when empty).
fn dump(s: &Snapshot, wanted: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# as_of {}, content_sha256 {}",
        format_iso(s.as_of),
        s.content_sha256
    );
    let take = |id: &str| wanted.is_empty() || wanted.iter().any(|w| w == id);
    for id in s.series_ids().filter(|id| take(id)) {
        let Ok(series) = s.series(id) else { continue };
        let _ = writeln!(out, "\n# {id}: {} ({})", series.meta.label, series.meta.unit);
        out.push_str("date,value\n");
        for (d, v) in series.dates().iter().zip(series.values()) {
            let _ = writeln!(
                out,
                "{},{}",
                format_iso(*d),
                v.map(|v| v.to_string()).unwrap_or_default()
            );
        }
        for note in series.notes() {
            let _ = writeln!(out, "# note: {note}");
        }
    }
    for id in s.flow_ids().filter(|id| take(id)) {
        let Ok(t) = s.flows(id) else { continue };
        let _ = writeln!(out, "\n# flows {id}: {} ({})", t.meta.label, t.meta.unit);
        let tickers: Vec<&str> = t.funds().iter().map(|f| f.ticker.as_str()).collect();
        let _ = writeln!(out, "date,{},total", tickers.join(","));
        for (i, d) in t.dates().iter().enumerate() {
            let cells: Vec<String> = t
                .funds()
                .iter()
                .map(|f| f.flows_usd_m.get(i).map(f64::to_string).unwrap_or_default())
                .collect();
            let total = t.total_usd_m().get(i).map(f64::to_string).unwrap_or_default();
            let _ = writeln!(out, "{},{},{total}", format_iso(*d), cells.join(","));
        }
        for note in t.notes() {
            let _ = writeln!(out, "# note: {note}");
        }
    }
    out
}
