//! The event lens: a reader picks an event and N market days; every chart moves to a
//! window around it ([`super::state::ViewState::part`]) and a panel compares the N days
//! before with the N days after (rule: [`crate::analysis::lens`]): ETF flows, bitcoin's
//! return, the ETH burn and each selected correlation, each with n, or why it has none.

use super::chart::Control;
use super::correlation::{in_sentence, rolling_correlations, Counterpart, MarketData};
use super::state::ViewState;
use crate::analysis::lens::{lens, BeforeAfter, Flows, LensInputs, Measure, NotCovered};
use crate::snapshot::ids;
use crate::text::{data, DataText, Msg, NumFmt};
use crate::Snapshot;
use time::Date;

/// The window sizes offered, in market days either side.
pub const LENS_DAYS: [usize; 3] = [5, 20, 60];
/// The default window size.
pub const DEFAULT_LENS_DAYS: usize = 20;

/// Calendar days either side of an event that the charts show for `days` market days.
pub fn padding_days(days: usize) -> i64 {
    i64::try_from(days).unwrap_or(60).saturating_mul(2).max(14)
}

/// One row of the lens table.
#[derive(Debug, Clone, PartialEq)]
pub struct LensRow {
    /// What is measured.
    pub label: Msg,
    /// The N days before.
    pub before: Msg,
    /// The N days after (the event day is the first of them).
    pub after: Msg,
}

/// The lens panel for the current view.
#[derive(Debug, Clone, PartialEq)]
pub struct LensView {
    /// Events that can be picked: (URL value, label).
    pub events: Vec<LensEvent>,
    /// The picked event's URL value (empty: none).
    pub selected: String,
    /// The window-size control.
    pub days: Control,
    /// Heading for the picked event.
    pub title: Option<Msg>,
    /// What the picked event was (the events file's description).
    pub about: Option<DataText>,
    /// The rule in words.
    pub rule: Msg,
    /// The comparison.
    pub rows: Vec<LensRow>,
}

fn measure(m: &Measure, fmt: NumFmt, scale: fn(f64) -> f64) -> Msg {
    match m {
        Ok(x) => Msg::new("lens-value")
            .num("v", scale(x.value), fmt)
            .num("n", x.n as f64, NumFmt::Count),
        Err(NotCovered::Calendar { needed, available }) => Msg::new("lens-short")
            .num("needed", *needed as f64, NumFmt::Count)
            .num("available", *available as f64, NumFmt::Count),
        Err(NotCovered::StartsLater { first }) => Msg::new("lens-starts").date("date", *first),
        Err(NotCovered::EndsEarlier { last }) => Msg::new("lens-ends").date("date", *last),
        Err(NotCovered::Missing { days, of }) => Msg::new("lens-missing")
            .num("days", *days as f64, NumFmt::Count)
            .num("of", *of as f64, NumFmt::Count),
        Err(NotCovered::NoData) => Msg::new("lens-no-data"),
    }
}

fn row(label: Msg, ba: &BeforeAfter, fmt: NumFmt, scale: fn(f64) -> f64) -> LensRow {
    LensRow {
        label,
        before: measure(&ba.before, fmt, scale),
        after: measure(&ba.after, fmt, scale),
    }
}

/// An event the lens offers.
#[derive(Debug, Clone, PartialEq)]
pub struct LensEvent {
    /// Its date, ISO (the `lens=` value).
    pub value: String,
    /// Its number on the charts (its place among the snapshot's events by date).
    pub number: usize,
    /// When.
    pub date: time::Date,
    /// Its label, for the reader's language.
    pub label: DataText,
}

/// What the lens reads of the view state ([`ViewState::lens_part`]): the page keeps a memo
/// of it, so the lens is worked out again only when one of these changes.
#[derive(Debug, Clone, PartialEq)]
pub struct LensState {
    /// The event in the lens (its date), if any.
    pub lens: Option<Date>,
    /// Market days either side of it.
    pub lens_days: usize,
    /// Chart 1's counterparts (the lens compares their correlations).
    pub with: Vec<Counterpart>,
    /// Chart 1's correlation window.
    pub window: usize,
}

impl ViewState {
    /// The part of the view the lens panel depends on.
    pub fn lens_part(&self) -> LensState {
        LensState {
            lens: self.lens,
            lens_days: self.lens_days,
            with: self.correlation.with.clone(),
            window: self.correlation.window,
        }
    }
}

