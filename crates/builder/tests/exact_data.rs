//! Every value of the committed snapshot equals the provider's, at the documented
//! precision — checked for EVERY value of every series and flow table, not a sample.
//!
//! Each raw file is re-read here by its own simple path, independent of the builder:
//! plain line and comma splitting for the CSVs, string splitting of the JSON array text
//! (no serde) for the Yahoo and FRED JSON files, each number parsed from its own text with
//! Rust's correctly rounded `str::parse`, dates from Unix seconds by a civil-calendar
//! formula. The snapshot itself is read as the page reads it (`Snapshot::from_text` on the
//! committed file). Documented precisions:
//! - Yahoo: closes are float32 widened to float64; the value is the float32's shortest
//!   decimal (`457.3340148925781` → `457.334`); values that are not a widened float32 are
//!   kept as written.
//! - CryptoQuant: 0.001 ETH (burn, fees), 1 US$ (burn in US$), 1 ETH (stake), rounded half
//!   away from zero on the provider's decimal digits. Coin Metrics supply: 0.001 ETH.
//! - Farside, FRED: as written.
//!
//! Fails when `../shared/data/raw` is absent unless `REPRICING_SKIP_RAW=1` is set.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // test code

mod common;

use common::real_raw;
use repricing_core::date::parse_iso;
use repricing_core::snapshot::ids;
use repricing_core::{Date, Snapshot};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const START: &str = "2018-01-01";

/// The committed snapshot as the page reads it, the ids of all its series and the number
/// of values it holds (series points, fund flows and totals).
fn committed() -> (Snapshot, BTreeSet<String>, usize) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/snapshot.txt");
    let text = std::fs::read_to_string(path).unwrap();
    let snapshot = Snapshot::from_text(&text).unwrap();
    let raw = snapshot.to_raw().unwrap();
    let values = raw.series.values().map(|s| s.values.len()).sum::<usize>()
        + raw
            .etf_flows
            .values()
            .map(|t| t.total.len() + t.by_fund.iter().map(Vec::len).sum::<usize>())
            .sum::<usize>();
    (snapshot, raw.series.into_keys().collect(), values)
}

