//! The core's analyses (`repricing_core::analysis`) on the snapshot built from the real
//! provider files: the findings are printed (`cargo test --test analysis_golden --
//! --nocapture`) and only facts that hold whatever the data say are asserted — each rule
//! re-checked on the real series, counts and bounds consistent. Skipped like
//! `golden.rs` when `REPRICING_SKIP_RAW=1` and the raw files are absent.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

mod common;

use repricing_core::analysis::leadlag::{for_asset, Asset, CrossCorrelation, LeadLag, MAX_LAG_DAYS};
use repricing_core::analysis::lens::{lens, Flows, LensInputs, Measure, LENS_DAYS};
use repricing_core::analysis::regimes::{regimes, Side, MIN_REGIME_DAYS};
use repricing_core::date::{format_iso, parse_iso};
use repricing_core::snapshot::ids;
use repricing_core::views::correlation::{rolling_correlations, Counterpart, MarketData, WINDOWS};
use repricing_core::{Date, Snapshot};
use snapshot_builder::build;
use std::path::Path;
use std::sync::OnceLock;

/// The snapshot built from the real files; `None` only when explicitly skipped.
fn snapshot() -> Option<&'static Snapshot> {
    static BUILT: OnceLock<Option<Snapshot>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let raw = common::real_raw()?;
            let events = Path::new(env!("CARGO_MANIFEST_DIR")).join("events.csv");
            Some(build(&raw, &events).expect("the real files build").snapshot)
        })
        .as_ref()
}

fn d(s: &str) -> Date {
    parse_iso(s).unwrap()
}

#[test]
fn qqq_versus_gold_regimes_for_every_window() {
    let Some(s) = snapshot() else { return };
    let data = MarketData::from_snapshot(s).unwrap();
    for window in WINDOWS {
        let series = rolling_correlations(&data, &[Counterpart::Qqq, Counterpart::Gld], window);
        let (qqq, gld) = match series.as_slice() {
            [Ok(q), Ok(g)] => (q.stats(0, q.values.len()), g.stats(0, g.values.len())),
            other => panic!("correlations unavailable: {other:?}"),
        };
        let found = regimes(&data.dates, &qqq, &gld, MIN_REGIME_DAYS);
        eprintln!(
            "{window}-day window: {} regime(s) of ≥{MIN_REGIME_DAYS} market days (A = Nasdaq/QQQ, B = gold/GLD)",
            found.len()
        );
        for r in &found {
            eprintln!(
                "  {:?} over: {} → {} ({} days), mean r QQQ {:+.2}, GLD {:+.2}",
                r.leader,
                format_iso(r.start),
                format_iso(r.end),
                r.days,
                r.mean_r_a,
                r.mean_r_b
            );
        }
        let mut previous_end = None;
        for r in &found {
            // Ordered, disjoint, long enough, and separated from its neighbours.
            assert!(previous_end.is_none_or(|e| r.start_index > e), "{r:?}");
            previous_end = Some(r.end_index);
            assert!(r.days >= MIN_REGIME_DAYS && r.days == r.end_index - r.start_index + 1);
            assert_eq!(
                (data.dates[r.start_index], data.dates[r.end_index]),
                (r.start, r.end)
            );
            // The rule holds on every day of the regime...
            for i in r.start_index..=r.end_index {
                let (a, b) = (qqq[i].unwrap(), gld[i].unwrap());
                match r.leader {
                    Side::A => assert!(a.lo > b.hi, "{window} {i}"),
                    Side::B => assert!(b.lo > a.hi, "{window} {i}"),
                }
            }
            // ...and not on the days just outside it (maximal), where those exist.
            let same_side = |i: usize| match (qqq[i], gld[i], r.leader) {
                (Some(a), Some(b), Side::A) => a.lo > b.hi,
                (Some(a), Some(b), Side::B) => b.lo > a.hi,
                _ => false,
            };
            assert!(r.start_index == 0 || !same_side(r.start_index - 1));
            assert!(r.end_index + 1 >= data.dates.len() || !same_side(r.end_index + 1));
            let means_ordered = match r.leader {
                Side::A => r.mean_r_a > r.mean_r_b,
                Side::B => r.mean_r_b > r.mean_r_a,
            };
            assert!(means_ordered, "{r:?}");
        }
    }
}

fn print_cross(label: &str, cc: &CrossCorrelation) {
    let span = match (cc.first, cc.last) {
        (Some(a), Some(b)) => format!("{} → {}", format_iso(a), format_iso(b)),
        _ => "no flow days".to_owned(),
    };
    eprintln!(
        "{label}: {span}, {} flow days, returns {:?}; {} of {} lags outside the band (≈{:.1} expected by chance); summary {:?}",
        cc.days,
        cc.priced.map(|(a, b)| (format_iso(a), format_iso(b))),
        cc.outside_band,
        cc.points.len(),
        cc.expected_by_chance(),
        cc.summary
    );
    let row: Vec<String> = cc
        .points
        .iter()
        .map(|p| match p.value {
            Some(v) => format!(
                "{:+}:{:+.3}{}",
                p.lag,
                v.r,
                if v.outside_band() { "*" } else { "" }
            ),
            None => format!("{:+}:—", p.lag),
        })
        .collect();
    eprintln!(
        "  r by lag (n≈{}, band ±{:.3}): {}",
        cc.points[MAX_LAG_DAYS].n,
        band(cc),
        row.join(" ")
    );
}

