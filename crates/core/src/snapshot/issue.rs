//! Problems in the data file that were handled rather than fatal: a value set aside as a
//! gap, a flow day left out, a total replaced by the sum of its funds, a declared range
//! that disagrees with the data, an event or holiday dropped. Each is a typed fact; the
//! chart shows [`notes`], one sentence per kind of problem.

use crate::date::format_iso;
use std::fmt;
use time::Date;

/// Why a value was set aside.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reason {
    /// Not a number the page can use: a string, `true`, an object, or a number too large
    /// for a 64-bit float (e.g. `1e309`).
    NotANumber,
    /// Written as a change from an earlier value (a `delta` column) that is unusable, so
    /// it cannot be known.
    AfterUnusable,
    /// A finite number outside the series' plausible bounds.
    OutOfBounds {
        /// Lower bound.
        low: f64,
        /// Upper bound.
        high: f64,
    },
}

/// One handled problem.
#[derive(Debug, Clone, PartialEq)]
pub enum Issue {
    /// A value set aside: the series has a gap on `date`.
    ValueSetAside {
        /// Date of the value.
        date: Date,
        /// What the value is ("close", "burn").
        quantity: String,
        /// The value as written in the file.
        value: String,
        /// Its unit.
        unit: String,
        /// Why.
        reason: Reason,
    },
    /// A flow row set aside because one of its fund cells is unusable: the table has no
    /// row for `date`.
    RowSetAside {
        /// Date of the row.
        date: Date,
        /// Ticker of the unusable cell.
        fund: String,
        /// The value as written in the file.
        value: String,
        /// Why.
        reason: Reason,
    },
    /// The stated total of a flow row is not the sum of its funds (or is unusable); the
    /// table's total on that day is the sum of its funds.
    TotalNotSum {
        /// Date of the row.
        date: Date,
        /// The total as written in the file.
        stated: String,
        /// The sum of the funds, US$ millions (what is drawn).
        sum_usd_m: f64,
    },
    /// The series' metadata state another first or last date than its data.
    RangeMismatch {
        /// `first` or `last`.
        field: &'static str,
        /// What the metadata say.
        stated: String,
        /// What the data say.
        actual: Date,
    },
    /// The file's `as_of` disagrees with its latest observation, which is used instead.
    AsOfMismatch {
        /// What the file says.
        stated: String,
        /// The latest observation date.
        actual: Date,
    },
    /// An entry of a list (`events`, `market_holidays`, `notes`, `providers`) or a block
    /// of the file (`blocks`) dropped.
    EntryDropped {
        /// Which list (its key in the file).
        list: &'static str,
        /// Position in the list (1-based) or key (in backticks).
        at: String,
        /// Why, in words.
        why: String,
    },
}

impl Issue {
    fn sentence_class(&self) -> u8 {
        match self {
            Issue::ValueSetAside {
                reason: Reason::OutOfBounds { .. },
                ..
            } => 0,
            Issue::ValueSetAside {
                reason: Reason::AfterUnusable,
                ..
            } => 2,
            Issue::ValueSetAside { .. } => 1,
            Issue::RowSetAside { .. } => 3,
            Issue::TotalNotSum { .. } => 4,
            Issue::RangeMismatch { .. } => 5,
            Issue::AsOfMismatch { .. } => 6,
            Issue::EntryDropped { .. } => 7,
        }
    }

    /// The short form used in lists: "burn 1e308 ETH on 2024-03-05".
    fn short(&self) -> String {
        match self {
            Issue::ValueSetAside {
                date,
                quantity,
                reason: Reason::AfterUnusable,
                ..
            } => format!("{quantity} on {}", format_iso(*date)),
            Issue::ValueSetAside {
                date,
                quantity,
                value,
                unit,
                ..
            } => format!("{quantity} {value}{} on {}", spaced(unit), format_iso(*date)),
            Issue::RowSetAside {
                date, fund, value, ..
            } => {
                format!("{fund} {value} on {}", format_iso(*date))
            }
            Issue::TotalNotSum {
                date,
                stated,
                sum_usd_m,
            } => format!(
                "{} (total {stated}, funds sum to {sum_usd_m:.1})",
                format_iso(*date)
            ),
            other => other.to_string(),
        }
    }
}

