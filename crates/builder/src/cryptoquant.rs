//! CryptoQuant daily CSVs: `date,<metric>`.

use crate::column::{parse_date, parse_rounded, Column};
use crate::error::{BuildError, Location, Report};
use crate::io::read_text;
use crate::yahoo::{csv_error, find_column};
use crate::SNAPSHOT_START;
use repricing_core::date::format_iso;
use repricing_core::Date;
use std::path::Path;

/// Reads the `metric` column. A blank cell before `exists_from` means the metric did not
/// exist yet (burn before EIP-1559) and the row is dropped; a blank after it is kept as a
/// gap. Both are reported. Values are kept to `decimals` decimal places, rounded on the
/// provider's digits ([`parse_rounded`]).
pub fn read_metric(
    file: &Path,
    metric: &str,
    exists_from: Option<Date>,
    decimals: usize,
    report: &mut Report,
) -> Result<Column, BuildError> {
    let text = read_text(file)?;
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| BuildError::new(file, Location::Line(1), format!("unreadable header: {e}")))?
        .clone();
    let date_col = find_column(file, &header, "date")?;
    let value_col = find_column(file, &header, metric)?;
    let mut column = Column::default();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(file, &e))?;
        let location = Location::Line(record.position().map_or(0, |p| p.line()));
        let date = parse_date(file, location, record.get(date_col).unwrap_or(""))?;
        if date < SNAPSHOT_START {
            report.note(file, location, "dropped: before the snapshot start 2018-01-01");
            continue;
        }
        let text = record.get(value_col).unwrap_or("").trim();
        let value = if text.is_empty() {
            match exists_from {
                Some(start) if date < start => {
                    report.note(
                        file,
                        location,
                        format!("dropped: blank before the metric existed ({})", format_iso(start)),
                    );
                    continue;
                }
                _ => {
                    report.note(file, location, "kept as a gap: blank value");
                    None
                }
            }
        } else {
            Some(parse_rounded(file, location, text, decimals)?)
        };
        column.push(file, location, date, value, report)?;
    }
    if column.is_empty() {
        return Err(BuildError::new(file, Location::File, "no observations"));
    }
    Ok(column)
}
