//! Chart 2: ETF net flow bars (total or stacked by fund) with the cumulative net flow since
//! launch on a secondary axis, and the largest outflows labelled.

use super::scene::{Hover, HoverRow, Mark, Scene};
use super::{
    draw_err, draw_events, draw_frame, draw_hline, draw_line, draw_title, nice_ticks, DrawResult, HoverMap,
    LineStyle, Panel, PixelRect, Style,
};
use crate::theme::Theme;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use repricing_core::date::add_days;
use repricing_core::resample::Period;
use repricing_core::snapshot::Event;
use repricing_core::views::flows::{FlowBar, FlowMode, FlowsView};
use repricing_core::views::{day_x, format};
use repricing_core::Date;
use std::sync::Arc;

/// The day a bar is drawn at: the middle of its trading days.
fn mid_date(b: &FlowBar) -> Date {
    add_days(b.first, ((day_x(b.last) - day_x(b.first)) / 2.0) as i64).unwrap_or(b.first)
}

/// Data x of a bar's centre.
fn bar_x(b: &FlowBar) -> f64 {
    day_x(mid_date(b))
}

/// Width of a bar in days.
fn bar_days(period: Period) -> f64 {
    match period {
        Period::Day => 0.8,
        Period::Week => 5.6,
        Period::Month => 25.0,
    }
}

/// Heading of the primary axis.
fn flow_title(period: Period, narrow: bool) -> &'static str {
    match (period, narrow) {
        (Period::Day, false) => "Daily net flow, US$m",
        (Period::Week, false) => "Weekly net flow, US$m",
        (Period::Month, false) => "Monthly net flow, US$m",
        (Period::Day, true) => "Daily, $m",
        (Period::Week, true) => "Weekly, $m",
        (Period::Month, true) => "Monthly, $m",
    }
}

/// A secondary range containing `secondary` whose zero sits at the same height as the
/// primary range's zero (so both axes share one zero line).
fn aligned_zero(primary: (f64, f64), secondary: (f64, f64)) -> (f64, f64) {
    let (lo, hi) = primary;
    if !(lo < 0.0 && hi > 0.0) {
        return secondary;
    }
    let f = -lo / (hi - lo); // fraction of the height below zero
    let (s_lo, s_hi) = (secondary.0.min(0.0), secondary.1.max(0.0));
    // Scale so that both the negative and the positive part fit.
    let top = s_hi.max(-s_lo * (1.0 - f) / f);
    (-top * f / (1.0 - f), top)
}

