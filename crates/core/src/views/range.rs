//! Visible date ranges: presets relative to the data's last date, or a custom span.

use crate::date::parse_iso;
use time::{Date, Month};

/// Range presets offered above every chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    /// Last 3 months.
    M3,
    /// Last 6 months.
    M6,
    /// Last year.
    Y1,
    /// Last 2 years.
    Y2,
    /// Last 5 years.
    Y5,
    /// Everything in the snapshot.
    All,
}

impl Preset {
    /// Every preset, in display order.
    pub const ALL: [Preset; 6] = [Self::M3, Self::M6, Self::Y1, Self::Y2, Self::Y5, Self::All];

    /// Button label and URL key.
    pub fn label(self) -> &'static str {
        match self {
            Self::M3 => "3M",
            Self::M6 => "6M",
            Self::Y1 => "1Y",
            Self::Y2 => "2Y",
            Self::Y5 => "5Y",
            Self::All => "All",
        }
    }

    /// Parses a [`Preset::label`], case-insensitively.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|p| p.label().eq_ignore_ascii_case(text))
    }

    fn months(self) -> Option<i32> {
        match self {
            Self::M3 => Some(3),
            Self::M6 => Some(6),
            Self::Y1 => Some(12),
            Self::Y2 => Some(24),
            Self::Y5 => Some(60),
            Self::All => None,
        }
    }
}

/// What the reader chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RangeChoice {
    /// A preset ending at the data's last date.
    Preset(Preset),
    /// From and to, inclusive.
    Custom(Date, Date),
}

/// Where a custom span lies that does not meet the data ([`RangeChoice::resolve`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outside {
    /// It ends before the data begin.
    Before,
    /// It begins after the data end.
    After,
}

/// A resolved, inclusive span with `from <= to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// First day shown.
    pub from: Date,
    /// Last day shown.
    pub to: Date,
}

impl RangeChoice {
    /// The span to show for data covering `first ..= last`: presets end at `last`, custom
    /// spans are put in order and clamped to the data. A custom span that misses the data
    /// altogether (a window around an event before a series began, a hand-typed link) has
    /// nothing to show: it is said on which side it lies, and a view says why it is empty
    /// rather than show a day at the data's edge. Presets always meet the data.
    pub fn resolve(self, first: Date, last: Date) -> Result<Span, Outside> {
        let (first, last) = (first.min(last), first.max(last));
        match self {
            Self::Preset(p) => {
                let from = p.months().map_or(first, |m| months_before(last, m).max(first));
                Ok(Span { from, to: last })
            }
            Self::Custom(a, b) => {
                let (a, b) = (a.min(b), a.max(b));
                if b < first {
                    Err(Outside::Before)
                } else if a > last {
                    Err(Outside::After)
                } else {
                    Ok(Span {
                        from: a.max(first),
                        to: b.min(last),
                    })
                }
            }
        }
    }

    /// The span a view selects its data with and its range control shows: the resolved
    /// one, or a span that misses the data as it was asked for (in order), which selects
    /// nothing.
    pub fn shown(self, first: Date, last: Date) -> Span {
        match (self, self.resolve(first, last)) {
            (_, Ok(span)) => span,
            (Self::Custom(a, b), Err(_)) => Span {
                from: a.min(b),
                to: a.max(b),
            },
            (Self::Preset(_), Err(_)) => Span {
                from: first,
                to: last,
            },
        }
    }

    /// Parses `3M`…`All`, or `YYYY-MM-DD..YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Self> {
        if let Some(p) = Preset::parse(text) {
            return Some(Self::Preset(p));
        }
        let (a, b) = text.split_once("..")?;
        Some(Self::Custom(parse_iso(a)?, parse_iso(b)?))
    }
}

