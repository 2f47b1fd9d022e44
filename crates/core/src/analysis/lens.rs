//! The event lens: what changed around a date, in windows of N market days either side.
//!
//! **The windows.** On a market-day calendar (US trading days), the *before* window is the
//! N market days ending on the last market day before the event date; the *after* window
//! is the N market days starting on the event date (or, when the event falls on a day
//! without trading, on the next market day). The event day therefore belongs to *after*.
//!
//! **The measures**, each with its n (days it rests on):
//! - *Net ETF flows* (bitcoin, ether): the sum of the daily totals (US$ m) over the
//!   window's market days; n = N.
//! - *Bitcoin's return*: the log return from the close of the market day before the window
//!   to the close of its last day — the sum of the window's N daily log returns, so the
//!   before and after returns abut at the close before the event and the event day's move
//!   is in *after*. The simple return is `exp(x) − 1`. It needs a close on each of those
//!   N + 1 market days (the close dated that day, as [`crate::align::sample_on`]); n = N.
//! - *ETH burn*: burn is measured every calendar day, so its windows count **calendar
//!   days**: the N days before the event date and the N days from it on; the mean burn per
//!   day (ETH); n = N.
//! - *Rolling correlations*: the mean of each selected counterpart's rolling correlation
//!   (as plotted, on the market calendar) over the window's market days; n = N. A rolling
//!   value trails: early in *after* it still rests mostly on days before the event.
//!
//! **Coverage.** A measure is given only when its series covers the whole window: a value
//! on every day it needs. Otherwise it is [`NotCovered`] with the reason (the calendar has
//! too few days on that side, the series starts later or ends earlier than the window,
//! or some days in the window have no value), so the page can say why in words. No measure
//! is ever computed from part of a window.

use crate::date::add_days;
use crate::snapshot::{FlowTable, Series};
use time::Date;

/// The lens widths offered, in market days either side.
pub const LENS_DAYS: [usize; 3] = [5, 20, 60];

/// Why a measure has no value for a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotCovered {
    /// The calendar has only `available` of the `needed` days on this side of the event
    /// (a return also needs the market day before its window).
    Calendar {
        /// Days the measure needs on this side.
        needed: usize,
        /// Days the calendar has there.
        available: usize,
    },
    /// The series begins on `first`, after the window starts.
    StartsLater {
        /// The series' first date with a value.
        first: Date,
    },
    /// The series ends on `last`, before the window ends.
    EndsEarlier {
        /// The series' last date with a value.
        last: Date,
    },
    /// `days` of the `of` days the window needs have no value.
    Missing {
        /// Days without a value.
        days: usize,
        /// Days needed.
        of: usize,
    },
    /// The series could not be read at all.
    NoData,
}

/// A window of market days on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Index of the first day on the calendar.
    pub start_index: usize,
    /// Index of the last day (inclusive).
    pub end_index: usize,
    /// First day.
    pub first: Date,
    /// Last day (inclusive).
    pub last: Date,
}

/// A measure over a whole window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measured {
    /// The value (a sum, a log return or a mean: see the field of [`Lens`] it is in).
    pub value: f64,
    /// Days it rests on.
    pub n: usize,
    /// First day the measure reads (for a return: the close it starts from).
    pub first: Date,
    /// Last day it reads (inclusive).
    pub last: Date,
}

/// A measure, or why there is none.
pub type Measure = Result<Measured, NotCovered>;

/// A measure before and after the event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BeforeAfter {
    /// Over the before window.
    pub before: Measure,
    /// Over the after window.
    pub after: Measure,
}

/// Daily ETF flows: trading days and totals (US$ m), index for index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Flows<'a> {
    /// Trading days with a row.
    pub dates: &'a [Date],
    /// Net flow of all funds, US$ m.
    pub usd_m: &'a [f64],
}

impl<'a> From<&'a FlowTable> for Flows<'a> {
    fn from(t: &'a FlowTable) -> Self {
        Self {
            dates: t.dates(),
            usd_m: t.total_usd_m(),
        }
    }
}

/// What the lens reads; a series that could not be read is `None` (its measures are
/// [`NotCovered::NoData`]).
#[derive(Debug, Clone, PartialEq)]
pub struct LensInputs<'a, K> {
    /// US market days, strictly increasing.
    pub calendar: &'a [Date],
    /// Bitcoin closes (every calendar day; sampled on the calendar).
    pub btc: Option<&'a Series>,
    /// Bitcoin ETF flows.
    pub btc_flows: Option<Flows<'a>>,
    /// Ether ETF flows.
    pub eth_flows: Option<Flows<'a>>,
    /// ETH burned per calendar day.
    pub burn_eth: Option<&'a Series>,
    /// Rolling correlations on the calendar (index for index), with a key for each.
    pub correlations: Vec<(K, &'a [Option<f64>])>,
}

