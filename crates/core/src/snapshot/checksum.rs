//! The content checksum: recomputed exactly as the builder computes it.
//!
//! **Canonical content** of a snapshot file: its significant lines — every line that is
//! not blank and does not start with `#` — each trimmed of surrounding whitespace (and a
//! `\r`), except the first line whose first word is `content_sha256`, joined with `\n`
//! (no final newline). `content_sha256` is the lowercase hex sha256 of that text. So
//! re-indenting the file, changing its line endings or adding comments keeps it valid;
//! changing any token does not. [`of_text`] computes it in one pass, without parsing.

use sha2::{Digest, Sha256};

/// The header key that states the checksum.
pub const KEY: &str = "content_sha256";

/// Hex sha256 of the canonical content of `text` (see the module doc).
pub fn of_text(text: &str) -> String {
    let mut hasher = Sha256::new();
    let mut skipped = false;
    let mut first = true;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if !skipped && line.split_ascii_whitespace().next() == Some(KEY) {
            skipped = true;
            continue;
        }
        if !first {
            hasher.update(b"\n");
        }
        first = false;
        hasher.update(line.as_bytes());
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `text` matches the digest it states; `Err` carries the digest of its content
/// (for the error's detail).
pub(super) fn verify(text: &str, stated: &str) -> Result<(), String> {
    let computed = of_text(text);
    if !stated.is_empty() && computed == stated {
        Ok(())
    } else {
        Err(computed)
    }
}

/// `text` with its `content_sha256` line stating the digest of its content: what the
/// builder writes (through [`super::write`]), and how tests forge consistent files. The
/// first `content_sha256` line is replaced; a text without one is returned unchanged.
pub fn seal(text: &str) -> String {
    let digest = of_text(text);
    let mut out = String::with_capacity(text.len() + 80);
    let mut done = false;
    for line in text.split_inclusive('\n') {
        if !done && line.split_ascii_whitespace().next() == Some(KEY) {
            done = true;
            out.push_str(KEY);
            out.push(' ');
            out.push_str(&digest);
            out.push('\n');
        } else {
            out.push_str(line);
        }
    }
    out
}
