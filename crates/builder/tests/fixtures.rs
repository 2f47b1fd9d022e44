//! The builder on small hand-written files: every format read right, every hard error
//! named by file, line and reason, nothing written on failure.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

mod common;

use common::{edit, events, fixtures, scratch_raw};
use repricing_core::date::parse_iso;
use repricing_core::snapshot::ids;
use snapshot_builder::build;
use std::path::Path;

fn d(s: &str) -> repricing_core::Date {
    parse_iso(s).unwrap()
}

#[test]
fn good_fixtures_build_with_every_format_read() {
    let built = build(&fixtures().join("raw"), &events()).unwrap();
    let s = &built.snapshot;
    assert_eq!(s.as_of, d("2024-07-24"));

    // Yahoo JSON: float32 widening trimmed, dates from UTC timestamps.
    let btc = s.series(ids::BTC_USD).unwrap();
    assert_eq!(btc.first(), d("2024-01-10"));
    assert_eq!(btc.value_on(d("2024-01-10")), Some(46105.953));
    assert!(btc.meta.last_provisional);
    // Yahoo CSV: the pre-2018 row and the `null` close are dropped.
    let eth = s.series(ids::ETH_USD).unwrap();
    assert_eq!(eth.dates().len(), 4);
    assert_eq!(eth.value_on(d("2024-01-13")), None);
    assert_eq!(eth.value_on(d("2024-01-11")), Some(2618.25));
    // FRED: blank dropped, CSV joined with the cache (which adds 2024-01-17).
    let dgs = s.series(ids::DGS10).unwrap();
    assert_eq!(dgs.dates().len(), 5);
    assert_eq!(dgs.value_on(d("2024-01-15")), None);
    assert_eq!(dgs.value_on(d("2024-01-17")), Some(4.1));
    // CryptoQuant: blank before London dropped, blank after it kept as a gap, rounding.
    let burn = s.series(ids::ETH_BURN).unwrap();
    assert_eq!(burn.first(), d("2021-08-05"));
    assert_eq!(burn.values(), &[Some(1234.568), None, Some(2100.25)]);
    let burn_usd = s.series(ids::ETH_BURN_USD).unwrap();
    assert_eq!(burn_usd.values(), &[Some(3487654.0), Some(6000001.0), None]);
    assert_eq!(
        s.series(ids::ETH_STAKED).unwrap().values(),
        &[Some(6500000.0), Some(6510001.0)]
    );

    // Farside: the bogus 2024-01-01 row is rejected, the holiday is not a zero-flow day.
    let flows = s.flows(ids::FLOWS_BTC).unwrap();
    let dates: Vec<_> = flows.dates().to_vec();
    assert_eq!(
        dates,
        vec![d("2024-01-11"), d("2024-01-12"), d("2024-01-16"), d("2024-01-17")]
    );
    assert_eq!(flows.total_usd_m(), &[655.3, 203.0, -52.7, 453.8]);
    assert_eq!(flows.funds()[10].ticker, "GBTC");
    assert_eq!(flows.funds()[10].flows_usd_m[0], -95.1);
    assert_eq!(s.market_holidays, vec![d("2024-01-15")]);
    assert_eq!(flows.meta.note, None);
    let eth_flows = s.flows(ids::FLOWS_ETH).unwrap();
    assert_eq!(eth_flows.total_usd_m(), &[106.6, -133.3]);

    // The report names file, line and reason of every set-aside row.
    let r = &built.report;
    let bogus = r
        .notices()
        .iter()
        .find(|n| n.file.ends_with("farside/btc_flows.csv") && n.reason.contains("first listing"))
        .unwrap();
    assert_eq!(bogus.location, snapshot_builder::Location::Line(2));
    assert_eq!(r.count("btc_flows.csv", "marked no trading"), 1);
    assert_eq!(r.count("eth.csv", "dropped: before the snapshot start"), 1);
    assert_eq!(r.count("eth.csv", "dropped: no close"), 1);
    assert_eq!(r.count("DGS10.csv", "dropped: no observation"), 1);
    assert_eq!(r.count("eth_fees_burnt.csv", "dropped: blank before"), 1);
    assert_eq!(r.count("eth_fees_burnt.csv", "kept as a gap"), 1);
    assert_eq!(s.events.len(), 1);
    assert!(s.events[0].description.contains("with commas"));
}

