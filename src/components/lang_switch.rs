//! The language switch in the masthead: one option per compiled-in locale, each named in
//! its own language (and marked with its `lang`), so a reader finds theirs whatever the
//! page's current language.

use crate::state::{t, use_app, AppState};
use leptos::prelude::*;
use repricing_core::text::{Locale, Msg};
use wasm_bindgen::JsCast;

/// A small labelled `<select>`; a choice sets the view's `lang` (and so the URL).
#[component]
pub fn LangSwitch() -> impl IntoView {
    let app = use_app();
    let options = Locale::tags()
        .map(|tag| {
            let name = Locale::get(tag).render(&Msg::new("lang-name"));
            view! {
                <option value=tag lang=tag selected=move || app.lang.get() == tag>
                    {name}
                </option>
            }
        })
        .collect_view();
    view! {
        <label class="lang-switch">
            <span class="lang-switch-label">{t("lang-label")}</span>
            <select
                prop:value=move || app.lang.get()
                on:change=move |ev| switch(app, &event_target_value(&ev))
            >
                {options}
            </select>
        </label>
    }
}

/// Sets the language. The page renders again in it: the section a link pointed at is
/// forgotten (so the page does not jump there), and focus returns to the new switch.
fn switch(app: AppState, tag: &str) {
    app.view.update(|s| {
        if s.edit("lang", tag) {
            s.section = None;
        }
    });
    request_animation_frame(|| {
        if let Some(select) = document()
            .query_selector(".lang-switch select")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = select.focus();
        }
    });
}
