//! Colours of the light and dark themes: the Okabe–Ito palette, safe for the common forms
//! of colour blindness, with lighter variants where a dark background needs them and
//! darker ones (ochre for orange, a deeper sky blue) where white needs them: every mark
//! keeps at least 3:1 contrast with its background (WCAG 1.4.11), checked by a test.

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
    /// The 10-year yield (Okabe–Ito yellow on dark backgrounds, brown on light ones).
    pub yield_: RGBColor,
}

const ORANGE: RGBColor = RGBColor(230, 159, 0);
const GREEN: RGBColor = RGBColor(0, 158, 115);
const VERMILLION: RGBColor = RGBColor(213, 94, 0);
/// Ether's colour on white. Okabe–Ito's reddish purple (204, 121, 167) was 15.0 from the
/// Nasdaq's sky blue for a protanope; this plum stays ≥ 20 from every other
/// correlation-chart line for deutan and protan readers (tested in the engine), at 6.3:1
/// on white.
const PLUM: RGBColor = RGBColor(160, 50, 140);
/// Ether's colour on the dark background: the reddish purple was 10.0 from the grey
/// commodities for a deuteranope; this orchid stays ≥ 25 (tested in the engine), at
/// 4.5:1.
const ORCHID: RGBColor = RGBColor(180, 100, 170);
/// Okabe–Ito orange darkened to 3.5:1 on white.
const OCHRE: RGBColor = RGBColor(184, 126, 0);
/// The S&P 500's: Okabe–Ito has no colour left once the flow pair and the other
/// entities have theirs; a blue-violet well apart from the Nasdaq's sky blue and ether's
/// plum (ΔE ≥ 20, tested in the engine).
const VIOLET: RGBColor = RGBColor(110, 90, 200);
/// The yield's colour on white. Okabe–Ito yellow darkened far enough for lines on white
/// turns olive, which a protanope cannot tell from gold's ochre (ΔE 2.6 in Machado's
/// simulation); this brown stays ≥ 33 from every other correlation-chart line for
/// deutan and protan readers (tested in the engine), at 7.8:1 on white.
const BROWN: RGBColor = RGBColor(120, 70, 30);
/// Okabe–Ito sky blue darkened to 3.6:1 on white.
const DEEP_SKY: RGBColor = RGBColor(50, 142, 196);

impl Theme {
    /// The light theme.
    pub const LIGHT: Theme = Theme {
        dark: false,
        background: RGBColor(255, 255, 255),
        text: RGBColor(28, 30, 33),
        muted: RGBColor(96, 101, 108),
        grid: RGBColor(229, 231, 235),
        zero: RGBColor(120, 124, 130),
        event: RGBColor(128, 132, 138),
        inflow: GREEN,
        outflow: VERMILLION,
        series: [VIOLET, OCHRE, PLUM, DEEP_SKY, GREEN, RGBColor(110, 110, 110)],
        yield_: BROWN,
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
        inflow: RGBColor(60, 200, 150),
        outflow: RGBColor(240, 120, 40),
        series: [
            RGBColor(150, 130, 255),
            ORANGE,
            ORCHID,
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
        self.series
            .get(i % self.series.len())
            .copied()
            .unwrap_or(self.text)
    }

    /// CSS text of an opaque colour, for HTML legends and the overlay ([`css_rgba`]).
    pub fn css(color: RGBColor) -> String {
        css_rgba((color.0, color.1, color.2), 1.0)
    }
}

/// CSS text of a colour: `#rrggbb` when opaque (no formatting machinery: the chart
/// backend sets colours often), else `rgba(r,g,b,a)`.
pub fn css_rgba((r, g, b): (u8, u8, u8), alpha: f64) -> String {
    if alpha >= 1.0 {
        let mut s = String::with_capacity(7);
        s.push('#');
        for digit in [r >> 4, r & 15, g >> 4, g & 15, b >> 4, b & 15] {
            s.push(char::from_digit(u32::from(digit), 16).unwrap_or('0'));
        }
        s
    } else {
        format!("rgba({r},{g},{b},{alpha})")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn opaque_colors_are_hex_and_translucent_ones_rgba() {
        assert_eq!(Theme::css(RGBColor(255, 8, 160)), "#ff08a0");
        assert_eq!(css_rgba((1, 2, 3), 1.0), "#010203");
        assert_eq!(css_rgba((1, 2, 3), 0.25), "rgba(1,2,3,0.25)");
    }

    /// An sRGB channel, linear (the WCAG and CIE formulas start from it).
    pub(crate) fn linear(v: u8) -> f64 {
        let v = f64::from(v) / 255.0;
        if v <= 0.040_45 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    }

    /// WCAG relative luminance of an sRGB colour.
    fn luminance(c: RGBColor) -> f64 {
        0.2126 * linear(c.0) + 0.7152 * linear(c.1) + 0.0722 * linear(c.2)
    }

    /// WCAG contrast ratio of two colours (1 to 21).
    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn the_contrast_formula_is_wcags() {
        let (black, white) = (RGBColor(0, 0, 0), RGBColor(255, 255, 255));
        assert!((contrast(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast(white, white) - 1.0).abs() < 1e-9);
        // Okabe–Ito orange is known to fail on white (about 2.2:1).
        assert!(contrast(ORANGE, white) < 3.0);
    }

    #[test]
    fn every_mark_has_3_to_1_against_its_background() {
        for theme in [Theme::LIGHT, Theme::DARK] {
            let marks = theme.series.iter().copied().chain([
                theme.inflow,
                theme.outflow,
                theme.text,
                theme.event,
                theme.zero,
            ]);
            for c in marks {
                let ratio = contrast(c, theme.background);
                assert!(ratio >= 3.0, "dark={} {c:?}: {ratio:.2}:1", theme.dark);
            }
            // Text on the canvas is 4.5:1.
            for c in [theme.text, theme.muted] {
                assert!(contrast(c, theme.background) >= 4.5, "dark={} {c:?}", theme.dark);
            }
        }
    }
}