/// The lens panel: the event picker, and for a picked event the before/after table.
pub fn lens_view(snapshot: &Snapshot, market: Option<&MarketData>, state: &LensState) -> LensView {
    // In date order, numbered as the charts number them.
    let mut dated: Vec<&crate::snapshot::Event> = snapshot.events.iter().collect();
    crate::order::sort_by_key(&mut dated, |e| e.date);
    let events: Vec<LensEvent> = dated
        .into_iter()
        .enumerate()
        .map(|(i, e)| LensEvent {
            value: crate::date::format_iso(e.date),
            number: i + 1,
            date: e.date,
            label: data::event_label(e.date, &e.label),
        })
        .collect();
    let picked = state
        .lens
        .filter(|d| snapshot.events.iter().any(|e| e.date == *d));
    let days = Control::choice(
        "lens.n",
        Msg::new("lens-days-label"),
        LENS_DAYS
            .iter()
            .map(|n| {
                (
                    n.to_string(),
                    Msg::new("lens-days").num("n", *n as f64, NumFmt::Count),
                )
            })
            .collect(),
        &state.lens_days.to_string(),
    );
    let rule = Msg::new("lens-rule").num("n", state.lens_days as f64, NumFmt::Count);
    let mut out = LensView {
        events,
        selected: picked.map(crate::date::format_iso).unwrap_or_default(),
        days,
        title: None,
        about: None,
        rule,
        rows: Vec::new(),
    };
    let (Some(event), Some(market)) = (picked, market) else {
        return out;
    };
    let correlations = rolling_correlations(market, &state.with, state.window);
    let inputs = LensInputs {
        calendar: &market.dates,
        btc: snapshot.series(ids::BTC_USD).ok(),
        btc_flows: snapshot.flows(ids::FLOWS_BTC).ok().map(Flows::from),
        eth_flows: snapshot.flows(ids::FLOWS_ETH).ok().map(Flows::from),
        burn_eth: snapshot.series(ids::ETH_BURN).ok(),
        correlations: correlations
            .iter()
            .filter_map(|c| c.as_ref().ok().map(|s| (s.counterpart, s.values.as_slice())))
            .collect(),
    };
    let l = lens(&inputs, event, state.lens_days);
    let picked_event = snapshot.events.iter().find(|e| e.date == event);
    let label = picked_event.map_or_else(
        || data::event_label(event, ""),
        |e| data::event_label(e.date, &e.label),
    );
    out.title = Some(Msg::new("lens-title").data("event", label).date("date", event));
    out.about = picked_event
        .filter(|e| !e.description.is_empty())
        .map(|e| data::event_description(e.date, &e.description));
    let same = |v: f64| v;
    let pct = |v: f64| v.exp_m1();
    out.rows = vec![
        row(
            Msg::new("lens-btc-flows"),
            &l.btc_flows_usd_m,
            NumFmt::SignedUsdM,
            same,
        ),
        row(
            Msg::new("lens-eth-flows"),
            &l.eth_flows_usd_m,
            NumFmt::SignedUsdM,
            same,
        ),
        row(
            Msg::new("lens-btc-return"),
            &l.btc_log_return,
            NumFmt::SignedPercent(1),
            pct,
        ),
        row(Msg::new("lens-burn"), &l.burn_eth_per_day, NumFmt::Fixed(0), same),
    ];
    for (c, ba) in &l.correlations {
        out.rows.push(row(
            Msg::new("lens-corr")
                .num("window", state.window as f64, NumFmt::Count)
                .msg("with", in_sentence(*c)),
            ba,
            NumFmt::Corr,
            same,
        ));
    }
    out
}

/// The line at the top of the page while an event is picked: every chart shows the window
/// around it. (A reader arriving by a link to an event would otherwise meet charts of
/// 2022 under the page's 2025–26 title, with the reason at the foot of the page.)
pub fn lens_notice(snapshot: &Snapshot, event: Option<Date>, days: usize) -> Option<Msg> {
    let event = event?;
    let (from, to) = window(event, days);
    let m = match snapshot.events.iter().find(|e| e.date == event) {
        Some(e) => Msg::new("lens-notice").data("event", data::event_label(e.date, &e.label)),
        // A hand-typed day that is no event: the day alone.
        None => Msg::new("lens-notice-day"),
    };
    Some(m.date("from", from).date("to", to).date("date", event))
}

