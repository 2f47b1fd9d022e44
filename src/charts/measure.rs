//! Text widths for chart layout, measured with a canvas 2D context.
//!
//! plotters' own estimate on the web appends a `<span>` to the page and reads its
//! `offsetHeight` — a forced layout of the whole page for every label measured, which made
//! each redraw spend most of its time in layout. A detached canvas's `measureText` needs no
//! layout, and uses the same font string the chart backend draws with ([`font_spec`]), so a measured label
//! is exactly the drawn one. Widths are cached per (font, text): tick labels and end labels
//! repeat from one draw to the next.

use plotters::style::TextStyle;

/// Most widths kept before the cache starts afresh (labels of a few views).
#[cfg(target_arch = "wasm32")]
const CACHE_LIMIT: usize = 4096;

/// Width of `text` in canvas px in `font`, or `None` where no canvas can measure (host
/// tests: the caller falls back to the backend's estimate).
pub fn text_width(text: &str, font: &TextStyle<'_>) -> Option<f64> {
    let f = &font.font;
    measure(
        &font_spec(f.get_style().as_str(), f.get_size(), f.get_family().as_str()),
        text,
    )
}

/// The canvas font string of a style, size (canvas px) and family: the one the chart
/// backend draws with, so that a measured label is the drawn one.
pub fn font_spec(style: &str, size: f64, family: &str) -> String {
    format!("{style} {size}px {family}")
}

#[cfg(target_arch = "wasm32")]
fn measure(spec: &str, text: &str) -> Option<f64> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use wasm_bindgen::JsCast;

    thread_local! {
        static CONTEXT: Option<web_sys::CanvasRenderingContext2d> = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .and_then(|c| c.get_context("2d").ok().flatten())
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        static WIDTHS: RefCell<HashMap<(String, String), f64>> = RefCell::new(HashMap::new());
        // The font last set on CONTEXT. (Reading `ctx.font` back would not do: it is a
        // string from JavaScript each time, and the browser writes it its own way — no
        // `normal` — so it never equals the spec and the font would be set every time.)
        static FONT: RefCell<String> = const { RefCell::new(String::new()) };
    }
    let key = (spec.to_owned(), text.to_owned());
    if let Some(w) = WIDTHS.with(|c| c.borrow().get(&key).copied()) {
        return Some(w);
    }
    let width = CONTEXT.with(|ctx| {
        let ctx = ctx.as_ref()?;
        FONT.with(|f| {
            let mut f = f.borrow_mut();
            if *f != spec {
                ctx.set_font(spec);
                spec.clone_into(&mut f);
            }
        });
        ctx.measure_text(text).ok().map(|m| m.width())
    })?;
    WIDTHS.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= CACHE_LIMIT {
            c.clear();
        }
        c.insert(key, width);
    });
    Some(width)
}

#[cfg(not(target_arch = "wasm32"))]
fn measure(_spec: &str, _text: &str) -> Option<f64> {
    None
}
