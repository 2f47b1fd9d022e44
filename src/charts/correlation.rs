//! Chart 1: rolling correlations (top panel) and prices indexed to 100 (bottom panel).

use super::{
    draw_err, draw_events, draw_frame, draw_hline, draw_line, draw_title, nice_ticks, value_range,
    DrawResult, HoverMap, LineStyle, Panel, PixelRect, Style,
};
use plotters::coord::Shift;
use plotters::prelude::*;
use repricing_core::snapshot::{ids, Event};
use repricing_core::views::correlation::{CorrelationView, Counterpart};
use repricing_core::views::{day_x, format};

/// Colour index of a line key: counterparts by their legend order, bitcoin last.
pub fn color_index(key: &str) -> Option<usize> {
    Counterpart::ALL.iter().position(|c| c.key() == key)
}

/// Draws chart 1 on `root` (canvas px) and returns the hover map.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &CorrelationView,
    events: &[Event],
    style: &Style,
) -> DrawResult<HoverMap> {
    let t = &style.theme;
    root.fill(&t.background).map_err(draw_err)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (f64::from(w), f64::from(h));
    let px = |css: f64| f64::from(style.px(css));
    let left = px(if style.narrow() { 36.0 } else { 44.0 });
    let right = w - px(10.0);
    let title_gap = px(24.0);
    let axis_gap = px(22.0);
    let usable = h - title_gap * 2.0 - axis_gap * 2.0;
    let top_h = usable * 0.58;
    let top = PixelRect {
        left,
        top: title_gap,
        right,
        bottom: title_gap + top_h,
    };
    let bottom = PixelRect {
        left,
        top: top.bottom + axis_gap + title_gap,
        right,
        bottom: h - axis_gap,
    };
    let x = match (view.dates.first(), view.dates.last()) {
        (Some(a), Some(b)) if a < b => (day_x(*a), day_x(*b)),
        (Some(a), _) => (day_x(*a) - 1.0, day_x(*a) + 1.0),
        _ => return Err("no market days in this range".to_owned()),
    };

    let corr_range = value_range(view.correlations.iter().map(|l| l.values.as_slice()), 0.08, 0.4)
        .map_or((-1.0, 1.0), |(lo, hi)| {
            (lo.clamp(-1.0, 0.0).min(-0.1), hi.clamp(0.1, 1.0))
        });
    let corr_panel = Panel {
        rect: top,
        x,
        y: corr_range,
    };
    let ticks = nice_ticks(corr_range.0, corr_range.1, if style.narrow() { 4 } else { 5 });
    let decimals = super::tick_decimals(&ticks);
    draw_frame(
        root,
        &corr_panel,
        style,
        &ticks,
        &|v| format::number(v, decimals),
        true,
    )?;
    let title = if style.narrow() {
        format!("{}-day correlation with bitcoin", view.window)
    } else {
        format!(
            "{}-day rolling correlation of daily returns with bitcoin",
            view.window
        )
    };
    draw_title(root, &corr_panel, style, &title)?;
    draw_hline(root, &corr_panel, style, 0.0)?;

    let idx_range =
        value_range(view.indexed.iter().map(|l| l.values.as_slice()), 0.06, 10.0).unwrap_or((90.0, 110.0));
    let idx_panel = Panel {
        rect: bottom,
        x,
        y: idx_range,
    };
    let ticks = nice_ticks(idx_range.0, idx_range.1, if style.narrow() { 3 } else { 4 });
    draw_frame(root, &idx_panel, style, &ticks, &|v| format::number(v, 0), true)?;
    let start = view.dates.first().map(|d| format::date(*d)).unwrap_or_default();
    let title = if style.narrow() {
        format!("Price, 100 = {start}")
    } else {
        format!("Price, indexed to 100 on {start}")
    };
    draw_title(root, &idx_panel, style, &title)?;
    // The bitcoin line has no chip: name it in the panel.
    let pos = plotters::style::text_anchor::Pos::new(
        plotters::style::text_anchor::HPos::Right,
        plotters::style::text_anchor::VPos::Bottom,
    );
    root.draw(&Text::new(
        "━ Bitcoin".to_owned(),
        (
            idx_panel.rect.right as i32,
            idx_panel.rect.top as i32 - style.px(6.0),
        ),
        style.font(12.0, t.text).pos(pos),
    ))
    .map_err(draw_err)?;
    draw_hline(root, &idx_panel, style, 100.0)?;

    draw_events(root, &[corr_panel, idx_panel], style, events)?;

    for line in &view.correlations {
        let color = t.series(color_index(line.key).unwrap_or(5));
        draw_line(
            root,
            &corr_panel,
            &view.dates,
            &line.values,
            LineStyle::solid(color, 2.0),
            style,
        )?;
    }
    // Bitcoin last, on top, in the text colour.
    for line in view.indexed.iter().rev() {
        let (color, width) = if line.key == ids::BTC_USD {
            (t.text, 2.0)
        } else {
            (t.series(color_index(line.key).unwrap_or(5)), 1.5)
        };
        draw_line(
            root,
            &idx_panel,
            &view.dates,
            &line.values,
            LineStyle::solid(color, width),
            style,
        )?;
    }
    root.present().map_err(draw_err)?;
    Ok(HoverMap {
        panels: vec![corr_panel, idx_panel],
    })
}

/// Chart 1 as a [`super::scene::Scene`].
pub struct CorrelationScene {
    /// What to draw.
    pub view: std::sync::Arc<CorrelationView>,
    /// Event markers.
    pub events: std::sync::Arc<Vec<Event>>,
}

impl super::scene::Scene for CorrelationScene {
    fn draw_canvas(
        &self,
        root: &DrawingArea<plotters_canvas::CanvasBackend, Shift>,
        style: &Style,
    ) -> DrawResult<HoverMap> {
        draw(root, &self.view, &self.events, style)
    }

    fn hover_dates(&self) -> &[repricing_core::Date] {
        &self.view.dates
    }

    fn hover(&self, index: usize, style: &Style) -> Option<super::scene::Hover> {
        use super::scene::{Hover, HoverRow, Mark};
        use crate::theme::Theme;
        let date = *self.view.dates.get(index)?;
        let t = &style.theme;
        let mut rows = Vec::new();
        let mut marks = Vec::new();
        for line in &self.view.correlations {
            let color = t.series(color_index(line.key).unwrap_or(5));
            let v = line.values.get(index).copied().flatten();
            rows.push(HoverRow {
                color: Some(Theme::css(color)),
                label: format!("{} · corr.", line.label),
                value: v.map_or("no value".to_owned(), format::correlation),
            });
            if let Some(v) = v {
                marks.push(Mark {
                    panel: 0,
                    y: v,
                    color,
                });
            }
        }
        for line in &self.view.indexed {
            let color = if line.key == ids::BTC_USD {
                t.text
            } else {
                t.series(color_index(line.key).unwrap_or(5))
            };
            let v = line.values.get(index).copied().flatten();
            rows.push(HoverRow {
                color: Some(Theme::css(color)),
                label: format!("{} · index", line.label),
                value: v.map_or("no value".to_owned(), |v| format::number(v, 1)),
            });
            if let Some(v) = v {
                marks.push(Mark {
                    panel: 1,
                    y: v,
                    color,
                });
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
