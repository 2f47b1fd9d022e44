//! The snapshot builder: raw provider files in, one validated `snapshot.json` out.
//!
//! Each provider format has its own module that reads its files exactly as published and
//! reports every row it drops, with file, line and reason. Anything that would make a
//! plotted number wrong is a [`BuildError`] and nothing is written. [`build`] assembles the
//! validated columns into a [`repricing_core::Snapshot`] and serializes it canonically.

pub mod calendar;
pub mod column;
pub mod cryptoquant;
pub mod error;
pub mod events;
pub mod farside;
pub mod fred;
pub mod io;
pub mod output;
pub mod yahoo;

pub use error::{BuildError, Location, Report};

use calendar::MarketCalendar;
use column::Column;
use farside::FlowSpec;
use repricing_core::issuance::LONDON;
use repricing_core::snapshot::{ids, Axis, Meta, Provider, Series, SnapshotParts};
use repricing_core::{Date, Snapshot};
use std::collections::BTreeMap;
use std::path::Path;
use time::macros::date;

/// No observation before this date enters the snapshot.
pub const SNAPSHOT_START: Date = date!(2018 - 01 - 01);

/// The built snapshot, its serialized form and the report of set-aside rows.
#[derive(Debug)]
pub struct Built {
    /// The validated snapshot (with its content hash).
    pub snapshot: Snapshot,
    /// The exact bytes to write.
    pub json: String,
    /// Every dropped or re-classified row.
    pub report: Report,
}

/// Farside BTC file layout.
pub const BTC_FLOWS: FlowSpec = FlowSpec {
    id: ids::FLOWS_BTC,
    label: "US spot bitcoin ETFs, daily net flow",
    first_listing: date!(2024 - 01 - 11),
    total_column: "Total",
    funds: &[
        ("IBIT", "iShares Bitcoin Trust (BlackRock)"),
        ("FBTC", "Fidelity Wise Origin Bitcoin Fund"),
        ("BITB", "Bitwise Bitcoin ETF"),
        ("ARKB", "ARK 21Shares Bitcoin ETF"),
        ("BTCO", "Invesco Galaxy Bitcoin ETF"),
        ("EZBC", "Franklin Bitcoin ETF"),
        ("BRRR", "CoinShares Valkyrie Bitcoin Fund"),
        ("HODL", "VanEck Bitcoin ETF"),
        ("BTCW", "WisdomTree Bitcoin Fund"),
        ("MSBT", "MSBT"),
        ("GBTC", "Grayscale Bitcoin Trust"),
        ("BTC", "Grayscale Bitcoin Mini Trust"),
    ],
};

/// Farside ETH file layout (`COL11` is the total).
pub const ETH_FLOWS: FlowSpec = FlowSpec {
    id: ids::FLOWS_ETH,
    label: "US spot ether ETFs, daily net flow",
    first_listing: date!(2024 - 07 - 23),
    total_column: "COL11",
    funds: &[
        ("ETHA", "iShares Ethereum Trust (BlackRock)"),
        ("ETHB", "ETHB"),
        ("FETH", "Fidelity Ethereum Fund"),
        ("ETHW", "Bitwise Ethereum ETF"),
        ("TETH", "21Shares Core Ethereum ETF"),
        ("ETHV", "VanEck Ethereum ETF"),
        ("QETH", "Invesco Galaxy Ethereum ETF"),
        ("EZET", "Franklin Ethereum ETF"),
        ("ETHE", "Grayscale Ethereum Trust"),
        ("ETH", "Grayscale Ethereum Mini Trust"),
    ],
};

