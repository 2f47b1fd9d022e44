//! Writes a snapshot as the text file [`super::text`] reads: the builder's output, and the
//! tests' way to forge files.
//!
//! **Exactness.** Each column states `decimals`: the most decimal places any of its values
//! has in its shortest round-trip form (Rust's `{}` for `f64`). Each value is written as
//! the whole number `n = value × 10^decimals`, taken digit by digit from that decimal form
//! (no float multiplication). The reader computes `n / 10^decimals`: `n` (at most 2^53)
//! and `10^decimals` (at most 10^15) are exact `f64`s and the division is correctly
//! rounded, so it yields the `f64` nearest to the decimal — the value written. The writer
//! checks this for every value and fails rather than write one that would read back
//! differently.
//!
//! **Encoding.** A column is written `delta` (first differences) when that is shorter
//! than `plain`, as for prices; flows, mostly zeros of either sign, stay `plain`.
//! Day steps are run-length coded (`1*3154`) where a step repeats three times or more.

use super::checksum;
use super::raw::{RawAxis, RawEvent, RawFlowTable, RawMeta, RawProvider, RawSeries, RawSnapshot};
use super::text::{Encoding, CONTINUATION, END, EXACT_LIMIT, GAP, MAGIC, MAX_DECIMALS, POW10};
use super::SCHEMA_VERSION;
use std::fmt::Write as _;

/// Tokens per line of a value column or axis.
const TOKENS_PER_LINE: usize = 20;

/// The file for `raw`, sealed with its content checksum, and that checksum.
///
/// `raw.content_sha256` and `raw.schema_version` are ignored: the file states
/// [`SCHEMA_VERSION`] and the digest of what it holds.
///
/// # Errors
/// A sentence naming the part that cannot be written exactly: a value with more than
/// [`MAX_DECIMALS`] decimals or beyond 2^53 once scaled, a non-finite value, or a text
/// with a line break (or an id with a space) that the line layout cannot hold.
pub fn to_text(raw: &RawSnapshot) -> Result<(String, String), String> {
    let mut out = String::with_capacity(256 * 1024);
    line(&mut out, MAGIC, &SCHEMA_VERSION.to_string());
    line(&mut out, "as_of", text("as_of", &raw.as_of)?);
    line(&mut out, checksum::KEY, "-");
    for (id, p) in &raw.providers {
        provider(&mut out, word("provider id", id)?, p)?;
    }
    for (id, s) in &raw.series {
        series(&mut out, word("series id", id)?, s).map_err(|e| format!("series {id}: {e}"))?;
    }
    for (id, t) in &raw.etf_flows {
        flows(&mut out, word("flow table id", id)?, t).map_err(|e| format!("flows {id}: {e}"))?;
    }
    if !raw.market_holidays.is_empty() {
        out.push_str("\n[holidays]\n");
        let dates = raw
            .market_holidays
            .iter()
            .map(|d| word("holiday", d))
            .collect::<Result<Vec<_>, _>>()?;
        tokens(&mut out, "dates", dates.iter().map(|d| (*d).to_owned()));
    }
    for e in &raw.events {
        event(&mut out, e)?;
    }
    if !raw.notes.is_empty() {
        out.push_str("\n[notes]\n");
        for n in &raw.notes {
            line(&mut out, "note", text("note", n)?);
        }
    }
    out.push('\n');
    out.push_str(END);
    out.push('\n');
    let sealed = checksum::seal(&out);
    let digest = checksum::of_text(&sealed);
    Ok((sealed, digest))
}

fn line(out: &mut String, key: &str, rest: &str) {
    out.push_str(key);
    if !rest.is_empty() {
        out.push(' ');
        out.push_str(rest);
    }
    out.push('\n');
}

/// `s` if one line can hold it as the reader reads it back (trimmed, one line).
fn text<'a>(what: &str, s: &'a str) -> Result<&'a str, String> {
    if s.contains(['\n', '\r']) || s.trim() != s {
        Err(format!("the {what} `{s}` has a line break or surrounding spaces"))
    } else {
        Ok(s)
    }
}

/// `s` if it is one non-empty word without `]`.
fn word<'a>(what: &str, s: &'a str) -> Result<&'a str, String> {
    if s.is_empty() || s.contains(|c: char| c.is_whitespace() || c == ']') {
        Err(format!("the {what} `{s}` is not one word"))
    } else {
        Ok(s)
    }
}

