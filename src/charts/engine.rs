//! The one chart engine: lays out, draws and answers hover for any core [`Frame`].
//!
//! A frame's panels are stacked top to bottom and share the x axis; each panel has one
//! y axis (no chart has two). Per panel the engine finds a finite y range from what is
//! drawn (bars stacked, log10 on a log panel), ticks it (bounded, whatever the values),
//! draws grid, labels, the reference line, events (labels never overprinting), bars,
//! stacks and lines, then the annotations. Every pixel coordinate is clamped to its panel,
//! so no value — however absurd — can loop, panic or draw outside the plot.

use super::{
    date_ticks, draw_err, nice_ticks, tick_decimals, DrawResult, DrawnEvent, HoverMap, Panel, PixelRect,
    Style,
};
use crate::theme::Theme;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use repricing_core::text::{Locale, Msg, NumFmt};
use repricing_core::views::day_x;
use repricing_core::views::frame::{ColorRole, Frame, PanelSpec, PointNames, Scale, SeriesKind};
use repricing_core::Date;

/// Gap above each panel for its title, CSS px.
const TITLE_CSS: f64 = 24.0;
/// Gap under each panel for the date labels, CSS px.
const AXIS_CSS: f64 = 22.0;
/// Font sizes, CSS px.
const TICK_FONT_CSS: f64 = 12.0;
const TITLE_FONT_CSS: f64 = 12.0;
const EVENT_FONT_CSS: f64 = 12.0;
const END_FONT_CSS: f64 = 12.0;

/// One line of the tooltip.
#[derive(Debug, Clone, PartialEq)]
pub struct HoverRow {
    /// Swatch colour (CSS), if the row belongs to a drawn series.
    pub color: Option<String>,
    /// What the value is.
    pub label: String,
    /// The same, short (the line's end label where it has one): the touch readout's.
    pub short: String,
    /// The panel the series is drawn in (the readout groups rows by panel).
    pub panel: usize,
    /// The value, formatted.
    pub value: String,
}

/// A dot the overlay draws on a series at the hovered point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// Index into [`HoverMap::panels`].
    pub panel: usize,
    /// Data y in the panel's units.
    pub y: f64,
    /// Colour of the series.
    pub color: RGBColor,
}

/// Everything shown for one hovered point.
#[derive(Debug, Clone, PartialEq)]
pub struct Hover {
    /// Data x of the point.
    pub x: f64,
    /// Tooltip heading (the date or period).
    pub title: String,
    /// Tooltip rows.
    pub rows: Vec<HoverRow>,
    /// Dots for the overlay.
    pub marks: Vec<Mark>,
}

/// The colour of a role in a theme.
pub fn color(theme: &Theme, role: ColorRole) -> RGBColor {
    match role {
        // Entities: one colour each on every chart; none is the inflow/outflow pair.
        ColorRole::Nasdaq => theme.series(3),
        ColorRole::Gold => theme.series(1),
        ColorRole::Eth => theme.series(2),
        ColorRole::Sp500 => theme.series(0),
        ColorRole::Commodities => theme.series(5),
        ColorRole::Yield => theme.yield_,
        ColorRole::Btc | ColorRole::Ink => theme.text,
        ColorRole::InkSecondary => theme.muted,
        ColorRole::Inflow | ColorRole::Issuance => theme.inflow,
        ColorRole::Outflow | ColorRole::Burn => theme.outflow,
        ColorRole::Fund(i) => theme.series(usize::from(i)),
    }
}

/// Data x range of a frame: its first to last point, padded by half a bar.
fn x_range(frame: &Frame) -> Option<(f64, f64)> {
    let (a, b) = (day_x(*frame.x.first()?), day_x(*frame.x.last()?));
    let half = frame.bar_days.map_or(0.0, |w| w / 2.0 + 0.5);
    if b - a < 1.0 && half == 0.0 {
        return Some((a - 1.0, b + 1.0));
    }
    Some((a - half, b + half))
}

/// Lowest and highest extent of every point of `panel`: stacks summed by sign, lines,
/// bars and interval bands as they are, in the panel's units (log10 on a log panel). Non-finite values are
/// left out.
fn extent(frame: &Frame, panel: usize, log: bool) -> Option<(f64, f64)> {
    // Lines and bands are scanned in data units and only their two ends are taken to
    // log10 (it is monotonic): one logarithm per panel, not one per point.
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    let mut take = |v: f64| {
        if v.is_finite() && (!log || v > 0.0) {
            lo = lo.min(v);
            hi = hi.max(v);
        }
    };
    for s in frame
        .series
        .iter()
        .filter(|s| s.panel == panel && s.kind != SeriesKind::Stack)
    {
        for v in s.values.iter().flatten() {
            take(*v);
        }
        // A drawn interval band is part of what the axis must hold.
        if let Some(iv) = &s.interval {
            for v in iv.lo.iter().chain(&iv.hi).flatten() {
                take(*v);
            }
        }
    }
    if log && lo.is_finite() {
        (lo, hi) = (lo.log10(), hi.log10());
    }
    let stacked = frame
        .series
        .iter()
        .any(|s| s.panel == panel && s.kind == SeriesKind::Stack);
    for i in (0..frame.x.len()).filter(|_| stacked) {
        let (up, down) = stack_at(frame, panel, i, usize::MAX);
        if up != 0.0 || down != 0.0 {
            for v in [up, down] {
                if v.is_finite() {
                    lo = lo.min(v);
                    hi = hi.max(v);
                }
            }
        }
    }
    lo.is_finite().then_some((lo, hi))
}

/// Sums of the positive and negative stack layers of `panel` at point `i`, over the
/// first `layers` stack series.
fn stack_at(frame: &Frame, panel: usize, i: usize, layers: usize) -> (f64, f64) {
    frame
        .series
        .iter()
        .filter(|s| s.panel == panel && s.kind == SeriesKind::Stack)
        .take(layers)
        .filter_map(|s| s.values.get(i).copied().flatten())
        .filter(|v| v.is_finite())
        .fold(
            (0.0, 0.0),
            |(up, down), v| if v > 0.0 { (up + v, down) } else { (up, down + v) },
        )
}

/// The y range a panel draws: finite, non-empty, padded, with zero and the clamp applied.
fn y_range(spec: &PanelSpec, extent: Option<(f64, f64)>) -> (f64, f64) {
    let log = spec.scale == Scale::Log;
    let (mut lo, mut hi) = extent.unwrap_or(if log { (0.0, 1.0) } else { (-1.0, 1.0) });
    if spec.include_zero && !log {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    let min_span = if log { 1.0 } else { spec.min_span.max(f64::EPSILON) };
    if hi - lo < min_span {
        let mid = (hi + lo) / 2.0;
        lo = mid - min_span / 2.0;
        hi = mid + min_span / 2.0;
    }
    let pad = (hi - lo) * if log { 0.04 } else { 0.08 };
    lo -= pad;
    hi += pad;
    if let Some((a, b)) = spec.clamp {
        lo = lo.clamp(a, b);
        hi = hi.clamp(a, b);
    }
    if !(lo.is_finite() && hi.is_finite() && hi > lo) {
        return (-1.0, 1.0);
    }
    (lo, hi)
}

/// Ticks of a panel in its units, at most a dozen whatever the range.
fn ticks(spec: &PanelSpec, y: (f64, f64), height_css: f64) -> Vec<f64> {
    let room = ((height_css / 28.0).floor() as usize).clamp(2, 6);
    if spec.scale == Scale::Log {
        let (a, b) = (y.0.floor() as i64, y.1.ceil() as i64);
        if b - a > 24 {
            return Vec::new();
        }
        // 1, 2 and 5 in each decade only where a decade is tall enough for three labels
        // well apart (1 to 2 is under a third of it).
        let per_decade = height_css / (y.1 - y.0).max(f64::EPSILON);
        let steps: &[f64] = if (b - a) * 3 <= room as i64 * 2 && per_decade >= 100.0 {
            &[1.0, 2.0, 5.0]
        } else {
            &[1.0]
        };
        return (a..=b)
            .flat_map(|e| steps.iter().map(move |m| (m * 10f64.powi(e as i32)).log10()))
            .filter(|v| *v >= y.0 && *v <= y.1)
            .collect();
    }
    // A short panel asks for few ticks: never so few that a reader cannot tell the scale
    // (three where a nice step gives them, at least two).
    let candidates: Vec<Vec<f64>> = (room..=room + 4).map(|n| nice_ticks(y.0, y.1, n)).collect();
    candidates
        .iter()
        .find(|t| t.len() >= 3)
        .or_else(|| candidates.iter().find(|t| t.len() >= 2))
        .cloned()
        .unwrap_or_default()
}

/// The largest |tick| of a linear axis: the compact unit all its labels share (a log
/// axis writes each tick in its own unit).
fn tick_scale(ticks: &[f64]) -> f64 {
    ticks.iter().map(|t| t.abs()).fold(0.0, f64::max)
}

/// The label of a tick in the panel's format; on a linear axis whose largest tick
/// (`scale`) is large, every label in the same compact unit (`5k`, `10k`, not `5,000`,
/// `10k`).
fn tick_label(spec: &PanelSpec, tick: f64, decimals: usize, scale: f64, locale: &Locale) -> String {
    let value = if spec.scale == Scale::Log {
        10f64.powf(tick)
    } else {
        tick
    };
    let fmt = match spec.ticks {
        NumFmt::Fixed(_) | NumFmt::Signed(_) | NumFmt::Count | NumFmt::Sig3 | NumFmt::SignedSig3 => {
            // Large numbers in the language's own units (4M, 400万).
            let short = if spec.scale == Scale::Log {
                locale.compact_log(value)
            } else {
                locale.compact_as(value, scale)
            };
            if let Some(short) = short {
                return short;
            }
            NumFmt::Fixed(u8::try_from(decimals).unwrap_or(0))
        }
        // Money in one unit per axis too.
        NumFmt::UsdM | NumFmt::SignedUsdM if spec.scale == Scale::Linear => {
            return locale.money_tick(value, scale);
        }
        other => other,
    };
    locale.number(value, fmt)
}

fn text<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: String,
    at: (i32, i32),
    font: TextStyle<'_>,
) -> DrawResult<()> {
    root.draw(&Text::new(s, at, font)).map_err(draw_err)
}

/// Width of `s` in canvas px: measured on a canvas in the browser ([`super::measure`]),
/// else as the backend estimates it, else a rough estimate.
fn measure<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, s: &str, font: &TextStyle<'_>) -> f64 {
    if let Some(w) = super::measure::text_width(s, font) {
        return w;
    }
    root.estimate_text_size(s, font)
        .map(|(w, _)| f64::from(w))
        .unwrap_or(s.chars().count() as f64 * font.font.get_size() * 0.6)
}

/// A laid-out panel: where it is, its y ticks and the decimals their labels take.
type LaidPanel = (Panel, Vec<f64>, usize);

/// What a frame is laid out in: its data x range and the canvas size, canvas px.
#[derive(Debug, Clone, Copy)]
struct Sheet {
    x: (f64, f64),
    w: f64,
    h: f64,
}

