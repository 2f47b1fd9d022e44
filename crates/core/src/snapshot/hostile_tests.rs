//! The hostile-snapshot matrix: the committed snapshot, mutated one way at a time, and
//! exactly what each mutation affects. Every mutated file is re-sealed (its checksum
//! recomputed) unless the case is about the checksum, so each case tests its own rule;
//! every loaded snapshot must also satisfy [`assert_sane`] (no inf/NaN, everything within
//! bounds, totals equal to the sum of their funds).

use super::bounds::{flow_kind, series_kind, TOTAL_TOLERANCE_USD_M};
use super::*;
use proptest::prop_assert;
use serde_json::{json, Value};

const REAL: &str = include_str!("../../../../public/data/snapshot.json");
/// A change to the file's JSON.
type Edit = dyn Fn(&mut Value);
/// Placeholder for a token `serde_json::Value` cannot hold (`NaN`, `1e309`).
const TOKEN: &str = "\"@@token@@\"";

fn real() -> Value {
    serde_json::from_str(REAL).unwrap()
}

/// `v` as text, with the placeholder replaced by `token` and the checksum recomputed.
fn sealed(v: &Value, token: &str) -> String {
    checksum::seal(&v.to_string().replace(TOKEN, token))
}

fn placeholder() -> Value {
    Value::String("@@token@@".into())
}

/// The real snapshot as it reads after the same `Value` round trip as a mutated one.
fn baseline() -> &'static Snapshot {
    static BASE: std::sync::OnceLock<Snapshot> = std::sync::OnceLock::new();
    BASE.get_or_init(|| Snapshot::from_json(&sealed(&real(), "")).unwrap())
}

/// Loads the real snapshot after `edit` (and `token` in place of the placeholder).
fn mutated(edit: impl FnOnce(&mut Value), token: &str) -> Result<Snapshot, SnapshotError> {
    let mut v = real();
    edit(&mut v);
    let snap = Snapshot::from_json(&sealed(&v, token));
    if let Ok(s) = &snap {
        assert_sane(s);
    }
    snap
}

fn loaded(edit: impl FnOnce(&mut Value), token: &str) -> Snapshot {
    mutated(edit, token).unwrap()
}

/// A reader message: a sentence, no parser jargon, no debug output.
fn assert_readable(e: &SnapshotError) {
    let m = e.reader_message();
    for jargon in ["expected", "invalid type", "Some(", "\\\"", "EOF", "{"] {
        assert!(!m.contains(jargon), "jargon `{jargon}` in: {m}");
    }
    for position in ["line ", "column "] {
        let followed_by_digit = m
            .match_indices(position)
            .any(|(i, p)| m[i + p.len()..].starts_with(|c: char| c.is_ascii_digit()));
        assert!(!followed_by_digit, "parser position in: {m}");
    }
    assert!(
        m.ends_with('.') || m.starts_with("the data file has no series"),
        "{m}"
    );
    assert!(!e.detail().is_empty());
}

/// Every series id and flow table id of the real file.
fn all_ids() -> (Vec<String>, Vec<String>) {
    let v = real();
    let keys = |k: &str| v[k].as_object().unwrap().keys().cloned().collect();
    (keys("series"), keys("etf_flows"))
}

/// Everything but `series` and `flows` (and the file-level lists) is as in the baseline.
fn assert_only(snap: &Snapshot, series: &[&str], flows: &[&str]) {
    let base = baseline();
    let (all_series, all_flows) = all_ids();
    for id in &all_series {
        if !series.contains(&id.as_str()) {
            assert!(snap.series(id) == base.series(id), "series {id} changed");
            assert!(snap.series(id).is_ok(), "{id}");
        }
    }
    for id in &all_flows {
        if !flows.contains(&id.as_str()) {
            assert!(snap.flows(id) == base.flows(id), "flows {id} changed");
        }
    }
}

fn assert_files_lists_unchanged(snap: &Snapshot) {
    let base = baseline();
    assert_eq!(snap.events, base.events);
    assert_eq!(snap.market_holidays, base.market_holidays);
    assert_eq!(snap.as_of, base.as_of);
    assert!(snap.file_issues().is_empty(), "{:?}", snap.file_issues());
}