/// The lens around one event.
#[derive(Debug, Clone, PartialEq)]
pub struct Lens<K> {
    /// The event date.
    pub event: Date,
    /// N, market days either side.
    pub days: usize,
    /// The before window on the calendar.
    pub before: Result<Span, NotCovered>,
    /// The after window on the calendar.
    pub after: Result<Span, NotCovered>,
    /// Sum of bitcoin ETF net flows, US$ m.
    pub btc_flows_usd_m: BeforeAfter,
    /// Sum of ether ETF net flows, US$ m.
    pub eth_flows_usd_m: BeforeAfter,
    /// Bitcoin's log return over the window.
    pub btc_log_return: BeforeAfter,
    /// Mean ETH burned per calendar day.
    pub burn_eth_per_day: BeforeAfter,
    /// Mean rolling correlation per counterpart.
    pub correlations: Vec<(K, BeforeAfter)>,
}

/// The before and after windows of `days` market days around `event` on `calendar` (the
/// rule in the module doc). A `days` of 0 counts as 1.
pub fn market_windows(
    calendar: &[Date],
    event: Date,
    days: usize,
) -> (Result<Span, NotCovered>, Result<Span, NotCovered>) {
    let days = days.max(1);
    let split = calendar.partition_point(|d| *d < event);
    let span = |start: usize| {
        let end = start + days - 1;
        Some(Span {
            start_index: start,
            end_index: end,
            first: *calendar.get(start)?,
            last: *calendar.get(end)?,
        })
    };
    let before = split
        .checked_sub(days)
        .and_then(span)
        .ok_or(NotCovered::Calendar {
            needed: days,
            available: split,
        });
    let after = span(split).ok_or(NotCovered::Calendar {
        needed: days,
        available: calendar.len() - split,
    });
    (before, after)
}

/// The values of a dated column on each of `window`'s dates, or why not: the column's
/// range must hold the window and every day of it must have a value.
fn values_on(
    window: &[Date],
    dates: &[Date],
    value: impl Fn(usize) -> Option<f64>,
) -> Result<Vec<f64>, NotCovered> {
    let (Some(first), Some(last)) = (dates.first(), dates.last()) else {
        return Err(NotCovered::NoData);
    };
    let (Some(w_first), Some(w_last)) = (window.first(), window.last()) else {
        return Err(NotCovered::NoData);
    };
    if w_first < first {
        return Err(NotCovered::StartsLater { first: *first });
    }
    if w_last > last {
        return Err(NotCovered::EndsEarlier { last: *last });
    }
    let found: Vec<Option<f64>> = window
        .iter()
        .map(|d| dates.binary_search(d).ok().and_then(&value))
        .collect();
    let missing = found.iter().filter(|v| v.is_none()).count();
    if missing > 0 {
        return Err(NotCovered::Missing {
            days: missing,
            of: window.len(),
        });
    }
    Ok(found.into_iter().flatten().collect())
}

fn measured(window: &[Date], value: f64) -> Measure {
    match (window.first(), window.last()) {
        (Some(first), Some(last)) => Ok(Measured {
            value,
            n: window.len(),
            first: *first,
            last: *last,
        }),
        _ => Err(NotCovered::NoData),
    }
}

/// The dates of `span` on `calendar`.
fn span_dates(calendar: &[Date], span: &Span) -> Result<Vec<Date>, NotCovered> {
    calendar
        .get(span.start_index..=span.end_index)
        .map(<[Date]>::to_vec)
        .ok_or(NotCovered::NoData)
}

/// Sum of net flows over the window's market days (the rule in the module doc).
pub fn flow_sum(calendar: &[Date], span: &Result<Span, NotCovered>, flows: Option<Flows<'_>>) -> Measure {
    let span = (*span)?;
    let flows = flows.ok_or(NotCovered::NoData)?;
    let window = span_dates(calendar, &span)?;
    let len = flows.dates.len().min(flows.usd_m.len());
    let dates = flows.dates.get(..len).unwrap_or_default();
    let values = values_on(&window, dates, |i| flows.usd_m.get(i).copied())?;
    measured(&window, values.iter().sum())
}

