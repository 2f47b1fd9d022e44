//! The explainer page: a thin Leptos shell over `repricing-core`.
//!
//! `App` reads the view from the URL into the one [`state::AppState`], fetches the snapshot
//! once and renders one [`components::chart_section::ChartSection`] per chart of the core's
//! chart table; each section turns its slice of the state into the core's `ChartView` in a
//! Memo and draws its frame with the one engine ([`charts::engine`]).

pub mod browser;
pub mod charts;
pub mod components;
pub mod data;
pub mod state;
pub mod theme;

use components::chart_section::{provider_names, ChartSection};
use components::lang_switch::LangSwitch;
use components::story_bar::StoryBar;
use data::{load_snapshot, Loaded, SNAPSHOT_URL};
use leptos::prelude::*;
use repricing_core::text::{Locale, Msg};
use repricing_core::views::state::{Chart, ThemeChoice, ViewState, STORY_EMBED};
use state::{locale, t, tm, AppState};
use std::cell::Cell;
use std::rc::Rc;
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
/// renders that chart alone and reports its height to the embedding page; with
/// `?embed=story` the story bar and its step's chart.
#[component]
pub fn App() -> impl IntoView {
    let initial = ViewState::from_query(&browser::query());
    let (embed, story_embed, theme_choice) = (initial.embed, initial.story_embed, initial.theme);

    let app = AppState::with_reader_lang(initial, browser::reader_language());
    provide_context(app);
    // The viewport width resolves unset settings at render time (never stored in a link).
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        app.viewport_css.set(state::viewport_width());
    });
    on_cleanup(move || resize.remove());
    follow_language(app.lang, embed.is_none());
    let system_dark = RwSignal::new(browser::media_matches("(prefers-color-scheme: dark)"));
    watch_color_scheme(system_dark);
    let dark = Signal::derive(move || match theme_choice {
        ThemeChoice::Auto => system_dark.get(),
        ThemeChoice::Light => false,
        ThemeChoice::Dark => true,
    });
    if let Some(root) = document().document_element() {
        match theme_choice {
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
    follow_view_in_url(app);

    // A language other than English is fetched when it is wanted (at start-up, beside the
    // snapshot, or when the reader picks it); English stays in effect until it is
    // installed, and if it cannot be, the switch says why.
    Effect::new(move |_| {
        let tag = app.wanted.get();
        // A note about another language's failure goes once the reader picks again.
        if app.lang_error.with_untracked(Option::is_some) {
            app.lang_error.set(None);
        }
        if Locale::installed(tag).is_some() {
            return;
        }
        leptos::task::spawn_local(async move {
            match data::load_language(tag).await {
                Ok(()) => app.installed.update(|n| *n += 1),
                Err(e) if app.wanted.get_untracked() == tag => app.lang_error.set(Some(e)),
                Err(_) => {}
            }
        });
    });

    let snapshot = LocalResource::new(|| load_snapshot(SNAPSHOT_URL));
    // The page is first shown once the snapshot is in and the wanted language is ready
    // (or known to be unavailable): a Chinese reader never sees an English page first.
    // Later language changes re-render it in place.
    let ready = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false) || (snapshot.with(Option::is_some) && !app.lang_pending())
    });
    // The start-up screen stays until there is something to show: the first chart (built
    // with the content below) or why there is none.
    Effect::new(move |_| {
        if ready.get() {
            browser::remove_boot_screen();
        }
    });
    let content = move || match snapshot.get().filter(|_| ready.get()) {
        None => view! { <p class="loading" role="status">{t("loading")}</p> }.into_any(),
        Some(loaded) => match embed {
            _ if story_embed => view! { <StoryEmbedded snapshot=loaded /> }.into_any(),
            Some(chart) => view! { <Embedded chart snapshot=loaded /> }.into_any(),
            None => view! { <Stories snapshot=loaded /> }.into_any(),
        },
    };
    // A language switch renders the page again in the new language (the snapshot stays
    // loaded); every canvas is redrawn with it.
    let lang = app.lang;
    move || {
        lang.with(|_| ()); // read (a memo that is only tracked never computes)
        match embed {
            _ if story_embed => view! { <main class="embed embed-story">{content}</main> }.into_any(),
            Some(_) => view! { <main class="embed">{content}</main> }.into_any(),
            None => view! {
                <a class="skip-link" href="#charts">{t("skip-to-charts")}</a>
                <Header />
                <main id="charts" tabindex="-1">{content}</main>
                <Footer snapshot />
            }
            .into_any(),
        }
    }
}

