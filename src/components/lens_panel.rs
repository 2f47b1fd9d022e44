//! The event lens: pick an event and a window; every chart moves to it, and a table
//! compares the days before with the days after (numbers from the core's
//! `views::lens`, each with n, or why it has none).

use crate::components::event_list::numbered_event;
use crate::components::segmented::Segmented;
use crate::state::{locale, t, tm, use_app};
use leptos::prelude::*;
use repricing_core::views::chart::Control;
use repricing_core::views::correlation::MarketData;
use repricing_core::views::lens::lens_view;
use repricing_core::views::state::ViewState;
use repricing_core::Snapshot;
use std::sync::Arc;

/// The lens panel for `snapshot`.
#[component]
pub fn LensPanel(snapshot: Arc<Snapshot>) -> impl IntoView {
    let app = use_app();
    let market = MarketData::from_snapshot(&snapshot).ok().map(Arc::new);
    let s = snapshot.clone();
    // The lens is worked out again only when what it reads changes, not on every control
    // of every chart.
    let part = Memo::new(move |_| app.view.with(ViewState::lens_part));
    let view = Memo::new(move |_| Arc::new(part.with(|p| lens_view(&s, market.as_deref(), p))));
    let initial = view.get_untracked();
    let options = initial.events.clone();
    let days = match &initial.days {
        Control::Choice {
            key, label, options, ..
        } => {
            let key = *key;
            let selected = Signal::derive(move || part.with(|p| p.lens_days.to_string()));
            let pick = Callback::new(move |value: String| app.edit(key, &value));
            let options = options.iter().map(|o| (o.value.clone(), tm(&o.label))).collect();
            Some(view! { <Segmented label=tm(label) options selected pick /> })
        }
        _ => None,
    };
    let table = move || {
        view.with(|l| {
            l.title.as_ref().map(|title| {
                let rows = l
                    .rows
                    .iter()
                    .map(|r| {
                        view! {
                            <tr>
                                <th scope="row">{tm(&r.label)}</th>
                                <td>{tm(&r.before)}</td>
                                <td>{tm(&r.after)}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let about = l
                    .about
                    .as_ref()
                    .map(|a| view! { <p class="subtitle lens-about">{locale().data(a)}</p> });
                view! {
                    {about}
                    <table class="lens-table">
                        <caption>{tm(title)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t("lens-col-measure")}</th>
                                <th scope="col">{t("lens-col-before")}</th>
                                <th scope="col">{t("lens-col-after")}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    <p class="note">{tm(&l.rule)}</p>
                }
            })
        })
    };
    view! {
        <section class="lens" aria-labelledby="lens-title">
            <h2 id="lens-title" class="lens-heading">{t("lens-heading")}</h2>
            <p class="lens-intro">{t("lens-intro")}</p>
            <div class="control-row">
                <label class="lens-pick">
                    <span class="control-label">{t("lens-pick")}</span>
                    <select
                        prop:value=move || view.with(|l| l.selected.clone())
                        on:change=move |ev| app.edit("lens", &event_target_value(&ev))
                    >
                        <option value="">{t("lens-none")}</option>
                        {options
                            .into_iter()
                            .map(|e| {
                                // Numbered as on the charts.
                                let text = numbered_event(e.number, e.date, &locale().data(&e.label));
                                view! { <option value=e.value>{text}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                {days}
            </div>
            {table}
        </section>
    }
}
