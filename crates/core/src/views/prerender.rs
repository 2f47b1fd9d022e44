//! The default view's words, written into `index.html` at build time: each chart's
//! numbered headline, subtitle, lede and summary in English, computed from the committed
//! snapshot exactly as the page computes them. A reader sees the findings before the
//! WebAssembly runs (and without JavaScript at all); the page replaces them with its own
//! copy of the same words once the first chart is built.
//!
//! The block sits between [`START`] and [`END`] in `index.html`. `cargo run -p
//! snapshot-builder --bin prerender` rewrites it; a core test fails while the committed
//! page holds another block than [`block`] computes for the committed snapshot.

use super::chart::{chart_view, prepare};
use super::state::{Chart, ViewState};
use crate::text::{keep_hyphenated, Locale, Msg};
use crate::Snapshot;
use std::fmt::Write as _;
use std::sync::Arc;

/// The line before the block.
pub const START: &str =
    "<!-- prerender:start (written by `cargo run -p snapshot-builder --bin prerender`; do not edit) -->";
/// The line after the block.
pub const END: &str = "<!-- prerender:end -->";

/// The CSS width the default view is resolved at: a desktop's, where the flow bars are
/// daily (a phone's page says "weekly" once the app runs; both are true of the data).
const WIDTH_CSS: f64 = 1280.0;

/// One chart's prerendered words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The chart's key (`correlation`, …).
    pub key: &'static str,
    /// "1 · Bitcoin’s ties to gold and the Nasdaq-100 …".
    pub heading: String,
    /// What is plotted.
    pub subtitle: String,
    /// The chart's question, in words.
    pub lede: String,
    /// The computed summary sentence.
    pub summary: String,
}

/// The default view's words for each chart of `snapshot`, in `locale`; a chart whose
/// data cannot be read is left out (the page says why once it runs).
pub fn sections(snapshot: &Arc<Snapshot>, locale: &Locale) -> Vec<Section> {
    let state = ViewState::default();
    Chart::ALL
        .into_iter()
        .enumerate()
        .filter_map(|(i, chart)| {
            let prepared = prepare(chart, snapshot).ok()?;
            let v = chart_view(&prepared, &state.part(chart).at_width(WIDTH_CSS));
            let heading = Msg::new("section-number")
                .text("n", (i + 1).to_string())
                .msg("title", v.title.clone());
            Some(Section {
                key: chart.key(),
                heading: keep_hyphenated(&locale.render(&heading)),
                subtitle: keep_hyphenated(&locale.render(&v.subtitle)),
                lede: keep_hyphenated(&locale.render(&v.lede)),
                summary: keep_hyphenated(&locale.render(&v.summary)),
            })
        })
        .collect()
}

/// Text for HTML: `&`, `<`, `>` and `"` escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The block of `index.html` between [`START`] and [`END`] (exclusive), indented two
/// spaces: a `div#boot-charts` holding one section per chart, marked up as the page's own
/// (same classes, so the words do not move when the page takes over), each followed by a
/// placeholder of its chart's height.
pub fn block(snapshot: &Arc<Snapshot>) -> String {
    let mut out = String::from("  <div id=\"boot-charts\" class=\"boot-charts\">\n");
    for s in sections(snapshot, Locale::en()) {
        // Writing to a String cannot fail.
        let _ = write!(
            out,
            "    <section class=\"story\" id=\"boot-{key}\">\n      <h2>{heading}</h2>\n      <p class=\"subtitle\">{subtitle}</p>\n      <p class=\"lede\">{lede}</p>\n      <p class=\"summary\">{summary}</p>\n      <div class=\"boot-chart boot-chart-{key}\"></div>\n    </section>\n",
            key = s.key,
            heading = escape(&s.heading),
            subtitle = escape(&s.subtitle),
            lede = escape(&s.lede),
            summary = escape(&s.summary),
        );
    }
    out.push_str("  </div>\n");
    out
}

/// `page` with its block replaced by `block`; `None` when the page has no [`START`] …
/// [`END`] pair.
pub fn replace_block(page: &str, block: &str) -> Option<String> {
    let (head, rest) = page.split_once(START)?;
    let (_, tail) = rest.split_once(END)?;
    Some(format!("{head}{START}\n{block}  {END}{tail}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_page_holds_the_words_the_committed_snapshot_gives() {
        let page = include_str!("../../../../index.html");
        let expected = replace_block(page, &block(&crate::views::committed_snapshot()))
            .expect("index.html has the prerender:start and prerender:end lines");
        assert!(
            page == expected,
            "index.html's prerendered words are stale: run `cargo run -p snapshot-builder --bin prerender`"
        );
    }

    #[test]
    fn each_chart_gets_its_computed_headline_and_summary() {
        let s = crate::views::committed_snapshot();
        let sections = sections(&s, Locale::en());
        assert_eq!(
            sections.iter().map(|s| s.key).collect::<Vec<_>>(),
            ["correlation", "flows", "burn"]
        );
        // The same words the page's default view shows (at a desktop's width).
        for (i, (section, chart)) in sections.iter().zip(Chart::ALL).enumerate() {
            let v = chart_view(
                &prepare(chart, &s).unwrap(),
                &ViewState::default().part(chart).at_width(WIDTH_CSS),
            );
            assert_eq!(
                section.heading,
                keep_hyphenated(&format!("{} · {}", i + 1, Locale::en().render(&v.title)))
            );
            assert_eq!(section.summary, keep_hyphenated(&Locale::en().render(&v.summary)));
        }
        let html = block(&s);
        assert!(html.contains("<h2>1 · Bitcoin"), "{html}");
        assert_eq!(html.matches("<h2>").count(), 3);
    }

    #[test]
    fn text_is_escaped_and_a_page_without_markers_is_refused() {
        assert_eq!(escape("a < b & \"c\" > d"), "a &lt; b &amp; &quot;c&quot; &gt; d");
        assert_eq!(replace_block("<html></html>", "x"), None);
        let page = format!("a\n  {START}\nold\n  {END}\nb");
        assert_eq!(
            replace_block(&page, "  new\n").unwrap(),
            format!("a\n  {START}\n  new\n  {END}\nb")
        );
    }
}
