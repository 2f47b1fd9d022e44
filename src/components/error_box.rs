//! A readable error in place of a chart.

use leptos::prelude::*;

/// Shows `message` where the chart would be.
#[component]
pub fn ErrorBox(#[prop(into)] message: String) -> impl IntoView {
    view! {
        <div class="chart-error" role="alert">
            <strong>"This chart cannot be shown. "</strong>
            <span>{message}</span>
        </div>
    }
}
