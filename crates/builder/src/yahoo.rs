//! Yahoo Finance files: the `prices` JSON (`[[unix_seconds, close], ...]`) and the OHLCV
//! CSV (`Date,Open,High,Low,Close,Volume`).

use crate::column::{at_source_precision, parse_date, parse_number, Column};
use crate::error::{BuildError, Location, Report};
use crate::io::read_text;
use crate::SNAPSHOT_START;
use repricing_core::Date;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct PricesFile {
    #[allow(dead_code)]
    symbol: String,
    prices: Vec<(i64, Option<f64>)>,
}

/// Julian day number of 1970-01-01.
const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;
const SECONDS_PER_DAY: i64 = 86_400;

/// Reads a `prices_*.json` file. Each timestamp is mapped to its UTC calendar date (Yahoo
/// stamps daily bars at 00:00 UTC of the bar's day). Rows before [`SNAPSHOT_START`] and
/// null closes are dropped and reported.
pub fn read_prices_json(file: &Path, report: &mut Report) -> Result<Column, BuildError> {
    let text = read_text(file)?;
    let parsed: PricesFile = serde_json::from_str(&text)
        .map_err(|e| BuildError::new(file, Location::File, format!("malformed prices JSON: {e}")))?;
    let mut column = Column::default();
    for (i, (seconds, close)) in parsed.prices.into_iter().enumerate() {
        let location = Location::Entry(i);
        let day = UNIX_EPOCH_JULIAN_DAY + seconds.div_euclid(SECONDS_PER_DAY);
        let date = i32::try_from(day)
            .ok()
            .and_then(|d| Date::from_julian_day(d).ok())
            .ok_or_else(|| BuildError::new(file, location, format!("timestamp {seconds} is out of range")))?;
        if date < SNAPSHOT_START {
            report.note(file, location, "dropped: before the snapshot start 2018-01-01");
            continue;
        }
        let Some(close) = close else {
            report.note(file, location, "dropped: null close");
            continue;
        };
        if !close.is_finite() {
            return Err(BuildError::new(file, location, "close is not a finite number"));
        }
        column.push(file, location, date, Some(at_source_precision(close)), report)?;
    }
    non_empty(file, column)
}

/// Reads the `Close` column of an OHLCV CSV. `null` closes are dropped and reported.
pub fn read_ohlcv_csv(file: &Path, report: &mut Report) -> Result<Column, BuildError> {
    let text = read_text(file)?;
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| BuildError::new(file, Location::Line(1), format!("unreadable header: {e}")))?
        .clone();
    let date_col = find_column(file, &header, "Date")?;
    let close_col = find_column(file, &header, "Close")?;
    let mut column = Column::default();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(file, &e))?;
        let location = Location::Line(record.position().map_or(0, |p| p.line()));
        let cell = |i: usize| record.get(i).unwrap_or("");
        let date = parse_date(file, location, cell(date_col))?;
        if date < SNAPSHOT_START {
            report.note(file, location, "dropped: before the snapshot start 2018-01-01");
            continue;
        }
        let close = cell(close_col).trim();
        if close.is_empty() || close == "null" {
            report.note(file, location, "dropped: no close");
            continue;
        }
        let close = parse_number(file, location, close)?;
        column.push(file, location, date, Some(at_source_precision(close)), report)?;
    }
    non_empty(file, column)
}

/// The index of the column named `name`, or an error naming the header line.
pub fn find_column(file: &Path, header: &csv::StringRecord, name: &str) -> Result<usize, BuildError> {
    header.iter().position(|h| h.trim() == name).ok_or_else(|| {
        BuildError::new(
            file,
            Location::Line(1),
            format!(
                "missing column `{name}` (header: {})",
                header.iter().collect::<Vec<_>>().join(",")
            ),
        )
    })
}

/// A CSV-level error (wrong field count, bad UTF-8) with its line.
pub fn csv_error(file: &Path, e: &csv::Error) -> BuildError {
    let location = e.position().map_or(Location::File, |p| Location::Line(p.line()));
    BuildError::new(file, location, format!("unreadable CSV row: {e}"))
}

fn non_empty(file: &Path, column: Column) -> Result<Column, BuildError> {
    if column.is_empty() {
        Err(BuildError::new(
            file,
            Location::File,
            "no observations on or after 2018-01-01",
        ))
    } else {
        Ok(column)
    }
}
