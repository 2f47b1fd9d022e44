//! The page's one view state, in context: the shareable [`ViewState`] in one `RwSignal`
//! (every chart reads a `Memo` slice of it; a control is an edit of one URL key; a
//! permalink or a story step sets it whole) and the focused date that links the charts'
//! crosshairs. An `Effect` in `App` writes the state back to the address bar.
//!
//! The language is part of the state too: [`AppState::wanted`] is the view's chosen
//! language or else the browser's; [`AppState::lang`] is the one in effect (the wanted
//! one once its files are installed, English until then), and [`locale`] reads it, so
//! everything that renders text or draws a canvas re-runs when the language changes.

use leptos::prelude::*;
use repricing_core::text::{Locale, Msg};
use repricing_core::views::state::{Chart, ViewState};
use repricing_core::Date;

/// A date a reader is pointing at, and in which chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Focus {
    /// The date.
    pub date: Date,
    /// The chart the pointer or keyboard is in (it shows the tooltip).
    pub source: Chart,
}

/// The app's state (a `Copy` bundle of signals).
#[derive(Clone, Copy)]
pub struct AppState {
    /// Everything a reader can set and share.
    pub view: RwSignal<ViewState>,
    /// The linked date of every chart's crosshair.
    pub focus: RwSignal<Option<Focus>>,
    /// The language asked for: the view's `lang`, else the reader's browser language.
    pub wanted: Memo<&'static str>,
    /// The language in effect: [`AppState::wanted`] once installed (English is compiled
    /// in; another language is fetched, see `App`), else English.
    pub lang: Memo<&'static str>,
    /// Bumped each time a language is installed (what `lang` re-checks on).
    pub installed: RwSignal<u32>,
    /// Why the wanted language could not be loaded (a sentence with its detail).
    pub lang_error: RwSignal<Option<String>>,
    /// The viewport's width, CSS px (kept up to date by `App`): what an unset view
    /// setting is resolved with at render time (`ChartState::at_width`), never written
    /// into the view state or a link.
    pub viewport_css: RwSignal<f64>,
}

impl AppState {
    /// State holding `view`, in English unless the view names a language.
    pub fn new(view: ViewState) -> Self {
        Self::with_reader_lang(view, "en")
    }

    /// State holding `view`; `reader_lang` (a compiled-in tag, see
    /// [`Locale::negotiate`]) applies while the view names no language.
    pub fn with_reader_lang(view: ViewState, reader_lang: &'static str) -> Self {
        let view = RwSignal::new(view);
        let wanted = Memo::new(move |_| view.with(|s| s.lang).unwrap_or(reader_lang));
        let installed = RwSignal::new(0u32);
        Self {
            view,
            focus: RwSignal::new(None),
            wanted,
            lang: Memo::new(move |_| {
                installed.track();
                let tag = wanted.get();
                if Locale::installed(tag).is_some() {
                    tag
                } else {
                    "en"
                }
            }),
            installed,
            lang_error: RwSignal::new(None),
            viewport_css: RwSignal::new(viewport_width()),
        }
    }

    /// Whether the wanted language is still being fetched (not in effect, not failed).
    pub fn lang_pending(&self) -> bool {
        self.wanted.get() != self.lang.get() && self.lang_error.with(Option::is_none)
    }

    /// Opens the event lens at the event of `date`: every chart moves to the window
    /// around it (the `lens` key, so the view can be linked).
    pub fn open_lens(&self, date: Date) {
        self.edit("lens", &repricing_core::date::format_iso(date));
    }

    /// Applies a control's edit: key `key` set to `value` in URL form.
    pub fn edit(&self, key: &str, value: &str) {
        self.view.update(|s| {
            s.edit(key, value);
        });
    }
}

/// The browser window's inner width, CSS px (desktop-wide without a window).
pub fn viewport_width() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(1280.0)
}

/// The state from context, or a default one (components mounted alone, as in tests).
pub fn use_app() -> AppState {
    use_context::<AppState>().unwrap_or_else(|| {
        let s = AppState::new(ViewState::default());
        provide_context(s);
        s
    })
}

/// The reader's locale, from the app state in context (English without one). Reactive:
/// a closure or `Effect` that calls it re-runs when the language changes.
pub fn locale() -> &'static Locale {
    use_context::<AppState>().map_or_else(Locale::en, |app| Locale::get(app.lang.get()))
}

/// A message rendered in the reader's locale.
pub fn tm(m: &Msg) -> String {
    locale().render(m)
}

/// A message without arguments, rendered in the reader's locale.
pub fn t(id: &'static str) -> String {
    locale().render(&Msg::new(id))
}