fn provider(out: &mut String, id: &str, p: &RawProvider) -> Result<(), String> {
    let _ = writeln!(out, "\n[provider {id}]");
    line(out, "name", text("provider name", &p.name)?);
    line(out, "attribution", text("attribution", &p.attribution)?);
    line(out, "licence", text("licence", &p.licence)?);
    line(out, "url", text("url", &p.url)?);
    Ok(())
}

fn meta_and_axis(out: &mut String, meta: &RawMeta, axis: &RawAxis) -> Result<(), String> {
    line(out, "label", text("label", &meta.label)?);
    line(out, "unit", text("unit", &meta.unit)?);
    line(out, "provider", word("provider", &meta.provider)?);
    line(out, "first", word("first date", &meta.first)?);
    line(out, "last", word("last date", &meta.last)?);
    line(
        out,
        "provisional",
        if meta.last_provisional { "yes" } else { "no" },
    );
    if let Some(note) = &meta.note {
        line(out, "note", text("note", note)?);
    }
    line(out, "start", word("start date", &axis.start)?);
    tokens(out, "steps", runs(&axis.day_steps));
    Ok(())
}

fn series(out: &mut String, id: &str, s: &RawSeries) -> Result<(), String> {
    let _ = writeln!(out, "\n[series {id}]");
    meta_and_axis(out, &s.meta, &s.axis)?;
    column(out, "values", &s.values)
}

fn flows(out: &mut String, id: &str, t: &RawFlowTable) -> Result<(), String> {
    let _ = writeln!(out, "\n[flows {id}]");
    meta_and_axis(out, &t.meta, &t.axis)?;
    for f in &t.funds {
        let ticker = word("ticker", &f.ticker)?;
        if ticker == "total" {
            return Err("a fund may not be called `total`".to_owned());
        }
        let _ = writeln!(out, "fund {ticker} {}", text("fund name", &f.name)?);
    }
    for (f, values) in t.funds.iter().zip(&t.by_fund) {
        let values: Vec<Option<f64>> = values.iter().copied().map(Some).collect();
        column(out, &format!("column {}", f.ticker), &values)?;
    }
    let total: Vec<Option<f64>> = t.total.iter().copied().map(Some).collect();
    column(out, "column total", &total)
}

fn event(out: &mut String, e: &RawEvent) -> Result<(), String> {
    out.push_str("\n[event]\n");
    line(out, "date", word("event date", &e.date)?);
    line(out, "label", text("event label", &e.label)?);
    line(out, "description", text("event description", &e.description)?);
    line(out, "source", text("event source", &e.source)?);
    if !e.charts.is_empty() {
        let charts = e
            .charts
            .iter()
            .map(|c| word("chart key", c))
            .collect::<Result<Vec<_>, _>>()?;
        line(out, "charts", &charts.join(" "));
    }
    Ok(())
}

/// `key` with up to [`TOKENS_PER_LINE`] tokens on its line and the rest on `>` lines.
fn tokens(out: &mut String, key: &str, items: impl IntoIterator<Item = String>) {
    out.push_str(key);
    for (i, t) in items.into_iter().enumerate() {
        if i > 0 && i % TOKENS_PER_LINE == 0 {
            out.push('\n');
            out.push_str(CONTINUATION);
        }
        out.push(' ');
        out.push_str(&t);
    }
    out.push('\n');
}

/// Day steps with runs of three or more written `N*K`.
fn runs(steps: &[u32]) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = steps;
    while let Some(&first) = rest.first() {
        let n = rest.iter().take_while(|s| **s == first).count();
        if n >= 3 {
            out.push(format!("{first}*{n}"));
        } else {
            out.extend(std::iter::repeat_n(first.to_string(), n));
        }
        rest = rest.get(n..).unwrap_or_default();
    }
    out
}

/// The decimal places of `v` in its shortest round-trip form.
fn decimals(v: f64) -> Result<usize, String> {
    if !v.is_finite() {
        return Err(format!("the value {v} is not finite"));
    }
    let shortest = format!("{v}");
    let places = shortest.split_once('.').map_or(0, |(_, frac)| frac.len());
    if places > MAX_DECIMALS {
        Err(format!("the value {v} has more than {MAX_DECIMALS} decimals"))
    } else {
        Ok(places)
    }
}

