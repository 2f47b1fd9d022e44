//! The credit line under every chart: providers and "data as of".

use crate::state::locale;
use leptos::prelude::*;
use repricing_core::text::Msg;

/// "Source: … Data as of …", plus the chart's notes.
#[component]
pub fn SourceLine(
    /// Provider names, in order.
    #[prop(into)]
    providers: Signal<Vec<String>>,
    /// Last date of the chart's data, formatted.
    #[prop(into)]
    as_of: Signal<String>,
    /// The chart models something (the credit says so).
    #[prop(optional)]
    modelled: bool,
) -> impl IntoView {
    view! {
        <p class="source">
            {move || {
                let line = Msg::new("source-line").text("providers", locale().list(&providers.get())).text("date", as_of.get());
                // Sentences joined as the language joins them (no space after a Chinese full stop).
                locale().render_all(&[Some(line), modelled.then(|| Msg::new("source-model"))].into_iter().flatten().collect::<Vec<_>>())
            }}
        </p>
    }
}
