//! Fetching the bundled snapshot: one request, relative to the page (works under any
//! sub-path and inside iframes), parsed once into the core's validated types.

use repricing_core::Snapshot;
use std::sync::Arc;

/// Where the snapshot is, relative to the page.
pub const SNAPSHOT_URL: &str = "data/snapshot.json";

/// The snapshot, or a sentence saying why there is none.
pub type Loaded = Result<Arc<Snapshot>, String>;

/// Fetches and validates the snapshot at `url`.
pub async fn load_snapshot(url: &str) -> Loaded {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| format!("The data file could not be loaded ({e})."))?;
    if !response.ok() {
        return Err(format!(
            "The data file could not be loaded (HTTP {} for {url}).",
            response.status()
        ));
    }
    let text = response
        .text()
        .await
        .map_err(|e| format!("The data file could not be read ({e})."))?;
    mark("snapshot-fetched");
    let parsed = Snapshot::from_json(&text)
        .map(Arc::new)
        .map_err(|e| format!("The data file is unusable: {e}."));
    mark("snapshot-parsed");
    parsed
}

/// A User Timing mark, read by the benchmark (scripts/bench.sh).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