#[test]
fn output_is_deterministic_and_hash_checks_out() {
    let a = build(&fixtures().join("raw"), &events()).unwrap();
    let b = build(&fixtures().join("raw"), &events()).unwrap();
    assert_eq!(a.text, b.text);
    assert_eq!(a.snapshot.content_sha256.len(), 64);
    assert_eq!(
        repricing_core::snapshot::checksum::of_text(&a.text),
        a.snapshot.content_sha256
    );
    assert!(a
        .text
        .lines()
        .any(|l| l == format!("content_sha256 {}", a.snapshot.content_sha256)));
    // The written file reads back into the same snapshot.
    let back = repricing_core::Snapshot::from_text(&a.text).unwrap();
    assert_eq!(back, a.snapshot);
}

/// Builds a broken copy and returns the error message.
fn error_after(relative: &str, from: &str, to: &str) -> String {
    let raw = scratch_raw();
    edit(&raw, relative, from, to);
    let message = match build(&raw, &events()) {
        Ok(_) => panic!("{relative}: expected a hard error after replacing {from:?}"),
        Err(e) => e.to_string(),
    };
    let _ = std::fs::remove_dir_all(&raw);
    // Every message starts with the file's path.
    let tail = message
        .split_once(relative)
        .map(|(_, t)| t.to_owned())
        .unwrap_or_else(|| panic!("message does not name {relative}: {message}"));
    tail
}

#[test]
fn missing_column() {
    assert_eq!(
        error_after("farside/btc_flows.csv", "date,IBIT,", "date,XBIT,"),
        ":1: missing column `IBIT` (header: date,XBIT,FBTC,BITB,ARKB,BTCO,EZBC,BRRR,HODL,BTCW,MSBT,GBTC,BTC,Total)"
    );
    assert!(error_after("yahoo/dbc.csv", "Close", "Adj").starts_with(":1: missing column `Close`"));
    assert!(
        error_after("cryptoquant/eth_fees_total.csv", "Fees (Total)", "Fees")
            .starts_with(":1: missing column `Fees (Total)`")
    );
}

