//! The backend charts are drawn with: plotters-canvas's [`CanvasBackend`], with the calls a
//! chart makes by the thousand done here so that they cost less.
//!
//! plotters-canvas sets the fill or stroke colour (a `format!`-ed `rgba(…)` string, decoded
//! into JavaScript and parsed by the browser) before every shape, and the font, alignment
//! and baseline before every label. A chart draws thousands of bars and hundreds of labels
//! in a handful of colours and fonts, so most of a redraw went into setting what was
//! already set. Here:
//! - the context's pen (fill, stroke, line width, font, alignment, baseline) is remembered
//!   and set only when it changes;
//! - opaque filled rectangles drawn one after another in one colour are one path, filled
//!   once (each wound the same way, so overlaps fill as their union, as separate opaque
//!   fills look; translucent ones are filled one by one, as their overlaps darken);
//! - short opaque paths in one pen one after another (the dashes of a dashed line) are
//!   subpaths of one path, stroked once;
//! - a long path (a series) goes to the browser as one SVG path string (`Path2D`), not a
//!   call per point;
//! - a long polygon (a band along a series) is one SVG path string too;
//! - pixels and rotated text are drawn by plotters-canvas itself, after
//!   which the pen is taken as unknown.
//!
//! Coordinates are canvas px and every shape comes out as plotters-canvas draws it (a
//! single line on a pixel row or column moved half a pixel, as there).

use crate::theme::css_rgba;
use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A colour as the pen remembers it: rgb and alpha's bits.
type ColorKey = ((u8, u8, u8), u64);

fn key(c: BackendColor) -> ColorKey {
    (c.rgb, c.alpha.to_bits())
}

/// What the context is known to be set to (`None`: not known).
#[derive(Default)]
struct Pen {
    fill: Option<ColorKey>,
    stroke: Option<ColorKey>,
    width: Option<u32>,
    font: Option<String>,
    align: Option<&'static str>,
    baseline: Option<&'static str>,
}

/// Shapes added to the context's current path, drawn at the next [`ChartCanvas2d::flush`].
#[derive(Clone, Copy, PartialEq)]
enum Pending {
    Nothing,
    /// Opaque rectangles of the pen's fill colour.
    Rects,
    /// Short opaque lines (dashes, grid lines) of the pen's stroke.
    Lines,
}

/// A chart canvas: plotters-canvas plus a remembered pen and batched rectangles.
pub struct ChartCanvas2d {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
    pen: Pen,
    /// What the current path holds and is not yet drawn.
    pending: Pending,
}

/// A drawing failure of the canvas (a JavaScript exception, in words).
#[derive(Debug)]
pub struct CanvasFailure(String);

impl std::fmt::Display for CanvasFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CanvasFailure {}

type DrawResult = Result<(), DrawingErrorKind<CanvasFailure>>;

fn failure(e: impl std::fmt::Debug) -> DrawingErrorKind<CanvasFailure> {
    DrawingErrorKind::DrawingError(CanvasFailure(format!("{e:?}")))
}

impl ChartCanvas2d {
    /// The backend of `canvas`, or `None` where it has no 2D context.
    pub fn new(canvas: HtmlCanvasElement) -> Option<Self> {
        let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        // Lines join round: a series whose rounded pixels turn back on themselves would
        // otherwise end a turn in a miter spike up to ten line widths long.
        ctx.set_line_join("round");
        let inner = CanvasBackend::with_canvas_object(canvas)?;
        Some(Self {
            inner,
            ctx,
            pen: Pen::default(),
            pending: Pending::Nothing,
        })
    }

    /// Adds the polyline `first`, `rest…` to the current path.
    fn trace(&self, first: BackendCoord, rest: &[BackendCoord]) {
        self.ctx.move_to(f64::from(first.0), f64::from(first.1));
        for p in rest {
            self.ctx.line_to(f64::from(p.0), f64::from(p.1));
        }
    }

    /// Draws what the current path holds (rectangles filled, lines stroked).
    fn flush(&mut self) {
        match self.pending {
            Pending::Nothing => {}
            Pending::Rects => self.ctx.fill(),
            Pending::Lines => self.ctx.stroke(),
        }
        self.pending = Pending::Nothing;
    }

    fn set_fill(&mut self, c: BackendColor) {
        if self.pen.fill != Some(key(c)) {
            self.ctx.set_fill_style_str(&css_rgba(c.rgb, c.alpha));
            self.pen.fill = Some(key(c));
        }
    }

