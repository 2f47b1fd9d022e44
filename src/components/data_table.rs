//! A chart's data as an HTML table (the core's `views::table`): exactly what the chart
//! shows, one column per series and one row per point — rolled up to weeks or months when
//! the view holds more points than a table can usefully hold, as its caption says. Below it,
//! one table per statistic the chart states in words (`ChartView::stats`: regime periods,
//! the lead–lag correlogram, the model's monthly error), or the reason it has no rows.

use crate::state::tm;
use leptos::prelude::*;
use repricing_core::text::Msg;
use repricing_core::views::frame::Frame;
use repricing_core::views::table::{table, StatTable};
use std::sync::Arc;

/// Rows a table holds before it is rolled up.
pub const MAX_ROWS: usize = 200;

/// The table of `frame`, titled `title`, in a scrollable region with id `id`.
#[component]
pub fn DataTable(
    /// The element id (the toggle's `aria-controls`).
    id: String,
    /// The chart's frame.
    frame: Signal<Arc<Frame>>,
    /// The chart's title.
    title: Signal<Msg>,
    /// The chart's statistics tables.
    stats: Signal<Vec<StatTable>>,
) -> impl IntoView {
    let caption_id = format!("{id}-caption");
    let stats_id = format!("{id}-stats");
    let labelled_by = caption_id.clone();
    let data = Memo::new(move |_| {
        let f = frame.get();
        Arc::new(table(&f, &title.get(), MAX_ROWS))
    });
    let caption = move || data.with(|d| tm(&d.caption));
    let head = move || {
        data.with(|d| {
            d.columns
                .iter()
                .map(|c| view! { <th scope="col">{tm(c)}</th> })
                .collect_view()
        })
    };
    let body = move || {
        data.with(|d| {
            d.rows
                .iter()
                .map(|r| {
                    view! {
                        <tr>
                            <th scope="row">{tm(&r.header)}</th>
                            {r.cells.iter().map(|c| view! { <td>{tm(c)}</td> }).collect_view()}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let extra = move || {
        stats
            .get()
            .into_iter()
            .map(|t| {
                let head = t
                    .columns
                    .iter()
                    .map(|c| view! { <th scope="col">{tm(c)}</th> })
                    .collect_view();
                let rows = t
                    .rows
                    .iter()
                    .map(|r| {
                        let mut cells = r.iter();
                        let first = cells.next().map(|c| tm(&c.text())).unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{first}</th>
                                {cells.map(|c| view! { <td>{tm(&c.text())}</td> }).collect_view()}
                            </tr>
                        }
                    })
                    .collect_view();
                match &t.empty {
                    Some(why) => view! {
                        <p class="stat-empty" data-stat=t.key>
                            <strong>{tm(&t.title)}</strong>
                            " "
                            {tm(why)}
                        </p>
                    }
                    .into_any(),
                    None => view! {
                        <table class="stat-table" data-stat=t.key>
                            <caption>{tm(&t.title)}</caption>
                            <thead>
                                <tr>{head}</tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    }
                    .into_any(),
                }
            })
            .collect_view()
    };
    view! {
        <div class="data-table" id=id role="region" aria-labelledby=labelled_by tabindex="0">
            <table>
                <caption id=caption_id>{caption}</caption>
                <thead>
                    <tr>{head}</tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        <Show when=move || stats.with(|s| !s.is_empty())>
            <div
                class="stat-tables"
                id=stats_id.clone()
                role="region"
                aria-label=move || tm(&Msg::new("table-stats-label").msg("title", title.get()))
                tabindex="0"
            >
                {extra}
            </div>
        </Show>
    }
}
