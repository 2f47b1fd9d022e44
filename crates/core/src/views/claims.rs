//! The claims list: every sentence the page shows, for the default view and for each
//! chart's other settings, with the values it uses and where they come from. The command
//! `cargo run -p repricing-core --example claims` prints it; the tests check that every
//! number a sentence prints is the core value it cites.

use super::chart::{chart_view, prepare, Control};
use super::state::{Chart, ViewState};
use crate::text::{Arg, Msg};
use crate::Snapshot;
use std::sync::Arc;

/// One sentence of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Which chart.
    pub chart: Chart,
    /// The view's query string (empty: the default view).
    pub view: String,
    /// Which part of the section (`title`, `summary`, `takeaway`, …).
    pub part: &'static str,
    /// The sentence with its computed arguments.
    pub msg: Msg,
    /// Provider ids the chart credits.
    pub providers: Vec<String>,
}

/// The views the list covers: the default, then every option of every choice and every
/// toggle of every chart, one change at a time.
pub fn views(snapshot: &Arc<Snapshot>) -> Vec<ViewState> {
    let mut out = vec![ViewState::default()];
    for chart in Chart::ALL {
        let Ok(p) = prepare(chart, snapshot) else { continue };
        let v = chart_view(&p, &ViewState::default().part(chart));
        for c in &v.controls {
            let values: Vec<String> = match c {
                Control::Choice { options, .. } => options
                    .iter()
                    .filter(|o| !o.selected)
                    .map(|o| o.value.clone())
                    .collect(),
                Control::Toggles { items, .. } => items
                    .iter()
                    .filter(|i| !i.locked)
                    .map(|i| i.value_after.clone())
                    .collect(),
                Control::Range { .. } => ["1Y", "3M"].map(str::to_owned).to_vec(),
            };
            for value in values {
                let mut s = ViewState::default();
                if s.edit(c.key(), &value) {
                    out.push(s);
                }
            }
        }
    }
    out
}

/// Every sentence of every chart in each of `views`.
pub fn claims(snapshot: &Arc<Snapshot>, views: &[ViewState]) -> Vec<Claim> {
    let mut out = Vec::new();
    for chart in Chart::ALL {
        let Ok(p) = prepare(chart, snapshot) else { continue };
        let mut seen = Vec::new();
        for s in views {
            let part = s.part(chart);
            if seen.contains(&part) {
                continue;
            }
            seen.push(part.clone());
            let v = chart_view(&p, &part);
            let query = s.to_query(false);
            let mut push = |name: &'static str, m: &Msg| {
                out.push(Claim {
                    chart,
                    view: query.clone(),
                    part: name,
                    msg: m.clone(),
                    providers: v.providers.clone(),
                });
            };
            push("title", &v.title);
            push("subtitle", &v.subtitle);
            push("summary", &v.summary);
            push("lede", &v.lede);
            for m in &v.takeaway {
                push("takeaway", m);
            }
            for m in &v.notes {
                push("note", m);
            }
            for m in &v.warnings {
                push("warning", m);
            }
            for m in &v.findings {
                push("finding", m);
            }
            if let Some(mini) = &v.mini {
                push("mini-title", &mini.title);
                push("mini-key", &mini.key);
                for b in &mini.bars {
                    push("mini-bar", &b.text);
                }
            }
            for t in &v.stats {
                push("table-title", &t.title);
                if let Some(why) = &t.empty {
                    push("table-empty", why);
                }
            }
            match &v.frame {
                Ok(f) => {
                    for p in &f.panels {
                        push("panel", &p.title);
                    }
                    for a in &f.annotations {
                        push("annotation", &a.text);
                    }
                }
                Err(m) => push("frame", m),
            }
        }
    }
    out
}

/// The named arguments of a message, nested ones as `outer.inner`.
pub fn arguments(m: &Msg) -> Vec<(String, Arg)> {
    let mut out = Vec::new();
    for (name, a) in &m.args {
        match a {
            Arg::Msg(inner) => {
                for (n, x) in arguments(inner) {
                    out.push((format!("{name}.{n}"), x));
                }
            }
            other => out.push(((*name).to_owned(), other.clone())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Locale;

    #[test]
    fn every_number_a_sentence_prints_is_the_core_value_it_cites() {
        let s = crate::views::committed_snapshot();
        let claims = claims(&s, &views(&s));
        assert!(claims.len() > 100, "{} claims", claims.len());
        let en = Locale::en();
        let mut numbers = 0;
        for c in &claims {
            let text = en.render(&c.msg);
            assert!(
                !text.contains('[') && !text.contains('{'),
                "{}: unrendered id or argument in {text:?}",
                c.msg.id
            );
            for (v, f) in c.msg.numbers() {
                let printed = en.number(v, f);
                assert!(
                    text.contains(&printed),
                    "{:?} prints {text:?} without {printed} ({v})",
                    c.msg.id
                );
                numbers += 1;
            }
        }
        assert!(numbers > 200, "only {numbers} numbers checked");
    }

    #[test]
    fn sentences_carry_no_number_that_is_not_an_argument() {
        // A digit in a rendered sentence must come from an argument: the locale text
        // itself states no data (digits in ids' own words, like "95%" or "10-year", are
        // listed here as the few fixed terms).
        let s = crate::views::committed_snapshot();
        let en = Locale::en();
        for c in claims(&s, &[ViewState::default()]) {
            let mut text = en.render(&c.msg);
            // Longest first, so "30.2" goes before a "30" inside it.
            let mut printed: Vec<String> = c
                .msg
                .numbers()
                .into_iter()
                .map(|(v, f)| en.number(v, f))
                .collect();
            for (_, a) in arguments(&c.msg) {
                match a {
                    Arg::Date(d) => printed.push(en.date(d)),
                    Arg::Month(d) => printed.push(en.month(d)),
                    Arg::Text(t) => printed.push(t),
                    Arg::Data(t) => printed.push(en.data(&t)),
                    _ => {}
                }
            }
            crate::order::sort_by_key(&mut printed, |p| std::cmp::Reverse(p.len()));
            for p in printed {
                text = text.replace(&p, "");
            }
            for fixed in [
                "95%",
                "10-year",
                "24:00",
                "S&P 500",
                "2 × N",
                "Nasdaq-100",
                "EIP-1559",
                "10y",
                "n\u{a0}=\u{a0}",
                "to 100",
                "7-day",
                "0 = break-even",
                "100 =",
            ] {
                text = text.replace(fixed, "");
            }
            assert!(
                !text.chars().any(|ch| ch.is_ascii_digit()),
                "{} ({}) states a number that is not an argument: {text:?}",
                c.msg.id,
                c.part
            );
        }
    }
}