/// Log return from the close of the market day before the window to the close of its last
/// day (the rule in the module doc). Its `first` is the day of the starting close and its
/// `n` the N daily returns it spans. With no market day before the window the calendar
/// lacks the starting close: [`NotCovered::Calendar`] with `needed` N + 1 closes.
pub fn log_return(calendar: &[Date], span: &Result<Span, NotCovered>, price: Option<&Series>) -> Measure {
    let span = (*span)?;
    let price = price.ok_or(NotCovered::NoData)?;
    let days = span.end_index - span.start_index + 1;
    let anchor = span.start_index.checked_sub(1).ok_or(NotCovered::Calendar {
        needed: days + 1,
        available: days,
    })?;
    let window = calendar.get(anchor..=span.end_index).ok_or(NotCovered::NoData)?;
    // The close dated each day (as `align::sample_on`), positive, on all N + 1 days.
    let closes = values_on(window, price.dates(), |i| {
        price.values().get(i).copied().flatten().filter(|c| *c > 0.0)
    })?;
    let (Some(start), Some(end)) = (closes.first(), closes.last()) else {
        return Err(NotCovered::NoData);
    };
    measured(window, (end / start).ln()).map(|m| Measured { n: days, ..m })
}

/// Mean daily burn over `days` calendar days before `event` (`after` false) or from it on
/// (`after` true): the rule in the module doc. A `days` of 0 counts as 1.
pub fn burn_mean(event: Date, days: usize, after: bool, burn: Option<&Series>) -> Measure {
    let days = days.max(1);
    let burn = burn.ok_or(NotCovered::NoData)?;
    let start = if after { 0 } else { -(days as i64) };
    let window: Option<Vec<Date>> = (0..days as i64).map(|i| add_days(event, start + i)).collect();
    let window = window.ok_or(NotCovered::Calendar {
        needed: days,
        available: 0,
    })?;
    let values = values_on(&window, burn.dates(), |i| burn.values().get(i).copied().flatten())?;
    measured(&window, values.iter().sum::<f64>() / values.len() as f64)
}

/// Mean of a rolling correlation (on the calendar, index for index) over the window. The
/// correlation's range is from its first to its last day with a value, so a window before
/// the first full rolling window reads as "starts later".
pub fn correlation_mean(
    calendar: &[Date],
    span: &Result<Span, NotCovered>,
    values: &[Option<f64>],
) -> Measure {
    let span = (*span)?;
    let window = span_dates(calendar, &span)?;
    let first = values
        .iter()
        .position(Option::is_some)
        .ok_or(NotCovered::NoData)?;
    let last = values
        .iter()
        .rposition(Option::is_some)
        .ok_or(NotCovered::NoData)?;
    let dates = calendar.get(first..=last).ok_or(NotCovered::NoData)?;
    let got = values_on(&window, dates, |i| values.get(first + i).copied().flatten())?;
    measured(&window, got.iter().sum::<f64>() / got.len() as f64)
}