/// Draws chart 2 on `root` (canvas px) and returns the hover map.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &FlowsView,
    events: &[Event],
    style: &Style,
) -> DrawResult<HoverMap> {
    let t = &style.theme;
    root.fill(&t.background).map_err(draw_err)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let px = |css: f64| f64::from(style.px(css));
    let rect = PixelRect {
        left: px(if style.narrow() { 46.0 } else { 54.0 }),
        top: px(26.0),
        right: w - px(if style.narrow() { 40.0 } else { 50.0 }),
        bottom: h - px(24.0),
    };
    let (Some(first), Some(last)) = (view.bars.first(), view.bars.last()) else {
        return Err("no flows in this range".to_owned());
    };
    let half = bar_days(view.period) / 2.0 + 0.5;
    let x = (bar_x(first) - half, bar_x(last) + half);

    let stacks: Vec<(f64, f64)> = view.bars.iter().map(|b| stack_extent(b, view)).collect();
    let lo = stacks.iter().map(|s| s.0).fold(0.0, f64::min);
    let hi = stacks.iter().map(|s| s.1).fold(0.0, f64::max);
    let pad = (hi - lo).max(1.0) * 0.08;
    let y = (lo - pad * 1.6, hi + pad);
    let panel = Panel { rect, x, y };
    let cum_lo = view.bars.iter().map(|b| b.cumulative_usd_m).fold(0.0, f64::min);
    let cum_hi = view.bars.iter().map(|b| b.cumulative_usd_m).fold(0.0, f64::max);
    let cum_pad = (cum_hi - cum_lo).max(1.0) * 0.08;
    let cumulative = Panel {
        rect,
        x,
        y: aligned_zero(y, (cum_lo - cum_pad, cum_hi + cum_pad)),
    };

    let ticks = nice_ticks(y.0, y.1, if style.narrow() { 4 } else { 6 });
    draw_frame(root, &panel, style, &ticks, &|v| format::number(v, 0), true)?;
    draw_title(root, &panel, style, flow_title(view.period, style.narrow()))?;
    let cum_ticks = nice_ticks(cumulative.y.0, cumulative.y.1, if style.narrow() { 4 } else { 5 });
    let in_bn: Vec<f64> = cum_ticks.iter().map(|v| v / 1000.0).collect();
    let decimals = super::tick_decimals(&in_bn);
    // Label only the part of the secondary axis the line can reach.
    for v in cum_ticks.into_iter().filter(|v| *v >= cum_lo.min(0.0) - cum_pad) {
        let pos = Pos::new(HPos::Left, VPos::Center);
        root.draw(&Text::new(
            format!("{}bn", format::number(v / 1000.0, decimals)),
            (
                rect.right as i32 + style.px(6.0),
                cumulative.y_px(v).round() as i32,
            ),
            style.font(11.0, t.text).pos(pos),
        ))
        .map_err(draw_err)?;
    }
    let pos = Pos::new(HPos::Right, VPos::Bottom);
    let right_title = if style.narrow() {
        "━ cumulative, $bn"
    } else {
        "━ cumulative since launch, US$bn"
    };
    root.draw(&Text::new(
        right_title.to_owned(),
        (w as i32 - style.px(2.0), rect.top as i32 - style.px(6.0)),
        style
            .font(if style.narrow() { 11.0 } else { 12.0 }, t.text)
            .pos(pos),
    ))
    .map_err(draw_err)?;
    draw_events(root, &[panel], style, events)?;

    let plot_w_days = x.1 - x.0;
    let width_px = ((rect.right - rect.left) / plot_w_days * bar_days(view.period)).max(style.dpr);
    for b in &view.bars {
        let cx = panel.x_px(bar_x(b));
        let (x0, x1) = (
            (cx - width_px / 2.0).round() as i32,
            (cx + width_px / 2.0).round().max(cx - width_px / 2.0 + 1.0) as i32,
        );
        let zero = panel.y_px(0.0);
        match view.mode {
            FlowMode::Total => {
                let color = if b.net_usd_m < 0.0 { t.outflow } else { t.inflow };
                let y1 = panel.y_px(b.net_usd_m);
                root.draw(&Rectangle::new(
                    [(x0, zero.round() as i32), (x1, y1.round() as i32)],
                    color.filled(),
                ))
                .map_err(draw_err)?;
            }
            FlowMode::ByFund => {
                let (mut up, mut down) = (0.0, 0.0);
                for (g, v) in b.by_group_usd_m.iter().enumerate() {
                    if !view.shown.get(g).copied().unwrap_or(true) || *v == 0.0 {
                        continue;
                    }
                    let (from, to) = if *v > 0.0 {
                        up += v;
                        (up - v, up)
                    } else {
                        down += v;
                        (down - v, down)
                    };
                    let color = t.series(g);
                    root.draw(&Rectangle::new(
                        [
                            (x0, panel.y_px(from).round() as i32),
                            (x1, panel.y_px(to).round() as i32),
                        ],
                        color.filled(),
                    ))
                    .map_err(draw_err)?;
                }
            }
        }
    }
    draw_hline(root, &panel, style, 0.0)?;

    // Largest outflows first; a label that would overlap one already placed is skipped.
    let mut placed: Vec<(f64, f64)> = Vec::new();
    for &i in &view.largest_outflows {
        let Some(b) = view.bars.get(i) else { continue };
        let low = stack_extent(b, view).0;
        let label = format::number(b.net_usd_m, if b.net_usd_m.abs() >= 10_000.0 { 0 } else { 1 });
        let cx = panel.x_px(bar_x(b));
        let half = super::text_width_css(&label, 10.5) * style.dpr / 2.0 + px(3.0);
        if placed.iter().any(|(a, z)| cx - half < *z && cx + half > *a) {
            continue;
        }
        placed.push((cx - half, cx + half));
        let pos = Pos::new(HPos::Center, VPos::Top);
        root.draw(&Text::new(
            label,
            (cx.round() as i32, panel.y_px(low).round() as i32 + style.px(3.0)),
            style.font(10.5, t.outflow).pos(pos),
        ))
        .map_err(draw_err)?;
    }

    let dates: Vec<Date> = view.bars.iter().map(mid_date).collect();
    let cum: Vec<Option<f64>> = view.bars.iter().map(|b| Some(b.cumulative_usd_m)).collect();
    draw_line(
        root,
        &cumulative,
        &dates,
        &cum,
        LineStyle::solid(t.text, 1.75),
        style,
    )?;
    root.present().map_err(draw_err)?;
    Ok(HoverMap {
        panels: vec![panel, cumulative],
    })
}

