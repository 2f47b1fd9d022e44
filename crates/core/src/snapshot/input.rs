//! Reading the file leniently, so damage stays where it is.
//!
//! The text is parsed in two stages. First only its layout: the top-level keys, with each
//! series, table, provider, event, holiday and note kept as unparsed JSON text
//! ([`RawValue`], borrowed, no copy). Only damage at this stage fails the whole file: not
//! JSON, truncated, a top-level key missing or of the wrong type. Then each part is parsed
//! on its own, down to single values: a value that is a string, `true`, or a number no
//! `f64` holds (`1e309`) is one unusable [`Slot`], not a broken file. A typed
//! [`RawSnapshot`] built in code goes through the same [`Input`], so both paths obey the
//! same rules (in [`super::series`] and [`super::Snapshot`]).
//!
//! Tokens that are not JSON at all (`NaN`, `Infinity`) cannot be isolated: no JSON reader
//! can find where the value ends, so they fail the whole file (as [`FileProblem::NotJson`]).

use super::error::{FileProblem, SnapshotError};
use super::raw::{RawEvent, RawFlowTable, RawFund, RawMeta, RawProvider, RawSeries, RawSnapshot};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use std::fmt;

/// One value as read: a gap, a number, or something unusable (as written).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Slot {
    /// `null`.
    Gap,
    /// A number (finite unless built in code).
    Number(f64),
    /// Anything else, as written (shortened).
    Unusable(String),
}

/// A date axis as read.
#[derive(Debug, Clone)]
pub(super) struct AxisInput {
    /// The start date's text.
    pub start: String,
    /// Each step in days, or its text when it is not a whole number.
    pub steps: Vec<Result<i64, String>>,
}

/// A series as read.
#[derive(Debug, Clone)]
pub(super) struct SeriesInput {
    pub meta: RawMeta,
    pub axis: AxisInput,
    pub values: Vec<Slot>,
}

/// A flow table as read.
#[derive(Debug, Clone)]
pub(super) struct FlowInput {
    pub meta: RawMeta,
    pub axis: AxisInput,
    pub funds: Vec<RawFund>,
    pub by_fund: Vec<Vec<Slot>>,
    pub total: Vec<Slot>,
}

/// Everything read from a file, each part already parsed or refused on its own.
#[derive(Debug, Clone, Default)]
pub(super) struct Input {
    pub as_of: String,
    pub content_sha256: String,
    pub providers: BTreeMap<String, Result<RawProvider, String>>,
    pub series: BTreeMap<String, Result<SeriesInput, SnapshotError>>,
    pub flows: BTreeMap<String, Result<FlowInput, SnapshotError>>,
    /// Each holiday's text, or why it is unusable.
    pub holidays: Vec<Result<String, String>>,
    pub events: Vec<Result<RawEvent, String>>,
    pub notes: Vec<Result<String, String>>,
}

/// The top level, each part unparsed.
#[derive(Deserialize)]
struct FileLayout<'a> {
    #[serde(borrow)]
    schema_version: &'a RawValue,
    #[serde(borrow)]
    as_of: &'a RawValue,
    #[serde(borrow, default)]
    content_sha256: Option<&'a RawValue>,
    #[serde(borrow)]
    providers: Entries<'a>,
    #[serde(borrow)]
    series: Entries<'a>,
    #[serde(borrow)]
    etf_flows: Entries<'a>,
    #[serde(borrow)]
    market_holidays: &'a RawValue,
    #[serde(borrow)]
    events: &'a RawValue,
    #[serde(borrow, default)]
    notes: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct SeriesLayout<'a> {
    #[serde(borrow)]
    meta: &'a RawValue,
    #[serde(borrow)]
    axis: AxisLayout<'a>,
    #[serde(borrow)]
    values: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct AxisLayout<'a> {
    #[serde(borrow)]
    start: &'a RawValue,
    #[serde(borrow)]
    day_steps: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct FlowLayout<'a> {
    #[serde(borrow)]
    meta: &'a RawValue,
    #[serde(borrow)]
    axis: AxisLayout<'a>,
    #[serde(borrow)]
    funds: Vec<&'a RawValue>,
    #[serde(borrow)]
    by_fund: Vec<Vec<&'a RawValue>>,
    #[serde(borrow)]
    total: Vec<&'a RawValue>,
}

