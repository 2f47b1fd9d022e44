//! Fetching the bundled snapshot: one request, relative to the page (works under any
//! sub-path and inside iframes), parsed once into the core's validated types; and a
//! language other than English, whose two files are fetched when a reader asks for it.
//!
//! A request the server does not answer within [`RESPONSE_TIMEOUT_MS`], or whose body does
//! not arrive within [`BODY_TIMEOUT_MS`] after that, is aborted. A transfer that failed
//! (no answer, an HTTP error, a damaged file) is tried once more, bypassing the cache,
//! then reported as a [`LoadError`]: a sentence for readers and the technical detail
//! apart, so the page can put the detail behind a disclosure.

use crate::components::error_box::with_detail;
use repricing_core::snapshot::checksum;
use repricing_core::{Snapshot, SnapshotError};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, RequestCache};

/// Where the snapshot is, relative to the page.
pub const SNAPSHOT_URL: &str = "data/snapshot.txt";

/// How long the server may take to answer (status and headers), in milliseconds.
pub const RESPONSE_TIMEOUT_MS: i32 = 15_000;

/// How long the body may take to arrive once the server answered, in milliseconds
/// (generous: the file is about 240 KB, 100 KB compressed, and slow connections are still
/// connections).
pub const BODY_TIMEOUT_MS: i32 = 45_000;

/// Pause before the one automatic retry, in milliseconds.
const RETRY_PAUSE_MS: i32 = 500;

/// The snapshot, or why there is none: a string made by
/// [`crate::components::error_box::with_detail`] (reader's sentence plus technical detail)
/// when the loader failed, or a plain sentence from the sections' own checks.
pub type Loaded = Result<Arc<Snapshot>, String>;

/// What went wrong with the data file, in the terms a reader can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadFailure {
    /// No answer, a network error or an HTTP error status.
    NotArrived,
    /// The body could not be read or is not a snapshot file (cut short, another format).
    Damaged,
    /// A snapshot of another schema version (a stale cached page or file).
    OtherVersion,
    /// A file whose content does not match its checksum.
    Modified,
    /// A well-formed file that fails the core's checks.
    Unusable,
}

impl LoadFailure {
    /// The sentence a reader sees.
    pub fn message(self) -> String {
        crate::state::t(match self {
            Self::NotArrived => "load-not-arrived",
            Self::Damaged => "load-damaged",
            Self::OtherVersion => "load-other-version",
            Self::Modified => "load-modified",
            Self::Unusable => "load-unusable",
        })
    }

    /// Whether trying the transfer again could help.
    fn retryable(self) -> bool {
        matches!(self, Self::NotArrived | Self::Damaged | Self::Modified)
    }

    fn of_snapshot_error(e: &SnapshotError) -> Self {
        match e {
            SnapshotError::Unreadable { .. } => Self::Damaged,
            SnapshotError::Schema { .. } => Self::OtherVersion,
            SnapshotError::Modified { .. } => Self::Modified,
            _ => Self::Unusable,
        }
    }
}

/// Why the snapshot could not be loaded: the reader's sentence and the technical detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// What went wrong, for readers.
    pub failure: LoadFailure,
    /// File, status, timeout or browser error, for the disclosure.
    pub detail: String,
}

impl LoadError {
    fn new(failure: LoadFailure, detail: String) -> Self {
        Self { failure, detail }
    }
}

impl From<LoadError> for String {
    fn from(e: LoadError) -> Self {
        with_detail(&e.failure.message(), &e.detail)
    }
}

/// Fetches and validates the snapshot at `url`, retrying a failed transfer once.
pub async fn load_snapshot(url: &str) -> Loaded {
    let result = retrying(|bypass_cache| attempt(url, bypass_cache)).await;
    // The page is built in a task of its own, not in the one that parsed the file.
    sleep(0).await;
    result.map_err(String::from)
}

/// `attempt(false)`, and if that failed in a way another transfer could mend,
/// `attempt(true)` (bypassing the cache) after a pause.
async fn retrying<T, F, Fut>(attempt: F) -> Result<T, LoadError>
where
    F: Fn(bool) -> Fut,
    Fut: std::future::Future<Output = Result<T, LoadError>>,
{
    match attempt(false).await {
        Err(first) if first.failure.retryable() => {
            sleep(RETRY_PAUSE_MS).await;
            attempt(true).await.map_err(|again| {
                LoadError::new(
                    again.failure,
                    format!(
                        "first attempt: {}; second attempt: {}",
                        first.detail, again.detail
                    ),
                )
            })
        }
        other => other,
    }
}

