//! A **model** of daily ETH issuance. No provider publishes a daily issuance series, so
//! the page computes one and labels it "model".
//!
//! - Proof of work, before the Merge (2022-09-15): a constant
//!   [`POW_ISSUANCE_ETH_PER_DAY`] — 2 ETH per block at about 6,450–6,500 blocks a day plus
//!   uncle rewards, which put actual issuance at about 13,500–14,400 ETH/day.
//! - Proof of stake, from the Merge day on: the consensus-layer reward curve, yearly
//!   issuance ≈ [`POS_ISSUANCE_COEFFICIENT`] × √(ETH staked), spread evenly over
//!   365.25 days. The stake is CryptoQuant's "Total Value Staked", which counts cumulative
//!   deposits and is not net of withdrawals (possible since April 2023), so it overstates
//!   the active stake and the model runs a few percent high in 2024–25.
//!
//! The Merge happened at 06:42 UTC on 2022-09-15; the model switches regime at the start
//! of that day.

use time::macros::date;
use time::Date;

/// EIP-1559 (London hard fork) went live: the burn starts.
pub const LONDON: Date = date!(2021 - 08 - 05);
/// The Merge: proof of stake replaces proof of work.
pub const MERGE: Date = date!(2022 - 09 - 15);
/// Modelled proof-of-work issuance, ETH per day.
pub const POW_ISSUANCE_ETH_PER_DAY: f64 = 14_000.0;
/// Yearly proof-of-stake issuance per √(ETH staked).
pub const POS_ISSUANCE_COEFFICIENT: f64 = 166.3;
/// Days per year used to spread the yearly reward.
pub const DAYS_PER_YEAR: f64 = 365.25;

/// Modelled issuance on `date`, ETH; `staked_eth` is needed from the Merge on and a gap
/// there gives a gap.
pub fn issuance_eth_per_day(date: Date, staked_eth: Option<f64>) -> Option<f64> {
    if date < MERGE {
        Some(POW_ISSUANCE_ETH_PER_DAY)
    } else {
        staked_eth
            .filter(|s| *s >= 0.0)
            .map(|s| POS_ISSUANCE_COEFFICIENT * s.sqrt() / DAYS_PER_YEAR)
    }
}

/// [`issuance_eth_per_day`] for each date.
pub fn issuance_series(dates: &[Date], staked_eth: &[Option<f64>]) -> Vec<Option<f64>> {
    dates
        .iter()
        .zip(staked_eth)
        .map(|(d, s)| issuance_eth_per_day(*d, *s))
        .collect()
}

/// Net supply change per day: issuance − burn; a gap in either is a gap.
pub fn net_supply_change(issuance_eth: &[Option<f64>], burn_eth: &[Option<f64>]) -> Vec<Option<f64>> {
    issuance_eth
        .iter()
        .zip(burn_eth)
        .map(|(i, b)| Some((*i)? - (*b)?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regime_switches_on_merge_day() {
        let before = date!(2022 - 09 - 14);
        assert_eq!(issuance_eth_per_day(before, None), Some(14_000.0));
        assert_eq!(issuance_eth_per_day(MERGE, None), None);
        // 14M ETH staked at the Merge: 166.3 × √14e6 / 365.25 ≈ 1,704 ETH/day.
        let at_merge = issuance_eth_per_day(MERGE, Some(14.0e6)).unwrap();
        assert!((at_merge - 1703.6).abs() < 1.0, "{at_merge}");
        // The Merge cut issuance by roughly 88%.
        assert!(at_merge / POW_ISSUANCE_ETH_PER_DAY < 0.13);
    }

    #[test]
    fn issuance_grows_with_the_square_root_of_stake() {
        let a = issuance_eth_per_day(MERGE, Some(9.0e6)).unwrap();
        let b = issuance_eth_per_day(MERGE, Some(36.0e6)).unwrap();
        assert!((b / a - 2.0).abs() < 1e-12);
    }

    #[test]
    fn net_supply_is_issuance_minus_burn() {
        let net = net_supply_change(
            &[Some(2600.0), Some(2600.0), None],
            &[Some(100.0), None, Some(1.0)],
        );
        assert_eq!(net, vec![Some(2500.0), None, None]);
        let dates = [date!(2022 - 09 - 14), MERGE];
        assert_eq!(issuance_series(&dates, &[None, None]), vec![Some(14_000.0), None]);
    }
}
