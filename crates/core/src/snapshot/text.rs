//! The snapshot file (`public/data/snapshot.txt`, schema version 2) and its reader.
//!
//! The file is line-oriented text, written by [`super::write`] and documented for readers
//! in ARCHITECTURE.md ("The snapshot file"). In short:
//!
//! ```text
//! snapshot 2                          first line: the format and its schema version
//! as_of 2026-08-21                    header lines
//! content_sha256 <64 hex digits>
//! [series btc_usd]                    one block per series, flow table, provider, event…
//! label Bitcoin (BTC-USD)             `key text` lines
//! start 2018-01-01
//! steps 1*3154                        day steps; `N*K` is K steps of N days
//! values decimals=1 delta             a value column: scaled integers, value = n / 10^1,
//! > 136572 13249 -1891 _ 2191         written as first differences; `_` is a gap
//! end                                 last line: a file without it was cut short
//! ```
//!
//! Blank lines and lines starting with `#` are ignored; `>` lines continue the line
//! before. A value column is `plain` (each token is the scaled value) or `delta` (each
//! token is the change from the previous value present, the first from 0; a gap does not
//! move the running value). Values are whole numbers of at most 2^53 in magnitude, and
//! `decimals` is at most 15, so each `n / 10^decimals` is one correctly rounded division:
//! exactly the `f64` the builder read (see [`super::write`]).
//!
//! **Isolation.** Only the first line, the header and the closing `end` can fail the whole
//! file. Each block is read on its own: a block that is not laid out as described refuses
//! only its series or table ([`SnapshotError::Layout`]) or drops only its provider, event
//! or note. A token that is not a whole number (`NaN`, `Infinity`, `1e309`, a word, an
//! integer too large) is one unusable value; in a `delta` column the values after it cannot
//! be rebuilt and are set aside too (see [`Slot::Lost`]). Values are read as whole
//! numbers, digit by digit: no float parsing at all.

use super::error::{FileProblem, SnapshotError};
use super::input::{shorten, AxisInput, FlowInput, Input, SeriesInput, Slot};
use super::issue::Issue;
use super::raw::{RawEvent, RawFund, RawMeta, RawProvider};

/// The first word of the file.
pub const MAGIC: &str = "snapshot";
/// The file's last line.
pub const END: &str = "end";
/// A gap in a value column.
pub const GAP: &str = "_";
/// A line that continues the line before it.
pub const CONTINUATION: &str = ">";
/// The most decimals a column may state.
pub const MAX_DECIMALS: usize = 15;
/// The largest magnitude of a scaled value: every whole number up to it is an exact `f64`.
pub const EXACT_LIMIT: u64 = 1 << 53;
/// The most entries a column or axis may have (273 years of days): bounds what a hostile
/// run length (`1*99999999999`) may make the reader allocate.
pub const MAX_ENTRIES: usize = 100_000;

/// `10^k` for every `k` up to [`MAX_DECIMALS`], each exact.
pub(super) const POW10: [f64; MAX_DECIMALS + 1] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// How a value column is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Each token is the scaled value.
    Plain,
    /// Each token is the change from the previous value present (the first from 0).
    Delta,
}

impl Encoding {
    /// Its word in the file.
    pub fn word(self) -> &'static str {
        match self {
            Encoding::Plain => "plain",
            Encoding::Delta => "delta",
        }
    }
}

/// Why an entry of a list is dropped when it is not laid out as the format says.
const LAYOUT: &str = "it does not have the layout this page reads";

/// One `key text` line of a block, with the `>` lines that continue it.
struct Field<'a> {
    key: &'a str,
    rest: &'a str,
    more: Vec<&'a str>,
}

impl<'a> Field<'a> {
    /// The tokens of the continuation lines.
    fn continued(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.more.iter().flat_map(|l| Words(l))
    }

    /// The tokens of the line itself and of its continuation lines.
    fn all_tokens(&self) -> impl Iterator<Item = &'a str> + '_ {
        Words(self.rest).chain(self.continued())
    }
}

