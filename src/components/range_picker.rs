//! Range presets (3M … All), the span shown, and a brush for a custom from–to span.

use crate::components::range_brush::RangeBrush;
use crate::state::{locale, t, tm};
use leptos::prelude::*;
use repricing_core::views::chart::preset_label;
use repricing_core::views::range::{Preset, RangeChoice, Span};
use repricing_core::Date;

/// Preset buttons, the resolved span as dates and the brush over the whole span.
#[component]
pub fn RangePicker(
    /// The reader's choice.
    #[prop(into)]
    choice: Signal<RangeChoice>,
    /// The span that choice resolves to (shown in the inputs).
    #[prop(into)]
    span: Signal<Span>,
    /// First date with data.
    first: Date,
    /// Last date with data.
    last: Date,
    /// The chart's default range in URL form (the brush's double-click).
    reset: String,
    /// Called with the new range in URL form (`1Y`, `2025-01-02..2026-03-31`).
    pick: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="range">
            <div class="segmented" role="group" aria-label=t("control-range")>
                {Preset::ALL
                    .into_iter()
                    .map(|p| {
                        view! {
                            <button
                                type="button"
                                aria-pressed=move || (choice.get() == RangeChoice::Preset(p)).to_string()
                                on:click=move |_| pick.run(p.label().to_owned())
                            >
                                {tm(&preset_label(p))}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="range-dates">
                {move || {
                    let s = span.get();
                    format!("{} – {}", locale().date(s.from), locale().date(s.to))
                }}
            </p>
            <RangeBrush span first last reset pick />
        </div>
    }
}