/// Lays the panels out on `sheet`, `reserve` canvas px kept free between the first
/// panel's title and its plot (the event strip).
fn layout<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    style: &Style,
    locale: &Locale,
    sheet: Sheet,
    reserve: f64,
    texts: &EndTexts,
) -> Vec<LaidPanel> {
    let Sheet { x, w, h } = sheet;
    let px = |css: f64| f64::from(style.px(css));
    let n = frame.panels.len().max(1) as f64;
    let usable = (h - reserve - n * (px(TITLE_CSS) + px(AXIS_CSS))).max(n * px(20.0));
    let total_weight: f64 = frame
        .panels
        .iter()
        .map(|p| p.weight.max(0.01))
        .sum::<f64>()
        .max(0.01);
    // First the ranges and ticks, then the left margin that fits the widest label.
    let mut out = Vec::new();
    let mut widest: f64 = 0.0;
    let font = style.font(TICK_FONT_CSS, style.theme.muted);
    let mut top = 0.0;
    for (i, spec) in frame.panels.iter().enumerate() {
        let ph = usable * spec.weight.max(0.01) / total_weight;
        let log = spec.scale == Scale::Log;
        let y = y_range(spec, extent(frame, i, log));
        let t = ticks(spec, y, ph / style.dpr);
        // A log panel's ticks are exponents: its labels take the decimals of the values
        // they write (500, not 500.000).
        let values: Vec<f64> = if log {
            t.iter().map(|v| 10f64.powf(*v)).collect()
        } else {
            t.clone()
        };
        let decimals = tick_decimals(&values);
        let scale = tick_scale(&t);
        for tick in &t {
            widest = widest.max(measure(
                root,
                &tick_label(spec, *tick, decimals, scale, locale),
                &font,
            ));
        }
        // The first panel's plot starts below its title and the event strip.
        let above = px(TITLE_CSS) + if i == 0 { reserve } else { 0.0 };
        let rect = PixelRect {
            left: 0.0,
            top: top + above,
            right: w - px(12.0),
            bottom: top + above + ph,
        };
        top = rect.bottom + px(AXIS_CSS);
        out.push((Panel { rect, x, y, log }, t, decimals));
    }
    let left = (widest + px(10.0)).clamp(px(28.0), w / 3.0);
    // Room on the right for the end labels of lines.
    let label_font = style.font(END_FONT_CSS, style.theme.text);
    let cap = end_label_cap(style, w);
    let end_width = texts
        .iter()
        .flatten()
        .flatten()
        .map(|line| measure(root, line, &label_font))
        .fold(0.0, f64::max);
    // Where a panel's labels had to move off their lines' ends, the gap holds leaders.
    let leaders = end_width > 0.0
        && out.iter().enumerate().any(|(pi, (p, _, _))| {
            end_labels(p, pi, style, frame, texts)
                .iter()
                .any(|l| l.moved(style))
        });
    let gap = end_label_gap(style, leaders) + px(7.0);
    // A label broken to fit the cap fits; one word wider than it ("Commodities" on a
    // phone) gets up to a quarter more room rather than run into the plot.
    let right = if end_width > 0.0 {
        w - (end_width + gap).min(cap * 1.25)
    } else {
        w - px(12.0)
    };
    for (p, _, _) in &mut out {
        p.rect.left = left;
        p.rect.right = right.max(left + px(40.0));
    }
    out
}

/// The panels with the events placed: the events' labels and numbered markers get a strip
/// of their own between the first panel's title and its plot, as tall as the rows they
/// use, so they never cover the data; the shades' keys sit beside the first title, or on
/// a row of their own under it where they do not fit. Returns the panels, the events and
/// the rows' heights (canvas px, 0 when unused).
fn layout_with_events<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    style: &Style,
    locale: &Locale,
    sheet: Sheet,
    texts: &EndTexts,
) -> (Vec<LaidPanel>, Vec<EventPlan>, Header) {
    let plan_in = |laid: &[LaidPanel], strip: f64| {
        let panels: Vec<Panel> = laid.iter().map(|p| p.0).collect();
        let label_top = panels.first().map_or(0.0, |p| p.rect.top - strip);
        let plan = plan_events(root, &panels, style, frame, locale, label_top);
        let rows = plan.iter().map(|p| p.rect.bottom - label_top).fold(0.0, f64::max);
        (plan, rows)
    };
    let first = layout(root, frame, style, locale, sheet, 0.0, texts);
    let (plan, rows) = plan_in(&first, 0.0);
    let keys = chart_keys(frame, locale);
    let key_row = match (first.first(), frame.panels.first()) {
        (Some((p, _, _)), Some(spec)) if !keys.is_empty() => {
            let title = measure(
                root,
                &panel_title(root, spec, style, locale, p.rect.left),
                &style.font(TITLE_FONT_CSS, style.theme.text),
            );
            // The title, a space of 16 px and the keys with 12 px to spare.
            let room = p.rect.right - p.rect.left - title - f64::from(style.px(16.0 + KEY_GAP_CSS));
            if keys_width(root, style, &keys) <= room {
                0.0
            } else {
                // Rows of their own, as many as the keys need on the canvas.
                let (_, rows) = key_places(root, style, &keys, p.rect.left, sheet.w);
                f64::from(style.px(KEY_ROW_CSS)) * rows as f64
            }
        }
        _ => 0.0,
    };
    if plan.is_empty() && key_row == 0.0 {
        return (
            first,
            plan,
            Header {
                keys,
                key_row,
                events: 0.0,
            },
        );
    }
    // The strip: the rows and a small gap; the plot keeps at least half its height.
    let strip = if plan.is_empty() {
        0.0
    } else {
        (rows + f64::from(style.px(4.0))).min(sheet.h * 0.25)
    };
    // The narrower plot may move the left margin a little: place the events again.
    let laid = layout(root, frame, style, locale, sheet, strip + key_row, texts);
    let (plan, _) = plan_in(&laid, strip);
    (
        laid,
        plan,
        Header {
            keys,
            key_row,
            events: strip,
        },
    )
}

/// What the first panel has between its title and its plot (canvas px).
struct Header {
    /// The keys: text and mark.
    keys: Vec<(String, KeyMark)>,
    /// The keys' own row under the title, or 0 when they sit beside it.
    key_row: f64,
    /// The event strip above the plot.
    events: f64,
}

/// The title a panel shows at this width: the full one where the chart is wide and it fits
/// between the panel's left edge (`left`, canvas px) and the canvas's right edge, else the
/// short one.
fn panel_title<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &PanelSpec,
    style: &Style,
    locale: &Locale,
    left: f64,
) -> String {
    if !style.narrow() {
        let full = locale.render(&spec.title);
        let room = f64::from(root.dim_in_pixel().0) - left - f64::from(style.px(4.0));
        if measure(root, &full, &style.font(TITLE_FONT_CSS, style.theme.text)) <= room {
            return full;
        }
    }
    locale.render(&spec.short_title)
}

/// What a key on the chart shows beside its text.
#[derive(Debug, Clone, Copy, PartialEq)]
enum KeyMark {
    /// A swatch of a shade's tint.
    Tint(ColorRole),
    /// The ring a provisional last point gets.
    Ring,
}

/// One key per shade colour, in the order the shades come, then the provisional last
/// day's ring where the chart has one (a day's chart: on a weekly or monthly one the ring
/// marks a partial period, which its line's end label names).
fn chart_keys(frame: &Frame, locale: &Locale) -> Vec<(String, KeyMark)> {
    let mut keys: Vec<(String, KeyMark)> = Vec::new();
    for sh in &frame.shades {
        if !keys.iter().any(|(_, m)| *m == KeyMark::Tint(sh.color)) {
            keys.push((locale.render(&sh.key), KeyMark::Tint(sh.color)));
        }
    }
    let ringed = frame
        .provisional_from
        .is_some_and(|p| frame.x.last().is_some_and(|d| *d >= p));
    if ringed && matches!(frame.names, PointNames::Days) {
        keys.push((locale.render(&Msg::new("key-provisional")), KeyMark::Ring));
    }
    keys
}

/// Swatch, gap and text of one key (canvas px).
fn key_width<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, style: &Style, key: &str) -> f64 {
    measure(root, key, &style.font(TITLE_FONT_CSS, style.theme.muted))
        + f64::from(style.px(KEY_SWATCH_CSS + 4.0))
}

/// The keys on one row, a space between them (canvas px).
fn keys_width<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: &Style,
    keys: &[(String, KeyMark)],
) -> f64 {
    let gaps = keys.len().saturating_sub(1) as f64 * f64::from(style.px(KEY_GAP_CSS));
    keys.iter().map(|(k, _)| key_width(root, style, k)).sum::<f64>() + gaps
}

/// Side of a shade key's swatch, CSS px.
const KEY_SWATCH_CSS: f64 = 10.0;
/// Height of a row of keys, CSS px.
const KEY_ROW_CSS: f64 = 18.0;
/// Space between two keys on a row, CSS px.
const KEY_GAP_CSS: f64 = 12.0;

/// Where each key starts on rows of their own from `left` on a canvas `width` wide: its x
/// and its row; and the number of rows.
fn key_places<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: &Style,
    keys: &[(String, KeyMark)],
    left: f64,
    width: f64,
) -> (Vec<(f64, usize)>, usize) {
    let (mut x, mut row) = (left, 0);
    let mut out = Vec::new();
    for (k, _) in keys {
        let w = key_width(root, style, k);
        if x > left && x + w > width - f64::from(style.px(4.0)) {
            x = left;
            row += 1;
        }
        out.push((x, row));
        x += w + f64::from(style.px(KEY_GAP_CSS));
    }
    let rows = if keys.is_empty() { 0 } else { row + 1 };
    (out, rows)
}

/// The keys (shades, the provisional ring): right-aligned to the plot on the first
/// title's row, or left-aligned on rows of their own under it; `baseline` is the bottom of
/// the last row (canvas px).
fn draw_keys<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: &Style,
    header: &Header,
    first: PixelRect,
    baseline: f64,
) -> DrawResult<()> {
    if header.keys.is_empty() {
        return Ok(());
    }
    let font = style.font(TITLE_FONT_CSS, style.theme.muted);
    let px = |css: f64| f64::from(style.px(css));
    // On the title's row ending at the plot's right edge (one row from there), or on rows
    // of their own from the plot's left (the last one's bottom at `baseline`).
    let (left, width) = if header.key_row > 0.0 {
        (first.left, f64::from(root.dim_in_pixel().0))
    } else {
        (first.right - keys_width(root, style, &header.keys), f64::INFINITY)
    };
    let (places, rows) = key_places(root, style, &header.keys, left, width);
    let up = |row: usize| px(KEY_ROW_CSS) * (rows.saturating_sub(1 + row)) as f64;
    let places = places.into_iter().map(|(x, row)| (x, baseline - up(row)));
    let side = px(KEY_SWATCH_CSS);
    for ((k, mark), (x, baseline)) in header.keys.iter().zip(places) {
        let top = baseline - px(2.0) - side;
        let square = [
            (x.round() as i32, top.round() as i32),
            ((x + side).round() as i32, (top + side).round() as i32),
        ];
        match mark {
            KeyMark::Tint(role) => {
                let c = color(&style.theme, *role);
                let fill = RGBAColor(c.0, c.1, c.2, if style.theme.dark { 0.32 } else { 0.22 });
                root.draw(&Rectangle::new(square, fill.filled()))
                    .map_err(draw_err)?;
                root.draw(&Rectangle::new(
                    square,
                    ShapeStyle::from(&c).stroke_width(style.px(1.0).max(1) as u32),
                ))
                .map_err(draw_err)?;
            }
            KeyMark::Ring => {
                let at = ((x + side / 2.0).round() as i32, (top + side / 2.0).round() as i32);
                root.draw(&Circle::new(
                    at,
                    style.px(3.5).max(2),
                    ShapeStyle::from(&style.theme.text).stroke_width(style.px(1.5).max(1) as u32),
                ))
                .map_err(draw_err)?;
            }
        }
        let tx = x + side + px(4.0);
        text(
            root,
            k.clone(),
            (tx as i32, baseline as i32),
            font.clone().pos(Pos::new(HPos::Left, VPos::Bottom)),
        )?;
    }
    Ok(())
}

