//! What a chart component needs from a chart: draw on a canvas, and describe a date for
//! the hover overlay and tooltip.

use super::{DrawResult, HoverMap, Style};
use plotters::coord::Shift;
use plotters::prelude::DrawingArea;
use plotters::style::RGBColor;
use plotters_canvas::CanvasBackend;
use repricing_core::Date;

/// One line of the tooltip.
#[derive(Debug, Clone, PartialEq)]
pub struct HoverRow {
    /// Swatch colour (CSS), if the row belongs to a drawn series.
    pub color: Option<String>,
    /// What the value is.
    pub label: String,
    /// The value, formatted.
    pub value: String,
}

/// A dot the overlay draws on a series at the hovered date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// Index into [`HoverMap::panels`].
    pub panel: usize,
    /// Data y.
    pub y: f64,
    /// Colour of the series.
    pub color: RGBColor,
}

/// Everything shown for one hovered date.
#[derive(Debug, Clone, PartialEq)]
pub struct Hover {
    /// Data x of the hovered date (or bar centre).
    pub x: f64,
    /// Tooltip heading (the date or period).
    pub title: String,
    /// Tooltip rows.
    pub rows: Vec<HoverRow>,
    /// Dots for the overlay.
    pub marks: Vec<Mark>,
}

/// A drawable chart.
pub trait Scene: Send + Sync {
    /// Draws the whole chart (canvas px) and returns the hover map.
    fn draw_canvas(&self, root: &DrawingArea<CanvasBackend, Shift>, style: &Style) -> DrawResult<HoverMap>;
    /// The dates (or bar dates) hover can land on, ascending.
    fn hover_dates(&self) -> &[Date];
    /// The hover content for `hover_dates()[index]`.
    fn hover(&self, index: usize, style: &Style) -> Option<Hover>;
    /// A one-sentence description for screen readers.
    fn describe(&self) -> String;
}

/// Draws nothing but the background; stands in while a section swaps its content.
pub struct EmptyScene;

impl Scene for EmptyScene {
    fn draw_canvas(&self, root: &DrawingArea<CanvasBackend, Shift>, style: &Style) -> DrawResult<HoverMap> {
        root.fill(&style.theme.background).map_err(super::draw_err)?;
        Ok(HoverMap::default())
    }

    fn hover_dates(&self) -> &[Date] {
        &[]
    }

    fn hover(&self, _index: usize, _style: &Style) -> Option<Hover> {
        None
    }

    fn describe(&self) -> String {
        "Chart: no data".to_owned()
    }
}