/// The same day `months` calendar months earlier (clamped to the month's length).
pub fn months_before(date: Date, months: i32) -> Date {
    let index = date.year() * 12 + i32::from(u8::from(date.month())) - 1 - months;
    let (year, month0) = (index.div_euclid(12), index.rem_euclid(12));
    let month = Month::try_from(u8::try_from(month0 + 1).unwrap_or(1)).unwrap_or(Month::January);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn presets_end_at_the_last_date() {
        let (first, last) = (date!(2018 - 01 - 01), date!(2026 - 08 - 21));
        let s = RangeChoice::Preset(Preset::Y1).resolve(first, last).unwrap();
        assert_eq!((s.from, s.to), (date!(2025 - 08 - 21), last));
        let s = RangeChoice::Preset(Preset::M3).resolve(first, last).unwrap();
        assert_eq!(s.from, date!(2026 - 05 - 21));
        let s = RangeChoice::Preset(Preset::All).resolve(first, last).unwrap();
        assert_eq!(s.from, first);
        // A preset longer than the data starts at the first date.
        let s = RangeChoice::Preset(Preset::Y5)
            .resolve(date!(2024 - 01 - 11), last)
            .unwrap();
        assert_eq!(s.from, date!(2024 - 01 - 11));
    }

    #[test]
    fn month_arithmetic_clamps_day() {
        assert_eq!(months_before(date!(2026 - 05 - 31), 3), date!(2026 - 02 - 28));
        assert_eq!(months_before(date!(2024 - 03 - 31), 1), date!(2024 - 02 - 29));
        assert_eq!(months_before(date!(2026 - 01 - 15), 1), date!(2025 - 12 - 15));
    }

    #[test]
    fn custom_spans_are_ordered_and_clamped() {
        let (first, last) = (date!(2024 - 01 - 11), date!(2026 - 08 - 21));
        let s = RangeChoice::Custom(date!(2030 - 01 - 01), date!(2025 - 01 - 01)).resolve(first, last);
        assert_eq!(
            s,
            Ok(Span {
                from: date!(2025 - 01 - 01),
                to: last
            })
        );
        let s = RangeChoice::Custom(date!(1990 - 01 - 01), date!(2030 - 01 - 01)).resolve(first, last);
        assert_eq!(
            s,
            Ok(Span {
                from: first,
                to: last
            })
        );
        // Touching either end is one day of data.
        let s = RangeChoice::Custom(date!(2023 - 12 - 01), first).resolve(first, last);
        assert_eq!(
            s,
            Ok(Span {
                from: first,
                to: first
            })
        );
    }

    #[test]
    fn a_span_that_misses_the_data_says_on_which_side() {
        let (first, last) = (date!(2024 - 01 - 11), date!(2026 - 08 - 21));
        let custom = |a, b| RangeChoice::Custom(a, b).resolve(first, last);
        // A lens window around the FTX collapse, before the ETFs.
        assert_eq!(
            custom(date!(2022 - 10 - 13), date!(2022 - 12 - 09)),
            Err(Outside::Before)
        );
        assert_eq!(
            custom(date!(2027 - 01 - 01), date!(2026 - 09 - 01)),
            Err(Outside::After)
        );
        assert!(custom(date!(2026 - 08 - 21), date!(2026 - 08 - 01)).is_ok());
        // It is shown as asked, in order; a span that meets the data as resolved.
        let shown = |a, b| RangeChoice::Custom(a, b).shown(first, last);
        assert_eq!(
            shown(date!(2022 - 12 - 09), date!(2022 - 10 - 13)),
            Span {
                from: date!(2022 - 10 - 13),
                to: date!(2022 - 12 - 09)
            }
        );
        assert_eq!(
            shown(date!(2023 - 12 - 01), date!(2030 - 01 - 01)),
            Span {
                from: first,
                to: last
            }
        );
        assert_eq!(
            RangeChoice::Preset(Preset::All).shown(first, last),
            Span {
                from: first,
                to: last
            }
        );
    }

    #[test]
    fn parsing() {
        assert_eq!(RangeChoice::parse("1y"), Some(RangeChoice::Preset(Preset::Y1)));
        assert_eq!(
            RangeChoice::parse("2025-01-01..2025-06-30"),
            Some(RangeChoice::Custom(date!(2025 - 01 - 01), date!(2025 - 06 - 30)))
        );
        for bad in ["", "7Y", "2025-01-01", "2025-01-01..x", "<script>"] {
            assert_eq!(RangeChoice::parse(bad), None, "{bad}");
        }
    }
}
