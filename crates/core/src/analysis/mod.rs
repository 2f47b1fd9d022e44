//! Analyses the page states in words: each module is a pure function of aligned columns
//! with its rule written in its doc comment (the page states the same rule to the reader).
//!
//! - [`regimes`]: stretches of market days on which one rolling correlation is
//!   *significantly* above another (their 95 % intervals do not overlap) for at least a
//!   minimum number of consecutive days.
//! - [`leadlag`]: the cross-correlation of daily ETF net flows with the coin's daily log
//!   returns at lags −10 … +10 flow days, with the band expected under no correlation, and
//!   a summary that names a lag only where one stands outside that band.
//! - [`lens`]: an event date seen through windows of N market days before and after it —
//!   net flows, bitcoin's return, the mean daily ETH burn and rolling correlations — where
//!   a series that does not cover a window whole yields a typed reason, never a number
//!   from part of the window.
//!
//! Nothing here formats text: results are typed facts (dates, counts, values, reasons)
//! that the views turn into message ids.

pub mod leadlag;
pub mod lens;
pub mod regimes;