/// No loaded value is non-finite or implausible; every total is the sum of its funds.
fn assert_sane(snap: &Snapshot) {
    for (id, s) in snap
        .series
        .iter()
        .filter_map(|(id, s)| Some((id, s.as_ref().ok()?)))
    {
        let b = series_kind(id).bounds;
        assert!(s.values().iter().flatten().all(|v| b.contains(*v)), "{id}");
        assert_eq!(s.values().len(), s.dates().len());
        assert!(s.values().iter().any(Option::is_some), "{id}");
    }
    for (id, t) in snap
        .flows
        .iter()
        .filter_map(|(id, t)| Some((id, t.as_ref().ok()?)))
    {
        let b = flow_kind(id).bounds;
        for (d, total) in t.total_usd_m().iter().enumerate() {
            let sum: f64 = t.funds().iter().map(|f| f.flows_usd_m[d]).sum();
            assert!(b.contains(*total) && (sum - total).abs() <= TOTAL_TOLERANCE_USD_M + 1e-9);
            assert!(t.funds().iter().all(|f| b.contains(f.flows_usd_m[d])));
        }
    }
}

fn whole_file_error(text: &str) -> SnapshotError {
    let e = Snapshot::from_json(text).unwrap_err();
    assert!(e.is_whole_file(), "{e:?}");
    assert_readable(&e);
    e
}

/// One value of series `id` at `index` set to `value`; returns the date it is on.
fn set_value(id: &str, index: usize, value: Value) -> (Snapshot, Date) {
    let date = baseline().series(id).unwrap().dates()[index];
    let snap = loaded(|v| v["series"][id]["values"][index] = value, "1e309");
    (snap, date)
}

/// Asserts the single value of `id` at `index` was set aside and nothing else changed.
fn assert_one_gap(snap: &Snapshot, id: &str, index: usize, date: Date, value: &str, reason: Reason) {
    let base = baseline();
    let (s, b) = (snap.series(id).unwrap(), base.series(id).unwrap());
    assert_eq!(s.dates(), b.dates());
    assert_eq!(s.values()[index], None);
    for (i, (x, y)) in s.values().iter().zip(b.values()).enumerate() {
        if i != index {
            assert_eq!(x, y, "{id}[{i}]");
        }
    }
    let kind = series_kind(id);
    assert_eq!(
        s.issues(),
        &[Issue::ValueSetAside {
            date,
            quantity: kind.quantity.into(),
            value: value.into(),
            unit: kind.unit.into(),
            reason,
        }]
    );
    assert_only(snap, &[id], &[]);
    assert_files_lists_unchanged(snap);
}

fn out_of(id: &str) -> Reason {
    let b = series_kind(id).bounds;
    Reason::OutOfBounds {
        low: b.low,
        high: b.high,
    }
}

// ---- the committed file itself ----

#[test]
fn the_committed_file_verifies_by_text_and_by_content() {
    let snap = Snapshot::from_json(REAL).unwrap();
    let raw: RawSnapshot = serde_json::from_str(REAL).unwrap();
    assert_eq!(checksum::of_text(REAL, &raw.content_sha256), raw.content_sha256);
    assert_eq!(checksum::of_raw(&raw).unwrap(), raw.content_sha256);
    // The lenient reader and the typed path agree on every series.
    let typed = Snapshot::from_raw(raw).unwrap();
    assert!(typed == snap, "the typed path disagrees with the lenient reader");
    assert_sane(&snap);
    let (all_series, all_flows) = all_ids();
    for id in &all_series {
        assert!(snap.issues_for(id).is_empty(), "{id}: {:?}", snap.issues_for(id));
    }
    for id in &all_flows {
        assert!(snap.flows(id).unwrap().issues().is_empty(), "{id}");
    }
    assert!(snap.file_issues().is_empty());
    // The Value round trip the mutations use changes nothing but the checksum.
    let mut base = baseline().clone();
    base.content_sha256.clone_from(&snap.content_sha256);
    assert!(base == snap, "the Value round trip changed the snapshot");
}

