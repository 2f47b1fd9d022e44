//! A chart's data as an HTML table (the core's `views::table`): exactly what the chart
//! shows, one column per series and one row per point — rolled up to weeks or months when
//! the view holds more points than a table can usefully hold, as its caption says.

use crate::state::tm;
use leptos::prelude::*;
use repricing_core::text::Msg;
use repricing_core::views::frame::Frame;
use repricing_core::views::table::table;
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
) -> impl IntoView {
    let caption_id = format!("{id}-caption");
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
    }
}
