//! A range brush over a chart's whole date span: a track, the selected band and two
//! handles. Drag on the track to select a new span, drag the band to move it, drag a
//! handle to move one end, double-click to go back to the chart's default range. The
//! handles are sliders for the keyboard (← / → a day, Page Up / Page Down a month,
//! Home / End to the limit), their values read as dates in the reader's locale. Every edit
//! is one range in URL form passed to `pick`, like every other control.

use crate::state::{locale, t};
use leptos::html::Div;
use leptos::prelude::*;
use repricing_core::date::{add_days, days_between, format_iso};
use repricing_core::views::range::{months_before, Span};
use repricing_core::Date;

/// What a pointer drag is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drag {
    /// Selecting a new span from this day.
    New(Date),
    /// Moving the start.
    From,
    /// Moving the end.
    To,
    /// Moving the band, grabbed this many days after its start.
    Band(i64),
}

/// The two ends of a brush.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    From,
    To,
}

/// A span in URL form.
fn url(span: Span) -> String {
    format!("{}..{}", format_iso(span.from), format_iso(span.to))
}

/// The brush for data covering `first ..= last`.
#[component]
pub fn RangeBrush(
    /// The span shown.
    #[prop(into)]
    span: Signal<Span>,
    /// First date with data.
    first: Date,
    /// Last date with data.
    last: Date,
    /// The range a double-click goes back to, in URL form (`2Y`).
    reset: String,
    /// Called with the new range in URL form.
    pick: Callback<String>,
) -> impl IntoView {
    let total = days_between(first, last).max(1);
    let track = NodeRef::<Div>::new();
    let drag = RwSignal::new(None::<Drag>);
    let draft = RwSignal::new(None::<Span>);
    let shown = Signal::derive(move || draft.get().unwrap_or_else(|| span.get()));
    let pct = move |d: Date| (days_between(first, d) as f64 / total as f64 * 100.0).clamp(0.0, 100.0);
    let clamp = move |d: Date| d.clamp(first, last);
    // A span that misses the data (a lens window, a hand-typed link) sits at the track's
    // end: keys and the handles' values start from there.
    let inside = move |s: Span| Span {
        from: clamp(s.from),
        to: clamp(s.to),
    };
    let day_at = move |client_x: i32| -> Option<Date> {
        let rect = track.get_untracked()?.get_bounding_client_rect();
        let frac = ((f64::from(client_x) - rect.left()) / rect.width().max(1.0)).clamp(0.0, 1.0);
        add_days(first, (frac * total as f64).round() as i64)
    };
    // A new range can change what is laid out above the brush (the events listed under
    // the chart, the summary): the brush stays under the pointer.
    let in_place = move |change: &dyn Fn()| {
        crate::browser::keep_in_place(track.get_untracked().map(web_sys::Element::from), change);
    };
    let start = move |ev: web_sys::PointerEvent, mode: Drag| {
        if ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        ev.stop_propagation();
        if let Some(el) = track.get_untracked() {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        drag.set(Some(mode));
        draft.set(Some(span.get_untracked()));
    };
    let on_track_down = move |ev: web_sys::PointerEvent| {
        if let Some(d) = day_at(ev.client_x()) {
            start(ev, Drag::New(d));
        }
    };
    let on_band_down = move |ev: web_sys::PointerEvent| {
        if let Some(d) = day_at(ev.client_x()) {
            start(ev, Drag::Band(days_between(span.get_untracked().from, d)));
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let (Some(mode), Some(d), Some(cur)) =
            (drag.get_untracked(), day_at(ev.client_x()), draft.get_untracked())
        else {
            return;
        };
        let next = match mode {
            Drag::New(a) => Span {
                from: a.min(d),
                to: a.max(d),
            },
            Drag::From => Span {
                from: d.min(cur.to),
                to: cur.to,
            },
            Drag::To => Span {
                from: cur.from,
                to: d.max(cur.from),
            },
            Drag::Band(offset) => {
                let width = days_between(cur.from, cur.to);
                let max_start = add_days(last, -width).unwrap_or(first);
                let from = add_days(d, -offset)
                    .unwrap_or(first)
                    .clamp(first, max_start.max(first));
                Span {
                    from,
                    to: add_days(from, width).map_or(last, clamp),
                }
            }
        };
        draft.set(Some(next));
    };
    let on_up = move |_ev: web_sys::PointerEvent| {
        let (mode, result) = (drag.get_untracked(), draft.get_untracked());
        drag.set(None);
        draft.set(None);
        if let (Some(mode), Some(s)) = (mode, result) {
            // A click without a drag selects nothing.
            let clicked = matches!(mode, Drag::New(_)) && s.from == s.to;
            if !clicked && s != span.get_untracked() {
                in_place(&|| pick.run(url(s)));
            }
        }
    };
    let on_cancel = move |_ev: web_sys::PointerEvent| {
        drag.set(None);
        draft.set(None);
    };
    let on_dblclick = move |_ev: web_sys::MouseEvent| in_place(&|| pick.run(reset.clone()));
    let on_key = move |end: End, ev: web_sys::KeyboardEvent| {
        let s = inside(span.get_untracked());
        let (now, lo, hi) = match end {
            End::From => (s.from, first, s.to),
            End::To => (s.to, s.from, last),
        };
        let next = match ev.key().as_str() {
            "ArrowLeft" | "ArrowDown" => add_days(now, -1),
            "ArrowRight" | "ArrowUp" => add_days(now, 1),
            "PageDown" => Some(months_before(now, 1)),
            "PageUp" => Some(months_before(now, -1)),
            "Home" => Some(lo),
            "End" => Some(hi),
            _ => return,
        };
        ev.prevent_default();
        let Some(next) = next.map(|d| d.clamp(lo, hi)) else {
            return;
        };
        if next != now {
            let span = match end {
                End::From => Span { from: next, to: s.to },
                End::To => Span {
                    from: s.from,
                    to: next,
                },
            };
            in_place(&|| pick.run(url(span)));
        }
    };
    let handle = move |end: End| {
        let (label, class) = match end {
            End::From => (t("control-from"), "brush-handle brush-from"),
            End::To => (t("control-to"), "brush-handle brush-to"),
        };
        let value = move || match end {
            End::From => shown.get().from,
            End::To => shown.get().to,
        };
        let (min, max) = (
            move || match end {
                End::From => "0".to_owned(),
                End::To => days_between(first, inside(shown.get()).from).to_string(),
            },
            move || match end {
                End::From => days_between(first, inside(shown.get()).to).to_string(),
                End::To => total.to_string(),
            },
        );
        let mode = match end {
            End::From => Drag::From,
            End::To => Drag::To,
        };
        view! {
            <div
                class=class
                role="slider"
                tabindex="0"
                aria-label=label
                aria-orientation="horizontal"
                aria-valuemin=min
                aria-valuemax=max
                aria-valuenow=move || days_between(first, clamp(value())).to_string()
                aria-valuetext=move || locale().date(value())
                style:left=move || format!("{:.3}%", pct(value()))
                on:pointerdown=move |ev| start(ev, mode)
                on:keydown=move |ev| on_key(end, ev)
            ></div>
        }
    };
    view! {
        <div class="brush" class:dragging=move || drag.get().is_some()>
            <div
                class="brush-track"
                node_ref=track
                on:pointerdown=on_track_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_cancel
                on:dblclick=on_dblclick
            >
                <div class="brush-rail"></div>
                <div
                    class="brush-band"
                    style:left=move || format!("{:.3}%", pct(shown.get().from))
                    style:width=move || format!("{:.3}%", pct(shown.get().to) - pct(shown.get().from))
                    on:pointerdown=on_band_down
                ></div>
                {handle(End::From)}
                {handle(End::To)}
            </div>
            <div class="brush-ends" aria-hidden="true">
                <span>{locale().date(first)}</span>
                <span>{locale().date(last)}</span>
            </div>
        </div>
    }
}
