//! Section 1: the correlation regime shift.

use crate::charts::correlation::{color_index, CorrelationScene};
use crate::charts::scene::Scene;
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
use repricing_core::snapshot::ids;
use repricing_core::views::correlation::{
    correlation_view, rolling_correlations, Counterpart, MarketData, WINDOWS,
};
use repricing_core::views::export::{correlation_csv, CsvHeader};
use repricing_core::views::state::Chart;
use std::sync::Arc;

fn chart_height(css_width: f64) -> f64 {
    (css_width * 0.62).clamp(360.0, 520.0)
}

/// Rolling correlation of bitcoin with other markets, and indexed prices.
#[component]
pub fn CorrelationSection(snapshot: Loaded, #[prop(optional)] embed: bool) -> impl IntoView {
    let body = match snapshot.and_then(|s| {
        MarketData::from_snapshot(&s)
            .map(|m| (s, m))
            .map_err(|e| e.to_string())
    }) {
        Ok((s, market)) => view! { <CorrelationBody snapshot=s market=Arc::new(market) /> }.into_any(),
        Err(e) => view! { <ErrorBox message=e /> }.into_any(),
    };
    view! {
        <section class="story" id="correlation" aria-labelledby="correlation-title">
            <h2 id="correlation-title">{if embed { "Bitcoin’s correlation regime" } else { "1. Bitcoin’s correlation regime" }}</h2>
            <Show when=move || !embed>
                <p class="lede">
                    "For years bitcoin traded like a leveraged bet on tech stocks. The rolling correlation of daily returns shows whether it still does — or whether it has started to move with gold."
                </p>
            </Show>
            {body}
        </section>
    }
}

#[component]
fn CorrelationBody(snapshot: Arc<repricing_core::Snapshot>, market: Arc<MarketData>) -> impl IntoView {
    let theme = crate::use_theme();
    let controls = use_controls();
    let (selected, window, range) = (controls.corr_with, controls.corr_window, controls.corr_range);
    let events = Arc::new(snapshot.events.clone());

    let m = market.clone();
    let correlations = Memo::new(move |_| Arc::new(rolling_correlations(&m, &selected.get(), window.get())));
    let m = market.clone();
    let view_model = Memo::new(move |_| {
        Arc::new(correlation_view(
            &m,
            &correlations.get(),
            window.get(),
            range.get(),
        ))
    });
    let scene = Signal::derive(move || {
        Arc::new(CorrelationScene {
            view: view_model.get(),
            events: events.clone(),
        }) as Arc<dyn Scene>
    });
    let (first, last) = market.bounds().unwrap_or((snapshot.as_of, snapshot.as_of));
    let span = Signal::derive(move || view_model.get().span);

    let chips = Counterpart::ALL
        .into_iter()
        .map(|c| {
            let on = Signal::derive(move || selected.get().contains(&c));
            let color =
                Signal::derive(move || Theme::css(theme.get().series(color_index(c.key()).unwrap_or(5))));
            let disabled = Signal::derive(move || {
                let s = selected.get();
                s.len() == 1 && s.contains(&c)
            });
            let toggle = Callback::new(move |show: bool| {
                selected.update(|s| {
                    if show {
                        s.push(c);
                        s.sort_by_key(|x| Counterpart::ALL.iter().position(|y| y == x));
                        s.dedup();
                    } else {
                        s.retain(|x| *x != c);
                    }
                });
            });
            view! { <Chip label=c.label() color on toggle disabled /> }
        })
        .collect_view();

    let unavailable = move || {
        view_model
            .get()
            .unavailable
            .iter()
            .map(|(c, e)| view! { <p class="chart-error" role="alert">{format!("{}: {e}", c.label())}</p> })
            .collect_view()
    };
    let provisional = snapshot
        .series(ids::BTC_USD)
        .map(|s| s.meta.last_provisional)
        .unwrap_or(false);
    let as_of = format_iso(last);
    let mut notes = vec![
        "QQQ and SPY closes are dividend-adjusted. The 10-year yield is correlated through its daily change."
            .to_owned(),
    ];
    if provisional {
        notes.push("The last day’s prices were taken intraday (provisional).".to_owned());
    }

    let credit = format!("Source: Yahoo Finance, FRED · Data as of {as_of} · computed in the browser from the bundled snapshot");
    let csv_as_of = as_of.clone();
    let csv = Callback::new(move |()| {
        let sources = vec![
            "Yahoo Finance (prices)".to_owned(),
            "FRED, Federal Reserve Bank of St. Louis (DGS10)".to_owned(),
        ];
        let url = crate::browser::link(&controls.state().to_query(false), Some("correlation"));
        let header = CsvHeader {
            title: Chart::Correlation.title(),
            sources: &sources,
            as_of: &csv_as_of,
            url: &url,
        };
        (
            "crypto-repricing-correlation.csv".to_owned(),
            correlation_csv(&view_model.get_untracked(), &header),
        )
    });

    view! {
        <p class="takeaway" aria-live="polite">{move || view_model.get().takeaway.clone()}</p>
        <div class="controls">
            <div class="chips" role="group" aria-label="Compare bitcoin with">
                <span class="control-label">"Bitcoin vs"</span>
                {chips}
            </div>
            <div class="control-row">
                <Segmented
                    label="Rolling window"
                    options=WINDOWS.iter().map(|w| (*w, format!("{w}d"))).collect()
                    value=window
                />
                <RangePicker value=range span first last />
            </div>
        </div>
        {unavailable}
        <ChartCanvas scene height=chart_height name="correlation" />
        <ShareBar chart=Chart::Correlation scene height=chart_height csv credit=credit.clone() />
        <p class="note">
            "How the lines are computed: every market is sampled on US trading days — bitcoin at its 24:00 UTC close of the same date, a few hours after the New York close — and nothing is carried over a missing day. Daily log returns between consecutive trading days (so Monday’s bitcoin return includes the weekend) are correlated over a trailing window; a window that holds a gap gives no value."
        </p>
        <SourceLine providers=vec!["Yahoo Finance".to_owned(), "FRED".to_owned()] as_of notes />
    }
}
