//! The line at the top of the page while an event is picked in the event lens: which event,
//! the window every chart shows, and a button back to all the data (words from the core's
//! `views::lens::lens_notice`).

use crate::state::{t, tm, use_app};
use leptos::prelude::*;
use repricing_core::views::lens::lens_notice;
use repricing_core::Snapshot;
use std::sync::Arc;

/// The lens notice for `snapshot`: nothing while no event is picked.
#[component]
pub fn LensNotice(snapshot: Arc<Snapshot>) -> impl IntoView {
    let app = use_app();
    let notice = Memo::new(move |_| app.view.with(|s| lens_notice(&snapshot, s.lens, s.lens_days)));
    move || {
        notice.get().map(|m| {
            view! {
                <p class="lens-notice">
                    <span>{tm(&m)}</span>
                    <button type="button" on:click=move |_| app.edit("lens", "")>{t("lens-clear")}</button>
                </p>
            }
        })
    }
}
