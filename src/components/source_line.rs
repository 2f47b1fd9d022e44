//! The credit line under every chart: providers and "data as of".

use leptos::prelude::*;

/// "Source: … · Data as of …", plus an optional note.
#[component]
pub fn SourceLine(
    /// Attributions, in order.
    providers: Vec<String>,
    /// Last date of the chart's data.
    #[prop(into)]
    as_of: String,
    /// Extra caveats (provisional point, model).
    #[prop(optional)]
    notes: Vec<String>,
) -> impl IntoView {
    view! {
        <p class="source">
            "Source: " {providers.join(", ")} ". Data as of " {as_of} "."
            {notes.into_iter().map(|n| view! { " " {n} }).collect_view()}
        </p>
    }
}
