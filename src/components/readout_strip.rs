//! The touch readout: one line above the plot with the touched date and every series'
//! value, in place of the floating tooltip, which a finger's chart would be covered by.
//! On a coarse-pointer screen it holds its two lines (with a hint) before the first
//! touch and never grows — a longer readout runs over the panel title below it — so the
//! chart under the finger never moves. It repeats what the chart shows, for sighted
//! touch readers; screen readers get the chart's keyboard announcements instead.

use crate::charts::engine::{Hover, HoverRow};
use crate::state::t;
use leptos::prelude::*;

/// The readout of `hover` (`None`: nothing touched yet).
#[component]
pub fn ReadoutStrip(
    /// What the finger is on.
    hover: Signal<Option<Hover>>,
) -> impl IntoView {
    view! {
        <div class="readout" aria-hidden="true">
            <div class="readout-body">
            {move || match hover.get() {
                None => view! { <span class="readout-hint">{t("readout-hint")}</span> }.into_any(),
                Some(h) => {
                    // One group per panel, in the chart's order, so the same name in two
                    // panels (a correlation and a price) reads as two things.
                    let mut groups: Vec<(usize, Vec<HoverRow>)> = Vec::new();
                    for r in h.rows {
                        match groups.last_mut() {
                            Some((panel, rows)) if *panel == r.panel => rows.push(r),
                            _ => groups.push((r.panel, vec![r])),
                        }
                    }
                    view! {
                        <span class="readout-title">{h.title}</span>
                        {groups
                            .into_iter()
                            .map(|(_, rows)| {
                                view! {
                                    <span class="readout-group">
                                        {rows.into_iter().map(item).collect_view()}
                                    </span>
                                }
                            })
                            .collect_view()}
                    }
                        .into_any()
                }
            }}
            </div>
        </div>
    }
}

/// One value: swatch, short name, value (a note without a series: its text alone).
fn item(r: HoverRow) -> impl IntoView {
    view! {
        <span class="readout-item">
            {r.color.map(|c| view! { <span class="swatch" style:background-color=c></span> })}
            <span class="readout-label">{r.short}</span>
            <span class="readout-value">{r.value}</span>
        </span>
    }
}
