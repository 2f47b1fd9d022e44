//! Chart 3: ETH burned vs modelled issuance (top), the daily net supply change with the
//! break-even line (middle), cumulative net supply since London and since the Merge
//! (bottom). The top panel switches to a log scale when the range spans both eras.

use super::scene::{Hover, HoverRow, Mark, Scene};
use super::{
    draw_err, draw_events, draw_frame, draw_hline, draw_line, draw_title, nice_ticks, value_range,
    DrawResult, HoverMap, LineStyle, Panel, PixelRect, Style,
};
use crate::theme::Theme;
use plotters::coord::Shift;
use plotters::prelude::*;
use repricing_core::snapshot::Event;
use repricing_core::views::burn::{BurnView, Smoothing};
use repricing_core::views::{day_x, format};
use repricing_core::Date;
use std::sync::Arc;

/// Which lines are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BurnLines {
    /// Burn.
    pub burn: bool,
    /// Modelled issuance.
    pub issuance: bool,
    /// Cumulative since London.
    pub since_london: bool,
    /// Cumulative since the Merge.
    pub since_merge: bool,
}

impl BurnLines {
    /// All lines except the hidden ones.
    pub fn from_hidden(hidden: &[repricing_core::views::state::BurnLine]) -> Self {
        use repricing_core::views::state::BurnLine as L;
        Self {
            burn: !hidden.contains(&L::Burn),
            issuance: !hidden.contains(&L::Issuance),
            since_london: !hidden.contains(&L::SinceLondon),
            since_merge: !hidden.contains(&L::SinceMerge),
        }
    }
}

impl Default for BurnLines {
    fn default() -> Self {
        Self {
            burn: true,
            issuance: true,
            since_london: true,
            since_merge: true,
        }
    }
}

/// Colours of the lines, by role.
pub fn colors(t: &Theme) -> [RGBColor; 5] {
    // burn, issuance, net, since London, since Merge
    [t.outflow, t.inflow, t.text, t.series(2), t.series(4)]
}

fn p1_height_css(r: &PixelRect, style: &Style) -> f64 {
    (r.bottom - r.top) / style.dpr
}

/// Whether the top panel needs a log scale (values spanning more than 25×).
fn uses_log(view: &BurnView, lines: &BurnLines) -> bool {
    let shown = [(lines.burn, &view.burn_eth), (lines.issuance, &view.issuance_eth)];
    let mut lo = f64::INFINITY;
    let mut hi: f64 = 0.0;
    for (on, values) in shown {
        if on {
            for v in values.iter().flatten().filter(|v| **v > 0.0) {
                lo = lo.min(*v);
                hi = hi.max(*v);
            }
        }
    }
    lo.is_finite() && hi / lo > 25.0
}

fn log_values(values: &[Option<f64>]) -> Vec<Option<f64>> {
    values
        .iter()
        .map(|v| v.filter(|x| *x > 0.0).map(f64::log10))
        .collect()
}

