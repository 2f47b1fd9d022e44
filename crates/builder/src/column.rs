//! A dated column read from one provider file, checked as it is read.

use crate::error::{BuildError, Location, Report};
use repricing_core::date::format_iso;
use repricing_core::Date;
use std::collections::BTreeMap;
use std::path::Path;

/// Dates (strictly ascending) and values (`None` = gap) read from `file`, with where each
/// row came from.
#[derive(Debug, Default, Clone)]
pub struct Column {
    /// Observation dates.
    pub dates: Vec<Date>,
    /// Values; `None` is a gap the source left blank.
    pub values: Vec<Option<f64>>,
    /// Where each row was found.
    pub locations: Vec<Location>,
}

impl Column {
    /// Appends a row read at `location` of `file`.
    ///
    /// A repeat of the previous date with the same value is dropped (and reported); with a
    /// different value, or a date earlier than the previous, the build stops.
    pub fn push(
        &mut self,
        file: &Path,
        location: Location,
        date: Date,
        value: Option<f64>,
        report: &mut Report,
    ) -> Result<(), BuildError> {
        if let (Some(&last), Some(&last_value), Some(&last_loc)) =
            (self.dates.last(), self.values.last(), self.locations.last())
        {
            if date == last {
                if same(last_value, value) {
                    report.note(
                        file,
                        location,
                        format!("dropped: repeats {} ({})", format_iso(date), last_loc.describe()),
                    );
                    return Ok(());
                }
                return Err(BuildError::new(
                    file,
                    location,
                    format!(
                        "duplicate date {} with a different value ({} here, {} on {})",
                        format_iso(date),
                        show(value),
                        show(last_value),
                        last_loc.describe()
                    ),
                ));
            }
            if date < last {
                return Err(BuildError::new(
                    file,
                    location,
                    format!(
                        "date {} is out of order (after {})",
                        format_iso(date),
                        format_iso(last)
                    ),
                ));
            }
        }
        self.dates.push(date);
        self.values.push(value);
        self.locations.push(location);
        Ok(())
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.dates.len()
    }

    /// Whether no row was kept.
    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        (None, None) => true,
        _ => false,
    }
}

/// A value for a message: the number, or `blank`.
pub fn show(v: Option<f64>) -> String {
    v.map_or_else(|| "blank".to_owned(), |v| v.to_string())
}

/// Parses a number as the provider wrote it; non-finite values are hard errors.
pub fn parse_number(file: &Path, location: Location, text: &str) -> Result<f64, BuildError> {
    let t = text.trim();
    let v: f64 = t
        .parse()
        .map_err(|_| BuildError::new(file, location, format!("`{t}` is not a number")))?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(BuildError::new(
            file,
            location,
            format!("`{t}` is not a finite number"),
        ))
    }
}

/// Parses a number as the provider wrote it, rounded to `decimals` decimal places on its
/// decimal digits (half away from zero), so the stored `f64` is the nearest to the
/// provider's text rounded — not to a binary product such as `v * 1000.0`, which can fall
/// on the wrong side of a half. Text in exponent form is rounded from its parsed value.
pub fn parse_rounded(
    file: &Path,
    location: Location,
    text: &str,
    decimals: usize,
) -> Result<f64, BuildError> {
    let t = text.trim();
    let exact = parse_number(file, location, t)?;
    let rounded = round_decimal_text(t, decimals).unwrap_or_else(|| format!("{exact:.decimals$}"));
    parse_number(file, location, &rounded)
}

/// `text` (plain decimal notation: optional sign, digits, optional `.` and digits) rounded
/// to `decimals` places, half away from zero, as decimal text; `None` for any other form.
pub fn round_decimal_text(text: &str, decimals: usize) -> Option<String> {
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let is_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !is_digits(int) || !is_digits(frac) {
        return None;
    }
    if frac.len() <= decimals {
        return Some(text.to_owned());
    }
    let (kept, dropped) = frac.split_at(decimals);
    let mut digits: Vec<u8> = int.bytes().chain(kept.bytes()).collect();
    if dropped.as_bytes().first().is_some_and(|b| *b >= b'5') {
        // Add one unit in the last kept place, carrying leftwards.
        let mut carry = true;
        for d in digits.iter_mut().rev() {
            if *d == b'9' {
                *d = b'0';
            } else {
                *d += 1;
                carry = false;
                break;
            }
        }
        if carry {
            digits.insert(0, b'1');
        }
    }
    let split = digits.len() - decimals;
    let (int, frac) = digits.split_at(split);
    let int = String::from_utf8_lossy(int);
    Some(if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{}", String::from_utf8_lossy(frac))
    })
}

