//! Range presets (3M … All) and a custom from–to span.

use leptos::prelude::*;
use repricing_core::date::{format_iso, parse_iso};
use repricing_core::views::range::{Preset, RangeChoice, Span};
use repricing_core::Date;

/// Preset buttons and two date inputs showing the resolved span.
#[component]
pub fn RangePicker(
    /// The reader's choice.
    value: RwSignal<RangeChoice>,
    /// The span that choice resolves to (shown in the inputs).
    #[prop(into)]
    span: Signal<Span>,
    /// First date with data.
    first: Date,
    /// Last date with data.
    last: Date,
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
        value.set(RangeChoice::Custom(from, to));
    };
    view! {
        <div class="range">
            <div class="segmented" role="group" aria-label="Range">
                {Preset::ALL
                    .into_iter()
                    .map(|p| {
                        view! {
                            <button
                                type="button"
                                aria-pressed=move || (value.get() == RangeChoice::Preset(p)).to_string()
                                on:click=move |_| value.set(RangeChoice::Preset(p))
                            >
                                {p.label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <label class="date">
                <span class="visually-hidden">"From"</span>
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
                <span class="visually-hidden">"To"</span>
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