/// The lens around `event` with `days` market days either side (the rules in the module
/// doc).
pub fn lens<K: Copy>(inputs: &LensInputs<'_, K>, event: Date, days: usize) -> Lens<K> {
    let days = days.max(1);
    let cal = inputs.calendar;
    let (before, after) = market_windows(cal, event, days);
    let both = |f: &dyn Fn(&Result<Span, NotCovered>) -> Measure| BeforeAfter {
        before: f(&before),
        after: f(&after),
    };
    Lens {
        event,
        days,
        btc_flows_usd_m: both(&|s| flow_sum(cal, s, inputs.btc_flows)),
        eth_flows_usd_m: both(&|s| flow_sum(cal, s, inputs.eth_flows)),
        btc_log_return: both(&|s| log_return(cal, s, inputs.btc)),
        burn_eth_per_day: BeforeAfter {
            before: burn_mean(event, days, false, inputs.burn_eth),
            after: burn_mean(event, days, true, inputs.burn_eth),
        },
        correlations: inputs
            .correlations
            .iter()
            .map(|(k, v)| (*k, both(&|s| correlation_mean(cal, s, v))))
            .collect(),
        before,
        after,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{Axis, Meta};
    use time::macros::date;
    use time::Weekday;

    fn series(dates: Vec<Date>, values: Vec<Option<f64>>) -> Series {
        let meta = Meta {
            label: "t".into(),
            unit: "x".into(),
            provider: "p".into(),
            last_provisional: false,
            note: None,
        };
        Series::new("t", meta, Axis::new("t", dates).unwrap(), values).unwrap()
    }

    /// Every calendar day from 2025-01-01 (a Wednesday) for `n` days.
    fn days(n: usize) -> Vec<Date> {
        (0..n)
            .map(|i| add_days(date!(2025 - 01 - 01), i as i64).unwrap())
            .collect()
    }

    /// The weekdays among `days(n)`.
    fn weekdays(n: usize) -> Vec<Date> {
        days(n)
            .into_iter()
            .filter(|d| !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday))
            .collect()
    }

    #[test]
    fn windows_split_at_the_event_which_belongs_to_after() {
        let cal = weekdays(60);
        let event = cal[20];
        let (b, a) = market_windows(&cal, event, 5);
        let (b, a) = (b.unwrap(), a.unwrap());
        assert_eq!(
            (b.start_index, b.end_index, b.first, b.last),
            (15, 19, cal[15], cal[19])
        );
        assert_eq!(
            (a.start_index, a.end_index, a.first, a.last),
            (20, 24, cal[20], cal[24])
        );
        // An event on a Saturday: before ends on Friday, after starts on Monday.
        let saturday = date!(2025 - 01 - 11);
        let (b, a) = market_windows(&cal, saturday, 5);
        assert_eq!(b.unwrap().last, date!(2025 - 01 - 10));
        assert_eq!(a.unwrap().first, date!(2025 - 01 - 13));
    }

    #[test]
    fn windows_running_off_the_calendar_say_how_many_days_there_are() {
        let cal = weekdays(60); // 43 weekdays
        let (b, a) = market_windows(&cal, cal[0], 5);
        assert_eq!(
            b,
            Err(NotCovered::Calendar {
                needed: 5,
                available: 0
            })
        );
        assert_eq!(a.unwrap().start_index, 0);
        let last = *cal.last().unwrap();
        let (b, a) = market_windows(&cal, last, 5);
        assert_eq!(b.unwrap().end_index, cal.len() - 2);
        assert_eq!(
            a,
            Err(NotCovered::Calendar {
                needed: 5,
                available: 1
            })
        );
        // Exactly enough on both sides.
        let (b, a) = market_windows(&cal, cal[5], 5);
        assert_eq!(b.unwrap().start_index, 0);
        let (_, a2) = market_windows(&cal, cal[cal.len() - 5], 5);
        assert_eq!(a2.unwrap().end_index, cal.len() - 1);
        assert!(a.is_ok());
        // An event after the calendar: nothing after.
        let (b, a) = market_windows(&cal, date!(2026 - 01 - 01), 20);
        assert_eq!(b.unwrap().end_index, cal.len() - 1);
        assert_eq!(
            a,
            Err(NotCovered::Calendar {
                needed: 20,
                available: 0
            })
        );
    }

    #[test]
    fn flow_sums_need_a_row_on_every_market_day() {
        let cal = weekdays(90);
        // Flows from cal[10] on, value = index on the calendar; cal[40] set aside (no row).
        let rows: Vec<usize> = (10..cal.len()).filter(|i| *i != 40).collect();
        let dates: Vec<Date> = rows.iter().map(|i| cal[*i]).collect();
        let usd_m: Vec<f64> = rows.iter().map(|i| *i as f64).collect();
        let flows = Some(Flows {
            dates: &dates,
            usd_m: &usd_m,
        });
        let sum = |event: usize, n: usize| {
            let (b, a) = market_windows(&cal, cal[event], n);
            (flow_sum(&cal, &b, flows), flow_sum(&cal, &a, flows))
        };
        let (b, a) = sum(30, 5);
        let b = b.unwrap();
        assert_eq!(
            (b.value, b.n, b.first, b.last),
            (25.0 + 26.0 + 27.0 + 28.0 + 29.0, 5, cal[25], cal[29])
        );
        assert_eq!(a.unwrap().value, (30..35).sum::<usize>() as f64);
        // Before the table starts.
        let (b, a) = sum(12, 5);
        assert_eq!(b, Err(NotCovered::StartsLater { first: cal[10] }));
        assert!(a.is_ok());
        // A day without a row inside the window.
        let (b, a) = sum(42, 5);
        assert_eq!(b, Err(NotCovered::Missing { days: 1, of: 5 }));
        assert!(a.is_ok());
        // Past the table's end.
        let short = &dates[..dates.len() - 3];
        let f = Some(Flows {
            dates: short,
            usd_m: &usd_m,
        });
        let (_, a) = market_windows(&cal, cal[cal.len() - 5], 5);
        assert_eq!(
            flow_sum(&cal, &a, f),
            Err(NotCovered::EndsEarlier {
                last: *short.last().unwrap()
            })
        );
        // No table at all; a window the calendar cannot give passes its reason on.
        let (b, _) = market_windows(&cal, cal[2], 5);
        assert_eq!(
            flow_sum(&cal, &b, flows),
            Err(NotCovered::Calendar {
                needed: 5,
                available: 2
            })
        );
        let (b, _) = market_windows(&cal, cal[30], 5);
        assert_eq!(flow_sum(&cal, &b, None), Err(NotCovered::NoData));
    }

    #[test]
    fn returns_run_from_the_close_before_the_window_and_abut_at_the_event() {
        let all = days(120);
        let price: Vec<Option<f64>> = (0..all.len())
            .map(|i| Some(100.0 * 1.01f64.powi(i as i32)))
            .collect();
        let btc = series(all.clone(), price);
        let cal = weekdays(120);
        let close = |d: Date| btc.value_on(d).unwrap();
        let e = 30;
        let (b, a) = market_windows(&cal, cal[e], 5);
        let (rb, ra) = (
            log_return(&cal, &b, Some(&btc)).unwrap(),
            log_return(&cal, &a, Some(&btc)).unwrap(),
        );
        assert_eq!((rb.first, rb.last, rb.n), (cal[e - 6], cal[e - 1], 5));
        assert!((rb.value - (close(cal[e - 1]) / close(cal[e - 6])).ln()).abs() < 1e-12);
        assert_eq!((ra.first, ra.last), (cal[e - 1], cal[e + 4]));
        // Abutting: the two returns add up to the return over both windows.
        let whole = (close(cal[e + 4]) / close(cal[e - 6])).ln();
        assert!((rb.value + ra.value - whole).abs() < 1e-12);
        // Exactly N days before the event: no close to start from.
        let (b, a) = market_windows(&cal, cal[5], 5);
        assert_eq!(
            log_return(&cal, &b, Some(&btc)),
            Err(NotCovered::Calendar {
                needed: 6,
                available: 5
            })
        );
        assert!(log_return(&cal, &a, Some(&btc)).is_ok());
        // An event on the first day: after has no close before it either.
        let (_, a) = market_windows(&cal, cal[0], 5);
        assert!(matches!(
            log_return(&cal, &a, Some(&btc)),
            Err(NotCovered::Calendar { .. })
        ));
    }

    #[test]
    fn a_missing_close_voids_the_return() {
        let all = days(60);
        let mut price: Vec<Option<f64>> = vec![Some(10.0); all.len()];
        let cal = weekdays(60);
        let i = all.iter().position(|d| *d == cal[27]).unwrap();
        price[i] = None;
        let btc = series(all, price);
        let (b, a) = market_windows(&cal, cal[30], 5);
        assert_eq!(
            log_return(&cal, &b, Some(&btc)),
            Err(NotCovered::Missing { days: 1, of: 6 })
        );
        assert_eq!(log_return(&cal, &a, Some(&btc)).unwrap().value, 0.0);
        // A price series starting inside the window.
        let late = series(days(60)[40..].to_vec(), vec![Some(1.0); 20]);
        assert_eq!(
            log_return(&cal, &b, Some(&late)),
            Err(NotCovered::StartsLater { first: days(60)[40] })
        );
    }

    #[test]
    fn burn_counts_calendar_days() {
        let all = days(40);
        let burn = series(all.clone(), (0..40).map(|i| Some(f64::from(i))).collect());
        let event = all[20];
        let b = burn_mean(event, 5, false, Some(&burn)).unwrap();
        assert_eq!(
            (b.value, b.n, b.first, b.last),
            ((15 + 16 + 17 + 18 + 19) as f64 / 5.0, 5, all[15], all[19])
        );
        let a = burn_mean(event, 5, true, Some(&burn)).unwrap();
        assert_eq!((a.value, a.first, a.last), (22.0, all[20], all[24]));
        // At the first and last day.
        assert_eq!(
            burn_mean(all[0], 5, false, Some(&burn)),
            Err(NotCovered::StartsLater { first: all[0] })
        );
        assert!(burn_mean(all[0], 5, true, Some(&burn)).is_ok());
        assert_eq!(
            burn_mean(all[39], 5, true, Some(&burn)),
            Err(NotCovered::EndsEarlier { last: all[39] })
        );
        assert_eq!(burn_mean(all[39], 5, false, Some(&burn)).unwrap().value, 36.0);
        // A gap in the burn.
        let mut v: Vec<Option<f64>> = vec![Some(1.0); 40];
        v[22] = None;
        let holed = series(all.clone(), v);
        assert_eq!(
            burn_mean(event, 5, true, Some(&holed)),
            Err(NotCovered::Missing { days: 1, of: 5 })
        );
        assert_eq!(burn_mean(event, 5, true, None), Err(NotCovered::NoData));
    }

    #[test]
    fn correlation_means_need_the_rolling_window_full() {
        let cal = weekdays(90);
        let mut corr: Vec<Option<f64>> = (0..cal.len()).map(|i| Some(i as f64 / 100.0)).collect();
        corr[..20].fill(None); // the rolling window is not yet full
        corr[50] = None; // a gap
        let mean = |e: usize| {
            let (b, a) = market_windows(&cal, cal[e], 5);
            (
                correlation_mean(&cal, &b, &corr),
                correlation_mean(&cal, &a, &corr),
            )
        };
        let (b, a) = mean(30);
        assert!((b.unwrap().value - 0.27).abs() < 1e-12);
        assert!((a.unwrap().value - 0.32).abs() < 1e-12);
        assert_eq!(mean(22).0, Err(NotCovered::StartsLater { first: cal[20] }));
        assert_eq!(mean(48).1, Err(NotCovered::Missing { days: 1, of: 5 }));
        assert_eq!(
            correlation_mean(&cal, &market_windows(&cal, cal[30], 5).0, &[None; 5]),
            Err(NotCovered::NoData)
        );
    }

    #[test]
    fn the_lens_puts_it_together_and_never_uses_part_of_a_window() {
        let all = days(200);
        let cal = weekdays(200);
        let btc = series(all.clone(), (0..200).map(|i| Some(100.0 + i as f64)).collect());
        let burn = series(all[..150].to_vec(), vec![Some(2.0); 150]);
        let usd: Vec<f64> = vec![10.0; cal.len()];
        let eth_dates = &cal[50..];
        let eth_usd: Vec<f64> = vec![-1.0; eth_dates.len()];
        let corr: Vec<Option<f64>> = vec![Some(0.4); cal.len()];
        let inputs = LensInputs {
            calendar: &cal,
            btc: Some(&btc),
            btc_flows: Some(Flows {
                dates: &cal,
                usd_m: &usd,
            }),
            eth_flows: Some(Flows {
                dates: eth_dates,
                usd_m: &eth_usd,
            }),
            burn_eth: Some(&burn),
            correlations: vec![("qqq", corr.as_slice())],
        };
        let l = lens(&inputs, cal[60], 20);
        assert_eq!((l.event, l.days), (cal[60], 20));
        assert_eq!(l.btc_flows_usd_m.before.unwrap().value, 200.0);
        assert_eq!(
            l.eth_flows_usd_m.before,
            Err(NotCovered::StartsLater { first: cal[50] })
        );
        assert_eq!(l.eth_flows_usd_m.after.unwrap().value, -20.0);
        assert!(l.btc_log_return.before.unwrap().value > 0.0);
        assert_eq!(l.burn_eth_per_day.after.unwrap().value, 2.0);
        assert_eq!(l.correlations[0].0, "qqq");
        assert!((l.correlations[0].1.after.unwrap().value - 0.4).abs() < 1e-12);
        // 60 days after cal[120] runs off the calendar (142 weekdays) and the burn.
        let l = lens(&inputs, cal[120], 60);
        assert_eq!(
            l.after,
            Err(NotCovered::Calendar {
                needed: 60,
                available: cal.len() - 120
            })
        );
        for m in [
            l.btc_flows_usd_m.after,
            l.eth_flows_usd_m.after,
            l.btc_log_return.after,
        ] {
            assert_eq!(
                m,
                Err(NotCovered::Calendar {
                    needed: 60,
                    available: cal.len() - 120
                })
            );
        }
        assert!(matches!(
            l.burn_eth_per_day.after,
            Err(NotCovered::EndsEarlier { .. })
        ));
        assert!(l.before.is_ok() && l.btc_flows_usd_m.before.is_ok());
        // A missing input.
        let none = LensInputs {
            btc: None,
            btc_flows: None,
            ..inputs.clone()
        };
        let l = lens(&none, cal[60], 5);
        assert_eq!(l.btc_log_return.before, Err(NotCovered::NoData));
        assert_eq!(l.btc_flows_usd_m.after, Err(NotCovered::NoData));
    }
}