/// Keeps the address bar's query in step with the view (replaceState: no history entry
/// per change). A history call costs a millisecond or two of the page's thread, so the
/// query is written once the view has been still for [`URL_SETTLE`] — a redraw never
/// waits for it, and a brush drag writes it once, not on every move — and at once when
/// the page is left, so that going Back to it finds the last change. (A reload within
/// `URL_SETTLE` of a change does not: the browser has taken the address by then.)
fn follow_view_in_url(app: AppState) {
    let pending: Rc<Cell<Option<TimeoutHandle>>> = Rc::default();
    let write = move || {
        app.view
            .try_with_untracked(|s| browser::replace_query(&s.to_query(true)));
    };
    Effect::new({
        let pending = Rc::clone(&pending);
        move |_| {
            app.view.track();
            if let Some(timer) = pending.take() {
                timer.clear();
            }
            let done = Rc::clone(&pending);
            let timer = set_timeout_with_handle(
                move || {
                    done.set(None);
                    write();
                },
                URL_SETTLE,
            );
            pending.set(timer.ok());
        }
    });
    let on_hide = window_event_listener(leptos::ev::pagehide, move |_| {
        if let Some(timer) = pending.take() {
            timer.clear();
            write();
        }
    });
    on_cleanup(move || on_hide.remove());
}

/// How long the view must be still before the address bar follows it.
pub const URL_SETTLE: std::time::Duration = std::time::Duration::from_millis(250);

/// Keeps `<html lang>` (and, on the full page, the document title) in the language in
/// effect. English keeps the title `index.html` gives.
fn follow_language(lang: Memo<&'static str>, full_page: bool) {
    let english_title = document().title();
    Effect::new(move |_| {
        let tag = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", tag);
        }
        if full_page {
            // (Without the heading's break marks: a tab or a bookmark does not wrap.)
            let title = if tag == "en" {
                english_title.clone()
            } else {
                t("page-title").replace(['\u{200B}', '\u{2060}'], "")
            };
            document().set_title(&title);
        }
    });
}

/// One chart for an iframe: no page chrome, a link back to the full page, and height
/// messages to the parent on load and on every resize.
#[component]
fn Embedded(chart: Chart, snapshot: Loaded) -> impl IntoView {
    let app = state::use_app();
    provide_context(browser::EmbedReporter(chart.key()));
    report_height(chart.key());
    view! {
        <ChartSection chart snapshot embed=true />
        {embed_link(move || {
            let mut s = app.view.get();
            s.section = Some(chart);
            s
        })}
    }
}

/// The credit line under an embed: the full page at the view `shown` gives (the embed's
/// settings, out of embed mode, at its section), in a new tab.
fn embed_link(shown: impl Fn() -> ViewState + Send + Sync + 'static) -> impl IntoView {
    let href = move || {
        let mut s = shown();
        s.embed = None;
        s.story_embed = false;
        let anchor = s.section.map(Chart::key);
        browser::link(&s.to_query(false), anchor)
    };
    view! {
        <p class="embed-link">
            <a href=href target="_blank" rel="noopener">
                {t("embed-link")}
            </a>
        </p>
    }
}

/// The whole story for one iframe (`embed=story`): the story bar and the step's chart.
#[component]
fn StoryEmbedded(snapshot: Loaded) -> impl IntoView {
    let app = state::use_app();
    provide_context(browser::EmbedReporter(STORY_EMBED));
    report_height(STORY_EMBED);
    let bar = snapshot
        .clone()
        .ok()
        .map(|s| view! { <StoryBar snapshot=s embed=true /> });
    let chart = Memo::new(move |_| app.view.with(|s| s.section.unwrap_or(Chart::Correlation)));
    let section = move || {
        let chart = chart.get();
        view! { <ChartSection chart snapshot=snapshot.clone() embed=true /> }
    };
    view! {
        {bar}
        {section}
        {embed_link(move || app.view.get())}
    }
}

