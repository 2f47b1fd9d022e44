//! Everything a reader can set, in one struct that round-trips through the URL query.
//!
//! Parsing is total: any query string — unknown keys, garbage, script text, absurd
//! numbers — gives a valid state, each field falling back to its default on its own.
//! Only values from fixed vocabularies (or validated dates and tickers) are ever kept, so
//! nothing from the URL reaches the page except what this module recognises.

use super::burn::{BurnView, Smoothing};
use super::correlation::{Counterpart, DEFAULT_WINDOW, REGIME_VS, WINDOWS};
use super::flows::{Asset, FlowMode};
use super::lens::{DEFAULT_LENS_DAYS, LENS_DAYS};
use super::range::{Preset, RangeChoice};
use crate::date::format_iso;
use crate::resample::Period;
use crate::text::{Locale, Msg};

/// The longest query string read; anything beyond is ignored.
pub const MAX_QUERY_LEN: usize = 2048;
/// The `embed` value of the story iframe.
pub const STORY_EMBED: &str = "story";
/// The most fund groups a URL can hide.
pub const MAX_HIDDEN: usize = 16;
/// Below this viewport width (CSS px) a flow period the reader has not chosen is weekly:
/// daily bars are under a pixel wide there, a texture rather than data.
pub const WEEKLY_BELOW_CSS: f64 = 768.0;

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
    pub fn title(self) -> Msg {
        Msg::new(match self {
            Self::Correlation => "embed-title-correlation",
            Self::Flows => "embed-title-flows",
            Self::Burn => "embed-title-burn",
        })
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

    /// URL key.
    pub fn key(self) -> &'static str {
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
    /// The market compared with the Nasdaq-100 for the regime periods.
    pub regime_vs: Counterpart,
}

/// Chart 2 controls.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FlowsState {
    /// Bitcoin or ether ETFs.
    pub asset: Asset,
    /// Total or by fund.
    pub mode: FlowMode,
    /// Daily, weekly, monthly — or `None`, not chosen: the shell resolves it for the
    /// viewport at render time ([`FlowsState::period_at`]), so a share link or permalink
    /// never carries a value derived from the sharer's screen.
    pub period: Option<Period>,
    /// Hidden fund groups (tickers or `others`).
    pub hidden: Vec<String>,
    /// Visible range.
    pub range: RangeChoice,
}

/// Chart 3 controls.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BurnState {
    /// What the chart shows: the supply (default), the burn in US$, or the share of fees
    /// burned.
    pub view: BurnView,
    /// 7-day mean or daily.
    pub smoothing: Smoothing,
    /// Hidden lines.
    pub hidden: Vec<BurnLine>,
    /// Visible range.
    pub range: RangeChoice,
}

/// One chart's part of the view (what its Memo depends on).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ChartState {
    /// Chart 1.
    Correlation(CorrelationState),
    /// Chart 2.
    Flows(FlowsState),
    /// Chart 3.
    Burn(BurnState),
}

