//! Text as messages: every word a reader sees is a [`Msg`] — a message id plus typed
//! arguments — rendered by one [`Locale`] from one locale file per language
//! (`crates/core/locales/<tag>.ftl`).
//!
//! A computed sentence is a `Msg` whose arguments are the very numbers the core computed
//! (never pre-formatted text), so a test can check every printed number against the value
//! it cites ([`Msg::numbers`]) and a second language is a file, not a rewrite.
//!
//! The locale format is a small subset of Project Fluent: `id = text` with `{ $name }`
//! placeholders, `#` comments and indented continuation lines. Choices (up/down, singular/
//! plural) are separate ids picked by the core, so no selector syntax is needed. Chosen over
//! `fluent-bundle` to keep the wasm small: the whole formatter is this module.

pub mod data;
mod locale;

/// `s` for a headline or a display line: a hyphen joining a number to a word ("Nasdaq-100",
/// "90-day", "EIP-1559") becomes a non-breaking hyphen (U+2011), so a line never ends in
/// "Nasdaq-" with "100" on the next. Not for data (CSV, table cells): there the
/// hyphen stays the ASCII one.
pub fn keep_hyphenated(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
            let after = chars.get(i + 1).copied();
            match (c, before, after) {
                ('-', Some(b), Some(a))
                    if b.is_alphanumeric()
                        && a.is_alphanumeric()
                        && (b.is_ascii_digit() || a.is_ascii_digit()) =>
                {
                    '\u{2011}'
                }
                _ => c,
            }
        })
        .collect()
}

pub use data::DataText;
pub use locale::{tag_index, Locale, LocaleError, NAMES, SOURCES, TAGS};

use time::Date;

/// How a number argument is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumFmt {
    /// Fixed decimals, grouped thousands: `1,234.5`.
    Fixed(u8),
    /// Like `Fixed`, with an explicit `+` on positive values.
    Signed(u8),
    /// A correlation: two decimals, true minus.
    Corr,
    /// US$ millions as money, `$903.2m` / `$53.8bn`, sign only when negative.
    UsdM,
    /// US$ millions as money with an explicit sign: `+$655.3m`, `−$3.5bn`.
    SignedUsdM,
    /// Three significant figures (what a model supports), grouped: `4,270,000`.
    Sig3,
    /// Three significant figures with an explicit sign.
    SignedSig3,
    /// A share in [0, 1] as a percentage with the given decimals: `42 %`.
    Percent(u8),
    /// A change as a percentage with an explicit sign: `+2.9 %`.
    SignedPercent(u8),
    /// A whole count: `655`.
    Count,
}

/// One argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Verbatim text that no locale translates (a ticker, a provider's name).
    Text(String),
    /// A nested message, rendered in the same locale.
    Msg(Msg),
    /// A number and how to write it.
    Num(f64, NumFmt),
    /// A calendar day: `21 Aug 2026`.
    Date(Date),
    /// A month: `Aug 2026`.
    Month(Date),
    /// English text from the snapshot that a locale may translate ([`data`]): its
    /// `snapshot-…` message if the locale has one, else the English as is.
    Data(DataText),
}

/// A message id with named arguments.
#[derive(Debug, Clone, PartialEq)]
pub struct Msg {
    /// The id in the locale file.
    pub id: &'static str,
    /// Named arguments, in the order given.
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    /// A message without arguments (yet).
    pub fn new(id: &'static str) -> Self {
        Self { id, args: Vec::new() }
    }

    /// `items` as one list in the reader's language (`-list-pair` from the left, as
    /// [`Locale::list`] joins rendered text); `None` for no items.
    pub fn list(items: impl IntoIterator<Item = Msg>) -> Option<Msg> {
        items
            .into_iter()
            .reduce(|a, b| Msg::new("-list-pair").msg("a", a).msg("b", b))
    }

    /// `items` as a list inside a sentence: `-list-pair` between all but the last two,
    /// `-list-and` before the last (`a, b and c` in English, `a、b和c` in Chinese); `None`
    /// for no items.
    pub fn list_and(items: impl IntoIterator<Item = Msg>) -> Option<Msg> {
        let mut items: Vec<Msg> = items.into_iter().collect();
        let last = items.pop()?;
        Some(match Msg::list(items) {
            Some(rest) => Msg::new("-list-and").msg("a", rest).msg("b", last),
            None => last,
        })
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &'static str, value: Arg) -> Self {
        self.args.push((name, value));
        self
    }

    /// Adds a number argument.
    pub fn num(self, name: &'static str, value: f64, fmt: NumFmt) -> Self {
        self.arg(name, Arg::Num(value, fmt))
    }