/// The tokens of a line: runs of characters between spaces and tabs. (A plain byte loop:
/// the page's build optimises for size, where `split_ascii_whitespace` costs a call per
/// byte.)
struct Words<'a>(&'a str);

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let separator = |b: &u8| *b == b' ' || *b == b'\t';
        let start = self.0.bytes().position(|b| !separator(&b))?;
        let rest = self.0.get(start..)?;
        let end = rest.bytes().position(|b| separator(&b)).unwrap_or(rest.len());
        // Spaces and tabs are ASCII, so both positions are character boundaries.
        let (word, after) = rest.split_at_checked(end)?;
        self.0 = after;
        Some(word)
    }
}

/// A `[kind id]` block and its lines.
struct Block<'a> {
    kind: &'a str,
    id: &'a str,
    line: usize,
    fields: Vec<Field<'a>>,
    /// A line that could not belong to the block.
    broken: Option<String>,
}

impl<'a> Block<'a> {
    fn open(header: &'a str, line: usize) -> Self {
        let (inner, broken) = match header.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
            Some(inner) => (inner, None),
            None => (
                header,
                Some(format!("line {line}: a block header is `[kind id]`")),
            ),
        };
        let (kind, id) = split(inner);
        Self {
            kind,
            id,
            line,
            fields: Vec::new(),
            broken,
        }
    }

    fn add(&mut self, line: usize, key: &'a str, rest: &'a str) {
        if key == CONTINUATION {
            match self.fields.last_mut() {
                Some(f) => f.more.push(rest),
                None => {
                    self.broken
                        .get_or_insert_with(|| format!("line {line}: a `>` line continues no line"));
                }
            }
        } else {
            self.fields.push(Field {
                key,
                rest,
                more: Vec::new(),
            });
        }
    }

    /// Fails on a broken line or a key not in `keys`.
    fn check(&self, keys: &[&str]) -> Result<(), String> {
        if let Some(why) = &self.broken {
            return Err(why.clone());
        }
        match self.fields.iter().find(|f| !keys.contains(&f.key)) {
            Some(f) => Err(format!("`{}` is not a line this block may have", shorten(f.key))),
            None => Ok(()),
        }
    }

    /// The one line `key`.
    fn field(&self, key: &str) -> Result<&Field<'a>, String> {
        self.optional(key)?
            .ok_or_else(|| format!("the block at line {} has no `{key}` line", self.line))
    }

    /// The line `key`, if any, but not twice.
    fn optional(&self, key: &str) -> Result<Option<&Field<'a>>, String> {
        let mut found = self.fields.iter().filter(|f| f.key == key);
        let first = found.next();
        if found.next().is_some() {
            return Err(format!(
                "`{key}` appears twice in the block at line {}",
                self.line
            ));
        }
        Ok(first)
    }

    fn text(&self, key: &str) -> Result<String, String> {
        self.field(key).map(|f| f.rest.to_owned())
    }
}

/// The first word of `line` and the rest, trimmed.
fn split(line: &str) -> (&str, &str) {
    match line.split_once([' ', '\t']) {
        Some((key, rest)) => (key, rest.trim()),
        None => (line, ""),
    }
}

fn unreadable(problem: FileProblem, detail: String) -> SnapshotError {
    SnapshotError::Unreadable { problem, detail }
}