/// The whole shareable view.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ViewState {
    /// Render one chart alone for an iframe.
    pub embed: Option<Chart>,
    /// Render the story alone for an iframe (`embed=story`): the story bar and the
    /// step's chart.
    pub story_embed: bool,
    /// The story step shown, 1-based (`None`: exploring freely).
    pub step: Option<usize>,
    /// The section a link points at.
    pub section: Option<Chart>,
    /// Colour scheme.
    pub theme: ThemeChoice,
    /// In an embed, show every control (`controls=1`); embeds show none by default.
    pub controls: bool,
    /// The event in the lens (its date), if any: every chart shows a window around it.
    pub lens: Option<time::Date>,
    /// Market days either side of the lens event, one of [`LENS_DAYS`].
    pub lens_days: usize,
    /// The language the reader chose (a tag of a compiled-in locale, see
    /// [`Locale::tags`]); `None` follows the browser's language.
    pub lang: Option<&'static str>,
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
            story_embed: false,
            step: None,
            section: None,
            theme: ThemeChoice::Auto,
            controls: false,
            lens: None,
            lens_days: DEFAULT_LENS_DAYS,
            lang: None,
            correlation: CorrelationState {
                with: Counterpart::DEFAULT.to_vec(),
                window: DEFAULT_WINDOW,
                range: RangeChoice::Preset(Preset::Y2),
                regime_vs: Counterpart::Gld,
            },
            flows: FlowsState {
                asset: Asset::Btc,
                mode: FlowMode::Total,
                period: None,
                hidden: Vec::new(),
                range: RangeChoice::Preset(Preset::All),
            },
            burn: BurnState {
                view: BurnView::Supply,
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

/// A period's URL form; `daily`, `weekly` and `monthly` are read as well.
fn parse_period(text: &str) -> Option<Period> {
    match text {
        "day" | "daily" => Some(Period::Day),
        "week" | "weekly" => Some(Period::Week),
        "month" | "monthly" => Some(Period::Month),
        _ => None,
    }
}

impl FlowsState {
    /// The period drawn in a viewport `viewport_css` CSS px wide: the reader's choice, or
    /// weekly below [`WEEKLY_BELOW_CSS`] and daily from there up.
    pub fn period_at(&self, viewport_css: f64) -> Period {
        self.period.unwrap_or(if viewport_css < WEEKLY_BELOW_CSS {
            Period::Week
        } else {
            Period::Day
        })
    }
}

impl ChartState {
    /// This part as drawn in a viewport `viewport_css` CSS px wide: an unset flow period
    /// resolved ([`FlowsState::period_at`]). Only the chart sees the resolved value; the
    /// view state (and so every link) keeps it unset.
    #[must_use]
    pub fn at_width(self, viewport_css: f64) -> Self {
        match self {
            Self::Flows(f) => Self::Flows(FlowsState {
                period: Some(f.period_at(viewport_css)),
                ..f
            }),
            other => other,
        }
    }
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

/// One URL key: its name, how it is read from the state (its text form) and how a text
/// form is written into the state (returns whether the text was recognised). Both
/// [`ViewState::from_query`] and [`ViewState::to_query`] use [`KEYS`], so a key is declared
/// once; a key is written to the URL only when its text differs from the default's.
pub struct Key {
    /// The query key.
    pub name: &'static str,
    read: fn(&ViewState) -> String,
    write: fn(&mut ViewState, &str) -> bool,
}

fn join<T>(items: &[T], key: impl Fn(&T) -> &str) -> String {
    items.iter().map(key).collect::<Vec<_>>().join(",")
}

/// Every URL key, in the order [`ViewState::to_query`] writes them.
pub const KEYS: &[Key] = &[
    Key {
        name: "embed",
        read: |s| match (s.story_embed, s.embed) {
            (true, _) => STORY_EMBED.to_owned(),
            (false, c) => c.map(Chart::key).unwrap_or_default().to_owned(),
        },
        write: |s, v| {
            if v == STORY_EMBED {
                s.story_embed = true;
                return true;
            }
            Chart::parse(v).map(|c| s.embed = Some(c)).is_some()
        },
    },
    Key {
        name: "step",
        read: |s| s.step.map(|n| n.to_string()).unwrap_or_default(),
        write: |s, v| {
            v.parse::<usize>()
                .ok()
                .filter(|n| (1..=super::story::MAX_STEPS).contains(n))
                .map(|n| s.step = Some(n))
                .is_some()
        },
    },
    Key {
        name: "section",
        read: |s| s.section.map(Chart::key).unwrap_or_default().to_owned(),
        write: |s, v| Chart::parse(v).map(|c| s.section = Some(c)).is_some(),
    },
    Key {
        name: "theme",
        read: |s| s.theme.key().to_owned(),
        write: |s, v| ThemeChoice::parse(v).map(|t| s.theme = t).is_some(),
    },
    Key {
        name: "controls",
        read: |s| if s.controls { "1" } else { "0" }.to_owned(),
        write: |s, v| match v {
            "1" => {
                s.controls = true;
                true
            }
            "0" => {
                s.controls = false;
                true
            }
            _ => false,
        },
    },
    Key {
        name: "lens",
        read: |s| s.lens.map(format_iso).unwrap_or_default(),
        write: |s, v| {
            if v.is_empty() {
                s.lens = None;
                return true;
            }
            crate::date::parse_iso(v).map(|d| s.lens = Some(d)).is_some()
        },
    },
    Key {
        name: "lens.n",
        read: |s| s.lens_days.to_string(),
        write: |s, v| {
            v.parse::<usize>()
                .ok()
                .filter(|n| LENS_DAYS.contains(n))
                .map(|n| s.lens_days = n)
                .is_some()
        },
    },
    Key {
        name: "lang",
        read: |s| s.lang.unwrap_or_default().to_owned(),
        write: |s, v| Locale::negotiate(v).map(|t| s.lang = Some(t)).is_some(),
    },
    Key {
        name: "c.with",
        read: |s| join(&s.correlation.with, |c| c.url_key()),
        write: |s, v| {
            let mut with: Vec<Counterpart> = v.split(',').filter_map(Counterpart::parse).collect();
            crate::order::sort(&mut with);
            with.dedup();
            let ok = !with.is_empty();
            if ok {
                s.correlation.with = with;
            }
            ok
        },
    },
    Key {
        name: "c.window",
        read: |s| s.correlation.window.to_string(),
        write: |s, v| {
            v.parse::<usize>()
                .ok()
                .filter(|w| WINDOWS.contains(w))
                .map(|w| s.correlation.window = w)
                .is_some()
        },
    },
    Key {
        name: "c.range",
        read: |s| range_key(s.correlation.range),
        write: |s, v| RangeChoice::parse(v).map(|r| s.correlation.range = r).is_some(),
    },
    Key {
        name: "c.vs",
        read: |s| s.correlation.regime_vs.url_key().to_owned(),
        write: |s, v| {
            Counterpart::parse(v)
                .filter(|c| REGIME_VS.contains(c))
                .map(|c| s.correlation.regime_vs = c)
                .is_some()
        },
    },
    Key {
        name: "f.etf",
        read: |s| s.flows.asset.key().to_owned(),
        write: |s, v| Asset::parse(v).map(|a| s.flows.asset = a).is_some(),
    },
    Key {
        name: "f.bars",
        read: |s| mode_key(s.flows.mode).to_owned(),
        write: |s, v| parse_mode(v).map(|m| s.flows.mode = m).is_some(),
    },
    Key {
        name: "f.agg",
        read: |s| s.flows.period.map(period_key).unwrap_or_default().to_owned(),
        write: |s, v| {
            if v.is_empty() || v == "auto" {
                s.flows.period = None;
                return true;
            }
            parse_period(v).map(|p| s.flows.period = Some(p)).is_some()
        },
    },
    Key {
        name: "f.hide",
        read: |s| s.flows.hidden.join(","),
        write: |s, v| {
            let mut hidden: Vec<String> = v
                .split(',')
                .filter(|k| is_fund_key(k))
                .map(str::to_owned)
                .collect();
            crate::order::sort(&mut hidden);
            hidden.dedup();
            hidden.truncate(MAX_HIDDEN);
            s.flows.hidden = hidden;
            true
        },
    },
    Key {
        name: "f.range",
        read: |s| range_key(s.flows.range),
        write: |s, v| RangeChoice::parse(v).map(|r| s.flows.range = r).is_some(),
    },
    Key {
        name: "b.view",
        read: |s| s.burn.view.key().to_owned(),
        write: |s, v| BurnView::parse(v).map(|m| s.burn.view = m).is_some(),
    },
    Key {
        name: "b.smooth",
        read: |s| s.burn.smoothing.key().to_owned(),
        write: |s, v| Smoothing::parse(v).map(|m| s.burn.smoothing = m).is_some(),
    },
    Key {
        name: "b.hide",
        read: |s| join(&s.burn.hidden, |l| l.key()),
        write: |s, v| {
            let mut hidden: Vec<BurnLine> = v.split(',').filter_map(BurnLine::parse).collect();
            crate::order::sort(&mut hidden);
            hidden.dedup();
            s.burn.hidden = hidden;
            true
        },
    },
    Key {
        name: "b.range",
        read: |s| range_key(s.burn.range),
        write: |s, v| RangeChoice::parse(v).map(|r| s.burn.range = r).is_some(),
    },
];

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

impl ViewState {
    /// Reads a query string (with or without the leading `?`). Never fails: an unknown
    /// key is ignored and a bad value leaves its field as it was.
    pub fn from_query(query: &str) -> Self {
        let mut s = Self::default();
        s.apply_query(query);
        s
    }

    /// Applies every recognised key of `query` on top of the current state.
    pub fn apply_query(&mut self, query: &str) {
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in prefix(query, MAX_QUERY_LEN).split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            let name = decode(key);
            if let Some(k) = KEYS.iter().find(|k| k.name == name) {
                (k.write)(self, value.trim());
            }
        }
    }

    /// The part of the view that `chart` depends on.
    /// The part of the view that `chart` depends on. With an event in the lens, every
    /// chart's range is the window around it.
    pub fn part(&self, chart: Chart) -> ChartState {
        let lens = self.lens.map(|d| {
            let (a, b) = super::lens::window(d, self.lens_days);
            RangeChoice::Custom(a, b)
        });
        match chart {
            Chart::Correlation => ChartState::Correlation(CorrelationState {
                range: lens.unwrap_or(self.correlation.range),
                ..self.correlation.clone()
            }),
            Chart::Flows => ChartState::Flows(FlowsState {
                range: lens.unwrap_or(self.flows.range),
                ..self.flows.clone()
            }),
            Chart::Burn => ChartState::Burn(BurnState {
                range: lens.unwrap_or(self.burn.range),
                ..self.burn.clone()
            }),
        }
    }

    /// The text form of key `name` (empty for an unknown key).
    pub fn get(&self, name: &str) -> String {
        KEYS.iter()
            .find(|k| k.name == name)
            .map(|k| (k.read)(self))
            .unwrap_or_default()
    }

    /// A reader's edit through a control: key `name` set to `value` (the same text form
    /// the URL uses). Switching the ETF asset also shows every fund again (the funds
    /// differ). Returns whether the value was recognised.
    pub fn edit(&mut self, name: &str, value: &str) -> bool {
        let asset = self.flows.asset;
        let ok = KEYS
            .iter()
            .find(|k| k.name == name)
            .is_some_and(|k| (k.write)(self, value));
        if self.flows.asset != asset {
            self.flows.hidden.clear();
        }
        ok
    }

    /// The query string (no `?`) holding every value that differs from the default;
    /// `embed` only when asked.
    pub fn to_query(&self, with_embed: bool) -> String {
        let d = Self::default();
        KEYS.iter()
            .filter(|k| with_embed || k.name != "embed")
            .filter_map(|k| {
                let v = (k.read)(self);
                (v != (k.read)(&d)).then(|| format!("{}={v}", k.name))
            })
            .collect::<Vec<_>>()
            .join("&")
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
            story_embed: false,
            step: Some(3),
            section: Some(Chart::Flows),
            theme: ThemeChoice::Dark,
            controls: true,
            lens: parse_iso("2025-10-10"),
            lens_days: 60,
            lang: Some("zh-CN"),
            correlation: CorrelationState {
                with: vec![Counterpart::Gld, Counterpart::Eth, Counterpart::Dgs10],
                window: 30,
                range: RangeChoice::Custom(
                    parse_iso("2025-01-02").unwrap(),
                    parse_iso("2026-03-31").unwrap(),
                ),
                regime_vs: Counterpart::Dbc,
            },
            flows: FlowsState {
                asset: Asset::Eth,
                mode: FlowMode::ByFund,
                period: Some(Period::Week),
                hidden: vec!["ETHA".into(), "others".into()],
                range: RangeChoice::Preset(Preset::M6),
            },
            burn: BurnState {
                view: BurnView::Share,
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
            "embed=flows&step=3&section=flows&theme=dark&controls=1&lens=2025-10-10&lens.n=60&lang=zh-CN&c.with=gld,eth,dgs10&c.window=30&c.range=2025-01-02..2026-03-31&c.vs=dbc\
             &f.etf=eth&f.bars=fund&f.agg=week&f.hide=ETHA,others&f.range=6M&b.view=share&b.smooth=daily&b.hide=issuance&b.range=1Y"
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
            "lang=fr&lang=<script>&lang=zh-CN%00&lang=",
            "f.hide=<b>,javascript:x,ibit,AAAAAAAAAAAAAA",
            "c.range=2025-02-30..2025-03-01&f.range=99999-01-01..x&b.range=%",
            "%%%&&&===&c.with=&f.etf=doge&b.hide=everything",
            "unknown=1&c.window",
            "step=0&step=-1&step=99&step=2.5&step=%33%33",
            "b.view=<script>&b.view=USD%00&b.view=shares&b.view=&b.view=supply,usd",
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
    fn the_story_step_and_embed_round_trip() {
        let s = ViewState::from_query("embed=story&step=2");
        assert!(s.story_embed);
        assert_eq!((s.embed, s.step), (None, Some(2)));
        assert_eq!(s.to_query(true), "embed=story&step=2");
        assert_eq!(ViewState::from_query(&s.to_query(true)), s);
        assert!(!s.to_query(false).contains("embed"));
        let mut s = s;
        assert!(!s.edit("step", "0"));
        assert_eq!(s.step, Some(2));
    }

    #[test]
    fn the_language_is_a_compiled_in_tag_or_none() {
        assert_eq!(ViewState::from_query("lang=zh-CN").lang, Some("zh-CN"));
        assert_eq!(ViewState::from_query("lang=zh-hans").lang, Some("zh-CN"));
        assert_eq!(ViewState::from_query("lang=en").lang, Some("en"));
        assert_eq!(ViewState::from_query("lang=xx").lang, None);
        assert_eq!(ViewState::from_query("lang=zh").to_query(false), "lang=zh-CN");
        let mut s = ViewState::default();
        assert!(s.edit("lang", "zh-CN"));
        assert!(!s.edit("lang", "klingon"));
        assert_eq!(s.lang, Some("zh-CN"));
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(decode("a%2Cb+c%zz%4"), "a,b c%zz%4");
        let s = ViewState::from_query("c.with=qqq%2Ceth");
        assert_eq!(s.correlation.with, vec![Counterpart::Qqq, Counterpart::Eth]);
    }

    #[test]
    fn todays_permalinks_keep_working() {
        // Links shared before the one-engine redesign.
        for q in [
            "c.with=qqq,gld,eth&c.window=30&c.range=1Y",
            "f.etf=eth&f.bars=fund&f.agg=month&f.hide=ETHA",
            "b.smooth=daily&b.hide=issuance,merge&b.range=2024-01-01..2025-12-31",
            "embed=flows&f.agg=month&theme=dark",
            "section=burn",
        ] {
            let s = ViewState::from_query(q);
            assert_ne!(s, ViewState::default(), "{q}");
            assert_eq!(ViewState::from_query(&s.to_query(true)), s, "{q}");
        }
        let s = ViewState::from_query("f.etf=eth&f.bars=fund&f.agg=month&f.hide=ETHA");
        assert_eq!(s.flows.asset, Asset::Eth);
        assert_eq!(s.flows.period, Some(Period::Month));
        assert_eq!(s.flows.hidden, ["ETHA"]);
    }

    #[test]
    fn an_unset_flow_period_stays_unset_in_links_and_resolves_by_viewport() {
        // The default holds "unset": no link written from it carries f.agg, at any width.
        let d = ViewState::default();
        assert_eq!(d.flows.period, None);
        assert!(!d.to_query(true).contains("f.agg"));
        // The chart sees weekly bars below 768 px, daily from there up …
        let part = |s: &ViewState, w: f64| match s.part(Chart::Flows).at_width(w) {
            ChartState::Flows(f) => f.period,
            _ => None,
        };
        assert_eq!(part(&d, 375.0), Some(Period::Week));
        assert_eq!(part(&d, 767.9), Some(Period::Week));
        assert_eq!(part(&d, 768.0), Some(Period::Day));
        assert_eq!(part(&d, 1440.0), Some(Period::Day));
        // … while the state itself, and so the share link, stays unset.
        assert_eq!(d.flows.period, None);
        // An explicit choice wins at every width and round-trips, in both spellings.
        for (q, p) in [
            ("f.agg=day", Period::Day),
            ("f.agg=daily", Period::Day),
            ("f.agg=week", Period::Week),
            ("f.agg=monthly", Period::Month),
        ] {
            let s = ViewState::from_query(q);
            assert_eq!(s.flows.period, Some(p), "{q}");
            assert_eq!(part(&s, 375.0), Some(p), "{q} on a phone");
            assert_eq!(part(&s, 1280.0), Some(p), "{q} on a desktop");
            assert_eq!(ViewState::from_query(&s.to_query(false)), s, "{q}");
            assert!(s.to_query(false).starts_with("f.agg="), "{q}");
        }
        // "auto" (or empty) sets it back to unset; garbage leaves it as it was.
        let mut s = ViewState::from_query("f.agg=day");
        assert!(s.edit("f.agg", "auto"));
        assert_eq!(s.flows.period, None);
        assert!(!s.edit("f.agg", "hourly"));
        assert_eq!(s.flows.period, None);
        // Other charts' parts are untouched by the width.
        assert_eq!(d.part(Chart::Burn).at_width(320.0), d.part(Chart::Burn));
    }

    #[test]
    fn a_multibyte_character_at_the_length_limit_does_not_lift_the_limit() {
        let pad = "x".repeat(MAX_QUERY_LEN - 1);
        let q = format!("{pad}é&c.window=30");
        assert_eq!(ViewState::from_query(&q).correlation.window, DEFAULT_WINDOW);
    }

    #[test]
    fn repeated_items_are_removed_whatever_their_order() {
        let s = ViewState::from_query("f.hide=IBIT,FBTC,IBIT&b.hide=burn,merge,burn");
        assert_eq!(s.flows.hidden, ["FBTC", "IBIT"]);
        assert_eq!(s.burn.hidden, [BurnLine::Burn, BurnLine::SinceMerge]);
    }

    #[test]
    fn a_control_edit_uses_the_url_form_and_an_asset_switch_shows_every_fund() {
        let mut s = ViewState::from_query("f.hide=IBIT");
        assert!(s.edit("c.window", "30"));
        assert!(!s.edit("c.window", "31"));
        assert_eq!(s.correlation.window, 30);
        assert!(s.edit("f.etf", "eth"));
        assert!(s.flows.hidden.is_empty());
        assert_eq!(s.get("f.etf"), "eth");
    }

    proptest! {
        #[test]
        fn any_text_parses_and_reparses_stably(q in ".{0,300}") {
            let s = ViewState::from_query(&q);
            prop_assert!(!s.correlation.with.is_empty());
            prop_assert!(WINDOWS.contains(&s.correlation.window));
            prop_assert_eq!(ViewState::from_query(&s.to_query(true)), s);
        }

        /// Every key with any value: a recognised value is kept, anything else leaves
        /// that field at its default, and the result always re-parses to itself.
        #[test]
        fn any_value_of_a_known_key_parses_totally(
            k in 0..KEYS.len(),
            v in prop_oneof![".{0,40}", "(supply|usd|share|daily|7d|burn|[a-z,]{0,12})"],
        ) {
            let name = KEYS.get(k).map_or("b.view", |key| key.name);
            let q = format!("{name}={v}");
            let s = ViewState::from_query(&q);
            prop_assert!(BurnView::ALL.contains(&s.burn.view));
            if name == "b.view" && !v.contains('&') {
                let expected = BurnView::parse(decode(&v).trim()).unwrap_or_default();
                prop_assert_eq!(s.burn.view, expected);
            }
            prop_assert_eq!(ViewState::from_query(&s.to_query(true)), s);
        }
    }
}
