//! The snapshot builder: raw provider files in, one validated `snapshot.txt` out.
//!
//! Each provider format has its own module that reads its files exactly as published and
//! reports every row it drops, with file, line and reason. Anything that would make a
//! plotted number wrong is a [`BuildError`] and nothing is written. [`build`] assembles the
//! validated columns into a [`repricing_core::Snapshot`] and serializes it canonically.

pub mod calendar;
pub mod coinmetrics;
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

/// The later Yahoo copy of DBC under `yahoo-extra/` that extends `yahoo/dbc.csv`.
pub const DBC_EXTENSION: &str = "dbc_to_2026-08-07.csv";

/// No observation before this date enters the snapshot.
pub const SNAPSHOT_START: Date = date!(2018 - 01 - 01);

/// The built snapshot, its serialized form and the report of set-aside rows.
#[derive(Debug)]
pub struct Built {
    /// The validated snapshot (with its content hash).
    pub snapshot: Snapshot,
    /// The exact text to write (the snapshot file, schema version 2).
    pub text: String,
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
    // A provisional last point is each series' `last_provisional`; the chart says so once
    // for all its series (core `note-provisional`), not in every note.
    let intraday = "Daily close.";
    // Yahoo's cached QQQ and SPY closes are dividend-adjusted only up to late 2025; from
    // the dates below they equal the unadjusted closes (checked against TradingView).
    let qqq_note = "Adjusted for dividends to Dec 2025, unadjusted after: dividend-adjusted closes up to \
                    2025-12-19, unadjusted closes from 2025-12-22, so a return across a later \
                    ex-dividend day includes the dividend drop (about 0.1–0.4 %).";
    let spy_note = "Adjusted for dividends to Dec 2025, unadjusted after: dividend-adjusted closes up to \
                    2025-12-18, unadjusted closes from 2025-12-19, so a return across a later \
                    ex-dividend day includes the dividend drop (about 0.1–0.4 %).";
    let json_prices = [
        (
            ids::BTC_USD,
            "prices_btc.json",
            "Bitcoin (BTC-USD)",
            "Close at 24:00 UTC of each day.",
        ),
        (ids::QQQ, "prices_qqq.json", "Nasdaq-100 (QQQ)", qqq_note),
        (ids::GLD, "prices_gld.json", "Gold (GLD)", intraday),
        (ids::SPY, "prices_spy.json", "S&P 500 (SPY)", spy_note),
    ];
    let mut market_days = Vec::new();
    for (id, name, label, note) in json_prices {
        let file = yahoo.join(name);
        let column = yahoo::read_prices_json(&file, &mut report)?;
        if id == ids::SPY {
            market_days.clone_from(&column.dates);
        }
        add(id, &file, column, meta(label, "USD", "yahoo", true, Some(note)))?;
    }
    let eth_file = yahoo.join("eth.csv");
    let eth = yahoo::read_ohlcv_csv(&eth_file, &mut report)?;
    add(
        ids::ETH_USD,
        &eth_file,
        eth,
        meta("Ether (ETH-USD)", "USD", "yahoo", true, Some(intraday)),
    )?;
    // DBC: the 2026-06-05 cut of Yahoo's CSV (last row intraday) extended by a later copy
    // of the same Yahoo series that must agree on every shared day (to Yahoo's float32
    // precision, see `column::extend`) and ends on a complete day (2026-08-07), so DBC's
    // last point is final.
    let dbc_file = yahoo.join("dbc.csv");
    let dbc_extra_file = raw.join("yahoo-extra").join(DBC_EXTENSION);
    let dbc = column::extend(
        (&dbc_file, yahoo::read_ohlcv_csv(&dbc_file, &mut report)?),
        (
            &dbc_extra_file,
            yahoo::read_ohlcv_csv(&dbc_extra_file, &mut report)?,
        ),
        &mut report,
    )?;
    add(
        ids::DBC,
        &dbc_file,
        dbc,
        meta(
            "Commodities (DBC)",
            "USD",
            "yahoo",
            false,
            Some("Daily close: Yahoo's DBC file to 2026-06-05 extended to 2026-08-07 by a later Yahoo copy that agrees with it on every shared day (to Yahoo's float32 precision); every point is a complete day."),
        ),
    )?;

