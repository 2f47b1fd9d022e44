//! Small bridges to browser APIs: the page URL, downloads, the clipboard, and the height
//! message an embedding article listens for.

use wasm_bindgen::{JsCast, JsValue};

/// The message type an embed posts to its parent (see `public/embed.js`).
pub const HEIGHT_MESSAGE: &str = "crypto-repricing:height";
/// The message type a parent sends to ask for the height again.
pub const HEIGHT_REQUEST: &str = "crypto-repricing:request-height";

/// Whether a `message` event's data asks for the height.
pub fn is_height_request(data: &wasm_bindgen::JsValue) -> bool {
    js_sys::Reflect::get(data, &"type".into())
        .ok()
        .and_then(|t| t.as_string())
        .is_some_and(|t| t == HEIGHT_REQUEST)
}

/// This page's URL without query and fragment (works under any sub-path).
pub fn page_base() -> String {
    let Some(w) = web_sys::window() else {
        return String::new();
    };
    let l = w.location();
    format!(
        "{}{}",
        l.origin().unwrap_or_default(),
        l.pathname().unwrap_or_default()
    )
}

/// The first of the browser's preferred languages (`navigator.languages`, else
/// `navigator.language`) that a compiled-in locale serves, else English.
pub fn reader_language() -> &'static str {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return "en";
    };
    let mut wanted: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    wanted.extend(nav.language());
    wanted
        .iter()
        .find_map(|w| repricing_core::text::Locale::negotiate(w))
        .unwrap_or("en")
}

/// The current query string (with `?`), or empty.
pub fn query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// A link to this page with `query` (no `?`) and an optional fragment.
pub fn link(query: &str, fragment: Option<&str>) -> String {
    let mut url = page_base();
    if !query.is_empty() {
        url.push('?');
        url.push_str(query);
    }
    if let Some(f) = fragment {
        url.push('#');
        url.push_str(f);
    }
    url
}

/// Replaces the address bar's query (no history entry); keeps the fragment.
pub fn replace_query(query: &str) {
    let Some(w) = web_sys::window() else { return };
    let hash = w.location().hash().unwrap_or_default();
    let path = w.location().pathname().unwrap_or_default();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    let current = w.location().search().unwrap_or_default();
    if current.strip_prefix('?').unwrap_or(&current) == query {
        return; // already there: a history call costs a few ms
    }
    if let Ok(history) = w.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Offers `href` (a data: URL) as a download named `filename`.
pub fn download(href: &str, filename: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(a) = doc.create_element("a") else { return };
    let _ = a.set_attribute("href", href);
    let _ = a.set_attribute("download", filename);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
            a.click();
        }
        let _ = body.remove_child(&a);
    }
}

/// Offers `text` as a CSV download.
pub fn download_csv(text: &str, filename: &str) {
    let encoded: String = js_sys::encode_uri_component(text).into();
    download(&format!("data:text/csv;charset=utf-8,{encoded}"), filename);
}

/// Copies `text` to the clipboard; `Err` where the browser refuses (no secure context, or
/// an iframe without clipboard permission) — the caller then shows the text to copy by hand.
pub async fn copy_text(text: &str) -> Result<(), ()> {
    let clipboard = web_sys::window().map(|w| w.navigator().clipboard()).ok_or(())?;
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| ())
}

/// Tells the embedding page how tall this page's content is.
pub fn post_height(chart: &str) {
    let Some(w) = web_sys::window() else { return };
    let Some(doc) = w.document() else { return };
    // The body's height is the content's (the root element's would be at least the
    // iframe's current height, and an embed could then never shrink).
    let Some(body) = doc.body() else { return };
    let margins = body.offset_top() * 2;
    let height = f64::from(body.scroll_height() + margins);
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"chart".into(), &chart.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    if let Ok(Some(parent)) = w.parent() {
        if parent != w {
            let _ = parent.post_message(&message, "*");
        }
    }
}

/// Present (as context) in embed mode: the chart whose height the page reports.
#[derive(Clone, Copy)]
pub struct EmbedReporter(pub &'static str);

impl EmbedReporter {
    /// Reports the height now, and again once the current task's layout has settled.
    /// Called after every chart draw: the ResizeObserver alone is not enough, because
    /// browsers pause rendering (and with it resize observation) in off-screen
    /// cross-origin iframes.
    pub fn report(self) {
        post_height(self.0);
        let key = self.0;
        let later = wasm_bindgen::closure::Closure::once_into_js(move || post_height(key));
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 50);
        }
    }
}

/// Removes index.html's start-up screen (`#boot`), its prerendered words
/// (`#boot-charts`) and the `booting` class that keeps the app's own elements hidden
/// until then: called once the app has something to show.
pub fn remove_boot_screen() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for id in ["boot", "boot-charts"] {
        if let Some(el) = doc.get_element_by_id(id) {
            el.remove();
        }
    }
    if let Some(body) = doc.body() {
        let _ = body.class_list().remove_1("booting");
    }
}

/// Calls `on_width` with an element's content width (CSS px) after each layout that
/// changes it — the browser measures, no forced synchronous layout — until dropped.
pub struct WidthObserver {
    observer: send_wrapper::SendWrapper<web_sys::ResizeObserver>,
    // Kept alive as long as the observer may call it.
    _on_resize: send_wrapper::SendWrapper<wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>>,
}

