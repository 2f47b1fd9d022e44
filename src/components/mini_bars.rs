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
    // Scale: above zero the largest value or band, below it the largest |negative value|
    // or band, each rounded up to a tenth (ticks a reader can use, room for the emphasised
    // bar's value): no empty half when every bar is positive.
    let nice = |v: f64| ((v * 10.0 + 1e-9).ceil() / 10.0).clamp(0.1, 1.0);
    let reach = |f: fn(f64) -> f64| {
        bars.bars
            .iter()
            .flat_map(|b| [b.value.map_or(0.0, f).max(0.0), b.band])
            .filter(|v| v.is_finite())
            .fold(0.0f64, f64::max)
    };
    let (up, down) = (nice(reach(|v| v)), nice(reach(|v| -v)));
    let total = up + down;
    // Percent of the plot's height from its top.
    let at = move |v: f64| ((up - v.clamp(-down, up)) / total * 100.0).clamp(0.0, 100.0);
    let zero = at(0.0);
    let items = bars
        .bars
        .iter()
        .map(|b| {
            let v = b.value.unwrap_or(0.0);
            let style = if v >= 0.0 {
                format!("top:{:.1}%;bottom:{:.1}%", at(v), 100.0 - zero)
            } else {
                format!("top:{zero:.1}%;bottom:{:.1}%", 100.0 - at(v))
            };
            let band = format!("top:{:.1}%;bottom:{:.1}%", at(b.band), 100.0 - at(-b.band));
            let class = if b.highlight { "mini-bar highlight" } else { "mini-bar" };
            let outside = b.value.is_some_and(|v| v.abs() > b.band);
            // The emphasised bar carries its value at its end, and its lag under it.
            let value_label = b.value.filter(|_| b.highlight).map(|v| {
                let place = if v >= 0.0 {
                    format!("bottom:{:.1}%", 100.0 - at(v))
                } else {
                    format!("top:{:.1}%", at(v))
                };
                view! { <span class="mini-value" style=place>{locale().number(v, NumFmt::Corr)}</span> }
            });
            view! {
                <div class="mini-col" class:highlighted=b.highlight data-tick=b.tick.key() title=tm(&b.text)>
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
                <span class="mini-tick" style="top:0">{locale().number(up, NumFmt::Corr)}</span>
                <span class="mini-tick" style=format!("top:{zero:.1}%")>{locale().number(0.0, NumFmt::Corr)}</span>
                // The bottom tick where it has room below zero's.
                {(100.0 - zero >= 25.0).then(|| view! { <span class="mini-tick" style="top:100%">{locale().number(-down, NumFmt::Corr)}</span> })}
                <span class="mini-zero" style=format!("top:{zero:.1}%")></span>
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