/// Lowest and highest y a bar reaches (stacked: the negative and positive stacks).
fn stack_extent(b: &FlowBar, view: &FlowsView) -> (f64, f64) {
    match view.mode {
        FlowMode::Total => (b.net_usd_m.min(0.0), b.net_usd_m.max(0.0)),
        FlowMode::ByFund => b
            .by_group_usd_m
            .iter()
            .enumerate()
            .filter(|(g, _)| view.shown.get(*g).copied().unwrap_or(true))
            .fold(
                (0.0, 0.0),
                |(lo, hi), (_, v)| if *v < 0.0 { (lo + v, hi) } else { (lo, hi + v) },
            ),
    }
}

/// Chart 2 as a [`Scene`].
pub struct FlowsScene {
    /// What to draw.
    pub view: Arc<FlowsView>,
    /// Event markers.
    pub events: Arc<Vec<Event>>,
    dates: Vec<Date>,
}

impl FlowsScene {
    /// A scene for `view`.
    pub fn new(view: Arc<FlowsView>, events: Arc<Vec<Event>>) -> Self {
        let dates = view.bars.iter().map(mid_date).collect();
        Self { view, events, dates }
    }
}

impl Scene for FlowsScene {
    fn draw_canvas(
        &self,
        root: &DrawingArea<plotters_canvas::CanvasBackend, Shift>,
        style: &Style,
    ) -> DrawResult<HoverMap> {
        draw(root, &self.view, &self.events, style)
    }

    fn hover_dates(&self) -> &[Date] {
        &self.dates
    }

    fn hover(&self, index: usize, style: &Style) -> Option<Hover> {
        let v = &self.view;
        let b = v.bars.get(index)?;
        let t = &style.theme;
        let partial = if b.partial { " (partial)" } else { "" };
        let title = match v.period {
            Period::Day => format::date(b.first),
            Period::Week => format!("Week of {}{partial}", format::date(b.start)),
            Period::Month => format!("{}{partial}", format::month_year(b.start)),
        };
        let color = if b.net_usd_m < 0.0 { t.outflow } else { t.inflow };
        let mut rows = vec![HoverRow {
            color: Some(Theme::css(color)),
            label: "Net flow, US$m".to_owned(),
            value: format::number(b.net_usd_m, 1),
        }];
        if v.mode == FlowMode::ByFund {
            for (g, value) in b.by_group_usd_m.iter().enumerate() {
                if !v.shown.get(g).copied().unwrap_or(true) {
                    continue;
                }
                if let Some(group) = v.groups.get(g) {
                    rows.push(HoverRow {
                        color: Some(Theme::css(t.series(g))),
                        label: group.label.clone(),
                        value: format::number(*value, 1),
                    });
                }
            }
        }
        rows.push(HoverRow {
            color: Some(Theme::css(t.text)),
            label: "Cumulative since launch".to_owned(),
            value: format::usd_millions(b.cumulative_usd_m),
        });
        if v.period != Period::Day {
            rows.push(HoverRow {
                color: None,
                label: "Trading days".to_owned(),
                value: format!("{} – {}", format::date(b.first), format::date(b.last)),
            });
        }
        Some(Hover {
            x: bar_x(b),
            title,
            rows,
            marks: vec![
                Mark {
                    panel: 0,
                    y: b.net_usd_m,
                    color,
                },
                Mark {
                    panel: 1,
                    y: b.cumulative_usd_m,
                    color: t.text,
                },
            ],
        })
    }

    fn describe(&self) -> String {
        format!("Chart: {}", self.view.takeaway)
    }
}

#[cfg(test)]
mod tests {
    use super::aligned_zero;

    #[test]
    fn secondary_zero_lines_up_with_primary_zero() {
        // Primary: zero at 25 % of the height.
        let (lo, hi) = aligned_zero((-500.0, 1500.0), (0.0, 60_000.0));
        assert!((-lo / (hi - lo) - 0.25).abs() < 1e-12);
        assert!(hi >= 60_000.0);
        // A secondary with negatives still fits.
        let (lo, hi) = aligned_zero((-500.0, 1500.0), (-30_000.0, 10_000.0));
        assert!(lo <= -30_000.0 && hi >= 10_000.0);
        assert!((-lo / (hi - lo) - 0.25).abs() < 1e-12);
    }
}
