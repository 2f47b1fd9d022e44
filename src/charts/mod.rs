//! Chart drawing, generic over plotters' `DrawingBackend`: the one engine
//! ([`engine`]) that draws any core [`Frame`](repricing_core::views::frame::Frame), and
//! the primitives and pixel spaces it uses.
//!
//! **Pixel spaces.** *CSS px* are what layout and pointer events use; *canvas px* are the
//! backing store's pixels, `css px × devicePixelRatio` (the canvas is sized so, or charts
//! blur on high-DPI screens, and plotters-canvas does not do it). The engine works in
//! canvas px, scaling sizes given in CSS px by [`Style::px`]; a [`Panel`] maps data to
//! canvas px (`x_px`, `y_px`) and back (`x_data`), and [`HoverMap`] keeps the panels of the
//! last draw for the hover overlay.

pub mod canvas;
pub mod engine;
pub mod measure;

use crate::theme::Theme;
use plotters::prelude::*;
use repricing_core::date::add_days;
use repricing_core::text::Locale;
use repricing_core::views::day_x;
use repricing_core::Date;

/// A drawing failure, in words.
pub type DrawResult<T> = Result<T, String>;

/// Converts a plotters error into a message.
pub fn draw_err<E: std::fmt::Debug>(e: E) -> String {
    format!("drawing failed: {e:?}")
}

/// The charts' font stack (the page's, style/main.css).
const FONT_FAMILY: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'PingFang SC', \
    'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

/// Sizes and colours for one draw.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Colours.
    pub theme: Theme,
    /// Canvas px per CSS px.
    pub dpr: f64,
    /// Width of the canvas in CSS px (for layout choices such as label density).
    pub css_width: f64,
}

impl Style {
    /// A length given in CSS px, in canvas px.
    pub fn px(&self, css: f64) -> i32 {
        (css * self.dpr).round() as i32
    }

    /// A font of `css` size.
    pub fn font(&self, css: f64, color: RGBColor) -> TextStyle<'static> {
        // The family is named as it is (plotters' `From<&str>` lowercases every name to
        // look for a generic family, which brings Unicode's case tables into the wasm).
        FontDesc::new(FontFamily::Name(FONT_FAMILY), css * self.dpr, FontStyle::Normal).color(&color)
    }

    /// The bold font of `css` px (an exported image's title).
    pub fn bold(&self, css: f64, color: RGBColor) -> TextStyle<'static> {
        FontDesc::new(FontFamily::Name(FONT_FAMILY), css * self.dpr, FontStyle::Bold).color(&color)
    }

    /// Whether the chart is phone-narrow.
    pub fn narrow(&self) -> bool {
        self.css_width < 520.0
    }
}

/// A length in canvas px, in CSS px (the inverse of [`Style::px`]).
pub fn css_of(canvas_px: f64, dpr: f64) -> f64 {
    canvas_px / dpr.max(f64::EPSILON)
}

/// A rectangle in canvas px.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PixelRect {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

/// One plot area: its canvas-px rectangle and the data ranges it maps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Panel {
    /// Where the plot area is, canvas px.
    pub rect: PixelRect,
    /// Data x range (Julian days), left to right.
    pub x: (f64, f64),
    /// Data y range, bottom to top (in log10 units on a log panel).
    pub y: (f64, f64),
    /// Whether y is drawn on a log10 scale.
    pub log: bool,
}

impl Panel {
    /// A data value in the panel's y units (log10 on a log panel; `None` where a log
    /// panel cannot show it).
    pub fn y_of(&self, value: f64) -> Option<f64> {
        if !value.is_finite() {
            return None;
        }
        if self.log {
            (value > 0.0).then(|| value.log10())
        } else {
            Some(value)
        }
    }

    /// Data x → canvas px.
    pub fn x_px(&self, x: f64) -> f64 {
        let span = (self.x.1 - self.x.0).max(f64::EPSILON);
        self.rect.left + (x - self.x.0) / span * (self.rect.right - self.rect.left)
    }

    /// Data y → canvas px.
    pub fn y_px(&self, y: f64) -> f64 {
        let span = (self.y.1 - self.y.0).max(f64::EPSILON);
        self.rect.bottom - (y - self.y.0) / span * (self.rect.bottom - self.rect.top)
    }

    /// Canvas px → data x.
    pub fn x_data(&self, px: f64) -> f64 {
        let width = (self.rect.right - self.rect.left).max(f64::EPSILON);
        self.x.0 + (px - self.rect.left) / width * (self.x.1 - self.x.0)
    }
}

