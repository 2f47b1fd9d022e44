//! The events a chart draws, as buttons under it: each opens the event lens at its
//! event. The events the chart numbers (all of them on a phone, the crowded ones on a
//! wide chart) are listed in sight, explaining the numbers ("1 · 5 Aug 2021 · EIP-1559
//! (London)"); those it labels stay out of sight until the keyboard reaches them, so every
//! event on a chart can be opened from the keyboard too.

use crate::charts::{css_of, DrawnEvent};
use crate::state::{locale, t, tm, use_app};
use leptos::prelude::*;
use repricing_core::text::Msg;

/// The list of `events` drawn on the chart `key`.
#[component]
pub fn EventList(
    /// The chart's key (names the list).
    key: &'static str,
    /// The events of the chart's last draw.
    events: Signal<Vec<DrawnEvent>>,
) -> impl IntoView {
    let app = use_app();
    let label_id = format!("{key}-events-label");
    // An embed has no event lens to point to.
    let label = if app.view.with_untracked(|s| s.embed.is_some() || s.story_embed) {
        "events-list-label-embed"
    } else {
        "events-list-label"
    };
    let numbered = move || events.with(|e| e.iter().any(|e| e.number.is_some()));
    let items = move || {
        events
            .get()
            .into_iter()
            .map(|e| {
                let date = e.date;
                // Where its label or marker is on the chart, CSS px (for tests and tools).
                let dpr = window().device_pixel_ratio().max(1.0);
                let (cx, cy) = e.hit.centre();
                let at = format!("{:.0},{:.0}", css_of(cx, dpr), css_of(cy, dpr));
                let text = match e.number {
                    Some(n) => numbered_event(n, date, &e.label),
                    None => tm(&Msg::new("event-item-labelled")
                        .text("date", locale().date(date))
                        .text("event", e.label.clone())),
                };
                view! {
                    <li class:labelled=e.number.is_none()>
                        <button
                            type="button"
                            class="event-open"
                            data-date=repricing_core::date::format_iso(date)
                            data-number=e.number.map(|n| n.to_string())
                            data-at=at
                            on:click=move |_| open(app, date)
                        >
                            {text}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || events.with(|e| !e.is_empty())>
            <div
                class="chart-events"
                class:numbered=numbered
                role="group"
                aria-labelledby=label_id.clone()
            >
                <p class="chart-events-label" id=label_id.clone()>{t(label)}</p>
                <ol>{items}</ol>
            </div>
        </Show>
    }
}

/// Opens the lens at `date` and takes the reader to its panel (on the page; an embed has
/// none, its chart moves).
pub fn open(app: crate::state::AppState, date: repricing_core::Date) {
    app.open_lens(date);
    // After the lens panel re-rendered with the event selected.
    request_animation_frame(move || {
        let select = document()
            .query_selector(".lens select")
            .ok()
            .flatten()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(select) = select {
            let _ = select.focus();
        }
    });
}

/// "9 · 10 Oct 2025 · Liquidation cascade": an event as the page numbers it (under the
/// charts and in the lens's picker).
pub fn numbered_event(n: usize, date: repricing_core::Date, label: &str) -> String {
    tm(&Msg::new("event-item")
        .text("n", n.to_string())
        .text("date", locale().date(date))
        .text("event", label))
}
