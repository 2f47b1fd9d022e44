//! Everything a reader can set, in one struct that round-trips through the URL query.
//!
//! Parsing is total: any query string — unknown keys, garbage, script text, absurd
//! numbers — gives a valid state, each field falling back to its default on its own.
//! Only values from fixed vocabularies (or validated dates and tickers) are ever kept, so
//! nothing from the URL reaches the page except what this module recognises.

use super::burn::Smoothing;
use super::correlation::{Counterpart, DEFAULT_WINDOW, WINDOWS};
use super::flows::{Asset, FlowMode};
use super::range::{Preset, RangeChoice};
use crate::date::format_iso;
use crate::resample::Period;

/// The longest query string read; anything beyond is ignored.
pub const MAX_QUERY_LEN: usize = 2048;
/// The most fund groups a URL can hide.
pub const MAX_HIDDEN: usize = 16;

/// One of the three charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Chart {
    /// The correlation regime.
    Correlation,
    /// ETF flows.
    Flows,
    /// The ETH burn.
    Burn,
}

impl Chart {
    /// All charts in page order.
    pub const ALL: [Chart; 3] = [Self::Correlation, Self::Flows, Self::Burn];

    /// URL key and element id.
    pub fn key(self) -> &'static str {
        match self {
            Self::Correlation => "correlation",
            Self::Flows => "flows",
            Self::Burn => "burn",
        }
    }

    /// Parses a [`Chart::key`].
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.key() == text)
    }

    /// Title for an iframe and the embed snippet.
    pub fn title(self) -> &'static str {
        match self {
            Self::Correlation => "Bitcoin's rolling correlation with the Nasdaq-100 and gold",
            Self::Flows => "US spot bitcoin and ether ETF daily net flows",
            Self::Burn => "ETH burned versus modelled issuance",
        }
    }
}

/// Colour scheme: follow the reader's system, or force one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ThemeChoice {
    /// `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    fn key(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        [Self::Auto, Self::Light, Self::Dark]
            .into_iter()
            .find(|t| t.key() == text)
    }
}

/// A line of the burn chart a reader can hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BurnLine {
    /// ETH burned.
    Burn,
    /// Modelled issuance.
    Issuance,
    /// Cumulative since London.
    SinceLondon,
    /// Cumulative since the Merge.
    SinceMerge,
}

impl BurnLine {
    /// All hideable lines.
    pub const ALL: [BurnLine; 4] = [Self::Burn, Self::Issuance, Self::SinceLondon, Self::SinceMerge];

    fn key(self) -> &'static str {
        match self {
            Self::Burn => "burn",
            Self::Issuance => "issuance",
            Self::SinceLondon => "london",
            Self::SinceMerge => "merge",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.key() == text)
    }
}

/// Chart 1 controls.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CorrelationState {
    /// Counterparts shown, in legend order, at least one.
    pub with: Vec<Counterpart>,
    /// Window, one of [`WINDOWS`].
    pub window: usize,
    /// Visible range.
    pub range: RangeChoice,
}

/// Chart 2 controls.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FlowsState {
    /// Bitcoin or ether ETFs.
    pub asset: Asset,
    /// Total or by fund.
    pub mode: FlowMode,
    /// Daily, weekly, monthly.
    pub period: Period,
    /// Hidden fund groups (tickers or `others`).
    pub hidden: Vec<String>,
    /// Visible range.
    pub range: RangeChoice,
}

/// Chart 3 controls.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BurnState {
    /// 7-day mean or daily.
    pub smoothing: Smoothing,
    /// Hidden lines.
    pub hidden: Vec<BurnLine>,
    /// Visible range.
    pub range: RangeChoice,
}

/// The whole shareable view.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ViewState {
    /// Render one chart alone for an iframe.
    pub embed: Option<Chart>,
    /// The section a link points at.
    pub section: Option<Chart>,
    /// Colour scheme.
    pub theme: ThemeChoice,
    /// Chart 1.
    pub correlation: CorrelationState,
    /// Chart 2.
    pub flows: FlowsState,
    /// Chart 3.
    pub burn: BurnState,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            embed: None,
            section: None,
            theme: ThemeChoice::Auto,
            correlation: CorrelationState {
                with: Counterpart::DEFAULT.to_vec(),
                window: DEFAULT_WINDOW,
                range: RangeChoice::Preset(Preset::Y2),
            },
            flows: FlowsState {
                asset: Asset::Btc,
                mode: FlowMode::Total,
                period: Period::Day,
                hidden: Vec::new(),
                range: RangeChoice::Preset(Preset::All),
            },
            burn: BurnState {
                smoothing: Smoothing::Mean7,
                hidden: Vec::new(),
                range: RangeChoice::Preset(Preset::All),
            },
        }
    }
}

