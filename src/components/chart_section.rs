//! The one section shell every chart uses: heading and lede, then — once the chart's data
//! are read — the computed takeaway, the controls, the chart, the share bar, the notes and
//! the credits (providers from the snapshot, "data as of" from the chart's data). A chart
//! whose data cannot be read shows a readable reason in place of its body; the other
//! sections are unaffected.

use crate::components::chart_canvas::ChartCanvas;
use crate::components::control_bar::ControlBar;
use crate::components::data_table::DataTable;
use crate::components::error_box::ErrorBox;
use crate::components::mini_bars::MiniBars;
use crate::components::share_bar::ShareBar;
use crate::components::source_line::SourceLine;
use crate::data::Loaded;
use crate::state::{locale, t, tm, use_app};
use leptos::prelude::*;
use repricing_core::text::{keep_hyphenated, Msg};
use repricing_core::views::chart::{chart_view, prepare, ChartView, Prepared};
use repricing_core::views::state::Chart;
use repricing_core::Snapshot;
use std::sync::Arc;

/// CSS height of a chart for a CSS width.
pub fn chart_height(chart: Chart) -> fn(f64) -> f64 {
    match chart {
        Chart::Correlation => |w| (w * 0.62).clamp(360.0, 520.0),
        Chart::Flows => |w| (w * 0.56).clamp(340.0, 480.0),
        Chart::Burn => |w| (w * 0.72).clamp(420.0, 600.0),
    }
}

/// The provider names of `ids`, for credits.
pub fn provider_names(snapshot: &Snapshot, ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| {
            snapshot
                .providers
                .get(id)
                .map_or_else(|| id.clone(), |p| p.name.clone())
        })
        .collect()
}

/// One chart's section.
#[component]
pub fn ChartSection(
    /// Which chart.
    chart: Chart,
    /// The snapshot, or why there is none.
    snapshot: Loaded,
    /// Rendered alone in an iframe (no number, no lede; controls only with `controls=1`).
    #[prop(optional)]
    embed: bool,
) -> impl IntoView {
    let key = chart.key();
    let prepared = snapshot.and_then(|s| prepare(chart, &s).map_err(|m| tm(&m)));
    let number = Chart::ALL.iter().position(|c| *c == chart).map_or(0, |i| i + 1);
    let body = match prepared {
        Ok(p) => view! { <SectionBody prepared=Arc::new(p) embed number /> }.into_any(),
        Err(e) => {
            let topic = Msg::new(match chart {
                Chart::Correlation => "corr-title",
                Chart::Flows => "flows-title",
                Chart::Burn => "burn-title",
            });
            let h = heading(&topic, number, embed);
            view! {
                {heading_element(key, embed, h)}
                <ErrorBox message=e />
            }
            .into_any()
        }
    };
    view! {
        <section class="story" id=key aria-labelledby=format!("{key}-title")>
            {body}
        </section>
    }
}

/// The section's heading: `h2` on the page; in an embed — a page of its own — the `h1`.
fn heading_element(key: &'static str, embed: bool, text: impl IntoView + 'static) -> AnyView {
    let id = format!("{key}-title");
    if embed {
        view! { <h1 id=id>{text}</h1> }.into_any()
    } else {
        view! { <h2 id=id>{text}</h2> }.into_any()
    }
}

/// "2 · Bitcoin ETFs have taken in …" on the page, the headline alone in an embed.
fn heading(title: &Msg, number: usize, embed: bool) -> String {
    if embed {
        display(title)
    } else {
        display(
            &Msg::new("section-number")
                .text("n", number.to_string())
                .msg("title", title.clone()),
        )
    }
}

/// A display line (headline, subtitle, summary): a number stays with its word
/// ([`keep_hyphenated`]).
fn display(m: &Msg) -> String {
    keep_hyphenated(&tm(m))
}

