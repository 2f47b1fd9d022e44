//! Build failures and the report of rows the builder set aside.

use std::fmt;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Where in a file something was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Location {
    /// The file as a whole.
    File,
    /// 1-based line of a text file (line 1 is the header).
    Line(u64),
    /// 0-based entry of a JSON array, for one-line JSON files.
    Entry(usize),
}

impl Location {
    /// The location in words: `line 7`, `entry 3`, `the file`.
    pub fn describe(&self) -> String {
        match self {
            Self::File => "the file".to_owned(),
            Self::Line(n) => format!("line {n}"),
            Self::Entry(i) => format!("entry {i}"),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File => Ok(()),
            Self::Line(n) => write!(f, ":{n}"),
            Self::Entry(i) => write!(f, " entry {i}"),
        }
    }
}

/// A hard error: the build stops and writes nothing.
#[derive(Debug, Error)]
#[error("{}{location}: {reason}", file.display())]
pub struct BuildError {
    /// The input file at fault.
    pub file: PathBuf,
    /// Where in it.
    pub location: Location,
    /// What is wrong, in words.
    pub reason: String,
}

impl BuildError {
    /// An error at `location` of `file`.
    pub fn new(file: &Path, location: Location, reason: impl Into<String>) -> Self {
        Self {
            file: file.to_path_buf(),
            location,
            reason: reason.into(),
        }
    }
}

/// A row that was dropped or changed status, with why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Notice {
    /// The input file.
    pub file: PathBuf,
    /// Where in it.
    pub location: Location,
    /// What happened to the row and why.
    pub reason: String,
}

/// Every notice of one build, in the order found.
#[derive(Debug, Default)]
pub struct Report {
    notices: Vec<Notice>,
}

impl Report {
    /// Records a notice.
    pub fn note(&mut self, file: &Path, location: Location, reason: impl Into<String>) {
        self.notices.push(Notice {
            file: file.to_path_buf(),
            location,
            reason: reason.into(),
        });
    }

    /// All notices.
    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// Notices of one file with one reason, for tests and summaries.
    pub fn count(&self, file_name: &str, reason_prefix: &str) -> usize {
        self.notices
            .iter()
            .filter(|n| n.file.ends_with(file_name) && n.reason.starts_with(reason_prefix))
            .count()
    }

    /// Human summary: per file and reason, the count and the lines, runs of consecutive
    /// lines written as ranges (`2-1462`).
    pub fn summary(&self) -> String {
        use std::collections::BTreeMap;
        let mut groups: BTreeMap<(String, &str), Vec<Location>> = BTreeMap::new();
        for n in &self.notices {
            groups
                .entry((n.file.display().to_string(), n.reason.as_str()))
                .or_default()
                .push(n.location);
        }
        let mut out = String::new();
        for ((file, reason), locations) in groups {
            out.push_str(&format!(
                "{file}: {} row(s): {reason} [{}]\n",
                locations.len(),
                compress(&locations)
            ));
        }
        out
    }
}

fn compress(locations: &[Location]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut run: Option<(u64, u64, bool)> = None; // (first, last, is_line)
    let flush = |run: Option<(u64, u64, bool)>, parts: &mut Vec<String>| {
        if let Some((a, b, is_line)) = run {
            let prefix = if is_line { "line " } else { "entry " };
            parts.push(if a == b {
                format!("{prefix}{a}")
            } else {
                format!("{prefix}{a}-{b}")
            });
        }
    };
    for loc in locations {
        let (n, is_line) = match loc {
            Location::Line(n) => (*n, true),
            Location::Entry(i) => (*i as u64, false),
            Location::File => continue,
        };
        run = match run {
            Some((a, b, l)) if l == is_line && n == b + 1 => Some((a, n, l)),
            other => {
                flush(other, &mut parts);
                Some((n, n, is_line))
            }
        };
    }
    flush(run, &mut parts);
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_groups_runs_of_lines() {
        let mut r = Report::default();
        let f = Path::new("raw/fred/DGS10.csv");
        for line in [3, 4, 5, 9] {
            r.note(f, Location::Line(line), "blank value");
        }
        assert_eq!(
            r.summary(),
            "raw/fred/DGS10.csv: 4 row(s): blank value [line 3-5, line 9]\n"
        );
        assert_eq!(r.count("DGS10.csv", "blank"), 4);
    }

    #[test]
    fn error_names_file_line_and_reason() {
        let e = BuildError::new(Path::new("a/b.csv"), Location::Line(7), "bad number `x`");
        assert_eq!(e.to_string(), "a/b.csv:7: bad number `x`");
        let e = BuildError::new(Path::new("p.json"), Location::Entry(3), "null");
        assert_eq!(e.to_string(), "p.json entry 3: null");
    }
}
