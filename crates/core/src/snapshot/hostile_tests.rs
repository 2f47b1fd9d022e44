//! The hostile-snapshot matrix: the committed snapshot, damaged one way at a time, and
//! exactly what each damage affects. A change of content is written as the builder would
//! ([`write::to_text`], sealed); a change of text (a token no writer emits) is made to the
//! committed file's lines ([`Doc`]) and re-sealed, unless the case is about the checksum,
//! so each case tests its own rule. Every loaded snapshot must also satisfy
//! [`assert_sane`] (no inf/NaN, everything within bounds, totals equal to the sum of their
//! funds).

use super::bounds::{flow_kind, series_kind, TOTAL_TOLERANCE_USD_M};
use super::*;
use proptest::prop_assert;

const REAL: &str = include_str!("../../../../public/data/snapshot.txt");

/// The committed snapshot as read.
fn baseline() -> &'static Snapshot {
    static BASE: std::sync::OnceLock<Snapshot> = std::sync::OnceLock::new();
    BASE.get_or_init(|| Snapshot::from_text(REAL).unwrap())
}

/// Its content as plain values.
fn real() -> RawSnapshot {
    baseline().to_raw().unwrap()
}

/// Loads the real snapshot after `edit` to its content, written as the builder writes.
fn loaded(edit: impl FnOnce(&mut RawSnapshot)) -> Snapshot {
    let mut raw = real();
    edit(&mut raw);
    checked(Snapshot::from_text(&write::to_text(&raw).unwrap().0)).unwrap()
}

fn checked(snap: Result<Snapshot, SnapshotError>) -> Result<Snapshot, SnapshotError> {
    if let Ok(s) = &snap {
        assert_sane(s);
    }
    snap
}

/// The committed file as lines, to damage single tokens.
#[derive(Clone)]
struct Doc(Vec<String>);

impl Doc {
    fn real() -> Self {
        Self(REAL.lines().map(str::to_owned).collect())
    }

    fn text(&self) -> String {
        self.0.iter().map(|l| format!("{l}\n")).collect()
    }

    fn sealed(&self) -> String {
        checksum::seal(&self.text())
    }

    fn load(&self) -> Snapshot {
        checked(Snapshot::from_text(&self.sealed())).unwrap()
    }

    /// The lines of the block `header` (`[series btc_usd]`), its header excluded.
    fn block(&self, header: &str) -> std::ops::Range<usize> {
        let start = self
            .0
            .iter()
            .position(|l| l == header)
            .unwrap_or_else(|| panic!("{header}"))
            + 1;
        let end = self.0[start..]
            .iter()
            .position(|l| l.starts_with('[') || l == "end")
            .map_or(self.0.len(), |i| start + i);
        start..end
    }

    /// The index of the line of `key` (its first words) in block `header`.
    fn field(&self, header: &str, key: &str) -> usize {
        self.block(header)
            .find(|&i| self.0[i] == key || self.0[i].starts_with(&format!("{key} ")))
            .unwrap_or_else(|| panic!("{header} {key}"))
    }

    /// Edits the tokens of a list: a column's (`values`, `column IBIT`) `>` lines, or the
    /// tokens of `steps` / `dates` with their runs (`1*3154`) expanded.
    fn edit_list(&mut self, header: &str, key: &str, f: impl FnOnce(&mut Vec<String>)) {
        let i = self.field(header, key);
        let column = key == "values" || key.starts_with("column ");
        let mut end = i + 1;
        while self.0.get(end).is_some_and(|l| l.starts_with('>')) {
            end += 1;
        }
        let expand = |t: &str| -> Vec<String> {
            match t.split_once('*') {
                Some((n, k)) if !column => vec![n.to_owned(); k.parse().unwrap()],
                _ => vec![t.to_owned()],
            }
        };
        let mut tokens: Vec<String> = Vec::new();
        if !column {
            tokens.extend(self.0[i][key.len()..].split_whitespace().flat_map(expand));
        }
        for l in &self.0[i + 1..end] {
            tokens.extend(l[1..].split_whitespace().flat_map(expand));
        }
        f(&mut tokens);
        let lines = if column {
            vec![self.0[i].clone(), format!("> {}", tokens.join(" "))]
        } else {
            vec![format!("{key} {}", tokens.join(" "))]
        };
        self.0.splice(i..end, lines);
    }

