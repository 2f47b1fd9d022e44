//! Canonical serialization and the content hash: the core's writer
//! ([`repricing_core::snapshot::write`]), so the builder writes exactly what the page reads.

use repricing_core::Snapshot;

/// Writes `snapshot` as the snapshot text file and returns the snapshot carrying the
/// file's content hash, with the final file contents (newline-ended).
///
/// # Errors
/// A part the file cannot hold exactly (see [`repricing_core::snapshot::write::to_text`]).
pub fn finish(mut snapshot: Snapshot) -> Result<(Snapshot, String), String> {
    snapshot.content_sha256 = String::new();
    let raw = snapshot.to_raw().map_err(|e| e.to_string())?;
    let (text, hash) = repricing_core::snapshot::write::to_text(&raw)?;
    snapshot.content_sha256 = hash;
    Ok((snapshot, text))
}
