//! Translations of the English text the snapshot carries: event labels and descriptions
//! (from the builder's `events.csv`), and the builder's series and flow-table notes.
//!
//! The snapshot stays English (its format belongs to the builder); a language translates
//! such a text with a `snapshot-…` message in its locale file, keyed by something the snapshot
//! already carries, and falls back to the snapshot's English text when it has none:
//!
//! - an event's label: `snapshot-event-<date>-<slug of its English label>`
//!   (`snapshot-event-2025-10-10-liquidation-cascade`);
//! - an event's description: `snapshot-event-<date>-about-<hash of its English text>`;
//! - a series' note: `snapshot-note-<series id>-<hash>`, a flow table's
//!   `snapshot-note-flows-<table id>-<hash>`.
//!
//! The hash (8 hex digits of FNV-1a over the English text) makes a changed English text a
//! new key, so a data refresh that rewords a note or adds an event shows up as an
//! untranslated key in the locale tests ([`snapshot_texts`] lists every one), never as a
//! stale translation. English has no `snapshot-` messages: its output is the snapshot's text.

use crate::date::format_iso;
use crate::snapshot::{ids, Snapshot};
use time::Date;

/// The prefix of every data-translation message id.
pub const PREFIX: &str = "snapshot-";

/// A text from the snapshot: its translation key and the English it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DataText {
    /// The `snapshot-…` message id that translates it.
    pub key: String,
    /// The snapshot's English text (what a language without the key shows).
    pub english: String,
}

/// `Liquidation cascade` → `liquidation-cascade`: ASCII letters and digits, lower case,
/// every other run of characters one dash.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// 8 hex digits of the 32-bit FNV-1a hash of `text`'s UTF-8 bytes (stable across
/// platforms and releases).
pub fn hash(text: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in text.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

/// The label of the event on `date` whose English label is `label`.
pub fn event_label(date: Date, label: &str) -> DataText {
    DataText {
        key: format!("{PREFIX}event-{}-{}", format_iso(date), slug(label)),
        english: label.to_owned(),
    }
}

/// The description of the event on `date`.
pub fn event_description(date: Date, description: &str) -> DataText {
    DataText {
        key: format!("{PREFIX}event-{}-about-{}", format_iso(date), hash(description)),
        english: description.to_owned(),
    }
}

/// The builder's note on series `id` (`btc_usd`).
pub fn series_note(id: &str, note: &str) -> DataText {
    DataText {
        key: format!("{PREFIX}note-{}-{}", slug(id), hash(note)),
        english: note.to_owned(),
    }
}

/// The builder's note on the ETF flow table `id` (`btc`, `eth`).
pub fn flows_note(id: &str, note: &str) -> DataText {
    DataText {
        key: format!("{PREFIX}note-flows-{}-{}", slug(id), hash(note)),
        english: note.to_owned(),
    }
}

/// Series whose notes the page may show.
const NOTED_SERIES: [&str; 12] = [
    ids::BTC_USD,
    ids::ETH_USD,
    ids::QQQ,
    ids::GLD,
    ids::SPY,
    ids::DBC,
    ids::DGS10,
    ids::ETH_BURN,
    ids::ETH_BURN_USD,
    ids::ETH_FEES,
    ids::ETH_STAKED,
    ids::ETH_SUPPLY_CM,
];

/// Every English text of `snapshot` a reader may see, as translation keys: each event's
/// label and description, each series' and flow table's note. What a complete language
/// must translate (the locale tests check the committed snapshot against it).
pub fn snapshot_texts(snapshot: &Snapshot) -> Vec<DataText> {
    let mut out = Vec::new();
    for e in &snapshot.events {
        out.push(event_label(e.date, &e.label));
        out.push(event_description(e.date, &e.description));
    }
    for id in NOTED_SERIES {
        if let Some(note) = snapshot.series(id).ok().and_then(|s| s.meta.note.as_deref()) {
            out.push(series_note(id, note));
        }
    }
    for id in [ids::FLOWS_BTC, ids::FLOWS_ETH] {
        if let Some(note) = snapshot.flows(id).ok().and_then(|t| t.meta.note.as_deref()) {
            out.push(flows_note(id, note));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn keys_are_stable_and_change_with_the_english_text() {
        assert_eq!(slug("US spot BTC ETFs"), "us-spot-btc-etfs");
        assert_eq!(slug("EIP-1559 (London)"), "eip-1559-london");
        assert_eq!(slug("  Early-Feb flush!"), "early-feb-flush");
        assert_eq!(slug("btc_usd"), "btc-usd");
        // FNV-1a reference values.
        assert_eq!(hash(""), "811c9dc5");
        assert_eq!(hash("a"), "e40c292c");
        assert_eq!(
            event_label(date!(2025 - 10 - 10), "Liquidation cascade").key,
            "snapshot-event-2025-10-10-liquidation-cascade"
        );
        let a = series_note("btc_usd", "Close at 24:00 UTC.");
        let b = series_note("btc_usd", "Close at 24:00 UTC (provisional).");
        assert!(a.key.starts_with("snapshot-note-btc-usd-"));
        assert_ne!(a.key, b.key);
        assert_ne!(
            event_description(date!(2025 - 11 - 20), "lose $903.2M").key,
            event_description(date!(2025 - 11 - 20), "lose $903.3M").key
        );
        assert_ne!(flows_note("eth", "x").key, series_note("eth", "x").key);
    }
}
