//! The content checksum: recomputed exactly as the builder computes it.
//!
//! The builder (`crates/builder/src/output.rs`) serializes the snapshot compactly with
//! `content_sha256` empty, hashes that text with sha256 and writes the same text with the
//! hex digest filled in, plus a final newline. So the file as written, with its digest
//! blanked and surrounding whitespace trimmed, is exactly the hashed text: [`of_text`]
//! checks that, without parsing. A file whose text differs but whose content is the same
//! (re-indented, say) is also accepted: [`of_raw`] re-serializes the parsed content as the
//! builder does.

use super::raw::RawSnapshot;
use sha2::{Digest, Sha256};

/// Hex sha256 of the canonical content of `raw`: its compact JSON with `content_sha256`
/// empty. The builder writes this into the file.
pub fn of_raw(raw: &RawSnapshot) -> Option<String> {
    let mut canonical = raw.clone();
    canonical.content_sha256 = String::new();
    serde_json::to_string(&canonical)
        .ok()
        .map(|text| hex_sha256(&text))
}

/// Hex sha256 of `text` (a file as the builder writes it) with its stated digest `stated`
/// blanked: `"content_sha256":"<stated>"` becomes `"content_sha256":""` at its first
/// occurrence, and surrounding whitespace is trimmed.
pub fn of_text(text: &str, stated: &str) -> String {
    let text = text.trim();
    let field = format!("\"content_sha256\":\"{stated}\"");
    let blanked = text.replacen(&field, "\"content_sha256\":\"\"", 1);
    hex_sha256(&blanked)
}

/// Whether `text` matches the digest it states, by either method above; `Err` carries the
/// digest of the text as written (for the error's detail).
pub(super) fn verify(text: &str, stated: &str) -> Result<(), String> {
    let computed = of_text(text, stated);
    if stated.is_empty() {
        return Err(computed);
    }
    if computed == stated {
        return Ok(());
    }
    match serde_json::from_str::<RawSnapshot>(text)
        .ok()
        .and_then(|raw| of_raw(&raw))
    {
        Some(canonical) if canonical == stated => Ok(()),
        _ => Err(computed),
    }
}

fn hex_sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `text` with its `content_sha256` replaced by the digest of its content: what the builder
/// would have written for that content. For tests that forge consistent files.
#[cfg(test)]
pub(crate) fn seal(text: &str) -> String {
    let blank = "\"content_sha256\":\"\"";
    let start = text.find("\"content_sha256\":\"").unwrap();
    let end = start + text[start + 18..].find('"').unwrap() + 19;
    let blanked = format!("{}{blank}{}", &text[..start], &text[end..]);
    let digest = hex_sha256(blanked.trim());
    blanked.replacen(blank, &format!("\"content_sha256\":\"{digest}\""), 1)
}
