//! Joining series with different calendars onto one date axis.
//!
//! **The alignment rule.** Crypto trades every calendar day; US funds trade on US market
//! days. For a joint statistic both are sampled on the US market days: each column takes
//! its own close dated that same day (for crypto, Yahoo's UTC-midnight close of that
//! date, a few hours after the 16:00 New York close), and a day on which a column has no
//! observation is a gap in that column — nothing is carried forward. Returns computed
//! afterwards span the same interval for every column (a Monday return covers Friday →
//! Monday for stocks and crypto alike, so crypto's weekend moves land in Monday's return).

use crate::snapshot::Series;
use time::Date;

/// The values of `series` on each of `axis`'s dates: the observation dated exactly that
/// day, or `None` where the series has no observation or a gap.
pub fn sample_on(axis: &[Date], series: &Series) -> Vec<Option<f64>> {
    let dates = series.dates();
    let values = series.values();
    let mut out = Vec::with_capacity(axis.len());
    let mut j = 0;
    for d in axis {
        // Both sides ascend: one merge pass.
        while dates.get(j).is_some_and(|x| x < d) {
            j += 1;
        }
        out.push(match dates.get(j) {
            Some(x) if x == d => values.get(j).copied().flatten(),
            _ => None,
        });
    }
    out
}

/// Indices `[start, end)` of the dates within `[from, to]` (both inclusive).
pub fn range_indices(dates: &[Date], from: Date, to: Date) -> (usize, usize) {
    let start = dates.partition_point(|d| *d < from);
    let end = dates.partition_point(|d| *d <= to);
    (start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{Axis, Meta};
    use time::macros::date;

    fn series(dates: Vec<Date>, values: Vec<Option<f64>>) -> Series {
        let meta = Meta {
            label: "t".into(),
            unit: "USD".into(),
            provider: "yahoo".into(),
            last_provisional: false,
            note: None,
        };
        Series::new("t", meta, Axis::new("t", dates).unwrap(), values).unwrap()
    }

    #[test]
    fn crypto_is_sampled_on_market_days_without_carrying_forward() {
        // Fri 2024-01-05 .. Tue 2024-01-09, crypto every day but Monday missing.
        let crypto = series(
            vec![
                date!(2024 - 01 - 05),
                date!(2024 - 01 - 06),
                date!(2024 - 01 - 07),
                date!(2024 - 01 - 09),
            ],
            vec![Some(1.0), Some(2.0), Some(3.0), Some(5.0)],
        );
        let market = [
            date!(2024 - 01 - 04),
            date!(2024 - 01 - 05),
            date!(2024 - 01 - 08),
            date!(2024 - 01 - 09),
        ];
        assert_eq!(
            sample_on(&market, &crypto),
            vec![None, Some(1.0), None, Some(5.0)]
        );
    }

    #[test]
    fn range_is_inclusive() {
        let d = [
            date!(2024 - 01 - 01),
            date!(2024 - 01 - 03),
            date!(2024 - 01 - 05),
        ];
        assert_eq!(
            range_indices(&d, date!(2024 - 01 - 02), date!(2024 - 01 - 05)),
            (1, 3)
        );
        assert_eq!(
            range_indices(&d, date!(2024 - 01 - 06), date!(2024 - 01 - 09)),
            (3, 3)
        );
        assert_eq!(
            range_indices(&d, date!(2024 - 01 - 05), date!(2024 - 01 - 01)),
            (2, 2)
        );
    }
}
