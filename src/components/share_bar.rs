//! Share, embed and export a chart: a link to this exact view, the iframe snippet, the
//! CSV of what is shown, and a PNG at 2×.

use crate::browser::{copy_text, download, download_csv, link, page_base};
use crate::charts::canvas::ChartCanvas2d;
use crate::charts::{draw_err, engine, Style};
use crate::components::chart_section::chart_height;
use crate::state::{locale, t, tm, use_app};
use crate::theme::Theme;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use repricing_core::text::Msg;
use repricing_core::views::chart::ChartView;
use repricing_core::views::export::{view_csv, CsvHeader};
use repricing_core::views::frame::Frame;
use repricing_core::views::state::Chart;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Default iframe heights (CSS px) before the embed reports its own.
fn default_height(chart: Chart) -> u32 {
    match chart {
        Chart::Correlation => 1000,
        Chart::Flows => 900,
        Chart::Burn => 1150,
    }
}

/// Which panel is open.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Panel {
    Closed,
    Link,
    Embed,
}

/// The share and export buttons of one chart.
#[component]
pub fn ShareBar(
    /// Which chart.
    chart: Chart,
    /// The chart's view (its frame for the CSV and PNG, its notes for the CSV header).
    view: Memo<Arc<ChartView>>,
    /// Provider names.
    providers: Memo<Vec<String>>,
    /// Inside an embed: no Embed button (the reader is already in one).
    embed: bool,
) -> impl IntoView {
    let app = use_app();
    let with_controls = RwSignal::new(false);
    let theme = crate::use_theme();
    let credit = move || {
        view.with_untracked(|v| {
            let id = if v.modelled {
                "credit-line-model"
            } else {
                "credit-line"
            };
            tm(&Msg::new(id)
                .text("providers", locale().list(&providers.get_untracked()))
                .text("date", locale().date(v.as_of)))
        })
    };
    let csv = move || {
        let url = {
            let mut s = app.view.get_untracked();
            s.embed = None;
            s.controls = false;
            s.section = Some(chart);
            link(&s.to_query(false), Some(chart.key()))
        };
        view.with_untracked(|v| {
            let mut notes = v.notes.clone();
            notes.push(v.method.clone());
            let title = chart.title();
            let header = CsvHeader {
                title: &title,
                sources: &providers.get_untracked(),
                as_of: v.as_of,
                notes: &notes,
                url: &url,
            };
            let text = view_csv(v, &header, locale());
            (format!("crypto-repricing-{}.csv", chart.key()), text)
        })
    };
    let panel = RwSignal::new(Panel::Closed);
    let copied = RwSignal::new(None::<bool>);

    // The full page at this view, pointing at this chart (also from inside an iframe).
    let page_link = move || {
        let mut s = app.view.get();
        s.embed = None;
        s.controls = false;
        s.section = Some(chart);
        link(&s.to_query(false), Some(chart.key()))
    };
    let embed_snippet = move || {
        let mut s = app.view.get();
        s.embed = Some(chart);
        s.controls = with_controls.get();

        s.story_embed = false;
        s.step = None;
        s.section = None;
        // The article's readers get the editor's language, unless it is English (then
        // each reader's own browser language applies).
        s.lang = Some(app.lang.get()).filter(|l| *l != "en");
        let src = link(&s.to_query(true), None);
        let base = page_base();
        let dir = base.rsplit_once('/').map_or(base.as_str(), |(d, _)| d);
        let title = tm(&Msg::new("embed-iframe-title").msg("title", chart.title())).replace('"', "&quot;");
        format!(
            "<iframe src=\"{src}\" title=\"{title}\" loading=\"lazy\" width=\"100%\" height=\"{}\" style=\"border:0;width:100%;min-width:280px\" data-crypto-repricing=\"{}\"></iframe>\n<script src=\"{dir}/embed.js\" async></script>",
            default_height(chart),
            chart.key()
        )
    };
    let text = move || match panel.get() {
        Panel::Link => page_link(),
        Panel::Embed => embed_snippet(),
        Panel::Closed => String::new(),
    };
    let toggle = move |p: Panel| {
        copied.set(None);
        panel.update(|open| *open = if *open == p { Panel::Closed } else { p });
    };
    let copy = move |_| {
        let t = text();
        leptos::task::spawn_local(async move {
            copied.set(Some(copy_text(&t).await.is_ok()));
        });
    };
    let save_csv = move |_| {
        let (name, text) = csv();
        download_csv(&text, &name);
    };
    let save_png = move |_| {
        let style_theme = theme.get_untracked();
        let Ok(frame) = view.with_untracked(|v| v.frame.clone()) else {
            return;
        };
        let title = view.with_untracked(|v| tm(&v.title));
        if let Err(e) = export_png(&frame, &title, chart_height(chart), style_theme, &credit(), chart) {
            leptos::logging::warn!("PNG export failed: {e}");
        }
    };

    view! {
        <div class="share" role="group" aria-label=t("share-label")>
            <button type="button" aria-expanded=move || (panel.get() == Panel::Link).to_string() on:click=move |_| toggle(Panel::Link)>
                {t("share-link")}
            </button>
            {(!embed).then(|| view! {
                <button type="button" aria-expanded=move || (panel.get() == Panel::Embed).to_string() on:click=move |_| toggle(Panel::Embed)>
                    {t("share-embed")}
                </button>
            })}
            // No data file or picture of a chart that is not drawn (a range that misses
            // the data): the link to the view stays.
            <Show when=move || view.with(|v| v.frame.is_ok())>
                <button type="button" on:click=save_csv>{t("share-csv")}</button>
                <button type="button" on:click=save_png>{t("share-png")}</button>
            </Show>
        </div>
        <Show when=move || panel.get() != Panel::Closed>
            <div class="share-panel">
                <label>
                    <span class="share-label">
                        {move || if panel.get() == Panel::Link { t("share-link-label") } else { t("share-embed-label") }}
                    </span>
                    <textarea readonly rows=move || if panel.get() == Panel::Link { "2" } else { "5" } prop:value=text on:focus=move |ev| {
                        if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                            t.select();
                        }
                    }></textarea>
                </label>
                <Show when=move || panel.get() == Panel::Embed>
                    <label class="share-option">
                        <input
                            type="checkbox"
                            prop:checked=move || with_controls.get()
                            on:change=move |ev| with_controls.set(event_target_checked(&ev))
                        />
                        {t("share-embed-controls")}
                    </label>
                </Show>
                <button type="button" on:click=copy>{t("share-copy")}</button>
                <span class="share-status" role="status">
                    {move || match copied.get() {
                        Some(true) => t("share-copied"),
                        Some(false) => t("share-copy-failed"),
                        None => String::new(),
                    }}
                </span>
            </div>
        </Show>
    }
}

