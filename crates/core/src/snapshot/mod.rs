//! The snapshot: raw serde types ([`raw`]) and the validated types every transform uses.
//!
//! [`Snapshot::from_json`] parses the file once. A file that is not JSON of the right
//! schema fails as a whole; a single series that fails validation is kept as an error of
//! its own, so a chart that needs it can say so while the other charts keep working.

pub mod raw;

mod error;
mod series;

pub use error::SnapshotError;
pub use series::{Axis, FlowTable, Fund, Meta, Series};

use crate::date::{format_iso, parse_iso};
use raw::{RawEvent, RawProvider, RawSnapshot, SCHEMA_VERSION};
use std::collections::BTreeMap;
use time::Date;

/// Ids of the series and flow tables the page uses.
pub mod ids {
    /// Bitcoin daily close, USD (Yahoo BTC-USD).
    pub const BTC_USD: &str = "btc_usd";
    /// Ether daily close, USD (Yahoo ETH-USD).
    pub const ETH_USD: &str = "eth_usd";
    /// Invesco QQQ (Nasdaq-100), close adjusted for dividends to Dec 2025, unadjusted after.
    pub const QQQ: &str = "qqq";
    /// SPDR Gold Shares, close.
    pub const GLD: &str = "gld";
    /// SPDR S&P 500, close adjusted for dividends to Dec 2025, unadjusted after.
    pub const SPY: &str = "spy";
    /// Invesco DB Commodity Index Tracking Fund, close.
    pub const DBC: &str = "dbc";
    /// 10-year US Treasury constant-maturity yield, percent (FRED DGS10).
    pub const DGS10: &str = "dgs10";
    /// ETH burned by EIP-1559 per day, ETH.
    pub const ETH_BURN: &str = "eth_burn";
    /// ETH burned per day, USD.
    pub const ETH_BURN_USD: &str = "eth_burn_usd";
    /// All fees paid per day, ETH.
    pub const ETH_FEES: &str = "eth_fees";
    /// ETH staked, net of withdrawals (CryptoQuant "Total Value Staked").
    pub const ETH_STAKED: &str = "eth_staked";
    /// Modelled ETH issuance (computed in the core, never stored): a key for frames and CSVs.
    pub const ETH_ISSUANCE_MODEL: &str = "eth_issuance_model";
    /// Measured ETH supply (Coin Metrics `SplyCur`), ETH, on the first day of each month
    /// (an irregular axis).
    pub const ETH_SUPPLY_CM: &str = "eth_supply_cm";
    /// Bitcoin ETF flow table.
    pub const FLOWS_BTC: &str = "btc";
    /// Ether ETF flow table.
    pub const FLOWS_ETH: &str = "eth";
}

/// A data provider and how it must be credited.
pub type Provider = RawProvider;

/// A dated event marker.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// When it happened.
    pub date: Date,
    /// Short label drawn on the chart.
    pub label: String,
    /// One-line description.
    pub description: String,
    /// Where the fact comes from.
    pub source: String,
}

/// The validated snapshot.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// Latest observation date in the file.
    pub as_of: Date,
    /// sha256 of the canonical content, as written by the builder.
    pub content_sha256: String,
    /// Providers by id.
    pub providers: BTreeMap<String, Provider>,
    series: BTreeMap<String, Result<Series, SnapshotError>>,
    flows: BTreeMap<String, Result<FlowTable, SnapshotError>>,
    /// Weekdays with US markets closed, ascending.
    pub market_holidays: Vec<Date>,
    /// Events, ascending by date.
    pub events: Vec<Event>,
    /// Dataset notes for readers.
    pub notes: Vec<String>,
}

impl Snapshot {
    /// Parses and validates snapshot JSON.
    ///
    /// # Errors
    /// [`SnapshotError::Json`] when the text is not a snapshot of this schema, or
    /// [`SnapshotError::Schema`] for another schema version. Per-series problems are
    /// not errors here: they surface from [`Snapshot::series`] / [`Snapshot::flows`].
    pub fn from_json(text: &str) -> Result<Self, SnapshotError> {
        let raw: RawSnapshot = serde_json::from_str(text).map_err(|e| SnapshotError::Json(e.to_string()))?;
        Self::from_raw(raw)
    }

    /// Validates a parsed [`RawSnapshot`].
    ///
    /// # Errors
    /// See [`Snapshot::from_json`].
    pub fn from_raw(raw: RawSnapshot) -> Result<Self, SnapshotError> {
        if raw.schema_version != SCHEMA_VERSION {
            return Err(SnapshotError::Schema {
                found: raw.schema_version,
                expected: SCHEMA_VERSION,
            });
        }
        let as_of = parse_date("as_of", &raw.as_of)?;
        let providers = raw.providers;
        let series = raw
            .series
            .into_iter()
            .map(|(id, s)| {
                let parsed = Series::from_raw(&id, s).and_then(|s| {
                    check_provider(&providers, &id, &s.meta.provider)?;
                    Ok(s)
                });
                (id, parsed)
            })
            .collect();
        let flows = raw
            .etf_flows
            .into_iter()
            .map(|(id, t)| {
                let parsed = FlowTable::from_raw(&id, t).and_then(|t| {
                    check_provider(&providers, &id, &t.meta.provider)?;
                    Ok(t)
                });
                (id, parsed)
            })
            .collect();
        let mut market_holidays = raw
            .market_holidays
            .iter()
            .map(|d| parse_date("market_holidays", d))
            .collect::<Result<Vec<_>, _>>()?;
        market_holidays.sort();
        market_holidays.dedup();
        let mut events = raw
            .events
            .into_iter()
            .map(Event::from_raw)
            .collect::<Result<Vec<_>, _>>()?;
        events.sort_by_key(|e| e.date);
        Ok(Self {
            as_of,
            content_sha256: raw.content_sha256,
            providers,
            series,
            flows,
            market_holidays,
            events,
            notes: raw.notes,
        })
    }