impl PixelRect {
    /// Whether canvas-px point (`x`, `y`) lies inside (edges included).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.left && x <= self.right && y >= self.top && y <= self.bottom
    }

    /// The centre, canvas px.
    pub fn centre(&self) -> (f64, f64) {
        ((self.left + self.right) / 2.0, (self.top + self.bottom) / 2.0)
    }
}

/// An event line the engine drew, and what names it: its label on the chart, or a number
/// on a small marker that the list under the chart explains.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnEvent {
    /// The event's date (the event lens's key).
    pub date: Date,
    /// Its label (verbatim from the events file).
    pub label: String,
    /// The marker's number (1, 2, …) when the chart is too narrow for labels.
    pub number: Option<usize>,
    /// Where a pointer activates it, canvas px: the label or marker, grown to at least a
    /// 24 CSS px target (WCAG 2.5.8).
    pub hit: PixelRect,
}

/// What the hover overlay needs: the panels and events of the last draw, in canvas px.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HoverMap {
    /// Plot areas, top to bottom.
    pub panels: Vec<Panel>,
    /// The events drawn, left to right.
    pub events: Vec<DrawnEvent>,
}

impl HoverMap {
    /// The data x under a canvas-px x, using the first panel (all panels share x).
    pub fn x_at(&self, canvas_x: f64) -> Option<f64> {
        let p = self.panels.first()?;
        (canvas_x >= p.rect.left - 1.0 && canvas_x <= p.rect.right + 1.0).then(|| p.x_data(canvas_x))
    }

    /// The event whose label or marker is at canvas-px point (`x`, `y`): of several
    /// targets holding the point, the one whose centre is nearest.
    pub fn event_at(&self, x: f64, y: f64) -> Option<&DrawnEvent> {
        let distance = |e: &DrawnEvent| {
            let (cx, cy) = e.hit.centre();
            (cx - x).hypot(cy - y)
        };
        self.events
            .iter()
            .filter(|e| e.hit.contains(x, y))
            .min_by(|a, b| distance(a).total_cmp(&distance(b)))
    }
}

/// Index of the date nearest to data x `x` in ascending `dates`.
pub fn nearest_index(dates: &[Date], x: f64) -> Option<usize> {
    let i = dates.partition_point(|d| day_x(*d) < x);
    let candidates = [i.checked_sub(1), (i < dates.len()).then_some(i)];
    let distance = |i: usize| dates.get(i).map_or(f64::INFINITY, |d| (day_x(*d) - x).abs());
    candidates
        .into_iter()
        .flatten()
        .min_by(|a, b| distance(*a).total_cmp(&distance(*b)))
}

/// Round y-axis ticks covering `[min, max]`, about `count` of them.
pub fn nice_ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    if !(min.is_finite() && max.is_finite()) || max <= min || count == 0 {
        return Vec::new();
    }
    let raw = (max - min) / count as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(magnitude * 10.0);
    let first = (min / step).ceil() as i64;
    let last = (max / step).floor() as i64;
    // Bounded whatever the input: never a loop over an absurd range.
    if !(step.is_finite() && step > 0.0) || last.saturating_sub(first) > 4 * count as i64 + 4 {
        return Vec::new();
    }
    // Rounded so 3 × 0.2 is 0.6, not 0.6000000000000001.
    (first..=last)
        .map(|k| (k as f64 * step * 1e9).round() / 1e9)
        .collect()
}

/// The fewest decimals (up to 3) that write every tick exactly.
pub fn tick_decimals(ticks: &[f64]) -> usize {
    (0..3)
        .find(|d| {
            let scale = 10f64.powi(*d as i32);
            ticks
                .iter()
                .all(|t| ((t * scale).round() - t * scale).abs() < 1e-6)
        })
        .unwrap_or(3)
}

/// `[min, max]` of the finite values, padded by `pad` of the span (at least ±`min_span`/2
/// around a single value).
pub fn value_range<'a>(
    series: impl Iterator<Item = &'a [Option<f64>]>,
    pad: f64,
    min_span: f64,
) -> Option<(f64, f64)> {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for s in series {
        for v in s.iter().flatten() {
            lo = lo.min(*v);
            hi = hi.max(*v);
        }
    }
    if !lo.is_finite() {
        return None;
    }
    if hi - lo < min_span {
        let mid = (hi + lo) / 2.0;
        lo = mid - min_span / 2.0;
        hi = mid + min_span / 2.0;
    }
    let p = (hi - lo) * pad;
    Some((lo - p, hi + p))
}

