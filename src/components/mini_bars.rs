//! A small companion bar chart in HTML (the lead–lag correlogram): bars around a zero
//! line, the band chance alone reaches shaded, the bar the sentence names emphasised.
//! Each bar's value is in its title and in a screen-reader list.

use crate::state::{locale, t, tm};
use leptos::prelude::*;
use repricing_core::text::NumFmt;
use repricing_core::views::chart::MiniBars as Bars;

/// The bars of `bars`.
#[component]
pub fn MiniBars(bars: Bars) -> impl IntoView {
    // Scale: the largest |value| or band, at least 0.2, rounded up to a tenth (a tick a
    // reader can use, with room for the emphasised bar's value), maps to half the height.
    let largest = bars
        .bars
        .iter()
        .flat_map(|b| [b.value.unwrap_or(0.0).abs(), b.band])
        .filter(|v| v.is_finite())
        .fold(0.2f64, f64::max);
    let top = ((largest * 10.0 + 1e-9).ceil() / 10.0).min(1.0);
    let pct = move |v: f64| (v.abs() / top * 50.0).clamp(0.0, 50.0);
    let items = bars
        .bars
        .iter()
        .map(|b| {
            let v = b.value.unwrap_or(0.0);
            let h = pct(v);
            let style = if v >= 0.0 {
                format!("bottom:50%;height:{h:.1}%")
            } else {
                format!("top:50%;height:{h:.1}%")
            };
            let band = format!("top:{:.1}%;bottom:{:.1}%", 50.0 - pct(b.band), 50.0 - pct(b.band));
            let class = if b.highlight { "mini-bar highlight" } else { "mini-bar" };
            let outside = b.value.is_some_and(|v| v.abs() > b.band);
            // The emphasised bar carries its value at its end.
            let value_label = b.value.filter(|_| b.highlight).map(|v| {
                let at = if v >= 0.0 {
                    format!("bottom:calc(50% + {h:.1}%)")
                } else {
                    format!("top:calc(50% + {h:.1}%)")
                };
                view! { <span class="mini-value" style=at>{locale().number(v, NumFmt::Corr)}</span> }
            });
            view! {
                <div class="mini-col" title=tm(&b.text)>
                    <span class="mini-band" style=band></span>
                    {b.value.map(|_| view! { <span class=class data-outside=outside.to_string() style=style></span> })}
                    {value_label}
                    <span class="mini-label" aria-hidden="true">{tm(&b.label)}</span>
                </div>
            }
        })
        .collect_view();
    let list = bars
        .bars
        .iter()
        .map(|b| view! { <li>{tm(&b.text)}</li> })
        .collect_view();
    view! {
        <figure class="mini">
            <figcaption>{tm(&bars.title)}</figcaption>
            <div class="mini-plot" aria-hidden="true">
                // The scale: the top and bottom of the plot, and zero.
                <span class="mini-tick" style="top:0">{locale().number(top, NumFmt::Corr)}</span>
                <span class="mini-tick" style="top:50%">{locale().number(0.0, NumFmt::Corr)}</span>
                <span class="mini-tick" style="top:100%">{locale().number(-top, NumFmt::Corr)}</span>
                <span class="mini-zero"></span>
                {items}
            </div>
            <p class="mini-axis" aria-hidden="true">{t("leadlag-axis")}</p>
            <div class="mini-ends" aria-hidden="true">
                <span>{tm(&bars.ends.0)}</span>
                <span>{tm(&bars.ends.1)}</span>
            </div>
            <p class="mini-key">{tm(&bars.key)}</p>
            <ul class="visually-hidden">{list}</ul>
        </figure>
    }
}
