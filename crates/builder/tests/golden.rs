//! Facts about the real provider files (../shared/data/raw) and agreement with independent
//! second sources (../shared/data/crosscheck). Where `../shared/data/raw` is absent these
//! tests FAIL, unless `REPRICING_SKIP_RAW=1` is set to skip them explicitly (a clone
//! without the shared data); CI always has the data.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

mod common;

use repricing_core::date::{format_iso, parse_iso};
use repricing_core::issuance::issuance_series;
use repricing_core::resample::{resample, Aggregate, Period};
use repricing_core::snapshot::ids;
use repricing_core::{Date, Snapshot};
use snapshot_builder::{build, Built};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use common::{real_raw, shared};

/// The snapshot built from the real files; `None` only when explicitly skipped.
fn built() -> Option<&'static Built> {
    static BUILT: OnceLock<Option<Built>> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let raw = real_raw()?;
            let events = Path::new(env!("CARGO_MANIFEST_DIR")).join("events.csv");
            Some(build(&raw, &events).expect("the real files build"))
        })
        .as_ref()
}

fn d(s: &str) -> Date {
    parse_iso(s).unwrap()
}

/// `date,...` CSV rows as maps from header to cell.
fn read_csv(path: &Path) -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            header
                .iter()
                .map(str::to_owned)
                .zip(rec.iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

#[test]
fn committed_snapshot_is_reproduced_byte_for_byte() {
    let Some(b) = built() else { return };
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/snapshot.txt");
    let text = std::fs::read_to_string(committed).unwrap();
    assert!(text == b.text, "public/data/snapshot.txt is stale: rebuild it");
}

#[test]
fn etf_flow_facts() {
    let Some(b) = built() else { return };
    let t = b.snapshot.flows(ids::FLOWS_BTC).unwrap();
    let on = |date: &str| {
        let i = t.dates().binary_search(&d(date)).unwrap();
        (t.total_usd_m()[i], i)
    };
    let (first, i) = on("2024-01-11");
    assert_eq!(first, 655.3);
    assert_eq!(t.first(), d("2024-01-11"), "the bogus 2024-01-01 row is not kept");
    let gbtc = t.funds().iter().find(|f| f.ticker == "GBTC").unwrap();
    assert_eq!(gbtc.flows_usd_m[i], -95.1);
    let (worst, i) = on("2025-11-20");
    assert_eq!(worst, -903.2);
    let ibit = t.funds().iter().find(|f| f.ticker == "IBIT").unwrap();
    assert_eq!(ibit.flows_usd_m[i], -355.5);
    assert_eq!(on("2025-11-13").0, -866.7);

    let totals: Vec<Option<f64>> = t.total_usd_m().iter().copied().map(Some).collect();
    let months = resample(t.dates(), &totals, Period::Month, Aggregate::Sum);
    let nov = months.iter().find(|m| m.start == d("2025-11-01")).unwrap();
    assert!((nov.value.unwrap() - -3466.7).abs() < 1e-6, "{:?}", nov.value);

    let (max_i, max) = t
        .total_usd_m()
        .iter()
        .enumerate()
        .fold((0, f64::MIN), |a, (i, v)| if *v > a.1 { (i, *v) } else { a });
    assert_eq!(
        (format_iso(t.dates()[max_i]), max),
        ("2024-11-07".to_owned(), 1373.8)
    );
    let (min_i, min) = t
        .total_usd_m()
        .iter()
        .enumerate()
        .fold((0, f64::MAX), |a, (i, v)| if *v < a.1 { (i, *v) } else { a });
    assert_eq!(
        (format_iso(t.dates()[min_i]), min),
        ("2025-02-25".to_owned(), -1113.7)
    );

    // Holidays are marked, not zero-flow days: 2024-01-15 (MLK day) and 2025-07-04.
    assert!(b.snapshot.market_holidays.contains(&d("2024-01-15")));
    assert!(b.snapshot.market_holidays.contains(&d("2025-07-04")));
    assert!(t.dates().binary_search(&d("2024-01-15")).is_err());
}

#[test]
fn btc_closing_high() {
    let Some(b) = built() else { return };
    let btc = b.snapshot.series(ids::BTC_USD).unwrap();
    let close = btc.value_on(d("2025-10-06")).unwrap();
    assert!((close - 124_753.0).abs() < 1.0, "{close}");
    let max = btc.values().iter().flatten().fold(f64::MIN, |a, v| a.max(*v));
    assert_eq!(max, close, "2025-10-06 is the highest close");
}

/// Median of |a/b − 1| over shared dates, for the snapshot series vs a CryptoQuant copy.
fn median_rel_diff(series: &repricing_core::Series, file: &Path) -> (f64, usize) {
    let mut diffs: Vec<f64> = read_csv(file)
        .iter()
        .filter_map(|row| {
            let date = parse_iso(row.get("date")?)?;
            let theirs: f64 = row.get("Close")?.parse().ok()?;
            let ours = series.value_on(date)?;
            Some((ours / theirs - 1.0).abs())
        })
        .collect();
    repricing_core::order::sort_by(&mut diffs, f64::total_cmp);
    (diffs[diffs.len() / 2], diffs.len())
}

#[test]
fn closes_agree_with_cryptoquant() {
    let Some(b) = built() else { return };
    for (id, file) in [(ids::BTC_USD, "btc_price.csv"), (ids::ETH_USD, "eth_price.csv")] {
        let series = b.snapshot.series(id).unwrap();
        let (median, n) = median_rel_diff(series, &shared().join("crosscheck/cryptoquant").join(file));
        eprintln!(
            "{id}: median |Yahoo/CryptoQuant - 1| = {:.4}% over {n} days",
            median * 100.0
        );
        assert!(n > 2000, "{id}: only {n} shared days");
        assert!(median < 0.005, "{id}: median difference {median}");
    }
}

#[test]
fn flows_equal_the_second_farside_scrape() {
    let Some(b) = built() else { return };
    // The one known difference: Farside revised MSBT on 2026-04-10 after the second scrape.
    let known_revisions = [("btc", "2026-04-10", "MSBT"), ("btc", "2026-04-10", "Total")];
    for id in [ids::FLOWS_BTC, ids::FLOWS_ETH] {
        let t = b.snapshot.flows(id).unwrap();
        let file = shared().join(format!("crosscheck/farside-second-scrape/{id}_flows.csv"));
        let mut shared_days = 0;
        let mut differences = Vec::new();
        for row in read_csv(&file) {
            let date = d(&row["date"]);
            let Ok(i) = t.dates().binary_search(&date) else {
                continue;
            };
            shared_days += 1;
            // The second scrape leaves a fund blank where Farside shows no figure: zero flow.
            let theirs = |col: &str| -> f64 {
                Some(row[col].as_str())
                    .filter(|c| !c.is_empty())
                    .map_or(0.0, |c| c.parse().unwrap())
            };
            for fund in t.funds() {
                if theirs(&fund.ticker) != fund.flows_usd_m[i] {
                    differences.push((id, row["date"].clone(), fund.ticker.clone()));
                }
            }
            // This scrape names the ETH total `Total` where the raw file has `COL11`.
            if theirs("Total") != t.total_usd_m()[i] {
                differences.push((id, row["date"].clone(), "Total".to_owned()));
            }
        }
        let unexplained: Vec<_> = differences
            .iter()
            .filter(|(a, date, ticker)| !known_revisions.contains(&(*a, date.as_str(), ticker.as_str())))
            .collect();
        eprintln!("{id}: {shared_days} shared days, differences {differences:?}");
        assert!(shared_days > 300);
        assert!(unexplained.is_empty(), "{unexplained:?}");
    }
}

#[test]
fn issuance_model_within_five_percent_of_coin_metrics() {
    let Some(b) = built() else { return };
    let s = &b.snapshot;
    let staked = s.series(ids::ETH_STAKED).unwrap();
    let burn = s.series(ids::ETH_BURN).unwrap();
    let rows = read_csv(&shared().join("crosscheck/coinmetrics/coinmetrics_eth_monthly.csv"));
    let supply: Vec<(Date, f64)> = rows
        .iter()
        .filter_map(|r| Some((parse_iso(&r["time"])?, r["SplyCur"].parse().ok()?)))
        .collect();

    // Per span between consecutive first-of-month readings: actual issuance = ΔSplyCur +
    // burn over the span, against the model summed over the same days.
    let mut by_year: BTreeMap<i32, (f64, f64)> = BTreeMap::new();
    for w in supply.windows(2) {
        let ((from, s0), (to, s1)) = (w[0], w[1]);
        if from < d("2022-10-01") {
            continue; // proof-of-work era and the Merge month: not what the test is about
        }
        let days: Vec<Date> = burn
            .dates()
            .iter()
            .copied()
            .filter(|x| *x >= from && *x < to)
            .collect();
        let burned: f64 = days.iter().map(|x| burn.value_on(*x).unwrap()).sum();
        let stake: Vec<Option<f64>> = days.iter().map(|x| staked.value_on(*x)).collect();
        let model: f64 = issuance_series(&days, &stake).iter().map(|v| v.unwrap()).sum();
        let actual = s1 - s0 + burned;
        eprintln!(
            "{} .. {}: actual {:>8.0} ETH/day, model {:>8.0}, error {:+.1}%",
            format_iso(from),
            format_iso(to),
            actual / days.len() as f64,
            model / days.len() as f64,
            (model / actual - 1.0) * 100.0
        );
        if to.year() == from.year() || to.month() == time::Month::January {
            let e = by_year.entry(from.year()).or_default();
            e.0 += actual;
            e.1 += model;
        }
    }
    for year in [2024, 2025] {
        let (actual, model) = by_year[&year];
        let error = model / actual - 1.0;
        eprintln!("{year}: model issuance error {:+.2}%", error * 100.0);
        assert!(error.abs() < 0.05, "{year}: {error}");
    }
}

#[test]
fn every_series_starts_no_earlier_than_2018_and_snapshot_fits_budget() {
    let Some(b) = built() else { return };
    let s: &Snapshot = &b.snapshot;
    for id in [
        ids::BTC_USD,
        ids::ETH_USD,
        ids::QQQ,
        ids::GLD,
        ids::SPY,
        ids::DBC,
        ids::DGS10,
    ] {
        assert_eq!(s.series(id).unwrap().first().year(), 2018, "{id}");
    }
    assert_eq!(s.as_of, d("2026-08-21"));
    assert!(b.text.len() < 260_000, "{} bytes", b.text.len());
}

#[test]
fn page_takeaways_on_real_data() {
    use repricing_core::text::Locale;
    use repricing_core::views::chart::{chart_view, prepare};
    use repricing_core::views::correlation::{rolling_correlations, Counterpart, MarketData};
    use repricing_core::views::range::{Preset, RangeChoice};
    use repricing_core::views::state::{Chart, ViewState};
    let Some(b) = built() else { return };
    let s = std::sync::Arc::new(b.snapshot.clone());
    let data = MarketData::from_snapshot(&s).unwrap();
    let corr = rolling_correlations(&data, &Counterpart::DEFAULT, 90);
    let at = |date: &str, c: usize| {
        let i = data.dates.binary_search(&d(date)).unwrap();
        corr[c].as_ref().unwrap().values[i].unwrap()
    };
    for date in [
        "2025-06-30",
        "2025-12-31",
        "2026-02-06",
        "2026-04-30",
        "2026-08-21",
    ] {
        eprintln!("{date}: 90d corr QQQ {:.2}, GLD {:.2}", at(date, 0), at(date, 1));
    }
    // Early February 2026: bitcoin still moved with tech stocks more than with gold.
    assert!(at("2026-02-06", 0) > at("2026-02-06", 1));
    let en = Locale::en();
    let mut state = ViewState::default();
    state.correlation.range = RangeChoice::Preset(Preset::Y1);
    let v = chart_view(
        &prepare(Chart::Correlation, &s).unwrap(),
        &state.part(Chart::Correlation),
    );
    let text = en.render_all(&v.takeaway);
    eprintln!("{text}");
    assert!(
        text.starts_with("90-day correlation of bitcoin with the Nasdaq-100: "),
        "{text}"
    );

    state.flows.range = RangeChoice::Custom(d("2025-11-01"), d("2025-11-30"));
    let v = chart_view(&prepare(Chart::Flows, &s).unwrap(), &state.part(Chart::Flows));
    let text = en.render_all(&v.takeaway);
    eprintln!("{text}");
    assert!(text.contains("lost a net $3.5bn"), "{text}");
    assert!(
        text.contains("Largest outflow day: −\u{2060}$903.2m on 20 Nov 2025."),
        "{text}"
    );

    state.burn.range = RangeChoice::Preset(Preset::Y1);
    let v = chart_view(&prepare(Chart::Burn, &s).unwrap(), &state.part(Chart::Burn));
    let text = en.render_all(&v.takeaway);
    eprintln!("{text}");
    assert!(text.contains("supply grew by about"), "{text}");
}

#[test]
fn btc_dgs10_pairwise_correlation_covers_almost_every_market_day() {
    use repricing_core::align::sample_on;
    use repricing_core::stats::{
        differences, log_returns, rolling_correlation, rolling_correlation_pairwise,
    };
    let Some(b) = built() else { return };
    let s = &b.snapshot;
    // US market days (SPY's closes), as the correlation chart samples them.
    let market = s.series(ids::SPY).unwrap().dates().to_vec();
    let btc = log_returns(&sample_on(&market, s.series(ids::BTC_USD).unwrap()));
    let dgs10 = differences(&sample_on(&market, s.series(ids::DGS10).unwrap()));
    let pairwise = rolling_correlation_pairwise(&btc, &dgs10, 90);
    let first = pairwise.iter().position(Option::is_some).unwrap();
    let after = &pairwise[first..];
    let covered = after.iter().filter(|c| c.is_some()).count();
    let share = covered as f64 / after.len() as f64;
    let strict = rolling_correlation(&btc, &dgs10, 90);
    let strict_share = strict[first..].iter().filter(|c| c.is_some()).count() as f64 / after.len() as f64;
    eprintln!(
        "BTC~DGS10 90d from {}: pairwise {covered}/{} days ({:.2}%), gap-voids-window rule {:.2}%",
        format_iso(market[first]),
        after.len(),
        share * 100.0,
        strict_share * 100.0
    );
    assert!(share >= 0.99, "{share}");
    for c in after.iter().flatten() {
        assert_eq!(c.n, 90);
        assert!(-1.0 <= c.lo && c.lo <= c.r && c.r <= c.hi && c.hi <= 1.0);
    }
}

#[test]
fn coin_metrics_supply_facts() {
    let Some(b) = built() else { return };
    let s = b.snapshot.series(ids::ETH_SUPPLY_CM).unwrap();
    assert_eq!((s.first(), s.last()), (d("2021-08-01"), d("2025-12-20")));
    assert_eq!(s.dates().len(), 54, "53 firsts of the month and 2025-12-20");
    assert!(s
        .dates()
        .iter()
        .filter(|x| x.day() != 1)
        .eq([d("2025-12-20")].iter()));
    assert_eq!(s.value_on(d("2025-12-01")), Some(121_258_230.912));
    assert_eq!(s.value_on(d("2021-08-01")), Some(117_134_285.5));
    assert_eq!(
        b.report
            .count("coinmetrics/eth_monthly.csv", "dropped: empty in the source"),
        1
    );
    assert_eq!(b.snapshot.providers["coinmetrics"].attribution, "Coin Metrics");
    // The README's facts: supply fell about 0.28% in 2023, rose about 0.24% in 2024 and
    // about 0.7% in 2025 (to 2025-12-01 here, the last first-of-month reading).
    let change = |a: &str, z: &str| s.value_on(d(z)).unwrap() / s.value_on(d(a)).unwrap() - 1.0;
    let (y23, y24, y25) = (
        change("2023-01-01", "2024-01-01"),
        change("2024-01-01", "2025-01-01"),
        change("2025-01-01", "2025-12-01"),
    );
    eprintln!(
        "supply change 2023 {:+.3}%, 2024 {:+.3}%, 2025 to Dec {:+.3}%",
        y23 * 100.0,
        y24 * 100.0,
        y25 * 100.0
    );
    assert!(
        (y23 - -0.0028).abs() < 0.0005 && (y24 - 0.0024).abs() < 0.0005,
        "{y23} {y24}"
    );
    assert!((y25 - 0.007).abs() < 0.001, "{y25}");
}

#[test]
fn issuance_model_calibrated_on_measured_months() {
    use repricing_core::issuance::ModelCheck;
    let Some(b) = built() else { return };
    let check = ModelCheck::from_snapshot(&b.snapshot).unwrap();
    for c in &check.checks {
        eprintln!(
            "{}: measured {:>10.0} modelled {:>10.0} ETH ({:+.2}%)",
            format_iso(c.month),
            c.measured_eth.unwrap_or(f64::NAN),
            c.modelled_eth.unwrap_or(f64::NAN),
            c.error_pct.unwrap_or(f64::NAN)
        );
    }
    let c = check.calibration.unwrap();
    let show = |name: &str, e: &repricing_core::issuance::ErrorSummary| {
        eprintln!(
            "{name}: {} months {}..{}, mean |error| {:.2}%, max {:.2}% ({}), total {:+.2}%",
            e.months,
            format_iso(e.first),
            format_iso(e.last),
            e.mean_abs_pct,
            e.max_abs_pct,
            format_iso(e.max_month),
            e.total_pct
        );
    };
    eprintln!(
        "calibrated: PoW {:.0} ETH/day, PoS coefficient {:.2} (nominal 14,000 and 166.3); band ±{:.2}%",
        c.params.pow_eth_per_day,
        c.params.pos_coefficient,
        c.band_pct()
    );
    show("PoW fit", &c.pow_fit);
    show("PoS fit", &c.pos_fit);
    let validation = c.pos_validation.unwrap();
    show("PoS validation 2025", &validation);
    show("nominal PoS fit", &c.nominal_pos_fit);
    let nominal = c.nominal_pos_validation.unwrap();
    show("nominal PoS validation 2025", &nominal);

    // The measured periods: Aug 2021 .. Aug 2022 (PoW), Oct 2022 .. Dec 2024, 2025 (11 months).
    assert_eq!(
        (c.pow_fit.months, c.pos_fit.months, validation.months),
        (13, 27, 11)
    );
    // Block reward plus uncles: the README's 13,500–14,400 ETH/day is low for 2021–22.
    assert!((14_000.0..15_000.0).contains(&c.params.pow_eth_per_day), "{c:?}");
    // Real participation earns a few percent less than the ideal curve.
    assert!((150.0..166.3).contains(&c.params.pos_coefficient), "{c:?}");
    assert!(
        c.pos_fit.total_pct.abs() < 1e-9,
        "the fit matches its period's total"
    );
    // Out of sample the calibrated model beats the nominal one.
    assert!(
        validation.mean_abs_pct < nominal.mean_abs_pct,
        "{validation:?} vs {nominal:?}"
    );
    // 2025's months run a little above the fit (−2.0 % for the year, against +2.9 % for the
    // nominal model): the coefficient drifts with participation.
    assert!(
        validation.total_pct.abs() < nominal.total_pct.abs(),
        "{validation:?} vs {nominal:?}"
    );
    assert!(validation.total_pct.abs() < 3.0, "{validation:?}");
    assert!(
        validation.max_abs_pct <= c.band_pct(),
        "2025 stays inside the band"
    );
}

#[test]
fn share_of_fees_burned_on_real_data() {
    use repricing_core::fees::{share_of_fees_burned_by, FeeData};
    let Some(b) = built() else { return };
    let f = FeeData::from_snapshot(&b.snapshot).unwrap();
    assert_eq!(f.dates.first(), Some(&d("2021-08-05")));
    let shares: Vec<f64> = f.share_burned.iter().flatten().copied().collect();
    assert_eq!(
        shares.len(),
        f.dates.len(),
        "burn and fees are both known on every burn day"
    );
    assert!(
        shares.iter().all(|s| (0.0..=1.0).contains(s)),
        "the burn is part of the fees"
    );
    let months = share_of_fees_burned_by(&f.dates, &f.burn_eth, &f.fees_eth, Period::Month);
    for m in months.iter().filter(|m| m.start.month() == time::Month::January) {
        eprintln!(
            "{}: {:.1}% of fees burned",
            format_iso(m.start),
            m.share.unwrap_or(f64::NAN) * 100.0
        );
    }
    assert!(f.burn_usd.iter().all(Option::is_some));
}

#[test]
fn dbc_extended_to_a_complete_last_day_and_labels_tell_the_truth() {
    let Some(b) = built() else { return };
    let s = &b.snapshot;
    let dbc = s.series(ids::DBC).unwrap();
    assert_eq!(dbc.last(), d("2026-08-07"));
    assert!(
        !dbc.meta.last_provisional,
        "the extension's last row is a complete day"
    );
    // 43 trading days added after 2026-06-05 (06-19 and 07-03 were holidays).
    let added = dbc.dates().iter().filter(|x| **x > d("2026-06-05")).count();
    assert_eq!(added, 43);
    assert_eq!(dbc.value_on(d("2026-08-07")), Some(28.91));
    assert_eq!(
        b.report
            .count("dbc_to_2026-08-07.csv", "shared day: 1 float32 step"),
        498
    );
    assert_eq!(
        b.report
            .count("dbc_to_2026-08-07.csv", "shared day: 2 float32 step"),
        24
    );
    for (id, from) in [(ids::QQQ, "2025-12-22"), (ids::SPY, "2025-12-19")] {
        let note = s.series(id).unwrap().meta.note.clone().unwrap();
        assert!(
            note.starts_with("Adjusted for dividends to Dec 2025, unadjusted after"),
            "{note}"
        );
        assert!(note.contains(&format!("unadjusted closes from {from}")), "{note}");
    }
    let staked = &s.series(ids::ETH_STAKED).unwrap().meta;
    assert!(staked.label.contains("net of withdrawals"), "{}", staked.label);
}