fn spaced(unit: &str) -> String {
    if unit.is_empty() || unit == "%" {
        unit.to_owned()
    } else {
        format!(" {unit}")
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::NotANumber => f.write_str("is not a number"),
            Reason::AfterUnusable => f.write_str(
                "cannot be read: it is written as a change from an earlier value that is unusable",
            ),
            Reason::OutOfBounds { low, high } => write!(
                f,
                "is outside plausible bounds ({} to {})",
                number(*low),
                number(*high)
            ),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Issue::ValueSetAside { reason, .. } | Issue::RowSetAside { reason, .. } => {
                write!(f, "{} {reason}", self.short())
            }
            Issue::TotalNotSum { .. } => {
                write!(f, "the total on {} is not the sum of the funds", self.short())
            }
            Issue::RangeMismatch {
                field,
                stated,
                actual,
            } => {
                let (says, data) = if *field == "first" {
                    ("starts", "start")
                } else {
                    ("ends", "end")
                };
                write!(
                    f,
                    "The file says this series {says} on {stated}, but its data {data} on {}.",
                    format_iso(*actual)
                )
            }
            Issue::AsOfMismatch { stated, actual } => write!(
                f,
                "The file says its data run to {stated}, but its latest observation is on {}.",
                format_iso(*actual)
            ),
            Issue::EntryDropped { list, at, why } => {
                let list = match *list {
                    "events" => "event",
                    "market_holidays" => "market holiday",
                    "notes" => "dataset note",
                    "providers" => "provider",
                    "blocks" => "block",
                    other => other,
                };
                write!(f, "{list} {at} dropped: {why}")
            }
        }
    }
}

/// A plain number for a reader: thousands separated, very large or small ones as `1e308`.
pub(crate) fn number(v: f64) -> String {
    let magnitude = v.abs();
    if v.is_finite() && v.fract() == 0.0 && magnitude < 1e15 {
        let digits = format!("{magnitude:.0}");
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        if v < 0.0 {
            format!("−{grouped}")
        } else {
            grouped
        }
    } else if v.is_finite() && (magnitude >= 1e15 || (magnitude < 1e-4 && magnitude > 0.0)) {
        format!("{v:e}").replace('-', "−")
    } else {
        format!("{v}").replace('-', "−")
    }
}

/// The issues as sentences a chart can show, one per kind of problem, naming up to three
/// instances ("1 value outside plausible bounds set aside: burn 1e308 ETH on 2024-03-05").
pub fn notes(issues: &[Issue]) -> Vec<String> {
    const LISTED: usize = 3;
    let mut out = Vec::new();
    for class in 0..=7u8 {
        let group: Vec<&Issue> = issues.iter().filter(|i| i.sentence_class() == class).collect();
        let n = group.len();
        if n == 0 {
            continue;
        }
        let plural = |one: &str, many: &str| if n == 1 { one.to_owned() } else { many.to_owned() };
        let head = match class {
            0 => format!(
                "{n} {} outside plausible bounds set aside",
                plural("value", "values")
            ),
            1 => format!(
                "{n} {} set aside",
                plural("value that is not a number", "values that are not numbers")
            ),
            2 => format!(
                "{n} {} after an unusable one set aside (each is written as a change from the one before)",
                plural("value", "values")
            ),
            3 => format!(
                "{n} {} left out because a fund's flow is unusable",
                plural("day", "days")
            ),
            4 => format!(
                "On {n} {} the total is not the sum of the funds, so the sum is shown",
                plural("day", "days")
            ),
            _ => {
                out.extend(group.iter().map(|i| sentence(&i.to_string())));
                continue;
            }
        };
        let mut listed: Vec<String> = group.iter().take(LISTED).map(|i| i.short()).collect();
        if n > LISTED {
            listed.push(format!("and {} more", n - LISTED));
        }
        out.push(format!("{head}: {}.", listed.join(", ")));
    }
    out
}

/// `text` as a sentence: its first letter capitalised (the builder's and the reader's
/// messages are written in English, so an ASCII letter: `make_ascii_uppercase` needs no
/// Unicode case tables in the page's wasm) and a full stop at the end.
fn sentence(text: &str) -> String {
    let mut s = text.to_owned();
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    if !s.ends_with('.') {
        s.push('.');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn one_value_set_aside_reads_as_the_issue_asks() {
        let i = Issue::ValueSetAside {
            date: date!(2024 - 03 - 05),
            quantity: "burn".into(),
            value: "1e308".into(),
            unit: "ETH".into(),
            reason: Reason::OutOfBounds { low: 0.0, high: 1e6 },
        };
        assert_eq!(
            notes(std::slice::from_ref(&i)),
            ["1 value outside plausible bounds set aside: burn 1e308 ETH on 2024-03-05."]
        );
        assert_eq!(
            i.to_string(),
            "burn 1e308 ETH on 2024-03-05 is outside plausible bounds (0 to 1,000,000)"
        );
    }

    #[test]
    fn long_lists_are_cut() {
        let i = |d| Issue::RowSetAside {
            date: d,
            fund: "IBIT".into(),
            value: "\"x\"".into(),
            reason: Reason::NotANumber,
        };
        let n = notes(&[
            i(date!(2024 - 03 - 05)),
            i(date!(2024 - 03 - 06)),
            i(date!(2024 - 03 - 07)),
            i(date!(2024 - 03 - 08)),
        ]);
        assert_eq!(n.len(), 1);
        assert!(n[0].starts_with("4 days left out"), "{n:?}");
        assert!(n[0].ends_with("and 1 more."), "{n:?}");
    }

    #[test]
    fn numbers_for_readers() {
        assert_eq!(number(-20_000.0), "−20,000");
        assert_eq!(number(1e308), "1e308");
        assert_eq!(number(-1.7e308), "−1.7e308");
        assert_eq!(number(2.5), "2.5");
    }
}
