//! A row of mutually exclusive buttons (window, aggregation, asset…).

use leptos::prelude::*;

/// Buttons for `options`; the one whose value equals `selected` is pressed.
#[component]
pub fn Segmented(
    /// Group label for screen readers.
    #[prop(into)]
    label: String,
    /// `(value, button text)` in display order.
    options: Vec<(String, String)>,
    /// The selected value.
    #[prop(into)]
    selected: Signal<String>,
    /// Called with the value of the pressed button.
    pick: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="segmented" role="group" aria-label=label>
            {options
                .into_iter()
                .map(|(value, text)| {
                    let v = value.clone();
                    view! {
                        <button
                            type="button"
                            aria-pressed=move || selected.with(|s| *s == v).to_string()
                            on:click=move |_| pick.run(value.clone())
                        >
                            {text}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
