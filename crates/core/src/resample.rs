//! Resampling a dated column to weeks or months.
//!
//! Flows are summed (US$ m per week is the sum of the days), rates are averaged (ETH burned
//! per day over a month is the mean of its days). A bucket holding a gap is a gap: a sum
//! or mean over missing days would be a made-up number. Days absent from the axis (market
//! holidays, weekends) are not gaps, they simply are not there.

use time::{Date, Duration, Weekday};

/// Bucket length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Period {
    /// One bucket per date (no resampling).
    #[default]
    Day,
    /// Monday-to-Sunday weeks.
    Week,
    /// Calendar months.
    Month,
}

/// How the values in a bucket combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregate {
    /// Total (flows).
    Sum,
    /// Average per observation (rates).
    Mean,
}

/// One resampled value.
#[derive(Debug, Clone, PartialEq)]
pub struct Bucket {
    /// First calendar day of the period (Monday, the 1st, or the date itself).
    pub start: Date,
    /// First observation in the bucket.
    pub first: Date,
    /// Last observation in the bucket.
    pub last: Date,
    /// The aggregate, `None` when any observation in the bucket is a gap.
    pub value: Option<f64>,
    /// Observations in the bucket.
    pub observations: usize,
}

/// First calendar day of the period containing `date`.
pub fn period_start(date: Date, period: Period) -> Date {
    match period {
        Period::Day => date,
        Period::Week => {
            let back = i64::from(date.weekday().number_days_from_monday());
            date.checked_sub(Duration::days(back)).unwrap_or(date)
        }
        Period::Month => date.replace_day(1).unwrap_or(date),
    }
}

/// Groups `(dates[i], values[i])` into periods and aggregates each; dates ascending.
/// Pairs beyond the shorter input are ignored.
pub fn resample(dates: &[Date], values: &[Option<f64>], period: Period, how: Aggregate) -> Vec<Bucket> {
    let mut out: Vec<Bucket> = Vec::new();
    let mut acc = (0.0, false); // (sum, saw a gap)
    for (&date, &value) in dates.iter().zip(values) {
        let start = period_start(date, period);
        match out.last_mut() {
            Some(b) if b.start == start => {
                b.last = date;
                b.observations += 1;
            }
            _ => {
                close(out.last_mut(), acc, how);
                acc = (0.0, false);
                out.push(Bucket {
                    start,
                    first: date,
                    last: date,
                    value: None,
                    observations: 1,
                });
            }
        }
        match value {
            Some(v) => acc.0 += v,
            None => acc.1 = true,
        }
    }
    close(out.last_mut(), acc, how);
    out
}

fn close(bucket: Option<&mut Bucket>, (sum, gap): (f64, bool), how: Aggregate) {
    if let Some(b) = bucket {
        b.value = (!gap).then(|| match how {
            Aggregate::Sum => sum,
            Aggregate::Mean => sum / b.observations as f64,
        });
    }
}

/// Whether `date` is a Saturday or Sunday.
pub fn is_weekend(date: Date) -> bool {
    matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn days() -> Vec<Date> {
        // Thu 2025-10-30 .. Tue 2025-11-04, skipping the weekend.
        vec![
            date!(2025 - 10 - 30),
            date!(2025 - 10 - 31),
            date!(2025 - 11 - 03),
            date!(2025 - 11 - 04),
        ]
    }

    #[test]
    fn weeks_start_on_monday_and_sum() {
        let b = resample(
            &days(),
            &[Some(1.0), Some(2.0), Some(3.0), Some(4.5)],
            Period::Week,
            Aggregate::Sum,
        );
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].start, date!(2025 - 10 - 27));
        assert_eq!((b[0].value, b[0].observations), (Some(3.0), 2));
        assert_eq!(b[1].start, date!(2025 - 11 - 03));
        assert_eq!(
            (b[1].first, b[1].last),
            (date!(2025 - 11 - 03), date!(2025 - 11 - 04))
        );
        assert_eq!(b[1].value, Some(7.5));
    }

    #[test]
    fn months_average_and_gaps_poison_their_bucket_only() {
        let b = resample(
            &days(),
            &[Some(1.0), None, Some(3.0), Some(4.0)],
            Period::Month,
            Aggregate::Mean,
        );
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].start, date!(2025 - 10 - 01));
        assert_eq!(b[0].value, None);
        assert_eq!(b[1].value, Some(3.5));
    }

    #[test]
    fn day_period_is_identity() {
        let v = [Some(1.0), None, Some(3.0), Some(4.0)];
        let b = resample(&days(), &v, Period::Day, Aggregate::Sum);
        assert_eq!(b.iter().map(|b| b.value).collect::<Vec<_>>(), v.to_vec());
        assert!(resample(&[], &[], Period::Week, Aggregate::Sum).is_empty());
    }

    #[test]
    fn weekends() {
        assert!(is_weekend(date!(2025 - 11 - 01)));
        assert!(!is_weekend(date!(2025 - 11 - 03)));
    }
}