/// A JSON object's entries in file order, duplicates kept (a map would keep one silently).
struct Entries<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Entries<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for EntriesVisitor<'a> {
            type Value = Entries<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, &'de RawValue>()? {
                    entries.push((k, v));
                }
                Ok(Entries(entries))
            }
        }
        d.deserialize_map(EntriesVisitor(std::marker::PhantomData))
    }
}

impl<'a> Entries<'a> {
    /// Each entry parsed by `parse`; a key given twice is refused with `duplicate(key)`.
    fn parse<T, E>(
        self,
        parse: impl Fn(&str, &'a RawValue) -> Result<T, E>,
        duplicate: impl Fn(&str) -> E,
    ) -> BTreeMap<String, Result<T, E>> {
        let mut out = BTreeMap::new();
        for (key, value) in self.0 {
            let parsed = if out.contains_key(&key) {
                Err(duplicate(&key))
            } else {
                parse(&key, value)
            };
            out.insert(key, parsed);
        }
        out
    }
}

/// The first stage of [`read`]: the layout and the schema version.
///
/// # Errors
/// [`SnapshotError::Unreadable`] or [`SnapshotError::Schema`].
pub(super) fn read(text: &str, expected_schema: u32) -> Result<Input, SnapshotError> {
    if text.trim().is_empty() {
        return Err(unreadable(FileProblem::Empty, "the file is empty".to_owned()));
    }
    let layout: FileLayout<'_> = serde_json::from_str(text).map_err(|e| {
        let problem = match e.classify() {
            serde_json::error::Category::Eof => FileProblem::Truncated,
            serde_json::error::Category::Data => FileProblem::Layout,
            serde_json::error::Category::Syntax | serde_json::error::Category::Io => FileProblem::NotJson,
        };
        unreadable(problem, e.to_string())
    })?;
    let found: u32 = serde_json::from_str(layout.schema_version.get())
        .map_err(|e| unreadable(FileProblem::Layout, format!("schema_version: {e}")))?;
    if found != expected_schema {
        return Err(SnapshotError::Schema {
            found,
            expected: expected_schema,
        });
    }
    let string = |v: &RawValue| serde_json::from_str::<String>(v.get()).map_err(|e| e.to_string());
    let layout_error = |key: &str, detail: String| SnapshotError::Layout {
        series: key.to_owned(),
        detail,
    };
    let duplicate = |key: &str| layout_error(key, format!("`{key}` appears twice"));
    Ok(Input {
        as_of: string(layout.as_of).unwrap_or_else(|_| shorten(layout.as_of.get())),
        content_sha256: layout
            .content_sha256
            .and_then(|v| string(v).ok())
            .unwrap_or_default(),
        providers: layout.providers.parse(
            |_, v| serde_json::from_str(v.get()).map_err(|_| LAYOUT.to_owned()),
            |_| "it appears twice".to_owned(),
        ),
        series: layout.series.parse(series, duplicate),
        flows: layout.etf_flows.parse(flow_table, |key| {
            layout_error(&format!("etf_flows.{key}"), format!("`{key}` appears twice"))
        }),
        holidays: list(layout.market_holidays, |v| {
            string(v).map_err(|_| format!("`{}` is not a YYYY-MM-DD date", shorten(v.get())))
        }),
        events: list(layout.events, |v| {
            serde_json::from_str(v.get()).map_err(|_| LAYOUT.to_owned())
        }),
        notes: layout
            .notes
            .map(|n| list(n, |v| string(v).map_err(|_| "it is not text".to_owned())))
            .unwrap_or_default(),
    })
}

/// Why an entry of a list or map is dropped when it is not laid out as the schema says.
const LAYOUT: &str = "it does not have the layout this page reads";

fn unreadable(problem: FileProblem, detail: String) -> SnapshotError {
    SnapshotError::Unreadable { problem, detail }
}

/// A JSON array's entries, each parsed by `parse`; not an array → one unusable entry.
fn list<T>(value: &RawValue, parse: impl Fn(&RawValue) -> Result<T, String>) -> Vec<Result<T, String>> {
    match serde_json::from_str::<Vec<&RawValue>>(value.get()) {
        Ok(items) => items.into_iter().map(parse).collect(),
        Err(_) => vec![Err("the list is unreadable".to_owned())],
    }
}

fn series(id: &str, value: &RawValue) -> Result<SeriesInput, SnapshotError> {
    let layout: SeriesLayout<'_> = serde_json::from_str(value.get()).map_err(|e| SnapshotError::Layout {
        series: id.to_owned(),
        detail: e.to_string(),
    })?;
    Ok(SeriesInput {
        meta: meta(id, layout.meta)?,
        axis: axis(id, &layout.axis)?,
        values: layout.values.into_iter().map(slot).collect(),
    })
}

