use super::*;
use serde_json::json;

fn meta(first: &str, last: &str) -> serde_json::Value {
    json!({"label": "Bitcoin", "unit": "USD", "provider": "yahoo",
           "first": first, "last": last, "last_provisional": true})
}

fn fixture() -> serde_json::Value {
    json!({
        "schema_version": 1,
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

/// Reads `v` as the builder would have written it (with a matching checksum).
fn load(v: &serde_json::Value) -> Snapshot {
    Snapshot::from_json(&checksum::seal(&v.to_string())).unwrap()
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
    let e = Snapshot::from_json(&fixture().to_string()).unwrap_err();
    assert!(
        matches!(&e, SnapshotError::Modified { stated, .. } if stated.is_empty()),
        "{e:?}"
    );
    assert!(e.to_string().contains("no checksum"), "{e}");
    assert!(Snapshot::from_json_unverified(&fixture().to_string()).is_ok());
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
fn malformed_json_and_wrong_schema_fail_whole() {
    assert!(matches!(
        Snapshot::from_json("{\"schema_version\": 1"),
        Err(SnapshotError::Unreadable {
            problem: FileProblem::Truncated,
            ..
        })
    ));
    assert!(matches!(
        Snapshot::from_json("<html>"),
        Err(SnapshotError::Unreadable {
            problem: FileProblem::NotJson,
            ..
        })
    ));
    let mut f = fixture();
    f["schema_version"] = json!(2);
    assert_eq!(
        Snapshot::from_json(&checksum::seal(&f.to_string())).unwrap_err(),
        SnapshotError::Schema {
            found: 2,
            expected: 1
        }
    );
}

#[test]
fn raw_round_trip_is_lossless() {
    let f = fixture();
    let raw: raw::RawSnapshot = serde_json::from_value(f).unwrap();
    let snap = Snapshot::from_raw(raw.clone()).unwrap();
    assert_eq!(snap.to_raw().unwrap(), raw);
}