#[test]
fn a_reindented_file_with_the_same_content_verifies() {
    let pretty = serde_json::to_string_pretty(&real()).unwrap();
    assert!(Snapshot::from_json(&pretty).is_ok());
}

// ---- absurd, negative and unusable values become one gap each ----

#[test]
fn absurd_burn_is_one_gap_with_a_note() {
    let (snap, date) = set_value(ids::ETH_BURN, 40, json!(1e308));
    assert_one_gap(&snap, ids::ETH_BURN, 40, date, "1e308", out_of(ids::ETH_BURN));
    assert_eq!(
        snap.series(ids::ETH_BURN).unwrap().notes(),
        [format!(
            "1 value outside plausible bounds set aside: burn 1e308 ETH on {}.",
            format_iso(date)
        )]
    );
}

#[test]
fn absurd_negative_close_is_one_gap() {
    let (snap, date) = set_value(ids::BTC_USD, 100, json!(-1.7e308));
    assert_one_gap(&snap, ids::BTC_USD, 100, date, "−1.7e308", out_of(ids::BTC_USD));
}

#[test]
fn a_price_of_almost_nothing_is_a_gap() {
    let mut v = real();
    v["series"]["eth_usd"]["values"][9] = placeholder();
    let snap = Snapshot::from_json(&sealed(&v, "1e-320")).unwrap();
    assert!(matches!(
        snap.series(ids::ETH_USD).unwrap().issues(),
        [Issue::ValueSetAside {
            reason: Reason::OutOfBounds { .. },
            ..
        }]
    ));
}

#[test]
fn negative_and_zero_prices_are_gaps() {
    let (snap, date) = set_value(ids::QQQ, 7, json!(-5.0));
    assert_one_gap(&snap, ids::QQQ, 7, date, "−5", out_of(ids::QQQ));
    let (snap, date) = set_value(ids::GLD, 8, json!(0));
    assert_one_gap(&snap, ids::GLD, 8, date, "0", out_of(ids::GLD));
}

#[test]
fn negative_burn_and_implausible_stake_and_yield_are_gaps() {
    let (snap, date) = set_value(ids::ETH_BURN, 3, json!(-1));
    assert_one_gap(&snap, ids::ETH_BURN, 3, date, "−1", out_of(ids::ETH_BURN));
    let (snap, date) = set_value(ids::ETH_STAKED, 3, json!(2.5e8));
    assert_one_gap(
        &snap,
        ids::ETH_STAKED,
        3,
        date,
        "250,000,000",
        out_of(ids::ETH_STAKED),
    );
    let (snap, date) = set_value(ids::DGS10, 3, json!(31));
    assert_one_gap(&snap, ids::DGS10, 3, date, "31", out_of(ids::DGS10));
}

#[test]
fn a_string_or_bool_or_object_where_a_number_goes_is_a_gap() {
    for (value, text) in [
        (json!("123.4"), "\"123.4\""),
        (json!(true), "true"),
        (json!({"v": 1}), "{\"v\":1}"),
    ] {
        let (snap, date) = set_value(ids::ETH_STAKED, 10, value);
        assert_one_gap(&snap, ids::ETH_STAKED, 10, date, text, Reason::NotANumber);
    }
}

#[test]
fn a_number_too_large_for_f64_is_a_gap() {
    let (snap, date) = set_value(ids::DGS10, 20, placeholder());
    assert_one_gap(&snap, ids::DGS10, 20, date, "1e309", Reason::NotANumber);
    assert_eq!(
        snap.series(ids::DGS10).unwrap().notes(),
        [format!(
            "1 value that is not a number set aside: yield 1e309% on {}.",
            format_iso(date)
        )]
    );
}

