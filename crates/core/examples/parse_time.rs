//! Times reading the committed snapshot on the host, as the page reads it
//! (`Snapshot::from_text`: layout, checksum, validation):
//! `cargo run --release -p repricing-core --example parse_time [path/to/snapshot.txt]`.
//! Prints the median and the fastest of 50 reads; numbers, not a pass/fail test.

use repricing_core::Snapshot;
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/snapshot.txt").to_owned());
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut times_ms = Vec::new();
    for _ in 0..50 {
        let start = Instant::now();
        if let Err(e) = Snapshot::from_text(&text) {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
        times_ms.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times_ms.sort_by(f64::total_cmp);
    let at = |i: usize| times_ms.get(i).copied().unwrap_or(f64::NAN);
    println!(
        "{path}: {} bytes, read in {:.2} ms median, {:.2} ms fastest (50 reads)",
        text.len(),
        at(times_ms.len() / 2),
        at(0)
    );
}
