//! Every control of the page as signals, created once from the URL's [`ViewState`] and
//! provided as context; [`Controls::state`] reads them back for the URL and the share links.

use leptos::prelude::*;
use repricing_core::resample::Period;
use repricing_core::views::burn::Smoothing;
use repricing_core::views::correlation::Counterpart;
use repricing_core::views::flows::{Asset, FlowMode};
use repricing_core::views::range::RangeChoice;
use repricing_core::views::state::{
    BurnLine, BurnState, Chart, CorrelationState, FlowsState, ThemeChoice, ViewState,
};

/// The reader's controls (a `Copy` bundle of signals).
#[derive(Clone, Copy)]
pub struct Controls {
    /// Embed mode, fixed for the page's life.
    pub embed: Option<Chart>,
    /// The section the URL pointed at.
    pub section: Option<Chart>,
    /// Colour scheme choice.
    pub theme: ThemeChoice,
    /// Chart 1: counterparts.
    pub corr_with: RwSignal<Vec<Counterpart>>,
    /// Chart 1: window.
    pub corr_window: RwSignal<usize>,
    /// Chart 1: range.
    pub corr_range: RwSignal<RangeChoice>,
    /// Chart 2: asset.
    pub flows_asset: RwSignal<Asset>,
    /// Chart 2: total or by fund.
    pub flows_mode: RwSignal<FlowMode>,
    /// Chart 2: aggregation.
    pub flows_period: RwSignal<Period>,
    /// Chart 2: hidden fund groups.
    pub flows_hidden: RwSignal<Vec<String>>,
    /// Chart 2: range.
    pub flows_range: RwSignal<RangeChoice>,
    /// Chart 3: smoothing.
    pub burn_smoothing: RwSignal<Smoothing>,
    /// Chart 3: hidden lines.
    pub burn_hidden: RwSignal<Vec<BurnLine>>,
    /// Chart 3: range.
    pub burn_range: RwSignal<RangeChoice>,
}

impl Controls {
    /// Signals holding `s`.
    pub fn new(s: &ViewState) -> Self {
        Self {
            embed: s.embed,
            section: s.section,
            theme: s.theme,
            corr_with: RwSignal::new(s.correlation.with.clone()),
            corr_window: RwSignal::new(s.correlation.window),
            corr_range: RwSignal::new(s.correlation.range),
            flows_asset: RwSignal::new(s.flows.asset),
            flows_mode: RwSignal::new(s.flows.mode),
            flows_period: RwSignal::new(s.flows.period),
            flows_hidden: RwSignal::new(s.flows.hidden.clone()),
            flows_range: RwSignal::new(s.flows.range),
            burn_smoothing: RwSignal::new(s.burn.smoothing),
            burn_hidden: RwSignal::new(s.burn.hidden.clone()),
            burn_range: RwSignal::new(s.burn.range),
        }
    }

    /// The current state (tracked: an Effect reading it re-runs on every change).
    pub fn state(&self) -> ViewState {
        ViewState {
            embed: self.embed,
            section: self.section,
            theme: self.theme,
            correlation: CorrelationState {
                with: self.corr_with.get(),
                window: self.corr_window.get(),
                range: self.corr_range.get(),
            },
            flows: FlowsState {
                asset: self.flows_asset.get(),
                mode: self.flows_mode.get(),
                period: self.flows_period.get(),
                hidden: self.flows_hidden.get(),
                range: self.flows_range.get(),
            },
            burn: BurnState {
                smoothing: self.burn_smoothing.get(),
                hidden: self.burn_hidden.get(),
                range: self.burn_range.get(),
            },
        }
    }
}

/// The controls from context, or defaults (components mounted alone, as in tests).
pub fn use_controls() -> Controls {
    use_context::<Controls>().unwrap_or_else(|| {
        let c = Controls::new(&ViewState::default());
        provide_context(c);
        c
    })
}