    /// Adds a date argument.
    pub fn date(self, name: &'static str, value: Date) -> Self {
        self.arg(name, Arg::Date(value))
    }

    /// Adds a month argument.
    pub fn month(self, name: &'static str, value: Date) -> Self {
        self.arg(name, Arg::Month(value))
    }

    /// Adds a verbatim text argument.
    pub fn text(self, name: &'static str, value: impl Into<String>) -> Self {
        self.arg(name, Arg::Text(value.into()))
    }

    /// Adds a snapshot text a locale may translate.
    pub fn data(self, name: &'static str, value: DataText) -> Self {
        self.arg(name, Arg::Data(value))
    }

    /// Adds a nested message argument.
    pub fn msg(self, name: &'static str, value: Msg) -> Self {
        self.arg(name, Arg::Msg(value))
    }

    /// Every number this message (and its nested messages) prints, with its format:
    /// what the claims test checks against the rendered text.
    pub fn numbers(&self) -> Vec<(f64, NumFmt)> {
        let mut out = Vec::new();
        for (_, a) in &self.args {
            match a {
                Arg::Num(v, f) => out.push((*v, *f)),
                Arg::Msg(m) => out.extend(m.numbers()),
                Arg::Text(_) | Arg::Date(_) | Arg::Month(_) | Arg::Data(_) => {}
            }
        }
        out
    }

    /// Every message id this message uses, itself first.
    pub fn ids(&self) -> Vec<&'static str> {
        let mut out = vec![self.id];
        for (_, a) in &self.args {
            if let Arg::Msg(m) = a {
                out.extend(m.ids());
            }
        }
        out
    }
}

/// `Msg::new(id)`, for brevity in view code.
pub fn msg(id: &'static str) -> Msg {
    Msg::new(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// Every `Msg::new("id")` / `msg("id")` literal in the core and the app.
    fn ids_in_code() -> Vec<(String, String)> {
        fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    let whole = std::fs::read_to_string(&p).unwrap();
                    // Test modules use made-up ids.
                    let text = whole.split("#[cfg(test)]").next().unwrap_or_default();
                    for pat in ["Msg::new(\"", "msg(\"", "t(\""] {
                        for (i, _) in text.match_indices(pat) {
                            let before = text[..i].chars().next_back().unwrap_or(' ');
                            if pat != "Msg::new(\""
                                && (before == '.' || before == '_' || before.is_ascii_alphanumeric())
                            {
                                continue;
                            }
                            let rest = &text[i + pat.len()..];
                            if let Some(end) = rest.find('"') {
                                let id = &rest[..end];
                                if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                                {
                                    out.push((id.to_owned(), p.display().to_string()));
                                }
                            }
                        }
                    }
                }
            }
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        walk(&root.join("src"), &mut out);
        walk(&root.join("../../src"), &mut out);
        out
    }

    #[test]
    fn every_id_used_in_the_code_is_in_the_english_locale() {
        let en = Locale::en();
        assert!(en.has("page-title"), "en.ftl did not parse");
        let ids = ids_in_code();
        assert!(ids.len() > 80, "found only {} ids", ids.len());
        let missing: Vec<_> = ids
            .iter()
            .filter(|(id, file)| {
                !en.has(id) && !file.ends_with("locale.rs") && !file.ends_with("text/mod.rs")
            })
            .collect();
        assert!(missing.is_empty(), "ids missing from en.ftl: {missing:?}");
    }

    #[test]
    fn numbers_of_nested_messages_are_collected() {
        let m = msg("a")
            .num("x", 1.5, NumFmt::Fixed(1))
            .msg("b", msg("c").num("y", 2.0, NumFmt::Count));
        assert_eq!(m.numbers(), [(1.5, NumFmt::Fixed(1)), (2.0, NumFmt::Count)]);
        assert_eq!(m.ids(), ["a", "c"]);
    }
}

#[cfg(test)]
mod hyphen_tests {
    use super::keep_hyphenated;

    #[test]
    fn a_number_keeps_its_word_across_a_line_end() {
        assert_eq!(keep_hyphenated("the Nasdaq-100"), "the Nasdaq\u{2011}100");
        assert_eq!(
            keep_hyphenated("90-day, EIP-1559"),
            "90\u{2011}day, EIP\u{2011}1559"
        );
        // Other hyphens and dashes stay: words, a minus, a range, an end.
        assert_eq!(keep_hyphenated("sell-off −3 - 2 a-"), "sell-off −3 - 2 a-");
        assert_eq!(keep_hyphenated("-5"), "-5");
    }
}