impl WidthObserver {
    /// Observes `element`; `None` where the browser has no `ResizeObserver`.
    pub fn new(element: &web_sys::Element, mut on_width: impl FnMut(f64) + 'static) -> Option<Self> {
        let on_resize =
            wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                let entry = entries.get(entries.length().saturating_sub(1));
                if let Ok(entry) = entry.dyn_into::<web_sys::ResizeObserverEntry>() {
                    on_width(entry.content_rect().width());
                }
            });
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        observer.observe(element);
        Some(Self {
            observer: send_wrapper::SendWrapper::new(observer),
            _on_resize: send_wrapper::SendWrapper::new(on_resize),
        })
    }
}

impl Drop for WidthObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_near` when an element comes within `margin` (a CSS root margin, e.g.
/// `"1200px 0px"`) of the viewport — once the browser has laid it out, without forcing a
/// layout — and again each time it comes back, until dropped.
pub struct NearObserver {
    observer: send_wrapper::SendWrapper<web_sys::IntersectionObserver>,
    // Kept alive as long as the observer may call it.
    _on_change: send_wrapper::SendWrapper<wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>>,
}

impl NearObserver {
    /// Observes `element`; `None` where the browser has no `IntersectionObserver`.
    pub fn new(
        element: &web_sys::Element,
        margin: &str,
        mut on_near: impl FnMut() + 'static,
    ) -> Option<Self> {
        let on_change =
            wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                let near = entries.iter().any(|e| {
                    e.dyn_into::<web_sys::IntersectionObserverEntry>()
                        .is_ok_and(|e| e.is_intersecting())
                });
                if near {
                    on_near();
                }
            });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin(margin);
        let observer =
            web_sys::IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options)
                .ok()?;
        observer.observe(element);
        Some(Self {
            observer: send_wrapper::SendWrapper::new(observer),
            _on_change: send_wrapper::SendWrapper::new(on_change),
        })
    }
}

impl Drop for NearObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Where [`scroll_to_chart`] brings a chart's section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    /// The section's top (its heading), at once: a link to a section.
    Section,
    /// The chart itself, below the sticky story bar: a story step; `smooth` (a step
    /// change, not a page opening at a step) unless the reader asked for reduced motion.
    Chart {
        /// Scroll smoothly.
        smooth: bool,
    },
}

/// Whether the media query `query` matches now (`false` without a window).
pub fn media_matches(query: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Brings the section `key` into sight after the next layout. A story step aims at the
/// chart below the sticky story bar (`scroll-margin-top` in the CSS follows the bar's
/// height, set here); a section without a chart (an error in its place) is aimed at whole.
pub fn scroll_to_chart(key: &'static str, to: Scroll) {
    leptos::prelude::request_animation_frame(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let (Some(bar), Some(root)) = (
            doc.query_selector(".story-bar").ok().flatten(),
            doc.document_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
        ) {
            let h = bar.get_bounding_client_rect().height();
            let _ = root
                .style()
                .set_property("--story-bar-h", &format!("{}px", h.ceil()));
        }
        let chart = match to {
            Scroll::Chart { .. } => doc.query_selector(&format!("#{key} .chart")).ok().flatten(),
            Scroll::Section => None,
        };
        let Some(el) = chart.or_else(|| doc.get_element_by_id(key)) else {
            return;
        };
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Start);
        let smooth =
            to == Scroll::Chart { smooth: true } && !media_matches("(prefers-reduced-motion: reduce)");
        options.set_behavior(if smooth {
            web_sys::ScrollBehavior::Smooth
        } else {
            web_sys::ScrollBehavior::Instant
        });
        el.scroll_into_view_with_scroll_into_view_options(&options);
    });
}

/// Runs `change` and keeps `el` where it was on screen: a control whose change re-lays
/// out what is above it (a range that changes the events listed under the chart, or the
/// summary's length) stays under the pointer or finger that moved it. The page scrolls by
/// the difference before the next paint, and again over the next few frames while the
/// charts redraw and their lists settle.
pub fn keep_in_place(el: Option<web_sys::Element>, change: impl FnOnce()) {
    let before = el.as_ref().map(|e| e.get_bounding_client_rect().top());
    change();
    if let (Some(el), Some(before)) = (el, before) {
        hold(el, before, 4);
    }
}

/// Scrolls so `el`'s top is at `top` (viewport px), then again on each of the next
/// `frames` frames.
fn hold(el: web_sys::Element, top: f64, frames: u32) {
    leptos::prelude::request_animation_frame(move || {
        let moved = el.get_bounding_client_rect().top() - top;
        if moved.abs() >= 1.0 {
            if let Some(w) = web_sys::window() {
                // At once, whatever the page's smooth scrolling: the point is that
                // nothing seems to move.
                let to = web_sys::ScrollToOptions::new();
                to.set_top(moved);
                to.set_behavior(web_sys::ScrollBehavior::Instant);
                w.scroll_by_with_scroll_to_options(&to);
            }
        }
        if frames > 0 {
            hold(el, top, frames - 1);
        }
    });
}
