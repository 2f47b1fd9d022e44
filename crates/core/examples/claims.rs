//! Prints every sentence the page shows — for the default view and for each chart's other
//! settings — with the values it uses and where each comes from:
//! `cargo run -p repricing-core --example claims [path/to/snapshot.txt]`.

mod common;

use repricing_core::text::{Arg, Locale};
use repricing_core::views::claims::{arguments, claims, views};
use repricing_core::Snapshot;
use std::sync::Arc;

fn main() {
    let (path, text) = common::snapshot_text();
    let snapshot = match Snapshot::from_text(&text) {
        Ok(s) => Arc::new(s),
        Err(e) => common::fail(&path, e),
    };
    let en = Locale::en();
    let views = views(&snapshot);
    let list = claims(&snapshot, &views);
    println!(
        "# {} sentences over {} views (snapshot as of {})\n",
        list.len(),
        views.len(),
        snapshot.as_of
    );
    for c in &list {
        let view = if c.view.is_empty() {
            "default view".to_owned()
        } else {
            format!("?{}", c.view)
        };
        println!(
            "[{} · {} · {}] {}",
            c.chart.key(),
            view,
            c.part,
            en.render(&c.msg)
        );
        println!("    id: {}", c.msg.ids().join(" > "));
        for (name, a) in arguments(&c.msg) {
            let value = match a {
                Arg::Num(v, f) => format!("{v} (printed {})", en.number(v, f)),
                Arg::Date(d) | Arg::Month(d) => d.to_string(),
                Arg::Text(t) => format!("{t:?}"),
                Arg::Data(t) => format!("{:?} ({})", t.english, t.key),
                Arg::Msg(_) => continue,
            };
            println!("    {name} = {value}");
        }
        let sources: Vec<String> = c
            .providers
            .iter()
            .map(|p| {
                snapshot
                    .providers
                    .get(p)
                    .map_or_else(|| p.clone(), |x| x.name.clone())
            })
            .collect();
        println!("    computed in the core from: {}\n", sources.join(", "));
    }
}
