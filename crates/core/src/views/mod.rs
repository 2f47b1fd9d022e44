//! View models: what each chart plots and says for the reader's current controls.
//!
//! Pure functions from the validated snapshot and the reader's [`state::ViewState`] to a
//! [`chart::ChartView`]: a [`frame::Frame`] to draw, the controls with their current values,
//! and every sentence as a message with computed arguments. The app wraps each in a Memo
//! and draws the result; nothing here knows about canvases or signals, so every number and
//! every sentence on the page is tested on the host.

pub mod burn;
pub mod chart;
pub mod claims;
pub mod correlation;
pub mod export;
pub mod flows;
pub mod frame;
pub mod lens;
pub mod prerender;
pub mod range;
pub mod state;
pub mod story;
pub mod table;

use time::Date;

/// The x coordinate of a date on every chart: its Julian day number.
pub fn day_x(date: Date) -> f64 {
    f64::from(date.to_julian_day())
}

/// The date of an x coordinate (rounded to the nearest day).
pub fn x_day(x: f64) -> Option<Date> {
    let rounded = x.round();
    if rounded.is_finite() && rounded.abs() < f64::from(i32::MAX) {
        Date::from_julian_day(rounded as i32).ok()
    } else {
        None
    }
}

/// The last index in `values` that is not a gap, with its value.
pub fn last_value(values: &[Option<f64>]) -> Option<(usize, f64)> {
    values
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, v)| v.map(|v| (i, v)))
}

/// The first index in `values` that is not a gap, with its value.
pub fn first_value(values: &[Option<f64>]) -> Option<(usize, f64)> {
    values.iter().enumerate().find_map(|(i, v)| v.map(|v| (i, v)))
}

/// The committed snapshot, as the page reads it (tests of the page's words).
#[cfg(test)]
#[allow(clippy::expect_used)] // test code
pub(crate) fn committed_snapshot() -> std::sync::Arc<crate::Snapshot> {
    std::sync::Arc::new(
        crate::Snapshot::from_text(include_str!("../../../../public/data/snapshot.txt"))
            .expect("the committed snapshot reads"),
    )
}
