//! FRED: the `date,value` CSV download and the JSON cache
//! (`{"series": {"DGS10": [["YYYY-MM-DD", value], ...]}}`).

use crate::column::{parse_date, parse_number, Column};
use crate::error::{BuildError, Location, Report};
use crate::io::read_text;
use crate::yahoo::csv_error;
use crate::SNAPSHOT_START;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Reads a FRED CSV: first column the date, second the value. A blank or `.` value is
/// FRED's "no observation" (a holiday of the bond market) and the row is dropped.
pub fn read_csv(file: &Path, report: &mut Report) -> Result<Column, BuildError> {
    let text = read_text(file)?;
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| BuildError::new(file, Location::Line(1), format!("unreadable header: {e}")))?
        .clone();
    if header.len() != 2 {
        return Err(BuildError::new(
            file,
            Location::Line(1),
            format!("expected 2 columns (date,value), found {}", header.len()),
        ));
    }
    let mut column = Column::default();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(file, &e))?;
        let location = Location::Line(record.position().map_or(0, |p| p.line()));
        let date = parse_date(file, location, record.get(0).unwrap_or(""))?;
        if date < SNAPSHOT_START {
            report.note(file, location, "dropped: before the snapshot start 2018-01-01");
            continue;
        }
        let text = record.get(1).unwrap_or("").trim();
        if text.is_empty() || text == "." {
            report.note(file, location, "dropped: no observation (blank)");
            continue;
        }
        column.push(
            file,
            location,
            date,
            Some(parse_number(file, location, text)?),
            report,
        )?;
    }
    Ok(column)
}

#[derive(Deserialize)]
struct Cache {
    series: BTreeMap<String, Vec<(String, Option<f64>)>>,
}

/// Reads one series of the FRED JSON cache; null values are dropped.
pub fn read_cache(file: &Path, series: &str, report: &mut Report) -> Result<Column, BuildError> {
    let text = read_text(file)?;
    let cache: Cache = serde_json::from_str(&text)
        .map_err(|e| BuildError::new(file, Location::File, format!("malformed FRED cache JSON: {e}")))?;
    let rows = cache
        .series
        .get(series)
        .ok_or_else(|| BuildError::new(file, Location::File, format!("no series `{series}` in the cache")))?;
    let mut column = Column::default();
    for (i, (date, value)) in rows.iter().enumerate() {
        let location = Location::Entry(i);
        let date = parse_date(file, location, date)?;
        if date < SNAPSHOT_START {
            report.note(file, location, "dropped: before the snapshot start 2018-01-01");
            continue;
        }
        let Some(value) = value else {
            report.note(file, location, "dropped: no observation (null)");
            continue;
        };
        if !value.is_finite() {
            return Err(BuildError::new(file, location, "value is not a finite number"));
        }
        column.push(file, location, date, Some(*value), report)?;
    }
    Ok(column)
}

/// Joins two copies of one series ([`crate::column::merge`]).
pub use crate::column::merge;
