//! What the examples share: the snapshot they read, and the pass over every rolling
//! correlation they time or count.

use repricing_core::views::correlation::{rolling_correlations, Counterpart, MarketData, WINDOWS};

/// The path (first argument, else the committed `public/data/snapshot.txt`) and the text of
/// the snapshot file; exits with the reason when it cannot be read.
pub fn snapshot_text() -> (String, String) {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/snapshot.txt").to_owned());
    match std::fs::read_to_string(&path) {
        Ok(text) => (path, text),
        Err(e) => fail(&path, e),
    }
}

/// Prints `path: reason` and exits with status 1.
pub fn fail(path: &str, reason: impl std::fmt::Display) -> ! {
    eprintln!("{path}: {reason}");
    std::process::exit(1)
}

/// Every rolling correlation the page can show (bitcoin against each counterpart, for each
/// window, over the whole history); the number of values computed.
#[allow(dead_code)] // each example compiles this module on its own
pub fn every_rolling_correlation(data: &MarketData) -> usize {
    WINDOWS
        .iter()
        .flat_map(|w| rolling_correlations(data, &Counterpart::ALL, *w))
        .flatten()
        .map(|s| s.values.iter().flatten().count())
        .sum()
}