#[test]
fn too_many_bad_values_refuse_the_series() {
    let snap = loaded(
        |v| {
            for i in 0..50 {
                v["series"]["btc_usd"]["values"][i * 3] = json!(-1);
            }
        },
        "",
    );
    let e = snap.series(ids::BTC_USD).unwrap_err();
    assert!(
        matches!(e, SnapshotError::TooManySetAside { count: 50, .. }),
        "{e:?}"
    );
    assert_readable(&e);
    assert!(e
        .to_string()
        .starts_with("The bitcoin price series in the data file is damaged (50 of its"));
    assert_only(&snap, &[ids::BTC_USD], &[]);
}

#[test]
fn too_many_bad_flow_days_refuse_the_table() {
    let snap = loaded(
        |v| {
            for i in 0..20 {
                v["etf_flows"]["eth"]["total"][i * 2] = json!(99.9);
            }
        },
        "",
    );
    let e = snap.flows(ids::FLOWS_ETH).unwrap_err();
    assert!(
        e.to_string().starts_with(
            "The ether ETF flow table in the data file is damaged (20 of its 523 days are unusable"
        ),
        "{e}"
    );
    assert_only(&snap, &[], &[ids::FLOWS_ETH]);
}

#[test]
fn an_all_null_series_is_refused_as_having_no_values() {
    let n = baseline().series(ids::ETH_FEES).unwrap().dates().len();
    let snap = loaded(
        |v| v["series"]["eth_fees"]["values"] = json!(vec![Value::Null; n]),
        "",
    );
    let e = snap.series(ids::ETH_FEES).unwrap_err();
    assert_eq!(
        e.to_string(),
        "The Ethereum fees series in the data file has no values, only gaps, so this chart can't be drawn."
    );
    assert_only(&snap, &[ids::ETH_FEES], &[]);
}

// ---- broken axes and layouts refuse only their series ----

#[test]
fn a_day_step_of_minus_one_refuses_only_that_series() {
    let snap = loaded(
        |v| v["series"]["btc_usd"]["axis"]["day_steps"][11] = json!(-1),
        "",
    );
    let e = snap.series(ids::BTC_USD).unwrap_err();
    assert_eq!(
        e.to_string(),
        "The bitcoin price series in the data file is damaged (day step −1 at position 12), \
         so this chart can't be drawn."
    );
    assert_eq!(snap.refusals(), [("btc_usd".to_owned(), &e)]);
    assert_readable(&e);
    assert_only(&snap, &[ids::BTC_USD], &[]);
    assert_files_lists_unchanged(&snap);
}

#[test]
fn a_day_step_of_zero_or_text_or_a_huge_one_refuses_only_that_series() {
    for step in [json!(0), json!("1"), json!(1.5), json!(9_000_000_000u64)] {
        let snap = loaded(
            |v| v["etf_flows"]["eth"]["axis"]["day_steps"][4] = step.clone(),
            "",
        );
        let e = snap.flows(ids::FLOWS_ETH).unwrap_err();
        assert!(
            matches!(e, SnapshotError::BadStep { position: 5, .. }),
            "{step}: {e:?}"
        );
        assert!(e
            .to_string()
            .starts_with("The ether ETF flow table in the data file is damaged (day step"));
        assert_only(&snap, &[], &[ids::FLOWS_ETH]);
    }
}

#[test]
fn a_bad_start_date_or_short_column_or_odd_layout_refuses_only_that_series() {
    let cases: Vec<(Box<Edit>, &str)> = vec![
        (
            Box::new(|v| v["series"]["gld"]["axis"]["start"] = json!("2025-02-30")),
            "is not a calendar date",
        ),
        (
            Box::new(|v| v["series"]["gld"]["axis"]["start"] = json!(20180102)),
            "is not a calendar date",
        ),
        (
            Box::new(|v| {
                v["series"]["gld"]["values"].as_array_mut().unwrap().pop();
            }),
            "its values column has",
        ),
        (Box::new(|v| v["series"]["gld"] = json!("gold")), "layout"),
        (Box::new(|v| v["series"]["gld"]["values"] = json!({})), "layout"),
        (
            Box::new(|v| v["series"]["gld"]["meta"]["label"] = json!(5)),
            "layout",
        ),
    ];
    for (edit, words) in cases {
        let snap = loaded(edit, "");
        let e = snap.series(ids::GLD).unwrap_err();
        assert_readable(&e);
        assert!(e.to_string().contains(words), "{e}");
        assert!(e
            .to_string()
            .starts_with("The gold (GLD) price series in the data file is damaged"));
        assert_only(&snap, &[ids::GLD], &[]);
    }
}

