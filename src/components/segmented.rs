//! A row of mutually exclusive buttons (window, aggregation, asset…).

use leptos::prelude::*;

/// Buttons for `options`; the one equal to `value` is pressed.
#[component]
pub fn Segmented<T>(
    /// Group label for screen readers.
    #[prop(into)]
    label: String,
    /// `(value, button text)` in display order.
    options: Vec<(T, String)>,
    /// The selected value.
    value: RwSignal<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <div class="segmented" role="group" aria-label=label>
            {options
                .into_iter()
                .map(|(option, text)| {
                    view! {
                        <button
                            type="button"
                            aria-pressed=move || (value.get() == option).to_string()
                            on:click=move |_| value.set(option)
                        >
                            {text}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
