//! Section 3: the ETH burn versus issuance.

use crate::charts::burn::{colors, BurnLines, BurnScene};
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
use repricing_core::issuance::{POS_ISSUANCE_COEFFICIENT, POW_ISSUANCE_ETH_PER_DAY};
use repricing_core::views::burn::{burn_view, BurnData, Smoothing};
use repricing_core::views::export::{burn_csv, CsvHeader};
use repricing_core::views::format;
use repricing_core::views::state::{BurnLine, Chart};
use repricing_core::Snapshot;
use std::sync::Arc;

fn chart_height(css_width: f64) -> f64 {
    (css_width * 0.72).clamp(460.0, 600.0)
}

/// Burn vs modelled issuance, net supply change and cumulative supply.
#[component]
pub fn BurnSection(snapshot: Loaded, #[prop(optional)] embed: bool) -> impl IntoView {
    let body = match snapshot.and_then(|s| {
        BurnData::from_snapshot(&s)
            .map(|d| (s, d))
            .map_err(|e| e.to_string())
    }) {
        Ok((s, data)) => view! { <BurnBody snapshot=s data=Arc::new(data) /> }.into_any(),
        Err(e) => view! { <ErrorBox message=e /> }.into_any(),
    };
    view! {
        <section class="story" id="burn" aria-labelledby="burn-title">
            <h2 id="burn-title">{if embed { "The ETH burn" } else { "3. The ETH burn" }}</h2>
            <Show when=move || !embed>
                <p class="lede">
                    "Since August 2021 every Ethereum transaction burns its base fee. When the burn exceeds new issuance, the ETH supply shrinks. Once activity moved to cheaper layer-2 networks, the burn collapsed."
                </p>
            </Show>
            {body}
        </section>
    }
}

#[component]
fn BurnBody(snapshot: Arc<Snapshot>, data: Arc<BurnData>) -> impl IntoView {
    let theme = crate::use_theme();
    let controls = use_controls();
    let (smoothing, range, hidden) = (controls.burn_smoothing, controls.burn_range, controls.burn_hidden);
    let lines = Memo::new(move |_| BurnLines::from_hidden(&hidden.get()));
    let events = Arc::new(snapshot.events.clone());

    let d = data.clone();
    let view_model = Memo::new(move |_| Arc::new(burn_view(&d, smoothing.get(), range.get())));
    let scene = Signal::derive(move || {
        Arc::new(BurnScene {
            view: view_model.get(),
            lines: lines.get(),
            events: events.clone(),
        }) as Arc<dyn Scene>
    });
    let (first, last) = match (data.dates.first(), data.dates.last()) {
        (Some(a), Some(b)) => (*a, *b),
        _ => (snapshot.as_of, snapshot.as_of),
    };
    let span = Signal::derive(move || view_model.get().span);

    let toggles = [
        ("ETH burned", 0, BurnLine::Burn),
        ("ETH issued (model)", 1, BurnLine::Issuance),
        ("Since London", 3, BurnLine::SinceLondon),
        ("Since the Merge", 4, BurnLine::SinceMerge),
    ];
    let chips = toggles
        .into_iter()
        .map(|(label, ci, line)| {
            let on = Signal::derive(move || !hidden.get().contains(&line));
            let color = Signal::derive(move || Theme::css(colors(&theme.get())[ci]));
            let toggle = Callback::new(move |show: bool| {
                hidden.update(|h| {
                    h.retain(|l| *l != line);
                    if !show {
                        h.push(line);
                    }
                });
            });
            view! { <Chip label color on toggle /> }
        })
        .collect_view();
    let as_of = format_iso(last);
    let credit = format!("Source: CryptoQuant · issuance is a model · Data as of {as_of} · computed in the browser from the bundled snapshot");
    let csv_as_of = as_of.clone();
    let csv = Callback::new(move |()| {
        let sources = vec![
            "CryptoQuant (burn, staking)".to_owned(),
            "issuance: model (see the page)".to_owned(),
        ];
        let url = crate::browser::link(&controls.state().to_query(false), Some("burn"));
        let header = CsvHeader {
            title: Chart::Burn.title(),
            sources: &sources,
            as_of: &csv_as_of,
            url: &url,
        };
        (
            "crypto-repricing-burn.csv".to_owned(),
            burn_csv(&view_model.get_untracked(), &header),
        )
    });

    let providers = vec!["CryptoQuant".to_owned()];
    let notes = vec![format!(
        "Issuance is a model, not a measurement: {} ETH a day under proof of work; after the Merge {} × √(ETH staked) a year, using CryptoQuant’s cumulative staking deposits, which are not net of withdrawals — so the model runs a few percent high.",
        format::number(POW_ISSUANCE_ETH_PER_DAY, 0),
        POS_ISSUANCE_COEFFICIENT
    )];

    view! {
        <p class="takeaway" aria-live="polite">{move || view_model.get().takeaway.clone()}</p>
        <div class="controls">
            <div class="chips" role="group" aria-label="Lines">{chips}</div>
            <div class="control-row">
                <Segmented
                    label="Smoothing"
                    options=vec![(Smoothing::Mean7, "7-day mean".to_owned()), (Smoothing::Daily, "Daily".to_owned())]
                    value=smoothing
                />
                <RangePicker value=range span first last />
            </div>
        </div>
        <ChartCanvas scene height=chart_height name="burn" />
        <ShareBar chart=Chart::Burn scene height=chart_height csv credit=credit />
        <SourceLine providers as_of=format_iso(last) notes />
    }
}