/// One request for the snapshot, aborted by its deadlines.
///
/// The file is read in two tasks: its layout first while the browser computes the
/// checksum of its content off this thread, then — once the digest is in — the check and
/// the validated types ([`Snapshot::read`], [`repricing_core::snapshot::Unverified::verify`]).
async fn attempt(url: &str, bypass_cache: bool) -> Result<Arc<Snapshot>, LoadError> {
    let text = fetch_text(url, bypass_cache).await?;
    mark("snapshot-fetched");
    let refused =
        |e: SnapshotError| LoadError::new(LoadFailure::of_snapshot_error(&e), format!("{url}: {e}"));
    let content = checksum::canonical(&text);
    let digest = browser_sha256(&content);
    let parsed = match Snapshot::read(&text) {
        Ok(read) => {
            mark("snapshot-read");
            let computed = match digest {
                Some(digest) => digest.await.unwrap_or_else(|| checksum::digest(&content)),
                None => checksum::digest(&content),
            };
            read.verify(computed).map(Arc::new).map_err(refused)
        }
        Err(e) => Err(refused(e)),
    };
    mark("snapshot-parsed");
    measure("snapshot-parse", "snapshot-fetched", "snapshot-parsed");
    parsed
}

/// The lowercase hex SHA-256 of `bytes`, computed by the browser (Web Crypto, off the
/// page's thread; it copies `bytes` at once): `None` where it has none (Web Crypto needs a
/// secure context: https or this machine). A digest that fails resolves to `None` too;
/// the caller then computes it itself.
pub fn browser_sha256(bytes: &[u8]) -> Option<impl std::future::Future<Output = Option<String>>> {
    let w = web_sys::window().filter(web_sys::Window::is_secure_context)?;
    let promise = w
        .crypto()
        .ok()?
        .subtle()
        .digest_with_str_and_u8_array("SHA-256", bytes)
        .ok()?;
    Some(async move {
        let buffer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
        Some(checksum::hex(&js_sys::Uint8Array::new(&buffer).to_vec()))
    })
}

/// Where language `tag`'s locale file is, relative to the page (its story file is beside
/// it, `.story` for `.ftl`): copied there by the build (index.html). public/boot.js
/// preloads both for the reader's language from the same paths, with the wasm.
fn language_file(tag: &str, kind: &str) -> String {
    format!("i18n/{tag}.{kind}")
}

/// Fetches language `tag`'s locale and story files (at once; each tried twice, as the
/// snapshot is) and installs them, so [`repricing_core::text::Locale::get`] and the story
/// give that language. The error is a reader's sentence with the technical detail.
pub async fn load_language(tag: &'static str) -> Result<(), String> {
    let failed = |detail: String| {
        let sentence = crate::state::tm(
            &repricing_core::text::Msg::new("lang-failed")
                .text("lang", repricing_core::text::Locale::name(tag)),
        );
        with_detail(&sentence, &detail)
    };
    let (ftl, story) = (language_file(tag, "ftl"), language_file(tag, "story"));
    let (ftl_text, story_text) = futures::future::join(
        retrying(|bypass_cache| fetch_text(&ftl, bypass_cache)),
        retrying(|bypass_cache| fetch_text(&story, bypass_cache)),
    )
    .await;
    let ftl_text = ftl_text.map_err(|e| failed(e.detail))?;
    let story_text = story_text.map_err(|e| failed(e.detail))?;
    repricing_core::text::Locale::install(tag, &ftl_text).map_err(|e| failed(format!("{ftl}: {e}")))?;
    repricing_core::views::story::install(tag, &story_text).map_err(|e| failed(format!("{story}: {e}")))?;
    Ok(())
}

/// One request for the text at `url`, aborted by its deadlines.
async fn fetch_text(url: &str, bypass_cache: bool) -> Result<String, LoadError> {
    let controller = AbortController::new().map_err(|e| {
        LoadError::new(
            LoadFailure::NotArrived,
            format!("this browser cannot make the request ({e:?})"),
        )
    })?;
    let mut request = gloo_net::http::Request::get(url).abort_signal(Some(&controller.signal()));
    if bypass_cache {
        request = request.cache(RequestCache::NoCache);
    }

    let deadline = Deadline::start(&controller, RESPONSE_TIMEOUT_MS);
    let response = request.send().await.map_err(|e| {
        let detail = if deadline.fired() {
            format!("no answer for {url} within {} s", RESPONSE_TIMEOUT_MS / 1000)
        } else {
            format!("request for {url} failed: {e}")
        };
        LoadError::new(LoadFailure::NotArrived, detail)
    })?;
    drop(deadline);
    if !response.ok() {
        return Err(LoadError::new(
            LoadFailure::NotArrived,
            format!("HTTP {} {} for {url}", response.status(), response.status_text()),
        ));
    }

    let deadline = Deadline::start(&controller, BODY_TIMEOUT_MS);
    // The body's bytes, decoded here: a JavaScript string handed to the wasm is re-encoded
    // to UTF-8 by a loop in JavaScript, one character at a time (8 ms for the snapshot in a
    // sampled load), where bytes are one copy.
    let bytes = response.binary().await.map_err(|e| {
        if deadline.fired() {
            LoadError::new(
                LoadFailure::NotArrived,
                format!(
                    "the body of {url} did not arrive within {} s",
                    BODY_TIMEOUT_MS / 1000
                ),
            )
        } else {
            LoadError::new(LoadFailure::Damaged, format!("reading {url} failed: {e}"))
        }
    })?;
    drop(deadline);
    Ok(utf8_text(bytes))
}

