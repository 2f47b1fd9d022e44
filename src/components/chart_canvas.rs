//! The canvas pair every chart is drawn in: a base canvas the engine redraws when the
//! frame, size or theme change, and an overlay canvas for the crosshair, redrawn alone when
//! the page's focused date moves — so pointing at a date in one chart shows it in all of
//! them (linked time), with the tooltip in the chart being pointed at.
//!
//! The chart is one tab stop. Once it has focus, ←/→ move a point, PageUp/PageDown a month,
//! Home/End to the ends and Esc closes the tooltip; the instructions show while it has
//! focus, and each keyboard move is announced by a live region outside the `role="img"`
//! element (whose children a screen reader does not read). Pointer moves are not announced.
//! The tooltip stays while the pointer is over it and Esc dismisses it (WCAG 1.4.13).
//!
//! A finger gets no tooltip (it would cover the chart it points at): on touch input, or
//! any pointer on a coarse-pointer screen, the one-line [`ReadoutStrip`] above the plot
//! shows the touched date and values; a mouse and the keyboard keep the tooltip.
//!
//! Events: the engine reports the events it drew with their pointer targets (canvas
//! px); a click or tap on a label or numbered marker opens the event lens at it, and
//! [`EventList`] under the chart lists them (explaining the numbers on a phone) as
//! buttons that do the same from the keyboard.