    fn set_stroke(&mut self, style: &impl BackendStyle) {
        let c = style.color();
        if self.pen.stroke != Some(key(c)) {
            self.ctx.set_stroke_style_str(&css_rgba(c.rgb, c.alpha));
            self.pen.stroke = Some(key(c));
        }
        let w = style.stroke_width();
        if self.pen.width != Some(w) {
            self.ctx.set_line_width(f64::from(w));
            self.pen.width = Some(w);
        }
    }

    /// Draws with plotters-canvas itself: the pen is unknown afterwards.
    fn delegate<T>(
        &mut self,
        f: impl FnOnce(
            &mut CanvasBackend,
        ) -> Result<T, DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>,
    ) -> Result<T, DrawingErrorKind<CanvasFailure>> {
        self.flush();
        let out = f(&mut self.inner);
        self.pen = Pen::default();
        out.map_err(|e| match e {
            DrawingErrorKind::DrawingError(e) => failure(e),
            DrawingErrorKind::FontError(e) => DrawingErrorKind::FontError(e),
        })
    }
}

impl Drop for ChartCanvas2d {
    fn drop(&mut self) {
        self.flush();
    }
}

/// Points from which a path goes to the browser as one SVG path string.
const LONG_PATH: usize = 32;

/// `M x y l dx dy dx dy …` of integer canvas px: the first point, then each step from the
/// point before (shorter than absolute points, so less to decode and parse: a number's
/// sign or a space separates it from the one before), written without formatting
/// machinery. Whole numbers well inside 2^24 sum back exactly in the browser's floats.
pub fn svg_path(points: &[BackendCoord]) -> String {
    let Some((&(x0, y0), rest)) = points.split_first() else {
        return String::new();
    };
    let mut s = String::with_capacity(points.len() * 6 + 24);
    s.push('M');
    push_int(&mut s, i64::from(x0));
    s.push(' ');
    push_int(&mut s, i64::from(y0));
    if !rest.is_empty() {
        s.push('l');
    }
    let mut at = (i64::from(x0), i64::from(y0));
    for (i, &(x, y)) in rest.iter().enumerate() {
        let (x, y) = (i64::from(x), i64::from(y));
        for (n, d) in [x - at.0, y - at.1].into_iter().enumerate() {
            if d >= 0 && (i > 0 || n > 0) {
                s.push(' ');
            }
            push_int(&mut s, d);
        }
        at = (x, y);
    }
    s
}

fn push_int(s: &mut String, v: i64) {
    if v < 0 {
        s.push('-');
    }
    let mut n = v.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        if let Some(d) = digits.get_mut(len) {
            *d = (n % 10) as u8;
        }
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for d in digits.iter().take(len).rev() {
        s.push(char::from(b'0' + d));
    }
}

/// A line along a pixel row or column, moved half a pixel to cover whole pixels.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

impl DrawingBackend for ChartCanvas2d {
    type ErrorType = CanvasFailure;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> DrawResult {
        Ok(())
    }