/// Reads the file's layout and each of its blocks (see the module doc).
///
/// # Errors
/// [`SnapshotError::Unreadable`] or [`SnapshotError::Schema`]: damage to the first line,
/// the header or the closing line only.
pub(super) fn read(text: &str, expected_schema: u32) -> Result<Input, SnapshotError> {
    if text.trim().is_empty() {
        return Err(unreadable(FileProblem::Empty, "the file is empty".to_owned()));
    }
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'));
    let Some((n, first)) = lines.next() else {
        return Err(unreadable(
            FileProblem::Empty,
            "the file holds only comments".to_owned(),
        ));
    };
    let (magic, version) = split(first);
    if magic != MAGIC {
        return Err(unreadable(
            FileProblem::NotSnapshot,
            format!(
                "line {n}: a snapshot file starts with `{MAGIC} {expected_schema}`, this one with `{}`",
                shorten(first)
            ),
        ));
    }
    let found: u32 = version.parse().map_err(|_| {
        unreadable(
            FileProblem::Layout,
            format!(
                "line {n}: the schema version `{}` is not a whole number",
                shorten(version)
            ),
        )
    })?;
    if found != expected_schema {
        return Err(SnapshotError::Schema {
            found,
            expected: expected_schema,
        });
    }
    let (mut as_of, mut content_sha256) = (None, None);
    let mut blocks: Vec<Block<'_>> = Vec::new();
    let mut last_line = n;
    let mut ended = false;
    for (n, line) in lines {
        last_line = n;
        if ended {
            return Err(unreadable(
                FileProblem::Layout,
                format!("line {n}: text after the closing `{END}` line"),
            ));
        }
        if line == END {
            ended = true;
            continue;
        }
        if line.starts_with('[') {
            blocks.push(Block::open(line, n));
            continue;
        }
        let (key, rest) = split(line);
        match blocks.last_mut() {
            Some(block) => block.add(n, key, rest),
            None => match key {
                "as_of" if as_of.is_none() => as_of = Some(rest),
                "content_sha256" if content_sha256.is_none() => content_sha256 = Some(rest),
                _ => {
                    return Err(unreadable(
                        FileProblem::Layout,
                        format!(
                            "line {n}: `{}` is not a header line, or appears twice",
                            shorten(key)
                        ),
                    ))
                }
            },
        }
    }
    if !ended {
        return Err(unreadable(
            FileProblem::Truncated,
            format!("the file ends at line {last_line} without its closing `{END}` line"),
        ));
    }
    let as_of =
        as_of.ok_or_else(|| unreadable(FileProblem::Layout, "the header has no `as_of` line".to_owned()))?;
    let mut input = Input {
        as_of: as_of.to_owned(),
        content_sha256: content_sha256.unwrap_or_default().to_owned(),
        ..Input::default()
    };
    for block in &blocks {
        add_block(&mut input, block);
    }
    Ok(input)
}

/// Reads one block into `input`; damage stays in what the block describes.
fn add_block(input: &mut Input, b: &Block<'_>) {
    let id = b.id.to_owned();
    match b.kind {
        "provider" => {
            let parsed = if input.providers.contains_key(&id) {
                Err("it appears twice".to_owned())
            } else {
                provider(b).map_err(|_| LAYOUT.to_owned())
            };
            input.providers.insert(id, parsed);
        }
        "series" => {
            let parsed = if input.series.contains_key(&id) {
                Err(layout(&id, format!("`{id}` appears twice")))
            } else {
                series(b, &id)
            };
            input.series.insert(id, parsed);
        }
        "flows" => {
            let key = format!("etf_flows.{id}");
            let parsed = if input.flows.contains_key(&id) {
                Err(layout(&key, format!("`{id}` appears twice")))
            } else {
                flow_table(b, &key)
            };
            input.flows.insert(id, parsed);
        }
        "holidays" => match b.check(&["dates"]).and_then(|()| b.field("dates")) {
            Ok(f) => input
                .holidays
                .extend(f.all_tokens().take(MAX_ENTRIES).map(|t| Ok(t.to_owned()))),
            Err(_) => input.holidays.push(Err("the list is unreadable".to_owned())),
        },
        "event" => input.events.push(event(b).map_err(|_| LAYOUT.to_owned())),
        "notes" => {
            for f in &b.fields {
                input.notes.push(if f.key == "note" && f.more.is_empty() {
                    Ok(f.rest.to_owned())
                } else {
                    Err("it is not text".to_owned())
                });
            }
        }
        other => input.issues.push(Issue::EntryDropped {
            list: "blocks",
            at: format!("`[{}]` at line {}", shorten(other), b.line),
            why: "this page does not read that kind of block".to_owned(),
        }),
    }
}