fn period_key(p: Period) -> &'static str {
    match p {
        Period::Day => "day",
        Period::Week => "week",
        Period::Month => "month",
    }
}

fn parse_period(text: &str) -> Option<Period> {
    [Period::Day, Period::Week, Period::Month]
        .into_iter()
        .find(|p| period_key(*p) == text)
}

fn mode_key(m: FlowMode) -> &'static str {
    match m {
        FlowMode::Total => "total",
        FlowMode::ByFund => "fund",
    }
}

fn parse_mode(text: &str) -> Option<FlowMode> {
    [FlowMode::Total, FlowMode::ByFund]
        .into_iter()
        .find(|m| mode_key(*m) == text)
}

fn range_key(r: RangeChoice) -> String {
    match r {
        RangeChoice::Preset(p) => p.label().to_owned(),
        RangeChoice::Custom(a, b) => format!("{}..{}", format_iso(a), format_iso(b)),
    }
}

/// A fund ticker as Farside writes them (`IBIT`), or `others`.
fn is_fund_key(text: &str) -> bool {
    text == "others"
        || (1..=8).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// `%XX` and `+` decoding; malformed escapes are kept as they are (and then fail to parse
/// as anything this module knows).
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |j: usize| bytes.get(j).and_then(|c| (*c as char).to_digit(16));
        match b {
            b'+' => out.push(b' '),
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl ViewState {
    /// Reads a query string (with or without the leading `?`). Never fails.
    pub fn from_query(query: &str) -> Self {
        let mut s = Self::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        let query = query.get(..MAX_QUERY_LEN).unwrap_or(query);
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            let value = value.trim();
            match decode(key).as_str() {
                "embed" => s.embed = Chart::parse(value).or(s.embed),
                "section" => s.section = Chart::parse(value).or(s.section),
                "theme" => s.theme = ThemeChoice::parse(value).unwrap_or(s.theme),
                "c.with" => {
                    let mut with: Vec<Counterpart> =
                        value.split(',').filter_map(Counterpart::parse).collect();
                    with.sort();
                    with.dedup();
                    if !with.is_empty() {
                        s.correlation.with = with;
                    }
                }
                "c.window" => {
                    if let Some(w) = value.parse::<usize>().ok().filter(|w| WINDOWS.contains(w)) {
                        s.correlation.window = w;
                    }
                }
                "c.range" => s.correlation.range = RangeChoice::parse(value).unwrap_or(s.correlation.range),
                "f.etf" => s.flows.asset = Asset::parse(value).unwrap_or(s.flows.asset),
                "f.bars" => s.flows.mode = parse_mode(value).unwrap_or(s.flows.mode),
                "f.agg" => s.flows.period = parse_period(value).unwrap_or(s.flows.period),
                "f.hide" => {
                    let mut hidden: Vec<String> = value
                        .split(',')
                        .filter(|k| is_fund_key(k))
                        .map(str::to_owned)
                        .collect();
                    hidden.dedup();
                    hidden.truncate(MAX_HIDDEN);
                    s.flows.hidden = hidden;
                }
                "f.range" => s.flows.range = RangeChoice::parse(value).unwrap_or(s.flows.range),
                "b.smooth" => s.burn.smoothing = Smoothing::parse(value).unwrap_or(s.burn.smoothing),
                "b.hide" => {
                    let mut hidden: Vec<BurnLine> = value.split(',').filter_map(BurnLine::parse).collect();
                    hidden.dedup();
                    s.burn.hidden = hidden;
                }
                "b.range" => s.burn.range = RangeChoice::parse(value).unwrap_or(s.burn.range),
                _ => {}
            }
        }
        s
    }

    /// The query string (no `?`) holding every value that differs from the default;
    /// `embed` only when asked.
    pub fn to_query(&self, with_embed: bool) -> String {
        let d = Self::default();
        let mut parts: Vec<String> = Vec::new();
        let mut put = |k: &str, v: String| parts.push(format!("{k}={v}"));
        if let (true, Some(c)) = (with_embed, self.embed) {
            put("embed", c.key().to_owned());
        }
        if let Some(c) = self.section {
            put("section", c.key().to_owned());
        }
        if self.theme != d.theme {
            put("theme", self.theme.key().to_owned());
        }
        let c = &self.correlation;
        if c.with != d.correlation.with {
            put(
                "c.with",
                c.with.iter().map(|x| x.url_key()).collect::<Vec<_>>().join(","),
            );
        }
        if c.window != d.correlation.window {
            put("c.window", c.window.to_string());
        }
        if c.range != d.correlation.range {
            put("c.range", range_key(c.range));
        }
        let f = &self.flows;
        if f.asset != d.flows.asset {
            put("f.etf", f.asset.key().to_owned());
        }
        if f.mode != d.flows.mode {
            put("f.bars", mode_key(f.mode).to_owned());
        }
        if f.period != d.flows.period {
            put("f.agg", period_key(f.period).to_owned());
        }
        if !f.hidden.is_empty() {
            put("f.hide", f.hidden.join(","));
        }
        if f.range != d.flows.range {
            put("f.range", range_key(f.range));
        }
        let b = &self.burn;
        if b.smoothing != d.burn.smoothing {
            put("b.smooth", b.smoothing.key().to_owned());
        }
        if !b.hidden.is_empty() {
            put(
                "b.hide",
                b.hidden.iter().map(|l| l.key()).collect::<Vec<_>>().join(","),
            );
        }
        if b.range != d.burn.range {
            put("b.range", range_key(b.range));
        }
        parts.join("&")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_iso;
    use proptest::prelude::*;

    fn changed() -> ViewState {
        ViewState {
            embed: Some(Chart::Flows),
            section: Some(Chart::Flows),
            theme: ThemeChoice::Dark,
            correlation: CorrelationState {
                with: vec![Counterpart::Gld, Counterpart::Eth, Counterpart::Dgs10],
                window: 30,
                range: RangeChoice::Custom(
                    parse_iso("2025-01-02").unwrap(),
                    parse_iso("2026-03-31").unwrap(),
                ),
            },
            flows: FlowsState {
                asset: Asset::Eth,
                mode: FlowMode::ByFund,
                period: Period::Week,
                hidden: vec!["ETHA".into(), "others".into()],
                range: RangeChoice::Preset(Preset::M6),
            },
            burn: BurnState {
                smoothing: Smoothing::Daily,
                hidden: vec![BurnLine::Issuance],
                range: RangeChoice::Preset(Preset::Y1),
            },
        }
    }

    #[test]
    fn round_trips_every_control() {
        let s = changed();
        let q = s.to_query(true);
        assert_eq!(
            q,
            "embed=flows&section=flows&theme=dark&c.with=gld,eth,dgs10&c.window=30&c.range=2025-01-02..2026-03-31\
             &f.etf=eth&f.bars=fund&f.agg=week&f.hide=ETHA,others&f.range=6M&b.smooth=daily&b.hide=issuance&b.range=1Y"
        );
        assert_eq!(ViewState::from_query(&format!("?{q}")), s);
        assert!(!s.to_query(false).contains("embed"));
        assert_eq!(ViewState::default().to_query(true), "");
    }

    #[test]
    fn hostile_queries_fall_back_to_defaults_field_by_field() {
        let d = ViewState::default();
        for q in [
            "embed=<script>alert(1)</script>",
            "c.window=1000000000&c.window=-5&c.window=9e99",
            "c.with=javascript:alert(1),%3Cimg%20src=x%3E",
            "theme=\"><svg onload=alert(1)>",
            "f.hide=<b>,javascript:x,ibit,AAAAAAAAAAAAAA",
            "c.range=2025-02-30..2025-03-01&f.range=99999-01-01..x&b.range=%",
            "%%%&&&===&c.with=&f.etf=doge&b.hide=everything",
            "unknown=1&c.window",
        ] {
            assert_eq!(ViewState::from_query(q), d, "{q}");
        }
        let long = format!("c.window=30&{}", "x=1&".repeat(10_000));
        assert_eq!(ViewState::from_query(&long).correlation.window, 30);
        // A good value next to bad ones survives.
        let s = ViewState::from_query("c.window=abc&c.window=60&embed=nope&f.hide=IBIT,<x>");
        assert_eq!(s.correlation.window, 60);
        assert_eq!(s.flows.hidden, vec!["IBIT".to_owned()]);
        assert_eq!(s.embed, None);
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(decode("a%2Cb+c%zz%4"), "a,b c%zz%4");
        let s = ViewState::from_query("c.with=qqq%2Ceth");
        assert_eq!(s.correlation.with, vec![Counterpart::Qqq, Counterpart::Eth]);
    }

    proptest! {
        #[test]
        fn any_text_parses_and_reparses_stably(q in ".{0,300}") {
            let s = ViewState::from_query(&q);
            prop_assert!(!s.correlation.with.is_empty());
            prop_assert!(WINDOWS.contains(&s.correlation.window));
            prop_assert_eq!(ViewState::from_query(&s.to_query(true)), s);
        }
    }
}
