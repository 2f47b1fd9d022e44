//! The story bar: the guided story of the core's story file, one step at a time. "Step 2
//! of 7", Previous and Next (and ← / → while the bar has focus), the step's title and
//! text with its computed values, and "Explore on your own" to leave. The step lives in
//! the URL (`step=3`); going to a step sets the whole view to the step's view
//! ([`story::step_state`]) and brings its chart into sight ([`browser::scroll_to_chart`]).

use crate::browser;
use crate::state::{t, tm, use_app, AppState};
use leptos::prelude::*;
use repricing_core::text::Msg;
use repricing_core::views::state::Chart;
use repricing_core::views::story::{self, Piece, Step, StoryData};
use repricing_core::Snapshot;
use std::sync::{Arc, OnceLock};

/// One rendered step: title, then its text as (is a computed value, text) pieces, or the
/// reason it cannot be shown.
type Rendered = (String, Result<Vec<(bool, String)>, String>);

fn render(app: AppState, data: &StoryData, step: &Step, index: usize) -> Rendered {
    let view_ok = app
        .view
        .with_untracked(|s| story::step_state(s, step, index).map(|_| ()));
    let text = view_ok
        .and_then(|()| data.text(step))
        .map_err(|m| tm(&m))
        .map(|pieces| {
            pieces
                .into_iter()
                .map(|p| match p {
                    Piece::Text(s) => (false, s),
                    Piece::Value(m) => (true, tm(&m)),
                })
                .collect()
        });
    (step.title.clone(), text)
}

/// The story bar for a loaded snapshot. In an embed (`embed=story`) it opens at step 1,
/// never scrolls, and "Explore on your own" links to the full page.
#[component]
pub fn StoryBar(
    /// The snapshot the values are computed from.
    snapshot: Arc<Snapshot>,
    /// Rendered inside the story iframe.
    #[prop(optional)]
    embed: bool,
) -> impl IntoView {
    let app = use_app();
    let steps = match story::for_lang(app.lang.get_untracked()) {
        Ok(steps) => steps,
        Err(e) => {
            let m = Msg::new("story-error-file").text("detail", e.to_string());
            return view! { <p class="chart-error story-error" role="alert">{tm(&m)}</p> }.into_any();
        }
    };
    // The values a step cites, worked out from the snapshot when a step is first shown:
    // not while the page loads (most readers never open the story).
    let data = OnceLock::<StoryData>::new();
    let total = steps.len();
    // Go to step `n` (1-based): the whole view becomes the step's view.
    let go = move |n: usize, scroll: bool| {
        let n = n.clamp(1, total);
        let Some(step) = steps.get(n - 1) else { return };
        let mut chart = None;
        app.view.update(|s| match story::step_state(s, step, n - 1) {
            Ok((next, c)) => {
                *s = next;
                chart = Some(c);
            }
            Err(_) => s.step = Some(n),
        });
        if let (Some(c), true) = (chart, scroll && !embed) {
            browser::scroll_to_chart(c.key(), browser::Scroll::Chart { smooth: true });
        }
    };
    // A link that opens at a step applies that step's view (the page scrolls to its
    // chart once every section is built).
    match app.view.with_untracked(|s| s.step) {
        Some(n) => go(n, false),
        None if embed => go(1, false),
        None => {}
    }
    let current = Memo::new(move |_| app.view.with(|s| s.step.map(|n| n.clamp(1, total))));
    let rendered = Memo::new(move |_| {
        let (n, step) = current.get().and_then(|n| Some((n, steps.get(n - 1)?)))?;
        let data = data.get_or_init(|| StoryData::from_snapshot(&snapshot));
        Some(render(app, data, step, n - 1))
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(n) = current.get_untracked() else { return };
        match ev.key().as_str() {
            "ArrowLeft" if n > 1 => {
                ev.prevent_default();
                go(n - 1, true);
            }
            "ArrowRight" if n < total => {
                ev.prevent_default();
                go(n + 1, true);
            }
            _ => {}
        }
    };
    let full_page = move || {
        let mut s = app.view.get();
        s.story_embed = false;
        s.step = None;
        browser::link(&s.to_query(false), s.section.map(Chart::key))
    };
    let explore = move || {
        if embed {
            view! {
                <a class="story-explore" href=full_page target="_blank" rel="noopener">
                    {t("story-explore")}
                </a>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="story-explore" on:click=move |_| app.view.update(|s| s.step = None)>
                    {t("story-explore")}
                </button>
            }
            .into_any()
        }
    };
    let body = move || match rendered.get() {
        None => view! {
            <button type="button" class="story-start" on:click=move |_| go(1, true)>
                {t("story-start")}
            </button>
        }
        .into_any(),
        Some((title, text)) => {
            let n = current.get().unwrap_or(1);
            let text = match text {
                Ok(pieces) => view! {
                    <p class="story-text">
                        {pieces
                            .into_iter()
                            .map(|(value, s)| {
                                if value {
                                    view! { <strong class="story-value">{s}</strong> }.into_any()
                                } else {
                                    s.into_any()
                                }
                            })
                            .collect_view()}
                    </p>
                }
                .into_any(),
                Err(e) => view! { <p class="chart-error story-error" role="alert">{e}</p> }.into_any(),
            };
            view! {
                <div class="story-nav">
                    <p class="story-count" aria-live="polite">
                        {tm(&Msg::new("story-step-of").text("n", n.to_string()).text("of", total.to_string()))}
                    </p>
                    {explore}
                    <button type="button" class="story-prev" disabled={n <= 1} on:click=move |_| go(n - 1, true)>
                        <span aria-hidden="true">"← "</span>
                        <span class="story-word">{t("story-previous")}</span>
                    </button>
                    <button type="button" class="story-next" disabled={n >= total} on:click=move |_| go(n + 1, true)>
                        <span class="story-word">{t("story-next")}</span>
                        <span aria-hidden="true">" →"</span>
                    </button>
                </div>
                <h2 class="story-title">{title}</h2>
                {text}
            }
            .into_any()
        }
    };
    view! {
        <section
            class="story-bar"
            class:active=move || current.get().is_some()
            aria-label=t("story-label")
            tabindex="0"
            on:keydown=on_key
        >
            {body}
        </section>
    }
    .into_any()
}