#[test]
fn a_missing_series_affects_only_its_charts() {
    let snap = loaded(
        |v| {
            v["series"].as_object_mut().unwrap().remove("gld");
        },
        "",
    );
    assert_eq!(
        snap.series(ids::GLD),
        Err(SnapshotError::MissingSeries("gld".into()))
    );
    assert_only(&snap, &[ids::GLD], &[]);
    assert_files_lists_unchanged(&snap);
}

#[test]
fn a_series_given_twice_is_refused_not_guessed() {
    let mut v = real();
    let copy = v["series"]["eth_usd"].to_string();
    v["series"]["eth_usd"] = placeholder();
    let text = v
        .to_string()
        .replace(TOKEN, &format!("{copy},\"eth_usd\":{copy}"));
    let snap = Snapshot::from_json(&checksum::seal(&text)).unwrap();
    let e = snap.series(ids::ETH_USD).unwrap_err();
    assert!(matches!(e, SnapshotError::Layout { .. }), "{e:?}");
    assert_only(&snap, &[ids::ETH_USD], &[]);
}

#[test]
fn a_provider_that_is_not_one_refuses_the_series_that_credit_it() {
    let snap = loaded(|v| v["providers"]["fred"] = json!(7), "");
    let e = snap.series(ids::DGS10).unwrap_err();
    assert!(matches!(e, SnapshotError::UnknownProvider { .. }), "{e:?}");
    assert_readable(&e);
    assert_only(&snap, &[ids::DGS10], &[]);
    assert_eq!(
        snap.file_notes(),
        ["Provider `fred` dropped: it does not have the layout this page reads."]
    );
}

#[test]
fn an_unknown_series_is_bounded_too() {
    let snap = loaded(
        |v| {
            let mut extra = v["series"]["gld"].clone();
            extra["values"][2] = json!(1e300);
            v["series"]["zzz"] = extra;
        },
        "",
    );
    assert!(matches!(
        snap.series("zzz").unwrap().issues(),
        [Issue::ValueSetAside { .. }]
    ));
    assert_only(&snap, &["zzz"], &[]);
}

// ---- flow tables: cross-checked totals, rows set aside ----

#[test]
fn a_total_that_is_not_the_sum_of_its_funds_is_replaced_and_named() {
    let base = baseline();
    let t0 = base.flows(ids::FLOWS_BTC).unwrap();
    let date = t0.dates()[30];
    let stated = t0.total_usd_m()[30] + 500.0;
    let snap = loaded(|v| v["etf_flows"]["btc"]["total"][30] = json!(stated), "");
    let t = snap.flows(ids::FLOWS_BTC).unwrap();
    assert_eq!(t.dates(), t0.dates());
    assert_eq!(t.funds(), t0.funds());
    assert!((t.total_usd_m()[30] - t0.total_usd_m()[30]).abs() < 1e-9);
    assert!(matches!(t.issues(), [Issue::TotalNotSum { date: d, .. }] if *d == date));
    let notes = t.notes();
    assert!(
        notes[0].starts_with(&format!(
            "On 1 day the total is not the sum of the funds, so the sum is shown: {}",
            format_iso(date)
        )),
        "{notes:?}"
    );
    assert_only(&snap, &[], &[ids::FLOWS_BTC]);
    assert_files_lists_unchanged(&snap);
}

#[test]
fn an_unusable_fund_cell_leaves_that_day_out() {
    let base = baseline();
    let t0 = base.flows(ids::FLOWS_ETH).unwrap();
    for (cell, text) in [
        (json!(1e308), "1e308"),
        (json!(null), "null"),
        (json!("5"), "\"5\""),
    ] {
        let snap = loaded(|v| v["etf_flows"]["eth"]["by_fund"][0][12] = cell, "");
        let t = snap.flows(ids::FLOWS_ETH).unwrap();
        assert_eq!(t.dates().len(), t0.dates().len() - 1);
        assert!(!t.dates().contains(&t0.dates()[12]));
        assert!(
            matches!(t.issues(), [Issue::RowSetAside { fund, value, .. }] if fund == "ETHA" && value == text),
            "{:?}",
            t.issues()
        );
        assert_only(&snap, &[], &[ids::FLOWS_ETH]);
    }
}

