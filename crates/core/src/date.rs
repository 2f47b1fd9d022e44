//! ISO calendar dates (`YYYY-MM-DD`) on top of [`time::Date`].

use time::macros::format_description;
use time::Date;

/// The one date format used by the snapshot and every provider file that has text dates.
const ISO: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]");

/// Parses `YYYY-MM-DD`; `None` for anything else (including impossible dates).
pub fn parse_iso(text: &str) -> Option<Date> {
    Date::parse(text, ISO).ok()
}

/// Formats a date as `YYYY-MM-DD`.
pub fn format_iso(date: Date) -> String {
    // Formatting a valid Date with a fixed numeric description cannot fail; fall back
    // to Debug output rather than panic if the `time` crate ever says otherwise.
    date.format(ISO).unwrap_or_else(|_| format!("{date:?}"))
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
