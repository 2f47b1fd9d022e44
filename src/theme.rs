//! Colours of the light and dark themes: the Okabe–Ito palette, safe for the common forms
//! of colour blindness, with lighter variants where a dark background needs them.

use plotters::style::RGBColor;

/// Every colour a chart draws with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Whether this is the dark theme.
    pub dark: bool,
    /// Canvas background.
    pub background: RGBColor,
    /// Labels and the emphasised line.
    pub text: RGBColor,
    /// Secondary labels.
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Zero and break-even lines.
    pub zero: RGBColor,
    /// Event markers.
    pub event: RGBColor,
    /// Inflow bars.
    pub inflow: RGBColor,
    /// Outflow bars.
    pub outflow: RGBColor,
    /// Categorical series colours.
    pub series: [RGBColor; 6],
    /// The 10-year yield (Okabe–Ito yellow, darkened on light backgrounds).
    pub yield_: RGBColor,
}

const BLUE: RGBColor = RGBColor(0, 114, 178);
const SKY: RGBColor = RGBColor(86, 180, 233);
const ORANGE: RGBColor = RGBColor(230, 159, 0);
const GREEN: RGBColor = RGBColor(0, 158, 115);
const VERMILLION: RGBColor = RGBColor(213, 94, 0);
const PURPLE: RGBColor = RGBColor(204, 121, 167);

impl Theme {
    /// The light theme.
    pub const LIGHT: Theme = Theme {
        dark: false,
        background: RGBColor(255, 255, 255),
        text: RGBColor(28, 30, 33),
        muted: RGBColor(96, 101, 108),
        grid: RGBColor(229, 231, 235),
        zero: RGBColor(120, 124, 130),
        event: RGBColor(150, 154, 160),
        inflow: BLUE,
        outflow: VERMILLION,
        series: [BLUE, ORANGE, PURPLE, SKY, GREEN, RGBColor(110, 110, 110)],
        yield_: RGBColor(150, 122, 0),
    };

    /// The dark theme.
    pub const DARK: Theme = Theme {
        dark: true,
        background: RGBColor(22, 24, 28),
        text: RGBColor(232, 234, 237),
        muted: RGBColor(160, 165, 172),
        grid: RGBColor(48, 52, 58),
        zero: RGBColor(140, 145, 152),
        event: RGBColor(110, 115, 122),
        inflow: SKY,
        outflow: RGBColor(240, 120, 40),
        series: [
            SKY,
            ORANGE,
            PURPLE,
            RGBColor(120, 200, 255),
            RGBColor(60, 200, 150),
            RGBColor(170, 170, 170),
        ],
        yield_: RGBColor(240, 228, 66),
    };

    /// The theme for a colour-scheme preference.
    pub fn for_dark(dark: bool) -> Theme {
        if dark {
            Self::DARK
        } else {
            Self::LIGHT
        }
    }

    /// Series colour `i` (wrapping).
    pub fn series(&self, i: usize) -> RGBColor {
        self.series[i % self.series.len()]
    }

    /// CSS `rgb()` text of a colour, for HTML legends and the overlay.
    pub fn css(color: RGBColor) -> String {
        format!("rgb({},{},{})", color.0, color.1, color.2)
    }
}