/// Draws the chart at 2× on an offscreen canvas under its headline and over a credit
/// line, and downloads it: an image that travels alone still says what it shows.
fn export_png(
    frame: &Frame,
    title: &str,
    height: fn(f64) -> f64,
    theme: Theme,
    credit: &str,
    chart: Chart,
) -> Result<(), String> {
    const CSS_WIDTH: f64 = 1000.0;
    const DPR: f64 = 2.0;
    const FOOTER_CSS: f64 = 28.0;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| t("no-canvas"))?;
    let canvas: web_sys::HtmlCanvasElement = doc
        .create_element("canvas")
        .map_err(|_| t("no-canvas"))?
        .dyn_into()
        .map_err(|_| t("no-canvas"))?;
    const TITLE_CSS: f64 = 20.0;
    const TITLE_LINE_CSS: f64 = 26.0;
    let style = Style {
        theme,
        dpr: DPR,
        css_width: CSS_WIDTH,
    };
    let chart_h = height(CSS_WIDTH);
    canvas.set_width((CSS_WIDTH * DPR) as u32);
    // The headline's lines are measured on the canvas before it gets its height (broken
    // as end labels are: at a Chinese headline's U+200B marks, which are not drawn).
    let title_font = style.bold(TITLE_CSS, theme.text);
    let lines = {
        let probe = ChartCanvas2d::new(canvas.clone()).ok_or_else(|| t("no-canvas"))?;
        let root = probe.into_drawing_area();
        engine::text_lines(&root, title, &title_font, f64::from(style.px(CSS_WIDTH - 16.0)))
    };
    let header_css = TITLE_LINE_CSS * lines.len() as f64 + 14.0;
    canvas.set_height(((header_css + chart_h + FOOTER_CSS) * DPR) as u32);
    let backend = ChartCanvas2d::new(canvas.clone()).ok_or_else(|| t("no-canvas"))?;
    let root = backend.into_drawing_area();
    root.fill(&theme.background).map_err(draw_err)?;
    let (head, rest) = root.split_vertically((header_css * DPR) as u32);
    let (top, bottom) = rest.split_vertically((chart_h * DPR) as u32);
    for (i, line) in lines.iter().enumerate() {
        head.draw(&Text::new(
            line.clone(),
            (style.px(8.0), style.px(10.0 + TITLE_LINE_CSS * i as f64)),
            title_font.clone().pos(Pos::new(HPos::Left, VPos::Top)),
        ))
        .map_err(draw_err)?;
    }
    engine::draw(&top, frame, &style, locale())?;
    let pos = Pos::new(HPos::Left, VPos::Center);
    bottom
        .draw(&Text::new(
            credit.to_owned(),
            (style.px(8.0), style.px(FOOTER_CSS / 2.0)),
            style.font(11.0, theme.muted).pos(pos),
        ))
        .map_err(draw_err)?;
    bottom.present().map_err(draw_err)?;
    let url = canvas
        .to_data_url_with_type("image/png")
        .map_err(|_| t("draw-error"))?;
    download(&url, &format!("crypto-repricing-{}.png", chart.key()));
    Ok(())
}