fn layout(key: &str, detail: String) -> SnapshotError {
    SnapshotError::Layout {
        series: key.to_owned(),
        detail,
    }
}

fn provider(b: &Block<'_>) -> Result<RawProvider, String> {
    b.check(&["name", "attribution", "licence", "url"])?;
    Ok(RawProvider {
        name: b.text("name")?,
        attribution: b.text("attribution")?,
        licence: b.text("licence")?,
        url: b.text("url")?,
    })
}

fn event(b: &Block<'_>) -> Result<RawEvent, String> {
    b.check(&["date", "label", "description", "source", "charts"])?;
    Ok(RawEvent {
        date: b.text("date")?,
        label: b.text("label")?,
        description: b.text("description")?,
        source: b.text("source")?,
        charts: b
            .optional("charts")?
            .map(|f| f.all_tokens().map(str::to_owned).collect())
            .unwrap_or_default(),
    })
}

const META_KEYS: [&str; 9] = [
    "label",
    "unit",
    "provider",
    "first",
    "last",
    "provisional",
    "note",
    "start",
    "steps",
];

fn meta(b: &Block<'_>) -> Result<RawMeta, String> {
    let provisional = b.field("provisional")?.rest;
    Ok(RawMeta {
        label: b.text("label")?,
        unit: b.text("unit")?,
        provider: b.text("provider")?,
        first: b.text("first")?,
        last: b.text("last")?,
        last_provisional: match provisional {
            "yes" => true,
            "no" => false,
            other => return Err(format!("`provisional {}` is neither yes nor no", shorten(other))),
        },
        note: b.optional("note")?.map(|f| f.rest.to_owned()),
    })
}

fn series(b: &Block<'_>, key: &str) -> Result<SeriesInput, SnapshotError> {
    let fail = |detail: String| layout(key, detail);
    let mut keys = META_KEYS.to_vec();
    keys.push("values");
    b.check(&keys).map_err(fail)?;
    Ok(SeriesInput {
        meta: meta(b).map_err(fail)?,
        axis: axis(b, key)?,
        values: b.field("values").and_then(|f| column(f.rest, f)).map_err(fail)?,
    })
}