/// Draws `frame` on `root` (canvas px) and returns the hover map.
///
/// # Errors
/// A frame with no points, or a backend failure.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    style: &Style,
    locale: &Locale,
) -> DrawResult<HoverMap> {
    let t = &style.theme;
    root.fill(&t.background).map_err(draw_err)?;
    let (w, h) = root.dim_in_pixel();
    let x = x_range(frame).ok_or_else(|| locale.render(&Msg::new("draw-error")))?;
    let texts = end_texts(root, frame, style, locale);
    let (panels, event_plan, header_rows) = layout_with_events(
        root,
        frame,
        style,
        locale,
        Sheet {
            x,
            w: f64::from(w),
            h: f64::from(h),
        },
        &texts,
    );
    let grid = ShapeStyle::from(&t.grid).stroke_width(style.px(1.0).max(1) as u32);

    // Axes, grid, titles and reference lines.
    for (i, ((panel, ticks, decimals), spec)) in panels.iter().zip(&frame.panels).enumerate() {
        let r = panel.rect;
        let header = if i == 0 {
            header_rows.events + header_rows.key_row
        } else {
            0.0
        };
        let scale = tick_scale(ticks);
        for tick in ticks {
            let py = panel.y_px(*tick).round() as i32;
            root.draw(&PathElement::new(
                vec![(r.left as i32, py), (r.right as i32, py)],
                grid,
            ))
            .map_err(draw_err)?;
            text(
                root,
                tick_label(spec, *tick, *decimals, scale, locale),
                (r.left as i32 - style.px(6.0), py),
                style
                    .font(TICK_FONT_CSS, t.muted)
                    .pos(Pos::new(HPos::Right, VPos::Center)),
            )?;
        }
        if let (Some(from), Some(to)) = (
            repricing_core::views::x_day(x.0),
            repricing_core::views::x_day(x.1),
        ) {
            let max_ticks = ((r.right - r.left) / style.dpr / 64.0).floor() as usize;
            for (d, label) in date_ticks(from, to, max_ticks, locale) {
                let px = panel.x_px(day_x(d)).round() as i32;
                root.draw(&PathElement::new(
                    vec![(px, r.top as i32), (px, r.bottom as i32)],
                    grid,
                ))
                .map_err(draw_err)?;
                text(
                    root,
                    label,
                    (px, r.bottom as i32 + style.px(6.0)),
                    style
                        .font(TICK_FONT_CSS, t.muted)
                        .pos(Pos::new(HPos::Center, VPos::Top)),
                )?;
            }
        }
        text(
            root,
            panel_title(root, spec, style, locale, r.left),
            ((r.left) as i32, (r.top - header) as i32 - style.px(6.0)),
            style
                .font(TITLE_FONT_CSS, t.text)
                .pos(Pos::new(HPos::Left, VPos::Bottom)),
        )?;
        if i == 0 {
            let row = if header_rows.key_row > 0.0 {
                header_rows.events
            } else {
                header
            };
            draw_keys(
                root,
                style,
                &header_rows,
                r,
                r.top - row - f64::from(style.px(6.0)),
            )?;
        }
        if let Some(reference) = spec.reference.and_then(|v| panel.y_of(v)) {
            if reference > panel.y.0 && reference < panel.y.1 {
                let py = panel.y_px(reference).round() as i32;
                let line = ShapeStyle::from(&t.zero).stroke_width(style.px(1.25).max(1) as u32);
                root.draw(&PathElement::new(
                    vec![(r.left as i32, py), (r.right as i32, py)],
                    line,
                ))
                .map_err(draw_err)?;
            }
        }
    }
    let only_panels: Vec<Panel> = panels.iter().map(|p| p.0).collect();
    draw_shades(root, &only_panels, style, frame)?;
    draw_event_lines(root, &only_panels, style, &event_plan, header_rows.events)?;
    draw_bands(root, &only_panels, style, frame)?;
    draw_bars(root, &only_panels, style, frame)?;
    for s in &frame.series {
        let Some(panel) = only_panels.get(s.panel) else {
            continue;
        };
        match &s.kind {
            SeriesKind::Line { dashed } => {
                draw_line(
                    root,
                    panel,
                    &frame.x,
                    &s.values,
                    color(t, s.color),
                    s.width_css,
                    *dashed,
                    style,
                )?;
            }
            SeriesKind::Points => draw_points(root, panel, &frame.x, &s.values, color(t, s.color), style)?,
            SeriesKind::Bar { .. } | SeriesKind::Stack => {}
        }
    }
    draw_annotations(root, &only_panels, style, frame, locale)?;
    draw_event_labels(root, style, &event_plan)?;
    draw_end_labels(root, &only_panels, style, frame, &texts)?;
    root.present().map_err(draw_err)?;
    Ok(HoverMap {
        panels: only_panels,
        events: drawn_events(&event_plan, style),
    })
}

fn clamp_px(panel: &Panel, y: f64) -> f64 {
    panel.y_px(y.clamp(panel.y.0, panel.y.1))
}

#[allow(clippy::too_many_arguments)]
fn draw_line<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panel: &Panel,
    dates: &[Date],
    values: &[Option<f64>],
    color: RGBColor,
    width_css: f64,
    dashed: bool,
    style: &Style,
) -> DrawResult<()> {
    let stroke = ShapeStyle::from(&color).stroke_width(((width_css * style.dpr).round() as u32).max(1));
    let dash = (5.0 * style.dpr) as u32;
    let mut segment: Vec<(i32, i32)> = Vec::new();
    let flush = |segment: &mut Vec<(i32, i32)>| -> DrawResult<()> {
        if segment.len() > 1 {
            if dashed {
                root.draw(&DashedPathElement::new(segment.clone(), dash, dash, stroke))
                    .map_err(draw_err)?;
            } else {
                root.draw(&PathElement::new(segment.clone(), stroke))
                    .map_err(draw_err)?;
            }
        }
        segment.clear();
        Ok(())
    };
    for (d, v) in dates.iter().zip(values) {
        match v.and_then(|v| panel.y_of(v)) {
            Some(y) => segment.push((
                panel.x_px(day_x(*d)).round() as i32,
                clamp_px(panel, y).round() as i32,
            )),
            None => flush(&mut segment)?,
        }
    }
    flush(&mut segment)
}

/// How opaque a band is when `banded` bands share its panel: as designed for two (the
/// default comparison), fainter as more overlap — by the square root, so six bands do not
/// stack into one muddy mass while each still shows.
fn band_alpha(dark: bool, banded: usize) -> f64 {
    let base = if dark { 0.19 } else { 0.16 };
    base * (2.0 / banded.max(2) as f64).sqrt()
}

/// The 95 % interval of every series that has one: a translucent band in the series'
/// colour, broken at gaps.
fn draw_bands<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &[Panel],
    style: &Style,
    frame: &Frame,
) -> DrawResult<()> {
    for s in &frame.series {
        let (Some(iv), Some(panel)) = (&s.interval, panels.get(s.panel)) else {
            continue;
        };
        let c = color(&style.theme, s.color);
        let banded = frame
            .series
            .iter()
            .filter(|o| o.panel == s.panel && o.interval.is_some())
            .count();
        let fill = RGBAColor(c.0, c.1, c.2, band_alpha(style.theme.dark, banded));
        let mut upper: Vec<(i32, i32)> = Vec::new();
        let mut lower: Vec<(i32, i32)> = Vec::new();
        let flush = |upper: &mut Vec<(i32, i32)>, lower: &mut Vec<(i32, i32)>| -> DrawResult<()> {
            if upper.len() > 1 {
                let mut points = upper.clone();
                points.extend(lower.iter().rev());
                root.draw(&Polygon::new(points, fill.filled()))
                    .map_err(draw_err)?;
            }
            upper.clear();
            lower.clear();
            Ok(())
        };
        for (i, d) in frame.x.iter().enumerate() {
            let lo = iv.lo.get(i).copied().flatten().and_then(|v| panel.y_of(v));
            let hi = iv.hi.get(i).copied().flatten().and_then(|v| panel.y_of(v));
            match (lo, hi) {
                (Some(lo), Some(hi)) => {
                    let x = panel.x_px(day_x(*d)).round() as i32;
                    upper.push((x, clamp_px(panel, hi).round() as i32));
                    lower.push((x, clamp_px(panel, lo).round() as i32));
                }
                _ => flush(&mut upper, &mut lower)?,
            }
        }
        flush(&mut upper, &mut lower)?;
    }
    Ok(())
}

/// The widest the end-label margin gets on a canvas `w` canvas px wide: a fifth of a
/// phone-narrow chart, 30 % of a wide one.
fn end_label_cap(style: &Style, w: f64) -> f64 {
    w * if style.narrow() { 0.22 } else { 0.3 }
}

/// `text` in lines at most `width` canvas px wide, broken as an end label is
/// ([`end_label_lines`]): whole where it fits, else in two balanced lines, else as many
/// as it needs.
pub fn text_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    text: &str,
    font: &TextStyle<'_>,
    width: f64,
) -> Vec<String> {
    end_label_lines(root, text, font, width + font.font.get_size() * 0.8)
}

/// An end label as the lines it is drawn in: whole where it fits in `cap` canvas px (or
/// has nowhere to break), else in two lines broken where the wider of them is narrowest
/// ("Running / total"), else in as many as its pieces need. It breaks at a space, or — in
/// Chinese, which has none — between two characters one of which is CJK, never before
/// punctuation that closes or inside brackets ("发行（模型）/ ±11%").
fn end_label_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    label: &str,
    font: &TextStyle<'_>,
    cap: f64,
) -> Vec<String> {
    let room = cap - font.font.get_size() * 0.8;
    if measure(root, label, font) <= room {
        // (Without its break marks: U+200B.)
        return vec![label.replace('\u{200B}', "")];
    }
    let pieces = label_pieces(label);
    let join = |pieces: &[(bool, &str)]| -> String {
        let mut line = String::new();
        for (i, (spaced, piece)) in pieces.iter().enumerate() {
            if i > 0 && *spaced {
                line.push(' ');
            }
            line.push_str(piece);
        }
        line
    };
    let best = (1..pieces.len())
        .map(|k| {
            let (a, b) = (
                join(pieces.get(..k).unwrap_or(&[])),
                join(pieces.get(k..).unwrap_or(&[])),
            );
            (measure(root, &a, font).max(measure(root, &b, font)), a, b)
        })
        .min_by(|x, y| x.0.total_cmp(&y.0));
    match best {
        Some((w, a, b)) if w <= room => vec![a, b],
        // Two lines are not enough: as many as the pieces need, each filled greedily.
        Some(_) => {
            let mut lines: Vec<String> = Vec::new();
            for &(spaced, piece) in &pieces {
                match lines.last_mut() {
                    Some(line) => {
                        let longer = format!("{line}{}{piece}", if spaced { " " } else { "" });
                        if measure(root, &longer, font) <= room {
                            *line = longer;
                        } else {
                            lines.push(piece.to_owned());
                        }
                    }
                    None => lines.push(piece.to_owned()),
                }
            }
            lines
        }
        None => vec![label.to_owned()],
    }
}

/// The pieces a label may break between, each with whether a space came before it. A
/// label that marks its breaks with U+200B (a Chinese one, in its locale file) breaks only
/// there and at spaces.
fn label_pieces(label: &str) -> Vec<(bool, &str)> {
    fn cjk(c: char) -> bool {
        matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
    }
    const OPENING: &str = "（《「『【〔([{";
    const CLOSING: &str = "）》」』】〕)]}";
    let no_break_before = |c: char| CLOSING.contains(c) || "，。、：；！？％%,.:;!?".contains(c);
    let marked = label.contains('\u{200B}');
    let mut out = Vec::new();
    // `depth`: brackets open (a bracketed run stays whole).
    let (mut start, mut spaced, mut prev, mut depth) = (0, false, None, 0usize);
    for (i, c) in label.char_indices() {
        if c == ' ' || c == '\u{200B}' {
            if let Some(piece) = label.get(start..i).filter(|p| !p.is_empty()) {
                out.push((spaced, piece));
            }
            (start, spaced, prev) = (i + c.len_utf8(), c == ' ', None);
            continue;
        }
        if let Some(p) = prev {
            if !marked && depth == 0 && (cjk(p) || cjk(c)) && !no_break_before(c) {
                if let Some(piece) = label.get(start..i).filter(|p| !p.is_empty()) {
                    out.push((spaced, piece));
                    (start, spaced) = (i, false);
                }
            }
        }
        if OPENING.contains(c) {
            depth += 1;
        } else if CLOSING.contains(c) {
            depth = depth.saturating_sub(1);
        }
        prev = Some(c);
    }
    if let Some(piece) = label.get(start..).filter(|p| !p.is_empty()) {
        out.push((spaced, piece));
    }
    out
}

/// An end label placed beside its panel: the centre of its lines, the y of its line's
/// last point (canvas px), its lines (from [`EndTexts`]) and colour.
struct EndLabel<'a> {
    y: f64,
    end_y: f64,
    lines: &'a [String],
    color: RGBColor,
}

impl EndLabel<'_> {
    /// Moved off its line's end (by more than a third of a line), so a leader joins them.
    fn moved(&self, style: &Style) -> bool {
        (self.y - self.end_y).abs() > end_line_height(style) / 3.0
    }
}

