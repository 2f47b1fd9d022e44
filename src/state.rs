//! The page's one view state, in context: the shareable [`ViewState`] in one `RwSignal`
//! (every chart reads a `Memo` slice of it; a control is an edit of one URL key; a
//! permalink or a story step sets it whole) and the focused date that links the charts'
//! crosshairs. An `Effect` in `App` writes the state back to the address bar.

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
}

impl AppState {
    /// State holding `view`.
    pub fn new(view: ViewState) -> Self {
        Self {
            view: RwSignal::new(view),
            focus: RwSignal::new(None),
        }
    }

    /// Applies a control's edit: key `key` set to `value` in URL form.
    pub fn edit(&self, key: &str, value: &str) {
        self.view.update(|s| {
            s.edit(key, value);
        });
    }
}

/// The state from context, or a default one (components mounted alone, as in tests).
pub fn use_app() -> AppState {
    use_context::<AppState>().unwrap_or_else(|| {
        let s = AppState::new(ViewState::default());
        provide_context(s);
        s
    })
}

/// The reader's locale.
pub fn locale() -> &'static Locale {
    Locale::en()
}

/// A message rendered in the reader's locale.
pub fn tm(m: &Msg) -> String {
    locale().render(m)
}

/// A message without arguments, rendered in the reader's locale.
pub fn t(id: &'static str) -> String {
    locale().render(&Msg::new(id))
}
