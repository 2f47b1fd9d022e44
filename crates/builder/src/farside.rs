//! Farside Investors daily ETF net flows: `date,<fund tickers...>,<total>` in US$ millions.

use crate::calendar::MarketCalendar;
use crate::column::{parse_date, parse_number};
use crate::error::{BuildError, Location, Report};
use crate::io::read_text;
use crate::yahoo::{csv_error, find_column};
use repricing_core::date::format_iso;
use repricing_core::snapshot::{Axis, FlowTable, Fund, Meta};
use repricing_core::Date;
use std::path::Path;

/// Largest accepted gap between the provider's total and the sum of its funds, US$ m.
/// Each cell is published to 0.1, so a correct total is within one rounding step.
pub const TOTAL_TOLERANCE_USD_M: f64 = 0.1;

/// What one Farside file must contain.
pub struct FlowSpec {
    /// Table id in the snapshot (`btc`, `eth`).
    pub id: &'static str,
    /// Label for readers.
    pub label: &'static str,
    /// First day any fund of the table traded; earlier rows are bogus.
    pub first_listing: Date,
    /// Header of the total column.
    pub total_column: &'static str,
    /// `(ticker, name)` of every fund column, in the provider's order.
    pub funds: &'static [(&'static str, &'static str)],
}

/// A flow table and the days it marked as no trading.
pub struct Flows {
    /// The validated table.
    pub table: FlowTable,
    /// Rows the source published as all zeros on a day US markets were closed.
    pub holidays: Vec<Date>,
}

/// Reads one Farside file against `spec`. Hard errors: a missing or unexpected column, a
/// cell that is not a finite number, a total that is not the sum of the funds, non-zero
/// flows on a closed market day, a duplicate date with other values, dates out of order.
pub fn read_flows(
    file: &Path,
    spec: &FlowSpec,
    calendar: &MarketCalendar,
    report: &mut Report,
) -> Result<Flows, BuildError> {
    let text = read_text(file)?;
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| BuildError::new(file, Location::Line(1), format!("unreadable header: {e}")))?
        .clone();
    let date_col = find_column(file, &header, "date")?;
    let total_col = find_column(file, &header, spec.total_column)?;
    let fund_cols = spec
        .funds
        .iter()
        .map(|(ticker, _)| find_column(file, &header, ticker))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(extra) = header
        .iter()
        .enumerate()
        .find(|(i, _)| *i != date_col && *i != total_col && !fund_cols.contains(i))
    {
        return Err(BuildError::new(
            file,
            Location::Line(1),
            format!(
                "unexpected column `{}`: its flows would be lost; add the fund to the builder",
                extra.1
            ),
        ));
    }

    let mut dates: Vec<Date> = Vec::new();
    let mut rows: Vec<(Vec<f64>, f64, Location)> = Vec::new();
    let mut holidays = Vec::new();
    let mut all_zero_trading_days = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(file, &e))?;
        let location = Location::Line(record.position().map_or(0, |p| p.line()));
        let cell = |i: usize| record.get(i).unwrap_or("");
        let date = parse_date(file, location, cell(date_col))?;
        let mut funds = Vec::with_capacity(fund_cols.len());
        for (&col, (ticker, _)) in fund_cols.iter().zip(spec.funds) {
            let text = cell(col);
            if text.trim().is_empty() {
                return Err(BuildError::new(file, location, format!("no value for {ticker}")));
            }
            funds.push(parse_number(file, location, text)?);
        }
        let total = parse_number(file, location, cell(total_col))?;
        if date < spec.first_listing {
            report.note(
                file,
                location,
                format!(
                    "dropped: dated before the first listing day {}",
                    format_iso(spec.first_listing)
                ),
            );
            continue;
        }
        let sum: f64 = funds.iter().sum();
        if (sum - total).abs() > TOTAL_TOLERANCE_USD_M + 1e-9 {
            return Err(BuildError::new(
                file,
                location,
                format!(
                    "{} {total} on {} is not the sum of the funds ({:.1})",
                    spec.total_column,
                    format_iso(date),
                    sum
                ),
            ));
        }
        let all_zero = funds.iter().all(|v| *v == 0.0) && total == 0.0;
        if calendar.is_open(date) == Some(false) {
            if !all_zero {
                return Err(BuildError::new(
                    file,
                    location,
                    format!(
                        "non-zero flows on {}, a day US markets were closed",
                        format_iso(date)
                    ),
                ));
            }
            report.note(
                file,
                location,
                "marked no trading: all-zero row on a US market holiday",
            );
            holidays.push(date);
            continue;
        }
        if let (Some(&last), Some(prev)) = (dates.last(), rows.last()) {
            if date == last {
                if prev.0 == funds && prev.1 == total {
                    report.note(
                        file,
                        location,
                        format!("dropped: repeats {} ({})", format_iso(date), prev.2.describe()),
                    );
                    continue;
                }
                return Err(BuildError::new(
                    file,
                    location,
                    format!(
                        "duplicate date {} with different values ({})",
                        format_iso(date),
                        prev.2.describe()
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
        if all_zero {
            report.note(file, location, "kept: every fund zero on a trading day");
            all_zero_trading_days.push(date);
        }
        dates.push(date);
        rows.push((funds, total, location));
    }

    let last = dates.last().copied();
    let axis = Axis::new(spec.id, dates).map_err(|e| BuildError::new(file, Location::File, e.to_string()))?;
    let funds = spec
        .funds
        .iter()
        .enumerate()
        .map(|(f, (ticker, name))| Fund {
            ticker: (*ticker).to_owned(),
            name: (*name).to_owned(),
            flows_usd_m: rows.iter().map(|r| r.0.get(f).copied().unwrap_or(0.0)).collect(),
        })
        .collect();
    let total = rows.iter().map(|r| r.1).collect();
    let note = match (all_zero_trading_days.first(), all_zero_trading_days.last(), last) {
        (Some(_), Some(latest), Some(_)) => Some(format!(
            "Every fund shows zero on {} trading day(s), the latest {}: Farside publishes a day \
             without flows as 0, but a row of zeros can also be an incomplete update.",
            all_zero_trading_days.len(),
            format_iso(*latest)
        )),
        _ => None,
    };
    let meta = Meta {
        label: spec.label.to_owned(),
        unit: "US$ m".to_owned(),
        provider: "farside".to_owned(),
        last_provisional: false,
        note,
    };
    let table = FlowTable::new(spec.id, meta, axis, funds, total)
        .map_err(|e| BuildError::new(file, Location::File, e.to_string()))?;
    Ok(Flows { table, holidays })
}
