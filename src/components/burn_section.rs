//! Section 3: the ETH burn versus issuance.

use crate::charts::burn::{colors, BurnLines, BurnScene};
use crate::charts::scene::Scene;
use crate::components::chart_canvas::ChartCanvas;
use crate::components::chip::Chip;
use crate::components::error_box::ErrorBox;
use crate::components::range_picker::RangePicker;
use crate::components::segmented::Segmented;
use crate::components::source_line::SourceLine;
use crate::data::Loaded;
use crate::theme::Theme;
use crate::ThemeSignal;
use leptos::prelude::*;
use repricing_core::date::format_iso;
use repricing_core::issuance::{POS_ISSUANCE_COEFFICIENT, POW_ISSUANCE_ETH_PER_DAY};
use repricing_core::views::burn::{burn_view, BurnData, Smoothing};
use repricing_core::views::format;
use repricing_core::views::range::{Preset, RangeChoice};
use repricing_core::Snapshot;
use std::sync::Arc;

fn chart_height(css_width: f64) -> f64 {
    (css_width * 0.72).clamp(460.0, 600.0)
}

/// Burn vs modelled issuance, net supply change and cumulative supply.
#[component]
pub fn BurnSection(snapshot: Loaded) -> impl IntoView {
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
            <h2 id="burn-title">"3. The ETH burn"</h2>
            <p class="lede">
                "Since August 2021 every Ethereum transaction burns its base fee. When the burn exceeds new issuance, the ETH supply shrinks. Once activity moved to cheaper layer-2 networks, the burn collapsed."
            </p>
            {body}
        </section>
    }
}

#[component]
fn BurnBody(snapshot: Arc<Snapshot>, data: Arc<BurnData>) -> impl IntoView {
    let theme = use_context::<ThemeSignal>().map_or_else(|| Signal::stored(Theme::LIGHT), |t| t.0);
    let smoothing = RwSignal::new(Smoothing::Mean7);
    let range = RwSignal::new(RangeChoice::Preset(Preset::All));
    let lines = RwSignal::new(BurnLines::default());
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

    type Get = fn(&BurnLines) -> bool;
    type Set = fn(&mut BurnLines, bool);
    let toggles: [(&str, usize, Get, Set); 4] = [
        ("ETH burned", 0, |l| l.burn, |l, v| l.burn = v),
        ("ETH issued (model)", 1, |l| l.issuance, |l, v| l.issuance = v),
        ("Since London", 3, |l| l.since_london, |l, v| l.since_london = v),
        ("Since the Merge", 4, |l| l.since_merge, |l, v| l.since_merge = v),
    ];
    let chips = toggles
        .into_iter()
        .map(|(label, ci, get, set)| {
            let on = Signal::derive(move || get(&lines.get()));
            let color = Signal::derive(move || Theme::css(colors(&theme.get())[ci]));
            let toggle = Callback::new(move |v: bool| lines.update(|l| set(l, v)));
            view! { <Chip label color on toggle /> }
        })
        .collect_view();

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
        <SourceLine providers as_of=format_iso(last) notes />
    }
}
