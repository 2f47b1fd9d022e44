use super::*;
use serde_json::json;

fn meta(first: &str, last: &str) -> serde_json::Value {
    json!({"label": "Bitcoin", "unit": "USD", "provider": "yahoo",
           "first": first, "last": last, "last_provisional": true})
}

fn fixture() -> serde_json::Value {
    json!({
        "schema_version": 2,
        "as_of": "2024-01-06",
        "content_sha256": "",
        "providers": {"yahoo": {"name": "Yahoo Finance", "attribution": "Yahoo Finance",
                                 "licence": "terms", "url": "https://finance.yahoo.com"}},
        "series": {
            "btc_usd": {"meta": meta("2024-01-01", "2024-01-06"),
                        "axis": {"start": "2024-01-01", "day_steps": [1, 3, 1]},
                        "values": [1.0, null, 2.5, 3.0]}
        },
        "etf_flows": {
            "btc": {"meta": meta("2024-01-02", "2024-01-03"),
                    "axis": {"start": "2024-01-02", "day_steps": [1]},
                    "funds": [{"ticker": "IBIT", "name": "iShares Bitcoin Trust"}],
                    "by_fund": [[1.5, -2.0]], "total": [1.5, -2.0]}
        },
        "market_holidays": ["2024-01-15"],
        "events": [{"date": "2024-01-11", "label": "ETFs", "description": "d", "source": "s"}]
    })
}

/// `v` as the builder would have written it (sealed with its checksum).
fn file(v: &serde_json::Value) -> String {
    let raw: raw::RawSnapshot = serde_json::from_value(v.clone()).unwrap();
    write::to_text(&raw).unwrap().0
}

fn load(v: &serde_json::Value) -> Snapshot {
    Snapshot::from_text(&file(v)).unwrap()
}

#[test]
fn the_file_reads_as_documented() {
    let text = file(&fixture());
    let expected = "snapshot 2\nas_of 2024-01-06\ncontent_sha256 ";
    assert!(text.starts_with(expected), "{text}");
    for line in [
        "[series btc_usd]",
        "steps 1 3 1",
        "values decimals=1 delta",
        "> 10 _ 15 5",
        "[flows btc]",
        "fund IBIT iShares Bitcoin Trust",
        "column IBIT decimals=1 plain",
        "> 15 -20",
        "[holidays]",
        "dates 2024-01-15",
        "[event]",
        "date 2024-01-11",
    ] {
        assert!(text.lines().any(|l| l == line), "no line `{line}` in:\n{text}");
    }
    assert!(text.ends_with("\nend\n"));
}

#[test]
fn parses_axis_steps_and_gaps() {
    let snap = load(&fixture());
    let btc = snap.series(ids::BTC_USD).unwrap();
    let dates: Vec<String> = btc.dates().iter().map(|d| format_iso(*d)).collect();
    assert_eq!(dates, ["2024-01-01", "2024-01-02", "2024-01-05", "2024-01-06"]);
    assert_eq!(btc.values(), &[Some(1.0), None, Some(2.5), Some(3.0)]);
    assert!(btc.meta.last_provisional);
    let flows = snap.flows(ids::FLOWS_BTC).unwrap();
    assert_eq!(flows.funds()[0].flows_usd_m, vec![1.5, -2.0]);
}

#[test]
fn plain_columns_continued_lines_and_runs_read_alike() {
    let text = file(&fixture()).replace("steps 1 3 1", "steps 1*2 1").replace(
        "values decimals=1 delta\n> 10 _ 15 5",
        "values decimals=1 plain\n> 10 _\n> 25 30",
    );
    assert!(text.contains("> 25 30"));
    let snap = Snapshot::from_text(&checksum::seal(&text)).unwrap();
    let btc = snap.series(ids::BTC_USD).unwrap();
    assert_eq!(btc.values(), &[Some(1.0), None, Some(2.5), Some(3.0)]);
    assert_eq!(btc.dates().last().map(|d| format_iso(*d)).unwrap(), "2024-01-04");
}

