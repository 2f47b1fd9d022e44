//! Chart drawing, generic over plotters' `DrawingBackend`.
//!
//! **Pixel spaces.** *CSS px* are what layout and pointer events use; *canvas px* are the
//! backing store's pixels, `css px × devicePixelRatio` (the canvas is sized so, or charts
//! blur on high-DPI screens, and plotters-canvas does not do it). Every `draw_*` function
//! works in canvas px, scaling sizes given in CSS px by [`Style::px`]; it returns a
//! [`HoverMap`] that maps canvas px back to data for the hover overlay.

pub mod burn;
pub mod correlation;
pub mod flows;
pub mod scene;

use crate::theme::Theme;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use repricing_core::date::add_days;
use repricing_core::snapshot::Event;
use repricing_core::views::{day_x, format};
use repricing_core::Date;

/// A drawing failure, in words.
pub type DrawResult<T> = Result<T, String>;

/// Converts a plotters error into a message.
pub fn draw_err<E: std::fmt::Debug>(e: E) -> String {
    format!("drawing failed: {e:?}")
}

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
        (
            "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
            css * self.dpr,
        )
            .into_font()
            .color(&color)
    }

    /// Whether the chart is phone-narrow.
    pub fn narrow(&self) -> bool {
        self.css_width < 520.0
    }
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
    /// Data y range, bottom to top.
    pub y: (f64, f64),
}

impl Panel {
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

    fn point(&self, x: f64, y: f64) -> (i32, i32) {
        (self.x_px(x).round() as i32, self.y_px(y).round() as i32)
    }
}

/// What the hover overlay needs: the panels of the last draw, in canvas px.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HoverMap {
    /// Plot areas, top to bottom.
    pub panels: Vec<Panel>,
}

impl HoverMap {
    /// The data x under a canvas-px x, using the first panel (all panels share x).
    pub fn x_at(&self, canvas_x: f64) -> Option<f64> {
        let p = self.panels.first()?;
        (canvas_x >= p.rect.left - 1.0 && canvas_x <= p.rect.right + 1.0).then(|| p.x_data(canvas_x))
    }
}

/// Index of the date nearest to data x `x` in ascending `dates`.
pub fn nearest_index(dates: &[Date], x: f64) -> Option<usize> {
    let i = dates.partition_point(|d| day_x(*d) < x);
    let candidates = [i.checked_sub(1), (i < dates.len()).then_some(i)];
    candidates.into_iter().flatten().min_by(|a, b| {
        let da = (day_x(dates[*a]) - x).abs();
        let db = (day_x(dates[*b]) - x).abs();
        da.total_cmp(&db)
    })
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
pub fn date_ticks(from: Date, to: Date, max_ticks: usize) -> Vec<(Date, String)> {
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
            out.push((d, format::day_month(d)));
            d = match add_days(d, 7 * n) {
                Some(x) => x,
                None => break,
            };
        }
        return out;
    }
    let months = days / 30.44;
    let step = month_steps
        .into_iter()
        .find(|s| months / f64::from(*s) <= max_ticks)
        .unwrap_or(24);
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
                format!("{year}")
            } else {
                format::month_year(d).split(' ').next().unwrap_or("").to_owned()
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

/// Draws the grid, the y labels (left, or right when `right` is set) and, when
/// `x_labels`, the date labels under the panel.
pub fn draw_frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panel: &Panel,
    style: &Style,
    y_ticks: &[f64],
    y_label: &dyn Fn(f64) -> String,
    x_labels: bool,
) -> DrawResult<()> {
    let t = &style.theme;
    let r = panel.rect;
    let grid = ShapeStyle::from(&t.grid).stroke_width(style.px(1.0).max(1) as u32);
    for y in y_ticks {
        let py = panel.y_px(*y).round() as i32;
        root.draw(&PathElement::new(
            vec![(r.left as i32, py), (r.right as i32, py)],
            grid,
        ))
        .map_err(draw_err)?;
        let pos = Pos::new(HPos::Right, VPos::Center);
        root.draw(&Text::new(
            y_label(*y),
            (r.left as i32 - style.px(6.0), py),
            style.font(11.0, t.muted).pos(pos),
        ))
        .map_err(draw_err)?;
    }
    let from = repricing_core::views::x_day(panel.x.0);
    let to = repricing_core::views::x_day(panel.x.1);
    if let (Some(from), Some(to)) = (from, to) {
        let width_css = (r.right - r.left) / style.dpr;
        let max_ticks = (width_css / 64.0).floor() as usize;
        for (d, label) in date_ticks(from, to, max_ticks) {
            let px = panel.x_px(day_x(d)).round() as i32;
            root.draw(&PathElement::new(
                vec![(px, r.top as i32), (px, r.bottom as i32)],
                grid,
            ))
            .map_err(draw_err)?;
            if x_labels {
                let pos = Pos::new(HPos::Center, VPos::Top);
                root.draw(&Text::new(
                    label,
                    (px, r.bottom as i32 + style.px(6.0)),
                    style.font(11.0, t.muted).pos(pos),
                ))
                .map_err(draw_err)?;
            }
        }
    }
    Ok(())
}

