//! The content checksum: recomputed exactly as the builder computes it.
//!
//! **Canonical content** of a snapshot file: its significant lines — every line that is
//! not blank and does not start with `#` — each trimmed of surrounding whitespace (and a
//! `\r`), except the first line whose first word is `content_sha256`, joined with `\n`
//! (no final newline). `content_sha256` is the lowercase hex sha256 of that text. So
//! re-indenting the file, changing its line endings or adding comments keeps it valid;
//! changing any token does not. [`of_text`] computes it without parsing the file.

use sha2::{Digest, Sha256};

/// The header key that states the checksum.
pub const KEY: &str = "content_sha256";

/// Hex sha256 of the canonical content of `text` (see the module doc).
pub fn of_text(text: &str) -> String {
    digest(&canonical(text))
}

/// The canonical content of `text` as bytes (see the module doc): what [`of_text`]
/// digests, for a caller that digests it elsewhere (the page hands it to the browser's own
/// SHA-256, which runs off the page's thread).
pub fn canonical(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut skipped = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if !skipped && line.split_ascii_whitespace().next() == Some(KEY) {
            skipped = true;
            continue;
        }
        if !out.is_empty() {
            out.push(b'\n');
        }
        out.extend_from_slice(line.as_bytes());
    }
    out
}

/// Hex sha256 of `content` (canonical bytes, [`canonical`]).
pub fn digest(content: &[u8]) -> String {
    hex(&Sha256::digest(content))
}

/// Lowercase hex of `bytes` (a digest as the file states it).
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        for nibble in [b >> 4, b & 0x0f] {
            out.push(char::from(
                DIGITS.get(usize::from(nibble)).copied().unwrap_or(b'0'),
            ));
        }
    }
    out
}

/// Whether the digest `computed` of a file's content is the one it states; `Err` carries
/// `computed` (for the error's detail).
pub(super) fn verify(computed: String, stated: &str) -> Result<(), String> {
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
