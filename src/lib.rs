//! The explainer page: a thin Leptos shell over `repricing-core`.
//!
//! `App` fetches the snapshot once and hands it to the three sections; each section owns
//! its controls as signals, turns them into core view models in Memos (a control
//! recomputes only what depends on it) and draws through [`components::chart_canvas`].

pub mod charts;
pub mod components;
pub mod data;
pub mod theme;

use components::burn_section::BurnSection;
use components::correlation_section::CorrelationSection;
use components::flows_section::FlowsSection;
use data::{load_snapshot, Loaded, SNAPSHOT_URL};
use leptos::prelude::*;
use theme::Theme;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

/// The theme in effect, provided as context by [`App`].
#[derive(Clone, Copy)]
pub struct ThemeSignal(pub Signal<Theme>);

/// The page: follows the reader's colour scheme and loads the snapshot.
#[component]
pub fn App() -> impl IntoView {
    let dark = RwSignal::new(prefers_dark());
    watch_color_scheme(dark);
    provide_context(ThemeSignal(Signal::derive(move || Theme::for_dark(dark.get()))));
    let snapshot = LocalResource::new(|| load_snapshot(SNAPSHOT_URL));
    view! {
        <Header />
        <main>
            {move || match snapshot.get() {
                None => view! { <p class="loading" role="status">"Loading the data…"</p> }.into_any(),
                Some(loaded) => view! { <Stories snapshot=loaded /> }.into_any(),
            }}
        </main>
        <Footer />
    }
}

/// The three sections for a loaded (or failed) snapshot. Public so browser tests can
/// mount it with a fixture.
#[component]
pub fn Stories(snapshot: Loaded) -> impl IntoView {
    view! {
        <CorrelationSection snapshot=snapshot.clone() />
        <FlowsSection snapshot=snapshot.clone() />
        <BurnSection snapshot />
    }
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="masthead">
            <p class="kicker">"Data explainer"</p>
            <h1>"The 2025–26 crypto repricing, in three charts"</h1>
            <p class="intro">
                "Bitcoin spent most of its life trading like a leveraged bet on tech stocks. In 2025 the money of US spot ETFs poured in and then drained out, and on Ethereum the fee burn that once shrank the supply faded away. Three questions, answered with real data — every number below is computed in your browser from the bundled snapshot, and every sentence describes the view you are looking at."
            </p>
            <ol class="toc">
                <li><a href="#correlation">"Does bitcoin still move with the Nasdaq?"</a></li>
                <li><a href="#flows">"Where did the ETF money go?"</a></li>
                <li><a href="#burn">"Is ETH still deflationary?"</a></li>
            </ol>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="colophon">
            <p>
                "Data: Yahoo Finance (prices), Farside Investors (ETF flows), CryptoQuant (Ethereum burn, fees and staking), FRED (10-year yield). ETH issuance is a model, not a measurement. Nothing here is investment advice."
            </p>
        </footer>
    }
}

fn prefers_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Keeps `dark` in step with the operating system's colour scheme.
fn watch_color_scheme(dark: RwSignal<bool>) {
    let Some(query) = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
    else {
        return;
    };
    let on_change =
        Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(move |e: web_sys::MediaQueryListEvent| {
            dark.set(e.matches())
        });
    if query
        .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref())
        .is_ok()
    {
        // The page lives as long as the listener: hand the closure to JS for good.
        on_change.forget();
    }
}