/// `v × 10^places` as a whole number, from `v`'s decimal digits; checked to read back as `v`.
fn scaled(v: f64, places: usize) -> Result<i64, String> {
    let shortest = format!("{v}");
    let (negative, digits) = match shortest.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, shortest.as_str()),
    };
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let padding = places.checked_sub(frac.len()).ok_or("decimals miscounted")?;
    let all = format!("{whole}{frac}{}", "0".repeat(padding));
    let n = all
        .parse::<i64>()
        .ok()
        .filter(|n| n.unsigned_abs() <= EXACT_LIMIT)
        .ok_or_else(|| format!("the value {v} scaled by 10^{places} is beyond 2^53"))?;
    let n = if negative { -n } else { n };
    let scale = POW10.get(places).copied().ok_or("too many decimals")?;
    if n as f64 / scale == v {
        Ok(n)
    } else {
        Err(format!("the value {v} would not read back exactly"))
    }
}

/// A value column: header `KEY decimals=K ENCODING`, then its tokens on `>` lines.
fn column(out: &mut String, key: &str, values: &[Option<f64>]) -> Result<(), String> {
    let places = values
        .iter()
        .flatten()
        .try_fold(0, |most, v| decimals(*v).map(|p| p.max(most)))?;
    let ints = values
        .iter()
        .map(|v| v.map(|v| scaled(v, places)).transpose())
        .collect::<Result<Vec<Option<i64>>, String>>()?;
    let plain: Vec<String> = ints
        .iter()
        .map(|n| n.map_or_else(|| GAP.to_owned(), |n| n.to_string()))
        .collect();
    let mut running = 0i64;
    let delta: Vec<String> = ints
        .iter()
        .map(|n| match n {
            None => GAP.to_owned(),
            Some(n) => {
                let d = n - running;
                running = *n;
                d.to_string()
            }
        })
        .collect();
    let length = |t: &[String]| t.iter().map(String::len).sum::<usize>();
    let delta_exact = ints
        .iter()
        .flatten()
        .try_fold(0i64, |prev, n| (n.abs_diff(prev) <= EXACT_LIMIT).then_some(*n))
        .is_some();
    let (encoding, chosen) = if delta_exact && length(&delta) < length(&plain) {
        (Encoding::Delta, delta)
    } else {
        (Encoding::Plain, plain)
    };
    let _ = writeln!(out, "{key} decimals={places} {}", encoding.word());
    for chunk in chosen.chunks(TOKENS_PER_LINE) {
        out.push_str(CONTINUATION);
        for t in chunk {
            out.push(' ');
            out.push_str(t);
        }
        out.push('\n');
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_values_read_back_exactly() {
        for (v, places, n) in [
            (13657.2, 1, 136_572),
            (14.110353, 6, 14_110_353),
            (-52.7, 1, -527),
            (0.0, 3, 0),
            (117_134_285.5, 3, 117_134_285_500),
            (2.46, 2, 246),
            (-0.0, 0, 0),
        ] {
            assert_eq!(scaled(v, places), Ok(n), "{v}");
            assert_eq!(n as f64 / POW10[places], v);
        }
        assert!(scaled(1e300, 0).is_err());
        assert!(decimals(1e-20).is_err());
        assert!(decimals(f64::NAN).is_err());
    }

    #[test]
    fn runs_of_steps() {
        assert_eq!(runs(&[1, 1, 1, 1, 3, 1, 1, 2]), ["1*4", "3", "1", "1", "2"]);
        assert!(runs(&[]).is_empty());
    }

    proptest::proptest! {
        /// Any value with up to 8 decimals below 10^7 reads back as itself.
        #[test]
        fn any_decimal_round_trips(whole in -10_000_000i64..10_000_000, frac in 0u32..100_000_000, places in 0usize..9) {
            let text = format!("{whole}.{frac:08}");
            let v: f64 = text.get(..text.len() - (8 - places)).unwrap().trim_end_matches('.').parse().unwrap();
            let p = decimals(v).unwrap();
            let n = scaled(v, p).unwrap();
            proptest::prop_assert_eq!(n as f64 / POW10[p], v);
        }
    }
}
