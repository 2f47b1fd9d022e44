//! A dated column read from one provider file, checked as it is read.

use crate::error::{BuildError, Location, Report};
use repricing_core::date::format_iso;
use repricing_core::Date;
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

    /// Rounds every value to `decimals` decimal places (half away from zero).
    pub fn round_to(&mut self, decimals: i32) {
        let scale = 10f64.powi(decimals);
        for v in self.values.iter_mut().flatten() {
            let rounded = (*v * scale).round() / scale;
            // Re-read through text so the stored f64 is the shortest decimal of that value.
            *v = format!("{rounded:.prec$}", prec = decimals.max(0) as usize)
                .parse()
                .unwrap_or(rounded);
        }
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
    fn rounding_keeps_the_shortest_decimal() {
        let mut c = Column {
            dates: vec![date!(2024 - 01 - 01); 3],
            values: vec![Some(24.21182347891991), None, Some(39086561.48145079)],
            locations: vec![Location::Line(2); 3],
        };
        c.round_to(3);
        assert_eq!(c.values, vec![Some(24.212), None, Some(39086561.481)]);
        c.round_to(0);
        assert_eq!(c.values, vec![Some(24.0), None, Some(39086561.0)]);
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
