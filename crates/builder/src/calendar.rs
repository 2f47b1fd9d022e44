//! The US market calendar, read off the trading days of a US-listed fund.

use repricing_core::resample::is_weekend;
use repricing_core::Date;
use std::collections::BTreeSet;

/// US market days as observed in a fund's price history (SPY's Yahoo closes): a weekday
/// without a close, inside the covered span, was a market holiday.
pub struct MarketCalendar {
    open: BTreeSet<Date>,
    first: Option<Date>,
    last: Option<Date>,
}

impl MarketCalendar {
    /// The calendar of the given trading days.
    pub fn from_trading_days(days: &[Date]) -> Self {
        let open: BTreeSet<Date> = days.iter().copied().collect();
        Self {
            first: open.first().copied(),
            last: open.last().copied(),
            open,
        }
    }

    /// `Some(true)` on a market day, `Some(false)` on a weekend or holiday, `None` outside
    /// the span the calendar covers.
    pub fn is_open(&self, date: Date) -> Option<bool> {
        match (self.first, self.last) {
            (Some(first), Some(last)) if first <= date && date <= last => Some(self.open.contains(&date)),
            _ => None,
        }
    }

    /// Weekdays in `[from, to]` on which markets were closed.
    pub fn holidays_between(&self, from: Date, to: Date) -> Vec<Date> {
        let mut out = Vec::new();
        let mut d = from;
        while d <= to {
            if !is_weekend(d) && self.is_open(d) == Some(false) {
                out.push(d);
            }
            match d.next_day() {
                Some(next) => d = next,
                None => break,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn holidays_are_weekdays_without_a_close() {
        // 2024-01-12 Fri, 2024-01-15 Mon (MLK day, closed), 2024-01-16 Tue.
        let cal = MarketCalendar::from_trading_days(&[date!(2024 - 01 - 12), date!(2024 - 01 - 16)]);
        assert_eq!(cal.is_open(date!(2024 - 01 - 15)), Some(false));
        assert_eq!(cal.is_open(date!(2024 - 01 - 16)), Some(true));
        assert_eq!(cal.is_open(date!(2024 - 01 - 17)), None);
        assert_eq!(
            cal.holidays_between(date!(2024 - 01 - 12), date!(2024 - 01 - 16)),
            vec![date!(2024 - 01 - 15)]
        );
    }
}