fn flow_table(id: &str, value: &RawValue) -> Result<FlowInput, SnapshotError> {
    let key = format!("etf_flows.{id}");
    let layout_error = |detail: String| SnapshotError::Layout {
        series: key.clone(),
        detail,
    };
    let layout: FlowLayout<'_> =
        serde_json::from_str(value.get()).map_err(|e| layout_error(e.to_string()))?;
    let funds = layout
        .funds
        .iter()
        .map(|f| serde_json::from_str::<RawFund>(f.get()).map_err(|e| layout_error(format!("funds: {e}"))))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(FlowInput {
        meta: meta(&key, layout.meta)?,
        axis: axis(&key, &layout.axis)?,
        funds,
        by_fund: layout
            .by_fund
            .into_iter()
            .map(|column| column.into_iter().map(slot).collect())
            .collect(),
        total: layout.total.into_iter().map(slot).collect(),
    })
}

fn meta(key: &str, value: &RawValue) -> Result<RawMeta, SnapshotError> {
    serde_json::from_str(value.get()).map_err(|e| SnapshotError::Layout {
        series: key.to_owned(),
        detail: format!("meta: {e}"),
    })
}

fn axis(key: &str, layout: &AxisLayout<'_>) -> Result<AxisInput, SnapshotError> {
    let start = serde_json::from_str::<String>(layout.start.get()).map_err(|_| SnapshotError::BadDate {
        context: key.to_owned(),
        text: shorten(layout.start.get()),
    })?;
    let steps = layout
        .day_steps
        .iter()
        .map(|s| s.get().parse::<i64>().map_err(|_| shorten(s.get())))
        .collect();
    Ok(AxisInput { start, steps })
}

fn slot(value: &RawValue) -> Slot {
    let text = value.get();
    if text == "null" {
        return Slot::Gap;
    }
    // `text` is one valid JSON token, so Rust's float grammar (a superset of JSON's
    // numbers) accepts exactly the numbers; a string, `true`, `[..]` or `{..}` fails. Rust
    // rounds correctly and reads a number beyond `f64` (`1e309`) as infinite: unusable.
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Slot::Number(v),
        _ => Slot::Unusable(shorten(text)),
    }
}

/// At most 24 characters of `text`, for messages.
pub(super) fn shorten(text: &str) -> String {
    const MAX: usize = 24;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(MAX - 1).collect();
        s.push('…');
        s
    }
}

impl From<RawSnapshot> for Input {
    fn from(raw: RawSnapshot) -> Self {
        Input {
            as_of: raw.as_of,
            content_sha256: raw.content_sha256,
            providers: raw.providers.into_iter().map(|(k, p)| (k, Ok(p))).collect(),
            series: raw.series.into_iter().map(|(k, s)| (k, Ok(s.into()))).collect(),
            flows: raw
                .etf_flows
                .into_iter()
                .map(|(k, t)| (k, Ok(t.into())))
                .collect(),
            holidays: raw.market_holidays.into_iter().map(Ok).collect(),
            events: raw.events.into_iter().map(Ok).collect(),
            notes: raw.notes.into_iter().map(Ok).collect(),
        }
    }
}

impl From<RawSeries> for SeriesInput {
    fn from(raw: RawSeries) -> Self {
        SeriesInput {
            meta: raw.meta,
            axis: AxisInput {
                start: raw.axis.start,
                steps: raw.axis.day_steps.into_iter().map(|s| Ok(i64::from(s))).collect(),
            },
            values: raw
                .values
                .into_iter()
                .map(|v| v.map_or(Slot::Gap, Slot::Number))
                .collect(),
        }
    }
}

impl From<RawFlowTable> for FlowInput {
    fn from(raw: RawFlowTable) -> Self {
        FlowInput {
            meta: raw.meta,
            axis: AxisInput {
                start: raw.axis.start,
                steps: raw.axis.day_steps.into_iter().map(|s| Ok(i64::from(s))).collect(),
            },
            funds: raw.funds,
            by_fund: raw
                .by_fund
                .into_iter()
                .map(|c| c.into_iter().map(Slot::Number).collect())
                .collect(),
            total: raw.total.into_iter().map(Slot::Number).collect(),
        }
    }
}
