//! Times the core's hot statistics on the committed snapshot (prints numbers, asserts
//! nothing; `scripts/bench.sh` runs it with `--release`):
//! `cargo run --release -p repricing-core --example bench_stats [path/to/snapshot]`.
//!
//! - every rolling correlation the page can show: bitcoin against each counterpart, for
//!   each window, over the whole history (the pairwise rule with its 95 % intervals);
//! - the snapshot parse (layout, checksum, validation: what the page does on load) and the
//!   market alignment the correlations start from;
//! - each chart's view, for every option of its choice controls.

mod common;

use repricing_core::views::chart::{chart_view, prepare, Control};
use repricing_core::views::correlation::{Counterpart, MarketData, WINDOWS};
use repricing_core::views::state::{Chart, ViewState};
use repricing_core::Snapshot;
use std::sync::Arc;
use std::time::Instant;

const ROUNDS: usize = 30;

fn median_ms(mut xs: Vec<f64>) -> f64 {
    repricing_core::order::sort_by(&mut xs, f64::total_cmp);
    xs.get(xs.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Fastest and median milliseconds over [`ROUNDS`] calls (the fastest is the least
/// disturbed by a busy machine), and the last result.
fn time<T>(mut f: impl FnMut() -> T) -> ((f64, f64), T) {
    let mut times = Vec::with_capacity(ROUNDS);
    let mut last = f();
    for _ in 0..ROUNDS {
        let t0 = Instant::now();
        last = std::hint::black_box(f());
        times.push(t0.elapsed().as_secs_f64() * 1e3);
    }
    let fastest = times.iter().copied().fold(f64::INFINITY, f64::min);
    ((fastest, median_ms(times)), last)
}

fn main() {
    let (path, text) = common::snapshot_text();
    let (parse_ms, snapshot) = time(|| Snapshot::from_text(&text));
    let snapshot = match snapshot {
        Ok(s) => s,
        Err(e) => common::fail(&path, e),
    };
    let (align_ms, data) = time(|| MarketData::from_snapshot(&snapshot));
    let Ok(data) = data else {
        common::fail(&path, "bitcoin or the market calendar is unusable")
    };
    let (corr_ms, values) = time(|| common::every_rolling_correlation(&data));
    println!("core (native; fastest / median of {ROUNDS} runs):");
    println!(
        "  snapshot parse + validation: {:.2} / {:.2} ms ({} bytes)",
        parse_ms.0,
        parse_ms.1,
        text.len()
    );
    println!(
        "  market alignment (MarketData): {:.2} / {:.2} ms ({} market days)",
        align_ms.0,
        align_ms.1,
        data.dates.len()
    );
    println!(
        "  every rolling correlation ({} counterparts × {} windows, {values} values): {:.3} / {:.3} ms (target ≤ 1 ms)",
        Counterpart::ALL.len(),
        WINDOWS.len(),
        corr_ms.0,
        corr_ms.1
    );

    // What a control change costs in the core: the chart's view (frame, sentences,
    // statistics) for every option of every choice control, from the default view.
    let snapshot = Arc::new(snapshot);
    println!("  chart views (prepare once, then the view for each control option):");
    for chart in Chart::ALL {
        let Ok(prepared) = prepare(chart, &snapshot) else {
            println!("    {}: cannot be prepared", chart.key());
            continue;
        };
        let default = ViewState::default();
        let ((view_ms, _), view) = time(|| chart_view(&prepared, &default.part(chart)));
        let mut edits = Vec::new();
        for control in &view.controls {
            if let Control::Choice { key, options, .. } = control {
                for o in options {
                    let mut state = ViewState::default();
                    if state.edit(key, &o.value) {
                        let ((ms, _), _) = time(|| chart_view(&prepared, &state.part(chart)));
                        edits.push((format!("{key}={}", o.value), ms));
                    }
                }
            }
        }
        let slowest = edits.iter().fold((String::new(), 0.0f64), |a, (k, ms)| {
            if *ms > a.1 {
                (k.clone(), *ms)
            } else {
                a
            }
        });
        println!(
            "    {}: default view {view_ms:.2} ms; {} control options, slowest {} {:.2} ms",
            chart.key(),
            edits.len(),
            slowest.0,
            slowest.1
        );
    }
}