/// The height of one line of an end label, canvas px.
fn end_line_height(style: &Style) -> f64 {
    f64::from(style.px(END_FONT_CSS * 1.25))
}

/// Each series' end label as the lines it is drawn in (`None`: it has none), broken
/// once per draw for the layout's margin and the labels themselves.
type EndTexts = Vec<Option<Vec<String>>>;

/// The end labels of `frame`'s series, broken into lines for this canvas.
fn end_texts<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &Frame,
    style: &Style,
    locale: &Locale,
) -> EndTexts {
    let font = style.font(END_FONT_CSS, style.theme.text);
    let cap = end_label_cap(style, f64::from(root.dim_in_pixel().0));
    frame
        .series
        .iter()
        .map(|s| {
            let label = s.end_label.as_ref()?;
            Some(end_label_lines(root, &locale.render(label), &font, cap))
        })
        .collect()
}

/// The end labels of panel `pi`'s lines, top to bottom, each clear of the one above and
/// kept inside the panel. Only their heights depend on the panel: the layout asks
/// before it knows the panel's width whether any is moved (it then leaves room for
/// leaders), and the drawing places them.
fn end_labels<'a>(
    panel: &Panel,
    pi: usize,
    style: &Style,
    frame: &Frame,
    texts: &'a EndTexts,
) -> Vec<EndLabel<'a>> {
    let line_height = end_line_height(style);
    let mut labels: Vec<EndLabel> = frame
        .series
        .iter()
        .zip(texts)
        .filter(|(s, _)| s.panel == pi && matches!(s.kind, SeriesKind::Line { .. }))
        .filter_map(|(s, lines)| {
            let lines = lines.as_deref()?;
            let y = s.values.iter().rev().find_map(|v| panel.y_of((*v)?))?;
            let end_y = clamp_px(panel, y);
            Some(EndLabel {
                y: end_y,
                end_y,
                lines,
                color: color(&style.theme, s.color),
            })
        })
        .collect();
    let half = |l: &EndLabel| l.lines.len() as f64 * line_height / 2.0;
    repricing_core::order::sort_by(&mut labels, |a, b| a.y.total_cmp(&b.y));
    let mut next_free = panel.rect.top;
    for l in &mut labels {
        let h = half(l);
        l.y = l.y.max(next_free + h);
        next_free = l.y + h;
    }
    // Push back up from the bottom if the stack ran out of the panel.
    let mut limit = panel.rect.bottom;
    for l in labels.iter_mut().rev() {
        let h = half(l);
        l.y = l.y.min(limit - h);
        limit = l.y - h;
    }
    labels
}

/// Canvas px between the plot and its end labels: the ring on a provisional last point
/// fits, and where a label had to move off its line's end, a leader from that end to
/// the label.
fn end_label_gap(style: &Style, leaders: bool) -> f64 {
    f64::from(style.px(if leaders { 16.0 } else { 7.0 }))
}

/// The last value of every labelled line: its short name in its colour just right of
/// the plot, moved apart where two would overlap (kept inside the panel, a thin leader
/// in its colour from the line's end to a moved label), and a hollow ring on a
/// provisional last point.
fn draw_end_labels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &[Panel],
    style: &Style,
    frame: &Frame,
    texts: &EndTexts,
) -> DrawResult<()> {
    let line_height = end_line_height(style);
    let canvas_w = f64::from(root.dim_in_pixel().0);
    for (pi, panel) in panels.iter().enumerate() {
        for s in frame.series.iter().filter(|s| s.panel == pi) {
            let last = s
                .values
                .iter()
                .enumerate()
                .rev()
                .find_map(|(i, v)| Some((i, panel.y_of((*v)?)?)));
            let Some((i, y)) = last else { continue };
            let provisional = frame
                .provisional_from
                .zip(frame.x.get(i))
                .is_some_and(|(p, d)| *d >= p);
            if provisional && matches!(s.kind, SeriesKind::Line { .. }) {
                if let Some(d) = frame.x.get(i) {
                    let at = (
                        panel.x_px(day_x(*d)).round() as i32,
                        clamp_px(panel, y).round() as i32,
                    );
                    root.draw(&Circle::new(
                        at,
                        style.px(3.5).max(2),
                        ShapeStyle::from(&color(&style.theme, s.color))
                            .stroke_width(style.px(1.5).max(1) as u32),
                    ))
                    .map_err(draw_err)?;
                }
            }
        }
    }
    let placed: Vec<Vec<EndLabel>> = panels
        .iter()
        .enumerate()
        .map(|(pi, panel)| end_labels(panel, pi, style, frame, texts))
        .collect();
    // One column of labels for all panels: leaders in one move them all right.
    let leaders = placed.iter().flatten().any(|l| l.moved(style));
    for (panel, labels) in panels.iter().zip(placed) {
        // Clear of the ring a provisional last point gets (and of the leaders).
        let beside = panel.rect.right + end_label_gap(style, leaders);
        for label in labels {
            let font = style.font(END_FONT_CSS, label.color);
            if label.moved(style) {
                // From just right of the ring to just left of the label.
                let from = panel.rect.right + f64::from(style.px(5.0));
                let to = beside - f64::from(style.px(3.0));
                root.draw(&PathElement::new(
                    vec![
                        (from.round() as i32, label.end_y.round() as i32),
                        (to.round() as i32, label.y.round() as i32),
                    ],
                    ShapeStyle::from(&label.color).stroke_width(style.px(1.0).max(1) as u32),
                ))
                .map_err(draw_err)?;
            }
            let top = label.y - label.lines.len() as f64 * line_height / 2.0;
            for (k, line) in label.lines.iter().enumerate() {
                let y = top + line_height * (k as f64 + 0.5);
                // Right of the plot; a label wider than the margin is moved left to stay
                // whole on the canvas, on a halo where it overlaps the plot.
                let width = measure(root, line, &font);
                let x = beside.min(canvas_w - width - f64::from(style.px(2.0))).max(0.0);
                if x < beside {
                    let half = line_height / 2.0;
                    halo(
                        root,
                        style,
                        PixelRect {
                            left: x - 2.0,
                            top: y - half,
                            right: x + width + 1.0,
                            bottom: y + half,
                        },
                    )?;
                }
                text(
                    root,
                    line.clone(),
                    (x.round() as i32, y.round() as i32),
                    font.clone().pos(Pos::new(HPos::Left, VPos::Center)),
                )?;
            }
        }
    }
    Ok(())
}

/// Separate dots with a ring in the background colour (so they read over lines).
fn draw_points<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panel: &Panel,
    dates: &[Date],
    values: &[Option<f64>],
    color: RGBColor,
    style: &Style,
) -> DrawResult<()> {
    // Dots no wider than their spacing allows (monthly points on a phone over five years
    // are 4 px apart): 3.5 CSS px at most, 1.5 at least.
    let count = values.iter().filter(|v| v.is_some()).count().max(1) as f64;
    let spacing_css = (panel.rect.right - panel.rect.left) / style.dpr / count;
    let radius_css = (spacing_css * 0.4).clamp(1.5, 3.5);
    let r = style.px(radius_css).max(2);
    let ring =
        ShapeStyle::from(&style.theme.background).stroke_width(style.px(radius_css * 0.4).max(1) as u32);
    for (d, v) in dates.iter().zip(values) {
        let Some(y) = v.and_then(|v| panel.y_of(v)) else {
            continue;
        };
        let at = (
            panel.x_px(day_x(*d)).round() as i32,
            clamp_px(panel, y).round() as i32,
        );
        root.draw(&Circle::new(at, r, color.filled())).map_err(draw_err)?;
        root.draw(&Circle::new(at, r, ring)).map_err(draw_err)?;
    }
    Ok(())
}

fn draw_bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &[Panel],
    style: &Style,
    frame: &Frame,
) -> DrawResult<()> {
    let t = &style.theme;
    let Some(bar_days) = frame.bar_days else {
        return Ok(());
    };
    for (pi, panel) in panels.iter().enumerate() {
        let r = panel.rect;
        let width_px = ((r.right - r.left) / (panel.x.1 - panel.x.0).max(1.0) * bar_days).max(style.dpr);
        let spans: Vec<(i32, i32)> = frame
            .x
            .iter()
            .map(|d| {
                let cx = panel.x_px(day_x(*d));
                (
                    (cx - width_px / 2.0).round() as i32,
                    (cx + width_px / 2.0).round().max(cx - width_px / 2.0 + 1.0) as i32,
                )
            })
            .collect();
        let bar = |(x0, x1): (i32, i32), from: f64, to: f64, c: RGBColor| {
            root.draw(&Rectangle::new(
                [
                    (x0, clamp_px(panel, from).round() as i32),
                    (x1, clamp_px(panel, to).round() as i32),
                ],
                c.filled(),
            ))
            .map_err(draw_err)
        };
        // Series by series and, for bars coloured by sign, one sign after the other: the
        // bars of one day never overlap another day's, so the picture is the same as day
        // by day, and runs of one colour let the backend fill many bars at once.
        let finite = |v: &Option<f64>| v.filter(|v| v.is_finite());
        for s in frame.series.iter().filter(|s| s.panel == pi) {
            let SeriesKind::Bar { by_sign } = s.kind else {
                continue;
            };
            let passes: &[Option<bool>] = if by_sign {
                &[Some(false), Some(true)]
            } else {
                &[None]
            };
            for negative in passes {
                let c = match negative {
                    Some(true) => t.outflow,
                    Some(false) => t.inflow,
                    None => color(t, s.color),
                };
                for (span, v) in spans.iter().zip(&s.values) {
                    let Some(v) = finite(v) else {
                        continue;
                    };
                    if negative.is_none_or(|n| n == (v < 0.0)) {
                        bar(*span, 0.0, v, c)?;
                    }
                }
            }
        }
        // Stacks: each layer starts where the layers before it ended on its side of zero.
        let (mut up, mut down) = (vec![0.0; spans.len()], vec![0.0; spans.len()]);
        for s in frame
            .series
            .iter()
            .filter(|s| s.panel == pi && s.kind == SeriesKind::Stack)
        {
            let c = color(t, s.color);
            for (((span, v), up), down) in spans.iter().zip(&s.values).zip(&mut up).zip(&mut down) {
                let Some(v) = finite(v).filter(|v| *v != 0.0) else {
                    continue;
                };
                let side = if v > 0.0 { up } else { down };
                *side += v;
                bar(*span, *side - v, *side, c)?;
            }
        }
    }
    Ok(())
}

/// Shaded stretches (regimes) behind every panel, in their role's colour.
fn draw_shades<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &[Panel],
    style: &Style,
    frame: &Frame,
) -> DrawResult<()> {
    for sh in &frame.shades {
        let c = color(&style.theme, sh.color);
        let fill = RGBAColor(c.0, c.1, c.2, if style.theme.dark { 0.16 } else { 0.10 });
        for p in panels {
            let x0 = p.x_px(day_x(sh.from)).clamp(p.rect.left, p.rect.right);
            let x1 = p.x_px(day_x(sh.to)).clamp(p.rect.left, p.rect.right);
            if x1 - x0 < 0.5 {
                continue;
            }
            root.draw(&Rectangle::new(
                [
                    (x0.round() as i32, p.rect.top as i32),
                    (x1.round() as i32, p.rect.bottom as i32),
                ],
                fill.filled(),
            ))
            .map_err(draw_err)?;
        }
    }
    Ok(())
}

/// How an event is named on the chart.
#[derive(Debug, Clone, PartialEq)]
enum EventTag {
    /// Its label, right of the line (or left of it near the right edge).
    Label {
        /// The text runs left of the line.
        left_of_line: bool,
    },
    /// A numbered marker centred on the line; the list under the chart names it.
    Number(usize),
}

/// Where an event goes: its line's x and the top-left of its label or marker (canvas
/// px), the label text and its tag.
#[derive(Debug, Clone, PartialEq)]
struct EventPlan {
    date: Date,
    /// The line, canvas px.
    x: f64,
    /// The label's or marker's box, canvas px.
    rect: PixelRect,
    text: String,
    tag: EventTag,
}

