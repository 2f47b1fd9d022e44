//! ISO calendar dates (`YYYY-MM-DD`) on top of [`time::Date`].

//!
//! Parsing and formatting are written out by hand for the one fixed format rather than
//! through `time`'s format-description machinery, which would add ~30 KB to the page's
//! WebAssembly for no gain; `time` still decides which dates exist.

use time::{Date, Month};

/// Parses `YYYY-MM-DD` (exactly: four-digit year, two-digit month and day); `None` for
/// anything else, including impossible dates such as `2025-02-30`.
pub fn parse_iso(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    let month = Month::try_from(u8::try_from(digits(5..7)?).ok()?).ok()?;
    let day = u8::try_from(digits(8..10)?).ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

/// Formats a date as `YYYY-MM-DD`.
pub fn format_iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    i64::from(to.to_julian_day()) - i64::from(from.to_julian_day())
}

/// `date` moved by `days` calendar days; `None` outside `time`'s supported range.
pub fn add_days(date: Date, days: i64) -> Option<Date> {
    let julian = i64::from(date.to_julian_day()).checked_add(days)?;
    Date::from_julian_day(i32::try_from(julian).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn parses_and_formats_round_trip() {
        let d = parse_iso("2025-11-20").unwrap();
        assert_eq!(d, date!(2025 - 11 - 20));
        assert_eq!(format_iso(d), "2025-11-20");
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in [
            "2025-02-30",
            "2025-13-01",
            "20251120",
            "2025-11-20T00:00",
            "",
            "yesterday",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_arithmetic() {
        let a = date!(2024 - 02 - 28);
        assert_eq!(add_days(a, 2), Some(date!(2024 - 03 - 01)));
        assert_eq!(days_between(a, date!(2024 - 03 - 01)), 2);
        assert_eq!(days_between(date!(2024 - 03 - 01), a), -2);
    }
}