/// Parses a `YYYY-MM-DD` date.
pub fn parse_date(file: &Path, location: Location, text: &str) -> Result<Date, BuildError> {
    repricing_core::date::parse_iso(text.trim()).ok_or_else(|| {
        BuildError::new(
            file,
            location,
            format!("`{}` is not a YYYY-MM-DD date", text.trim()),
        )
    })
}

/// The value at the precision the provider stored it. Yahoo stores prices as 32-bit floats
/// and publishes them widened to 64 bits (`457.3340148925781`); the digits past a float32's
/// shortest form are noise of the widening, so such values are re-read from that shortest
/// form (`457.334`). Any other value is returned unchanged.
pub fn at_source_precision(v: f64) -> f64 {
    let narrow = v as f32;
    if f64::from(narrow) == v {
        narrow.to_string().parse().unwrap_or(v)
    } else {
        v
    }
}

/// Joins two copies of one series: the union of their dates, where every shared date must
/// carry the same value (otherwise the build stops, naming both places).
pub fn merge(
    (a_file, a): (&Path, Column),
    (b_file, b): (&Path, Column),
    report: &mut Report,
) -> Result<Column, BuildError> {
    let mut rows: BTreeMap<_, (Option<f64>, Location, &Path)> = BTreeMap::new();
    for (file, col) in [(a_file, &a), (b_file, &b)] {
        for ((date, value), location) in col.dates.iter().zip(&col.values).zip(&col.locations) {
            match rows.get(date) {
                Some((other, other_loc, other_file)) if other != value => {
                    return Err(BuildError::new(
                        file,
                        *location,
                        format!(
                            "{} is {} here but {} in {} {}",
                            format_iso(*date),
                            show(*value),
                            show(*other),
                            other_file.display(),
                            other_loc.describe()
                        ),
                    ))
                }
                Some(_) => {}
                None => {
                    rows.insert(*date, (*value, *location, file));
                }
            }
        }
    }
    let mut merged = Column::default();
    for (date, (value, location, file)) in rows {
        merged.push(file, location, date, value, report)?;
    }
    Ok(merged)
}

/// Most float32 steps two copies of one Yahoo close may differ by and still count as the
/// same value. Yahoo stores closes as float32 and recomputes dividend-adjusted closes on
/// each download, which moves the last float32 digit: the two real DBC copies differ by
/// 1 step on 498 and by 2 steps on 24 of 1,615 shared days (at most 2.1e-7 of the price).
pub const MAX_FLOAT32_STEPS: u32 = 2;

/// Distance between `a` and `b` in float32 steps (ulps), or `None` if either is not a
/// positive finite float32.
pub fn float32_steps(a: f64, b: f64) -> Option<u32> {
    let (a, b) = (a as f32, b as f32);
    (a.is_finite() && b.is_finite() && a > 0.0 && b > 0.0).then(|| a.to_bits().abs_diff(b.to_bits()))
}