/// The window a lens on `event` shows, for a chart whose data cover `first ..= last`.
pub fn window(event: Date, days: usize) -> (Date, Date) {
    let pad = padding_days(days);
    (
        crate::date::add_days(event, -pad).unwrap_or(event),
        crate::date::add_days(event, pad).unwrap_or(event),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::state::Chart;
    use time::macros::date;

    #[test]
    fn the_notice_names_the_event_and_the_window_every_chart_shows() {
        let snap =
            Snapshot::from_text_unverified(include_str!("../../../../public/data/snapshot.txt")).unwrap();
        assert_eq!(lens_notice(&snap, None, 20), None);
        let ftx = date!(2022 - 11 - 11);
        let m = lens_notice(&snap, Some(ftx), 20).unwrap();
        let (from, to) = window(ftx, 20);
        assert_eq!(
            crate::text::Locale::en().render(&m),
            format!(
                "Event lens: FTX collapse, 11 Nov 2022. Every chart shows {} to {}; the lens is at the foot of the page.",
                crate::text::Locale::en().date(from),
                crate::text::Locale::en().date(to),
            )
        );
        assert!(from < ftx && ftx < to);
        // A day that is no event is named as a day, with no empty label.
        let day = lens_notice(&snap, Some(date!(2023 - 05 - 05)), 20).unwrap();
        assert_eq!(day.id, "lens-notice-day");
        assert!(crate::text::Locale::en()
            .render(&day)
            .starts_with("Event lens: 5 May 2023. Every chart shows"));
    }

    fn snapshot() -> Snapshot {
        Snapshot::from_text(include_str!("../../../../public/data/snapshot.txt")).unwrap()
    }

    #[test]
    fn the_lens_part_changes_with_what_the_lens_reads_and_nothing_else() {
        let base = ViewState::default();
        let mut other = base.clone();
        assert!(other.edit("f.agg", "month") && other.edit("b.view", "usd"));
        assert_eq!(other.lens_part(), base.lens_part(), "another chart's controls");
        for (key, value) in [
            ("lens", "2025-10-10"),
            ("lens.n", "60"),
            ("c.with", "gld"),
            ("c.window", "30"),
        ] {
            let mut v = base.clone();
            assert!(v.edit(key, value), "{key}");
            assert_ne!(v.lens_part(), base.lens_part(), "{key}");
        }
    }

    #[test]
    fn the_lens_numbers_its_events_as_the_charts_do() {
        let s = snapshot();
        let l = lens_view(&s, None, &ViewState::default().lens_part());
        let every = crate::views::range::Span {
            from: date!(2000 - 01 - 01),
            to: date!(2100 - 01 - 01),
        };
        let mut checked = 0;
        for chart in [Chart::Correlation, Chart::Flows, Chart::Burn] {
            for m in crate::views::chart::events_in(&s.events, chart, every) {
                let e = l.events.iter().find(|e| e.date == m.date && e.number == m.number);
                assert!(
                    e.is_some(),
                    "{chart:?}: {m:?} not in the lens as number {}",
                    m.number
                );
                checked += 1;
            }
        }
        assert!(checked >= l.events.len());
    }

    #[test]
    fn a_picked_event_gets_a_table_and_every_chart_its_window() {
        let s = snapshot();
        let m = MarketData::from_snapshot(&s).unwrap();
        let v = ViewState::from_query("lens=2025-10-10&lens.n=20");
        let l = lens_view(&s, Some(&m), &v.lens_part());
        assert_eq!(l.selected, "2025-10-10");
        assert!(l.title.is_some());
        // BTC flows, ETH flows, BTC return, burn, two correlations.
        assert_eq!(l.rows.len(), 6);
        assert_eq!(l.rows[0].before.id, "lens-value");
        let n = l.rows[0].before.numbers();
        assert_eq!(n.last().map(|x| x.0), Some(20.0), "n of the before window");
        // Every chart shows the window around the event.
        let (a, b) = window(date!(2025 - 10 - 10), 20);
        for chart in super::super::state::Chart::ALL {
            let range = match v.part(chart) {
                super::super::state::ChartState::Correlation(c) => c.range,
                super::super::state::ChartState::Flows(f) => f.range,
                super::super::state::ChartState::Burn(b) => b.range,
            };
            assert_eq!(range, super::super::range::RangeChoice::Custom(a, b));
        }
    }

    #[test]
    fn a_series_that_does_not_cover_the_event_says_so() {
        let s = snapshot();
        let m = MarketData::from_snapshot(&s).unwrap();
        // The Merge (2022) is before the first ETF listing.
        let l = lens_view(
            &s,
            Some(&m),
            &ViewState::from_query("lens=2022-09-15").lens_part(),
        );
        assert_eq!(l.rows[0].before.id, "lens-starts");
        // A date that is no event picks nothing.
        let l = lens_view(
            &s,
            Some(&m),
            &ViewState::from_query("lens=2025-10-11").lens_part(),
        );
        assert!(l.rows.is_empty() && l.selected.is_empty());
    }
}