/// Draws chart 3 on `root` (canvas px) and returns the hover map.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &BurnView,
    lines: &BurnLines,
    events: &[Event],
    style: &Style,
) -> DrawResult<HoverMap> {
    let t = &style.theme;
    let c = colors(t);
    root.fill(&t.background).map_err(draw_err)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let px = |css: f64| f64::from(style.px(css));
    let left = px(if style.narrow() { 46.0 } else { 54.0 });
    let right = w - px(10.0);
    let (title, axis) = (px(24.0), px(22.0));
    let usable = h - 3.0 * (title + axis);
    let heights = [usable * 0.42, usable * 0.24, usable * 0.34];
    let mut top = 0.0;
    let rects: Vec<PixelRect> = heights
        .iter()
        .map(|ph| {
            let r = PixelRect {
                left,
                top: top + title,
                right,
                bottom: top + title + ph,
            };
            top = r.bottom + axis;
            r
        })
        .collect();
    let x = match (view.dates.first(), view.dates.last()) {
        (Some(a), Some(b)) if a < b => (day_x(*a), day_x(*b)),
        (Some(a), _) => (day_x(*a) - 1.0, day_x(*a) + 1.0),
        _ => return Err("no burn data in this range".to_owned()),
    };
    let smoothing = match view.smoothing {
        Smoothing::Mean7 => "7-day mean",
        Smoothing::Daily => "daily",
    };

    // Top: burn vs issuance.
    let log = uses_log(view, lines);
    let tr = |v: &[Option<f64>]| if log { log_values(v) } else { v.to_vec() };
    let burn = tr(&view.burn_eth);
    let issuance = tr(&view.issuance_eth);
    let shown: Vec<&[Option<f64>]> = [
        (lines.burn, burn.as_slice()),
        (lines.issuance, issuance.as_slice()),
    ]
    .into_iter()
    .filter_map(|(on, v)| on.then_some(v))
    .collect();
    let y = if log {
        value_range(shown.iter().copied(), 0.04, 1.0).unwrap_or((1.0, 4.0))
    } else {
        value_range(shown.iter().copied(), 0.06, 10.0).map_or((0.0, 100.0), |(lo, hi)| (lo.min(0.0), hi))
    };
    let p1 = Panel { rect: rects[0], x, y };
    let ticks: Vec<f64> = if log {
        // 1-2-5 per decade where the panel is tall enough, decades only otherwise.
        let (a, b) = (y.0.floor() as i32, y.1.ceil() as i32);
        let room = (p1_height_css(&rects[0], style) / 16.0) as i32;
        let steps: &[f64] = if (b - a) * 3 <= room {
            &[1.0, 2.0, 5.0]
        } else {
            &[1.0]
        };
        (a..=b)
            .flat_map(|e| steps.iter().map(move |m| (m * 10f64.powi(e)).log10()))
            .filter(|v| *v >= y.0 && *v <= y.1)
            .collect()
    } else {
        nice_ticks(y.0, y.1, 4)
    };
    let label = move |v: f64| {
        if log {
            format::number(10f64.powf(v), 0)
        } else {
            format::number(v, 0)
        }
    };
    draw_frame(root, &p1, style, &ticks, &label, true)?;
    let log_note = if log { ", log scale" } else { "" };
    let title = if style.narrow() {
        format!("ETH/day burned vs issued{log_note}")
    } else {
        format!("ETH per day, {smoothing}{log_note}: burned vs issued (model)")
    };
    draw_title(root, &p1, style, &title)?;

    // Middle: net supply change per day, with break-even.
    let y2 = value_range(std::iter::once(view.net_eth.as_slice()), 0.08, 100.0)
        .map_or((-100.0, 100.0), |(lo, hi)| (lo.min(0.0), hi.max(0.0)));
    let p2 = Panel {
        rect: rects[1],
        x,
        y: y2,
    };
    draw_frame(
        root,
        &p2,
        style,
        &nice_ticks(y2.0, y2.1, 3),
        // Thousands as `10k` so `−10,000` fits the narrow axis.
        &|v| {
            if v.abs() >= 10_000.0 {
                format!("{}k", format::number(v / 1000.0, 0))
            } else {
                format::number(v, 0)
            }
        },
        true,
    )?;
    let title = if style.narrow() {
        "Net supply, ETH/day · 0 = break-even".to_owned()
    } else {
        format!("Net supply change, ETH per day ({smoothing}, model) · 0 = break-even, burn equals issuance")
    };
    draw_title(root, &p2, style, &title)?;
    draw_hline(root, &p2, style, 0.0)?;

    // Bottom: cumulative net supply.
    let cum: Vec<&[Option<f64>]> = [
        (lines.since_london, view.cumulative_london_eth.as_slice()),
        (lines.since_merge, view.cumulative_merge_eth.as_slice()),
    ]
    .into_iter()
    .filter_map(|(on, v)| on.then_some(v))
    .collect();
    let y3 = value_range(cum.iter().copied(), 0.08, 1000.0)
        .map_or((-1000.0, 1000.0), |(lo, hi)| (lo.min(0.0), hi.max(0.0)));
    let p3 = Panel {
        rect: rects[2],
        x,
        y: y3,
    };
    let millions = (y3.1 - y3.0) >= 200_000.0;
    let ticks3 = nice_ticks(y3.0, y3.1, 4);
    let in_millions: Vec<f64> = ticks3.iter().map(|v| v / 1e6).collect();
    let decimals = super::tick_decimals(&in_millions);
    let cum_label = move |v: f64| {
        if millions {
            format!("{}M", format::number(v / 1e6, decimals))
        } else {
            format::number(v, 0)
        }
    };
    draw_frame(root, &p3, style, &ticks3, &cum_label, true)?;
    draw_title(
        root,
        &p3,
        style,
        if style.narrow() {
            "Cumulative net supply, ETH"
        } else {
            "Cumulative net supply change, ETH (model)"
        },
    )?;
    draw_hline(root, &p3, style, 0.0)?;

    draw_events(root, &[p1, p2, p3], style, events)?;

    if lines.issuance {
        draw_line(
            root,
            &p1,
            &view.dates,
            &issuance,
            LineStyle::dashed(c[1], 2.0),
            style,
        )?;
    }
    if lines.burn {
        draw_line(root, &p1, &view.dates, &burn, LineStyle::solid(c[0], 1.75), style)?;
    }
    draw_line(
        root,
        &p2,
        &view.dates,
        &view.net_eth,
        LineStyle::solid(c[2], 1.5),
        style,
    )?;
    if lines.since_london {
        draw_line(
            root,
            &p3,
            &view.dates,
            &view.cumulative_london_eth,
            LineStyle::solid(c[3], 2.0),
            style,
        )?;
    }
    if lines.since_merge {
        draw_line(
            root,
            &p3,
            &view.dates,
            &view.cumulative_merge_eth,
            LineStyle::solid(c[4], 2.0),
            style,
        )?;
    }
    root.present().map_err(draw_err)?;
    Ok(HoverMap {
        panels: vec![p1, p2, p3],
    })
}