#[test]
fn a_table_without_funds_or_with_a_fund_twice_is_refused() {
    let no_funds = |v: &mut Value| {
        v["etf_flows"]["btc"]["funds"] = json!([]);
        v["etf_flows"]["btc"]["by_fund"] = json!([]);
    };
    let twice = |v: &mut Value| v["etf_flows"]["btc"]["funds"][1] = v["etf_flows"]["btc"]["funds"][0].clone();
    for edit in [&no_funds as &Edit, &twice] {
        let snap = loaded(edit, "");
        let e = snap.flows(ids::FLOWS_BTC).unwrap_err();
        assert!(matches!(e, SnapshotError::Layout { .. }), "{e:?}");
        assert_readable(&e);
        assert_only(&snap, &[], &[ids::FLOWS_BTC]);
    }
}

#[test]
fn an_absurd_total_is_replaced_by_the_sum() {
    let snap = loaded(|v| v["etf_flows"]["btc"]["total"][3] = placeholder(), "1e309");
    let t = snap.flows(ids::FLOWS_BTC).unwrap();
    assert!(matches!(t.issues(), [Issue::TotalNotSum { stated, .. }] if stated == "1e309"));
}

// ---- events, holidays, as_of: dropped or replaced one by one ----

#[test]
fn an_impossible_holiday_is_dropped_alone() {
    let snap = loaded(|v| v["market_holidays"][3] = json!("2025-02-30"), "");
    assert_eq!(snap.market_holidays.len(), baseline().market_holidays.len() - 1);
    assert_eq!(
        snap.file_notes(),
        ["Market holiday 4 dropped: `2025-02-30` is not a YYYY-MM-DD date."]
    );
    assert_only(&snap, &[], &[]);
}

#[test]
fn an_event_dated_yesterday_is_dropped_alone() {
    let snap = loaded(|v| v["events"][2]["date"] = json!("yesterday"), "");
    let base = baseline();
    assert_eq!(snap.events.len(), base.events.len() - 1);
    assert!(snap.events.iter().all(|e| base.events.contains(e)));
    assert!(matches!(
        snap.file_issues(),
        [Issue::EntryDropped { list: "events", why, .. }] if why.contains("`yesterday`")
    ));
    assert_only(&snap, &[], &[]);
    assert_eq!(
        snap.file_notes(),
        ["Event 3 dropped: its date `yesterday` is not a YYYY-MM-DD date."]
    );
    let snap = loaded(|v| v["events"][0] = json!(42), "");
    assert_eq!(snap.events.len(), base.events.len() - 1);
    assert_eq!(
        snap.file_notes(),
        ["Event 1 dropped: it does not have the layout this page reads."]
    );
    let snap = loaded(|v| v["market_holidays"] = json!("none"), "");
    assert!(snap.market_holidays.is_empty());
    assert_eq!(
        snap.file_notes(),
        ["Market holiday 1 dropped: the list is unreadable."]
    );
    assert_only(&snap, &[], &[]);
}

#[test]
fn a_wrong_as_of_is_replaced_by_the_data() {
    let snap = loaded(|v| v["as_of"] = json!("2030-01-01"), "");
    assert_eq!(snap.as_of, baseline().as_of);
    assert!(matches!(snap.file_issues(), [Issue::AsOfMismatch { .. }]));
    let snap = loaded(|v| v["as_of"] = json!(12), "");
    assert_eq!(snap.as_of, baseline().as_of);
    // Moved back to a date two series end on: the seven parts that run later outvote it.
    let snap = loaded(|v| v["as_of"] = json!("2026-06-05"), "");
    assert_eq!(snap.as_of, baseline().as_of);
    assert_only(&snap, &[], &[]);
}

