//! What can be wrong with a snapshot, in words a reader of the page can follow.

use thiserror::Error;

/// Why a snapshot, or one series of it, cannot be used.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SnapshotError {
    /// The file is not JSON of the snapshot schema.
    #[error("the data file is malformed: {0}")]
    Json(String),
    /// The file was written for another schema version.
    #[error("the data file has schema version {found}; this page reads version {expected}")]
    Schema {
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        expected: u32,
    },
    /// A date that is not `YYYY-MM-DD`.
    #[error("{context}: `{text}` is not a YYYY-MM-DD date")]
    BadDate {
        /// Where the date was found.
        context: String,
        /// The offending text.
        text: String,
    },
    /// Columns of one series disagree in length.
    #[error("{series}: {what} has {found} entries, expected {expected}")]
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
    /// A date step of zero (duplicate) or an axis out of range.
    #[error("{series}: dates are not strictly increasing at entry {index}")]
    Unsorted {
        /// Series id.
        series: String,
        /// Index of the offending date.
        index: usize,
    },
    /// NaN or infinity in the data.
    #[error("{series}: value at {date} is not a finite number")]
    NonFinite {
        /// Series id.
        series: String,
        /// Date of the value.
        date: String,
    },
    /// Stated first/last dates disagree with the axis.
    #[error("{series}: metadata says {field} is {stated}, the data say {actual}")]
    MetaMismatch {
        /// Series id.
        series: String,
        /// `first` or `last`.
        field: String,
        /// What the metadata say.
        stated: String,
        /// What the axis says.
        actual: String,
    },
    /// A series credits a provider the file does not describe.
    #[error("{series}: provider `{provider}` is not described in the data file")]
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
    #[error("{0}: no observations")]
    NoData(String),
    /// A snapshot with no series at all.
    #[error("the data file holds no observations")]
    Empty,
}
