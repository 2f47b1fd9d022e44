//! The credit line under every chart: providers and "data as of".

use crate::state::tm;
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
            {move || tm(&Msg::new("source-line").text("providers", providers.get().join(", ")).text("date", as_of.get()))}
            {modelled.then(|| view! { " " {tm(&Msg::new("source-model"))} })}
        </p>
    }
}
