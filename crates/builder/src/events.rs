//! The hand-curated events file: `date,label,description,source,charts` (`charts`: the
//! keys of the charts that draw the event, separated by spaces).

use crate::column::parse_date;
use crate::error::{BuildError, Location};
use crate::io::read_text;
use crate::yahoo::{csv_error, find_column};
use repricing_core::snapshot::Event;
use std::path::Path;

/// Chart keys an event may name.
const CHARTS: [&str; 3] = ["correlation", "flows", "burn"];

/// Longest label drawn on a chart, in characters.
pub const MAX_LABEL_CHARS: usize = 28;

/// Reads and checks the events file: every field present, labels short enough to draw.
pub fn read_events(file: &Path) -> Result<Vec<Event>, BuildError> {
    let text = read_text(file)?;
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| BuildError::new(file, Location::Line(1), format!("unreadable header: {e}")))?
        .clone();
    let cols = ["date", "label", "description", "source"].map(|name| find_column(file, &header, name));
    let [date_col, label_col, description_col, source_col] = cols;
    let (date_col, label_col, description_col, source_col) =
        (date_col?, label_col?, description_col?, source_col?);
    // Optional: an events file without it draws no event on any chart.
    let charts_col = find_column(file, &header, "charts").ok();
    let mut events = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(file, &e))?;
        let location = Location::Line(record.position().map_or(0, |p| p.line()));
        let field = |i: usize, name: &str| -> Result<String, BuildError> {
            let v = record.get(i).unwrap_or("").trim();
            if v.is_empty() {
                Err(BuildError::new(file, location, format!("empty {name}")))
            } else {
                Ok(v.to_owned())
            }
        };
        let label = field(label_col, "label")?;
        if label.chars().count() > MAX_LABEL_CHARS {
            return Err(BuildError::new(
                file,
                location,
                format!("label `{label}` is longer than {MAX_LABEL_CHARS} characters"),
            ));
        }
        let charts: Vec<String> = charts_col
            .and_then(|c| record.get(c))
            .unwrap_or("")
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        if let Some(bad) = charts.iter().find(|c| !CHARTS.contains(&c.as_str())) {
            return Err(BuildError::new(
                file,
                location,
                format!("unknown chart `{bad}` (known: {})", CHARTS.join(", ")),
            ));
        }
        events.push(Event {
            date: parse_date(file, location, &field(date_col, "date")?)?,
            label,
            description: field(description_col, "description")?,
            source: field(source_col, "source")?,
            charts,
        });
    }
    Ok(events)
}