fn flow_table(b: &Block<'_>, key: &str) -> Result<FlowInput, SnapshotError> {
    let fail = |detail: String| layout(key, detail);
    let mut keys = META_KEYS.to_vec();
    keys.extend(["fund", "column"]);
    b.check(&keys).map_err(fail)?;
    let funds: Vec<RawFund> = b
        .fields
        .iter()
        .filter(|f| f.key == "fund")
        .map(|f| match split(f.rest) {
            ("", _) | (_, "") => Err(fail("a `fund` line is `fund TICKER name`".to_owned())),
            (ticker, name) => Ok(RawFund {
                ticker: ticker.to_owned(),
                name: name.to_owned(),
            }),
        })
        .collect::<Result<_, _>>()?;
    let columns: Vec<(&str, &str, &Field<'_>)> = b
        .fields
        .iter()
        .filter(|f| f.key == "column")
        .map(|f| {
            let (name, header) = split(f.rest);
            (name, header, f)
        })
        .collect();
    let named = |name: &str| -> Result<Vec<Slot>, SnapshotError> {
        let mut found = columns.iter().filter(|(n, _, _)| *n == name);
        match (found.next(), found.next()) {
            (Some((_, header, f)), None) => {
                column(header, f).map_err(|e| fail(format!("column `{name}`: {e}")))
            }
            (Some(_), Some(_)) => Err(fail(format!("column `{name}` appears twice"))),
            (None, _) => Err(fail(format!("there is no column `{name}`"))),
        }
    };
    if let Some((name, _, _)) = columns
        .iter()
        .find(|(n, _, _)| *n != "total" && !funds.iter().any(|f| f.ticker == *n))
    {
        return Err(fail(format!("column `{}` belongs to no fund", shorten(name))));
    }
    Ok(FlowInput {
        meta: meta(b).map_err(fail)?,
        axis: axis(b, key)?,
        by_fund: funds.iter().map(|f| named(&f.ticker)).collect::<Result<_, _>>()?,
        total: named("total")?,
        funds,
    })
}

fn axis(b: &Block<'_>, key: &str) -> Result<AxisInput, SnapshotError> {
    let start = b.text("start").map_err(|e| layout(key, e))?;
    let field = b.field("steps").map_err(|e| layout(key, e))?;
    let mut steps: Vec<Result<i64, String>> = Vec::new();
    for token in field.all_tokens() {
        let run = match token.split_once('*') {
            Some((days, count)) => days.parse::<i64>().ok().zip(
                count
                    .parse::<usize>()
                    .ok()
                    .filter(|k| (1..=MAX_ENTRIES).contains(k)),
            ),
            None => token.parse::<i64>().ok().map(|days| (days, 1)),
        };
        match run {
            Some((days, count)) if steps.len() + count <= MAX_ENTRIES => {
                steps.extend(std::iter::repeat_n(Ok(days), count));
            }
            Some(_) => return Err(layout(key, format!("more than {MAX_ENTRIES} day steps"))),
            None => steps.push(Err(shorten(token))),
        }
    }
    Ok(AxisInput { start, steps })
}

/// A column header: `decimals=K plain|delta`.
fn header(rest: &str) -> Result<(f64, Encoding), String> {
    let (decimals, encoding) = split(rest);
    let scale = decimals
        .strip_prefix("decimals=")
        .and_then(|k| k.parse::<usize>().ok())
        .and_then(|k| POW10.get(k).copied())
        .ok_or_else(|| {
            format!(
                "`{}` does not state decimals from 0 to {MAX_DECIMALS}",
                shorten(decimals)
            )
        })?;
    let encoding = match encoding {
        "plain" => Encoding::Plain,
        "delta" => Encoding::Delta,
        other => return Err(format!("`{}` is neither plain nor delta", shorten(other))),
    };
    Ok((scale, encoding))
}

/// A scaled integer that is exactly an `f64`: an optional `-` and at most 16 digits, of
/// magnitude at most [`EXACT_LIMIT`]; anything else is `None`.
fn exact(token: &str) -> Option<i64> {
    let (negative, digits) = match token.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        all => (false, all),
    };
    if digits.is_empty() || digits.len() > 16 {
        return None;
    }
    let mut n: u64 = 0;
    for b in digits {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u64::from(b - b'0');
    }
    let n = i64::try_from(n)
        .ok()
        .filter(|n| n.unsigned_abs() <= EXACT_LIMIT)?;
    Some(if negative { -n } else { n })
}

/// The values of a column: its header (`decimals=K plain|delta`), its tokens on the `>`
/// lines of `f`.
fn column(header_text: &str, f: &Field<'_>) -> Result<Vec<Slot>, String> {
    let (scale, encoding) = header(header_text)?;
    let mut out = Vec::with_capacity((f.more.len() * 20).min(MAX_ENTRIES));
    let mut running: i64 = 0;
    let mut lost = false;
    for token in f.continued() {
        if out.len() >= MAX_ENTRIES {
            return Err(format!("more than {MAX_ENTRIES} values"));
        }
        let slot = if token == GAP {
            Slot::Gap
        } else if lost {
            Slot::Lost
        } else {
            let value = match encoding {
                Encoding::Plain => exact(token),
                Encoding::Delta => exact(token)
                    .and_then(|d| running.checked_add(d))
                    .filter(|n| n.unsigned_abs() <= EXACT_LIMIT),
            };
            match value {
                Some(n) => {
                    running = n;
                    // Exact: `n` and `scale` are exact `f64`s, the division rounds once.
                    Slot::Number(n as f64 / scale)
                }
                None => {
                    lost = encoding == Encoding::Delta;
                    Slot::Unusable(shorten(token))
                }
            }
        };
        out.push(slot);
    }
    Ok(out)
}