/// The text of a UTF-8 body as the browser's `Response.text()` gives it: a leading byte
/// order mark dropped, and each invalid sequence replaced by U+FFFD (the file's checks
/// then refuse it with their own reason).
pub fn utf8_text(mut bytes: Vec<u8>) -> String {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A timer that aborts a request unless dropped first.
struct Deadline {
    handle: Option<i32>,
    fired: Rc<Cell<bool>>,
    // Kept alive until the timer is cleared in `drop`.
    _on_timeout: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start(controller: &AbortController, ms: i32) -> Self {
        let fired = Rc::new(Cell::new(false));
        let on_timeout = {
            let fired = Rc::clone(&fired);
            let controller = controller.clone();
            Closure::<dyn FnMut()>::new(move || {
                fired.set(true);
                controller.abort();
            })
        };
        let handle = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(on_timeout.as_ref().unchecked_ref(), ms)
                .ok()
        });
        Self {
            handle,
            fired,
            _on_timeout: on_timeout,
        }
    }

    /// Whether the deadline passed (and the request was aborted).
    fn fired(&self) -> bool {
        self.fired.get()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let (Some(handle), Some(w)) = (self.handle, web_sys::window()) {
            w.clear_timeout_with_handle(handle);
        }
    }
}

/// Resolves after `ms` milliseconds (at once where there is no window).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
                .ok()
        });
        if scheduled.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A User Timing mark, read by the benchmark (scripts/bench.sh). Only the latest mark of
/// each name is kept (and any measure of that name cleared), so marks set on every redraw
/// or hover do not pile up in the performance timeline.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        p.clear_marks_with_mark_name(name);
        p.clear_measures_with_measure_name(name);
        let _ = p.mark(name);
    }
}

/// A User Timing measure from mark `start` to mark `end` (the latest of each), keeping only
/// the latest measure of `name`: e.g. `snapshot-parse`, the time to read and validate the
/// snapshot file, for the benchmark.
pub fn measure(name: &str, start: &str, end: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        p.clear_measures_with_measure_name(name);
        let _ = p.measure_with_start_mark_and_end_mark(name, start, end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::error_box::split_detail;

    #[test]
    fn a_body_decodes_as_the_browsers_response_text_does() {
        assert_eq!(
            utf8_text("snapshot 2\n— · 简体".as_bytes().to_vec()),
            "snapshot 2\n— · 简体"
        );
        // A byte order mark is dropped, once; one further is text.
        assert_eq!(utf8_text(b"\xEF\xBB\xBFsnapshot 2".to_vec()), "snapshot 2");
        assert_eq!(utf8_text(b"\xEF\xBB\xBF\xEF\xBB\xBFa".to_vec()), "\u{feff}a");
        // Each maximal invalid subpart is one U+FFFD (WHATWG's UTF-8 decode): a lone
        // continuation byte, a sequence cut short, a byte never used in UTF-8.
        assert_eq!(utf8_text(b"a\x80b".to_vec()), "a\u{fffd}b");
        assert_eq!(utf8_text(b"a\xE4\xB8b".to_vec()), "a\u{fffd}b");
        assert_eq!(utf8_text(b"\xFFz\xF0\x9F\x98".to_vec()), "\u{fffd}z\u{fffd}");
        assert_eq!(utf8_text(Vec::new()), "");
    }

    #[test]
    fn a_load_error_keeps_the_readers_sentence_and_the_detail_apart() {
        let text = String::from(LoadError::new(
            LoadFailure::NotArrived,
            "no answer for data/snapshot.txt within 15 s".to_owned(),
        ));
        assert_eq!(
            split_detail(&text),
            (
                "The data file did not arrive. Check your connection and reload to try again.",
                Some("no answer for data/snapshot.txt within 15 s")
            )
        );
    }

    #[test]
    fn a_cut_or_foreign_file_is_damage_and_only_transfer_failures_are_retried() {
        let damaged = Snapshot::from_text("snapshot 2\nas_of 2026-08-21\n[series btc_usd]\n")
            .err()
            .map(|e| LoadFailure::of_snapshot_error(&e));
        assert_eq!(damaged, Some(LoadFailure::Damaged));
        let html = Snapshot::from_text("<!doctype html><p>404").err();
        assert_eq!(
            html.map(|e| LoadFailure::of_snapshot_error(&e)),
            Some(LoadFailure::Damaged)
        );
        assert!(LoadFailure::NotArrived.retryable());
        assert!(LoadFailure::Damaged.retryable());
        assert!(!LoadFailure::OtherVersion.retryable());
        assert!(!LoadFailure::Unusable.retryable());
    }
}
