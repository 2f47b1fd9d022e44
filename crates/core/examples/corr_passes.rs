//! Runs every rolling correlation the page can show (bitcoin against each counterpart,
//! for each window, over the whole history) `CORR_PASSES` times (default 0) after reading
//! the snapshot, and prints how many values it computed. `scripts/bench.sh` runs it under
//! `valgrind --tool=callgrind` with 0 and with 5 passes: the difference is the instructions
//! of one pass, a figure that does not move with a busy or throttled machine the way
//! milliseconds do: `cargo run --release -p repricing-core --example corr_passes [snapshot]`.

mod common;

use repricing_core::views::correlation::MarketData;
use repricing_core::Snapshot;

fn main() {
    let (path, text) = common::snapshot_text();
    let snapshot = Snapshot::from_text(&text).unwrap_or_else(|e| common::fail(&path, e));
    let Ok(data) = MarketData::from_snapshot(&snapshot) else {
        common::fail(&path, "bitcoin or the market calendar is unusable")
    };
    let passes: usize = std::env::var("CORR_PASSES")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    let mut values = 0;
    for _ in 0..passes {
        values += std::hint::black_box(common::every_rolling_correlation(&data));
    }
    println!("{passes} passes, {values} values");
}
