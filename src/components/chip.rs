//! A legend entry that toggles its series.

use leptos::prelude::*;

/// A toggle showing the series colour; pressed while the series is shown.
#[component]
pub fn Chip(
    /// Legend text.
    #[prop(into)]
    label: String,
    /// CSS colour of the series.
    #[prop(into)]
    color: Signal<String>,
    /// Whether the series is shown.
    #[prop(into)]
    on: Signal<bool>,
    /// Called with the new state.
    toggle: Callback<bool>,
    /// Whether the chip can be toggled (a lone required series cannot).
    #[prop(optional, into)]
    disabled: Signal<bool>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="chip"
            aria-pressed=move || on.get().to_string()
            disabled=move || disabled.get()
            on:click=move |_| toggle.run(!on.get_untracked())
        >
            <span class="swatch" style:background-color=move || color.get()></span>
            {label}
        </button>
    }
}
