//! What a plausible value of each series is, and how a series is named to readers.
//!
//! Plausibility is part of validation: a value outside its series' bounds is not data the
//! page can draw (one ETH burn of 1e308 would turn every sum after it into +inf). Such a
//! value is set aside as a gap with a note naming it; a series with more than
//! [`max_set_aside`] such values is refused as a whole. The bounds are deliberately wide:
//! they catch corruption and absurdity, not surprising markets.

use super::ids;

/// Lowest plausible price, USD: one cent. Prices are positive, and a price near zero (a
/// subnormal such as `1e-320`) is corruption that would turn a log return into −700.
pub const PRICE_MIN_USD: f64 = 0.01;
/// Highest plausible bitcoin close, USD (≈ 80× its all-time high in the data).
pub const BTC_PRICE_MAX_USD: f64 = 10_000_000.0;
/// Highest plausible ether close, USD (≈ 200× its all-time high in the data).
pub const ETH_PRICE_MAX_USD: f64 = 1_000_000.0;
/// Highest plausible close of an exchange-traded fund share (QQQ, SPY, GLD, DBC), USD.
pub const FUND_PRICE_MAX_USD: f64 = 100_000.0;
/// Lowest plausible 10-year Treasury yield, percent.
pub const YIELD_MIN_PCT: f64 = -5.0;
/// Highest plausible 10-year Treasury yield, percent.
pub const YIELD_MAX_PCT: f64 = 30.0;
/// Highest plausible ETH burned in one day, ETH (the record day burned ≈ 72,000).
pub const BURN_MAX_ETH: f64 = 1_000_000.0;
/// Highest plausible value of one day's burn, USD.
pub const BURN_MAX_USD: f64 = 10_000_000_000.0;
/// Highest plausible fees paid in one day, ETH.
pub const FEES_MAX_ETH: f64 = 1_000_000.0;
/// Highest plausible ETH deposited for staking, ETH (more than the whole supply, ≈ 120 M).
pub const STAKED_MAX_ETH: f64 = 200_000_000.0;
/// Largest plausible daily net flow of one fund or of all funds together, US$ millions
/// (the record day of all US spot bitcoin ETFs together is ≈ 1,400).
pub const FLOW_MAX_ABS_USD_M: f64 = 20_000.0;
/// Largest magnitude accepted in a series this page does not know: finite sums of a few
/// thousand such values stay far from overflow.
pub const OTHER_MAX_ABS: f64 = 1e12;
/// Largest accepted gap between a flow table's stated total and the sum of its funds,
/// US$ millions: each cell is published to 0.1, as the builder enforces.
pub const TOTAL_TOLERANCE_USD_M: f64 = 0.1;

/// Most values (or flow rows) a series may have set aside and still be drawn: 1 % of its
/// entries, and at least one. Beyond that the series is refused.
pub fn max_set_aside(entries: usize) -> usize {
    (entries / 100).max(1)
}

/// The closed interval plausible values of a series lie in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// Lower bound, inclusive.
    pub low: f64,
    /// Upper bound, inclusive.
    pub high: f64,
}

impl Bounds {
    const fn closed(low: f64, high: f64) -> Self {
        Self { low, high }
    }

    const fn price(high: f64) -> Self {
        Self::closed(PRICE_MIN_USD, high)
    }

    /// Whether `v` is finite and within the bounds.
    pub fn contains(&self, v: f64) -> bool {
        v.is_finite() && v >= self.low && v <= self.high
    }
}

/// How a series is named and bounded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Kind {
    /// Noun phrase for readers, e.g. "bitcoin price series".
    pub name: &'static str,
    /// What one value is, e.g. "close", "burn".
    pub quantity: &'static str,
    /// Unit of one value.
    pub unit: &'static str,
    /// Plausible values.
    pub bounds: Bounds,
}

const fn kind(name: &'static str, quantity: &'static str, unit: &'static str, bounds: Bounds) -> Kind {
    Kind {
        name,
        quantity,
        unit,
        bounds,
    }
}