#[test]
fn metadata_that_disagree_with_the_axis_are_a_note() {
    let mut f = fixture();
    f["series"]["btc_usd"]["meta"]["last"] = json!("2024-01-05");
    let snap = load(&f);
    let btc = snap.series(ids::BTC_USD).unwrap();
    assert_eq!(
        btc.issues(),
        &[Issue::RangeMismatch {
            field: "last",
            stated: "2024-01-05".into(),
            actual: parse_iso("2024-01-06").unwrap()
        }]
    );
    assert_eq!(
        btc.notes(),
        ["The file says this series ends on 2024-01-05, but its data end on 2024-01-06."]
    );
}

#[test]
fn an_unsealed_file_is_refused_as_unverifiable() {
    let text: String = file(&fixture())
        .lines()
        .filter(|l| !l.starts_with("content_sha256"))
        .map(|l| format!("{l}\n"))
        .collect();
    let e = Snapshot::from_text(&text).unwrap_err();
    assert!(
        matches!(&e, SnapshotError::Modified { stated, .. } if stated.is_empty()),
        "{e:?}"
    );
    assert!(e.to_string().contains("no checksum"), "{e}");
    assert!(Snapshot::from_text_unverified(&text).is_ok());
}

#[test]
fn a_broken_series_does_not_break_the_others() {
    let mut f = fixture();
    f["series"]["eth_usd"] = f["series"]["btc_usd"].clone();
    f["series"]["eth_usd"]["values"] = json!([1.0, 2.0]);
    let snap = load(&f);
    assert!(snap.series(ids::BTC_USD).is_ok());
    let err = snap.series(ids::ETH_USD).unwrap_err();
    assert_eq!(
        err.to_string(),
        "The ether price series in the data file is damaged (its values column has 2 entries \
         for 4 dates), so this chart can't be drawn."
    );
    assert_eq!(
        snap.series(ids::QQQ).unwrap_err(),
        SnapshotError::MissingSeries("qqq".into())
    );
}

#[test]
fn zero_step_is_rejected() {
    let mut f = fixture();
    f["series"]["btc_usd"]["axis"]["day_steps"] = json!([1, 0, 1]);
    let snap = load(&f);
    assert!(matches!(
        snap.series(ids::BTC_USD),
        Err(SnapshotError::BadStep { position: 2, .. })
    ));
}

#[test]
fn unknown_provider_is_an_error_of_that_series() {
    let mut f = fixture();
    f["series"]["btc_usd"]["meta"]["provider"] = json!("nobody");
    let snap = load(&f);
    assert!(matches!(
        snap.series(ids::BTC_USD),
        Err(SnapshotError::UnknownProvider { .. })
    ));
}

#[test]
fn foreign_cut_and_other_version_files_fail_whole() {
    let text = file(&fixture());
    assert!(matches!(
        Snapshot::from_text(text.get(..text.len() / 2).unwrap()),
        Err(SnapshotError::Unreadable {
            problem: FileProblem::Truncated,
            ..
        })
    ));
    assert!(matches!(
        Snapshot::from_text("<html>"),
        Err(SnapshotError::Unreadable {
            problem: FileProblem::NotSnapshot,
            ..
        })
    ));
    assert_eq!(
        Snapshot::from_text(&checksum::seal(&text.replacen("snapshot 2", "snapshot 3", 1))).unwrap_err(),
        SnapshotError::Schema {
            found: 3,
            expected: 2
        }
    );
}

#[test]
fn raw_round_trip_is_lossless() {
    let raw: raw::RawSnapshot = serde_json::from_value(fixture()).unwrap();
    let snap = Snapshot::from_raw(raw.clone()).unwrap();
    assert_eq!(snap.to_raw().unwrap(), raw);
    // And through the file.
    let mut back = Snapshot::from_text(&file(&fixture())).unwrap();
    back.content_sha256 = String::new();
    assert_eq!(back, snap);
}
