//! The snapshot: its content as plain values ([`raw`]), the text file that holds it
//! ([`text`], written by [`write`]) and the validated types every transform uses.
//!
//! [`Snapshot::from_text`] reads the file once, in this order:
//!
//! 1. **Layout** ([`text`]): the first line must be `snapshot 2`, the header must have an
//!    `as_of` line and the last line must be `end`. Anything less (empty, cut short, not a
//!    snapshot file) fails the whole file with [`SnapshotError::Unreadable`]; everything
//!    else is read block by block, down to single values, so a bad token (`NaN`, a word,
//!    `1e309`) is one unusable value of one series, never a broken file.
//! 2. **Schema**: the version on the first line must be [`raw::SCHEMA_VERSION`], else
//!    [`SnapshotError::Schema`].
//! 3. **Checksum** ([`checksum`]): `content_sha256` must be the digest the builder computed
//!    of this content, else [`SnapshotError::Modified`] for the whole file. A checksum
//!    cannot tell *which* number was changed, and a changed number that looks plausible
//!    (tripled closes) is caught by nothing else, so a file that fails it is not drawn at
//!    all: the page says it was modified instead of drawing numbers that may be wrong.
//! 4. **Each part on its own** (module `series` and this one): a series, flow table, provider,
//!    event, holiday or note that is damaged affects only what uses it. A refused series
//!    is kept as its error ([`Snapshot::series`] returns it); handled problems are
//!    [`Issue`]s on the series ([`Series::issues`]) or on the file
//!    ([`Snapshot::file_issues`]): bad events and holidays are dropped one by one; an
//!    `as_of` that no part ends on is replaced by the latest observation date, and a part
//!    that runs past a credible `as_of` is refused (see `settle_as_of`).
//!
//! [`Snapshot::from_raw`] (a [`raw::RawSnapshot`] built in code) and
//! [`Snapshot::from_text_unverified`] apply every rule but the checksum.

pub mod bounds;
pub mod checksum;
pub mod raw;
pub mod text;
pub mod write;

mod error;
mod input;
mod issue;
mod series;

pub use error::{FileProblem, SnapshotError};
pub use issue::{notes, Issue, Reason};
pub use series::{Axis, FlowTable, Fund, Meta, Series};

use crate::date::{format_iso, parse_iso};
use input::Input;
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
    /// Keys of the charts that draw it (`correlation`, `flows`, `burn`).
    pub charts: Vec<String>,
}

impl Event {
    /// Whether the chart with `key` draws this event.
    pub fn concerns(&self, key: &str) -> bool {
        self.charts.iter().any(|c| c == key)
    }
}

/// A snapshot file whose layout and schema were read ([`Snapshot::read`]) and whose
/// checksum is still to be checked: nothing in it can be used until [`Unverified::verify`]
/// has checked it.
#[derive(Debug)]
pub struct Unverified(Input);

impl Unverified {
    /// Steps 3 and 4 of [`Snapshot::from_text`]: `computed` must be the lowercase hex
    /// sha256 of the canonical content of the text this was read from
    /// ([`checksum::canonical`], or [`checksum::of_text`] at once).
    ///
    /// # Errors
    /// [`SnapshotError::Modified`] when `computed` is not the digest the file states;
    /// otherwise as [`Snapshot::from_text`].
    pub fn verify(self, computed: String) -> Result<Snapshot, SnapshotError> {
        let input = self.0;
        checksum::verify(computed, &input.content_sha256).map_err(|computed| SnapshotError::Modified {
            stated: input.content_sha256.clone(),
            computed,
        })?;
        Snapshot::build(input)
    }
}

/// The validated snapshot.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// Latest observation date in the file.
    pub as_of: Date,
    /// sha256 of the canonical content, as written by the builder (verified by
    /// [`Snapshot::from_text`]).
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
    issues: Vec<Issue>,
}

impl Snapshot {
    /// Reads, verifies and validates the snapshot file: the app's entry point.
    ///
    /// # Errors
    /// Whole-file damage only ([`SnapshotError::is_whole_file`]): see the module doc.
    /// Per-series problems are not errors here: they surface from [`Snapshot::series`] /
    /// [`Snapshot::flows`] and as issues.
    pub fn from_text(text: &str) -> Result<Self, SnapshotError> {
        Self::read(text)?.verify(checksum::of_text(text))
    }

    /// [`Snapshot::from_text`] in two steps, for a caller that computes the digest itself
    /// (the page asks the browser, off its own thread, between the two): steps 1 and 2
    /// here, then [`Unverified::verify`] with the digest of [`checksum::canonical`]`(text)`.
    ///
    /// # Errors
    /// [`SnapshotError::Unreadable`] or [`SnapshotError::Schema`], as [`Snapshot::from_text`].
    pub fn read(text: &str) -> Result<Unverified, SnapshotError> {
        text::read(text, SCHEMA_VERSION).map(Unverified)
    }

