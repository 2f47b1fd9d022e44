//! Pure core of the crypto-repricing explainer.
//!
//! Everything the page plots is computed here, from one validated [`Snapshot`]:
//! no web, no canvas, no I/O. The crate compiles for the host (fast tests) and for
//! `wasm32-unknown-unknown` (the Leptos app), and the snapshot builder links it to
//! write the very schema the app reads.
//!
//! Data flow: [`snapshot::raw`] (serde mirror of the JSON) → [`Snapshot`] (validated:
//! sorted unique dates, finite values or explicit gaps) → transforms in [`stats`],
//! [`align`], [`resample`], [`fees`] and the [`issuance`] model, each a pure function;
//! [`analysis`] holds the findings the page states in words (regimes, lead–lag, the event lens).

pub mod align;
pub mod analysis;
pub mod date;
pub mod fees;
pub mod issuance;
pub mod order;
pub mod resample;
pub mod snapshot;
pub mod stats;
#[cfg(test)]
mod testing;
pub mod text;
pub mod views;

pub use snapshot::{FlowTable, Series, Snapshot, SnapshotError};
pub use time;
pub use time::Date;
