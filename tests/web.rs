//! Browser tests (headless Chromium via wasm-bindgen-test): the page mounted with the
//! committed snapshot draws all three charts, a toggle redraws its canvas, and broken
//! data gives readable errors in place of the affected charts only.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code
#![cfg(target_arch = "wasm32")]

use crypto_repricing::Stories;
use leptos::prelude::*;
use repricing_core::text::{keep_hyphenated, Locale};
use repricing_core::views::chart::{chart_view, prepare};
use repricing_core::views::state::{Chart, ViewState};
use repricing_core::Snapshot;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const SNAPSHOT: &str = include_str!("../public/data/snapshot.txt");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Mounts the stories into a fresh 900 px wide container and waits for the first draw.
async fn mount(snapshot: Result<Arc<Snapshot>, String>) -> HtmlElement {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    container.style().set_property("width", "900px").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(
        container.clone(),
        move || view! { <Stories snapshot=snapshot.clone() /> },
    );
    handle.forget();
    // The sections are built one per task, after a paint each: wait for the last one.
    for _ in 0..100 {
        sleep(50).await;
        if container.query_selector_all(".story.pending").unwrap().length() == 0 {
            break;
        }
    }
    sleep(100).await;
    container
}

fn snapshot_without(series: &str) -> Arc<Snapshot> {
    let mut raw = Snapshot::from_text(SNAPSHOT).unwrap().to_raw().unwrap();
    raw.series.remove(series);
    // The edit changes the content: validate it as built in code (tests only).
    Arc::new(Snapshot::from_raw(raw).unwrap())
}

fn base_canvas(root: &HtmlElement, section: &str) -> Option<HtmlCanvasElement> {
    root.query_selector(&format!("#{section} canvas.base"))
        .unwrap()
        .map(|e| e.unchecked_into())
}

/// A cheap fingerprint of the canvas pixels, and how many differ from the corner pixel.
fn pixels(canvas: &HtmlCanvasElement) -> (u64, usize) {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let data = ctx
        .get_image_data(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height()))
        .unwrap()
        .data();
    let bg = &data[..4];
    let inked = data.chunks(4).filter(|p| p != &bg).count();
    let hash = data.iter().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100000001b3)
    });
    (hash, inked)
}