/// Date ticks for `[from, to]` that fit `max_ticks` labels: years, quarters, months or
/// weeks, each at the start of its period.
pub fn date_ticks(from: Date, to: Date, max_ticks: usize, locale: &Locale) -> Vec<(Date, String)> {
    let days = (day_x(to) - day_x(from)).max(1.0);
    let max_ticks = max_ticks.max(2) as f64;
    let month_steps = [1u8, 2, 3, 6, 12, 24];
    if days / 7.0 <= max_ticks && days < 120.0 {
        // Weekly ticks on Mondays, every n weeks.
        let n = ((days / 7.0) / max_ticks).ceil().max(1.0) as i64;
        let mut d = from;
        while d.weekday() != repricing_core::time::Weekday::Monday {
            d = match d.next_day() {
                Some(x) => x,
                None => return Vec::new(),
            };
        }
        let mut out = Vec::new();
        while d <= to {
            out.push((d, locale.day_month(d)));
            d = match add_days(d, 7 * n) {
                Some(x) => x,
                None => break,
            };
        }
        return out;
    }
    // The finest step whose ticks in range (counted, not estimated) fit.
    let mut chosen = Vec::new();
    for step in month_steps {
        chosen = month_ticks(from, to, step, locale);
        if chosen.len() <= max_ticks as usize {
            break;
        }
    }
    // The first tick names its year when it is a month ("Jul 2024, 2025, Jul"): a reader
    // must not have to guess which July.
    if let Some(first) = chosen.first_mut() {
        if first.0.month() != repricing_core::time::Month::January {
            first.1 = locale.month(first.0);
        }
    }
    chosen
}

/// Ticks on the first of every `step`th month (every `step / 12`th year from a year on)
/// between `from` and `to`.
fn month_ticks(from: Date, to: Date, step: u8, locale: &Locale) -> Vec<(Date, String)> {
    let mut out = Vec::new();
    let mut year = from.year();
    let mut month = 1u8;
    while let Some(d) = repricing_core::time::Month::try_from(month)
        .ok()
        .and_then(|m| Date::from_calendar_date(year, m, 1).ok())
        .filter(|d| *d <= to)
    {
        let aligned = if step >= 12 {
            month == 1 && (year % i32::from(step / 12)) == 0
        } else {
            (month - 1) % step == 0
        };
        if d >= from && aligned {
            let label = if step >= 12 || month == 1 {
                locale.year(d)
            } else {
                locale.month_short(d)
            };
            out.push((d, label));
        }
        month += 1;
        if month > 12 {
            month = 1;
            year += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use repricing_core::date::parse_iso;

    #[test]
    fn ticks() {
        assert_eq!(nice_ticks(-0.3, 0.8, 5), vec![-0.25, 0.0, 0.25, 0.5, 0.75]);
        assert_eq!(nice_ticks(-0.3, 0.8, 6), vec![-0.2, 0.0, 0.2, 0.4, 0.6, 0.8]);
        assert_eq!(tick_decimals(&[-0.25, 0.0, 0.25]), 2);
        assert_eq!(tick_decimals(&[-0.2, 0.0, 0.2]), 1);
        assert_eq!(tick_decimals(&[1000.0, 2000.0]), 0);
        assert!(nice_ticks(1.0, 1.0, 5).is_empty());
        let en = Locale::en();
        let labels = |from: &str, to: &str, n: usize| -> Vec<String> {
            date_ticks(parse_iso(from).unwrap(), parse_iso(to).unwrap(), n, en)
                .into_iter()
                .map(|x| x.1)
                .collect()
        };
        let t = labels("2018-01-01", "2026-08-21", 10);
        assert_eq!(t.first().map(String::as_str), Some("2018"));
        assert!(t.len() <= 10);
        assert_eq!(
            labels("2025-08-21", "2026-08-21", 6),
            ["Sep 2025", "Nov", "2026", "Mar", "May", "Jul"]
        );
        // The ETFs' first months: the first tick, a July, says which year.
        assert_eq!(labels("2024-01-11", "2025-12-31", 3), ["Jul 2024", "2025", "Jul"]);
        // A phone's flow chart (2.6 years, room for two ticks): both years, not one.
        assert_eq!(labels("2024-01-08", "2026-08-17", 2), ["2025", "2026"]);
    }

    #[test]
    fn nearest() {
        let d: Vec<Date> = ["2025-11-20", "2025-11-21", "2025-11-24"]
            .iter()
            .map(|s| parse_iso(s).unwrap())
            .collect();
        assert_eq!(nearest_index(&d, day_x(d[1]) + 0.4), Some(1));
        assert_eq!(nearest_index(&d, day_x(d[1]) + 2.0), Some(2));
        assert_eq!(nearest_index(&d, 0.0), Some(0));
        assert_eq!(nearest_index(&[], 0.0), None);
    }
}