/// Chart 3 as a [`Scene`].
pub struct BurnScene {
    /// What to draw.
    pub view: Arc<BurnView>,
    /// Which lines.
    pub lines: BurnLines,
    /// Event markers.
    pub events: Arc<Vec<Event>>,
}

impl Scene for BurnScene {
    fn draw_canvas(
        &self,
        root: &DrawingArea<plotters_canvas::CanvasBackend, Shift>,
        style: &Style,
    ) -> DrawResult<HoverMap> {
        draw(root, &self.view, &self.lines, &self.events, style)
    }

    fn hover_dates(&self) -> &[Date] {
        &self.view.dates
    }

    fn hover(&self, index: usize, style: &Style) -> Option<Hover> {
        let v = &self.view;
        let date = *v.dates.get(index)?;
        let c = colors(&style.theme);
        let log = uses_log(v, &self.lines);
        let at = |values: &[Option<f64>]| values.get(index).copied().flatten();
        let show = |x: Option<f64>| x.map_or("no value".to_owned(), |x| format::number(x, 0));
        let mut rows = Vec::new();
        let mut marks = Vec::new();
        let entries = [
            (self.lines.burn, 0, "ETH burned", at(&v.burn_eth), 0usize),
            (
                self.lines.issuance,
                1,
                "ETH issued (model)",
                at(&v.issuance_eth),
                0,
            ),
            (true, 2, "Net supply change (model)", at(&v.net_eth), 1),
            (
                self.lines.since_london,
                3,
                "Since London, cumulative",
                at(&v.cumulative_london_eth),
                2,
            ),
            (
                self.lines.since_merge,
                4,
                "Since the Merge, cumulative",
                at(&v.cumulative_merge_eth),
                2,
            ),
        ];
        for (on, ci, label, value, panel) in entries {
            if !on {
                continue;
            }
            let color = c[ci];
            rows.push(HoverRow {
                color: Some(Theme::css(color)),
                label: label.to_owned(),
                value: if ci == 2 {
                    value.map_or("no value".to_owned(), |x| format::signed(x, 0))
                } else {
                    show(value)
                },
            });
            if let Some(y) = value {
                let y = if panel == 0 && log {
                    y.max(f64::MIN_POSITIVE).log10()
                } else {
                    y
                };
                marks.push(Mark { panel, y, color });
            }
        }
        Some(Hover {
            x: day_x(date),
            title: format::date(date),
            rows,
            marks,
        })
    }

    fn describe(&self) -> String {
        format!("Chart: {}", self.view.takeaway)
    }
}