fn band(cc: &CrossCorrelation) -> f64 {
    cc.points[MAX_LAG_DAYS].value.map_or(f64::NAN, |v| v.band)
}

#[test]
fn flows_versus_returns_lead_lag() {
    let Some(s) = snapshot() else { return };
    for asset in [Asset::Btc, Asset::Eth] {
        let table = s.flows(asset.ids().0).unwrap();
        for (label, from, to) in [
            ("full history", table.first(), table.last()),
            ("2025", d("2025-01-01"), d("2025-12-31")),
        ] {
            let cc = for_asset(s, asset, from, to).unwrap();
            print_cross(&format!("{asset:?} {label}"), &cc);
            assert_eq!(cc.points.len(), 2 * MAX_LAG_DAYS + 1);
            // Both spans hold far more than the minimum of flow days.
            assert!(
                !matches!(cc.summary, LeadLag::TooShort { .. }),
                "{:?}",
                cc.summary
            );
            let in_span = table.dates().iter().filter(|x| (from..=to).contains(x)).count();
            assert_eq!(cc.days, in_span);
            for p in &cc.points {
                // Lag ±k loses at least k pairs at the span's ends (and the first day's return).
                assert!(p.n + p.lag.unsigned_abs() as usize <= cc.days, "{p:?}");
                let v = p.value.unwrap();
                assert!((-1.0..=1.0).contains(&v.r));
                assert!((v.band - 1.96 / (p.n as f64).sqrt()).abs() < 1e-12);
            }
            if let LeadLag::Clear { lag, r, band, .. } = cc.summary {
                let best = cc
                    .points
                    .iter()
                    .filter_map(|p| p.value)
                    .map(|v| v.r.abs())
                    .fold(0.0, f64::max);
                assert!(r.abs() > band && r.abs() == best, "lag {lag}");
            }
        }
    }
}

fn show(m: &Measure) -> String {
    match m {
        Ok(m) => format!("{:+.3} (n {})", m.value, m.n),
        Err(e) => format!("not covered: {e:?}"),
    }
}

#[test]
fn event_lens_on_the_curated_events() {
    let Some(s) = snapshot() else { return };
    let data = MarketData::from_snapshot(s).unwrap();
    let corr = rolling_correlations(&data, &[Counterpart::Qqq, Counterpart::Gld], 90);
    let btc_flows = s.flows(ids::FLOWS_BTC).unwrap();
    let inputs = LensInputs {
        calendar: &data.dates,
        btc: s.series(ids::BTC_USD).ok(),
        btc_flows: Some(Flows::from(btc_flows)),
        eth_flows: s.flows(ids::FLOWS_ETH).ok().map(Flows::from),
        burn_eth: s.series(ids::ETH_BURN).ok(),
        correlations: corr
            .iter()
            .filter_map(|c| c.as_ref().ok())
            .map(|c| (c.counterpart, c.values.as_slice()))
            .collect(),
    };
    assert_eq!(inputs.correlations.len(), 2);
    for event in &s.events {
        for days in LENS_DAYS {
            let l = lens(&inputs, event.date, days);
            eprintln!(
                "{} {} ±{days}: BTC flows {} | {}; ETH flows {} | {}; BTC log return {} | {}; burn/day {} | {}",
                format_iso(event.date),
                event.label,
                show(&l.btc_flows_usd_m.before),
                show(&l.btc_flows_usd_m.after),
                show(&l.eth_flows_usd_m.before),
                show(&l.eth_flows_usd_m.after),
                show(&l.btc_log_return.before),
                show(&l.btc_log_return.after),
                show(&l.burn_eth_per_day.before),
                show(&l.burn_eth_per_day.after),
            );
            // Robust: a flow sum, where given, is the sum of the table's rows in the window.
            for (m, span) in [
                (&l.btc_flows_usd_m.before, &l.before),
                (&l.btc_flows_usd_m.after, &l.after),
            ] {
                if let (Ok(m), Ok(span)) = (m, span) {
                    let sum: f64 = btc_flows
                        .dates()
                        .iter()
                        .zip(btc_flows.total_usd_m())
                        .filter(|(x, _)| (span.first..=span.last).contains(x))
                        .map(|(_, v)| v)
                        .sum();
                    assert!((m.value - sum).abs() < 1e-6, "{}", event.label);
                    assert_eq!(m.n, days);
                }
            }
            // Nothing is measured from flows before the first BTC ETF day.
            if l.before.is_ok_and(|b| b.first < btc_flows.first()) {
                assert!(l.btc_flows_usd_m.before.is_err());
            }
        }
    }
}
