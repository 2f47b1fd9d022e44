//! The touch readout: the touched date and every series' value above the plot, in place
//! of the floating tooltip, which a finger's chart would be covered by.
//!
//! It never moves the chart under the finger: on a coarse-pointer screen it holds two
//! lines (with a hint) from the start, and a readout longer than that (a three-panel
//! chart at 320 px) runs on over the panel title below, at the top of the chart, away from
//! the finger. It repeats what the chart shows, for sighted touch readers; screen readers
//! get the chart's keyboard announcements instead.

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
                    Some(h) => body(h).into_any(),
                }}
            </div>
        </div>
    }
}

/// The date, then one group per panel in the chart's order (so the same name in two
/// panels — a correlation and a price — reads as two things). Notes without a series
/// (which trading days a week holds) are the tooltip's, not the strip's.
fn body(h: Hover) -> impl IntoView {
    let mut groups: Vec<(usize, Vec<HoverRow>)> = Vec::new();
    for r in h.rows.into_iter().filter(|r| r.color.is_some()) {
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
                view! { <span class="readout-group">{rows.into_iter().map(item).collect_view()}</span> }
            })
            .collect_view()}
    }
}

/// One value: swatch, short name, value.
fn item(r: HoverRow) -> impl IntoView {
    view! {
        <span class="readout-item">
            {r.color.map(|c| view! { <span class="swatch" style:background-color=c></span> })}
            <span class="readout-label">{r.short}</span>
            <span class="readout-value">{r.value}</span>
        </span>
    }
}
