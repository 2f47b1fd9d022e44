//! The snapshot's content as plain values, field for field: what the file
//! `public/data/snapshot.txt` holds (its text layout is [`super::text`]'s, written by
//! [`super::write`]).
//!
//! Nothing here is checked: these structs only say what the content is. They are turned
//! once into the validated types of [`super`] and never used downstream.
//!
//! Layout: columnar. A dated column is an *axis* — its first date (`start`) and the gap in
//! calendar days to each next date (`day_steps`, one shorter than the values) — plus one
//! value column per quantity, `None` marking a gap.
//!
//! In the core's own tests these types also derive serde's traits, so a test can write a
//! small snapshot as a `json!` literal; the page reads no JSON.

#[cfg(test)]
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema version of the snapshot file this crate reads and the builder writes
/// (version 1 was the columnar JSON file; version 2 is the compact text file).
pub const SCHEMA_VERSION: u32 = 2;

/// The whole snapshot file.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
pub struct RawSnapshot {
    /// Must equal [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Latest date of any observation in the file (`YYYY-MM-DD`).
    pub as_of: String,
    /// Hex sha256 of the file's canonical content ([`super::checksum`]); ignored by the
    /// writer, which states the digest of what it writes.
    #[cfg_attr(test, serde(default))]
    pub content_sha256: String,
    /// Data providers keyed by short id (`yahoo`, `farside`, `cryptoquant`, `fred`).
    pub providers: BTreeMap<String, RawProvider>,
    /// Single-valued daily series keyed by id (see [`crate::snapshot::ids`]).
    pub series: BTreeMap<String, RawSeries>,
    /// ETF flow tables keyed by asset (`btc`, `eth`).
    pub etf_flows: BTreeMap<String, RawFlowTable>,
    /// Weekdays on which US markets were closed, over the span of the flow tables.
    pub market_holidays: Vec<String>,
    /// Hand-curated events for chart markers.
    pub events: Vec<RawEvent>,
    /// Dataset notes the builder found worth telling readers (e.g. a suspect row kept).
    #[cfg_attr(test, serde(default))]
    pub notes: Vec<String>,
}

/// A data provider and how it must be credited.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
pub struct RawProvider {
    /// Display name, e.g. "Farside Investors".
    pub name: String,
    /// The attribution text the page prints under a chart.
    pub attribution: String,
    /// Licence or terms of use, in one line.
    pub licence: String,
    /// Home page of the provider.
    pub url: String,
}

/// Descriptive metadata shared by every dated column group.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
pub struct RawMeta {
    /// Human label, e.g. "Bitcoin (BTC-USD)".
    pub label: String,
    /// Unit of the values, e.g. "USD", "US$ m", "ETH", "%".
    pub unit: String,
    /// Key into [`RawSnapshot::providers`].
    pub provider: String,
    /// First date with an observation.
    pub first: String,
    /// Last date with an observation.
    pub last: String,
    /// Whether the last point was taken before the period closed (intraday).
    pub last_provisional: bool,
    /// Caveat worth showing next to the data, if any.
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub note: Option<String>,
}

/// A date axis: `start`, then `day_steps[i]` days to each next date.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
pub struct RawAxis {
    /// First date, `YYYY-MM-DD`.
    pub start: String,
    /// Calendar days from each date to the next; one fewer than the dates.
    pub day_steps: Vec<u32>,
}

/// One daily series.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
pub struct RawSeries {
    /// What the values are and where they come from.
    pub meta: RawMeta,
    /// The dates.
    pub axis: RawAxis,
    /// One value per date; `null` is a gap.
    pub values: Vec<Option<f64>>,
}

/// ETF daily net flows: one column per fund plus the provider's total.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
pub struct RawFlowTable {
    /// What the values are and where they come from.
    pub meta: RawMeta,
    /// Trading days with a published row.
    pub axis: RawAxis,
    /// The funds, in the provider's column order.
    pub funds: Vec<RawFund>,
    /// `by_fund[f][d]`: flow of fund `f` on date `d`, US$ millions.
    pub by_fund: Vec<Vec<f64>>,
    /// The provider's total per date, US$ millions (checked against the funds' sum).
    pub total: Vec<f64>,
}

/// One fund of a flow table.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
pub struct RawFund {
    /// Exchange ticker, e.g. "IBIT".
    pub ticker: String,
    /// Fund name, or the ticker where the name was not verified.
    pub name: String,
}

/// A dated event marker.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(test, derive(Serialize, Deserialize))]
pub struct RawEvent {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Short label drawn on the chart.
    pub label: String,
    /// One-line description.
    pub description: String,
    /// Where the fact comes from.
    pub source: String,
    /// Keys of the charts the event concerns (empty: none draws it; the event lens can
    /// still pick it).
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub charts: Vec<String>,
}