    let fred_dir = raw.join("fred");
    let fred_csv = fred_dir.join("DGS10.csv");
    let fred_cache = fred_dir.join("fred_cache.json");
    let dgs10 = column::merge(
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
    // can show, which halves the file. Rounding only, on the provider's decimal digits
    // (half away from zero): no value moves by more than half a unit of the last kept digit.
    let cq = raw.join("cryptoquant");
    let metrics = [
        (
            ids::ETH_BURN,
            "eth_fees_burnt.csv",
            "Fees Burnt (Total)",
            "ETH burned (EIP-1559)",
            "ETH",
            Some(LONDON),
            3,
            Some("CryptoQuant's daily total of base fees burned, kept to 0.001 ETH (the provider publishes unrounded sums)."),
        ),
        (
            ids::ETH_BURN_USD,
            "eth_fees_burnt_usd.csv",
            "Fees Burnt USD (Total)",
            "ETH burned, in US dollars",
            "USD",
            Some(LONDON),
            0,
            Some("CryptoQuant's daily total of base fees burned, valued in US dollars, kept to US$1 (the provider publishes unrounded sums)."),
        ),
        (
            ids::ETH_FEES,
            "eth_fees_total.csv",
            "Fees (Total)",
            "Ethereum fees paid (base fee + tips)",
            "ETH",
            None,
            3,
            Some("CryptoQuant's daily total of fees paid (base fees and tips), kept to 0.001 ETH (the provider publishes unrounded sums)."),
        ),
        (
            ids::ETH_STAKED,
            "eth_total_value_staked.csv",
            "Total Value Staked",
            "ETH staked (net of withdrawals)",
            "ETH",
            None,
            0,
            Some("CryptoQuant's Total Value Staked: ETH deposited to the staking contract net of withdrawals (possible since the Shapella upgrade, 2023-04-12), the stake CryptoQuant measures. Kept to 1 ETH (the provider publishes unrounded sums)."),
        ),
    ];
    for (id, name, metric, label, unit, exists_from, decimals, note) in metrics {
        let file = cq.join(name);
        let column = cryptoquant::read_metric(&file, metric, exists_from, decimals, &mut report)?;
        add(id, &file, column, meta(label, unit, "cryptoquant", false, note))?;
    }

    let cm_file = raw.join("coinmetrics").join("eth_monthly.csv");
    let supply = coinmetrics::read_supply(&cm_file, &mut report)?;
    add(
        ids::ETH_SUPPLY_CM,
        &cm_file,
        supply,
        meta(
            "ETH supply, measured (Coin Metrics SplyCur)",
            "ETH",
            "coinmetrics",
            false,
            Some("Current ETH supply on the first day of each month (plus 2025-12-20), to 0.001 ETH; the source's empty 2025-12-21 row is left out."),
        ),
    )?;

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
    let (snapshot, text) = output::finish(snapshot).map_err(|e| BuildError::new(raw, Location::File, e))?;
    Ok(Built {
        snapshot,
        text,
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

/// The five providers and how the page credits them.
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
            "coinmetrics".to_owned(),
            p(
                "Coin Metrics",
                "Coin Metrics",
                "CC BY-NC 4.0 (Coin Metrics community data): attribution, non-commercial use",
                "https://coinmetrics.io/community-network-data/",
            ),
        ),
        (
            "fred".to_owned(),
            p(
                "FRED (Federal Reserve Bank of St. Louis)",
                "FRED",
                "Public domain (US Treasury via FRED)",
                "https://fred.stlouisfed.org",
            ),
        ),
    ])
}