fn text(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

/// The page checks the snapshot with the browser's SHA-256 (off its thread): it must be
/// the digest the core computes, of the file and of a changed file alike.
#[wasm_bindgen_test]
async fn the_browser_digest_of_the_content_is_the_core_checksum() {
    use repricing_core::snapshot::checksum;
    let changed = SNAPSHOT.replacen("> ", "> 1", 1);
    for text in [SNAPSHOT, changed.as_str()] {
        let digest = crypto_repricing::data::browser_sha256(&checksum::canonical(text))
            .expect("a secure context has Web Crypto")
            .await
            .expect("the browser computed a digest");
        assert_eq!(digest, checksum::of_text(text));
    }
    assert_ne!(checksum::of_text(&changed), checksum::of_text(SNAPSHOT));
}

#[wasm_bindgen_test]
async fn all_three_charts_draw_from_the_snapshot() {
    let root = mount(Ok(Arc::new(Snapshot::from_text(SNAPSHOT).unwrap()))).await;
    for section in ["correlation", "flows", "burn"] {
        let canvas = base_canvas(&root, section).unwrap_or_else(|| panic!("{section}: no canvas"));
        assert!(
            canvas.width() > 300,
            "{section}: backing store {}",
            canvas.width()
        );
        let (_, inked) = pixels(&canvas);
        assert!(inked > 5_000, "{section}: only {inked} pixels drawn");
        assert!(
            root.query_selector(&format!("#{section} [role=alert]"))
                .unwrap()
                .is_none(),
            "{section}: error shown"
        );
    }
    // Every takeaway on the page is the core's, rendered by the one formatter.
    let snapshot = Arc::new(Snapshot::from_text(SNAPSHOT).unwrap());
    let en = Locale::en();
    for chart in Chart::ALL {
        let v = chart_view(
            &prepare(chart, &snapshot).unwrap(),
            &ViewState::default().part(chart),
        );
        let shown = text(&root, &format!("#{} .takeaway", chart.key()));
        assert_eq!(
            shown,
            keep_hyphenated(&en.render_all(&v.takeaway)),
            "{}",
            chart.key()
        );
        assert!(!v.takeaway.is_empty());
    }
    assert!(text(&root, "#correlation .takeaway")
        .starts_with("90\u{2011}day correlation of bitcoin with the Nasdaq\u{2011}100: "));
    assert!(text(&root, "#flows .source").contains("Farside Investors"));
    assert!(text(&root, "#flows .source").contains("Data as of 21 Aug 2026"));
    root.remove();
}

#[wasm_bindgen_test]
async fn toggling_a_series_redraws_its_canvas() {
    let root = mount(Ok(Arc::new(Snapshot::from_text(SNAPSHOT).unwrap()))).await;
    let canvas = base_canvas(&root, "correlation").unwrap();
    let before = pixels(&canvas).0;
    let chips = root.query_selector_all("#correlation .chip").unwrap();
    let eth: HtmlElement = (0..chips.length())
        .filter_map(|i| chips.item(i))
        .find(|n| n.text_content().unwrap_or_default().contains("Ether"))
        .unwrap()
        .unchecked_into();
    assert_eq!(eth.get_attribute("aria-pressed").as_deref(), Some("false"));
    eth.click();
    sleep(50).await;
    assert_eq!(eth.get_attribute("aria-pressed").as_deref(), Some("true"));
    let after = pixels(&canvas).0;
    assert_ne!(before, after, "the canvas did not change");
    assert!(text(&root, "#correlation .takeaway").starts_with("90\u{2011}day correlation"));

    // The window control recomputes and redraws too.
    let buttons = root.query_selector_all("#correlation .segmented button").unwrap();
    let w30: HtmlElement = (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .find(|n| n.text_content().unwrap_or_default() == "30d")
        .unwrap()
        .unchecked_into();
    w30.click();
    sleep(50).await;
    assert!(text(&root, "#correlation .takeaway").starts_with("30\u{2011}day correlation"));
    assert_ne!(pixels(&canvas).0, after);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_missing_snapshot_shows_errors_not_a_blank_page() {
    let root = mount(Err(
        "The data file could not be loaded (HTTP 404 for data/snapshot.txt).".to_owned(),
    ))
    .await;
    for section in ["correlation", "flows", "burn"] {
        let alert = text(&root, &format!("#{section} [role=alert]"));
        assert!(alert.contains("HTTP 404"), "{section}: {alert}");
        assert!(!text(&root, &format!("#{section} h2")).is_empty());
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn a_missing_series_breaks_only_its_chart() {
    let root = mount(Ok(snapshot_without("eth_burn"))).await;
    let alert = text(&root, "#burn [role=alert]");
    assert!(alert.contains("no series `eth_burn`"), "{alert}");
    assert!(base_canvas(&root, "burn").is_none());
    for section in ["correlation", "flows"] {
        assert!(
            pixels(&base_canvas(&root, section).unwrap()).1 > 5_000,
            "{section}"
        );
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn a_missing_counterpart_is_named_and_the_rest_still_draws() {
    let root = mount(Ok(snapshot_without("gld"))).await;
    let alert = text(&root, "#correlation [role=alert]");
    assert!(
        alert.contains("Gold (GLD): the data file has no series `gld`"),
        "{alert}"
    );
    assert!(pixels(&base_canvas(&root, "correlation").unwrap()).1 > 5_000);
    root.remove();
}

#[wasm_bindgen_test]
fn a_cut_file_is_a_readable_error() {
    let e = Snapshot::from_text(SNAPSHOT.get(..SNAPSHOT.len() / 2).unwrap()).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("The data file is damaged or incomplete"),
        "{e}"
    );
}

/// A fresh canvas of `w`×`h` px.
fn canvas(w: u32, h: u32) -> HtmlCanvasElement {
    let c: HtmlCanvasElement = document().create_element("canvas").unwrap().unchecked_into();
    c.set_width(w);
    c.set_height(h);
    c
}

/// The raw RGBA bytes of `c`.
fn rgba(c: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().unchecked_into();
    ctx.get_image_data(0.0, 0.0, f64::from(c.width()), f64::from(c.height()))
        .unwrap()
        .data()
        .to_vec()
}

/// The shapes a chart draws, in an order that makes the chart backend batch, switch pens
/// and fall back to plotters-canvas.
fn scene<DB: plotters::prelude::DrawingBackend>(
    root: &plotters::prelude::DrawingArea<DB, plotters::coord::Shift>,
) {
    use plotters::prelude::*;
    let (a, b) = (RGBColor(200, 30, 40), RGBColor(20, 90, 200));
    let font = |px: f64, c: RGBColor| ("sans-serif", px).into_font().color(&c);
    root.fill(&WHITE).unwrap();
    // Opaque rectangles: runs of one colour, overlapping, one with its corners reversed.
    for i in 0..12 {
        let c = if i % 5 < 3 { a } else { b };
        root.draw(&Rectangle::new(
            [(10 + i * 9, 10), (22 + i * 9, 60 + i)],
            c.filled(),
        ))
        .unwrap();
    }
    root.draw(&Rectangle::new([(140, 70), (120, 40)], a.filled()))
        .unwrap();
    // Translucent ones overlap: the overlap is darker, as two fills make it.
    for i in 0..3 {
        root.draw(&Rectangle::new(
            [(150 + i * 10, 10), (180 + i * 10, 50)],
            a.mix(0.3).filled(),
        ))
        .unwrap();
    }
    root.draw(&Rectangle::new(
        [(10, 80), (60, 120)],
        ShapeStyle::from(&b).stroke_width(2),
    ))
    .unwrap();
    // Lines: a grid line, a path, a dashed line; then text in two fonts, alternately.
    root.draw(&PathElement::new(
        vec![(0, 130), (200, 130)],
        ShapeStyle::from(&BLACK).stroke_width(1),
    ))
    .unwrap();
    root.draw(&PathElement::new(
        vec![(10, 190), (50, 140), (90, 170), (130, 150)],
        ShapeStyle::from(&a).stroke_width(3),
    ))
    .unwrap();
    root.draw(&plotters::element::DashedPathElement::new(
        vec![(10, 200), (190, 200)],
        4,
        3,
        ShapeStyle::from(&b).stroke_width(1),
    ))
    .unwrap();
    // A series-long path (sent as one SVG path string).
    let zigzag: Vec<(i32, i32)> = (0..150)
        .map(|i| (10 + i, 150 + (i * 37) % 23 - if i % 2 == 0 { 9 } else { 0 }))
        .collect();
    root.draw(&PathElement::new(zigzag, ShapeStyle::from(&b).stroke_width(2)))
        .unwrap();
    for (i, s) in ["$1bn", "2025", "−$903.2m", "简体中文"].iter().enumerate() {
        let f = if i % 2 == 0 {
            font(12.0, BLACK)
        } else {
            font(15.0, b)
        };
        root.draw(&Text::new(s.to_string(), (20 + i as i32 * 40, 215), f))
            .unwrap();
    }
    root.draw(&Circle::new((170, 170), 8, a.filled())).unwrap();
    root.draw(&Circle::new(
        (170, 170),
        8,
        ShapeStyle::from(&WHITE).stroke_width(2),
    ))
    .unwrap();
    root.draw(&Polygon::new(
        vec![(150, 100), (190, 110), (170, 125)],
        b.mix(0.5).filled(),
    ))
    .unwrap();
    // A band along a series (sent as one SVG path string), translucent over the lines.
    let band: Vec<(i32, i32)> = (0..60)
        .map(|i| (20 + i * 3, 140 + (i * 7) % 11))
        .chain((0..60).rev().map(|i| (20 + i * 3, 165 + (i * 5) % 9)))
        .collect();
    root.draw(&Polygon::new(band, a.mix(0.4).filled())).unwrap();
    // Rotated text and a pixel are drawn by plotters-canvas, between two labels in one pen:
    // the second must set the pen again (the pixel changed the fill colour).
    root.draw(&Text::new("before".to_owned(), (100, 230), font(12.0, a)))
        .unwrap();
    let turned = font(11.0, b).transform(plotters::style::FontTransform::Rotate90);
    root.draw(&Text::new("turned".to_owned(), (195, 60), turned))
        .unwrap();
    root.draw_pixel((198, 238), &b).unwrap();
    root.draw(&Text::new("after".to_owned(), (150, 230), font(12.0, a)))
        .unwrap();
    root.present().unwrap();
}

#[wasm_bindgen_test]
fn the_chart_backend_draws_what_plotters_canvas_draws() {
    use crypto_repricing::charts::canvas::ChartCanvas2d;
    use plotters::prelude::IntoDrawingArea;
    let (ours, theirs) = (canvas(200, 240), canvas(200, 240));
    scene(&ChartCanvas2d::new(ours.clone()).unwrap().into_drawing_area());
    // The chart backend joins lines round (no miter spikes where a line turns back).
    let ctx: CanvasRenderingContext2d = theirs.get_context("2d").unwrap().unwrap().unchecked_into();
    ctx.set_line_join("round");
    scene(
        &plotters_canvas::CanvasBackend::with_canvas_object(theirs.clone())
            .unwrap()
            .into_drawing_area(),
    );
    let (a, b) = (rgba(&ours), rgba(&theirs));
    let differ = a.chunks(4).zip(b.chunks(4)).filter(|(p, q)| p != q).count();
    assert_eq!(differ, 0, "{differ} pixels differ");
    // And the scene drew something (a blank canvas would match too).
    assert!(a.chunks(4).filter(|p| *p != [255, 255, 255, 255]).count() > 5000);
}