#[test]
fn a_series_running_past_the_files_date_is_refused() {
    // Dates shifted four years ahead, metadata and checksum made to match.
    let snap = loaded(
        |v| {
            v["series"]["dgs10"]["axis"]["start"] = json!("2022-01-03");
            v["series"]["dgs10"]["meta"]["first"] = json!("2022-01-03");
        },
        "",
    );
    let e = snap.series(ids::DGS10).unwrap_err();
    assert!(matches!(e, SnapshotError::PastAsOf { .. }), "{e:?}");
    assert_readable(&e);
    assert_only(&snap, &[ids::DGS10], &[]);
    assert_files_lists_unchanged(&snap);
}

#[test]
fn a_declared_range_that_disagrees_is_a_note() {
    let snap = loaded(|v| v["series"]["spy"]["meta"]["first"] = json!("2017-01-01"), "");
    assert!(matches!(
        snap.series(ids::SPY).unwrap().issues(),
        [Issue::RangeMismatch { field: "first", .. }]
    ));
    assert_eq!(
        snap.series(ids::SPY).unwrap().values(),
        baseline().series(ids::SPY).unwrap().values()
    );
}

// ---- the checksum ----

#[test]
fn a_wrong_checksum_refuses_the_file_as_modified() {
    let stated = real()["content_sha256"].as_str().unwrap().to_owned();
    let flipped = format!("0{}", &stated[1..]);
    let text = REAL.replace(&stated, if stated.starts_with('0') { "1" } else { &flipped });
    let e = whole_file_error(&text);
    assert!(matches!(e, SnapshotError::Modified { .. }));
    assert!(e.to_string().contains("modified after it was built"), "{e}");
}

#[test]
fn tripled_closes_with_the_old_checksum_are_refused_as_modified() {
    let mut v = real();
    for x in v["series"]["btc_usd"]["values"].as_array_mut().unwrap() {
        if let Some(f) = x.as_f64() {
            *x = json!(f * 3.0);
        }
    }
    let e = whole_file_error(&v.to_string());
    assert!(matches!(e, SnapshotError::Modified { .. }));
    // The checksum is integrity, not authenticity: re-sealed, plausible numbers load.
    assert!(Snapshot::from_json(&checksum::seal(&v.to_string())).is_ok());
}

#[test]
fn any_edit_without_a_new_checksum_is_refused() {
    let text = REAL.replacen("\"day_steps\":[1,", "\"day_steps\":[2,", 1);
    assert!(matches!(whole_file_error(&text), SnapshotError::Modified { .. }));
    assert!(Snapshot::from_json_unverified(&text).is_ok());
}

// ---- whole-file damage ----

#[test]
fn tokens_that_are_not_json_fail_the_whole_file_readably() {
    for token in ["NaN", "Infinity", "-Infinity", "nan", "1e"] {
        let text = sealed(
            &{
                let mut v = real();
                v["series"]["eth_burn"]["values"][5] = placeholder();
                v
            },
            token,
        );
        let e = whole_file_error(&text);
        assert!(
            matches!(
                e,
                SnapshotError::Unreadable {
                    problem: FileProblem::NotJson,
                    ..
                }
            ),
            "{token}: {e:?}"
        );
        assert!(e.detail().contains("line 1 column"), "{}", e.detail());
        assert_eq!(
            e.to_string(),
            "The data file is damaged or incomplete (it is not valid JSON), so no chart can be drawn."
        );
    }
}

#[test]
fn truncated_empty_and_foreign_files_fail_whole_readably() {
    let cut = REAL.get(..REAL.len() / 2).unwrap();
    assert!(matches!(
        whole_file_error(cut),
        SnapshotError::Unreadable {
            problem: FileProblem::Truncated,
            ..
        }
    ));
    for empty in ["", "  \n"] {
        assert!(matches!(
            whole_file_error(empty),
            SnapshotError::Unreadable {
                problem: FileProblem::Empty,
                ..
            }
        ));
    }
    for foreign in ["<!doctype html><p>404", "[1,2]", "null", "{}"] {
        whole_file_error(foreign);
    }
}

