//! Ethereum fees and the burn: what share of the fees paid was burned, and the burn in
//! US dollars. Pure functions over aligned columns; gaps stay gaps.
//!
//! The burn (EIP-1559 base fee) is part of the fees (base fee + tips), so the share lies
//! in [0, 1] on sound data; a value above 1 is passed through, not clamped, so bad data
//! stay visible. Over a week or a month the share is Σ burn / Σ fees (the fees-weighted
//! share), not the mean of daily shares.

use crate::align::sample_on;
use crate::resample::{resample, Aggregate, Period};
use crate::snapshot::ids;
use crate::{Snapshot, SnapshotError};
use time::Date;

/// Share of the fees burned per day, `burn / fees`; `None` where either is missing or the
/// fees are not positive. The output has the length of `burn_eth`.
pub fn share_of_fees_burned(burn_eth: &[Option<f64>], fees_eth: &[Option<f64>]) -> Vec<Option<f64>> {
    burn_eth
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let f = fees_eth.get(i).copied().flatten().filter(|f| *f > 0.0)?;
            Some((*b)? / f)
        })
        .collect()
}

/// One period's share of fees burned.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeriodShare {
    /// First calendar day of the period.
    pub start: Date,
    /// Σ burn / Σ fees over the period; `None` if a day in it lacks either, or the fees
    /// sum to zero.
    pub share: Option<f64>,
}

/// The share of fees burned per week or month (Σ burn / Σ fees), on `dates`.
pub fn share_of_fees_burned_by(
    dates: &[Date],
    burn_eth: &[Option<f64>],
    fees_eth: &[Option<f64>],
    period: Period,
) -> Vec<PeriodShare> {
    // A day where only one of the two is known would bias the ratio: blank both.
    let paired: Vec<(Option<f64>, Option<f64>)> = burn_eth
        .iter()
        .enumerate()
        .map(|(i, b)| match (*b, fees_eth.get(i).copied().flatten()) {
            (Some(b), Some(f)) => (Some(b), Some(f)),
            _ => (None, None),
        })
        .collect();
    let burn: Vec<Option<f64>> = paired.iter().map(|p| p.0).collect();
    let fees: Vec<Option<f64>> = paired.iter().map(|p| p.1).collect();
    let burned = resample(dates, &burn, period, Aggregate::Sum);
    let paid = resample(dates, &fees, period, Aggregate::Sum);
    burned
        .iter()
        .zip(&paid)
        .map(|(b, f)| PeriodShare {
            start: b.start,
            share: b.value.zip(f.value.filter(|f| *f > 0.0)).map(|(b, f)| b / f),
        })
        .collect()
}

/// The fee columns on the burn's dates (from London on).
#[derive(Debug, Clone, PartialEq)]
pub struct FeeData {
    /// Days, ascending (the burn series' dates).
    pub dates: Vec<Date>,
    /// ETH burned per day.
    pub burn_eth: Vec<Option<f64>>,
    /// ETH burned per day, in US dollars (CryptoQuant's own conversion).
    pub burn_usd: Vec<Option<f64>>,
    /// All fees paid per day, ETH.
    pub fees_eth: Vec<Option<f64>>,
    /// Share of the fees burned per day ([`share_of_fees_burned`]).
    pub share_burned: Vec<Option<f64>>,
}

impl FeeData {
    /// Reads [`ids::ETH_BURN`], [`ids::ETH_BURN_USD`] and [`ids::ETH_FEES`], sampled on the
    /// burn's dates (a date missing in one series is a gap there).
    ///
    /// # Errors
    /// The error of a missing or invalid series.
    pub fn from_snapshot(snapshot: &Snapshot) -> Result<Self, SnapshotError> {
        let burn = snapshot.series(ids::ETH_BURN)?;
        let dates = burn.dates().to_vec();
        let burn_eth = burn.values().to_vec();
        let burn_usd = sample_on(&dates, snapshot.series(ids::ETH_BURN_USD)?);
        let fees_eth = sample_on(&dates, snapshot.series(ids::ETH_FEES)?);
        let share_burned = share_of_fees_burned(&burn_eth, &fees_eth);
        Ok(Self {
            dates,
            burn_eth,
            burn_usd,
            fees_eth,
            share_burned,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn daily_share_with_gaps_and_zero_fees() {
        let burn = [Some(80.0), None, Some(10.0), Some(5.0), Some(3.0)];
        let fees = [Some(100.0), Some(50.0), None, Some(0.0)];
        assert_eq!(
            share_of_fees_burned(&burn, &fees),
            vec![Some(0.8), None, None, None, None]
        );
    }

    #[test]
    fn monthly_share_is_weighted_by_fees() {
        let dates = [
            date!(2024 - 01 - 30),
            date!(2024 - 01 - 31),
            date!(2024 - 02 - 01),
            date!(2024 - 02 - 02),
        ];
        let burn = [Some(90.0), Some(1.0), Some(5.0), None];
        let fees = [Some(100.0), Some(10.0), Some(10.0), Some(10.0)];
        let m = share_of_fees_burned_by(&dates, &burn, &fees, Period::Month);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].start, date!(2024 - 01 - 01));
        // (90 + 1) / (100 + 10), not the mean of 0.9 and 0.1.
        assert!((m[0].share.unwrap() - 91.0 / 110.0).abs() < 1e-15);
        assert_eq!(m[1].share, None, "February has a day without a burn");
    }

    #[test]
    fn fee_data_from_a_snapshot() {
        use serde_json::json;
        let meta = |unit: &str, first: &str| json!({"label": "x", "unit": unit, "provider": "p", "first": first, "last": "2024-01-03", "last_provisional": false});
        let axis = json!({"start": "2024-01-01", "day_steps": [1, 1]});
        let text = json!({
            "schema_version": 1, "as_of": "2024-01-03",
            "providers": {"p": {"name": "P", "attribution": "P", "licence": "l", "url": "u"}},
            "series": {
                "eth_burn": {"meta": meta("ETH", "2024-01-01"), "axis": axis, "values": [50.0, 60.0, null]},
                "eth_burn_usd": {"meta": meta("USD", "2024-01-01"), "axis": axis, "values": [1.0e5, 1.2e5, 1.0e5]},
                "eth_fees": {"meta": meta("ETH", "2024-01-02"), "axis": {"start": "2024-01-02", "day_steps": [1]}, "values": [120.0, 100.0]}
            },
            "etf_flows": {}, "market_holidays": [], "events": []
        });
        let s = Snapshot::from_raw(serde_json::from_value(text).unwrap()).unwrap();
        let f = FeeData::from_snapshot(&s).unwrap();
        assert_eq!(f.fees_eth, vec![None, Some(120.0), Some(100.0)]);
        assert_eq!(f.share_burned, vec![None, Some(0.5), None]);
        assert_eq!(f.burn_usd[0], Some(1.0e5));
    }
}
