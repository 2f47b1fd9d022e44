//! `prerender [--check] [SNAPSHOT] [PAGE]`
//!
//! Writes the default view's words (each chart's numbered headline, subtitle, lede and
//! summary, computed from the snapshot as the page computes them) into the page's
//! prerender block ([`repricing_core::views::prerender`]). Defaults:
//! `public/data/snapshot.txt` and `index.html`. With `--check` nothing is written and the
//! exit status says whether the page is up to date. Run it after rebuilding the snapshot.

use repricing_core::views::prerender::{block, replace_block, END, START};
use repricing_core::Snapshot;
use std::process::ExitCode;
use std::sync::Arc;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    args.retain(|a| a != "--check");
    let snapshot_path = args.first().map_or("public/data/snapshot.txt", String::as_str);
    let page_path = args.get(1).map_or("index.html", String::as_str);
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"));
    let result = read(snapshot_path).and_then(|text| {
        let snapshot =
            Snapshot::from_text(&text).map_err(|e| format!("{snapshot_path}: {e} ({})", e.detail()))?;
        let page = read(page_path)?;
        let updated = replace_block(&page, &block(&Arc::new(snapshot))).ok_or_else(|| {
            format!("{page_path}: no prerender block (a line `{START}` and, after it, `{END}`)")
        })?;
        Ok((page, updated))
    });
    match result {
        Ok((page, updated)) if page == updated => {
            println!("{page_path}: prerendered words up to date");
            ExitCode::SUCCESS
        }
        Ok(_) if check => {
            eprintln!("{page_path}: prerendered words are stale: run `cargo run -p snapshot-builder --bin prerender`");
            ExitCode::FAILURE
        }
        Ok((_, updated)) => match std::fs::write(page_path, updated) {
            Ok(()) => {
                println!("{page_path}: prerendered words written");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: cannot write {page_path}: {e}");
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
