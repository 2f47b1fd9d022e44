//! Section 2: US spot ETF flows.

use crate::charts::flows::FlowsScene;
use crate::charts::scene::{EmptyScene, Scene};
use crate::components::chart_canvas::ChartCanvas;
use crate::components::chip::Chip;
use crate::components::error_box::ErrorBox;
use crate::components::range_picker::RangePicker;
use crate::components::segmented::Segmented;
use crate::components::share_bar::ShareBar;
use crate::components::source_line::SourceLine;
use crate::controls::use_controls;
use crate::data::Loaded;
use crate::theme::Theme;
use leptos::prelude::*;
use repricing_core::date::format_iso;
use repricing_core::resample::Period;
use repricing_core::views::export::{flows_csv, CsvHeader};
use repricing_core::views::flows::{flows_view, Asset, FlowControls, FlowMode};
use repricing_core::views::state::Chart;
use repricing_core::Snapshot;
use std::sync::Arc;

fn chart_height(css_width: f64) -> f64 {
    (css_width * 0.5).clamp(300.0, 440.0)
}

/// Daily, weekly or monthly ETF net flows with the cumulative total.
#[component]
pub fn FlowsSection(snapshot: Loaded, #[prop(optional)] embed: bool) -> impl IntoView {
    let body = match snapshot {
        Ok(s) => view! { <FlowsBody snapshot=s /> }.into_any(),
        Err(e) => view! { <ErrorBox message=e /> }.into_any(),
    };
    view! {
        <section class="story" id="flows" aria-labelledby="flows-title">
            <h2 id="flows-title">{if embed { "The ETF money: in, then out" } else { "2. The ETF money: in, then out" }}</h2>
            <Show when=move || !embed>
                <p class="lede">
                    "US spot bitcoin ETFs opened on 11 January 2024 and ether ETFs on 23 July 2024. Their daily net flows show who was buying — and when the buyers left."
                </p>
            </Show>
            {body}
        </section>
    }
}

