//! The controls of one chart, rendered from the core's [`Control`] list: choices as
//! segmented buttons, toggles as legend chips, the range as presets and a brush. Each control
//! is built once per shape (its key and options) and only its pressed state follows the
//! view, so keyboard focus stays on the button a reader pressed.

use crate::charts::engine::color;
use crate::components::chip::Chip;
use crate::components::range_picker::RangePicker;
use crate::components::segmented::Segmented;
use crate::state::{tm, use_app};
use crate::theme::Theme;
use leptos::prelude::*;
use repricing_core::views::chart::{ChartView, Control};
use repricing_core::views::range::RangeChoice;
use std::sync::Arc;

/// A control's shape: what must stay the same for its DOM to be kept.
fn shape(c: &Control) -> String {
    match c {
        Control::Choice { key, options, .. } => {
            format!(
                "{key}:{}",
                options
                    .iter()
                    .map(|o| o.value.as_str())
                    .collect::<Vec<_>>()
                    .join("|")
            )
        }
        Control::Toggles { key, items, .. } => {
            format!(
                "{key}:{}",
                items.iter().map(|i| tm(&i.label)).collect::<Vec<_>>().join("|")
            )
        }
        Control::Range { key, first, last, .. } => format!("{key}:{first}:{last}"),
    }
}

/// Every control of `view`.
#[component]
pub fn ControlBar(view: Memo<Arc<ChartView>>) -> impl IntoView {
    let shapes = Memo::new(move |_| view.with(|v| v.controls.iter().map(shape).collect::<Vec<_>>()));
    view! {
        <div class="controls">
            <For each=move || shapes.get() key=|s| s.clone() let:s>
                <OneControl shape=s shapes view />
            </For>
        </div>
    }
}

/// The control of `view` whose shape is `shape`.
#[component]
fn OneControl(shape: String, shapes: Memo<Vec<String>>, view: Memo<Arc<ChartView>>) -> impl IntoView {
    let app = use_app();
    let theme = crate::use_theme();
    // This control in the current view: found by the shapes the bar computed once per
    // view (not each control computing every shape), and equal values notify nobody.
    let current = Memo::new(move |_| {
        let at = shapes.with(|all| all.iter().position(|s| *s == shape))?;
        view.with(|v| v.controls.get(at).cloned())
    });
    let Some(initial) = current.get_untracked() else {
        return ().into_any();
    };
    let key = initial.key();
    let pick = Callback::new(move |value: String| app.edit(key, &value));
    match initial {
        Control::Choice {
            label,
            shown,
            options,
            ..
        } => {
            let selected = Signal::derive(move || match current.get() {
                Some(Control::Choice { options, .. }) => options
                    .into_iter()
                    .find(|o| o.selected)
                    .map(|o| o.value)
                    .unwrap_or_default(),
                _ => String::new(),
            });
            let options = options.iter().map(|o| (o.value.clone(), tm(&o.label))).collect();
            let label = tm(&label);
            let shown = shown
                .then(|| view! { <span class="control-label" aria-hidden="true">{label.clone()}</span> });
            view! { <div class="control-row">{shown}<Segmented label options selected pick /></div> }
                .into_any()
        }
        Control::Toggles { label, items, .. } => {
            let chips = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let item_now = move || match current.get() {
                        Some(Control::Toggles { items, .. }) => items.into_iter().nth(i),
                        _ => None,
                    };
                    let on = Signal::derive(move || item_now().is_some_and(|x| x.on));
                    let disabled = Signal::derive(move || item_now().is_some_and(|x| x.locked));
                    let role = item.color;
                    let c = Signal::derive(move || Theme::css(color(&theme.get(), role)));
                    let toggle = Callback::new(move |_show: bool| {
                        if let Some(x) = item_now() {
                            app.edit(key, &x.value_after);
                        }
                    });
                    view! { <Chip label=tm(&item.label) color=c on toggle disabled /> }
                })
                .collect_view();
            view! {
                <div class="chips" role="group" aria-label=tm(&label)>
                    <span class="control-label">{tm(&label)}</span>
                    {chips}
                </div>
            }
            .into_any()
        }
        Control::Range { first, last, .. } => {
            let choice = Signal::derive(move || match current.get() {
                Some(Control::Range { choice, .. }) => choice,
                _ => RangeChoice::Preset(repricing_core::views::range::Preset::All),
            });
            let span = Signal::derive(move || match current.get() {
                Some(Control::Range { span, .. }) => span,
                _ => repricing_core::views::range::RangeChoice::Preset(
                    repricing_core::views::range::Preset::All,
                )
                .shown(first, last),
            });
            let reset = repricing_core::views::state::ViewState::default().get(key);
            view! { <div class="control-row"><RangePicker choice span first last reset pick /></div> }
                .into_any()
        }
    }
}
