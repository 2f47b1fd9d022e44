//! Helpers shared by the builder's integration tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The hand-written fixture tree.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fresh copy of the fixture raw tree in a temporary folder, for tests that break a file.
pub fn scratch_raw() -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "snapshot-builder-test-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&fixtures().join("raw"), &dir);
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Replaces `from` by `to` in `raw/relative` (the text must be there).
pub fn edit(raw: &Path, relative: &str, from: &str, to: &str) {
    let path = raw.join(relative);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{relative} does not contain {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The events fixture.
pub fn events() -> PathBuf {
    fixtures().join("events.csv")
}

/// The environment variable that lets the tests against the real provider files pass when
/// `../shared/data/raw` is absent (a clone without the shared data). Unset, a missing
/// folder fails those tests: a golden test that silently passes proves nothing.
pub const SKIP_RAW_ENV: &str = "REPRICING_SKIP_RAW";

/// `../shared/data` (next to the repository).
pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

/// The real raw folder, or `None` (skip, loudly) when it is absent and
/// `REPRICING_SKIP_RAW=1` is set.
///
/// # Panics
/// When the folder is absent and the variable is not `1`.
pub fn real_raw() -> Option<PathBuf> {
    raw_or_skip(shared().join("raw"))
}

/// `raw` if it is a folder; otherwise `None` with `REPRICING_SKIP_RAW=1`, else a panic.
pub fn raw_or_skip(raw: PathBuf) -> Option<PathBuf> {
    if raw.is_dir() {
        return Some(raw);
    }
    if std::env::var(SKIP_RAW_ENV).as_deref() == Ok("1") {
        eprintln!("SKIPPED ({SKIP_RAW_ENV}=1): {} not found", raw.display());
        return None;
    }
    panic!(
        "{} not found: the golden tests need the real provider files; \
         set {SKIP_RAW_ENV}=1 to skip them explicitly",
        raw.display()
    );
}