/// Builds the snapshot from the provider files under `raw` and the events file.
pub fn build(raw: &Path, events_file: &Path) -> Result<Built, BuildError> {
    let mut report = Report::default();
    let mut series = BTreeMap::new();
    let mut add = |id: &str, file: &Path, column: Column, meta: Meta| -> Result<(), BuildError> {
        let as_error =
            |e: repricing_core::SnapshotError| BuildError::new(file, Location::File, e.to_string());
        let axis = Axis::new(id, column.dates).map_err(as_error)?;
        let s = Series::new(id, meta, axis, column.values).map_err(as_error)?;
        series.insert(id.to_owned(), s);
        Ok(())
    };

    let yahoo = raw.join("yahoo");
    let adjusted = Some("Dividend-adjusted close: right for returns, not for quoting price levels.");
    let intraday = "Daily close; the last point was taken intraday (provisional).";
    let json_prices = [
        (
            ids::BTC_USD,
            "prices_btc.json",
            "Bitcoin (BTC-USD)",
            Some("Close at 24:00 UTC of each day; the last point was taken intraday (provisional)."),
        ),
        (ids::QQQ, "prices_qqq.json", "Nasdaq-100 (QQQ)", adjusted),
        (ids::GLD, "prices_gld.json", "Gold (GLD)", Some(intraday)),
        (ids::SPY, "prices_spy.json", "S&P 500 (SPY)", adjusted),
    ];
    let mut market_days = Vec::new();
    for (id, name, label, note) in json_prices {
        let file = yahoo.join(name);
        let column = yahoo::read_prices_json(&file, &mut report)?;
        if id == ids::SPY {
            market_days.clone_from(&column.dates);
        }
        add(id, &file, column, meta(label, "USD", "yahoo", true, note))?;
    }
    for (id, name, label) in [
        (ids::ETH_USD, "eth.csv", "Ether (ETH-USD)"),
        (ids::DBC, "dbc.csv", "Commodities (DBC)"),
    ] {
        let file = yahoo.join(name);
        let column = yahoo::read_ohlcv_csv(&file, &mut report)?;
        add(
            id,
            &file,
            column,
            meta(label, "USD", "yahoo", true, Some(intraday)),
        )?;
    }

    let fred_dir = raw.join("fred");
    let fred_csv = fred_dir.join("DGS10.csv");
    let fred_cache = fred_dir.join("fred_cache.json");
    let dgs10 = fred::merge(
        (&fred_csv, fred::read_csv(&fred_csv, &mut report)?),
        (&fred_cache, fred::read_cache(&fred_cache, "DGS10", &mut report)?),
        &mut report,
    )?;
    add(
        ids::DGS10,
        &fred_csv,
        dgs10,
        meta(
            "10-year Treasury yield (DGS10)",
            "%",
            "fred",
            false,
            Some("FRED download joined with the FRED cache, which extends it; identical on shared days."),
        ),
    )?;

    // CryptoQuant publishes full float64 sums (`24.21182347891991` ETH). The snapshot keeps
    // them to 0.001 ETH, 1 ETH of stake and 1 US$, far below anything a chart or tooltip
    // can show, which halves the file. Rounding only: no value moves by more than half a
    // unit of the last kept digit.
    let cq = raw.join("cryptoquant");
    let metrics = [
        (ids::ETH_BURN, "eth_fees_burnt.csv", "Fees Burnt (Total)", "ETH burned (EIP-1559)", "ETH", Some(LONDON), 3, None),
        (ids::ETH_BURN_USD, "eth_fees_burnt_usd.csv", "Fees Burnt USD (Total)", "ETH burned, in US dollars", "USD", Some(LONDON), 0, None),
        (ids::ETH_FEES, "eth_fees_total.csv", "Fees (Total)", "Ethereum fees paid (base fee + tips)", "ETH", None, 3, None),
        (
            ids::ETH_STAKED,
            "eth_total_value_staked.csv",
            "Total Value Staked",
            "ETH deposited for staking",
            "ETH",
            None,
            0,
            Some("Cumulative deposits to the staking contract, not net of withdrawals (possible since April 2023): overstates the active stake."),
        ),
    ];
    for (id, name, metric, label, unit, exists_from, decimals, note) in metrics {
        let file = cq.join(name);
        let mut column = cryptoquant::read_metric(&file, metric, exists_from, &mut report)?;
        column.round_to(decimals);
        add(id, &file, column, meta(label, unit, "cryptoquant", false, note))?;
    }

    let calendar = MarketCalendar::from_trading_days(&market_days);
    let farside_dir = raw.join("farside");
    let mut flows = BTreeMap::new();
    let (mut first, mut last) = (None::<Date>, None::<Date>);
    for (spec, name) in [(&BTC_FLOWS, "btc_flows.csv"), (&ETH_FLOWS, "eth_flows.csv")] {
        let f = farside::read_flows(&farside_dir.join(name), spec, &calendar, &mut report)?;
        first = Some(first.map_or(f.table.first(), |d| d.min(f.table.first())));
        last = Some(last.map_or(f.table.last(), |d| d.max(f.table.last())));
        flows.insert(spec.id.to_owned(), f.table);
    }
    let market_holidays = match (first, last) {
        (Some(a), Some(b)) => calendar.holidays_between(a, b),
        _ => Vec::new(),
    };

    let events = events::read_events(events_file)?;
    let parts = SnapshotParts {
        providers: providers(),
        series,
        flows,
        market_holidays,
        events,
        notes: Vec::new(),
    };
    let snapshot =
        Snapshot::assemble(parts).map_err(|e| BuildError::new(raw, Location::File, e.to_string()))?;
    let (snapshot, json) = output::finish(snapshot).map_err(|e| BuildError::new(raw, Location::File, e))?;
    Ok(Built {
        snapshot,
        json,
        report,
    })
}

fn meta(label: &str, unit: &str, provider: &str, last_provisional: bool, note: Option<&str>) -> Meta {
    Meta {
        label: label.to_owned(),
        unit: unit.to_owned(),
        provider: provider.to_owned(),
        last_provisional,
        note: note.map(str::to_owned),
    }
}

/// The four providers and how the page credits them.
pub fn providers() -> BTreeMap<String, Provider> {
    let p = |name: &str, attribution: &str, licence: &str, url: &str| Provider {
        name: name.to_owned(),
        attribution: attribution.to_owned(),
        licence: licence.to_owned(),
        url: url.to_owned(),
    };
    BTreeMap::from([
        (
            "yahoo".to_owned(),
            p(
                "Yahoo Finance",
                "Yahoo Finance",
                "Provider's terms of use; attribution required",
                "https://finance.yahoo.com",
            ),
        ),
        (
            "farside".to_owned(),
            p(
                "Farside Investors",
                "Farside Investors",
                "Attribution to Farside Investors required",
                "https://farside.co.uk",
            ),
        ),
        (
            "cryptoquant".to_owned(),
            p(
                "CryptoQuant",
                "CryptoQuant",
                "Provider's terms of use; attribution required",
                "https://cryptoquant.com",
            ),
        ),
        (
            "fred".to_owned(),
            p(
                "FRED, Federal Reserve Bank of St. Louis",
                "FRED",
                "Public domain (US Treasury via FRED)",
                "https://fred.stlouisfed.org",
            ),
        ),
    ])
}
