//! The language switch in the masthead: one option per language of the page, each named
//! in its own language (and marked with its `lang`), so a reader finds theirs whatever the
//! page's current language. While a language's files are fetched it says so, and if they
//! cannot be, why (the page stays in English).

use crate::components::error_box::split_detail;
use crate::state::{t, tm, use_app, AppState};
use leptos::prelude::*;
use repricing_core::text::{Locale, Msg};
use wasm_bindgen::JsCast;

/// A small labelled `<select>`; a choice sets the view's `lang` (and so the URL).
#[component]
pub fn LangSwitch() -> impl IntoView {
    let app = use_app();
    let options = Locale::tags()
        .map(|tag| {
            view! {
                <option value=tag lang=tag selected=move || app.wanted.get() == tag>
                    {Locale::name(tag)}
                </option>
            }
        })
        .collect_view();
    let status = move || {
        let error = app.lang_error.get().map(|e| {
            let (sentence, detail) = split_detail(&e);
            view! { <span class="lang-status lang-failed" title=detail.map(str::to_owned)>{sentence.to_owned()}</span> }
                .into_any()
        });
        error.or_else(|| {
            app.lang_pending().then(|| {
                let name = Locale::name(app.wanted.get());
                view! { <span class="lang-status">{tm(&Msg::new("lang-loading").text("lang", name))}</span> }
                    .into_any()
            })
        })
    };
    // The page renders anew in a new language, switch included: the new switch takes the
    // focus the reader left on the old one.
    if REFOCUS.with(|r| r.replace(false)) {
        request_animation_frame(focus_switch);
    }
    view! {
        <div class="lang-switch">
            <label class="lang-switch-field">
                <span class="lang-switch-label">{t("lang-label")}</span>
                <select
                    prop:value=move || app.wanted.get()
                    on:change=move |ev| switch(app, &event_target_value(&ev))
                >
                    {options}
                </select>
            </label>
        </div>
        // In the masthead's flow (above the kicker), not over the title.
        <p class="lang-switch-status" role="status">{status}</p>
    }
}

thread_local! {
    /// Set by a choice in the switch: the switch the page renders next takes the focus.
    static REFOCUS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn focus_switch() {
    if let Some(select) = document()
        .query_selector(".lang-switch select")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = select.focus();
    }
}

/// Sets the language. The page renders again in it (once its files are in): the section
/// a link pointed at is forgotten (so the page does not jump there), and focus goes to
/// the new switch.
fn switch(app: AppState, tag: &str) {
    REFOCUS.with(|r| r.set(true));
    app.view.update(|s| {
        if s.edit("lang", tag) {
            s.section = None;
        }
    });
    request_animation_frame(focus_switch);
}
