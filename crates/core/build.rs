//! The English locale and story files are compiled into the page (`include_str!`). Their
//! comment lines are for people editing them, not for readers: this copies each into
//! `OUT_DIR` with every comment line left empty. Both parsers skip a comment line and an
//! empty line alike, and the line numbers of every message stay those of the source file.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    for (source, name) in [("locales/en.ftl", "en.ftl"), ("story/en.story", "en.story")] {
        println!("cargo:rerun-if-changed={source}");
        let text = match std::fs::read_to_string(source) {
            Ok(text) => text,
            Err(e) => panic!("{source}: {e}"),
        };
        let kept: String = text
            .split_inclusive('\n')
            .map(|line| {
                if line.trim_start().starts_with('#') {
                    if line.ends_with('\n') {
                        "\n"
                    } else {
                        ""
                    }
                } else {
                    line
                }
            })
            .collect();
        if let Err(e) = std::fs::write(Path::new(&out).join(name), kept) {
            panic!("{name}: {e}");
        }
    }
}
