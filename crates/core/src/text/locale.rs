//! One language: its messages (parsed once from its locale file) and its ways of writing
//! numbers, money and dates. Date and money patterns are messages too (`-date`,
//! `-usd-m`, `-usd-bn`, `month-1` …), so a translator changes them in the same file.

use super::{Arg, Msg, NumFmt};
use std::collections::BTreeMap;
use std::sync::OnceLock;
use time::Date;

/// The typographic minus used in every displayed number.
pub const MINUS: char = '\u{2212}';

const EN_FTL: &str = include_str!("../../locales/en.ftl");

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
            })
        })
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
        Ok(Self {
            tag: tag.to_owned(),
            messages,
        })
    }

    /// Whether the locale has `id`.
    pub fn has(&self, id: &str) -> bool {
        self.messages.contains_key(id)
    }

    /// Every id in the locale.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.messages.keys().map(String::as_str)
    }

    /// The placeholders of `id`, in order (empty for an unknown id).
    pub fn placeholders(&self, id: &str) -> Vec<&str> {
        self.messages
            .get(id)
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
        let Some(pieces) = self.messages.get(m.id) else {
            return format!("[{}]", m.id);
        };
        let mut out = String::new();
        for p in pieces {
            match p {
                Piece::Literal(t) => out.push_str(t),
                Piece::Placeholder(name) => match m.args.iter().find(|(n, _)| n == name) {
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

    /// Renders a list of sentences joined by spaces.
    pub fn render_all(&self, ms: &[Msg]) -> String {
        ms.iter().map(|m| self.render(m)).collect::<Vec<_>>().join(" ")
    }

    fn arg(&self, a: &Arg) -> String {
        match a {
            Arg::Text(t) => t.clone(),
            Arg::Msg(m) => self.render(m),
            Arg::Num(v, f) => self.number(*v, *f),
            Arg::Date(d) => self.date(*d),
            Arg::Month(d) => self.month(*d),
        }
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

    fn money(&self, usd_m: f64, with_plus: bool) -> String {
        let a = usd_m.abs();
        let (id, n) = if a >= 1000.0 {
            ("-usd-bn", grouped(a / 1000.0, 1))
        } else {
            ("-usd-m", grouped(a, 1))
        };
        // `$500m`, not `$500.0m`: a round amount carries no false decimal.
        let n = n.strip_suffix(".0").map(str::to_owned).unwrap_or(n);
        let body = self.render(&Msg::new(id).text("n", n));
        let zero = body.chars().all(|c| !c.is_ascii_digit() || c == '0');
        if usd_m < 0.0 && !zero {
            // A word joiner keeps the minus on the line of its amount.
            format!("{MINUS}\u{2060}{body}")
        } else if usd_m > 0.0 && with_plus && !zero {
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
    fn english_parses_and_formats() {
        let en = Locale::parse("en", EN_FTL).unwrap();
        assert_eq!(en.date(date!(2026 - 08 - 21)), "21 Aug 2026");
        assert_eq!(en.month(date!(2025 - 11 - 01)), "Nov 2025");
        assert_eq!(en.number(-903.2, NumFmt::SignedUsdM), "−\u{2060}$903.2m");
        assert_eq!(en.number(500.0, NumFmt::UsdM), "$500m");
        assert_eq!(en.number(1000.0, NumFmt::UsdM), "$1bn");
        assert_eq!(en.number(53_780.0, NumFmt::UsdM), "$53.8bn");
        assert_eq!(en.number(655.3, NumFmt::SignedUsdM), "+$655.3m");
        assert_eq!(en.number(-0.01, NumFmt::UsdM), "$0m");
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

    #[test]
    fn sig3_rounds_to_three_figures() {
        assert_eq!(sig3(4_273_352.0), 4_270_000.0);
        assert_eq!(sig3(-1234.0), -1230.0);
        assert!((sig3(0.012345) - 0.0123).abs() < 1e-12);
    }
}