/// Extends `primary` with the rows of `extension` dated after its last row.
///
/// Every date the two share must carry the same close to within [`MAX_FLOAT32_STEPS`]
/// (otherwise the build stops, naming both places); on shared dates `primary`'s value is
/// kept, and each shared date whose values differ at all is reported.
pub fn extend(
    (primary_file, primary): (&Path, Column),
    (extension_file, extension): (&Path, Column),
    report: &mut Report,
) -> Result<Column, BuildError> {
    let mut out = primary.clone();
    for ((date, value), location) in extension
        .dates
        .iter()
        .zip(&extension.values)
        .zip(&extension.locations)
    {
        match primary.dates.binary_search(date) {
            Ok(i) => {
                let (theirs, their_location) = (
                    primary.values.get(i).copied().flatten(),
                    primary.locations.get(i).copied().unwrap_or(Location::File),
                );
                let steps = match (theirs, value) {
                    (Some(a), Some(b)) => float32_steps(a, *b),
                    (None, None) => Some(0),
                    _ => None,
                };
                match steps {
                    Some(0) => {}
                    Some(n) if n <= MAX_FLOAT32_STEPS => report.note(
                        extension_file,
                        *location,
                        format!(
                            "shared day: {n} float32 step(s) from {} (its value kept)",
                            primary_file.display()
                        ),
                    ),
                    _ => {
                        return Err(BuildError::new(
                            extension_file,
                            *location,
                            format!(
                                "{} is {} here but {} in {} {}",
                                format_iso(*date),
                                show(*value),
                                show(theirs),
                                primary_file.display(),
                                their_location.describe()
                            ),
                        ))
                    }
                }
            }
            Err(_) if primary.dates.last().is_some_and(|last| date > last) => {
                out.push(extension_file, *location, *date, *value, report)?;
            }
            Err(_) => {
                return Err(BuildError::new(
                    extension_file,
                    *location,
                    format!(
                        "{} is missing from {}, which covers that day",
                        format_iso(*date),
                        primary_file.display()
                    ),
                ))
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn float32_noise_is_trimmed_and_others_kept() {
        assert_eq!(at_source_precision(457.3340148925781), 457.334);
        assert_eq!(at_source_precision(124752.53125), 124752.53);
        assert_eq!(at_source_precision(-903.2), -903.2);
        assert_eq!(at_source_precision(24.21182347891991), 24.21182347891991);
    }

    #[test]
    fn duplicate_rows() {
        let f = Path::new("x.csv");
        let mut r = Report::default();
        let mut c = Column::default();
        c.push(f, Location::Line(2), date!(2024 - 01 - 02), Some(1.0), &mut r)
            .unwrap();
        c.push(f, Location::Line(3), date!(2024 - 01 - 02), Some(1.0), &mut r)
            .unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!(r.notices()[0].reason, "dropped: repeats 2024-01-02 (line 2)");
        let e = c
            .push(f, Location::Line(4), date!(2024 - 01 - 02), Some(2.0), &mut r)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.csv:4: duplicate date 2024-01-02 with a different value (2 here, 1 on line 2)"
        );
        let e = c
            .push(f, Location::Line(5), date!(2024 - 01 - 01), Some(2.0), &mut r)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.csv:5: date 2024-01-01 is out of order (after 2024-01-02)"
        );
    }

    #[test]
    fn rounding_is_on_the_decimal_digits() {
        let r = |t: &str, k: usize| round_decimal_text(t, k).unwrap();
        assert_eq!(r("24.21182347891991", 3), "24.212");
        assert_eq!(r("39086561.48145079", 0), "39086561");
        assert_eq!(
            r("1.0005", 3),
            "1.001",
            "a tie goes away from zero, unlike 1.0005 * 1000"
        );
        assert_eq!(r("-1.0005", 3), "-1.001");
        assert_eq!(r("999.9996", 3), "1000.000");
        assert_eq!(r("674144.5", 0), "674145");
        assert_eq!(r("0.4", 0), "0");
        assert_eq!(r("12.5", 3), "12.5");
        assert_eq!(round_decimal_text("1e-5", 3), None);
        assert_eq!(round_decimal_text(".5", 3), None);
        let f = Path::new("x.csv");
        assert_eq!(parse_rounded(f, Location::Line(2), "1.0005", 3).unwrap(), 1.001);
        assert_eq!(parse_rounded(f, Location::Line(2), "1.2345e2", 1).unwrap(), 123.5);
        assert!(parse_rounded(f, Location::Line(2), "x", 1).is_err());
    }

    #[test]
    fn float32_steps_between_closes() {
        assert_eq!(float32_steps(13.896102905273438, 13.896103858947754), Some(1));
        assert_eq!(float32_steps(22.1, 22.1), Some(0));
        assert_eq!(float32_steps(-1.0, 1.0), None);
    }

    #[test]
    fn numbers() {
        let f = Path::new("x.csv");
        assert_eq!(parse_number(f, Location::Line(2), " -95.1 ").unwrap(), -95.1);
        assert_eq!(
            parse_number(f, Location::Line(2), "NaN").unwrap_err().to_string(),
            "x.csv:2: `NaN` is not a finite number"
        );
        assert_eq!(
            parse_number(f, Location::Line(9), "1,2").unwrap_err().to_string(),
            "x.csv:9: `1,2` is not a number"
        );
    }
}
