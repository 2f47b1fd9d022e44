//! Coin Metrics community data: `eth_monthly.csv`, `time,SplyCur,IssTotNtv,FeeTotNtv,PriceUSD`
//! on the first day of each month (plus a few other days).

use crate::column::{parse_date, parse_rounded, Column};
use crate::error::{BuildError, Location, Report};
use crate::io::read_text;
use crate::yahoo::{csv_error, find_column};
use std::path::Path;

/// Decimal places kept of the supply (0.001 ETH, as for the burn).
pub const SUPPLY_DECIMALS: usize = 3;

/// Reads `SplyCur`, the measured current ETH supply, rounded to [`SUPPLY_DECIMALS`] on the
/// provider's digits. A row whose supply is empty (2025-12-21 in the real file) carries no
/// observation: it is dropped and reported, so the series has no gap there but simply no
/// point. Dates may be irregular; they must ascend.
pub fn read_supply(file: &Path, report: &mut Report) -> Result<Column, BuildError> {
    let text = read_text(file)?;
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| BuildError::new(file, Location::Line(1), format!("unreadable header: {e}")))?
        .clone();
    let date_col = find_column(file, &header, "time")?;
    let supply_col = find_column(file, &header, "SplyCur")?;
    let mut column = Column::default();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(file, &e))?;
        let location = Location::Line(record.position().map_or(0, |p| p.line()));
        let date = parse_date(file, location, record.get(date_col).unwrap_or(""))?;
        let text = record.get(supply_col).unwrap_or("").trim();
        if text.is_empty() {
            report.note(file, location, "dropped: empty in the source (no SplyCur)");
            continue;
        }
        let supply = parse_rounded(file, location, text, SUPPLY_DECIMALS)?;
        if supply <= 0.0 {
            return Err(BuildError::new(
                file,
                location,
                format!("supply `{text}` is not positive"),
            ));
        }
        column.push(file, location, date, Some(supply), report)?;
    }
    if column.is_empty() {
        return Err(BuildError::new(file, Location::File, "no observations"));
    }
    Ok(column)
}