#[test]
fn unexpected_fund_column() {
    let raw = scratch_raw();
    let path = raw.join("farside/eth_flows.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let text: String = text
        .lines()
        .map(|l| format!("{l},0\n"))
        .collect::<String>()
        .replacen("COL11,0", "COL11,NEWF", 1);
    std::fs::write(&path, text).unwrap();
    let e = build(&raw, &events()).unwrap_err().to_string();
    assert!(e.ends_with("farside/eth_flows.csv:1: unexpected column `NEWF`: its flows would be lost; add the fund to the builder"), "{e}");
}

#[test]
fn total_that_is_not_the_sum_of_funds() {
    assert_eq!(
        error_after("farside/btc_flows.csv", "-484.1,0,203", "-484.1,0,213"),
        ":4: Total 213 on 2024-01-12 is not the sum of the funds (203.0)"
    );
}

#[test]
fn duplicate_date_with_different_values() {
    assert_eq!(
        error_after("farside/btc_flows.csv", "2024-01-16,", "2024-01-12,"),
        ":6: duplicate date 2024-01-12 with different values (line 4)"
    );
    assert_eq!(
        error_after("yahoo/dbc.csv", "2024-01-12,22.4", "2024-01-11,22.4"),
        ":4: duplicate date 2024-01-11 with a different value (22.5 here, 22.4 on line 3)"
    );
}

#[test]
fn duplicate_date_with_same_values_is_dropped_and_reported() {
    let raw = scratch_raw();
    edit(
        &raw,
        "yahoo/dbc.csv",
        "2024-01-16,",
        "2024-01-12,22.4,22.6,22.3,22.5,100\n2024-01-16,",
    );
    let built = build(&raw, &events()).unwrap();
    assert_eq!(
        built
            .report
            .count("dbc.csv", "dropped: repeats 2024-01-12 (line 4)"),
        1
    );
    // Five days in dbc.csv plus 2024-01-18 from the extension.
    assert_eq!(built.snapshot.series(ids::DBC).unwrap().dates().len(), 6);
}

#[test]
fn dbc_is_extended_by_the_later_copy_and_its_last_point_is_final() {
    let built = build(&fixtures().join("raw"), &events()).unwrap();
    let dbc = built.snapshot.series(ids::DBC).unwrap();
    assert_eq!(dbc.first(), d("2024-01-10"));
    assert_eq!(dbc.last(), d("2024-01-18"));
    // The copy's float32-widened closes read back at the source precision.
    assert_eq!(dbc.value_on(d("2024-01-17")), Some(22.1));
    assert_eq!(dbc.value_on(d("2024-01-18")), Some(22.35));
    assert!(!dbc.meta.last_provisional, "the extension ends on a complete day");
}

#[test]
fn dbc_copies_that_disagree_stop_the_build() {
    let tail = error_after(
        "yahoo-extra/dbc_to_2026-08-07.csv",
        "22.100000381469727",
        "22.200000762939453",
    );
    assert!(
        tail.starts_with(":3: 2024-01-17 is 22.2 here but 22.1 in "),
        "{tail}"
    );
    assert!(tail.ends_with("yahoo/dbc.csv line 6"), "{tail}");
}

#[test]
fn coin_metrics_supply_on_an_irregular_axis_and_the_empty_row_reported() {
    let built = build(&fixtures().join("raw"), &events()).unwrap();
    let s = built.snapshot.series(ids::ETH_SUPPLY_CM).unwrap();
    assert_eq!(s.dates(), &[d("2021-08-01"), d("2021-09-01"), d("2021-10-01")]);
    // Rounded to 0.001 ETH on the provider's digits.
    assert_eq!(
        s.values(),
        &[Some(117134285.5), Some(117422124.638), Some(117614034.978)]
    );
    assert_eq!(s.meta.provider, "coinmetrics");
    assert!(!s.meta.last_provisional);
    assert_eq!(
        built
            .snapshot
            .providers
            .get("coinmetrics")
            .map(|p| p.licence.starts_with("CC BY-NC 4.0")),
        Some(true)
    );
    let r = &built.report;
    assert_eq!(r.count("eth_monthly.csv", "dropped: empty in the source"), 1);
    let n = r
        .notices()
        .iter()
        .find(|n| n.file.ends_with("coinmetrics/eth_monthly.csv"))
        .unwrap();
    assert_eq!(n.location, snapshot_builder::Location::Line(5));
    // The axis is written as start + day steps.
    let raw = repricing_core::Snapshot::from_text(&built.text)
        .unwrap()
        .to_raw()
        .unwrap();
    let axis = &raw.series[ids::ETH_SUPPLY_CM].axis;
    assert_eq!(
        (axis.start.as_str(), axis.day_steps.as_slice()),
        ("2021-08-01", &[31, 30][..])
    );
}

#[test]
fn all_zero_trading_day_is_kept_and_noted() {
    let raw = scratch_raw();
    // A synthetic row: every fund zero on a trading day.
    edit(
        &raw,
        "farside/btc_flows.csv",
        "2024-01-17,371.4,358.1,68.2,50.3,57.6,1.2,1.2,4.8,1.6,0,-460.6,0,453.8",
        "2024-01-17,0,0,0,0,0,0,0,0,0,0,0,0,0",
    );
    let built = build(&raw, &events()).unwrap();
    let flows = built.snapshot.flows(ids::FLOWS_BTC).unwrap();
    assert_eq!(flows.total_usd_m().last(), Some(&0.0));
    assert!(flows
        .meta
        .note
        .as_deref()
        .unwrap_or("")
        .contains("zero on 1 trading day(s), the latest 2024-01-17"));
    assert_eq!(
        built
            .report
            .count("btc_flows.csv", "kept: every fund zero on a trading day"),
        1
    );
}

#[test]
fn non_finite_and_non_numeric_values() {
    assert_eq!(
        error_after("yahoo/dbc.csv", "22.4,100", "NaN,100"),
        ":3: `NaN` is not a finite number"
    );
    assert_eq!(
        error_after("cryptoquant/eth_fees_total.csv", "5300.25", "inf"),
        ":3: `inf` is not a finite number"
    );
    assert_eq!(
        error_after("farside/eth_flows.csv", "17.4,", "1.2.3,"),
        ":3: `1.2.3` is not a number"
    );
    assert_eq!(
        error_after("farside/eth_flows.csv", "17.4,", ","),
        ":3: no value for ETHA"
    );
}

#[test]
fn non_zero_flow_on_a_market_holiday() {
    assert_eq!(
        error_after("farside/btc_flows.csv", "2024-01-15,0,", "2024-01-15,1.5,"),
        ":5: Total 0 on 2024-01-15 is not the sum of the funds (1.5)"
    );
    assert_eq!(
        error_after(
            "farside/btc_flows.csv",
            "2024-01-15,0,0,0,0,0,0,0,0,0,0,0,0,0",
            "2024-01-15,1.5,0,0,0,0,0,0,0,0,0,0,0,1.5"
        ),
        ":5: non-zero flows on 2024-01-15, a day US markets were closed"
    );
}

#[test]
fn dates_out_of_order_or_malformed() {
    assert_eq!(
        error_after("yahoo/dbc.csv", "2024-01-17,", "2024-01-09,"),
        ":6: date 2024-01-09 is out of order (after 2024-01-16)"
    );
    assert_eq!(
        error_after("fred/DGS10.csv", "2024-01-11,", "11/01/2024,"),
        ":4: `11/01/2024` is not a YYYY-MM-DD date"
    );
}

#[test]
fn two_copies_of_a_series_that_disagree() {
    let tail = error_after(
        "fred/fred_cache.json",
        "[\"2024-01-16\",4.07]",
        "[\"2024-01-16\",4.08]",
    );
    assert!(
        tail.starts_with(" entry 1: 2024-01-16 is 4.08 here but 4.07 in "),
        "{tail}"
    );
    assert!(tail.ends_with("fred/DGS10.csv line 7"), "{tail}");
}

#[test]
fn malformed_json_and_unreadable_files() {
    let tail = error_after("yahoo/prices_gld.json", "\"prices\":[[", "\"prices\":[{");
    assert!(tail.starts_with(": malformed prices JSON: "), "{tail}");
    assert!(tail.contains("line 1 column"), "{tail}");

    let raw = scratch_raw();
    std::fs::remove_file(raw.join("cryptoquant/eth_total_value_staked.csv")).unwrap();
    let e = build(&raw, &events()).unwrap_err().to_string();
    assert!(
        e.contains("cryptoquant/eth_total_value_staked.csv: cannot read: "),
        "{e}"
    );
}

#[test]
fn bad_events_are_named() {
    let dir = scratch_raw();
    let file = dir.join("events.csv");
    std::fs::write(&file, "date,label,description,source\n2024-13-01,X,d,s\n").unwrap();
    let e = build(&dir, &file).unwrap_err().to_string();
    assert!(
        e.ends_with("events.csv:2: `2024-13-01` is not a YYYY-MM-DD date"),
        "{e}"
    );
    std::fs::write(&file, "date,label,description,source\n2024-01-01,X,,s\n").unwrap();
    let e = build(&dir, &file).unwrap_err().to_string();
    assert!(e.ends_with("events.csv:2: empty description"), "{e}");
}

#[test]
fn binary_writes_nothing_on_error_and_the_full_file_on_success() {
    let raw = scratch_raw();
    let out_dir = raw.join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    let out = out_dir.join("snapshot.txt");
    std::fs::write(&out, "previous contents").unwrap();
    let run = |raw: &Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_build-snapshot"))
            .args([
                "--raw".as_ref(),
                raw.as_os_str(),
                "--out".as_ref(),
                out.as_os_str(),
                "--events".as_ref(),
                events().as_os_str(),
            ])
            .output()
            .unwrap()
    };

    edit(
        &raw,
        "farside/btc_flows.csv",
        "-95.1,0,655.3\n2024-01-12",
        "-95.1,0,600\n2024-01-12",
    );
    let failed = run(&raw);
    assert!(!failed.status.success());
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(
        stderr
            .contains("farside/btc_flows.csv:3: Total 600 on 2024-01-11 is not the sum of the funds (655.3)"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous contents");
    assert_eq!(
        std::fs::read_dir(&out_dir).unwrap().count(),
        1,
        "no temporary file left behind"
    );

    edit(&raw, "farside/btc_flows.csv", "-95.1,0,600\n", "-95.1,0,655.3\n");
    let ok = run(&raw);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(written, build(&raw, &events()).unwrap().text);
    let stdout = String::from_utf8_lossy(&ok.stdout);
    assert!(
        stdout.contains(
            "btc_flows.csv: 1 row(s): dropped: dated before the first listing day 2024-01-11 [line 2]"
        ),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(&raw);
}

#[test]
fn golden_tests_fail_without_the_real_files_unless_skipped_explicitly() {
    let absent = std::env::temp_dir().join("snapshot-builder-no-such-raw-folder");
    let skipping = std::env::var(common::SKIP_RAW_ENV).as_deref() == Ok("1");
    let result = std::panic::catch_unwind(|| common::raw_or_skip(absent.clone()));
    if skipping {
        assert_eq!(result.ok(), Some(None));
    } else {
        let message = result.expect_err("a missing raw folder must fail the test");
        let text = message.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(text.contains("REPRICING_SKIP_RAW=1"), "{text}");
    }
    assert_eq!(
        common::raw_or_skip(fixtures().join("raw")),
        Some(fixtures().join("raw"))
    );
}