use crate::charts::canvas::ChartCanvas2d;
use crate::charts::engine::{self, Hover};
use crate::charts::{nearest_index, DrawnEvent, HoverMap, Style};
use crate::components::event_list::{self, EventList};
use crate::components::readout_strip::ReadoutStrip;
use crate::data::mark;
use crate::state::{locale, t, tm, use_app, Focus};
use crate::theme::Theme;
use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use repricing_core::text::{Locale, Msg};
use repricing_core::views::day_x;
use repricing_core::views::frame::Frame;
use repricing_core::views::range::months_before;
use repricing_core::views::state::Chart;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A chart's canvas, overlay and tooltip.
#[component]
pub fn ChartCanvas(
    /// Which chart (names its performance marks `chart-drawn:<key>`, read by
    /// scripts/bench.sh, and the source of its focus).
    chart: Chart,
    /// The frame to draw.
    frame: Signal<Arc<Frame>>,
    /// CSS height for a CSS width.
    height: fn(f64) -> f64,
    /// The chart's accessible name.
    #[prop(into)]
    label: Signal<String>,
    /// Ids of the elements describing the chart (takeaway, series and sources).
    described_by: String,
) -> impl IntoView {
    let name = chart.key();
    let theme = crate::use_theme();
    let app = use_app();
    let sizer = NodeRef::<Div>::new();
    let base = NodeRef::<Canvas>::new();
    let overlay = NodeRef::<Canvas>::new();
    let css_width = RwSignal::new(0.0f64);
    let hover_map = StoredValue::new(HoverMap::default());
    let redraw_overlay = RwSignal::new(0u32);
    // Whether the overlay holds a drawing. Until a point is first shown it has no 2D
    // context, so no backing store to allocate, clear or hand to the compositor with
    // every frame the page loads in.
    let overlay_inked = StoredValue::new(false);
    let draw_error = RwSignal::new(None::<String>);
    // Until the first draw sizes the canvas, the figure holds the chart's height by CSS
    // (`.unsized`, the same formula as `chart_height`): nothing below it moves when the
    // chart arrives.
    let sized = RwSignal::new(false);
    // The point of this chart at the page's focused date (None when outside its range).
    let hovered = Memo::new(move |_| {
        let focus = app.focus.get()?;
        let f = frame.get();
        let i = f.index_near(focus.date)?;
        let reach = f.bar_days.unwrap_or(1.0) + 3.0;
        let d = *f.x.get(i)?;
        ((day_x(d) - day_x(focus.date)).abs() <= reach).then_some((i, focus.source == chart))
    });
    let set_index = move |i: Option<usize>| {
        let date = i.and_then(|i| frame.with_untracked(|f| f.x.get(i).copied()));
        app.focus.set(date.map(|date| Focus { date, source: chart }));
    };
    let tooltip = RwSignal::new(None::<(Hover, f64, f64)>);
    // The last input was a finger (or any pointer on a coarse-pointer screen): the
    // readout strip replaces the tooltip.
    let touch = RwSignal::new(false);
    let coarse = crate::browser::media_matches("(pointer: coarse)");
    // The events of the last draw, and whether the pointer is on one.
    let events = RwSignal::new(Vec::<DrawnEvent>::new());
    let on_event = RwSignal::new(false);
    // What the live region says: set by keyboard moves only.
    let announce = RwSignal::new(String::new());
    let keys_id = format!("{name}-keys");
    let described_by = format!("{described_by} {keys_id}");
    // Esc dismisses a pointer's tooltip too, wherever focus is.
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && hovered.get_untracked().is_some_and(|(_, own)| own) {
            set_index(None);
        }
    });
    on_cleanup(move || esc.remove());

    let embed = use_context::<crate::browser::EmbedReporter>();
    // The width comes from the browser's own layout (a zero-height sizer, so drawing,
    // which sets the chart's height, does not report a change back).
    let set_width = move |w: f64| {
        if w != css_width.get_untracked() {
            css_width.set(w);
        }
    };
    Effect::new(move |_| {
        let Some(el) = sizer.get() else {
            return;
        };
        match crate::browser::WidthObserver::new(&el, set_width) {
            Some(observer) => on_cleanup(move || drop(observer)),
            None => set_width(f64::from(el.client_width())),
        }
        // Browsers pause rendering, and with it resize observation, in an off-screen
        // cross-origin iframe (an embed further down an article): a chart that has no
        // width yet measures once itself, so it draws and reports its height.
        // (The chart may be gone by then: a language switch renders the page anew.)
        set_timeout(
            move || {
                if css_width.try_get_untracked().is_some_and(|w| w <= 0.0) {
                    if let Some(el) = sizer.try_get_untracked().flatten() {
                        set_width(f64::from(el.client_width()));
                    }
                }
            },
            std::time::Duration::from_millis(100),
        );
    });

    let style = move || Style {
        theme: theme.get(),
        dpr: window().device_pixel_ratio().max(1.0),
        css_width: css_width.get(),
    };

    // Base canvas: data, size and theme.
    Effect::new(move |_| {
        let frame = frame.get();
        let style = style();
        let (Some(canvas), Some(over)) = (base.get(), overlay.get()) else {
            return;
        };
        if style.css_width <= 0.0 {
            return;
        }
        mark(&format!("chart-draw-start:{name}"));
        let css_h = height(style.css_width);
        for c in [&canvas, &over] {
            size_canvas(c, style.css_width, css_h, style.dpr);
        }
        if !sized.get_untracked() {
            sized.set(true);
        }
        let result = ChartCanvas2d::new(canvas)
            .ok_or_else(|| "this browser has no 2D canvas".to_owned())
            .and_then(|backend| engine::draw(&backend.into_drawing_area(), &frame, &style, locale()));
        match result {
            Ok(map) => {
                if events.with_untracked(|e| *e != map.events) {
                    events.set(map.events.clone());
                }
                hover_map.set_value(map);
                draw_error.set(None);
                mark(&format!("chart-drawn:{name}"));
            }
            Err(e) => draw_error.set(Some(e)),
        }
        clear_inked(&over, overlay_inked);
        redraw_overlay.update(|n| *n += 1);
        if let Some(reporter) = embed {
            reporter.report();
        }
    });

    // Overlay: only the hovered point (and after every base draw). The chart the pointer
    // is in draws at once; a chart that only follows its date (the linked crosshair)
    // draws in the next animation frame, still before that frame is painted, so the
    // pointer's own chart does not wait for the others.
    let draw_hover = move |hovered: Option<(usize, bool)>, locale: &'static Locale| {
        let Some(over) = overlay.get_untracked() else {
            return;
        };
        clear_inked(&over, overlay_inked);
        let style = Style {
            theme: theme.get_untracked(),
            dpr: window().device_pixel_ratio().max(1.0),
            css_width: css_width.get_untracked(),
        };
        let map = hover_map.get_value();
        let hover = hovered.and_then(|(i, own)| {
            Some((
                engine::hover(&frame.get_untracked(), i, &map, &style.theme, locale)?,
                own,
            ))
        });
        match hover {
            Some((h, own)) => {
                let x_canvas = map.panels.first().map_or(0.0, |p| p.x_px(h.x));
                draw_overlay(&over, &map, &h, &style);
                overlay_inked.set_value(true);
                mark(&format!("overlay-drawn:{name}"));
                tooltip.set(own.then(|| (h, x_canvas / style.dpr, style.css_width)));
            }
            None => tooltip.set(None),
        }
    };
    let overlay_pending = StoredValue::new(false);
    Effect::new(move |_| {
        redraw_overlay.track();
        let now = hovered.get();
        let locale = locale();
        if now.is_some_and(|(_, own)| own) {
            draw_hover(now, locale);
        } else if !overlay_pending.get_value() {
            overlay_pending.set_value(true);
            request_animation_frame(move || {
                // The chart may be gone by then (a language switch renders the page anew).
                let Some(latest) = hovered.try_get_untracked() else {
                    return;
                };
                overlay_pending.set_value(false);
                draw_hover(latest, locale);
            });
        }
    });

    let on_pointer = move |ev: web_sys::PointerEvent| {
        let finger = ev.pointer_type() == "touch" || coarse;
        if touch.get_untracked() != finger {
            touch.set(finger);
        }
        let dpr = window().device_pixel_ratio().max(1.0);
        let (cx, cy) = (f64::from(ev.offset_x()) * dpr, f64::from(ev.offset_y()) * dpr);
        let over = hover_map.with_value(|m| m.event_at(cx, cy).is_some());
        if on_event.get_untracked() != over {
            on_event.set(over);
        }
        let x = hover_map.with_value(|m| m.x_at(cx));
        let index = x.and_then(|x| frame.with_untracked(|f| nearest_index(&f.x, x)));
        set_index(index);
    };
    // A click or tap on an event's label or marker opens the lens at it.
    let on_click = move |ev: web_sys::MouseEvent| {
        let dpr = window().device_pixel_ratio().max(1.0);
        let (cx, cy) = (f64::from(ev.offset_x()) * dpr, f64::from(ev.offset_y()) * dpr);
        if let Some(date) = hover_map.with_value(|m| m.event_at(cx, cy).map(|e| e.date)) {
            event_list::open(app, date);
        }
    };
    // A memo: a mouse moving (no readout) leaves the strip's hint as it is.
    let readout: Signal<Option<Hover>> =
        Memo::new(move |_| tooltip.get().filter(|_| touch.get()).map(|(h, _, _)| h)).into();
    // The pointer's tooltip. Its elements stay while the pointer moves: the rows are built
    // again only when what they are (index, swatch, label) changes, and only the title,
    // the values and the place follow the point (rebuilding it would remove and re-set
    // every attribute).
    let tip = Memo::new(move |_| tooltip.get().filter(|_| !touch.get()));
    let tip_rows = Memo::new(move |_| {
        tip.with(|t| {
            t.as_ref().map_or_else(Vec::new, |(h, ..)| {
                h.rows
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (i, r.color.clone(), r.label.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    let tip_value = move |i: usize| {
        tip.with(|t| {
            t.as_ref()
                .and_then(|(h, ..)| h.rows.get(i).map(|r| r.value.clone()))
                .unwrap_or_default()
        })
    };
    let tip_place = move || {
        tip.with(|t| {
            t.as_ref().map_or_else(String::new, |(_, x, width)| {
                if *x > width * 0.55 {
                    format!("right:{:.0}px", (width - x + 12.0).max(0.0))
                } else {
                    format!("left:{:.0}px", x + 12.0)
                }
            })
        })
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some((next, text)) = frame.with_untracked(|f| {
            let current = hovered.get_untracked().map(|(i, _)| i);
            let next = key_target(f, current, ev.key().as_str())?;
            Some((next, next.and_then(|i| point_text(f, i))))
        }) else {
            return;
        };
        ev.prevent_default();
        touch.set(false);
        set_index(next);
        announce.set(text.unwrap_or_default());
    };

    view! {
        <div class="chart" class:touching=move || touch.get()>
            <div class="chart-sizer" node_ref=sizer aria-hidden="true"></div>
            <ReadoutStrip hover=readout />
            <div
                class="chart-figure"
                class:unsized=move || !sized.get()
                tabindex="0"
                role="img"
                aria-label=move || label.get()
                aria-describedby=described_by
                on:keydown=on_key
                on:blur=move |_| {
                    // Only this chart's own point: a tap in the next chart focuses it after
                    // its pointerdown already moved the page's focus there.
                    if app.focus.get_untracked().is_some_and(|f| f.source == chart) {
                        set_index(None);
                    }
                }
                on:pointerleave=move |ev: web_sys::PointerEvent| {
                    // A finger lifting also "leaves": keep the tooltip it asked for. The
                    // tooltip is inside this element, so pointing at it keeps it.
                    if ev.pointer_type() != "touch" {
                        set_index(None);
                    }
                }
            >
                <canvas node_ref=base class="base"></canvas>
                <canvas
                    node_ref=overlay
                    class="overlay"
                    class:on-event=move || on_event.get()
                    on:pointermove=on_pointer
                    on:pointerdown=on_pointer
                    on:click=on_click
                ></canvas>
                <Show when=move || tip.with(Option::is_some)>
                    <div class="tooltip" style=tip_place>
                        <div class="tooltip-title">{move || tip.with(|t| t.as_ref().map(|(h, ..)| h.title.clone()))}</div>
                        {move || {
                            tip_rows
                                .get()
                                .into_iter()
                                .map(|(i, swatch, label)| {
                                    view! {
                                        <div class="tooltip-row">
                                            {swatch.map(|c| view! { <span class="swatch" style:background-color=c></span> })}
                                            <span class="tooltip-label">{label}</span>
                                            <span class="tooltip-value">{move || tip_value(i)}</span>
                                        </div>
                                    }
                                })
                                .collect_view()
                        }}
                    </div>
                </Show>
            </div>
            <p class="chart-keys" id=keys_id>{t("chart-keys")}</p>
            <EventList key=name events=events.into() />
            <div class="visually-hidden chart-live" role="status" aria-live="polite" aria-atomic="true">
                {move || announce.get()}
            </div>
            {move || draw_error.get().map(|e| view! { <div class="chart-error" role="alert">{e}</div> })}
        </div>
    }
}

/// The point a key moves to from `current` (`None` when no point is shown): `Some(None)`
/// closes the tooltip (Esc), `None` is a key the chart does not handle.
fn key_target(f: &Frame, current: Option<usize>, key: &str) -> Option<Option<usize>> {
    let n = f.x.len();
    let last = n.checked_sub(1)?;
    let months = match key {
        "Escape" => return Some(None),
        "Home" => return Some(Some(0)),
        "End" => return Some(Some(last)),
        "ArrowLeft" => return Some(Some(current.map_or(last, |i| i.saturating_sub(1)))),
        "ArrowRight" => return Some(Some(current.map_or(0, |i| (i + 1).min(last)))),
        "PageUp" => -1,
        "PageDown" => 1,
        _ => return None,
    };
    let Some(i) = current else {
        return Some(Some(if months < 0 { last } else { 0 }));
    };
    let date = f.x.get(i).copied()?;
    let target = f.index_near(months_before(date, -months)).unwrap_or(i);
    // A month always moves at least one point (monthly bars).
    let moved = match target.cmp(&i) {
        std::cmp::Ordering::Equal if months < 0 => i.saturating_sub(1),
        std::cmp::Ordering::Equal => (i + 1).min(last),
        _ => target,
    };
    Some(Some(moved))
}

/// What the live region says for point `i`: its title and every series' value.
fn point_text(f: &Frame, i: usize) -> Option<String> {
    let (title, _) = f.point_title(i)?;
    let values: Vec<String> = f
        .values_at(i)
        .iter()
        .map(|v| {
            tm(&Msg::new("chart-point-value")
                .msg("series", v.series.label.clone())
                .msg("value", v.text()))
        })
        .collect();
    Some(tm(&Msg::new("chart-point")
        .msg("title", title)
        .text("values", values.join("; "))))
}

/// Sizes the backing store to CSS size × devicePixelRatio and the element to CSS size.
fn size_canvas(canvas: &HtmlCanvasElement, css_w: f64, css_h: f64, dpr: f64) {
    let (w, h) = ((css_w * dpr).round() as u32, (css_h * dpr).round() as u32);
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let style = web_sys::HtmlElement::style(canvas);
    let _ = style.set_property("width", &format!("{css_w}px"));
    let _ = style.set_property("height", &format!("{css_h}px"));
}

fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// Clears `canvas` if something was drawn on it (`inked`); one never drawn on is left
/// without a context.
fn clear_inked(canvas: &HtmlCanvasElement, inked: StoredValue<bool>) {
    if !inked.get_value() {
        return;
    }
    if let Some(ctx) = context(canvas) {
        ctx.clear_rect(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height()));
    }
    inked.set_value(false);
}

/// The crosshair and dots, in canvas px.
fn draw_overlay(canvas: &HtmlCanvasElement, map: &HoverMap, hover: &Hover, style: &Style) {
    let Some(ctx) = context(canvas) else { return };
    let t = &style.theme;
    ctx.set_line_width(style.dpr);
    ctx.set_stroke_style_str(&Theme::css(t.muted));
    for p in &map.panels {
        let x = p.x_px(hover.x).round() + 0.5;
        ctx.begin_path();
        ctx.move_to(x, p.rect.top);
        ctx.line_to(x, p.rect.bottom);
        ctx.stroke();
    }
    for m in &hover.marks {
        let Some(p) = map.panels.get(m.panel) else {
            continue;
        };
        if m.y < p.y.0 || m.y > p.y.1 {
            continue;
        }
        ctx.begin_path();
        let _ = ctx.arc(
            p.x_px(hover.x),
            p.y_px(m.y),
            4.0 * style.dpr,
            0.0,
            std::f64::consts::TAU,
        );
        ctx.set_fill_style_str(&Theme::css(m.color));
        ctx.fill();
        ctx.set_stroke_style_str(&Theme::css(t.background));
        ctx.stroke();
    }
}