#[test]
fn a_missing_top_level_key_fails_whole() {
    for key in [
        "series",
        "etf_flows",
        "providers",
        "events",
        "market_holidays",
        "as_of",
        "schema_version",
    ] {
        let mut v = real();
        v.as_object_mut().unwrap().remove(key);
        let e = whole_file_error(&sealed(&v, ""));
        assert!(
            matches!(
                e,
                SnapshotError::Unreadable {
                    problem: FileProblem::Layout,
                    ..
                }
            ),
            "{key}: {e:?}"
        );
        assert!(e.detail().contains(key), "{}", e.detail());
    }
}

#[test]
fn another_schema_version_fails_whole() {
    let mut v = real();
    v["schema_version"] = json!(99);
    let e = whole_file_error(&sealed(&v, ""));
    assert_eq!(
        e,
        SnapshotError::Schema {
            found: 99,
            expected: 1
        }
    );
    assert_eq!(
        e.to_string(),
        "The data file was written for another version of this page (schema version 99; this page \
         reads version 1), so no chart can be drawn."
    );
}

// ---- rules, not cases: random single mutations ----

/// Tokens an attacker might put where a number goes.
const VALUE_TOKENS: &[&str] = &[
    "1e308",
    "-1.7e308",
    "-1",
    "0",
    "-0",
    "1e-320",
    "\"x\"",
    "\"12\"",
    "true",
    "1e309",
    "-1e309",
    "null",
    "{}",
    "[]",
    "[1]",
    "123456789012345678901234567890",
];
/// Tokens an attacker might put where a day step goes.
const STEP_TOKENS: &[&str] = &["0", "-1", "\"1\"", "1.5", "4294967296", "9e18", "null", "1e309"];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// One token anywhere in one series or table: the file loads, only that part is
    /// affected, nothing implausible is loaded, and any refusal reads as a sentence.
    #[test]
    fn one_bad_token_affects_only_its_part(
        part in 0usize..13,
        column in 0usize..12,
        at in 0usize..5000,
        token in 0usize..VALUE_TOKENS.len(),
        step in proptest::bool::ANY,
    ) {
        let (all_series, all_flows) = all_ids();
        let mut v = real();
        let (affected_series, affected_flows, target): (Vec<&str>, Vec<&str>, &mut Value) =
            if part < all_series.len() {
                let id = all_series[part].as_str();
                let s = &mut v["series"][id];
                (vec![id], vec![], if step { &mut s["axis"]["day_steps"] } else { &mut s["values"] })
            } else {
                let id = all_flows[part % all_flows.len()].as_str();
                let t = &mut v["etf_flows"][id];
                let target = if step {
                    &mut t["axis"]["day_steps"]
                } else if column == 0 {
                    &mut t["total"]
                } else {
                    let funds = t["by_fund"].as_array().map_or(1, Vec::len);
                    &mut t["by_fund"][column % funds]
                };
                (vec![], vec![id], target)
            };
        let items = target.as_array_mut().unwrap();
        let len = items.len();
        items[at % len] = placeholder();
        let token = if step { STEP_TOKENS[token % STEP_TOKENS.len()] } else { VALUE_TOKENS[token] };
        let snap = Snapshot::from_json(&sealed(&v, token)).unwrap();
        assert_sane(&snap);
        assert_only(&snap, &affected_series, &affected_flows);
        assert_files_lists_unchanged(&snap);
        for id in &affected_series {
            if let Err(e) = snap.series(id) {
                assert!(!e.is_whole_file());
                assert_readable(&e);
            }
        }
        for id in &affected_flows {
            match snap.flows(id) {
                Ok(t) => {
                    let base = baseline().flows(id).unwrap();
                    prop_assert!(t.dates().iter().all(|d| base.dates().contains(d)));
                    prop_assert!(t.dates().len() + 1 >= base.dates().len());
                }
                Err(e) => {
                    assert!(!e.is_whole_file());
                    assert_readable(&e);
                }
            }
        }
    }
}