/// The kind of the series `id` (a key of the snapshot's `series`). A series this page does
/// not know is bounded by [`OTHER_MAX_ABS`].
pub fn series_kind(id: &str) -> Kind {
    match id {
        ids::BTC_USD => kind(
            "bitcoin price series",
            "close",
            "USD",
            Bounds::price(BTC_PRICE_MAX_USD),
        ),
        ids::ETH_USD => kind(
            "ether price series",
            "close",
            "USD",
            Bounds::price(ETH_PRICE_MAX_USD),
        ),
        ids::QQQ => kind(
            "Nasdaq-100 (QQQ) price series",
            "close",
            "USD",
            Bounds::price(FUND_PRICE_MAX_USD),
        ),
        ids::GLD => kind(
            "gold (GLD) price series",
            "close",
            "USD",
            Bounds::price(FUND_PRICE_MAX_USD),
        ),
        ids::SPY => kind(
            "S&P 500 (SPY) price series",
            "close",
            "USD",
            Bounds::price(FUND_PRICE_MAX_USD),
        ),
        ids::DBC => kind(
            "commodities (DBC) price series",
            "close",
            "USD",
            Bounds::price(FUND_PRICE_MAX_USD),
        ),
        ids::DGS10 => kind(
            "10-year Treasury yield series",
            "yield",
            "%",
            Bounds::closed(YIELD_MIN_PCT, YIELD_MAX_PCT),
        ),
        ids::ETH_BURN => kind(
            "ETH burn series",
            "burn",
            "ETH",
            Bounds::closed(0.0, BURN_MAX_ETH),
        ),
        ids::ETH_BURN_USD => kind(
            "ETH burn in US dollars series",
            "burn",
            "USD",
            Bounds::closed(0.0, BURN_MAX_USD),
        ),
        ids::ETH_FEES => kind(
            "Ethereum fees series",
            "fees",
            "ETH",
            Bounds::closed(0.0, FEES_MAX_ETH),
        ),
        ids::ETH_STAKED => kind(
            "ETH staked series",
            "staked",
            "ETH",
            Bounds::closed(0.0, STAKED_MAX_ETH),
        ),
        _ => kind(
            "series",
            "value",
            "",
            Bounds::closed(-OTHER_MAX_ABS, OTHER_MAX_ABS),
        ),
    }
}

/// The kind of the flow table `id` (a key of the snapshot's `etf_flows`); every fund cell
/// and every total is bounded by [`FLOW_MAX_ABS_USD_M`].
pub fn flow_kind(id: &str) -> Kind {
    let bounds = Bounds::closed(-FLOW_MAX_ABS_USD_M, FLOW_MAX_ABS_USD_M);
    match id {
        ids::FLOWS_BTC => kind("bitcoin ETF flow table", "flow", "US$ m", bounds),
        ids::FLOWS_ETH => kind("ether ETF flow table", "flow", "US$ m", bounds),
        _ => kind("ETF flow table", "flow", "US$ m", bounds),
    }
}

/// Reader name of a series or table key as errors carry it (`etf_flows.<id>` for tables).
pub(crate) fn reader_name(key: &str) -> String {
    // Flow tables are keyed `etf_flows.<id>` in errors from a file, bare in the builder's.
    let kind = match key.strip_prefix("etf_flows.") {
        Some(table) => flow_kind(table),
        None if key == ids::FLOWS_BTC || key == ids::FLOWS_ETH => flow_kind(key),
        None => series_kind(key),
    };
    match kind.name {
        "series" | "ETF flow table" => format!("{} `{key}`", kind.name),
        name => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_exclude_zero_prices_but_not_zero_burn() {
        let price = series_kind(ids::BTC_USD).bounds;
        assert!(!price.contains(0.0) && !price.contains(-1.0) && price.contains(0.01));
        assert!(!price.contains(1e-320));
        assert!(!price.contains(f64::INFINITY) && !price.contains(f64::NAN));
        let burn = series_kind(ids::ETH_BURN).bounds;
        assert!(burn.contains(0.0) && !burn.contains(-0.001) && !burn.contains(1e308));
        assert!(series_kind(ids::DGS10).bounds.contains(-0.5));
        assert!(!flow_kind(ids::FLOWS_BTC).bounds.contains(-20_000.5));
    }

    #[test]
    fn allowance_is_one_percent_and_at_least_one() {
        assert_eq!(max_set_aside(4), 1);
        assert_eq!(max_set_aside(3155), 31);
    }

    #[test]
    fn names_for_readers() {
        assert_eq!(reader_name("btc_usd"), "bitcoin price series");
        assert_eq!(reader_name("etf_flows.eth"), "ether ETF flow table");
        assert_eq!(reader_name("btc"), "bitcoin ETF flow table");
        assert_eq!(reader_name("zzz"), "series `zzz`");
    }
}