/// A horizontal reference line at data y (zero, break-even, index 100).
pub fn draw_hline<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panel: &Panel,
    style: &Style,
    y: f64,
) -> DrawResult<()> {
    if y < panel.y.0 || y > panel.y.1 {
        return Ok(());
    }
    let py = panel.y_px(y).round() as i32;
    let line = ShapeStyle::from(&style.theme.zero).stroke_width(style.px(1.25).max(1) as u32);
    root.draw(&PathElement::new(
        vec![(panel.rect.left as i32, py), (panel.rect.right as i32, py)],
        line,
    ))
    .map_err(draw_err)?;
    Ok(())
}

/// Approximate rendered width of `text` at `size_css`, in CSS px (system UI fonts average
/// a little over half an em per character).
pub fn text_width_css(text: &str, size_css: f64) -> f64 {
    text.chars().count() as f64 * size_css * 0.56
}

/// How a data line is stroked.
#[derive(Debug, Clone, Copy)]
pub struct LineStyle {
    /// Colour.
    pub color: RGBColor,
    /// Width in CSS px.
    pub width_css: f64,
    /// Dashed (models) or solid (measurements).
    pub dashed: bool,
}

impl LineStyle {
    /// A solid line.
    pub fn solid(color: RGBColor, width_css: f64) -> Self {
        Self {
            color,
            width_css,
            dashed: false,
        }
    }

    /// A dashed line.
    pub fn dashed(color: RGBColor, width_css: f64) -> Self {
        Self {
            color,
            width_css,
            dashed: true,
        }
    }
}

/// A line through `(date, value)` points, broken at gaps.
pub fn draw_line<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panel: &Panel,
    dates: &[Date],
    values: &[Option<f64>],
    line: LineStyle,
    chart: &Style,
) -> DrawResult<()> {
    let dpr = chart.dpr;
    let dashed = line.dashed;
    let style = ShapeStyle::from(&line.color).stroke_width(((line.width_css * dpr).round() as u32).max(1));
    let mut segment: Vec<(i32, i32)> = Vec::new();
    let flush = |segment: &mut Vec<(i32, i32)>| -> DrawResult<()> {
        if segment.len() > 1 {
            if dashed {
                let dash = (5.0 * dpr) as u32;
                root.draw(&DashedPathElement::new(segment.clone(), dash, dash, style))
                    .map_err(draw_err)?;
            } else {
                root.draw(&PathElement::new(segment.clone(), style))
                    .map_err(draw_err)?;
            }
        }
        segment.clear();
        Ok(())
    };
    for (d, v) in dates.iter().zip(values) {
        match v {
            Some(v) => segment.push(panel.point(day_x(*d), v.clamp(panel.y.0, panel.y.1))),
            None => flush(&mut segment)?,
        }
    }
    flush(&mut segment)
}

/// Event markers inside the panel's x range: a thin vertical line through `panels` and a
/// short label at the top of the first, skipping labels that would overlap.
pub fn draw_events<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &[Panel],
    style: &Style,
    events: &[Event],
) -> DrawResult<()> {
    let Some(top) = panels.first() else { return Ok(()) };
    let t = &style.theme;
    let line = ShapeStyle::from(&t.event).stroke_width(style.px(1.0).max(1) as u32);
    let mut last_label_end = f64::NEG_INFINITY;
    for e in events {
        let x = day_x(e.date);
        if x < top.x.0 || x > top.x.1 {
            continue;
        }
        for p in panels {
            let px = p.x_px(x).round() as i32;
            let dash = style.px(3.0).max(1) as u32;
            root.draw(&DashedPathElement::new(
                vec![(px, p.rect.top as i32), (px, p.rect.bottom as i32)],
                dash,
                dash,
                line,
            ))
            .map_err(draw_err)?;
        }
        let px = top.x_px(x);
        let label_width = text_width_css(&e.label, 10.5) * style.dpr;
        if px - style.px(3.0) as f64 > last_label_end
            && px + label_width < top.rect.right + style.px(40.0) as f64
        {
            let pos = Pos::new(HPos::Left, VPos::Top);
            root.draw(&Text::new(
                e.label.clone(),
                (px as i32 + style.px(3.0), top.rect.top as i32 + style.px(2.0)),
                style.font(10.5, t.muted).pos(pos),
            ))
            .map_err(draw_err)?;
            last_label_end = px + label_width;
        }
    }
    Ok(())
}

/// A panel title drawn above the plot area, left-aligned.
pub fn draw_title<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panel: &Panel,
    style: &Style,
    text: &str,
) -> DrawResult<()> {
    let pos = Pos::new(HPos::Left, VPos::Bottom);
    root.draw(&Text::new(
        text.to_owned(),
        (panel.rect.left as i32, panel.rect.top as i32 - style.px(6.0)),
        style.font(12.0, style.theme.text).pos(pos),
    ))
    .map_err(draw_err)
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
        let t = date_ticks(
            parse_iso("2018-01-01").unwrap(),
            parse_iso("2026-08-21").unwrap(),
            10,
        );
        assert_eq!(t.first().map(|x| x.1.as_str()), Some("2018"));
        assert!(t.len() <= 10);
        let t = date_ticks(
            parse_iso("2025-08-21").unwrap(),
            parse_iso("2026-08-21").unwrap(),
            6,
        );
        assert_eq!(
            t.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            ["Sep", "Nov", "2026", "Mar", "May", "Jul"]
        );
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