fn read(raw: &Path, rel: &str) -> String {
    std::fs::read_to_string(raw.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Header cells and the data rows of a plain CSV (no quoting in these files).
fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut lines = text.lines();
    let header = lines.next().unwrap().split(',').map(str::to_owned).collect();
    let rows = lines
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn col(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// Civil date (proleptic Gregorian) of a day count since 1970-01-01 (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A Yahoo close at its source precision: the shortest float32 decimal of a widened float32.
fn yahoo_value(text: &str) -> f64 {
    let v: f64 = text.parse().unwrap();
    let narrow = v as f32;
    if f64::from(narrow) == v {
        narrow.to_string().parse().unwrap()
    } else {
        v
    }
}

/// `text` rounded to `decimals` places, half away from zero, by integer arithmetic on its
/// digits (a second implementation, independent of the builder's digit-string carry).
fn rounded(text: &str, decimals: u32) -> f64 {
    let (negative, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let frac_len = frac.len() as u32;
    let digits: u128 = format!("{int}{frac}").parse().unwrap();
    let units = if frac_len <= decimals {
        digits * 10u128.pow(decimals - frac_len)
    } else {
        let drop = 10u128.pow(frac_len - decimals);
        (digits + drop / 2) / drop
    };
    let scale = 10u128.pow(decimals);
    let magnitude = format!(
        "{}.{:0width$}",
        units / scale,
        units % scale,
        width = decimals as usize
    );
    let v: f64 = magnitude.parse().unwrap();
    if negative {
        -v
    } else {
        v
    }
}

/// Expected `(date, value)` rows of one series, ascending.
type Expected = Vec<(String, Option<f64>)>;

/// Compares every date and value of series `id` with `expected`; returns the count.
fn compare(s: &Snapshot, id: &str, expected: &Expected) -> usize {
    let series = s.series(id).unwrap();
    let ours: Vec<(String, Option<f64>)> = series
        .dates()
        .iter()
        .map(|d| repricing_core::date::format_iso(*d))
        .zip(series.values().iter().copied())
        .collect();
    assert_eq!(ours.len(), expected.len(), "{id}: number of points");
    let mut wrong = Vec::new();
    for (a, b) in ours.iter().zip(expected) {
        if a != b {
            wrong.push(format!(
                "{} {:?} (snapshot) vs {} {:?} (provider)",
                a.0, a.1, b.0, b.1
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{id}: {} of {} points differ, e.g. {:?}",
        wrong.len(),
        ours.len(),
        &wrong[..wrong.len().min(5)]
    );
    ours.len()
}

/// The `[[a, b], ...]` array text after `key` in `text`, split into `(a, b)` texts.
fn json_pairs<'a>(text: &'a str, key: &str) -> Vec<(&'a str, &'a str)> {
    let start = text.find(key).unwrap_or_else(|| panic!("no {key}")) + key.len();
    let rest = &text[start..];
    let body = rest.trim_start().strip_prefix("[[").unwrap();
    let end = body.find("]]").unwrap();
    body[..end]
        .split("],[")
        .map(|pair| pair.split_once(',').unwrap())
        .collect()
}

fn yahoo_json(raw: &Path, file: &str) -> Expected {
    let text = read(raw, &format!("yahoo/{file}"));
    json_pairs(&text, "\"prices\":")
        .into_iter()
        .filter(|(_, v)| v.trim() != "null")
        .map(|(t, v)| {
            let seconds: i64 = t.trim().parse().unwrap();
            (
                civil_from_days(seconds.div_euclid(86_400)),
                Some(yahoo_value(v.trim())),
            )
        })
        .filter(|(d, _)| d.as_str() >= START)
        .collect()
}

fn yahoo_csv(raw: &Path, file: &str) -> Expected {
    let (header, rows) = csv_rows(&read(raw, file));
    let (d, c) = (col(&header, "Date"), col(&header, "Close"));
    rows.iter()
        .filter(|r| r[d].as_str() >= START && !r[c].is_empty() && r[c] != "null")
        .map(|r| (r[d].clone(), Some(yahoo_value(&r[c]))))
        .collect()
}

fn cryptoquant(raw: &Path, file: &str, metric: &str, decimals: u32, exists_from: Option<&str>) -> Expected {
    let (header, rows) = csv_rows(&read(raw, &format!("cryptoquant/{file}")));
    let (d, c) = (col(&header, "date"), col(&header, metric));
    rows.iter()
        .filter(|r| r[d].as_str() >= START)
        .filter(|r| !(r[c].is_empty() && exists_from.is_some_and(|e| r[d].as_str() < e)))
        .map(|r| {
            let v = (!r[c].is_empty()).then(|| rounded(&r[c], decimals));
            (r[d].clone(), v)
        })
        .collect()
}

#[test]
fn every_snapshot_value_equals_the_providers() {
    let Some(raw) = real_raw() else { return };
    let (s, series_ids, values_in_file) = committed();
    let mut compared: BTreeMap<&str, usize> = BTreeMap::new();

    for (id, file) in [
        (ids::BTC_USD, "prices_btc.json"),
        (ids::QQQ, "prices_qqq.json"),
        (ids::GLD, "prices_gld.json"),
        (ids::SPY, "prices_spy.json"),
    ] {
        compared.insert(id, compare(&s, id, &yahoo_json(&raw, file)));
    }
    compared.insert(
        ids::ETH_USD,
        compare(&s, ids::ETH_USD, &yahoo_csv(&raw, "yahoo/eth.csv")),
    );

    // DBC: yahoo/dbc.csv, then the later copy's rows after its last date.
    let mut dbc = yahoo_csv(&raw, "yahoo/dbc.csv");
    let last = dbc.last().unwrap().0.clone();
    dbc.extend(
        yahoo_csv(&raw, "yahoo-extra/dbc_to_2026-08-07.csv")
            .into_iter()
            .filter(|(d, _)| *d > last),
    );
    assert_eq!(dbc.last().unwrap().0, "2026-08-07");
    compared.insert(ids::DBC, compare(&s, ids::DBC, &dbc));

    // FRED: the CSV (blank = no observation) joined with the JSON cache.
    let mut dgs10: BTreeMap<String, f64> = BTreeMap::new();
    let (_, rows) = csv_rows(&read(&raw, "fred/DGS10.csv"));
    for r in rows
        .iter()
        .filter(|r| r[0].as_str() >= START && !r[1].is_empty() && r[1] != ".")
    {
        dgs10.insert(r[0].clone(), r[1].parse().unwrap());
    }
    let cache = read(&raw, "fred/fred_cache.json");
    let series_part = &cache[cache.find("\"series\"").unwrap()..];
    for (date, value) in json_pairs(series_part, "\"DGS10\":") {
        let date = date.trim().trim_matches('"').to_owned();
        if date.as_str() < START || value.trim() == "null" {
            continue;
        }
        let v: f64 = value.trim().parse().unwrap();
        if let Some(old) = dgs10.insert(date.clone(), v) {
            assert_eq!(old, v, "DGS10 {date}: the two FRED copies disagree");
        }
    }
    let dgs10: Expected = dgs10.into_iter().map(|(d, v)| (d, Some(v))).collect();
    compared.insert(ids::DGS10, compare(&s, ids::DGS10, &dgs10));

    for (id, file, metric, decimals, exists_from) in [
        (
            ids::ETH_BURN,
            "eth_fees_burnt.csv",
            "Fees Burnt (Total)",
            3,
            Some("2021-08-05"),
        ),
        (
            ids::ETH_BURN_USD,
            "eth_fees_burnt_usd.csv",
            "Fees Burnt USD (Total)",
            0,
            Some("2021-08-05"),
        ),
        (ids::ETH_FEES, "eth_fees_total.csv", "Fees (Total)", 3, None),
        (
            ids::ETH_STAKED,
            "eth_total_value_staked.csv",
            "Total Value Staked",
            0,
            None,
        ),
    ] {
        compared.insert(
            id,
            compare(&s, id, &cryptoquant(&raw, file, metric, decimals, exists_from)),
        );
    }

    let (header, rows) = csv_rows(&read(&raw, "coinmetrics/eth_monthly.csv"));
    let (t, c) = (col(&header, "time"), col(&header, "SplyCur"));
    let supply: Expected = rows
        .iter()
        .filter(|r| !r[c].is_empty())
        .map(|r| (r[t].clone(), Some(rounded(&r[c], 3))))
        .collect();
    compared.insert(ids::ETH_SUPPLY_CM, compare(&s, ids::ETH_SUPPLY_CM, &supply));

    // Every series of the snapshot was compared.
    let all: BTreeSet<&str> = series_ids.iter().map(String::as_str).collect();
    let done: BTreeSet<&str> = compared.keys().copied().collect();
    assert_eq!(all, done, "series not compared");

    // Farside: every fund value and the total of every kept row; holidays are not rows.
    let holidays: BTreeSet<Date> = s.market_holidays.iter().copied().collect();
    for (id, file, first_listing, total) in [
        (ids::FLOWS_BTC, "farside/btc_flows.csv", "2024-01-11", "Total"),
        (ids::FLOWS_ETH, "farside/eth_flows.csv", "2024-07-23", "COL11"),
    ] {
        let table = s.flows(id).unwrap();
        let (header, rows) = csv_rows(&read(&raw, file));
        let mut n = 0;
        let mut kept = 0;
        for r in rows.iter().filter(|r| r[0].as_str() >= first_listing) {
            let date = parse_iso(&r[0]).unwrap();
            let cell = |name: &str| -> f64 { r[col(&header, name)].parse().unwrap() };
            match table.dates().binary_search(&date) {
                Ok(i) => {
                    kept += 1;
                    for fund in table.funds() {
                        assert_eq!(
                            fund.flows_usd_m[i],
                            cell(&fund.ticker),
                            "{file} {} {}",
                            r[0],
                            fund.ticker
                        );
                        n += 1;
                    }
                    assert_eq!(table.total_usd_m()[i], cell(total), "{file} {} total", r[0]);
                    n += 1;
                }
                Err(_) => {
                    assert!(
                        holidays.contains(&date),
                        "{file} {}: row missing from the snapshot",
                        r[0]
                    );
                    assert!(
                        r[1..].iter().all(|v| v.parse::<f64>().unwrap() == 0.0),
                        "{file} {}",
                        r[0]
                    );
                }
            }
        }
        assert_eq!(
            kept,
            table.dates().len(),
            "{id}: every snapshot day has its raw row"
        );
        assert_eq!(
            table.funds().len() + 2,
            header.len(),
            "{id}: every column compared"
        );
        compared.insert(id, n);
    }

    let total: usize = compared.values().sum();
    eprintln!("compared {total} values: {compared:?}");
    assert_eq!(total, values_in_file, "every value of the file was compared");
}

#[test]
fn independent_helpers_are_right() {
    assert_eq!(civil_from_days(0), "1970-01-01");
    assert_eq!(civil_from_days(20_089), "2025-01-01");
    assert_eq!(civil_from_days(19_782), "2024-02-29");
    assert_eq!(yahoo_value("457.3340148925781"), 457.334);
    assert_eq!(yahoo_value("24.21182347891991"), 24.21182347891991);
    assert_eq!(rounded("1.0005", 3), 1.001);
    assert_eq!(rounded("-2.5", 0), -3.0);
    assert_eq!(rounded("674144.0", 0), 674144.0);
    assert_eq!(rounded("12.5", 3), 12.5);
    assert_eq!(rounded("117422124.638387243673783731", 3), 117422124.638);
}
