//! Validated dated columns: [`Series`] (one value per date) and [`FlowTable`] (one column
//! per fund). Constructed only through checks, so every holder of one may rely on
//! strictly increasing dates, equal column lengths and finite values.
//!
//! Read from a file ([`Series::load`], [`FlowTable::load`]) they are also plausible:
//!
//! - a series value outside its bounds ([`super::bounds`]) or not a number is set aside:
//!   the series has a gap there and an [`Issue`] naming series, date and value;
//! - a flow row with an unusable fund cell is left out (the table has no row that day);
//!   a row whose stated total is not the sum of its funds within
//!   [`TOTAL_TOLERANCE_USD_M`] (or is unusable) keeps the sum of its funds as its total,
//!   so bars and total agree, and the day is named;
//! - more than [`max_set_aside`] such entries, or no value at all, refuse the series;
//! - metadata `first`/`last` that disagree with the dates are an [`Issue`], not a refusal:
//!   the dates and values are self-consistent and are what is drawn.

use super::bounds::{flow_kind, max_set_aside, series_kind, Bounds, TOTAL_TOLERANCE_USD_M};
use super::error::SnapshotError;
use super::input::{AxisInput, FlowInput, SeriesInput, Slot};
use super::issue::{self, number, Issue, Reason};
use super::parse_date;
use super::raw::{RawAxis, RawFlowTable, RawFund, RawMeta, RawSeries};
use super::text::GAP;
use crate::date::{add_days, days_between, format_iso, parse_iso};
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
        if let Some(i) = dates.windows(2).position(|w| matches!(w, [a, b] if a >= b)) {
            return Err(SnapshotError::Unsorted {
                series: series.to_owned(),
                index: i + 1,
            });
        }
        Ok(Self(dates))
    }

    fn from_input(series: &str, raw: &AxisInput) -> Result<Self, SnapshotError> {
        let mut date = parse_date(series, &raw.start)?;
        let mut dates = Vec::with_capacity(raw.steps.len() + 1);
        dates.push(date);
        for (i, step) in raw.steps.iter().enumerate() {
            let bad = |text: String| SnapshotError::BadStep {
                series: series.to_owned(),
                position: i + 1,
                text,
            };
            date = match step {
                Ok(days) if *days > 0 => add_days(date, *days).ok_or_else(|| bad(days.to_string()))?,
                Ok(days) => return Err(bad(days.to_string())),
                Err(text) => return Err(bad(text.clone())),
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
            .map(|w| match w {
                [a, b] => u32::try_from(days_between(*a, *b)).unwrap_or(u32::MAX),
                _ => u32::MAX,
            })
            .collect();
        RawAxis { start, day_steps }
    }

    /// The dates.
    pub fn dates(&self) -> &[Date] {
        &self.0
    }

    fn first(&self) -> Date {
        // Non-empty by construction; the fallback is never taken.
        self.0.first().copied().unwrap_or(Date::MIN)
    }

    fn last(&self) -> Date {
        self.0.last().copied().unwrap_or(Date::MIN)
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
    issues: Vec<Issue>,
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
            issues: Vec::new(),
        })
    }

    /// Validates a series read from a file (see the module doc for the rules).
    ///
    /// # Errors
    /// The series' refusal: [`SnapshotError::BadDate`], [`SnapshotError::BadStep`],
    /// [`SnapshotError::Length`], [`SnapshotError::TooManySetAside`] or
    /// [`SnapshotError::NoValues`].
    pub(super) fn load(id: &str, input: SeriesInput) -> Result<Self, SnapshotError> {
        let axis = Axis::from_input(id, &input.axis)?;
        check_len(id, "values", input.values.len(), axis.0.len())?;
        let kind = series_kind(id);
        let mut issues = Vec::new();
        let values: Vec<Option<f64>> = axis
            .0
            .iter()
            .zip(&input.values)
            .map(|(date, slot)| {
                judge(slot, &kind.bounds).unwrap_or_else(|(value, reason)| {
                    issues.push(Issue::ValueSetAside {
                        date: *date,
                        quantity: kind.quantity.to_owned(),
                        value,
                        unit: kind.unit.to_owned(),
                        reason,
                    });
                    None
                })
            })
            .collect();
        check_set_aside(id, &issues, values.len())?;
        if values.iter().all(Option::is_none) {
            return Err(SnapshotError::NoValues(id.to_owned()));
        }
        issues.extend(range_issues(&input.meta, &axis));
        Ok(Self {
            id: id.to_owned(),
            meta: meta_from_raw(input.meta),
            axis,
            values,
            issues,
        })
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

    /// Problems in the file that were handled (values set aside, ranges that disagree).
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// [`Series::issues`] as sentences for the chart, one per kind of problem.
    pub fn notes(&self) -> Vec<String> {
        issue::notes(&self.issues)
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
    issues: Vec<Issue>,
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
            issues: Vec::new(),
        })
    }

    /// Validates a flow table read from a file (see the module doc for the rules).
    ///
    /// # Errors
    /// The table's refusal, as for [`Series::load`] (errors name it `etf_flows.<id>`).
    pub(super) fn load(id: &str, input: FlowInput) -> Result<Self, SnapshotError> {
        let key = format!("etf_flows.{id}");
        let axis = Axis::from_input(&key, &input.axis)?;
        let n = axis.0.len();
        check_len(&key, "by_fund", input.by_fund.len(), input.funds.len())?;
        check_len(&key, "total", input.total.len(), n)?;
        for (fund, column) in input.funds.iter().zip(&input.by_fund) {
            check_len(&key, &fund.ticker, column.len(), n)?;
        }
        let layout = |detail: String| SnapshotError::Layout {
            series: key.clone(),
            detail,
        };
        if input.funds.is_empty() {
            return Err(layout("the table has no funds".to_owned()));
        }
        for (i, fund) in input.funds.iter().enumerate() {
            if input.funds.iter().skip(i + 1).any(|f| f.ticker == fund.ticker) {
                return Err(layout(format!("fund `{}` appears twice", fund.ticker)));
            }
        }
        let bounds = flow_kind(id).bounds;
        let mut issues = Vec::new();
        let mut dates = Vec::with_capacity(n);
        let mut columns: Vec<Vec<f64>> = vec![Vec::with_capacity(n); input.funds.len()];
        let mut total_usd_m = Vec::with_capacity(n);
        let mut row = Vec::with_capacity(input.funds.len());
        for (d, date) in axis.0.iter().enumerate() {
            row.clear();
            let mut bad = None;
            for (fund, column) in input.funds.iter().zip(&input.by_fund) {
                // A fund cell has no gaps: a gap is as unusable as a word.
                match column.get(d).map(|slot| judge(slot, &bounds)) {
                    Some(Ok(Some(v))) => row.push(v),
                    Some(Err((value, reason))) => bad = bad.or(Some((fund.ticker.clone(), value, reason))),
                    Some(Ok(None)) | None => {
                        bad = bad.or(Some((fund.ticker.clone(), GAP.to_owned(), Reason::NotANumber)))
                    }
                }
            }
            let sum: f64 = row.iter().sum();
            if bad.is_none() && !bounds.contains(sum) {
                bad = Some(("all funds together".to_owned(), number(sum), out_of(&bounds)));
            }
            if let Some((fund, value, reason)) = bad {
                issues.push(Issue::RowSetAside {
                    date: *date,
                    fund,
                    value,
                    reason,
                });
                continue;
            }
            let total = match input.total.get(d) {
                Some(Slot::Number(t)) if (t - sum).abs() <= TOTAL_TOLERANCE_USD_M + 1e-9 => *t,
                other => {
                    let stated = match other {
                        Some(Slot::Number(t)) => number(*t),
                        Some(Slot::Unusable(text)) => text.clone(),
                        Some(Slot::Lost) => "?".to_owned(),
                        Some(Slot::Gap) | None => GAP.to_owned(),
                    };
                    issues.push(Issue::TotalNotSum {
                        date: *date,
                        stated,
                        sum_usd_m: sum,
                    });
                    sum
                }
            };
            dates.push(*date);
            for (column, v) in columns.iter_mut().zip(&row) {
                column.push(*v);
            }
            total_usd_m.push(total);
        }
        check_set_aside(&key, &issues, n)?;
        if dates.is_empty() {
            return Err(SnapshotError::NoValues(key));
        }
        issues.extend(range_issues(&input.meta, &axis));
        let funds = input
            .funds
            .into_iter()
            .zip(columns)
            .map(|(f, flows_usd_m)| Fund {
                ticker: f.ticker,
                name: f.name,
                flows_usd_m,
            })
            .collect();
        Ok(Self {
            id: id.to_owned(),
            meta: meta_from_raw(input.meta),
            axis: Axis(dates),
            funds,
            total_usd_m,
            issues,
        })
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

    /// The daily total, US$ millions: the provider's, or the sum of the funds on the days
    /// where the provider's is not that sum (named in [`FlowTable::issues`]).
    pub fn total_usd_m(&self) -> &[f64] {
        &self.total_usd_m
    }

    /// Problems in the file that were handled (days left out, totals replaced, ranges).
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// [`FlowTable::issues`] as sentences for the chart, one per kind of problem.
    pub fn notes(&self) -> Vec<String> {
        issue::notes(&self.issues)
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

/// A slot as a value (`None` for a gap), or why it is set aside (with its text).
fn judge(slot: &Slot, bounds: &Bounds) -> Result<Option<f64>, (String, Reason)> {
    match slot {
        Slot::Gap => Ok(None),
        Slot::Number(v) if bounds.contains(*v) => Ok(Some(*v)),
        Slot::Number(v) if v.is_finite() => Err((number(*v), out_of(bounds))),
        Slot::Number(v) => Err((number(*v), Reason::NotANumber)),
        Slot::Unusable(text) => Err((text.clone(), Reason::NotANumber)),
        Slot::Lost => Err(("?".to_owned(), Reason::AfterUnusable)),
    }
}

fn out_of(bounds: &Bounds) -> Reason {
    Reason::OutOfBounds {
        low: bounds.low,
        high: bounds.high,
    }
}

fn check_set_aside(key: &str, issues: &[Issue], entries: usize) -> Result<(), SnapshotError> {
    match issues.first() {
        Some(first) if issues.len() > max_set_aside(entries) => Err(SnapshotError::TooManySetAside {
            series: key.to_owned(),
            count: issues.len(),
            entries,
            example: first.to_string(),
        }),
        _ => Ok(()),
    }
}

/// The metadata's first/last dates where they disagree with the axis.
fn range_issues(raw: &RawMeta, axis: &Axis) -> Vec<Issue> {
    [
        ("first", &raw.first, axis.first()),
        ("last", &raw.last, axis.last()),
    ]
    .into_iter()
    .filter(|(_, stated, actual)| parse_iso(stated) != Some(*actual))
    .map(|(field, stated, actual)| Issue::RangeMismatch {
        field,
        stated: super::input::shorten(stated),
        actual,
    })
    .collect()
}

fn meta_from_raw(raw: RawMeta) -> Meta {
    Meta {
        label: raw.label,
        unit: raw.unit,
        provider: raw.provider,
        last_provisional: raw.last_provisional,
        note: raw.note,
    }
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