#[component]
fn FlowsBody(snapshot: Arc<Snapshot>) -> impl IntoView {
    let theme = crate::use_theme();
    let controls = use_controls();
    let (asset, period, mode, hidden, range) = (
        controls.flows_asset,
        controls.flows_period,
        controls.flows_mode,
        controls.flows_hidden,
        controls.flows_range,
    );
    let events = Arc::new(snapshot.events.clone());

    let s = snapshot.clone();
    let view_model = Memo::new(move |_| {
        let a = asset.get();
        let table = s.flows(a.key()).map_err(|e| e.to_string())?;
        let controls = FlowControls {
            period: period.get(),
            mode: mode.get(),
            hidden: hidden.get(),
            range: range.get(),
        };
        Ok::<_, String>(Arc::new(flows_view(table, a, &s.market_holidays, &controls)))
    });
    // Switching asset resets the fund toggles (the funds differ); not on the first run,
    // which would drop toggles read from the URL.
    Effect::new(move |previous: Option<Asset>| {
        let a = asset.get();
        if previous.is_some_and(|p| p != a) {
            hidden.set(Vec::new());
        }
        a
    });

    let s = snapshot.clone();
    let bounds = Memo::new(move |_| {
        s.flows(asset.get().key())
            .map(|t| (t.first(), t.last()))
            .unwrap_or((s.as_of, s.as_of))
    });

    let chips = move || {
        let Ok(v) = view_model.get() else {
            return ().into_any();
        };
        if v.mode != FlowMode::ByFund {
            return ().into_any();
        }
        v.groups
            .iter()
            .enumerate()
            .map(|(g, group)| {
                let key = group.key.clone();
                let k = key.clone();
                let on = Signal::derive(move || !hidden.get().contains(&k));
                let color = Signal::derive(move || Theme::css(theme.get().series(g)));
                let toggle = Callback::new(move |show: bool| {
                    let key = key.clone();
                    hidden.update(|h| {
                        h.retain(|x| *x != key);
                        if !show {
                            h.push(key);
                        }
                    });
                });
                view! { <Chip label=group.label.clone() color on toggle /> }
            })
            .collect_view()
            .into_any()
    };

    let csv = Callback::new(move |()| {
        let sources = vec!["Farside Investors".to_owned()];
        let as_of = format_iso(bounds.get_untracked().1);
        let url = crate::browser::link(&controls.state().to_query(false), Some("flows"));
        let header = CsvHeader {
            title: Chart::Flows.title(),
            sources: &sources,
            as_of: &as_of,
            url: &url,
        };
        let text = match view_model.get_untracked() {
            Ok(v) => flows_csv(&v, &header),
            Err(e) => format!("# {e}\n"),
        };
        (
            format!("crypto-repricing-flows-{}.csv", asset.get_untracked().key()),
            text,
        )
    });

    // The canvas is created once per asset (the range bounds differ) and redrawn in place
    // for every other control.
    let status = Memo::new(move |_| view_model.get().map(|_| ()));
    let chart = move || match status.get() {
        Err(e) => view! { <ErrorBox message=e /> }.into_any(),
        Ok(()) => {
            let (first, last) = bounds.get();
            let span = Signal::derive(move || match view_model.get() {
                Ok(v) => v.span,
                Err(_) => range.get().resolve(first, last),
            });
            let events = events.clone();
            let scene = Signal::derive(move || -> Arc<dyn Scene> {
                match view_model.get() {
                    Ok(v) => Arc::new(FlowsScene::new(v, events.clone())),
                    Err(_) => Arc::new(EmptyScene),
                }
            });
            let credit = Signal::derive(move || {
                format!("Source: Farside Investors · Data as of {} · computed in the browser from the bundled snapshot", format_iso(bounds.get().1))
            });
            view! {
                <div class="control-row">
                    <RangePicker value=range span first last />
                </div>
                <ChartCanvas scene height=chart_height name="flows" />
                <ShareBar chart=Chart::Flows scene height=chart_height csv credit=credit />
            }
            .into_any()
        }
    };

    let note = move || {
        view_model.get().ok().map(|v| {
            let holidays = v.holidays_in_view;
            let (bars, shown) = match v.mode {
                FlowMode::Total => ("Blue bars are net inflows, orange-red bars net outflows.", ""),
                FlowMode::ByFund => ("Each colour is one fund (or the other funds together): above zero it took money in, below zero it lost money.", " of the funds shown"),
            };
            let table_note = snapshot
                .flows(v.asset.key())
                .ok()
                .and_then(|t| t.meta.note.clone())
                .unwrap_or_default();
            format!(
                "US$ millions; outflows negative. Only trading days are drawn: {holidays} market holiday(s) in this range are gaps, not zero-flow days. {bars} The line is the running total since launch{shown}. {table_note}"
            )
        })
    };
    let as_of = move || format_iso(bounds.get().1);

    view! {
        <p class="takeaway" aria-live="polite">
            {move || match view_model.get() {
                Ok(v) => v.takeaway.clone(),
                Err(_) => String::new(),
            }}
        </p>
        <div class="controls">
            <div class="control-row">
                <Segmented
                    label="ETFs"
                    options=Asset::ALL.iter().map(|a| (*a, a.label().to_owned())).collect()
                    value=asset
                />
                <Segmented
                    label="Bars"
                    options=vec![(FlowMode::Total, "Total".to_owned()), (FlowMode::ByFund, "By fund".to_owned())]
                    value=mode
                />
                <Segmented
                    label="Aggregation"
                    options=vec![
                        (Period::Day, "Daily".to_owned()),
                        (Period::Week, "Weekly".to_owned()),
                        (Period::Month, "Monthly".to_owned()),
                    ]
                    value=period
                />
            </div>
            <div class="chips" role="group" aria-label="Funds">{chips}</div>
        </div>
        {chart}
        <p class="note">{note}</p>
        {move || view! { <SourceLine providers=vec!["Farside Investors".to_owned()] as_of=as_of() /> }}
    }
}