    /// The series `id`, or why it cannot be used.
    ///
    /// # Errors
    /// [`SnapshotError::MissingSeries`] when absent, or the series' validation error.
    pub fn series(&self, id: &str) -> Result<&Series, SnapshotError> {
        match self.series.get(id) {
            Some(Ok(s)) => Ok(s),
            Some(Err(e)) => Err(e.clone()),
            None => Err(SnapshotError::MissingSeries(id.to_owned())),
        }
    }

    /// The ETF flow table `id`, or why it cannot be used.
    ///
    /// # Errors
    /// [`SnapshotError::MissingSeries`] when absent, or the table's validation error.
    pub fn flows(&self, id: &str) -> Result<&FlowTable, SnapshotError> {
        match self.flows.get(id) {
            Some(Ok(t)) => Ok(t),
            Some(Err(e)) => Err(e.clone()),
            None => Err(SnapshotError::MissingSeries(format!("etf_flows.{id}"))),
        }
    }

    /// Builds a snapshot from validated parts (the builder's path), checking providers.
    ///
    /// # Errors
    /// [`SnapshotError::UnknownProvider`] when a series names a provider not given.
    pub fn assemble(parts: SnapshotParts) -> Result<Self, SnapshotError> {
        for s in parts.series.values() {
            check_provider(&parts.providers, &s.id, &s.meta.provider)?;
        }
        for t in parts.flows.values() {
            check_provider(&parts.providers, &t.id, &t.meta.provider)?;
        }
        let as_of = parts
            .series
            .values()
            .filter_map(|s| s.dates().last().copied())
            .chain(parts.flows.values().filter_map(|t| t.dates().last().copied()))
            .max()
            .ok_or(SnapshotError::Empty)?;
        let mut events = parts.events;
        events.sort_by_key(|e| e.date);
        Ok(Self {
            as_of,
            content_sha256: String::new(),
            providers: parts.providers,
            series: parts.series.into_iter().map(|(k, v)| (k, Ok(v))).collect(),
            flows: parts.flows.into_iter().map(|(k, v)| (k, Ok(v))).collect(),
            market_holidays: parts.market_holidays,
            events,
            notes: parts.notes,
        })
    }

    /// The raw form of a fully valid snapshot, ready to serialize.
    ///
    /// # Errors
    /// The first invalid series, if any (a snapshot read from a broken file).
    pub fn to_raw(&self) -> Result<RawSnapshot, SnapshotError> {
        let series = self
            .series
            .iter()
            .map(|(id, s)| Ok((id.clone(), s.clone()?.to_raw())))
            .collect::<Result<_, SnapshotError>>()?;
        let etf_flows = self
            .flows
            .iter()
            .map(|(id, t)| Ok((id.clone(), t.clone()?.to_raw())))
            .collect::<Result<_, SnapshotError>>()?;
        Ok(RawSnapshot {
            schema_version: SCHEMA_VERSION,
            as_of: format_iso(self.as_of),
            content_sha256: self.content_sha256.clone(),
            providers: self.providers.clone(),
            series,
            etf_flows,
            market_holidays: self.market_holidays.iter().map(|d| format_iso(*d)).collect(),
            events: self.events.iter().map(Event::to_raw).collect(),
            notes: self.notes.clone(),
        })
    }
}

/// Validated pieces the builder assembles into a [`Snapshot`].
#[derive(Debug, Clone, Default)]
pub struct SnapshotParts {
    /// Providers by id.
    pub providers: BTreeMap<String, Provider>,
    /// Series by id.
    pub series: BTreeMap<String, Series>,
    /// Flow tables by id.
    pub flows: BTreeMap<String, FlowTable>,
    /// Weekdays with US markets closed.
    pub market_holidays: Vec<Date>,
    /// Events.
    pub events: Vec<Event>,
    /// Dataset notes for readers.
    pub notes: Vec<String>,
}

impl Event {
    fn from_raw(raw: RawEvent) -> Result<Self, SnapshotError> {
        Ok(Self {
            date: parse_date("events", &raw.date)?,
            label: raw.label,
            description: raw.description,
            source: raw.source,
        })
    }

    fn to_raw(&self) -> RawEvent {
        RawEvent {
            date: format_iso(self.date),
            label: self.label.clone(),
            description: self.description.clone(),
            source: self.source.clone(),
        }
    }
}

fn check_provider(
    providers: &BTreeMap<String, Provider>,
    id: &str,
    provider: &str,
) -> Result<(), SnapshotError> {
    if providers.contains_key(provider) {
        Ok(())
    } else {
        Err(SnapshotError::UnknownProvider {
            series: id.to_owned(),
            provider: provider.to_owned(),
        })
    }
}

pub(crate) fn parse_date(context: &str, text: &str) -> Result<Date, SnapshotError> {
    parse_iso(text).ok_or_else(|| SnapshotError::BadDate {
        context: context.to_owned(),
        text: text.to_owned(),
    })
}

#[cfg(test)]
mod tests;
