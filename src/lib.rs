//! The explainer page: a thin Leptos shell over `repricing-core`.

use leptos::prelude::*;

/// The page.
#[component]
pub fn App() -> impl IntoView {
    view! { <h1>"The 2025–26 crypto repricing"</h1> }
}
