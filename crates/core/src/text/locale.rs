//! One language: its messages (parsed once from its locale file) and its ways of writing
//! numbers, money and dates. Date and money patterns are messages too (`-date`,
//! `-usd-m`, `-usd-bn`, `month-1` …), and so is the money style (from what amount which
//! unit and how many decimals: `-money-tiers`), so a translator changes them in the same
//! file.
//!
//! The page's languages are [`TAGS`]. English is compiled in; any other language's file
//! is fetched when a reader asks for it (`i18n/<tag>.ftl` beside the page) and installed
//! with [`Locale::install`], so an English reader downloads no other language. A new
//! language is its file, its tag and name here, and its line in [`SOURCES`] (which the
//! tests read). A message missing from a language falls back to English.

use super::{Arg, DataText, Msg, NumFmt};
use std::collections::BTreeMap;
use std::sync::OnceLock;
use time::Date;

/// The typographic minus used in every displayed number.
pub const MINUS: char = '\u{2212}';

/// (Its comment lines left empty by `build.rs`: they are for editors, not readers.)
const EN_FTL: &str = include_str!(concat!(env!("OUT_DIR"), "/en.ftl"));

/// Every language the page offers (BCP 47 tags), English first: the fallback of every
/// other language.
pub const TAGS: [&str; 2] = ["en", "zh-CN"];

/// Each language's name in itself (its `lang-name` message, which a test holds these
/// to), in [`TAGS`] order: the language switch names a language before its file is loaded.
pub const NAMES: [&str; 2] = ["English", "简体中文"];

/// Every language's locale file, in [`TAGS`] order, for the tests and the build, which read
/// them all. The page itself compiles in English alone (nothing outside the tests reads
/// this table, so no other file ends up in the wasm).
pub const SOURCES: [(&str, &str); 2] = [("en", EN_FTL), ("zh-CN", include_str!("../../locales/zh-CN.ftl"))];

/// Where language `tag` stands in [`TAGS`] (and so in [`NAMES`], [`SOURCES`] and every
/// per-language table): `None` for a tag the page does not offer.
pub fn tag_index(tag: &str) -> Option<usize> {
    TAGS.iter().position(|t| *t == tag)
}

/// The languages other than English installed so far, in [`TAGS`] order.
static INSTALLED: [OnceLock<Locale>; TAGS.len()] = [const { OnceLock::new() }; TAGS.len()];

/// One tier of a money style: amounts from `from_usd_m` US$ millions are written with
/// message `id` (`-usd-m` or `-usd-bn`), `{ $n }` counted in units of `unit_usd_m` with at
/// most `decimals` decimals (trailing zeros dropped: `$500m`, `12亿美元`).
#[derive(Debug, Clone, Copy, PartialEq)]
struct MoneyTier {
    from_usd_m: f64,
    unit_usd_m: f64,
    decimals: usize,
    id: &'static str,
}

/// How money is written: tiers by increasing `from_usd_m`, the last one not above the
/// amount applies. Read from the locale file's `-money-tiers` (`from unit decimals id`,
/// comma-separated); English's `$903.2m` / `$53.8bn` is the default.
#[derive(Debug, Clone, PartialEq)]
struct MoneyStyle(Vec<MoneyTier>);

impl MoneyStyle {
    /// `$903.2m`, `$53.8bn`.
    fn en() -> Self {
        Self(vec![
            MoneyTier {
                from_usd_m: 0.0,
                unit_usd_m: 1.0,
                decimals: 1,
                id: "-usd-m",
            },
            MoneyTier {
                from_usd_m: 1000.0,
                unit_usd_m: 1000.0,
                decimals: 1,
                id: "-usd-bn",
            },
        ])
    }

    /// Parses `0 1 1 -usd-m, 1000 1000 1 -usd-bn`; `None` unless every tier is
    /// well-formed (a finite `from` from 0, a positive unit, 0–6 decimals, a money id) and
    /// the tiers start at 0 in increasing order.
    fn parse(text: &str) -> Option<Self> {
        let mut tiers = Vec::new();
        for tier in text.split(',') {
            let f: Vec<&str> = tier.split_whitespace().collect();
            let [from, unit, decimals, id] = f.as_slice() else {
                return None;
            };
            let from_usd_m = plain_decimal(from)?;
            let unit_usd_m = plain_decimal(unit).filter(|v| *v > 0.0)?;
            let decimals = decimals.parse::<usize>().ok().filter(|d| *d <= 6)?;
            let id = match *id {
                "-usd-k" => "-usd-k",
                "-usd-m" => "-usd-m",
                "-usd-bn" => "-usd-bn",
                _ => return None,
            };
            if tiers
                .last()
                .is_some_and(|t: &MoneyTier| t.from_usd_m >= from_usd_m)
            {
                return None;
            }
            tiers.push(MoneyTier {
                from_usd_m,
                unit_usd_m,
                decimals,
                id,
            });
        }
        (tiers.first().map(|t| t.from_usd_m) == Some(0.0)).then_some(Self(tiers))
    }

    /// The style a locale's messages (else its fallback's) declare, else English's.
    fn read(messages: &BTreeMap<String, Vec<Piece>>, fallback: Option<&Locale>) -> Self {
        let pieces = messages
            .get("-money-tiers")
            .or_else(|| fallback.and_then(|f| f.messages.get("-money-tiers")));
        match pieces.map(Vec::as_slice) {
            Some([Piece::Literal(t)]) => Self::parse(t).unwrap_or_else(Self::en),
            _ => Self::en(),
        }
    }

    /// The tier for an amount of `usd_m` (absolute) US$ millions.
    fn tier(&self, usd_m: f64) -> MoneyTier {
        self.0
            .iter()
            .rev()
            .find(|t| usd_m >= t.from_usd_m)
            .or(self.0.first())
            .copied()
            .unwrap_or(MoneyTier {
                from_usd_m: 0.0,
                unit_usd_m: 1.0,
                decimals: 1,
                id: "-usd-m",
            })
    }
}

/// A piece of a parsed message.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Literal(String),
    Placeholder(String),
}

/// A locale file that does not parse, with its line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("locale {tag}, line {line}: {reason}")]
pub struct LocaleError {
    /// Language tag.
    pub tag: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}

/// A language's messages and formats.
#[derive(Debug, Clone, PartialEq)]
pub struct Locale {
    /// BCP 47 tag (`en`, `zh-CN`).
    pub tag: String,
    messages: BTreeMap<String, Vec<Piece>>,
    /// Where a missing message is looked up (English, for every other language).
    fallback: Option<&'static Locale>,
    money: MoneyStyle,
}