    fn set_token(&mut self, header: &str, key: &str, index: usize, token: &str) -> &mut Self {
        self.edit_list(header, key, |t| {
            let n = t.len();
            t[index % n] = token.to_owned();
        });
        self
    }

    /// The line of `key` in block `header` replaced by `new` (removed when `new` is empty).
    fn replace_line(&mut self, header: &str, key: &str, new: &str) -> &mut Self {
        let i = self.field(header, key);
        if new.is_empty() {
            self.0.remove(i);
        } else {
            self.0[i] = new.to_owned();
        }
        self
    }

    /// The number of tokens of a column.
    fn len(&self, header: &str, key: &str) -> usize {
        let mut n = 0;
        self.clone().edit_list(header, key, |t| n = t.len());
        n
    }
}

fn series_header(id: &str) -> String {
    format!("[series {id}]")
}

/// A reader message: a sentence, no parser jargon, no debug output.
fn assert_readable(e: &SnapshotError) {
    let m = e.reader_message();
    for jargon in [
        "expected",
        "invalid type",
        "Some(",
        "\\\"",
        "EOF",
        "{",
        "decimals=",
    ] {
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
    let b = baseline();
    (
        b.series_ids().map(str::to_owned).collect(),
        b.flow_ids().map(str::to_owned).collect(),
    )
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
    let e = Snapshot::from_text(text).unwrap_err();
    assert!(e.is_whole_file(), "{e:?}");
    assert_readable(&e);
    e
}

/// One value of series `id` at `index` set to `value`; returns the date it is on.
fn set_value(id: &str, index: usize, value: f64) -> (Snapshot, Date) {
    let date = baseline().series(id).unwrap().dates()[index];
    let snap = loaded(|raw| raw.series.get_mut(id).unwrap().values[index] = Some(value));
    (snap, date)
}

/// Asserts the single value of `id` at `index` was set aside and nothing else changed.
fn assert_one_gap(snap: &Snapshot, id: &str, index: usize, value: &str, reason: Reason) {
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
            date: b.dates()[index],
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
fn the_committed_file_verifies_and_is_what_the_writer_writes() {
    let snap = Snapshot::from_text(REAL).unwrap();
    let raw = snap.to_raw().unwrap();
    assert_eq!(checksum::of_text(REAL), snap.content_sha256);
    assert_eq!(snap.content_sha256.len(), 64);
    // The writer reproduces the file from its content, byte for byte.
    let (text, digest) = write::to_text(&raw).unwrap();
    assert!(text == REAL, "the writer does not reproduce the committed file");
    assert_eq!(digest, snap.content_sha256);
    // The file reader and the typed path agree on every series.
    let typed = Snapshot::from_raw(raw).unwrap();
    assert!(typed == snap, "the typed path disagrees with the file reader");
    assert_sane(&snap);
    let (all_series, all_flows) = all_ids();
    assert_eq!(all_series.len(), 12);
    assert_eq!(all_flows, ["btc", "eth"]);
    for id in &all_series {
        assert!(snap.issues_for(id).is_empty(), "{id}: {:?}", snap.issues_for(id));
    }
    for id in &all_flows {
        assert!(snap.flows(id).unwrap().issues().is_empty(), "{id}");
    }
    assert!(snap.file_issues().is_empty());
}

#[test]
fn a_reindented_commented_crlf_file_with_the_same_content_verifies() {
    let text: String = REAL
        .lines()
        .map(|l| format!("  {l}  \r\n# a comment\r\n\r\n"))
        .collect();
    assert!(Snapshot::from_text(&text).unwrap() == *baseline());
}

// ---- absurd, negative and unusable values become one gap each ----

#[test]
fn absurd_burn_is_one_gap_with_a_note() {
    let (snap, date) = set_value(ids::ETH_BURN, 40, 5e6);
    assert_one_gap(&snap, ids::ETH_BURN, 40, "5,000,000", out_of(ids::ETH_BURN));
    assert_eq!(
        snap.series(ids::ETH_BURN).unwrap().notes(),
        [format!(
            "1 value outside plausible bounds set aside: burn 5,000,000 ETH on {}.",
            format_iso(date)
        )]
    );
}

#[test]
fn absurd_negative_close_is_one_gap() {
    let (snap, _) = set_value(ids::BTC_USD, 100, -17_000.5);
    assert_one_gap(&snap, ids::BTC_USD, 100, "−17000.5", out_of(ids::BTC_USD));
}

#[test]
fn a_price_of_almost_nothing_is_a_gap() {
    let (snap, _) = set_value(ids::ETH_USD, 9, 0.001);
    assert_one_gap(&snap, ids::ETH_USD, 9, "0.001", out_of(ids::ETH_USD));
}

#[test]
fn negative_and_zero_prices_are_gaps() {
    let (snap, _) = set_value(ids::QQQ, 7, -5.0);
    assert_one_gap(&snap, ids::QQQ, 7, "−5", out_of(ids::QQQ));
    let (snap, _) = set_value(ids::GLD, 8, 0.0);
    assert_one_gap(&snap, ids::GLD, 8, "0", out_of(ids::GLD));
}

#[test]
fn negative_burn_and_implausible_stake_and_yield_are_gaps() {
    let (snap, _) = set_value(ids::ETH_BURN, 3, -1.0);
    assert_one_gap(&snap, ids::ETH_BURN, 3, "−1", out_of(ids::ETH_BURN));
    let (snap, _) = set_value(ids::ETH_STAKED, 3, 2.5e8);
    assert_one_gap(&snap, ids::ETH_STAKED, 3, "250,000,000", out_of(ids::ETH_STAKED));
    let (snap, _) = set_value(ids::DGS10, 3, 31.0);
    assert_one_gap(&snap, ids::DGS10, 3, "31", out_of(ids::DGS10));
}

/// Tokens that are not a whole number the format allows.
const NOT_NUMBERS: &[&str] = &[
    "NaN",
    "nan",
    "Infinity",
    "-Infinity",
    "1e309",
    "1e308",
    "1e",
    "12.5",
    "\"123.4\"",
    "true",
    "{\"v\":1}",
    "yesterday",
    "123456789012345678901234567890",
    "9007199254740993",
];

#[test]
fn a_token_that_is_not_a_number_is_one_gap_not_a_broken_file() {
    // The last value of a delta column: nothing comes after it.
    for token in NOT_NUMBERS {
        let mut doc = Doc::real();
        let header = series_header(ids::DGS10);
        let last = doc.len(&header, "values") - 1;
        let snap = doc.set_token(&header, "values", last, token).load();
        assert_one_gap(
            &snap,
            ids::DGS10,
            last,
            &input::shorten(token),
            Reason::NotANumber,
        );
    }
    let mut doc = Doc::real();
    let header = series_header(ids::DGS10);
    let last = doc.len(&header, "values") - 1;
    let snap = doc.set_token(&header, "values", last, "1e309").load();
    let date = baseline().series(ids::DGS10).unwrap().dates()[last];
    assert_eq!(
        snap.series(ids::DGS10).unwrap().notes(),
        [format!(
            "1 value that is not a number set aside: yield 1e309% on {}.",
            format_iso(date)
        )]
    );
}

#[test]
fn a_bad_token_inside_a_delta_column_loses_the_values_after_it_and_only_those() {
    // Near the end: the values after it cannot be rebuilt, so they are gaps with notes.
    let mut doc = Doc::real();
    let header = series_header(ids::BTC_USD);
    let n = doc.len(&header, "values");
    let snap = doc.set_token(&header, "values", n - 5, "NaN").load();
    let s = snap.series(ids::BTC_USD).unwrap();
    let b = baseline().series(ids::BTC_USD).unwrap();
    assert_eq!(s.values()[..n - 5], b.values()[..n - 5]);
    assert!(s.values()[n - 5..].iter().all(Option::is_none));
    assert_eq!(s.issues().len(), 5);
    assert!(matches!(
        s.issues()[0],
        Issue::ValueSetAside {
            reason: Reason::NotANumber,
            ..
        }
    ));
    assert!(matches!(
        s.issues()[4],
        Issue::ValueSetAside {
            reason: Reason::AfterUnusable,
            ..
        }
    ));
    let notes = s.notes();
    assert!(
        notes[1].starts_with("4 values after an unusable one set aside"),
        "{notes:?}"
    );
    assert_only(&snap, &[ids::BTC_USD], &[]);
    // In the middle: too much is lost, the series is refused with a reason; no other part
    // changes.
    let snap = Doc::real().set_token(&header, "values", 100, "Infinity").load();
    let e = snap.series(ids::BTC_USD).unwrap_err();
    assert!(matches!(e, SnapshotError::TooManySetAside { .. }), "{e:?}");
    assert_readable(&e);
    assert!(
        e.to_string()
            .contains("for example close Infinity USD on 2018-04-11 is not a number"),
        "{e}"
    );
    assert_only(&snap, &[ids::BTC_USD], &[]);
    assert_files_lists_unchanged(&snap);
}

#[test]
fn too_many_bad_values_refuse_the_series() {
    let snap = loaded(|raw| {
        let values = &mut raw.series.get_mut("btc_usd").unwrap().values;
        for i in 0..50 {
            values[i * 3] = Some(-1.0);
        }
    });
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
    let snap = loaded(|raw| {
        let total = &mut raw.etf_flows.get_mut("eth").unwrap().total;
        for i in 0..20 {
            total[i * 2] = 99.9;
        }
    });
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
fn an_all_gap_series_is_refused_as_having_no_values() {
    let snap = loaded(|raw| {
        for v in &mut raw.series.get_mut("eth_fees").unwrap().values {
            *v = None;
        }
    });
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
    let snap = Doc::real()
        .set_token(&series_header(ids::BTC_USD), "steps", 11, "-1")
        .load();
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
    for step in [
        "0",
        "\"1\"",
        "1.5",
        "9000000000",
        "1*0",
        "1*999999999",
        "*",
        "NaN",
    ] {
        let snap = Doc::real().set_token("[flows eth]", "steps", 4, step).load();
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
    let gld = series_header(ids::GLD);
    let doc = |key: &str, line: &str| Doc::real().replace_line(&gld, key, line).load();
    let cases: Vec<(Snapshot, &str)> = vec![
        (doc("start", "start 2025-02-30"), "is not a calendar date"),
        (doc("start", "start 20180102"), "is not a calendar date"),
        (
            loaded(|raw| {
                raw.series.get_mut("gld").unwrap().values.pop();
            }),
            "its values column has",
        ),
        (doc("values", "values decimals=x delta"), "layout"),
        (doc("values", "values decimals=2 zigzag"), "layout"),
        (doc("values", "values decimals=99 delta"), "layout"),
        (doc("label", ""), "layout"),
        (doc("label", "colour gold"), "layout"),
        (doc("provisional", "provisional maybe"), "layout"),
        (doc("steps", "> 1 1 1"), "layout"),
    ];
    for (snap, words) in cases {
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
    let snap = loaded(|raw| {
        raw.series.remove("gld");
    });
    assert_eq!(
        snap.series(ids::GLD),
        Err(SnapshotError::MissingSeries("gld".into()))
    );
    assert_only(&snap, &[ids::GLD], &[]);
    assert_files_lists_unchanged(&snap);
}

#[test]
fn a_series_given_twice_is_refused_not_guessed() {
    let mut doc = Doc::real();
    let header = series_header(ids::ETH_USD);
    let block = doc.block(&header);
    let copy: Vec<String> = std::iter::once(header.clone())
        .chain(doc.0[block.clone()].iter().cloned())
        .collect();
    doc.0.splice(block.end..block.end, copy);
    let snap = doc.load();
    let e = snap.series(ids::ETH_USD).unwrap_err();
    assert!(matches!(e, SnapshotError::Layout { .. }), "{e:?}");
    assert_only(&snap, &[ids::ETH_USD], &[]);
}

#[test]
fn a_provider_that_is_not_one_refuses_the_series_that_credit_it() {
    let snap = Doc::real().replace_line("[provider fred]", "url", "").load();
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
    let snap = loaded(|raw| {
        let mut extra = raw.series["gld"].clone();
        extra.values[2] = Some(5e12);
        raw.series.insert("zzz".into(), extra);
    });
    assert!(matches!(
        snap.series("zzz").unwrap().issues(),
        [Issue::ValueSetAside { .. }]
    ));
    assert_only(&snap, &["zzz"], &[]);
}

#[test]
fn a_block_of_an_unknown_kind_is_dropped_with_a_note() {
    let mut doc = Doc::real();
    let at = doc.block("[holidays]").start - 1;
    doc.0.splice(at..at, ["[zzz 1]".to_owned(), "x 1".to_owned()]);
    let snap = doc.load();
    assert_only(&snap, &[], &[]);
    let notes = snap.file_notes();
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0].starts_with("Block `[zzz]` at line")
            && notes[0].ends_with("this page does not read that kind of block."),
        "{notes:?}"
    );
}

// ---- flow tables: cross-checked totals, rows set aside ----

#[test]
fn a_total_that_is_not_the_sum_of_its_funds_is_replaced_and_named() {
    let base = baseline();
    let t0 = base.flows(ids::FLOWS_BTC).unwrap();
    let date = t0.dates()[30];
    let stated = t0.total_usd_m()[30] + 500.0;
    let snap = loaded(|raw| raw.etf_flows.get_mut("btc").unwrap().total[30] = stated);
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
    for token in ["1e308", "_", "\"5\"", "NaN", "99999999999999999999", "200001"] {
        let snap = Doc::real()
            .set_token("[flows eth]", "column ETHA", 12, token)
            .load();
        let t = snap.flows(ids::FLOWS_ETH).unwrap();
        assert_eq!(t.dates().len(), t0.dates().len() - 1);
        assert!(!t.dates().contains(&t0.dates()[12]));
        let written = if token == "200001" { "20000.1" } else { token };
        assert!(
            matches!(t.issues(), [Issue::RowSetAside { fund, value, .. }] if fund == "ETHA" && value == written),
            "{:?}",
            t.issues()
        );
        assert_only(&snap, &[], &[ids::FLOWS_ETH]);
    }
}

#[test]
fn a_table_without_funds_or_with_a_fund_twice_or_a_column_missing_is_refused() {
    let no_funds = loaded(|raw| {
        let t = raw.etf_flows.get_mut("btc").unwrap();
        t.funds.clear();
        t.by_fund.clear();
    });
    let twice = loaded(|raw| {
        let t = raw.etf_flows.get_mut("btc").unwrap();
        t.funds[1] = t.funds[0].clone();
    });
    let no_column = {
        let mut doc = Doc::real();
        let i = doc.field("[flows btc]", "column FBTC");
        doc.0[i] = "column FBTX decimals=1 plain".into();
        doc.load()
    };
    for snap in [no_funds, twice, no_column] {
        let e = snap.flows(ids::FLOWS_BTC).unwrap_err();
        assert!(matches!(e, SnapshotError::Layout { .. }), "{e:?}");
        assert_readable(&e);
        assert_only(&snap, &[], &[ids::FLOWS_BTC]);
    }
}

#[test]
fn an_absurd_total_is_replaced_by_the_sum() {
    let snap = Doc::real()
        .set_token("[flows btc]", "column total", 3, "1e309")
        .load();
    let t = snap.flows(ids::FLOWS_BTC).unwrap();
    assert!(matches!(t.issues(), [Issue::TotalNotSum { stated, .. }] if stated == "1e309"));
}

// ---- events, holidays, as_of: dropped or replaced one by one ----

#[test]
fn an_impossible_holiday_is_dropped_alone() {
    let snap = loaded(|raw| raw.market_holidays[3] = "2025-02-30".into());
    assert_eq!(snap.market_holidays.len(), baseline().market_holidays.len() - 1);
    assert_eq!(
        snap.file_notes(),
        ["Market holiday 4 dropped: `2025-02-30` is not a YYYY-MM-DD date."]
    );
    assert_only(&snap, &[], &[]);
    let snap = Doc::real()
        .set_token("[holidays]", "dates", 0, "yesterday")
        .load();
    assert_eq!(
        snap.file_notes(),
        ["Market holiday 1 dropped: `yesterday` is not a YYYY-MM-DD date."]
    );
}

#[test]
fn an_event_dated_yesterday_is_dropped_alone() {
    let snap = loaded(|raw| raw.events[2].date = "yesterday".into());
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
    let snap = Doc::real().replace_line("[event]", "source", "").load();
    assert_eq!(snap.events.len(), base.events.len() - 1);
    assert_eq!(
        snap.file_notes(),
        ["Event 1 dropped: it does not have the layout this page reads."]
    );
    let snap = Doc::real()
        .replace_line("[holidays]", "dates", "days none")
        .load();
    assert!(snap.market_holidays.is_empty());
    assert_eq!(
        snap.file_notes(),
        ["Market holiday 1 dropped: the list is unreadable."]
    );
    assert_only(&snap, &[], &[]);
}

#[test]
fn a_wrong_as_of_is_replaced_by_the_data() {
    let snap = loaded(|raw| raw.as_of = "2030-01-01".into());
    assert_eq!(snap.as_of, baseline().as_of);
    assert!(matches!(snap.file_issues(), [Issue::AsOfMismatch { .. }]));
    let snap = loaded(|raw| raw.as_of = "12".into());
    assert_eq!(snap.as_of, baseline().as_of);
    // Moved back to a date two series end on: the seven parts that run later outvote it.
    let snap = loaded(|raw| raw.as_of = "2026-06-05".into());
    assert_eq!(snap.as_of, baseline().as_of);
    assert_only(&snap, &[], &[]);
}

#[test]
fn a_series_running_past_the_files_date_is_refused() {
    // Dates shifted four years ahead, metadata and checksum made to match.
    let snap = loaded(|raw| {
        let s = raw.series.get_mut("dgs10").unwrap();
        s.axis.start = "2022-01-03".into();
        s.meta.first = "2022-01-03".into();
    });
    let e = snap.series(ids::DGS10).unwrap_err();
    assert!(matches!(e, SnapshotError::PastAsOf { .. }), "{e:?}");
    assert_readable(&e);
    assert_only(&snap, &[ids::DGS10], &[]);
    assert_files_lists_unchanged(&snap);
}

#[test]
fn a_declared_range_that_disagrees_is_a_note() {
    let snap = loaded(|raw| raw.series.get_mut("spy").unwrap().meta.first = "2017-01-01".into());
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
    let stated = &baseline().content_sha256;
    let first = if stated.starts_with('0') { "1" } else { "0" };
    let flipped = format!("{first}{}", stated.get(1..).unwrap());
    let e = whole_file_error(&REAL.replace(stated.as_str(), &flipped));
    assert!(matches!(e, SnapshotError::Modified { .. }));
    assert!(e.to_string().contains("modified after it was built"), "{e}");
}

#[test]
fn tripled_closes_with_the_old_checksum_are_refused_as_modified() {
    let mut raw = real();
    for v in raw.series.get_mut("btc_usd").unwrap().values.iter_mut().flatten() {
        *v = format!("{:.4}", *v * 3.0).parse().unwrap();
    }
    let (text, _) = write::to_text(&raw).unwrap();
    let old = format!("content_sha256 {}", baseline().content_sha256);
    let unsealed: String = text
        .lines()
        .map(|l| {
            if l.starts_with("content_sha256") {
                format!("{old}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    let e = whole_file_error(&unsealed);
    assert!(matches!(e, SnapshotError::Modified { .. }));
    // The checksum is integrity, not authenticity: re-sealed, plausible numbers load.
    assert!(Snapshot::from_text(&text).is_ok());
}

#[test]
fn any_edit_without_a_new_checksum_is_refused() {
    let text = REAL.replacen("steps 1*3154", "steps 2 1*3153", 1);
    assert_ne!(text, REAL);
    assert!(matches!(whole_file_error(&text), SnapshotError::Modified { .. }));
    assert!(Snapshot::from_text_unverified(&text).is_ok());
    let text = REAL.replacen("> ", "> 1", 1);
    assert!(matches!(whole_file_error(&text), SnapshotError::Modified { .. }));
}

#[test]
fn the_digest_of_the_canonical_bytes_is_the_checksum_and_reading_in_two_steps_checks_it() {
    use sha2::{Digest, Sha256};
    // Re-indented, with comments, blank lines and CRLF: the same canonical content.
    let noisy: String = REAL
        .lines()
        .map(|l| format!("  {l}\t\r\n# a comment\n\n"))
        .collect();
    for text in [REAL, noisy.as_str()] {
        let bytes = checksum::canonical(text);
        assert_eq!(checksum::hex(&Sha256::digest(&bytes)), checksum::of_text(text));
        assert_eq!(checksum::of_text(text), baseline().content_sha256);
        assert!(!bytes.ends_with(b"\n") && !bytes.starts_with(b"content_sha256"));
        // Two steps with the right digest: what `from_text` gives.
        let two = Snapshot::read(text)
            .unwrap()
            .verify(checksum::of_text(text))
            .unwrap();
        assert!(&two == baseline());
    }
    // A digest that is not the stated one refuses the file, whatever it read.
    let stated = baseline().content_sha256.clone();
    let wrong = checksum::of_text("something else");
    let e = Snapshot::read(REAL).unwrap().verify(wrong.clone()).unwrap_err();
    assert_eq!(
        e,
        SnapshotError::Modified {
            stated,
            computed: wrong
        }
    );
    assert!(matches!(
        Snapshot::read(REAL).unwrap().verify(String::new()),
        Err(SnapshotError::Modified { .. })
    ));
    // The first step already refuses what is not a snapshot file.
    assert!(matches!(
        Snapshot::read("not a snapshot"),
        Err(SnapshotError::Unreadable { .. })
    ));
    assert_eq!(checksum::hex(&[0x00, 0x7f, 0xa5, 0xff]), "007fa5ff");
}

// ---- whole-file damage: only the first line, the header and the end ----

#[test]
fn truncated_empty_and_foreign_files_fail_whole_readably() {
    for cut in [REAL.len() / 2, REAL.len() - 5] {
        assert!(matches!(
            whole_file_error(REAL.get(..cut).unwrap()),
            SnapshotError::Unreadable {
                problem: FileProblem::Truncated,
                ..
            }
        ));
    }
    for empty in ["", "  \n", "# only a comment\n"] {
        assert!(matches!(
            whole_file_error(empty),
            SnapshotError::Unreadable {
                problem: FileProblem::Empty,
                ..
            }
        ));
    }
    for foreign in [
        "<!doctype html><p>404",
        "[1,2]",
        "null",
        "{}",
        "{\"schema_version\":1,\"as_of\":\"2026-08-21\"}",
    ] {
        let e = whole_file_error(foreign);
        assert_eq!(
            e.to_string(),
            "The data file is damaged or incomplete (it is not a snapshot file), so no chart can be drawn."
        );
    }
}

#[test]
fn a_missing_first_line_header_or_end_fails_whole() {
    let without = |prefix: &str| -> String {
        let mut done = false;
        REAL.lines()
            .filter(|l| {
                let hit = !done && l.starts_with(prefix);
                done |= hit;
                !hit
            })
            .map(|l| format!("{l}\n"))
            .collect()
    };
    let e = whole_file_error(&checksum::seal(&without("snapshot ")));
    assert!(
        matches!(
            e,
            SnapshotError::Unreadable {
                problem: FileProblem::NotSnapshot,
                ..
            }
        ),
        "{e:?}"
    );
    let e = whole_file_error(&checksum::seal(&without("as_of ")));
    assert!(
        matches!(
            e,
            SnapshotError::Unreadable {
                problem: FileProblem::Layout,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.detail().contains("as_of"), "{}", e.detail());
    let e = whole_file_error(&checksum::seal(&without("end")));
    assert!(
        matches!(
            e,
            SnapshotError::Unreadable {
                problem: FileProblem::Truncated,
                ..
            }
        ),
        "{e:?}"
    );
    let e = whole_file_error(&checksum::seal(&format!("{REAL}[series late]\n")));
    assert!(
        matches!(
            e,
            SnapshotError::Unreadable {
                problem: FileProblem::Layout,
                ..
            }
        ),
        "{e:?}"
    );
    let e = whole_file_error(&checksum::seal(&REAL.replacen("as_of", "as_off", 1)));
    assert!(
        matches!(
            e,
            SnapshotError::Unreadable {
                problem: FileProblem::Layout,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn another_schema_version_fails_whole() {
    let e = whole_file_error(&checksum::seal(&REAL.replacen("snapshot 2", "snapshot 99", 1)));
    assert_eq!(
        e,
        SnapshotError::Schema {
            found: 99,
            expected: 2
        }
    );
    assert_eq!(
        e.to_string(),
        "The data file was written for another version of this page (schema version 99; this page \
         reads version 2), so no chart can be drawn."
    );
    let e = whole_file_error(&checksum::seal(&REAL.replacen("snapshot 2", "snapshot two", 1)));
    assert!(
        matches!(
            e,
            SnapshotError::Unreadable {
                problem: FileProblem::Layout,
                ..
            }
        ),
        "{e:?}"
    );
}

// ---- rules, not cases: random single damage ----

/// Tokens an attacker might put where a value goes.
const VALUE_TOKENS: &[&str] = &[
    "NaN",
    "Infinity",
    "-Infinity",
    "1e309",
    "1e308",
    "-1",
    "0",
    "-0",
    "_",
    "\"x\"",
    "true",
    "yesterday",
    "[1]",
    "123456789012345678901234567890",
    "9007199254740992",
    "-9007199254740992",
    "4503599627370496",
    "99999",
];
/// Tokens an attacker might put where a day step goes.
const STEP_TOKENS: &[&str] = &[
    "0",
    "-1",
    "\"1\"",
    "1.5",
    "4294967296",
    "9e18",
    "_",
    "1e309",
    "1*0",
    "2*99999999",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(32))]

    /// One token anywhere in one series or table: the file loads, only that part is
    /// affected, nothing implausible is loaded, and any refusal reads as a sentence.
    #[test]
    fn one_bad_token_affects_only_its_part(
        part in 0usize..14,
        column in 0usize..13,
        at in 0usize..5000,
        token in 0usize..VALUE_TOKENS.len(),
        step in proptest::bool::ANY,
    ) {
        let (all_series, all_flows) = all_ids();
        let (affected_series, affected_flows, header, key): (Vec<&str>, Vec<&str>, String, String) =
            if part < all_series.len() {
                let id = all_series[part].as_str();
                (vec![id], vec![], series_header(id), if step { "steps" } else { "values" }.to_owned())
            } else {
                let id = all_flows[part % all_flows.len()].as_str();
                let t = baseline().flows(id).unwrap();
                let key = if step {
                    "steps".to_owned()
                } else if column == 0 {
                    "column total".to_owned()
                } else {
                    format!("column {}", t.funds()[column % t.funds().len()].ticker)
                };
                (vec![], vec![id], format!("[flows {id}]"), key)
            };
        let token = if step { STEP_TOKENS[token % STEP_TOKENS.len()] } else { VALUE_TOKENS[token] };
        let snap = Snapshot::from_text(&Doc::real().set_token(&header, &key, at, token).sealed()).unwrap();
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
