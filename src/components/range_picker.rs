//! Range presets (3M … All) and a custom from–to span.

use crate::state::{t, tm};
use leptos::prelude::*;
use repricing_core::date::{format_iso, parse_iso};
use repricing_core::views::chart::preset_label;
use repricing_core::views::range::{Preset, RangeChoice, Span};
use repricing_core::Date;

/// Preset buttons and two date inputs showing the resolved span.
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
    /// Called with the new range in URL form (`1Y`, `2025-01-02..2026-03-31`).
    pick: Callback<String>,
) -> impl IntoView {
    let (min, max) = (format_iso(first), format_iso(last));
    let set_end = move |is_from: bool, text: String| {
        let Some(date) = parse_iso(&text) else { return };
        let current = span.get_untracked();
        let (from, to) = if is_from {
            (date, current.to)
        } else {
            (current.from, date)
        };
        pick.run(format!("{}..{}", format_iso(from), format_iso(to)));
    };
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
            <label class="date">
                <span class="visually-hidden">{t("control-from")}</span>
                <input
                    type="date"
                    min=min.clone()
                    max=max.clone()
                    prop:value=move || format_iso(span.get().from)
                    on:change=move |ev| set_end(true, event_target_value(&ev))
                />
            </label>
            <span class="dash" aria-hidden="true">"–"</span>
            <label class="date">
                <span class="visually-hidden">{t("control-to")}</span>
                <input
                    type="date"
                    min=min
                    max=max
                    prop:value=move || format_iso(span.get().to)
                    on:change=move |ev| set_end(false, event_target_value(&ev))
                />
            </label>
        </div>
    }
}
