//! What can be wrong with a snapshot, in words a reader of the page can follow.
//!
//! `Display` (and [`SnapshotError::reader_message`]) is the sentence the page shows: it
//! names the series in plain words and never quotes the parser. The parser's own words
//! (line, column, expected token) are kept for developers in [`SnapshotError::detail`].
//!
//! Errors of the whole file (`Unreadable`, `Schema`, `Modified`, `Empty`) come from
//! [`super::Snapshot::from_text`]; the others belong to one series or flow table and come
//! from [`super::Snapshot::series`] / [`super::Snapshot::flows`] (or from the
//! constructors the builder uses).

use super::bounds::reader_name;
use std::fmt;
use thiserror::Error;

/// What is wrong with a file that cannot be read at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    /// No content.
    Empty,
    /// The file ends before its closing `end` line (a truncated download).
    Truncated,
    /// Not a snapshot file at all (an HTML error page, another format).
    NotSnapshot,
    /// A snapshot file whose first line or header is not laid out as the format says.
    Layout,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FileProblem::Empty => "it is empty",
            FileProblem::Truncated => "it ends too early",
            FileProblem::NotSnapshot => "it is not a snapshot file",
            FileProblem::Layout => "it does not have the layout this page reads",
        })
    }
}

/// Why a snapshot, or one series of it, cannot be used.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SnapshotError {
    /// The file cannot be read as a snapshot at all.
    #[error("The data file is damaged or incomplete ({problem}), so no chart can be drawn.")]
    Unreadable {
        /// What kind of damage.
        problem: FileProblem,
        /// The parser's message, for developers.
        detail: String,
    },
    /// The file was written for another schema version.
    #[error(
        "The data file was written for another version of this page (schema version {found}; \
         this page reads version {expected}), so no chart can be drawn."
    )]
    Schema {
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        expected: u32,
    },
    /// The file's content does not match its `content_sha256`: it was changed after the
    /// builder wrote it (or carries no checksum at all).
    #[error("{}", modified_message(.stated))]
    Modified {
        /// The checksum the file states (empty when it states none).
        stated: String,
        /// The checksum of its content.
        computed: String,
    },
    /// A date that is not `YYYY-MM-DD` where a series needs one.
    #[error("{}", damaged(.context, &format!("the date `{text}` is not a calendar date")))]
    BadDate {
        /// The series or table key.
        context: String,
        /// The offending text.
        text: String,
    },
    /// A day step that is not a whole number of days ≥ 1.
    #[error("{}", damaged(.series, &format!("day step {} at position {position}", minus(.text))))]
    BadStep {
        /// Series or table key.
        series: String,
        /// 1-based position of the step in `day_steps` (the date it leads to).
        position: usize,
        /// The step as written.
        text: String,
    },
    /// A series or table whose parts are not laid out as the schema says.
    #[error("{}", damaged(.series, "it does not have the layout this page reads"))]
    Layout {
        /// Series or table key.
        series: String,
        /// The parser's message, for developers.
        detail: String,
    },
    /// Columns of one series disagree in length.
    #[error("{}", damaged(.series, &format!("its {what} column has {found} entries for {expected} dates")))]
    Length {
        /// Series id.
        series: String,
        /// Which column.
        what: String,
        /// Its length.
        found: usize,
        /// The length of the date axis.
        expected: usize,
    },
    /// Dates that do not strictly increase.
    #[error("{}", damaged(.series, &format!("its dates do not increase at entry {index}")))]
    Unsorted {
        /// Series id.
        series: String,
        /// Index of the offending date.
        index: usize,
    },
    /// NaN or infinity in a column built in code.
    #[error("{}", damaged(.series, &format!("the value on {date} is not a finite number")))]
    NonFinite {
        /// Series id.
        series: String,
        /// Date of the value.
        date: String,
    },
    /// More unusable values than a series may have set aside as gaps.
    #[error(
        "{}",
        damaged(.series, &format!("{count} of its {entries} {} are unusable, for example {example}", entries_word(.series)))
    )]
    TooManySetAside {
        /// Series or table key.
        series: String,
        /// Values (or flow rows) that would have to be set aside.
        count: usize,
        /// Entries in the series.
        entries: usize,
        /// The first of them, described.
        example: String,
    },
    /// A series whose dates run past the file's `as_of` (which another part confirms).
    #[error("{}", damaged(.series, &format!("its dates run to {last}, after the file's own date, {as_of}")))]
    PastAsOf {
        /// Series or table key.
        series: String,
        /// Its last date.
        last: String,
        /// The file's `as_of`.
        as_of: String,
    },
    /// A series whose every value is a gap.
    #[error("The {} in the data file has no values, only gaps, so this chart can't be drawn.", reader_name(.0))]
    NoValues(String),
    /// A series credits a provider the file does not describe.
    #[error(
        "The {} in the data file credits a provider (`{provider}`) the file does not describe, \
         so this chart can't be drawn.",
        reader_name(.series)
    )]
    UnknownProvider {
        /// Series id.
        series: String,
        /// The unknown provider id.
        provider: String,
    },
    /// The series is not in the file.
    #[error("the data file has no series `{0}`")]
    MissingSeries(String),
    /// A series or table with no dates at all.
    #[error("The {} in the data file has no dates, so this chart can't be drawn.", reader_name(.0))]
    NoData(String),
    /// A snapshot with no series at all.
    #[error("The data file holds no observations, so no chart can be drawn.")]
    Empty,
}

impl SnapshotError {
    /// The sentence to show a reader (the same as `Display`).
    pub fn reader_message(&self) -> String {
        self.to_string()
    }

    /// Technical detail for developers (the console): the parser's message where there is
    /// one, else the error's fields.
    pub fn detail(&self) -> String {
        match self {
            SnapshotError::Unreadable { detail, .. } | SnapshotError::Layout { detail, .. } => detail.clone(),
            SnapshotError::Modified { stated, computed } => {
                format!("content_sha256 states `{stated}`, the content hashes to `{computed}`")
            }
            other => format!("{other:?}"),
        }
    }

    /// Whether this error concerns the whole file rather than one series.
    pub fn is_whole_file(&self) -> bool {
        matches!(
            self,
            SnapshotError::Unreadable { .. }
                | SnapshotError::Schema { .. }
                | SnapshotError::Modified { .. }
                | SnapshotError::Empty
        )
    }
}

fn damaged(key: &str, why: &str) -> String {
    format!(
        "The {} in the data file is damaged ({why}), so this chart can't be drawn.",
        reader_name(key)
    )
}

/// What one entry of a series or table is called.
fn entries_word(key: &str) -> &'static str {
    if key.starts_with("etf_flows.") {
        "days"
    } else {
        "values"
    }
}

fn minus(text: &str) -> String {
    text.replace('-', "−")
}

fn modified_message(stated: &str) -> String {
    if stated.is_empty() {
        "The data file carries no checksum, so it cannot be told apart from a modified copy; \
         no chart is drawn from it."
            .to_owned()
    } else {
        "The data file was modified after it was built (its content no longer matches its \
         checksum), so no chart is drawn from it."
            .to_owned()
    }
}
