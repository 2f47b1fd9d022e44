//! Validated dated columns: [`Series`] (one value per date) and [`FlowTable`] (one column
//! per fund). Constructed only through checks, so every holder of one may rely on
//! strictly increasing dates, equal column lengths and finite values.

use super::error::SnapshotError;
use super::parse_date;
use super::raw::{RawAxis, RawFlowTable, RawFund, RawMeta, RawSeries};
use crate::date::{add_days, days_between, format_iso};
use time::Date;

/// Descriptive metadata of a series or table.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// Human label.
    pub label: String,
    /// Unit of the values.
    pub unit: String,
    /// Provider id (key into the snapshot's providers).
    pub provider: String,
    /// Whether the last point was taken before its period closed.
    pub last_provisional: bool,
    /// Caveat for readers, if any.
    pub note: Option<String>,
}

/// Strictly increasing dates, at least one.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis(Vec<Date>);

impl Axis {
    /// Checks that `dates` is non-empty and strictly increasing.
    ///
    /// # Errors
    /// [`SnapshotError::NoData`] or [`SnapshotError::Unsorted`], naming `series`.
    pub fn new(series: &str, dates: Vec<Date>) -> Result<Self, SnapshotError> {
        if dates.is_empty() {
            return Err(SnapshotError::NoData(series.to_owned()));
        }
        if let Some(i) = dates.windows(2).position(|w| w[0] >= w[1]) {
            return Err(SnapshotError::Unsorted {
                series: series.to_owned(),
                index: i + 1,
            });
        }
        Ok(Self(dates))
    }

    fn from_raw(series: &str, raw: &RawAxis) -> Result<Self, SnapshotError> {
        let mut date = parse_date(series, &raw.start)?;
        let mut dates = Vec::with_capacity(raw.day_steps.len() + 1);
        dates.push(date);
        for (i, &step) in raw.day_steps.iter().enumerate() {
            date = match add_days(date, i64::from(step)) {
                Some(next) if step > 0 => next,
                _ => {
                    return Err(SnapshotError::Unsorted {
                        series: series.to_owned(),
                        index: i + 1,
                    })
                }
            };
            dates.push(date);
        }
        Ok(Self(dates))
    }

    fn to_raw(&self) -> RawAxis {
        let start = self.0.first().map(|d| format_iso(*d)).unwrap_or_default();
        let day_steps = self
            .0
            .windows(2)
            .map(|w| u32::try_from(days_between(w[0], w[1])).unwrap_or(u32::MAX))
            .collect();
        RawAxis { start, day_steps }
    }

    /// The dates.
    pub fn dates(&self) -> &[Date] {
        &self.0
    }

    fn first(&self) -> Date {
        // Non-empty by construction.
        self.0[0]
    }

    fn last(&self) -> Date {
        self.0[self.0.len() - 1]
    }
}

/// One value (or gap) per date.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Id in the snapshot.
    pub id: String,
    /// What the values are.
    pub meta: Meta,
    axis: Axis,
    values: Vec<Option<f64>>,
}

impl Series {
    /// Checks lengths and finiteness.
    ///
    /// # Errors
    /// [`SnapshotError::Length`] or [`SnapshotError::NonFinite`].
    pub fn new(id: &str, meta: Meta, axis: Axis, values: Vec<Option<f64>>) -> Result<Self, SnapshotError> {
        check_len(id, "values", values.len(), axis.0.len())?;
        check_finite(id, &axis, values.iter().map(|v| v.unwrap_or(0.0)))?;
        Ok(Self {
            id: id.to_owned(),
            meta,
            axis,
            values,
        })
    }

    pub(super) fn from_raw(id: &str, raw: RawSeries) -> Result<Self, SnapshotError> {
        let axis = Axis::from_raw(id, &raw.axis)?;
        let meta = meta_from_raw(id, raw.meta, &axis)?;
        Self::new(id, meta, axis, raw.values)
    }

    /// The raw, serializable form.
    pub fn to_raw(&self) -> RawSeries {
        RawSeries {
            meta: meta_to_raw(&self.meta, &self.axis),
            axis: self.axis.to_raw(),
            values: self.values.clone(),
        }
    }

    /// The dates, strictly increasing.
    pub fn dates(&self) -> &[Date] {
        self.axis.dates()
    }

    /// The values, `None` for a gap; as long as [`Series::dates`].
    pub fn values(&self) -> &[Option<f64>] {
        &self.values
    }

    /// First date.
    pub fn first(&self) -> Date {
        self.axis.first()
    }

    /// Last date.
    pub fn last(&self) -> Date {
        self.axis.last()
    }

    /// The value on `date`, if the series has that date and it is not a gap.
    pub fn value_on(&self, date: Date) -> Option<f64> {
        let i = self.dates().binary_search(&date).ok()?;
        self.values.get(i).copied().flatten()
    }
}