/// Posts the content height to the parent now and whenever the page's size changes.
fn report_height(key: &'static str) {
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

/// The story bar and the three sections for a loaded (or failed) snapshot. Public so browser tests can
/// mount it with a fixture.
///
/// The sections are built one per task, each after the previous one was painted (the
/// linked section first, then the others in page order): the first chart is on screen
/// before the others are computed, and no single task builds the whole page. A section
/// not built yet holds its place, busy, with its anchor.
#[component]
pub fn Stories(snapshot: Loaded) -> impl IntoView {
    let app = state::use_app();
    // The bar first: a link to a story step sets the step's view, its section included.
    let bar = snapshot.clone().ok().map(|s| view! { <StoryBar snapshot=s /> });
    // While an event is picked, the top of the page says so (its panel is at the foot).
    let notice = snapshot
        .clone()
        .ok()
        .map(|s| view! { <components::lens_notice::LensNotice snapshot=s /> });
    let (linked, story) = app.view.with_untracked(|s| (s.section, s.step.is_some()));
    let order = build_order(linked);
    let built = RwSignal::new(1usize);
    // The event lens sits under the last chart: built after all of them, once the reader
    // comes near it or an event is picked (a link to one, or an event under a chart), not
    // while the page loads — and in any case a few seconds later, for a reader who moves
    // through the page without scrolling it (a screen reader's cursor). Once built, it
    // stays.
    let all_built = Memo::new(move |_| built.get() >= Chart::ALL.len());
    let lens_place = NodeRef::<leptos::html::Div>::new();
    let lens_due = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(place) = lens_place.get() else {
            return;
        };
        match browser::NearObserver::new(&place, LENS_MARGIN, move || lens_due.set(true)) {
            Some(observer) => on_cleanup(move || drop(observer)),
            None => lens_due.set(true),
        }
    });
    Effect::new(move |_| {
        if all_built.get() {
            // (The page may be gone by then: a language switch renders it anew.)
            set_timeout(move || _ = lens_due.try_set(true), LENS_LATEST);
        }
    });
    let lens_wanted = Memo::new(move |was: Option<&bool>| {
        was.copied().unwrap_or(false)
            || (all_built.get() && (lens_due.get() || app.view.with(|s| s.lens.is_some())))
    });
    let lens_snapshot = snapshot.as_ref().ok().cloned();
    let lens = move || {
        lens_wanted
            .get()
            .then(|| lens_snapshot.clone())
            .flatten()
            .map(|s| view! { <components::lens_panel::LensPanel snapshot=s /> })
    };
    let sections = Chart::ALL
        .into_iter()
        .map(|chart| {
            let rank = order.iter().position(|c| *c == chart).unwrap_or(0);
            let snapshot = snapshot.clone();
            // A memo: the section is built once, not again with every later one.
            let ready = Memo::new(move |_| built.get() > rank);
            move || {
                if ready.get() {
                    view! { <ChartSection chart snapshot=snapshot.clone() /> }.into_any()
                } else {
                    let key = chart.key();
                    view! { <section class="story pending" id=key aria-busy="true"></section> }.into_any()
                }
            }
        })
        .collect_view();
    // Each build asks for the next one after the browser painted it.
    Effect::new(move |_| {
        let n = built.get();
        if n < order.len() {
            after_paint(move || built.set(n + 1));
        } else if let Some(chart) = linked {
            // Every section above the linked one is built: it is where it stays.
            let to = if story {
                browser::Scroll::Chart { smooth: false }
            } else {
                browser::Scroll::Section
            };
            browser::scroll_to_chart(chart.key(), to);
        }
    });
    view! {
        {bar}
        {notice}
        {sections}
        <div class="lens-place" node_ref=lens_place>{lens}</div>
    }
}

/// How near the viewport the event lens is built: about two phone screens ahead.
const LENS_MARGIN: &str = "0px 0px 1500px 0px";

/// When the event lens is built at the latest, after the last chart.
const LENS_LATEST: std::time::Duration = std::time::Duration::from_secs(3);

/// The order the sections are built in: the linked one first, then page order.
fn build_order(linked: Option<Chart>) -> Vec<Chart> {
    let mut order: Vec<Chart> = linked.into_iter().collect();
    order.extend(Chart::ALL.into_iter().filter(|c| Some(*c) != linked));
    order
}

/// Runs `f` in a task of its own after the next paint.
fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="masthead">
            <LangSwitch />
            <p class="kicker">{t("page-kicker")}</p>
            <h1>{t("page-title")}</h1>
            <p class="intro">{t("page-intro")}</p>
            <nav aria-label=t("toc-label")>
                <ol class="toc">
                    <li><a href="#correlation">{t("toc-correlation")}</a></li>
                    <li><a href="#flows">{t("toc-flows")}</a></li>
                    <li><a href="#burn">{t("toc-burn")}</a></li>
                </ol>
            </nav>
        </header>
    }
}

/// The colophon: every provider the snapshot carries, by name.
#[component]
fn Footer(snapshot: LocalResource<Loaded>) -> impl IntoView {
    let providers = move || {
        snapshot.get().and_then(|l| l.ok()).map(|s| {
            let ids: Vec<String> = s.providers.keys().cloned().collect();
            locale().list(&provider_names(&s, &ids))
        })
    };
    view! {
        <footer class="colophon">
            <p>{move || providers().map(|p| tm(&Msg::new("footer-data").text("providers", p)))}</p>
        </footer>
    }
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
