//! Canonical serialization and the content hash.

use repricing_core::snapshot::raw::RawSnapshot;
use repricing_core::Snapshot;
use sha2::{Digest, Sha256};

/// Serializes `snapshot` compactly, hashes that text with `content_sha256` empty, and
/// returns the snapshot carrying the hash with the final file contents (newline-ended).
pub fn finish(mut snapshot: Snapshot) -> Result<(Snapshot, String), String> {
    snapshot.content_sha256 = String::new();
    let mut raw = snapshot.to_raw().map_err(|e| e.to_string())?;
    let hash = content_hash(&raw)?;
    raw.content_sha256.clone_from(&hash);
    snapshot.content_sha256 = hash;
    let mut json = serde_json::to_string(&raw).map_err(|e| e.to_string())?;
    json.push('\n');
    Ok((snapshot, json))
}

/// Hex sha256 of the compact JSON of `raw` with `content_sha256` emptied.
pub fn content_hash(raw: &RawSnapshot) -> Result<String, String> {
    let mut canonical = raw.clone();
    canonical.content_sha256 = String::new();
    let text = serde_json::to_string(&canonical).map_err(|e| e.to_string())?;
    let digest = Sha256::digest(text.as_bytes());
    Ok(digest.iter().map(|b| format!("{b:02x}")).collect())
}