/// A fund column of a [`FlowTable`].
#[derive(Debug, Clone, PartialEq)]
pub struct Fund {
    /// Ticker.
    pub ticker: String,
    /// Name (the ticker where not verified).
    pub name: String,
    /// Daily net flow, US$ millions, one per table date.
    pub flows_usd_m: Vec<f64>,
}

/// ETF daily net flows per fund and in total, on trading days.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowTable {
    /// Id in the snapshot (`btc`, `eth`).
    pub id: String,
    /// What the values are.
    pub meta: Meta,
    axis: Axis,
    funds: Vec<Fund>,
    total_usd_m: Vec<f64>,
}

impl FlowTable {
    /// Checks lengths and finiteness of every column.
    ///
    /// # Errors
    /// [`SnapshotError::Length`] or [`SnapshotError::NonFinite`].
    pub fn new(
        id: &str,
        meta: Meta,
        axis: Axis,
        funds: Vec<Fund>,
        total_usd_m: Vec<f64>,
    ) -> Result<Self, SnapshotError> {
        let n = axis.0.len();
        check_len(id, "total", total_usd_m.len(), n)?;
        check_finite(id, &axis, total_usd_m.iter().copied())?;
        for f in &funds {
            check_len(id, &f.ticker, f.flows_usd_m.len(), n)?;
            check_finite(id, &axis, f.flows_usd_m.iter().copied())?;
        }
        Ok(Self {
            id: id.to_owned(),
            meta,
            axis,
            funds,
            total_usd_m,
        })
    }

    pub(super) fn from_raw(id: &str, raw: RawFlowTable) -> Result<Self, SnapshotError> {
        let axis = Axis::from_raw(id, &raw.axis)?;
        let meta = meta_from_raw(id, raw.meta, &axis)?;
        check_len(id, "funds", raw.by_fund.len(), raw.funds.len())?;
        let funds = raw
            .funds
            .into_iter()
            .zip(raw.by_fund)
            .map(|(f, flows_usd_m)| Fund {
                ticker: f.ticker,
                name: f.name,
                flows_usd_m,
            })
            .collect();
        Self::new(id, meta, axis, funds, raw.total)
    }

    /// The raw, serializable form.
    pub fn to_raw(&self) -> RawFlowTable {
        RawFlowTable {
            meta: meta_to_raw(&self.meta, &self.axis),
            axis: self.axis.to_raw(),
            funds: self
                .funds
                .iter()
                .map(|f| RawFund {
                    ticker: f.ticker.clone(),
                    name: f.name.clone(),
                })
                .collect(),
            by_fund: self.funds.iter().map(|f| f.flows_usd_m.clone()).collect(),
            total: self.total_usd_m.clone(),
        }
    }

    /// Trading days with a published row, strictly increasing.
    pub fn dates(&self) -> &[Date] {
        self.axis.dates()
    }

    /// The fund columns in provider order.
    pub fn funds(&self) -> &[Fund] {
        &self.funds
    }

    /// The provider's daily total, US$ millions.
    pub fn total_usd_m(&self) -> &[f64] {
        &self.total_usd_m
    }

    /// First date.
    pub fn first(&self) -> Date {
        self.axis.first()
    }

    /// Last date.
    pub fn last(&self) -> Date {
        self.axis.last()
    }
}

fn check_len(series: &str, what: &str, found: usize, expected: usize) -> Result<(), SnapshotError> {
    if found == expected {
        Ok(())
    } else {
        Err(SnapshotError::Length {
            series: series.to_owned(),
            what: what.to_owned(),
            found,
            expected,
        })
    }
}

fn check_finite(series: &str, axis: &Axis, values: impl Iterator<Item = f64>) -> Result<(), SnapshotError> {
    for (date, v) in axis.0.iter().zip(values) {
        if !v.is_finite() {
            return Err(SnapshotError::NonFinite {
                series: series.to_owned(),
                date: format_iso(*date),
            });
        }
    }
    Ok(())
}

fn meta_from_raw(id: &str, raw: RawMeta, axis: &Axis) -> Result<Meta, SnapshotError> {
    for (field, stated, actual) in [
        ("first", &raw.first, axis.first()),
        ("last", &raw.last, axis.last()),
    ] {
        if parse_date(id, stated)? != actual {
            return Err(SnapshotError::MetaMismatch {
                series: id.to_owned(),
                field: field.to_owned(),
                stated: stated.clone(),
                actual: format_iso(actual),
            });
        }
    }
    Ok(Meta {
        label: raw.label,
        unit: raw.unit,
        provider: raw.provider,
        last_provisional: raw.last_provisional,
        note: raw.note,
    })
}

fn meta_to_raw(meta: &Meta, axis: &Axis) -> RawMeta {
    RawMeta {
        label: meta.label.clone(),
        unit: meta.unit.clone(),
        provider: meta.provider.clone(),
        first: format_iso(axis.first()),
        last: format_iso(axis.last()),
        last_provisional: meta.last_provisional,
        note: meta.note.clone(),
    }
}
