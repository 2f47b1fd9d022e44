//! A snapshot as read, before validation: each part already parsed or refused on its own.
//!
//! The file reader ([`super::text`]) fills an [`Input`] block by block, so damage stays in
//! the part it sits in; a typed [`RawSnapshot`] built in code becomes the same [`Input`],
//! so both paths obey the same rules (in [`super::series`] and [`super::Snapshot`]).

use super::error::SnapshotError;
use super::issue::Issue;
use super::raw::{RawEvent, RawFlowTable, RawFund, RawMeta, RawProvider, RawSeries, RawSnapshot};
use std::collections::BTreeMap;

/// One value as read: a gap, a number, or something unusable (as written).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Slot {
    /// `null`.
    Gap,
    /// A number (finite unless built in code).
    Number(f64),
    /// Anything else, as written (shortened).
    Unusable(String),
    /// A value written as a change from an earlier value that is unusable: unknown.
    Lost,
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
    /// Problems of the file as a whole that were handled (a block of an unknown kind).
    pub issues: Vec<Issue>,
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
            issues: Vec::new(),
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