impl Locale {
    /// English, parsed once from `locales/en.ftl` (compiled in; a parse error there is a
    /// build bug caught by the tests, and leaves an empty locale that renders ids).
    pub fn en() -> &'static Locale {
        static EN: OnceLock<Locale> = OnceLock::new();
        EN.get_or_init(|| {
            Locale::parse("en", EN_FTL).unwrap_or_else(|_| Locale {
                tag: "en".to_owned(),
                messages: BTreeMap::new(),
                fallback: None,
                money: MoneyStyle::en(),
            })
        })
    }

    /// Language `tag` (exactly as in [`TAGS`]) if it is English or has been installed,
    /// else English.
    pub fn get(tag: &str) -> &'static Locale {
        Self::installed(tag).unwrap_or_else(Self::en)
    }

    /// Language `tag`, if it is English or has been installed.
    pub fn installed(tag: &str) -> Option<&'static Locale> {
        if tag == "en" {
            return Some(Self::en());
        }
        INSTALLED.get(tag_index(tag)?)?.get()
    }

    /// Parses language `tag`'s locale file `text` (as fetched) and installs it, with
    /// English as its fallback: from then on [`Locale::get`] gives it. Installing a
    /// language twice keeps the first.
    ///
    /// # Errors
    /// A tag that is not one of [`TAGS`], or a file that does not parse.
    pub fn install(tag: &str, text: &str) -> Result<&'static Locale, LocaleError> {
        let unknown = || LocaleError {
            tag: tag.to_owned(),
            line: 0,
            reason: "not a language of this page".to_owned(),
        };
        if tag == "en" {
            return Ok(Self::en());
        }
        let cell = tag_index(tag)
            .and_then(|i| INSTALLED.get(i))
            .ok_or_else(unknown)?;
        if let Some(installed) = cell.get() {
            return Ok(installed);
        }
        let parsed = Locale::parse(tag, text)?.with_fallback(Self::en());
        Ok(cell.get_or_init(|| parsed))
    }

    /// The tags of every language, English first.
    pub fn tags() -> impl Iterator<Item = &'static str> {
        TAGS.iter().copied()
    }

    /// Language `tag`'s name in itself ([`NAMES`]); the tag itself for an unknown one.
    pub fn name(tag: &str) -> &str {
        tag_index(tag).and_then(|i| NAMES.get(i).copied()).unwrap_or(tag)
    }

    /// The language that best serves a reader asking for `wanted` (a URL
    /// value or a browser's `navigator.language`): the same tag in any letter case (`_`
    /// read as `-`), else the first language with the same primary subtag (`zh`,
    /// `zh-Hans`, `zh-SG` → `zh-CN`; `en-GB` → `en`). `None` when nothing matches.
    pub fn negotiate(wanted: &str) -> Option<&'static str> {
        let wanted = wanted.trim().replace('_', "-");
        if wanted.is_empty()
            || wanted.len() > 35
            || !wanted.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return None;
        }
        let primary = |t: &str| t.split('-').next().unwrap_or_default().to_ascii_lowercase();
        Self::tags()
            .find(|t| t.eq_ignore_ascii_case(&wanted))
            .or_else(|| Self::tags().find(|t| primary(t) == primary(&wanted)))
    }

    /// This locale with `fallback` for the messages it lacks (its money style re-read, so
    /// a style id it lacks comes from the fallback too).
    pub fn with_fallback(mut self, fallback: &'static Locale) -> Self {
        self.fallback = Some(fallback);
        self.money = MoneyStyle::read(&self.messages, self.fallback);
        self
    }

    /// Parses a locale file.
    ///
    /// # Errors
    /// A line that is neither a comment, a continuation, blank, nor `id = text`; an
    /// unclosed placeholder; a duplicate id.
    pub fn parse(tag: &str, text: &str) -> Result<Self, LocaleError> {
        let err = |line: usize, reason: &str| LocaleError {
            tag: tag.to_owned(),
            line,
            reason: reason.to_owned(),
        };
        let mut entries: Vec<(String, String, usize)> = Vec::new();
        for (n, raw) in text.lines().enumerate() {
            let line_no = n + 1;
            if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
                continue;
            }
            if raw.starts_with(' ') {
                let Some(last) = entries.last_mut() else {
                    return Err(err(line_no, "continuation line before any message"));
                };
                if !last.1.is_empty() {
                    last.1.push(' ');
                }
                last.1.push_str(raw.trim());
                continue;
            }
            let Some((id, value)) = raw.split_once('=') else {
                return Err(err(line_no, "expected `id = text`"));
            };
            let id = id.trim();
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                return Err(err(line_no, "a message id is letters, digits and dashes"));
            }
            entries.push((id.to_owned(), value.trim().to_owned(), line_no));
        }
        let mut messages = BTreeMap::new();
        for (id, value, line) in entries {
            let pieces = parse_pattern(&value).ok_or_else(|| err(line, "unclosed or empty `{ $name }`"))?;
            if messages.insert(id, pieces).is_some() {
                return Err(err(line, "duplicate message id"));
            }
        }
        let money = MoneyStyle::read(&messages, None);
        Ok(Self {
            tag: tag.to_owned(),
            messages,
            fallback: None,
            money,
        })
    }

    /// Whether the locale's own file has `id` (not counting its fallback).
    pub fn has(&self, id: &str) -> bool {
        self.messages.contains_key(id)
    }

    /// Every id in the locale.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.messages.keys().map(String::as_str)
    }

    /// The placeholders of `id`, in order (empty for an unknown id).
    pub fn placeholders(&self, id: &str) -> Vec<&str> {
        self.lookup(id)
            .map(|p| {
                p.iter()
                    .filter_map(|p| match p {
                        Piece::Placeholder(n) => Some(n.as_str()),
                        Piece::Literal(_) => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Renders a message. An unknown id renders as `[id]` and a missing argument as
    /// `{name}`, so a mistake is visible and caught by tests, never a panic.
    pub fn render(&self, m: &Msg) -> String {
        let Some(pieces) = self.lookup(m.id) else {
            return format!("[{}]", m.id);
        };
        self.fill(pieces, &m.args)
    }

    /// A parsed message with its placeholders filled from `args`.
    fn fill(&self, pieces: &[Piece], args: &[(&'static str, Arg)]) -> String {
        let mut out = String::new();
        for p in pieces {
            match p {
                Piece::Literal(t) => out.push_str(t),
                Piece::Placeholder(name) => match args.iter().find(|(n, _)| n == name) {
                    Some((_, a)) => out.push_str(&self.arg(a)),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                },
            }
        }
        out
    }

    /// The pieces of `id`, from this locale or else its fallback.
    fn lookup(&self, id: &str) -> Option<&Vec<Piece>> {
        self.messages
            .get(id)
            .or_else(|| self.fallback.and_then(|f| f.messages.get(id)))
    }

    /// Renders a list of sentences joined by spaces; a sentence that ends in a full-width
    /// mark (`。`, `！`, `？`: Chinese, Japanese) is followed by none.
    pub fn render_all(&self, ms: &[Msg]) -> String {
        let mut out = String::new();
        for m in ms {
            if !out.is_empty() && !out.ends_with(['\u{3002}', '\u{FF01}', '\u{FF1F}']) {
                out.push(' ');
            }
            out.push_str(&self.render(m));
        }
        out
    }

    fn arg(&self, a: &Arg) -> String {
        match a {
            Arg::Text(t) => t.clone(),
            Arg::Msg(m) => self.render(m),
            Arg::Num(v, f) => self.number(*v, *f),
            Arg::Date(d) => self.date(*d),
            Arg::Month(d) => self.month(*d),
            Arg::Data(t) => self.data(t),
        }
    }

    /// Items of a list joined in this language's way (`-list-pair`: `a, b` in English,
    /// `a、b` in Chinese), pairwise from the left.
    pub fn list(&self, items: &[String]) -> String {
        let mut it = items.iter();
        let first = it.next().cloned().unwrap_or_default();
        it.fold(first, |a, b| {
            self.render(&Msg::new("-list-pair").text("a", a).text("b", b.clone()))
        })
    }

    /// A snapshot text in this language: its `snapshot-…` message, else the snapshot's
    /// English (English itself has no `snapshot-` messages).
    pub fn data(&self, text: &DataText) -> String {
        let out = match self.lookup(&text.key) {
            Some(pieces) => self.fill(pieces, &[]),
            None => text.english.clone(),
        };
        self.dates_in(&out)
    }

    /// `text` with every ISO date in it (`2025-12-19`, not inside a longer run of digits
    /// or dashes) written as this locale writes dates, as every other date on the page is.
    fn dates_in(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(i) = rest.find(|c: char| c.is_ascii_digit()) {
            let (before, from) = rest.split_at(i);
            out.push_str(before);
            let run = from
                .find(|c: char| !(c.is_ascii_digit() || c == '-'))
                .unwrap_or(from.len());
            let (token, after) = from.split_at(run);
            // Only a run that is exactly a date, and not the tail of a code ("x-2025-12-19").
            match crate::date::parse_iso(token) {
                Some(d) if !out.ends_with('-') => out.push_str(&self.date(d)),
                _ => out.push_str(token),
            }
            rest = after;
        }
        out.push_str(rest);
        out
    }

    /// A number in this locale's style.
    pub fn number(&self, v: f64, f: NumFmt) -> String {
        if !v.is_finite() {
            return self.render(&Msg::new("no-value"));
        }
        match f {
            NumFmt::Fixed(d) => grouped(v, usize::from(d)),
            NumFmt::Signed(d) => signed(grouped(v, usize::from(d)), v),
            NumFmt::Corr => grouped(v, 2),
            NumFmt::Count => grouped(v, 0),
            NumFmt::Sig3 => grouped(sig3(v), decimals_for_sig3(v)),
            NumFmt::SignedSig3 => signed(grouped(sig3(v), decimals_for_sig3(v)), v),
            NumFmt::Percent(d) => {
                self.render(&Msg::new("-percent").text("n", grouped(v * 100.0, usize::from(d))))
            }
            NumFmt::SignedPercent(d) => {
                self.render(&Msg::new("-percent").text("n", signed(grouped(v * 100.0, usize::from(d)), v)))
            }
            NumFmt::UsdM => self.money(v, false),
            NumFmt::SignedUsdM => self.money(v, true),
        }
    }

    /// A large axis number written short in this language's units: `25k`, `4M` in
    /// English; `2.5万`, `400万`, `1.2亿` in Chinese. The tiers are the locale's
    /// `-compact-tiers` (`from unit message`, comma-separated; the last tier whose `from`
    /// is not above |value| applies, `{ $n }` counted in `unit`s, one decimal at most and
    /// none on a whole number). `None` below the first tier, for a value that is not
    /// finite, or when the tiers do not parse (the caller writes the number in full).
    pub fn compact(&self, value: f64) -> Option<String> {
        self.compact_as(value, value)
    }

    /// `value` in the compact unit that `scale` takes (the tier of |scale|): an axis whose
    /// largest tick is 10,000 writes 5,000 as `5k` too, not in another format; zero is `0`.
    /// `None` when `scale` is below the first tier (see [`Locale::compact`]).
    pub fn compact_as(&self, value: f64, scale: f64) -> Option<String> {
        self.compact_tier(value, |from, _| scale.abs() >= from)
    }

    /// A tick of a log axis: every tick of at least one compact unit is written in its
    /// own unit (`1k`, `2k`, `10k`, `1M`; `1,000`, `1万`, `1亿` in Chinese), smaller ones
    /// in full (`100`), whatever the axis's largest tick (each decade is its own scale).
    /// `None` when the tick is written in full.
    pub fn compact_log(&self, value: f64) -> Option<String> {
        if value == 0.0 {
            return None;
        }
        self.compact_tier(value, |_, unit| value.abs() >= unit)
    }

    /// `value` counted in the last `-compact-tiers` tier that `applies(from, unit)`.
    fn compact_tier(&self, value: f64, applies: impl Fn(f64, f64) -> bool) -> Option<String> {
        let Some([Piece::Literal(tiers)]) = self.lookup("-compact-tiers").map(Vec::as_slice) else {
            return None;
        };
        if !value.is_finite() {
            return None;
        }
        let mut chosen = None;
        for tier in tiers.split(',') {
            let f: Vec<&str> = tier.split_whitespace().collect();
            let [from, unit, id] = f.as_slice() else {
                return None;
            };
            let from = plain_decimal(from).filter(|v| *v > 0.0)?;
            let unit = plain_decimal(unit).filter(|v| *v > 0.0)?;
            if applies(from, unit) {
                chosen = Some((unit, *id));
            }
        }
        let (unit, id) = chosen?;
        if value == 0.0 {
            return Some("0".to_owned());
        }
        let n = value / unit;
        let decimals = if (n - n.round()).abs() < 1e-9 { 0 } else { 1 };
        Some(self.fill(self.lookup(id)?, &[("n", Arg::Text(grouped(n, decimals)))]))
    }

    fn money(&self, usd_m: f64, with_plus: bool) -> String {
        self.money_in(usd_m, with_plus, usd_m.abs(), false)
    }

    /// A tick of a money axis whose largest |tick| is `scale` US$ millions: every tick in
    /// that tick's unit (`$0.5bn`, `$1bn`, not `$500m`, `$1bn`), zero as `$0`.
    pub fn money_tick(&self, usd_m: f64, scale: f64) -> String {
        self.money_in(usd_m, false, scale.abs(), true)
    }

    /// `usd_m` in the money tier of `scale`; on an `axis`, written exactly and zero as `$0`.
    fn money_in(&self, usd_m: f64, with_plus: bool, scale: f64, axis: bool) -> String {
        let a = usd_m.abs();
        let tier = self.money.tier(scale);
        let units = a / tier.unit_usd_m;
        // An axis tick is written exactly ($0.25bn, not $0.3bn): up to 3 decimals.
        let decimals = if axis {
            (tier.decimals..=3)
                .find(|d| {
                    let f = 10f64.powi(*d as i32);
                    ((units * f).round() - units * f).abs() < 1e-6
                })
                .unwrap_or(3)
        } else {
            tier.decimals
        };
        let (id, n) = (tier.id, grouped(units, decimals));
        // `$500m`, not `$500.0m`: a round amount carries no false decimal.
        let n = match n.split_once('.') {
            Some((int, frac)) if frac.trim_end_matches('0').is_empty() => int.to_owned(),
            Some((int, frac)) => format!("{int}.{}", frac.trim_end_matches('0')),
            None => n,
        };
        let zero = n.chars().all(|c| !c.is_ascii_digit() || c == '0');
        if zero {
            // `$0m` in English, `0美元` rather than `0万美元` in Chinese.
            return self.render(&Msg::new(if axis { "-usd-zero-axis" } else { "-usd-zero" }));
        }
        let body = self.render(&Msg::new(id).text("n", n));
        if usd_m < 0.0 {
            // A word joiner keeps the minus on the line of its amount.
            format!("{MINUS}\u{2060}{body}")
        } else if usd_m > 0.0 && with_plus {
            format!("+{body}")
        } else {
            body
        }
    }

    /// `21 Aug 2026` in English.
    pub fn date(&self, d: Date) -> String {
        self.render(
            &Msg::new("-date")
                .text("day", d.day().to_string())
                .msg("month", self.month_name(d))
                .text("year", d.year().to_string()),
        )
    }

    /// `Aug 2026` in English.
    pub fn month(&self, d: Date) -> String {
        self.render(
            &Msg::new("-month-year")
                .msg("month", self.month_name(d))
                .text("year", d.year().to_string()),
        )
    }

    /// `Aug` in English (axis ticks).
    pub fn month_short(&self, d: Date) -> String {
        self.render(&self.month_name(d))
    }

    /// `2026` (axis ticks).
    pub fn year(&self, d: Date) -> String {
        self.render(&Msg::new("-year").text("year", d.year().to_string()))
    }

    /// `21 Aug` (axis ticks).
    pub fn day_month(&self, d: Date) -> String {
        self.render(
            &Msg::new("-day-month")
                .text("day", d.day().to_string())
                .msg("month", self.month_name(d)),
        )
    }

    fn month_name(&self, d: Date) -> Msg {
        const IDS: [&str; 12] = [
            "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
            "month-9", "month-10", "month-11", "month-12",
        ];
        Msg::new(
            IDS.get(usize::from(u8::from(d.month())).saturating_sub(1))
                .copied()
                .unwrap_or("month-1"),
        )
    }
}

fn parse_pattern(text: &str) -> Option<Vec<Piece>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let (lit, tail) = rest.split_at(open);
        if !lit.is_empty() {
            out.push(Piece::Literal(lit.to_owned()));
        }
        let close = tail.find('}')?;
        let inner = tail.get(1..close)?.trim();
        let name = inner.strip_prefix('$')?.trim();
        if name.is_empty() {
            return None;
        }
        out.push(Piece::Placeholder(name.to_owned()));
        rest = tail.get(close + 1..)?;
    }
    if !rest.is_empty() {
        out.push(Piece::Literal(rest.to_owned()));
    }
    Some(out)
}

/// A locale file's number: digits with at most one decimal point (`1000`, `0.001`), read
/// exactly as `str::parse::<f64>` reads it, or `None` (so never negative, never infinite
/// or NaN). Its digits without the point are
/// at most 2^53 and it has at most 22 decimals, so the integer and the power of ten are
/// both exact doubles and their quotient is the correctly rounded value (Clinger's fast
/// path); anything longer is refused. (Not `str::parse`: its general algorithm and
/// tables would be about 17 KB of the page's wasm, for a handful of short numbers.)
fn plain_decimal(text: &str) -> Option<f64> {
    const EXACT: u64 = 1 << 53;
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    if int.is_empty() || frac.len() > 22 || text.ends_with('.') {
        return None;
    }
    let mut digits: u64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        digits = digits.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        if digits > EXACT {
            return None;
        }
    }
    let scale = (0..frac.len()).fold(1.0_f64, |p, _| p * 10.0);
    Some(digits as f64 / scale)
}

/// `value` with `decimals` decimals, thousands separated by commas, a true minus sign
/// (and no minus on a value that rounds to zero).
pub fn grouped(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(int.len() + int.len() / 3 + 4);
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    if negative {
        out.push(MINUS);
    }
    let len = int.chars().count();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

fn signed(text: String, v: f64) -> String {
    if v > 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{text}")
    } else {
        text
    }
}

/// `v` rounded to three significant figures.
pub fn sig3(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let magnitude = v.abs().log10().floor();
    let scale = 10f64.powf(magnitude - 2.0);
    (v / scale).round() * scale
}

fn decimals_for_sig3(v: f64) -> usize {
    if v == 0.0 || !v.is_finite() {
        return 0;
    }
    let magnitude = v.abs().log10().floor() as i32;
    usize::try_from(2 - magnitude).unwrap_or(0).min(6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn iso_dates_in_the_snapshot_s_texts_are_written_as_the_page_writes_dates() {
        let en = Locale::en();
        let text = crate::text::data::series_note(
            "qqq",
            "Unadjusted closes from 2025-12-22 (the latest 2026-08-14); codes x-2025-12-19, 2025-13-01 and 12345-01-01 stay.",
        );
        assert_eq!(
            en.data(&text),
            "Unadjusted closes from 22 Dec 2025 (the latest 14 Aug 2026); codes x-2025-12-19, 2025-13-01 and 12345-01-01 stay."
        );
    }

    #[test]
    fn a_locale_number_reads_as_str_parse_reads_it_and_nothing_else_is_taken() {
        let mut cases: Vec<String> = [
            "0",
            "1",
            "0.001",
            "0.01",
            "1000",
            "100000000",
            "0.1",
            "0.3",
            "2.675",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every decimal with up to 4 + 4 digits on a stride, and long fractions.
        for i in (0..100_000_000u64).step_by(7_919) {
            cases.push(format!("{}.{:04}", i / 10_000, i % 10_000));
        }
        cases.push("0.1234567890123456".into());
        cases.push(format!("{}", (1u64 << 53)));
        cases.push("0.0000000123456789012345".into()); // 22 decimals
        for c in &cases {
            let std: f64 = c.parse().unwrap();
            assert_eq!(plain_decimal(c).map(f64::to_bits), Some(std.to_bits()), "{c}");
        }
        for refused in [
            "",
            ".5",
            "5.",
            "1.2.3",
            "-1",
            "+1",
            "1e3",
            " 1",
            "1 ",
            "0x10",
            "١",
            "9007199254740993",
        ] {
            assert_eq!(plain_decimal(refused), None, "{refused:?}");
        }
        assert_eq!(plain_decimal("0.00000001234567890123456"), None); // 23 decimals
    }

    #[test]
    fn english_parses_and_formats() {
        let en = Locale::parse("en", EN_FTL).unwrap();
        assert_eq!(en.date(date!(2026 - 08 - 21)), "21 Aug 2026");
        assert_eq!(en.month(date!(2025 - 11 - 01)), "Nov 2025");
        assert_eq!(en.number(-903.2, NumFmt::SignedUsdM), "−\u{2060}$903.2m");
        assert_eq!(en.number(500.0, NumFmt::UsdM), "$500m");
        assert_eq!(en.number(1000.0, NumFmt::UsdM), "$1bn");
        assert_eq!(en.number(53_780.0, NumFmt::UsdM), "$53.8bn");
        assert_eq!(en.number(655.3, NumFmt::SignedUsdM), "+$655.3m");
        // Below $1m English writes thousands (a burn worth $98,700 is not "$0.1m").
        assert_eq!(en.number(-0.01, NumFmt::UsdM), "−\u{2060}$10k");
        assert_eq!(en.number(0.0987, NumFmt::UsdM), "$99k");
        assert_eq!(en.number(0.5, NumFmt::SignedUsdM), "+$500k");
        assert_eq!(en.number(-0.0001, NumFmt::UsdM), "$0m");
        assert_eq!(en.number(0.0, NumFmt::SignedUsdM), "$0m");
        assert_eq!(en.number(4_273_352.0, NumFmt::Sig3), "4,270,000");
        assert_eq!(en.number(-0.3333, NumFmt::Corr), "−0.33");
        assert_eq!(en.number(1234567.891, NumFmt::Fixed(0)), "1,234,568");
        assert_eq!(en.number(-0.001, NumFmt::Fixed(1)), "0.0");
        assert_eq!(en.number(0.4213, NumFmt::Percent(0)), "42%");
        assert_eq!(en.number(f64::INFINITY, NumFmt::UsdM), "no value");
    }

    #[test]
    fn placeholders_and_mistakes_are_visible_not_fatal() {
        let l = Locale::parse("xx", "a = Hello { $who }, { $n }!\n  again").unwrap();
        let m = Msg::new("a").text("who", "you");
        assert_eq!(l.render(&m), "Hello you, {n}! again");
        assert_eq!(l.render(&Msg::new("nope")), "[nope]");
        assert_eq!(l.placeholders("a"), ["who", "n"]);
        assert!(Locale::parse("xx", "a = { $x").is_err());
        assert!(Locale::parse("xx", "a = 1\na = 2").is_err());
        assert!(Locale::parse("xx", "just text").is_err());
    }

    /// Languages that must translate every English id (a new language may start
    /// partial: its missing ids are listed, and fall back to English).
    const COMPLETE: &[&str] = &["zh-CN"];

    /// Every language installed from its file in [`SOURCES`] (as the page does once it
    /// has fetched it), and `tag`'s locale.
    pub(crate) fn installed_for_test(tag: &str) -> &'static Locale {
        for (t, text) in SOURCES {
            Locale::install(t, text).unwrap_or_else(|e| panic!("{e}"));
        }
        Locale::get(tag)
    }

    fn sources() -> Vec<(&'static str, Locale)> {
        SOURCES
            .iter()
            .map(|(tag, text)| (*tag, Locale::parse(tag, text).unwrap_or_else(|e| panic!("{e}"))))
            .collect()
    }

    #[test]
    fn every_locale_parses_and_lists_its_untranslated_ids() {
        let en = Locale::parse("en", EN_FTL).unwrap();
        let mut incomplete = Vec::new();
        for (tag, l) in sources().iter().filter(|(t, _)| *t != "en") {
            let missing: Vec<&str> = en.ids().filter(|id| !l.has(id)).collect();
            // `snapshot-` ids translate the snapshot's English, which English does not repeat.
            let unknown: Vec<&str> = l
                .ids()
                .filter(|id| !en.has(id) && !id.starts_with(crate::text::data::PREFIX))
                .collect();
            println!("{tag}: {} untranslated id(s): {missing:?}", missing.len());
            assert!(unknown.is_empty(), "{tag} has ids English lacks: {unknown:?}");
            if COMPLETE.contains(tag) && !missing.is_empty() {
                incomplete.push((*tag, missing));
            }
        }
        assert!(incomplete.is_empty(), "untranslated ids: {incomplete:?}");
    }

    /// Every event and note of the committed snapshot has a `snapshot-` message in each
    /// complete language, and no `snapshot-` message is left over from text the snapshot no
    /// longer carries: a data refresh that adds an event or rewords a note fails here,
    /// with the lines to add, instead of showing English to a Chinese reader.
    #[test]
    fn complete_locales_translate_every_text_of_the_committed_snapshot() {
        let snapshot =
            crate::Snapshot::from_text(include_str!("../../../../public/data/snapshot.txt")).unwrap();
        let texts = crate::text::data::snapshot_texts(&snapshot);
        assert!(texts.len() >= 2 * snapshot.events.len() && !snapshot.events.is_empty());
        let mut problems = Vec::new();
        for (tag, l) in sources().iter().filter(|(t, _)| COMPLETE.contains(t)) {
            for t in texts.iter().filter(|t| !l.has(&t.key)) {
                problems.push(format!("{tag}: untranslated: {} = {}", t.key, t.english));
            }
            for id in l.ids().filter(|id| id.starts_with(crate::text::data::PREFIX)) {
                if !texts.iter().any(|t| t.key == id) {
                    problems.push(format!("{tag}: the snapshot has no text for {id}"));
                }
                if !l.placeholders(id).is_empty() {
                    problems.push(format!("{tag}: {id} is plain text, it has no placeholders"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        // And the page shows them: Chinese for a translated text, the snapshot's English
        // in English and in a language without the key.
        let zh = installed_for_test("zh-CN");
        let partial = Locale::parse("xx", "page-kicker = X")
            .unwrap()
            .with_fallback(Locale::en());
        let en = Locale::en();
        for t in &texts {
            assert_ne!(zh.data(t), t.english, "{}", t.key);
            // The English, its ISO dates written as the page writes dates.
            assert_eq!(en.data(t), en.dates_in(&t.english));
            assert_eq!(partial.data(t), en.dates_in(&t.english));
        }
        let m = Msg::new("note-verbatim").data("text", texts[0].clone());
        assert_eq!(en.render(&m), en.data(&texts[0]));
        assert_eq!(zh.render(&m), zh.data(&texts[0]));
    }

    /// The raw text of `id` in a locale's own file, placeholders as `{ $name }`.
    fn source_line(l: &Locale, id: &str) -> Option<String> {
        let pieces = l.messages.get(id)?;
        Some(
            pieces
                .iter()
                .map(|p| match p {
                    Piece::Literal(t) => t.clone(),
                    Piece::Placeholder(n) => format!("{{ ${n} }}"),
                })
                .collect(),
        )
    }

    /// The start-up screens speak before the wasm runs, so `public/boot.js` and
    /// `index.html` hold copies of locale lines: each copy must be its file's line, every
    /// language of boot.js a compiled-in one with the same ids as English.
    #[test]
    fn the_start_up_words_are_the_locale_files_lines() {
        let js = include_str!("../../../../public/boot.js");
        let html = include_str!("../../../../index.html");
        let table = js
            .split_once("const WORDS = ")
            .and_then(|(_, rest)| rest.split_once("};\n"))
            .map(|(t, _)| format!("{t}}}"))
            .expect("boot.js has a `const WORDS = {…};` table");
        let words: BTreeMap<String, BTreeMap<String, String>> =
            serde_json::from_str(&table).unwrap_or_else(|e| panic!("boot.js WORDS is not JSON: {e}"));
        let locales = sources();
        let en_ids: Vec<&String> = words["en"].keys().collect();
        assert!(en_ids.len() >= 10, "{en_ids:?}");
        assert!(words.contains_key("zh-CN"), "boot.js has no Chinese");
        let mut wrong = Vec::new();
        for (tag, table) in &words {
            let Some((_, l)) = locales.iter().find(|(t, _)| t == tag) else {
                panic!("boot.js speaks {tag}, which is not a compiled-in language");
            };
            assert_eq!(
                table.keys().collect::<Vec<_>>(),
                en_ids,
                "{tag}: other ids than English"
            );
            for (id, text) in table {
                match source_line(l, id) {
                    Some(line) if line == *text => {}
                    line => wrong.push(format!("{tag} {id}: boot.js {text:?}, ftl {line:?}")),
                }
            }
        }
        // index.html: the English masthead and messages, and the Chinese of the two shown
        // when no script runs.
        let (en, zh) = (&locales[0].1, &locales[1].1);
        for id in [
            "page-kicker",
            "page-title",
            "boot-intro",
            "boot-noscript",
            "boot-loading",
            "boot-slow",
            "boot-reload",
            "boot-reload-after",
        ] {
            let line = source_line(en, id).unwrap_or_default();
            if line.is_empty() || !html.contains(&line) {
                wrong.push(format!("index.html lacks en {id}: {line:?}"));
            }
        }
        for id in ["boot-noscript", "boot-slow", "boot-reload", "boot-reload-after"] {
            let line = source_line(zh, id).unwrap_or_default();
            if line.is_empty() || !html.contains(&line) {
                wrong.push(format!("index.html lacks zh-CN {id}: {line:?}"));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn every_locale_has_the_placeholders_of_english_for_each_id() {
        let en = Locale::parse("en", EN_FTL).unwrap();
        let set = |l: &Locale, id: &str| {
            let mut p: Vec<String> = l.placeholders(id).into_iter().map(str::to_owned).collect();
            crate::order::sort(&mut p);
            p.dedup();
            p
        };
        let mut wrong = Vec::new();
        for (tag, l) in sources() {
            for id in l.ids().filter(|id| en.has(id)) {
                if set(&l, id) != set(&en, id) {
                    wrong.push(format!(
                        "{tag} {id}: {:?} vs English {:?}",
                        set(&l, id),
                        set(&en, id)
                    ));
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn the_completeness_check_can_fail() {
        // A locale that lacks an id and renames a placeholder is caught by the same rules.
        let en = Locale::parse("en", EN_FTL).unwrap();
        let partial = Locale::parse("xx", "page-title = x\ncorr-latest = { $r }").unwrap();
        assert!(en.ids().any(|id| !partial.has(id)));
        assert_ne!(
            partial.placeholders("corr-latest"),
            en.placeholders("corr-latest")
        );
    }

    #[test]
    fn each_language_is_named_in_itself_as_its_file_names_it() {
        assert_eq!(SOURCES.map(|(tag, _)| tag), TAGS);
        for (tag, locale) in sources() {
            assert_eq!(Locale::name(tag), locale.render(&Msg::new("lang-name")), "{tag}");
        }
        assert_eq!(Locale::name("xx"), "xx");
    }

    #[test]
    fn only_a_language_of_the_page_installs_and_english_is_always_there() {
        let e = Locale::install("xx", "a = b").unwrap_err();
        assert_eq!(
            (e.tag.as_str(), e.reason.as_str()),
            ("xx", "not a language of this page")
        );
        assert!(Locale::installed("xx").is_none());
        assert_eq!(Locale::installed("en").map(|l| l.tag.as_str()), Some("en"));
        assert_eq!(Locale::install("en", "ignored").unwrap().tag, "en");
    }

    #[test]
    fn the_registry_gives_each_language_with_english_behind_it() {
        assert_eq!(Locale::tags().collect::<Vec<_>>(), ["en", "zh-CN"]);
        let zh = installed_for_test("zh-CN");
        assert_eq!(zh.tag, "zh-CN");
        assert_eq!(Locale::get("en").tag, "en");
        assert_eq!(Locale::get("xx-nope").tag, "en");
        assert_ne!(
            zh.render(&Msg::new("page-title")),
            Locale::en().render(&Msg::new("page-title"))
        );
        // A message a language lacks comes from English, not as `[id]`.
        let partial = Locale::parse("xx", "page-kicker = X")
            .unwrap()
            .with_fallback(Locale::en());
        assert_eq!(partial.render(&Msg::new("page-kicker")), "X");
        assert_eq!(partial.render(&Msg::new("retry")), "Retry");
        assert_eq!(partial.placeholders("source-line"), ["providers", "date"]);
        assert_eq!(partial.render(&Msg::new("no-such-id")), "[no-such-id]");
        // The English money style applies to a language that declares none.
        assert_eq!(partial.number(903.2, NumFmt::UsdM), "$903.2m");
    }

    #[test]
    fn a_reader_language_is_negotiated_to_a_compiled_in_one() {
        for (asked, got) in [
            ("zh", Some("zh-CN")),
            ("zh-CN", Some("zh-CN")),
            ("zh-Hans", Some("zh-CN")),
            ("zh-hans-CN", Some("zh-CN")),
            ("ZH_cn", Some("zh-CN")),
            ("en", Some("en")),
            ("en-GB", Some("en")),
            ("fr-FR", None),
            ("", None),
            ("<script>", None),
            ("zh-CN\0", None),
            ("zh <b>", None),
            ("-", None),
        ] {
            assert_eq!(Locale::negotiate(asked), got, "{asked}");
        }
    }

    #[test]
    fn chinese_dates_and_money_in_wan_and_yi() {
        let zh = installed_for_test("zh-CN");
        assert_eq!(zh.date(date!(2026 - 08 - 21)), "2026年8月21日");
        assert_eq!(zh.month(date!(2025 - 11 - 01)), "2025年11月");
        assert_eq!(zh.month_short(date!(2025 - 08 - 01)), "8月");
        assert_eq!(zh.day_month(date!(2025 - 08 - 05)), "8月5日");
        assert_eq!(zh.number(1200.0, NumFmt::UsdM), "12亿美元");
        assert_eq!(zh.number(903.2, NumFmt::UsdM), "9.03亿美元");
        assert_eq!(zh.number(50.0, NumFmt::UsdM), "5,000万美元");
        assert_eq!(zh.number(53_780.0, NumFmt::UsdM), "538亿美元");
        assert_eq!(zh.number(-1114.0, NumFmt::SignedUsdM), "−\u{2060}11亿美元");
        assert_eq!(zh.number(999.0, NumFmt::UsdM), "9.99亿美元");
        assert_eq!(zh.number(-903.2, NumFmt::SignedUsdM), "−\u{2060}9.03亿美元");
        assert_eq!(zh.number(655.3, NumFmt::SignedUsdM), "+6.55亿美元");
        assert_eq!(zh.number(99.99, NumFmt::UsdM), "9,999万美元");
        assert_eq!(zh.number(-0.001, NumFmt::UsdM), "0美元");
        assert_eq!(zh.number(0.0, NumFmt::SignedUsdM), "0美元");
        let sentences = [Msg::new("retry"), Msg::new("draw-error"), Msg::new("retry")];
        assert_eq!(zh.render_all(&sentences), "重试 无法绘制图表。重试");
        assert_eq!(
            Locale::en().render_all(&sentences),
            "Retry The chart could not be drawn. Retry"
        );
        assert_eq!(zh.number(0.4213, NumFmt::Percent(0)), "42%");
        assert_eq!(zh.number(f64::NAN, NumFmt::UsdM), "无数据");
    }

    /// Latin words a Chinese reader may see: tickers, units, provider names, file formats.
    const LATIN_ALLOWED: &[&str] = &[
        "r",
        "section",
        "PageUp",
        "PageDown",
        "Esc",
        "QQQ",
        "GLD",
        "SPY",
        "DBC",
        "ETF",
        "ETH",
        "BTC",
        "UTC",
        "CSV",
        "PNG",
        "HTML",
        "CI",
        "n",
        "N",
        "z",
        "Fisher",
        "Coin",
        "Metrics",
        "CryptoQuant",
        "Farside",
        "Investors",
        "Ctrl",
        "C",
        "D",
        // In the translated events and notes: provider, protocol and exchange names.
        "Yahoo",
        "Finance",
        "FRED",
        "EIP",
        "FTX",
        "CME",
        "DBC",
        // The start-up screens: a unit and the name of what the page needs.
        "KB",
        "JavaScript",
    ];

    #[test]
    fn chinese_headings_mark_where_their_lines_may_break() {
        // Headings keep their words whole (style/main.css): each marks its breaks with
        // U+200B or has punctuation to break at.
        let heading = |id: &str| id == "page-title" || id.contains("headline");
        let breaks = |text: &str| text.contains('\u{200B}') || text.contains('，') || text.contains('：');
        let zh = include_str!("../../locales/zh-CN.ftl");
        let headings: Vec<&str> = zh
            .lines()
            .filter_map(|l| l.split_once(" = "))
            .filter(|(id, _)| heading(id))
            .map(|(_, text)| text)
            .collect();
        assert!(headings.len() >= 10, "{headings:?}");
        let unmarked: Vec<&&str> = headings.iter().filter(|t| !breaks(t)).collect();
        assert!(unmarked.is_empty(), "{unmarked:?}");
        let story = include_str!("../../story/zh-CN.story");
        let titles: Vec<&str> = story.lines().filter_map(|l| l.strip_prefix("title = ")).collect();
        assert!(titles.len() >= 5);
        let unmarked: Vec<&&str> = titles.iter().filter(|t| !breaks(t)).collect();
        assert!(unmarked.is_empty(), "{unmarked:?}");
    }

    #[test]
    fn chinese_messages_carry_no_english_words() {
        let zh = Locale::parse("zh-CN", include_str!("../../locales/zh-CN.ftl")).unwrap();
        let mut english = Vec::new();
        for id in zh.ids().filter(|id| !id.ends_with("-tiers")) {
            let text: String = zh
                .messages
                .get(id)
                .into_iter()
                .flatten()
                .filter_map(|p| match p {
                    Piece::Literal(t) => Some(t.as_str()),
                    Piece::Placeholder(_) => None,
                })
                .collect::<Vec<_>>()
                .join(" ");
            for word in text
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
            {
                if !LATIN_ALLOWED.contains(&word) {
                    english.push(format!("{id}: {word}"));
                }
            }
        }
        assert!(english.is_empty(), "{english:#?}");
    }

    #[test]
    fn axis_numbers_are_short_in_each_language_s_own_units() {
        let en = Locale::en();
        for (v, want) in [
            (4_000_000.0, Some("4M")),
            (2_500_000.0, Some("2.5M")),
            (-3_000_000.0, Some("−3M")),
            (25_000.0, Some("25k")),
            (10_000.0, Some("10k")),
            (9_000.0, None),
            (f64::NAN, None),
        ] {
            assert_eq!(en.compact(v).as_deref(), want, "{v}");
        }
        let zh = installed_for_test("zh-CN");
        for (v, want) in [
            // Not 4百万: Chinese counts in 万 (10⁴) and 亿 (10⁸).
            (4_000_000.0, Some("400万")),
            (25_000.0, Some("2.5万")),
            (50_000_000.0, Some("5,000万")),
            (120_000_000.0, Some("1.2亿")),
            (-200_000_000.0, Some("−2亿")),
            (9_000.0, None),
        ] {
            assert_eq!(zh.compact(v).as_deref(), want, "{v}");
        }
        // One unit per axis: the largest tick's.
        assert_eq!(en.compact_as(5_000.0, 10_000.0).as_deref(), Some("5k"));
        assert_eq!(en.compact_as(2_500.0, 12_500.0).as_deref(), Some("2.5k"));
        assert_eq!(en.compact_as(0.0, 10_000.0).as_deref(), Some("0"));
        assert_eq!(en.compact_as(500_000.0, 2_000_000.0).as_deref(), Some("0.5M"));
        assert_eq!(en.compact_as(5_000.0, 9_000.0), None);
        assert_eq!(zh.compact_as(5_000.0, 20_000.0).as_deref(), Some("0.5万"));
        // A log axis: each decade in its own unit once the axis is large.
        let log = |l: &Locale, v: f64| l.compact_log(v);
        assert_eq!(log(en, 100.0), None);
        assert_eq!(log(en, 1_000.0).as_deref(), Some("1k"));
        assert_eq!(log(en, 100_000.0).as_deref(), Some("100k"));
        assert_eq!(log(en, 1e6).as_deref(), Some("1M"));
        assert_eq!(log(zh, 1_000.0), None);
        assert_eq!(log(zh, 10_000.0).as_deref(), Some("1万"));
        assert_eq!(log(en, 2_000.0).as_deref(), Some("2k"));
        assert_eq!(log(en, 500.0), None);
        // A money axis: one unit (its largest tick's), exact, zero as $0.
        assert_eq!(en.money_tick(500.0, 1_500.0), "$0.5bn");
        assert_eq!(en.money_tick(250.0, 1_000.0), "$0.25bn");
        assert_eq!(en.money_tick(-2_000.0, 20_000.0), "−\u{2060}$2bn");
        assert_eq!(en.money_tick(0.0, 20_000.0), "$0");
        assert_eq!(en.money_tick(200.0, 400.0), "$200m");
        assert_eq!(zh.money_tick(0.0, 20_000.0), "0");
        // Money on an axis uses the money tiers: US$1.2bn is 12亿美元.
        assert_eq!(zh.number(1200.0, NumFmt::UsdM), "12亿美元");
        assert_eq!(en.number(1200.0, NumFmt::UsdM), "$1.2bn");
        // A malformed tier table writes numbers in full, it never invents a unit.
        let broken = Locale::parse("xx", "-compact-tiers = 10000 x tick-unit-small").unwrap();
        assert_eq!(broken.compact(4_000_000.0), None);
    }

    #[test]
    fn ether_has_one_name_in_each_language() {
        // The coin is one entity: its end label, its sentences and the lead-lag's price
        // name it as its legend does (in Chinese 以太币 and 以太坊 were both used).
        for l in [Locale::en(), installed_for_test("zh-CN")] {
            let name = |id| l.render(&Msg::new(id)).to_lowercase();
            let short = name("cp-eth-short");
            assert!(name("cp-eth").starts_with(&short), "{short} / {}", name("cp-eth"));
            assert_eq!(name("cp-eth-in-sentence"), short);
            assert_eq!(name("eth-lower"), short);
        }
    }

    #[test]
    fn lists_are_joined_in_each_language_s_way() {
        let items = ["QQQ".to_owned(), "GLD".to_owned(), "FRED".to_owned()];
        assert_eq!(Locale::en().list(&items), "QQQ, GLD, FRED");
        assert_eq!(installed_for_test("zh-CN").list(&items), "QQQ、GLD、FRED");
        assert_eq!(Locale::en().list(&items[..1]), "QQQ");
        assert_eq!(Locale::en().list(&[]), "");
        // In a sentence the last two are joined by the language's "and".
        let msgs = |n: usize| items[..n].iter().map(|t| Msg::new("value").text("v", t.clone()));
        let en = Locale::en();
        let zh = installed_for_test("zh-CN");
        let and = |l: &Locale, n: usize| Msg::list_and(msgs(n)).map(|m| l.render(&m));
        assert_eq!(and(en, 3).as_deref(), Some("QQQ, GLD and FRED"));
        assert_eq!(and(en, 2).as_deref(), Some("QQQ and GLD"));
        assert_eq!(and(en, 1).as_deref(), Some("QQQ"));
        assert_eq!(and(en, 0), None);
        assert_eq!(and(zh, 3).as_deref(), Some("QQQ、GLD和FRED"));
    }

    #[test]
    fn a_money_style_is_a_well_formed_tier_table_or_english() {
        assert_eq!(
            MoneyStyle::parse("0 1 1 -usd-m, 1000 1000 1 -usd-bn"),
            Some(MoneyStyle::en())
        );
        for bad in [
            "",
            "1 1 1 -usd-m",
            "0 1 1 -usd-m, 0 1 1 -usd-bn",
            "0 0 1 -usd-m",
            "0 1 9 -usd-m",
            "0 1 1 -usd-x",
            "0 1 -usd-m",
            "0 NaN 1 -usd-m",
        ] {
            assert_eq!(MoneyStyle::parse(bad), None, "{bad}");
        }
        let broken = Locale::parse("xx", "-money-tiers = 0 1 1 nonsense").unwrap();
        assert_eq!(broken.money, MoneyStyle::en());
    }

    #[test]
    fn sig3_rounds_to_three_figures() {
        assert_eq!(sig3(4_273_352.0), 4_270_000.0);
        assert_eq!(sig3(-1234.0), -1230.0);
        assert!((sig3(0.012345) - 0.0123).abs() < 1e-12);
    }
}
