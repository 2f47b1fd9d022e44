//! The explainer page: a thin Leptos shell over `repricing-core`.
//!
//! `App` fetches the snapshot once and hands it to the three sections; each section owns
//! its controls as signals, turns them into core view models in Memos (a control
//! recomputes only what depends on it) and draws through [`components::chart_canvas`].

pub mod browser;
pub mod charts;
pub mod components;
pub mod controls;
pub mod data;
pub mod theme;

use components::burn_section::BurnSection;
use components::correlation_section::CorrelationSection;
use components::flows_section::FlowsSection;
use controls::Controls;
use data::{load_snapshot, Loaded, SNAPSHOT_URL};
use leptos::prelude::*;
use repricing_core::views::state::{Chart, ThemeChoice, ViewState};
use theme::Theme;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

/// The theme in effect, provided as context by [`App`].
#[derive(Clone, Copy)]
pub struct ThemeSignal(pub Signal<Theme>);

/// The theme from context, or the light theme (components mounted alone, as in tests).
pub fn use_theme() -> Signal<Theme> {
    use_context::<ThemeSignal>().map_or_else(|| Signal::stored(Theme::LIGHT), |t| t.0)
}

/// The page: reads the view from the URL, follows (or forces) the colour scheme, loads
/// the snapshot, and keeps the URL in step with every control. With `?embed=<chart>` it
/// renders that chart alone and reports its height to the embedding page.
#[component]
pub fn App() -> impl IntoView {
    let initial = ViewState::from_query(&browser::query());
    let controls = Controls::new(&initial);
    provide_context(controls);
    let system_dark = RwSignal::new(prefers_dark());
    watch_color_scheme(system_dark);
    let dark = Signal::derive(move || match controls.theme {
        ThemeChoice::Auto => system_dark.get(),
        ThemeChoice::Light => false,
        ThemeChoice::Dark => true,
    });
    if let Some(root) = document().document_element() {
        match controls.theme {
            ThemeChoice::Auto => {}
            forced => {
                let _ = root.set_attribute(
                    "data-theme",
                    if forced == ThemeChoice::Dark {
                        "dark"
                    } else {
                        "light"
                    },
                );
            }
        }
    }
    provide_context(ThemeSignal(Signal::derive(move || Theme::for_dark(dark.get()))));
    // The address bar follows the controls (replaceState: no history entry per click).
    Effect::new(move |_| browser::replace_query(&controls.state().to_query(true)));

    let snapshot = LocalResource::new(|| load_snapshot(SNAPSHOT_URL));
    let content = move || match snapshot.get() {
        None => view! { <p class="loading" role="status">"Loading the data…"</p> }.into_any(),
        Some(loaded) => match controls.embed {
            Some(chart) => view! { <Embedded chart snapshot=loaded /> }.into_any(),
            None => view! { <Stories snapshot=loaded /> }.into_any(),
        },
    };
    match controls.embed {
        Some(_) => view! { <main class="embed">{content}</main> }.into_any(),
        None => view! {
            <Header />
            <main>{content}</main>
            <Footer />
        }
        .into_any(),
    }
}

/// One chart for an iframe: no page chrome, a link back to the full page, and height
/// messages to the parent on load and on every resize.
#[component]
fn Embedded(chart: Chart, snapshot: Loaded) -> impl IntoView {
    let controls = controls::use_controls();
    let full_page = move || {
        let mut s = controls.state();
        s.embed = None;
        s.section = Some(chart);
        browser::link(&s.to_query(false), Some(chart.key()))
    };
    let body = match chart {
        Chart::Correlation => view! { <CorrelationSection snapshot embed=true /> }.into_any(),
        Chart::Flows => view! { <FlowsSection snapshot embed=true /> }.into_any(),
        Chart::Burn => view! { <BurnSection snapshot embed=true /> }.into_any(),
    };
    provide_context(browser::EmbedReporter(chart.key()));
    report_height(chart);
    view! {
        {body}
        <p class="embed-link">
            <a href=full_page target="_blank" rel="noopener">
                "Open the full explainer: the 2025–26 crypto repricing, in three charts ↗"
            </a>
        </p>
    }
}

/// Posts the content height to the parent now and whenever the page's size changes.
fn report_height(chart: Chart) {
    let key = chart.key();
    let on_resize = Closure::<dyn Fn()>::new(move || browser::post_height(key));
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()),
        document().body(),
    ) {
        observer.observe(&body);
        // Observer and callback live as long as the page.
        on_resize.forget();
        std::mem::forget(observer);
    }
    // The parent's helper script may load after the first report: answer its request.
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        if browser::is_height_request(&e.data()) {
            browser::post_height(key);
        }
    });
    if window()
        .add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref())
        .is_ok()
    {
        on_message.forget();
    }
    browser::post_height(key);
}

/// The three sections for a loaded (or failed) snapshot. Public so browser tests can
/// mount it with a fixture.
#[component]
pub fn Stories(snapshot: Loaded) -> impl IntoView {
    let section = use_context::<Controls>().and_then(|c| c.section);
    if let Some(chart) = section {
        // Scroll to the linked chart once it exists.
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(chart.key()) {
                el.scroll_into_view();
            }
        });
    }
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