/// Rows of event labels at most on a phone-narrow chart: one that would need more (or
/// abbreviations) numbers its events instead.
const LABEL_ROWS: usize = 2;
/// Rows of event labels at most on a wide chart; events left over get numbers.
const WIDE_LABEL_ROWS: usize = 3;
/// Rows of numbered markers at most.
const MARKER_ROWS: usize = 3;
/// A numbered marker's diameter, CSS px.
const MARKER_CSS: f64 = 16.0;
/// The smallest pointer target, CSS px (WCAG 2.5.8).
const TARGET_CSS: f64 = 24.0;

/// Places the events of the first panel's range. Labels first: in rows at the top of the
/// plot, never overlapping each other or leaving the canvas — up to [`LABEL_ROWS`] on a
/// phone-narrow chart, [`WIDE_LABEL_ROWS`] on a wide one. On a narrow chart where any label
/// has no room, every event becomes a small numbered marker instead (in up to
/// [`MARKER_ROWS`] rows); on a wide one only the events left over do, in rows below the
/// labels. The list under the chart explains the numbers. An event with no room even for
/// a marker is not drawn at all, so every drawn event line has its label or its number.
fn plan_events<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &[Panel],
    style: &Style,
    frame: &Frame,
    locale: &Locale,
    label_top: f64,
) -> Vec<EventPlan> {
    let Some(top) = panels.first() else {
        return Vec::new();
    };
    let shown: Vec<(&repricing_core::views::frame::EventMark, f64)> = frame
        .events
        .iter()
        .filter(|e| {
            let x = day_x(e.date);
            x >= top.x.0 && x <= top.x.1
        })
        .map(|e| (e, top.x_px(day_x(e.date))))
        .collect();
    let rows = if style.narrow() {
        LABEL_ROWS
    } else {
        WIDE_LABEL_ROWS
    };
    let mut labels = plan_labels(root, top, style, &shown, rows, locale, label_top);
    if labels.len() == shown.len() {
        return labels;
    }
    if style.narrow() {
        return plan_markers(top, style, &shown, label_top, locale);
    }
    // Wide: keep the labels, number the events left over, below the label rows.
    let below = labels.iter().map(|l| l.rect.bottom).fold(label_top, f64::max);
    let left: Vec<_> = shown
        .iter()
        .filter(|(e, _)| {
            !labels
                .iter()
                .any(|l| l.date == e.date && l.text == locale.data(&e.text()))
        })
        .copied()
        .collect();
    labels.extend(plan_markers(top, style, &left, below, locale));
    repricing_core::order::sort_by(&mut labels, |a, b| a.x.total_cmp(&b.x));
    labels
}

/// Every label of `shown` that fits in [`LABEL_ROWS`] rows.
fn plan_labels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    top: &Panel,
    style: &Style,
    shown: &[(&repricing_core::views::frame::EventMark, f64)],
    rows: usize,
    locale: &Locale,
    label_top: f64,
) -> Vec<EventPlan> {
    let font = style.font(EVENT_FONT_CSS, style.theme.muted);
    let gap = f64::from(style.px(4.0));
    // Two labels on one row stay a word's space apart, so they never read as one phrase.
    let apart = f64::from(style.px(14.0));
    let pad = f64::from(style.px(3.0));
    let row_height = f64::from(style.px(EVENT_FONT_CSS * 1.35));
    let (w, _) = root.dim_in_pixel();
    let mut row_ends = vec![f64::NEG_INFINITY; rows];
    // (line x, row, label start, label end) of each label placed: an event's line runs
    // down from its own row, so no label may sit across a line from a row above it, and
    // no line may run down through a label in a row below its own.
    let mut placed: Vec<(f64, usize, f64, f64)> = Vec::new();
    let mut out = Vec::new();
    for (e, px) in shown {
        let px = *px;
        // The label in the reader's language (the events file's English by default).
        let label = locale.data(&e.text());
        let text_w = measure(root, &label, &font);
        let width = text_w + gap;
        // Text right of the line, or left of it near the right edge.
        // Inside the plot: the right margin belongs to the lines' end labels.
        let right_fits = px + width < top.rect.right.min(f64::from(w));
        let (start, end, left_of_line) = if right_fits {
            (px, px + width, false)
        } else {
            (px - width, px, true)
        };
        if start < 0.0 {
            continue;
        }
        let free = |row: usize, row_end: f64| {
            start > row_end + apart
                && placed.iter().all(|&(x, r, s, e)| {
                    let crosses_line = r < row && x >= start - gap && x <= end + gap;
                    let line_crosses = r > row && px >= s - gap && px <= e + gap;
                    !crosses_line && !line_crosses
                })
        };
        let Some(row) = row_ends.iter().enumerate().position(|(i, r)| free(i, *r)) else {
            continue;
        };
        if let Some(r) = row_ends.get_mut(row) {
            *r = end;
        }
        placed.push((px, row, start, end));
        let x0 = if left_of_line { px - text_w - pad } else { px + pad };
        let y0 = label_top + f64::from(style.px(2.0)) + row_height * row as f64;
        out.push(EventPlan {
            date: e.date,
            x: px,
            rect: PixelRect {
                left: x0,
                top: y0,
                right: x0 + text_w,
                bottom: y0 + row_height,
            },
            text: label,
            tag: EventTag::Label { left_of_line },
        });
    }
    out
}

/// A numbered marker for every event of `shown` that fits in [`MARKER_ROWS`] rows
/// starting at canvas y `below`, each with the event's own number.
fn plan_markers(
    top: &Panel,
    style: &Style,
    shown: &[(&repricing_core::views::frame::EventMark, f64)],
    below: f64,
    locale: &Locale,
) -> Vec<EventPlan> {
    let d = f64::from(style.px(MARKER_CSS));
    let gap = f64::from(style.px(2.0));
    let mut row_ends = [f64::NEG_INFINITY; MARKER_ROWS];
    let mut out = Vec::new();
    for (e, px) in shown {
        // Centred on the line, kept inside the plot.
        let left = (px - d / 2.0).min(top.rect.right - d).max(top.rect.left);
        let Some(row) = row_ends.iter().position(|r| left > *r + gap) else {
            continue;
        };
        if let Some(r) = row_ends.get_mut(row) {
            *r = left + d;
        }
        let y0 = below + f64::from(style.px(2.0)) + (d + gap) * row as f64;
        out.push(EventPlan {
            date: e.date,
            x: *px,
            rect: PixelRect {
                left,
                top: y0,
                right: left + d,
                bottom: y0 + d,
            },
            text: locale.data(&e.text()),
            tag: EventTag::Number(e.number),
        });
    }
    out
}

/// What the shell needs of the plan: each drawn event, its number and its pointer
/// target (at least [`TARGET_CSS`] square around the label or marker).
fn drawn_events(plan: &[EventPlan], style: &Style) -> Vec<DrawnEvent> {
    let min = f64::from(style.px(TARGET_CSS));
    let grow = |a: f64, b: f64| {
        let extra = ((min - (b - a)) / 2.0).max(0.0);
        (a - extra, b + extra)
    };
    plan.iter()
        .map(|p| {
            let (left, right) = grow(p.rect.left, p.rect.right);
            let (top, bottom) = grow(p.rect.top, p.rect.bottom);
            DrawnEvent {
                date: p.date,
                label: p.text.clone(),
                number: match p.tag {
                    EventTag::Number(n) => Some(n),
                    EventTag::Label { .. } => None,
                },
                hit: PixelRect {
                    left,
                    top,
                    right,
                    bottom,
                },
            }
        })
        .collect()
}

/// Event lines: dashed, through every panel, and in the first from its label in the
/// event strip (`strip` canvas px above the plot).
fn draw_event_lines<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &[Panel],
    style: &Style,
    plan: &[EventPlan],
    strip: f64,
) -> DrawResult<()> {
    let line = ShapeStyle::from(&style.theme.event).stroke_width(style.px(1.0).max(1) as u32);
    let dash = style.px(3.0).max(1) as u32;
    for l in plan {
        for (i, p) in panels.iter().enumerate() {
            let px = l.x.round() as i32;
            let from = if i == 0 {
                l.rect.top.max(p.rect.top - strip)
            } else {
                p.rect.top
            };
            root.draw(&DashedPathElement::new(
                vec![(px, from as i32), (px, p.rect.bottom as i32)],
                dash,
                dash,
                line,
            ))
            .map_err(draw_err)?;
        }
    }
    Ok(())
}

/// Event labels on a halo of the background colour, and numbered markers (a disc in the
/// event colour with its number in the background colour), above the data.
fn draw_event_labels<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: &Style,
    plan: &[EventPlan],
) -> DrawResult<()> {
    let t = &style.theme;
    let font = style.font(EVENT_FONT_CSS, t.muted);
    let number_font = style
        .font(MARKER_CSS * 0.7, t.background)
        .pos(Pos::new(HPos::Center, VPos::Center));
    // Two digits in the same disc, a little smaller.
    let two_digit_font = style
        .font(MARKER_CSS * 0.6, t.background)
        .pos(Pos::new(HPos::Center, VPos::Center));
    for l in plan {
        let r = l.rect;
        match l.tag {
            EventTag::Label { .. } => {
                halo(
                    root,
                    style,
                    PixelRect {
                        left: r.left - 1.0,
                        top: r.top,
                        right: r.right + 1.0,
                        bottom: r.bottom - 1.0,
                    },
                )?;
                text(
                    root,
                    l.text.clone(),
                    (r.left.round() as i32, r.top.round() as i32 + 1),
                    font.clone().pos(Pos::new(HPos::Left, VPos::Top)),
                )?;
            }
            EventTag::Number(n) => {
                let (cx, cy) = r.centre();
                let at = (cx.round() as i32, cy.round() as i32);
                let radius = ((r.right - r.left) / 2.0).round() as i32;
                root.draw(&Circle::new(at, radius, t.muted.filled()))
                    .map_err(draw_err)?;
                root.draw(&Circle::new(
                    at,
                    radius,
                    ShapeStyle::from(&t.background).stroke_width(style.px(1.0).max(1) as u32),
                ))
                .map_err(draw_err)?;
                let font = if n >= 10 { &two_digit_font } else { &number_font };
                text(root, n.to_string(), at, font.clone())?;
            }
        }
    }
    Ok(())
}

/// A halo of the background colour under a label (canvas px): the data, grid and event
/// lines under it do not run through its text.
fn halo<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, style: &Style, r: PixelRect) -> DrawResult<()> {
    root.draw(&Rectangle::new(
        [
            (r.left.round() as i32, r.top.round() as i32),
            (r.right.round() as i32, r.bottom.round() as i32),
        ],
        style.theme.background.filled(),
    ))
    .map_err(draw_err)
}

fn draw_annotations<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &[Panel],
    style: &Style,
    frame: &Frame,
    locale: &Locale,
) -> DrawResult<()> {
    let mut placed: Vec<(f64, f64)> = Vec::new();
    for a in &frame.annotations {
        let (Some(panel), Some(d)) = (panels.get(a.panel), frame.x.get(a.index)) else {
            continue;
        };
        let Some(y) = panel.y_of(a.y) else { continue };
        let label = locale.render(&a.text);
        let font = style.font(EVENT_FONT_CSS, color(&style.theme, a.color));
        let half = measure(root, &label, &font) / 2.0 + f64::from(style.px(3.0));
        // Centred on its point, moved in where it would run off the canvas (a label on the
        // last bar may reach into the end-label margin, not past the edge).
        let canvas_w = f64::from(root.dim_in_pixel().0);
        let cx = panel
            .x_px(day_x(*d))
            .min(canvas_w - half)
            .max(panel.rect.left + half);
        if placed.iter().any(|(l, r)| cx - half < *r && cx + half > *l) {
            continue;
        }
        placed.push((cx - half, cx + half));
        let at_y = (clamp_px(panel, y) + f64::from(style.px(3.0)))
            .min(panel.rect.bottom - f64::from(style.px(12.0)));
        // On a halo of the background, as event labels are: an event line or the grid
        // does not run through the figures.
        let text_half = half - f64::from(style.px(2.0));
        halo(
            root,
            style,
            PixelRect {
                left: cx - text_half,
                top: at_y,
                right: cx + text_half,
                bottom: at_y + f64::from(style.px(EVENT_FONT_CSS * 1.2)),
            },
        )?;
        text(
            root,
            label,
            (cx.round() as i32, at_y.round() as i32),
            font.pos(Pos::new(HPos::Center, VPos::Top)),
        )?;
    }
    Ok(())
}