#[component]
fn SectionBody(prepared: Arc<Prepared>, embed: bool, number: usize) -> impl IntoView {
    let app = use_app();
    let chart = prepared.chart;
    let key = chart.key();
    // Settings the reader left unset (the flow period) are resolved for this viewport
    // here, for drawing only.
    let part = Memo::new(move |_| app.view.with(|s| s.part(chart)).at_width(app.viewport_css.get()));
    let p = prepared.clone();
    let view = Memo::new(move |_| Arc::new(chart_view(&p, &part.get())));
    let snapshot = prepared.snapshot.clone();
    let s = snapshot.clone();
    let providers = Memo::new(move |_| view.with(|v| provider_names(&s, &v.providers)));
    let height = chart_height(chart);
    let frame = Memo::new(move |_| view.with(|v| v.frame.clone().ok().map(Arc::new)));
    let frame_error = move || view.with(|v| v.frame.as_ref().err().map(tm));
    let title = move || view.with(|v| heading(&v.title, number, embed));
    let title_msg = Signal::derive(move || view.with(|v| v.title.clone()));
    let label = Signal::derive(move || tm(&title_msg.get()));
    let described_by = format!("{key}-summary {key}-takeaway {key}-desc");
    // What each series is and where the data come from, beside the chart (nothing where
    // no chart is drawn: the source line above already credits the providers).
    let description = move || {
        let series = frame.with(|f| {
            f.as_ref()
                .filter(|f| !f.series.is_empty())
                .map(|f| locale().list(&f.series.iter().map(|s| tm(&s.label)).collect::<Vec<_>>()))
        });
        series.map_or_else(String::new, |series| {
            let series = Msg::new("chart-desc-series").text("series", series);
            let sources = Msg::new("chart-desc-sources").text("sources", locale().list(&providers.get()));
            locale().render_all(&[series, sources])
        })
    };
    let table_open = RwSignal::new(false);
    let table_id = format!("{key}-table");
    let subtitle = move || view.with(|v| display(&v.subtitle));
    let summary = move || view.with(|v| display(&v.summary));
    // Why a chart is not drawn (a range that misses its data) is said once: to the eye in
    // its place, to a screen reader by the live summary, which holds the same words (a
    // box inserted with its words is not reliably announced).
    let said_in_place = move || view.with(|v| v.frame.as_ref().err() == Some(&v.summary));
    let lede = move || view.with(|v| display(&v.lede));
    let takeaway = move || view.with(|v| keep_hyphenated(&locale().render_all(&v.takeaway)));
    let warnings = move || {
        view.with(|v| {
            v.warnings
                .iter()
                .map(|w| view! { <p class="chart-error" role="alert">{tm(w)}</p> })
                .collect_view()
        })
    };
    let notes = Signal::derive(move || view.with(|v| locale().render_all(&v.notes)));
    let as_of = Signal::derive(move || view.with(|v| locale().date(v.as_of)));
    let method = move || view.with(|v| tm(&v.method));
    let drawn = Signal::derive(move || frame.get().unwrap_or_else(|| Arc::new(empty_frame())));
    let stats = Signal::derive(move || view.with(|v| v.stats.clone()));
    // The small bar figure is rebuilt only when its bars change, not with every view.
    let mini = Memo::new(move |_| view.with(|v| v.mini.clone()));
    // The canvas is kept while the frame exists; only a frame error replaces it.
    let has_frame = Memo::new(move |_| frame.with(Option::is_some));
    // An embed shows headline, chart and source; its controls only when asked for.
    let show_controls = !embed || app.view.with_untracked(|s| s.controls);
    view! {
        {heading_element(key, embed, title)}
        <p class="subtitle">{subtitle}</p>
        <Show when=move || !embed>
            <p class="lede">{lede}</p>
        </Show>
        <p
            class="summary"
            class:visually-hidden=said_in_place
            id=format!("{key}-summary")
            aria-live="polite"
        >
            {summary}
        </p>
        {warnings}
        <Show
            when=move || has_frame.get()
            fallback=move || {
                view! {
                    <p
                        class="chart-error"
                        role=move || (!said_in_place()).then_some("status")
                        aria-hidden=move || said_in_place().then_some("true")
                    >
                        {frame_error}
                    </p>
                }
            }
        >
            <ChartCanvas chart frame=drawn height label described_by=described_by.clone() />
        </Show>
        <SourceLine providers as_of modelled=view.get_untracked().modelled />
        {show_controls.then(|| view! { <ControlBar view /> })}
        // In an embed the description stays for screen readers (the chart's
        // aria-describedby) but is not shown: the source line says the same.
        <p class="chart-desc" class:visually-hidden=embed id=format!("{key}-desc")>{description}</p>
        {show_controls
            .then(|| {
                let table_id = table_id.clone();
                let controls_id = table_id.clone();
                view! {
                    // No table of a chart that is not drawn.
                    <Show when=move || has_frame.get()>
                        <div class="table-bar">
                            <button
                                type="button"
                                class="table-toggle"
                                aria-expanded=move || table_open.get().to_string()
                                aria-controls=controls_id.clone()
                                on:click=move |_| table_open.update(|o| *o = !*o)
                            >
                                {t("table-show")}
                            </button>
                        </div>
                    </Show>
                    <Show when=move || table_open.get() && has_frame.get()>
                        <DataTable id=table_id.clone() frame=drawn title=title_msg stats />
                    </Show>
                }
            })}
        <p class="takeaway" id=format!("{key}-takeaway")>{takeaway}</p>
        // An embed is mostly chart: the findings and the lead–lag figure only with
        // `controls=1`.
        {move || {
            view.with(|v| {
                (show_controls && !v.findings.is_empty())
                    .then(|| {
                        view! {
                            <ul class="findings">
                                {v.findings.iter().map(|m| view! { <li>{tm(m)}</li> }).collect_view()}
                            </ul>
                        }
                    })
            })
        }}
        {move || mini.get().filter(|_| show_controls).map(|bars| view! { <MiniBars bars /> })}
        // Link, CSV and PNG: on the page, and in an embed with `controls=1`.
        {show_controls.then(|| view! { <ShareBar chart view providers embed /> })}
        <p class="note">{move || notes.get()}</p>
        <details class="method">
            <summary>{t("method-label")}</summary>
            <p>{method}</p>
        </details>
    }
}

/// A frame with nothing in it (stands in for a frame that just disappeared).
fn empty_frame() -> repricing_core::views::frame::Frame {
    repricing_core::views::frame::Frame {
        x: Vec::new(),
        bar_days: None,
        names: repricing_core::views::frame::PointNames::Days,
        panels: Vec::new(),
        series: Vec::new(),
        events: Vec::new(),
        annotations: Vec::new(),
        provisional_from: None,
        shades: Vec::new(),
    }
}

/// The view's takeaway as text (for tests and the claims list).
pub fn takeaway_text(v: &ChartView) -> String {
    locale().render_all(&v.takeaway)
}