    fn present(&mut self) -> DrawResult {
        self.flush();
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> DrawResult {
        self.delegate(|b| b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> DrawResult {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        let (a, b) = crisp(from, to);
        self.set_stroke(style);
        self.ctx.begin_path();
        self.ctx.move_to(a.0, a.1);
        self.ctx.line_to(b.0, b.1);
        self.ctx.stroke();
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> DrawResult {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        // Wound one way whatever the corners' order, so that a batch fills as a union.
        let (x0, x1) = (upper_left.0.min(bottom_right.0), upper_left.0.max(bottom_right.0));
        let (y0, y1) = (upper_left.1.min(bottom_right.1), upper_left.1.max(bottom_right.1));
        let (x, y, w, h) = (
            f64::from(x0),
            f64::from(y0),
            f64::from(x1 - x0),
            f64::from(y1 - y0),
        );
        if fill && c.alpha >= 1.0 {
            if !(self.pending == Pending::Rects && self.pen.fill == Some(key(c))) {
                self.flush();
                self.set_fill(c);
                self.ctx.begin_path();
                self.pending = Pending::Rects;
            }
            self.ctx.rect(x, y, w, h);
        } else if fill {
            // Translucent: overlaps must darken as separate fills do, so no batch.
            self.flush();
            self.set_fill(c);
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.flush();
            self.set_stroke(style);
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> DrawResult {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let points: Vec<BackendCoord> = path.into_iter().collect();
        let Some((first, rest)) = points.split_first() else {
            return Ok(());
        };
        let long = points.len() >= LONG_PATH;
        // Short opaque lines in one pen (the dashes of a dashed line) are subpaths of one
        // path, stroked once; a translucent one is stroked alone (overlaps darken).
        let joins = !long
            && self.pending == Pending::Lines
            && self.pen.stroke == Some(key(style.color()))
            && self.pen.width == Some(style.stroke_width());
        if !joins {
            self.flush();
        }
        self.set_stroke(style);
        // A long line (a series) is one SVG path string the browser parses, instead of a
        // call into JavaScript per point.
        if long {
            if let Ok(path) = web_sys::Path2d::new_with_path_string(&svg_path(&points)) {
                self.ctx.stroke_with_path(&path);
                return Ok(());
            }
        }
        if !joins {
            self.ctx.begin_path();
        }
        self.trace(*first, rest);
        if style.color().alpha >= 1.0 {
            self.pending = Pending::Lines;
        } else {
            self.ctx.stroke();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> DrawResult {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        if fill {
            self.set_fill(c);
        } else {
            self.set_stroke(style);
        }
        self.ctx.begin_path();
        self.ctx
            .arc(
                f64::from(center.0),
                f64::from(center.1),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(failure)?;
        if fill {
            self.ctx.fill();
        } else {
            self.ctx.stroke();
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> DrawResult {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        let points: Vec<BackendCoord> = vert.into_iter().collect();
        let Some((first, rest)) = points.split_first() else {
            return Ok(());
        };
        self.set_fill(c);
        // A band along a series: one SVG path string, as a long line.
        if points.len() >= LONG_PATH {
            let mut d = svg_path(&points);
            d.push('Z');
            if let Ok(path) = web_sys::Path2d::new_with_path_string(&d) {
                self.ctx.fill_with_path_2d(&path);
                return Ok(());
            }
        }
        self.ctx.begin_path();
        self.trace(*first, rest);
        self.ctx.close_path();
        self.ctx.fill();
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, pos: BackendCoord) -> DrawResult {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        if !matches!(style.transform(), FontTransform::None) {
            return self.delegate(|b| b.draw_text(text, style, pos));
        }
        self.flush();
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.pen.baseline != Some(baseline) {
            self.ctx.set_text_baseline(baseline);
            self.pen.baseline = Some(baseline);
        }
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if self.pen.align != Some(align) {
            self.ctx.set_text_align(align);
            self.pen.align = Some(align);
        }
        self.set_fill(color);
        let font = super::measure::font_spec(style.style().as_str(), style.size(), style.family().as_str());
        if self.pen.font.as_deref() != Some(font.as_str()) {
            self.ctx.set_font(&font);
            self.pen.font = Some(font);
        }
        self.ctx
            .fill_text(text, f64::from(pos.0), f64::from(pos.1))
            .map_err(failure)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The points an `M x y l dx dy …` path goes through (the SVG path grammar for it:
    /// numbers separated by a space or by their own minus sign).
    fn points_of(path: &str) -> Vec<(i64, i64)> {
        let (start, steps) = path.split_once('l').unwrap_or((path, ""));
        let numbers = |text: &str| -> Vec<i64> {
            text.replace('-', " -")
                .split_whitespace()
                .map(|n| n.parse().unwrap())
                .collect()
        };
        let first = numbers(start.strip_prefix('M').unwrap());
        let mut at = (first[0], first[1]);
        let mut out = vec![at];
        for d in numbers(steps).chunks(2) {
            at = (at.0 + d[0], at.1 + d[1]);
            out.push(at);
        }
        out
    }

    #[test]
    fn svg_path_writes_the_first_point_then_each_step_as_integers() {
        assert_eq!(
            svg_path(&[(0, 0), (12, -7), (-2147483648, 2147483647), (105, 90), (105, 90)]),
            "M0 0l12-7-2147483660 2147483654 2147483753-2147483557 0 0"
        );
        assert_eq!(svg_path(&[(-3, 4)]), "M-3 4");
        assert_eq!(svg_path(&[]), "");
        // Every point comes back from the steps, whatever the signs.
        let points: Vec<(i32, i32)> = (0..500)
            .map(|i: i32| ((i * 7919) % 1201 - 600, (i * 104_729) % 887 - 443))
            .collect();
        let back = points_of(&svg_path(&points));
        let want: Vec<(i64, i64)> = points
            .iter()
            .map(|&(x, y)| (i64::from(x), i64::from(y)))
            .collect();
        assert_eq!(back, want);
    }
}