/// The tooltip and overlay dots for point `index`.
pub fn hover(frame: &Frame, index: usize, map: &HoverMap, theme: &Theme, locale: &Locale) -> Option<Hover> {
    let date = *frame.x.get(index)?;
    let (title, detail) = frame.point_title(index)?;
    let mut rows = Vec::new();
    let mut marks = Vec::new();
    for pv in frame.values_at(index) {
        let s = pv.series;
        // Sparse measurements speak only on the days they exist.
        if s.kind == SeriesKind::Points && pv.value.is_none() {
            continue;
        }
        let c = color(theme, s.color);
        let c = match (&s.kind, pv.value) {
            (SeriesKind::Bar { by_sign: true }, Some(v)) if v < 0.0 => theme.outflow,
            (SeriesKind::Bar { by_sign: true }, _) => theme.inflow,
            _ => c,
        };
        let label = locale.render(&s.label);
        rows.push(HoverRow {
            color: Some(Theme::css(c)),
            short: s
                .end_label
                .as_ref()
                .map_or_else(|| label.clone(), |m| locale.render(m)),
            label,
            panel: s.panel,
            value: pv.value.map_or_else(
                || locale.render(&Msg::new("no-value")),
                |v| locale.number(v, s.format),
            ),
        });
        // A remark (the model's error at a measured point) follows its value on a row
        // of its own.
        if let (Some(r), Some(_)) = (&pv.remark, pv.value) {
            let remark = locale.render(r);
            rows.push(HoverRow {
                color: None,
                short: remark.clone(),
                label: remark,
                panel: s.panel,
                value: String::new(),
            });
        }
        let panel = map.panels.get(s.panel);
        if let (Some(v), Some(p), false) = (pv.value, panel, s.kind == SeriesKind::Stack) {
            if let Some(y) = p.y_of(v) {
                marks.push(Mark {
                    panel: s.panel,
                    y,
                    color: c,
                });
            }
        }
    }
    if let Some(d) = detail {
        rows.push(HoverRow {
            color: None,
            label: String::new(),
            short: String::new(),
            panel: usize::MAX,
            value: locale.render(&d),
        });
    }
    Some(Hover {
        x: day_x(date),
        title: locale.render(&title),
        rows,
        marks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::SVGBackend;
    use repricing_core::date::parse_iso;
    use repricing_core::views::frame::{EventMark, SeriesSpec, Shade};

    fn spec(scale: Scale, reference: Option<f64>) -> PanelSpec {
        PanelSpec {
            title: Msg::new("btc"),
            short_title: Msg::new("btc"),
            scale,
            ticks: NumFmt::Fixed(0),
            reference,
            weight: 1.0,
            include_zero: scale == Scale::Linear,
            clamp: None,
            min_span: 1.0,
            unit: None,
        }
    }

    fn line(key: &str, panel: usize, values: Vec<Option<f64>>) -> SeriesSpec {
        SeriesSpec {
            key: key.into(),
            label: Msg::new("btc"),
            panel,
            kind: SeriesKind::Line { dashed: false },
            color: ColorRole::Nasdaq,
            width_css: 2.0,
            values,
            format: NumFmt::Fixed(1),
            end_label: None,
            remarks: None,
            interval: None,
        }
    }

    fn days(n: usize) -> Vec<Date> {
        let start = parse_iso("2024-01-01").unwrap();
        (0..n)
            .map(|i| repricing_core::date::add_days(start, i as i64).unwrap())
            .collect()
    }

    /// A fourth chart is only a frame: two panels, a log scale, bars and an event.
    fn test_chart() -> Frame {
        let x = days(40);
        Frame {
            bar_days: Some(0.8),
            names: PointNames::Days,
            panels: vec![spec(Scale::Log, None), spec(Scale::Linear, Some(0.0))],
            series: vec![
                line("log", 0, (0..40).map(|i| Some(10f64.powi(i % 5))).collect()),
                SeriesSpec {
                    kind: SeriesKind::Bar { by_sign: true },
                    ..line("bars", 1, (0..40).map(|i| Some(f64::from(i) - 20.0)).collect())
                },
            ],
            events: vec![EventMark {
                date: x[10],
                label: "An event".into(),
                number: 1,
            }],
            annotations: Vec::new(),
            provisional_from: None,
            shades: Vec::new(),
            x,
        }
    }

    /// The light theme at 1 canvas px per CSS px, `css_width` wide.
    fn light(css_width: f64) -> Style {
        Style {
            theme: Theme::LIGHT,
            dpr: 1.0,
            css_width,
        }
    }

    fn svg(frame: &Frame, w: u32, h: u32) -> (String, DrawResult<HoverMap>) {
        let mut out = String::new();
        let map = {
            let root = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
            let style = light(f64::from(w));
            draw(&root, frame, &style, Locale::en())
        };
        (out, map)
    }

    /// The text of every `<text>` element of an SVG.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| Some(t.split_once('>')?.1.split("</text>").next()?.trim().to_owned()))
            .collect()
    }

    #[test]
    fn a_test_chart_draws_with_log_ticks_bars_and_its_event() {
        let f = test_chart();
        assert!(f.panels_are_valid());
        let (svg, map) = svg(&f, 800, 500);
        let map = map.unwrap();
        assert_eq!(map.panels.len(), 2);
        assert!(map.panels[0].log);
        // Log ticks are powers of ten, each large one in its own compact unit.
        let labels = texts(&svg);
        for label in ["1", "10", "100", "1k", "10k"] {
            assert!(labels.iter().any(|l| l == label), "{label} missing in {labels:?}");
        }
        assert!(labels.iter().any(|l| l == "An event"), "{labels:?}");
        // Date ticks come from the locale.
        assert!(labels.iter().any(|l| l == "8 Jan"), "{labels:?}");
        assert!(svg.matches("<rect").count() >= 40, "bars missing");
        // Both panels share x; the lower one is below the upper one.
        assert!(map.panels[1].rect.top > map.panels[0].rect.bottom);
    }

    /// The laid-out panels, the event plan and the header rows of `f` on a `width × 500`
    /// canvas.
    fn laid_out(f: &Frame, width: u32) -> (Vec<Panel>, Vec<EventPlan>, Header) {
        let mut out = String::new();
        let root = SVGBackend::with_string(&mut out, (width, 500)).into_drawing_area();
        let style = light(f64::from(width));
        let sheet = Sheet {
            x: x_range(f).unwrap(),
            w: f64::from(width),
            h: 500.0,
        };
        let texts = end_texts(&root, f, &style, Locale::en());
        let (panels, plan, header) = layout_with_events(&root, f, &style, Locale::en(), sheet, &texts);
        (panels.into_iter().map(|p| p.0).collect(), plan, header)
    }

    /// The panels and the event plan of `f` on a `width × 500` canvas.
    fn events_at(f: &Frame, width: u32) -> (Vec<Panel>, Vec<EventPlan>) {
        let (panels, plan, _) = laid_out(f, width);
        (panels, plan)
    }

    /// The first panel's plot top and the header rows of `f` on a `width × 500` canvas.
    fn header_at(f: &Frame, width: u32) -> (f64, Header) {
        let (panels, _, header) = laid_out(f, width);
        (panels[0].rect.top, header)
    }

    /// A regime shade over points 5 to 12, keyed "Nasdaq clearly closer".
    fn nasdaq_shade(f: &Frame) -> Shade {
        Shade {
            from: f.x[5],
            to: f.x[12],
            color: ColorRole::Nasdaq,
            label: Msg::new("btc"),
            key: Msg::new("regime-key").msg("leader", Msg::new("cp-qqq-short")),
        }
    }

    #[test]
    fn a_shade_has_a_key_on_the_chart_beside_the_title_or_on_its_own_row() {
        let mut f = test_chart();
        f.events.clear();
        let (plain_top, plain) = header_at(&f, 800);
        assert!(plain.keys.is_empty());
        f.shades = vec![nasdaq_shade(&f)];
        // Wide: beside the title, the plot where it was; the key is drawn.
        let (top, header) = header_at(&f, 800);
        assert_eq!(header.keys.len(), 1);
        assert_eq!(header.key_row, 0.0);
        assert_eq!(top, plain_top);
        let labels = texts(&svg(&f, 800, 500).0);
        assert!(labels.iter().any(|l| l == "Nasdaq clearly closer"), "{labels:?}");
        // Narrow: a row of its own, the plot lower by that row.
        let (narrow_plain, _) = {
            let mut g = f.clone();
            g.shades.clear();
            header_at(&g, 190)
        };
        let (top, header) = header_at(&f, 190);
        assert!(header.key_row > 0.0);
        assert_eq!(top, narrow_plain + header.key_row);
        let labels = texts(&svg(&f, 190, 500).0);
        assert!(labels.iter().any(|l| l == "Nasdaq clearly closer"), "{labels:?}");
    }

    #[test]
    fn a_provisional_last_day_is_keyed_on_the_chart_a_partial_period_is_not() {
        let mut f = test_chart();
        f.events.clear();
        assert!(header_at(&f, 800).1.keys.is_empty());
        f.provisional_from = f.x.last().copied();
        let (_, header) = header_at(&f, 800);
        assert_eq!(header.keys, [("last day: intraday".to_owned(), KeyMark::Ring)]);
        let labels = texts(&svg(&f, 800, 500).0);
        assert!(labels.iter().any(|l| l == "last day: intraday"), "{labels:?}");
        // With a shade too, on a narrow chart: two keys that cannot share a row take two.
        f.shades = vec![nasdaq_shade(&f)];
        let (_, narrow) = header_at(&f, 190);
        assert_eq!(narrow.keys.len(), 2);
        assert_eq!(narrow.key_row, 2.0 * KEY_ROW_CSS);
        let labels = texts(&svg(&f, 190, 500).0);
        assert!(labels.iter().any(|l| l == "last day: intraday"), "{labels:?}");
        // Named points (weeks, months): the ring marks a partial period, named at the end.
        f.shades.clear();
        f.names = PointNames::Named(f.x.iter().map(|_| (Msg::new("btc"), None)).collect());
        assert!(header_at(&f, 800).1.keys.is_empty());
    }

    /// `n` events with long labels from point 10 on, `step` points apart.
    fn long_events(f: &Frame, n: usize, step: usize) -> Vec<EventMark> {
        (0..n)
            .map(|i| EventMark {
                date: f.x[10 + step * i],
                label: format!("A rather long event label {i}"),
                // Numbered as a chart whose first two events are out of view.
                number: 3 + i,
            })
            .collect()
    }

    fn plan_at(f: &Frame, width: u32) -> Vec<EventPlan> {
        events_at(f, width).1
    }

    /// No two boxes of the plan overlap, and every box stays on the canvas.
    fn assert_apart(plan: &[EventPlan], width: u32) {
        for (i, a) in plan.iter().enumerate() {
            let r = a.rect;
            assert!(
                r.left >= 0.0 && r.right <= f64::from(width),
                "{width}: {a:?} off the canvas"
            );
            for b in plan.iter().skip(i + 1) {
                let q = b.rect;
                let apart = r.right < q.left || q.right < r.left || r.bottom <= q.top || q.bottom <= r.top;
                assert!(apart, "{width}: {a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn event_labels_and_large_ticks_are_drawn_in_the_reader_s_language() {
        let mut f = test_chart();
        let key = f.events[0].text().key;
        let xx = Locale::parse("xx", &format!("{key} = 一个事件\n-compact-tiers = 10000 10000 tick-unit-small\ntick-unit-small = {{ $n }}万"))
            .unwrap()
            .with_fallback(Locale::en());
        f.series[1].values = (0..40).map(|i| Some(f64::from(i) * 200_000.0)).collect();
        let draw_in = |l: &Locale| {
            let mut out = String::new();
            {
                let root = SVGBackend::with_string(&mut out, (800, 500)).into_drawing_area();
                let style = light(800.0);
                draw(&root, &f, &style, l).unwrap();
            }
            texts(&out)
        };
        let labels = draw_in(&xx);
        assert!(labels.iter().any(|l| l == "一个事件"), "{labels:?}");
        assert!(!labels.iter().any(|l| l == "An event"), "{labels:?}");
        assert!(
            labels.iter().any(|l| l.ends_with('万') && !l.contains('百')),
            "{labels:?}"
        );
        let labels = draw_in(Locale::en());
        assert!(labels.iter().any(|l| l == "An event"), "{labels:?}");
        assert!(labels.iter().any(|l| l.ends_with('M')), "{labels:?}");
    }

    #[test]
    fn log_ticks_in_1_2_5_steps_are_whole_numbers_not_three_decimals() {
        let mut f = test_chart();
        // 50 … 2,000: a short log span, ticked at 1, 2 and 5 times each power of ten.
        f.series[0].values = (0..40).map(|i| Some(50.0 + f64::from(i) * 50.0)).collect();
        let (svg, map) = svg(&f, 800, 700);
        map.unwrap();
        let labels = texts(&svg);
        assert!(labels.iter().any(|l| l == "500"), "{labels:?}");
        assert!(labels.iter().any(|l| l == "200"), "{labels:?}");
        assert!(!labels.iter().any(|l| l.ends_with(".000")), "{labels:?}");
    }

    #[test]
    fn wide_charts_label_their_events_and_crowded_ones_number_every_event() {
        let mut f = test_chart();
        // Two events far apart: labelled at every width from 800 px.
        f.events = vec![
            EventMark {
                date: f.x[5],
                label: "First event".into(),
                number: 1,
            },
            EventMark {
                date: f.x[30],
                label: "Second event".into(),
                number: 2,
            },
        ];
        for width in [800u32, 1280, 1440] {
            let plan = plan_at(&f, width);
            assert_eq!(plan.len(), 2, "{width}");
            assert!(
                plan.iter().all(|p| matches!(p.tag, EventTag::Label { .. })),
                "{width}: {plan:?}"
            );
            assert_apart(&plan, width);
        }
        // Five events on consecutive days: at 320 px five labels cannot fit in two rows, so
        // every event gets its own number instead (3 to 7: the chart's first two events
        // are out of view), none dropped.
        f.events = long_events(&f, 5, 1);
        for width in [320u32, 375] {
            let plan = plan_at(&f, width);
            let numbers: Vec<_> = plan.iter().map(|p| p.tag.clone()).collect();
            assert_eq!(
                numbers,
                (3..=7).map(EventTag::Number).collect::<Vec<_>>(),
                "{width}"
            );
            assert_apart(&plan, width);
            // Each marker sits on its own line.
            for p in &plan {
                let (cx, _) = p.rect.centre();
                assert!((cx - p.x).abs() <= MARKER_CSS / 2.0 + 0.5, "{width}: {p:?}");
            }
        }
        // Wide, the same five keep the labels that fit (three rows) and number the rest
        // with their own numbers, below the labels; none is dropped.
        let plan = plan_at(&f, 1400);
        assert_eq!(plan.len(), 5);
        let labelled = plan
            .iter()
            .filter(|p| matches!(p.tag, EventTag::Label { .. }))
            .count();
        assert!((1..5).contains(&labelled), "{plan:?}");
        for p in &plan {
            if let EventTag::Number(n) = p.tag {
                let own = f.events.iter().find(|e| e.date == p.date).map(|e| e.number);
                assert_eq!(own, Some(n), "{plan:?}");
            }
        }
        assert_apart(&plan, 1400);
    }

    #[test]
    fn event_labels_and_markers_sit_in_a_strip_above_the_plot_never_on_the_data() {
        let mut f = test_chart();
        let (plain, none) = events_at(
            &{
                let mut g = test_chart();
                g.events.clear();
                g
            },
            800,
        );
        assert!(none.is_empty());
        for (n, width) in [(1usize, 800u32), (5, 375), (5, 1400)] {
            f.events = long_events(&f, n, 1);
            let (panels, plan) = events_at(&f, width);
            assert_eq!(plan.len(), n, "{width}");
            let plot = panels[0].rect;
            for p in &plan {
                assert!(p.rect.bottom <= plot.top, "{width}: {p:?} on the plot {plot:?}");
            }
            // The strip is taken from the first panel only: it starts lower, the others
            // end where they did.
            if width == 800 {
                assert!(plot.top > plain[0].rect.top);
                assert_eq!(panels[1].rect.bottom, plain[1].rect.bottom);
            }
        }
    }

    #[test]
    fn the_axis_holds_the_interval_bands_and_a_short_panel_keeps_two_ticks() {
        use repricing_core::views::frame::{Interval, IntervalKind};
        let mut f = test_chart();
        // Bars from -20 to 19; a band on them reaching 60 above and -70 below.
        f.series[1].interval = Some(Interval {
            kind: IntervalKind::Confidence95,
            lo: (0..40).map(|i| Some(f64::from(i) - 90.0)).collect(),
            hi: (0..40).map(|i| Some(f64::from(i) + 21.0)).collect(),
            n: vec![Some(90); 40],
        });
        let (lo, hi) = extent(&f, 1, false).unwrap();
        assert_eq!((lo, hi), (-90.0, 60.0));
        // A panel 40 px tall asks for two ticks; nice steps alone would give one.
        let spec = &f.panels[1];
        for (a, b) in [(-0.9, 1.4), (-45.0, 80.0), (0.0, 7.0)] {
            let t = ticks(spec, (a, b), 40.0);
            assert!(t.len() >= 2, "{a}..{b}: {t:?}");
        }
    }

    #[test]
    fn bands_grow_fainter_as_more_share_a_panel() {
        use repricing_core::views::frame::{Interval, IntervalKind};
        let band = || Interval {
            kind: IntervalKind::Confidence95,
            lo: (0..40).map(|i| Some(f64::from(i) - 5.0)).collect(),
            hi: (0..40).map(|i| Some(f64::from(i) + 5.0)).collect(),
            n: vec![Some(90); 40],
        };
        // The opacities of the bands drawn (translucent polygons in the SVG).
        let opacities = |f: &Frame| -> Vec<f64> {
            let (svg, _) = svg(f, 800, 500);
            svg.split("<polygon")
                .skip(1)
                .filter_map(|p| p.split("opacity=\"").nth(1)?.split('"').next()?.parse().ok())
                .filter(|a: &f64| *a < 1.0)
                .collect()
        };
        let mut two = test_chart();
        let line = two
            .series
            .iter()
            .position(|s| s.interval.is_none() && s.panel == 1)
            .unwrap();
        two.series[line].interval = Some(band());
        let mut extra = two.series[line].clone();
        extra.key = "second".into();
        two.series.push(extra);
        let mut six = two.clone();
        for k in 0..4 {
            let mut s = six.series[line].clone();
            s.key = format!("more{k}");
            six.series.push(s);
        }
        let (a2, a6) = (opacities(&two), opacities(&six));
        assert_eq!(a2.len(), 2, "{a2:?}");
        assert_eq!(a6.len(), 6, "{a6:?}");
        // Two keep the designed opacity; six are fainter, by the square root of three.
        assert!((a2[0] - 0.16).abs() < 1e-6, "{a2:?}");
        assert!((a6[0] - 0.16 / 3f64.sqrt()).abs() < 1e-3, "{a6:?}");
    }

    #[test]
    fn every_drawn_event_line_has_its_label_or_number_in_the_drawing() {
        let mut f = test_chart();
        f.events = long_events(&f, 5, 1);
        for width in [320u32, 1400] {
            let (svg, map) = svg(&f, width, 500);
            let map = map.unwrap();
            assert!(!map.events.is_empty(), "{width}: no event drawn");
            let labels = texts(&svg);
            for e in &map.events {
                let name = e.number.map_or_else(|| e.label.clone(), |n| n.to_string());
                assert!(labels.contains(&name), "{width}: {name} not drawn in {labels:?}");
            }
        }
    }

    #[test]
    fn a_pointer_on_a_label_or_marker_finds_its_event_and_nowhere_else() {
        let mut f = test_chart();
        f.events = long_events(&f, 5, 2);
        // Canvas px at a device pixel ratio of 2: targets are sized in CSS px × 2.
        for (width, dpr) in [(640u32, 2.0), (1400, 1.0)] {
            let mut out = String::new();
            let map = {
                let root = SVGBackend::with_string(&mut out, (width, 900)).into_drawing_area();
                let style = Style {
                    theme: Theme::LIGHT,
                    dpr,
                    css_width: f64::from(width) / dpr,
                };
                draw(&root, &f, &style, Locale::en()).unwrap()
            };
            assert_eq!(map.events.len(), 5, "{width}");
            for e in &map.events {
                let (cx, cy) = e.hit.centre();
                assert_eq!(
                    map.event_at(cx, cy).map(|h| h.date),
                    Some(e.date),
                    "{width}: centre"
                );
                // Targets are at least 24 CSS px tall and wide.
                assert!(
                    e.hit.bottom - e.hit.top >= TARGET_CSS * dpr - 0.5,
                    "{width}: {e:?}"
                );
                assert!(
                    e.hit.right - e.hit.left >= TARGET_CSS * dpr - 0.5,
                    "{width}: {e:?}"
                );
            }
            // The middle of the plot, well below every label and marker, opens nothing.
            let p = map.panels[0].rect;
            assert_eq!(
                map.event_at((p.left + p.right) / 2.0, p.bottom - 2.0),
                None,
                "{width}"
            );
            assert_eq!(map.event_at(-5.0, -5.0), None);
        }
    }

    #[test]
    fn an_end_label_two_lines_cannot_hold_takes_as_many_as_its_words_need() {
        let mut out = String::new();
        let root = SVGBackend::with_string(&mut out, (200, 500)).into_drawing_area();
        let style = light(200.0);
        let font = style.font(END_FONT_CSS, style.theme.text);
        let cap = end_label_cap(&style, 200.0);
        let label = Locale::en().render(&Msg::new("end-issued-band").num("pct", 0.109, NumFmt::Percent(0)));
        let drawn = end_label_lines(&root, &label, &font, cap);
        assert_eq!(drawn, ["Issued", "(model)", "±11%"]);
    }

    #[test]
    fn a_chinese_end_label_breaks_between_characters_not_inside_its_brackets() {
        assert_eq!(
            label_pieces("发行（模型）±11%"),
            [(false, "发"), (false, "行"), (false, "（模型）"), (false, "±11%")]
        );
        assert_eq!(
            label_pieces("Issued (model) ±11%"),
            [(false, "Issued"), (true, "(model)"), (true, "±11%")]
        );
        // A label that marks its breaks breaks only there (and the mark is not drawn).
        assert_eq!(
            label_pieces("伦敦升级\u{200B}以来"),
            [(false, "伦敦升级"), (false, "以来")]
        );
        let mut out = String::new();
        let root = SVGBackend::with_string(&mut out, (200, 500)).into_drawing_area();
        let style = light(200.0);
        let font = style.font(END_FONT_CSS, style.theme.text);
        let cap = end_label_cap(&style, 200.0);
        let label = "发行（模型）±11%";
        let drawn = end_label_lines(&root, label, &font, cap);
        assert!(drawn.len() > 1, "{drawn:?}");
        assert_eq!(drawn.concat(), label);
        // Each line fits, or is one piece that cannot break (a bracketed run).
        let room = cap - font.font.get_size() * 0.8;
        let pieces = label_pieces(label);
        assert!(
            drawn
                .iter()
                .all(|l| measure(&root, l, &font) <= room || pieces.iter().any(|p| p.1 == l)),
            "{drawn:?}"
        );
        assert_eq!(drawn, ["发行", "（模型）", "±11%"]);
    }

    #[test]
    fn an_end_label_moved_off_its_line_s_end_is_joined_to_it_by_a_leader() {
        // Two labelled lines in the lower panel, ending `apart` units from each other
        // (its y range is about 0 to 40).
        let frame = |apart: f64| {
            let mut f = test_chart();
            f.series[1] = SeriesSpec {
                color: ColorRole::Gold,
                end_label: Some(Msg::new("cp-gld-short")),
                ..line("a", 1, (0..40).map(|i| Some(f64::from(i))).collect())
            };
            f.series.push(SeriesSpec {
                color: ColorRole::Eth,
                end_label: Some(Msg::new("cp-eth-short")),
                ..line("b", 1, (0..40).map(|i| Some(f64::from(i) - apart)).collect())
            });
            f
        };
        // The 2-point polylines in `colour`: leaders (a series' line has 40 points).
        let leaders = |svg: &str, colour: RGBColor| -> Vec<Vec<(f64, f64)>> {
            let stroke = format!("stroke=\"{}\"", Theme::css(colour).to_uppercase());
            svg.split("<polyline")
                .skip(1)
                .filter(|p| p.to_uppercase().contains(&stroke.to_uppercase()))
                .filter_map(|p| {
                    let points: Vec<(f64, f64)> = p
                        .split("points=\"")
                        .nth(1)?
                        .split('"')
                        .next()?
                        .split_whitespace()
                        .filter_map(|xy| {
                            let (x, y) = xy.split_once(',')?;
                            Some((x.parse().ok()?, y.parse().ok()?))
                        })
                        .collect();
                    (points.len() == 2).then_some(points)
                })
                .collect()
        };
        let theme = Theme::LIGHT;
        let (gold, eth) = (color(&theme, ColorRole::Gold), color(&theme, ColorRole::Eth));
        // Ends far apart: each label beside its end, no leader, the narrow gap.
        let (far, far_map) = svg(&frame(25.0), 800, 500);
        assert!(leaders(&far, gold).is_empty() && leaders(&far, eth).is_empty());
        // Ends together: one label is moved and gets a leader from its line's end,
        // right of the plot, to beside the label.
        let (near, near_map) = svg(&frame(0.0), 800, 500);
        let drawn: Vec<_> = [gold, eth].into_iter().flat_map(|c| leaders(&near, c)).collect();
        assert_eq!(drawn.len(), 1, "{drawn:?}");
        let plot = &near_map.unwrap().panels[1].rect;
        let [(x0, y0), (x1, y1)] = [drawn[0][0], drawn[0][1]];
        assert!(
            x0 > plot.right && x1 > x0 && x1 < plot.right + 20.0,
            "{drawn:?} beside {plot:?}"
        );
        assert!((y0 - y1).abs() >= 5.0, "a leader that goes nowhere: {drawn:?}");
        // The plot leaves room for the leaders.
        let far_right = far_map.unwrap().panels[1].rect.right;
        assert!(plot.right < far_right - 5.0, "{} vs {far_right}", plot.right);
    }

    #[test]
    fn an_end_label_wider_than_the_margin_stays_whole_on_a_phone_canvas() {
        let mut f = test_chart();
        f.series[1].kind = SeriesKind::Line { dashed: false };
        f.series[1].end_label = Some(Msg::new("end-issued"));
        let label = Locale::en().render(&Msg::new("end-issued"));
        for (width, lines) in [(200u32, 2usize), (800, 1)] {
            let (svg, _) = svg(&f, width, 500);
            let mut out = String::new();
            let root = SVGBackend::with_string(&mut out, (width, 500)).into_drawing_area();
            let style = light(f64::from(width));
            let font = style.font(END_FONT_CSS, style.theme.text);
            // Too wide for a narrow chart's margin: broken in two at a space.
            let drawn = end_label_lines(&root, &label, &font, end_label_cap(&style, f64::from(width)));
            assert_eq!(drawn.len(), lines, "{width}: {drawn:?}");
            assert_eq!(drawn.join(" "), label);
            for line in &drawn {
                let element = svg
                    .split("<text")
                    .find(|t| t.contains(&format!(">{line}<")) || t.contains(&format!(">\n{line}")))
                    .unwrap_or_else(|| panic!("{width}: {line} not drawn"));
                let x: f64 = element
                    .split("x=\"")
                    .nth(1)
                    .and_then(|r| r.split('"').next())
                    .and_then(|v| v.parse().ok())
                    .unwrap();
                let w = measure(&root, line, &font);
                assert!(
                    x >= 0.0 && x + w <= f64::from(width) + 0.5,
                    "{width}: {line} at {x}, {w} wide"
                );
            }
        }
    }

    #[test]
    fn one_colour_per_entity_and_the_flow_pair_is_no_entity_s() {
        use ColorRole as R;
        for theme in [Theme::LIGHT, Theme::DARK] {
            let entities = [
                R::Btc,
                R::Eth,
                R::Nasdaq,
                R::Gold,
                R::Sp500,
                R::Commodities,
                R::Yield,
            ];
            let colours: Vec<RGBColor> = entities.iter().map(|r| color(&theme, *r)).collect();
            for (i, a) in colours.iter().enumerate() {
                for b in colours.iter().skip(i + 1) {
                    assert_ne!(a, b, "two entities share a colour");
                }
                assert_ne!(*a, color(&theme, R::Inflow), "an entity uses the inflow colour");
                assert_ne!(*a, color(&theme, R::Outflow), "an entity uses the outflow colour");
            }
            // Not just different numbers: every entity and the flow pair apart by a
            // colour difference a reader sees (CIE76 ΔE ≥ 20; blue inflows beside the sky
            // blue Nasdaq were 12 apart).
            let all: Vec<(String, RGBColor)> = entities
                .iter()
                .chain(&[R::Inflow, R::Outflow])
                .map(|r| (format!("{r:?}"), color(&theme, *r)))
                .collect();
            for (i, (na, a)) in all.iter().enumerate() {
                for (nb, b) in all.iter().skip(i + 1) {
                    let d = delta_e(*a, *b);
                    assert!(d >= 20.0, "dark={}: {na} and {nb} are {d:.1} apart", theme.dark);
                }
            }
        }
    }

    /// `c` as a reader with full deuteranopia or protanopia sees it (Machado, Oliveira and
    /// Fernandes 2009, severity 1.0, applied to linear sRGB).
    fn colour_blind(c: RGBColor, protan: bool) -> RGBColor {
        use crate::theme::tests::linear;
        const DEUTAN: [[f64; 3]; 3] = [
            [0.367_322, 0.860_646, -0.227_968],
            [0.280_085, 0.672_501, 0.047_413],
            [-0.011_820, 0.042_940, 0.968_881],
        ];
        const PROTAN: [[f64; 3]; 3] = [
            [0.152_286, 1.052_583, -0.204_868],
            [0.114_503, 0.786_281, 0.099_216],
            [-0.003_882, -0.048_116, 1.051_998],
        ];
        let m = if protan { PROTAN } else { DEUTAN };
        let lin = [linear(c.0), linear(c.1), linear(c.2)];
        let channel = |row: [f64; 3]| {
            let v = (row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]).clamp(0.0, 1.0);
            let s = if v <= 0.003_130_8 {
                12.92 * v
            } else {
                1.055 * v.powf(1.0 / 2.4) - 0.055
            };
            (s * 255.0).round() as u8
        };
        RGBColor(channel(m[0]), channel(m[1]), channel(m[2]))
    }

    #[test]
    fn the_correlation_lines_stay_apart_for_colour_blind_readers() {
        // Every pair of the correlation chart's lines, as seen with full deuteranopia and
        // protanopia. The light theme's olive yield was 2.6 from gold's ochre for a
        // protanope and 9.7 for a deuteranope; the dark theme's pink ether was 10.0 from
        // the grey commodities for a deuteranope.
        use ColorRole as R;
        let lines = [
            R::Btc,
            R::Gold,
            R::Nasdaq,
            R::Sp500,
            R::Commodities,
            R::Eth,
            R::Yield,
        ];
        for theme in [Theme::LIGHT, Theme::DARK] {
            for (i, a) in lines.iter().enumerate() {
                for b in lines.iter().skip(i + 1) {
                    for protan in [false, true] {
                        let d = delta_e(
                            colour_blind(color(&theme, *a), protan),
                            colour_blind(color(&theme, *b), protan),
                        );
                        assert!(
                            d >= 15.0,
                            "dark={} protan={protan}: {a:?} and {b:?} {d:.1} apart",
                            theme.dark
                        );
                    }
                }
            }
        }
        // The simulation itself: it leaves greys alone, and it is what failed the olive.
        for protan in [false, true] {
            let grey = RGBColor(128, 128, 128);
            assert!(delta_e(colour_blind(grey, protan), grey) < 1.0);
        }
        let (ochre, olive) = (RGBColor(184, 126, 0), RGBColor(130, 130, 0));
        assert!(delta_e(colour_blind(ochre, true), colour_blind(olive, true)) < 5.0);
    }

    /// CIE76 colour difference of two sRGB colours (D65).
    fn delta_e(a: RGBColor, b: RGBColor) -> f64 {
        fn lab(c: RGBColor) -> [f64; 3] {
            use crate::theme::tests::linear;
            let (r, g, b) = (linear(c.0), linear(c.1), linear(c.2));
            let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.950_47;
            let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
            let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.088_83;
            let f = |t: f64| {
                if t > 0.008_856 {
                    t.cbrt()
                } else {
                    7.787 * t + 16.0 / 116.0
                }
            };
            let (fx, fy, fz) = (f(x), f(y), f(z));
            [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
        }
        let (p, q) = (lab(a), lab(b));
        ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
    }

    #[test]
    fn hover_reads_the_same_series_the_chart_draws() {
        let f = test_chart();
        let (_, map) = svg(&f, 800, 500);
        let map = map.unwrap();
        let h = hover(&f, 3, &map, &Theme::LIGHT, Locale::en()).unwrap();
        assert_eq!(h.title, "4 Jan 2024");
        assert_eq!(h.rows.len(), 2);
        assert_eq!(h.rows[0].value, "1,000.0");
        assert_eq!(h.rows[1].value, "−17.0");
        // The log series' dot is at log10(1000) = 3.
        assert_eq!(h.marks[0].y, 3.0);
        // Bars are coloured by sign in the tooltip too.
        assert_eq!(h.rows[1].color, Some(Theme::css(Theme::LIGHT.outflow)));
        // The pointer maps back to the point under it.
        let px = map.panels[0].x_px(h.x);
        let x = map.x_at(px).unwrap();
        assert_eq!(super::super::nearest_index(&f.x, x), Some(3));
    }

    #[test]
    fn a_remark_follows_its_value_in_the_tooltip() {
        let mut f = test_chart();
        let n = f.x.len();
        let mut remarks = vec![None; n];
        remarks[3] = Some(Msg::new("remark-model-error").num("e", 0.021, NumFmt::SignedPercent(1)));
        f.series[0].remarks = Some(remarks);
        let (_, map) = svg(&f, 800, 500);
        let map = map.unwrap();
        let h = hover(&f, 3, &map, &Theme::LIGHT, Locale::en()).unwrap();
        assert_eq!(h.rows.len(), 3);
        assert_eq!(h.rows[1].label, "model error that month +2.1%");
        assert_eq!((h.rows[1].color.as_deref(), h.rows[1].value.as_str()), (None, ""));
        // No remark on that day: no extra row.
        assert_eq!(
            hover(&f, 4, &map, &Theme::LIGHT, Locale::en())
                .unwrap()
                .rows
                .len(),
            2
        );
    }

    #[test]
    fn absurd_values_neither_loop_nor_leave_the_plot() {
        let mut f = test_chart();
        f.series[0].values[5] = Some(1e308);
        f.series[0].values[6] = Some(f64::INFINITY);
        f.series[1].values[7] = Some(-1.7e308);
        f.series[1].values[8] = Some(f64::NAN);
        let (_, map) = svg(&f, 800, 500);
        let map = map.unwrap();
        for p in &map.panels {
            assert!(p.y.0.is_finite() && p.y.1.is_finite() && p.y.1 > p.y.0, "{p:?}");
        }
        // All gaps: still a readable empty axis, no panic.
        for s in &mut f.series {
            s.values = vec![None; f.x.len()];
        }
        assert!(svg(&f, 320, 300).1.is_ok());
    }

    #[test]
    fn y_ranges_include_zero_and_respect_the_clamp() {
        let mut s = spec(Scale::Linear, Some(0.0));
        assert!(y_range(&s, Some((5.0, 10.0))).0 <= 0.0);
        s.clamp = Some((-1.0, 1.0));
        let (lo, hi) = y_range(&s, Some((0.2, 0.9)));
        assert!(lo >= -1.0 && hi <= 1.0);
        let (lo, hi) = y_range(&s, Some((f64::NAN, f64::NAN)));
        assert!(lo.is_finite() && hi.is_finite() && hi > lo && lo >= -1.0 && hi <= 1.0);
    }
}