    /// [`Snapshot::from_text`] without the checksum: for tests and tools that change a
    /// file on purpose (and `dump-snapshot`, to inspect a damaged one). The page must not
    /// use it.
    ///
    /// # Errors
    /// As [`Snapshot::from_text`], except [`SnapshotError::Modified`].
    pub fn from_text_unverified(text: &str) -> Result<Self, SnapshotError> {
        Self::build(text::read(text, SCHEMA_VERSION)?)
    }

    /// Validates a [`RawSnapshot`] built in code, by the same rules as a file except the
    /// checksum and the schema version, which describe a file, not a value
    /// (`schema_version` is ignored).
    ///
    /// # Errors
    /// [`SnapshotError::Empty`] when neither `as_of` nor any series gives a date.
    pub fn from_raw(raw: RawSnapshot) -> Result<Self, SnapshotError> {
        Self::build(raw.into())
    }

    fn build(input: Input) -> Result<Self, SnapshotError> {
        let mut issues = input.issues;
        let mut providers = BTreeMap::new();
        for (id, p) in input.providers {
            match p {
                Ok(p) => {
                    providers.insert(id, p);
                }
                Err(why) => issues.push(dropped("providers", format!("`{id}`"), why)),
            }
        }
        let mut series: BTreeMap<String, Result<Series, SnapshotError>> = input
            .series
            .into_iter()
            .map(|(id, s)| {
                let parsed = s.and_then(|s| Series::load(&id, s)).and_then(|s| {
                    check_provider(&providers, &id, &s.meta.provider)?;
                    Ok(s)
                });
                (id, parsed)
            })
            .collect();
        let mut flows: BTreeMap<String, Result<FlowTable, SnapshotError>> = input
            .flows
            .into_iter()
            .map(|(id, t)| {
                let parsed = t.and_then(|t| FlowTable::load(&id, t)).and_then(|t| {
                    check_provider(&providers, &format!("etf_flows.{id}"), &t.meta.provider)?;
                    Ok(t)
                });
                (id, parsed)
            })
            .collect();
        let mut market_holidays = Vec::new();
        for (i, h) in input.holidays.into_iter().enumerate() {
            match h.map(|text| (parse_iso(&text), text)) {
                Ok((Some(d), _)) => market_holidays.push(d),
                Ok((None, text)) => issues.push(dropped(
                    "market_holidays",
                    (i + 1).to_string(),
                    format!("`{}` is not a YYYY-MM-DD date", input::shorten(&text)),
                )),
                Err(why) => issues.push(dropped("market_holidays", (i + 1).to_string(), why)),
            }
        }
        crate::order::sort(&mut market_holidays);
        market_holidays.dedup();
        let mut events = Vec::new();
        for (i, e) in input.events.into_iter().enumerate() {
            match e.and_then(Event::from_raw) {
                Ok(e) => events.push(e),
                Err(why) => issues.push(dropped("events", (i + 1).to_string(), why)),
            }
        }
        crate::order::sort_by_key(&mut events, |e| e.date);
        let mut notes = Vec::new();
        for (i, n) in input.notes.into_iter().enumerate() {
            match n {
                Ok(n) => notes.push(n),
                Err(why) => issues.push(dropped("notes", (i + 1).to_string(), why)),
            }
        }
        let as_of = settle_as_of(&input.as_of, &mut series, &mut flows, &mut issues)?;
        Ok(Self {
            as_of,
            content_sha256: input.content_sha256,
            providers,
            series,
            flows,
            market_holidays,
            events,
            notes,
            issues,
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

    /// The ids of every series in the file, loaded or refused, in id order.
    pub fn series_ids(&self) -> impl Iterator<Item = &str> {
        self.series.keys().map(String::as_str)
    }

    /// The ids of every flow table in the file, loaded or refused, in id order.
    pub fn flow_ids(&self) -> impl Iterator<Item = &str> {
        self.flows.keys().map(String::as_str)
    }

    /// Every refused series and flow table (flow tables keyed `etf_flows.<id>`) with its
    /// error, e.g. to log [`SnapshotError::detail`] once at load.
    pub fn refusals(&self) -> Vec<(String, &SnapshotError)> {
        let series = self
            .series
            .iter()
            .filter_map(|(id, s)| Some((id.clone(), s.as_ref().err()?)));
        let flows = self
            .flows
            .iter()
            .filter_map(|(id, t)| Some((format!("etf_flows.{id}"), t.as_ref().err()?)));
        series.chain(flows).collect()
    }

    /// Problems with the file as a whole that were handled: entries of `events`,
    /// `market_holidays`, `notes` or `providers` dropped, an `as_of` replaced.
    pub fn file_issues(&self) -> &[Issue] {
        &self.issues
    }

    /// [`Snapshot::file_issues`] as sentences, one per problem.
    pub fn file_notes(&self) -> Vec<String> {
        notes(&self.issues)
    }

    /// The handled problems of the series or flow table `id` (series ids first, then
    /// flow table ids); empty when it is refused or absent (its error says why).
    pub fn issues_for(&self, id: &str) -> &[Issue] {
        match (self.series.get(id), self.flows.get(id)) {
            (Some(Ok(s)), _) => s.issues(),
            (_, Some(Ok(t))) => t.issues(),
            _ => &[],
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
        crate::order::sort_by_key(&mut events, |e| e.date);
        Ok(Self {
            as_of,
            content_sha256: String::new(),
            providers: parts.providers,
            series: parts.series.into_iter().map(|(k, v)| (k, Ok(v))).collect(),
            flows: parts.flows.into_iter().map(|(k, v)| (k, Ok(v))).collect(),
            market_holidays: parts.market_holidays,
            events,
            notes: parts.notes,
            issues: Vec::new(),
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
    fn from_raw(raw: RawEvent) -> Result<Self, String> {
        Ok(Self {
            date: parse_iso(&raw.date).ok_or_else(|| {
                format!(
                    "its date `{}` is not a YYYY-MM-DD date",
                    input::shorten(&raw.date)
                )
            })?,
            label: raw.label,
            description: raw.description,
            source: raw.source,
            charts: raw.charts,
        })
    }

    fn to_raw(&self) -> RawEvent {
        RawEvent {
            date: format_iso(self.date),
            label: self.label.clone(),
            description: self.description.clone(),
            source: self.source.clone(),
            charts: self.charts.clone(),
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

fn dropped(list: &'static str, at: String, why: String) -> Issue {
    Issue::EntryDropped { list, at, why }
}

/// The date the data run to, and the parts that contradict it.
///
/// The builder writes as `as_of` the last date of the part that ends latest. So the file's
/// `as_of` is credible when more loaded parts end exactly on it than run past it; then the
/// few that run past it are refused ([`SnapshotError::PastAsOf`]): one part running ahead
/// of the others is damage in that part, not news. An `as_of` that is not credible
/// (unreadable, or moved) is replaced by the latest loaded date, with an issue — unless it
/// is later than every loaded part and some part was refused (which may have reached it).
fn settle_as_of(
    stated: &str,
    series: &mut BTreeMap<String, Result<Series, SnapshotError>>,
    flows: &mut BTreeMap<String, Result<FlowTable, SnapshotError>>,
    issues: &mut Vec<Issue>,
) -> Result<Date, SnapshotError> {
    let lasts: Vec<Date> = series
        .values()
        .filter_map(|s| s.as_ref().ok().map(Series::last))
        .chain(
            flows
                .values()
                .filter_map(|t| t.as_ref().ok().map(FlowTable::last)),
        )
        .collect();
    let declared = parse_iso(stated);
    let credible = |d: &Date| {
        let on = lasts.iter().filter(|l| *l == d).count();
        on > 0 && on > lasts.iter().filter(|l| *l > d).count()
    };
    if let Some(as_of) = declared.filter(credible) {
        let past = |key: String, last: Date| SnapshotError::PastAsOf {
            series: key,
            last: format_iso(last),
            as_of: format_iso(as_of),
        };
        for (id, s) in series.iter_mut() {
            if let Some(last) = s.as_ref().ok().map(Series::last).filter(|l| *l > as_of) {
                *s = Err(past(id.clone(), last));
            }
        }
        for (id, t) in flows.iter_mut() {
            if let Some(last) = t.as_ref().ok().map(FlowTable::last).filter(|l| *l > as_of) {
                *t = Err(past(format!("etf_flows.{id}"), last));
            }
        }
        return Ok(as_of);
    }
    let any_refused = series.values().any(Result::is_err) || flows.values().any(Result::is_err);
    match (declared, lasts.iter().max().copied()) {
        (Some(d), Some(latest)) if d > latest && any_refused => Ok(d),
        (Some(d), None) => Ok(d),
        (_, Some(latest)) => {
            issues.push(Issue::AsOfMismatch {
                stated: input::shorten(stated),
                actual: latest,
            });
            Ok(latest)
        }
        (None, None) => Err(SnapshotError::Empty),
    }
}

pub(crate) fn parse_date(context: &str, text: &str) -> Result<Date, SnapshotError> {
    parse_iso(text).ok_or_else(|| SnapshotError::BadDate {
        context: context.to_owned(),
        text: text.to_owned(),
    })
}

#[cfg(test)]
mod hostile_tests;
#[cfg(test)]
mod tests;
