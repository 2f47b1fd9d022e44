//! A **model** of daily ETH issuance. No provider publishes a daily issuance series, so
//! the page computes one and labels it "model".
//!
//! - Proof of work, before the Merge (2022-09-15): a constant
//!   [`POW_ISSUANCE_ETH_PER_DAY`] — 2 ETH per block at about 6,450–6,500 blocks a day plus
//!   uncle rewards, which put actual issuance at about 13,500–14,400 ETH/day.
//! - Proof of stake, from the Merge day on: the consensus-layer reward curve, yearly
//!   issuance ≈ [`POS_ISSUANCE_COEFFICIENT`] × √(ETH staked), spread evenly over
//!   365.25 days. The stake is CryptoQuant's "Total Value Staked", which is net of
//!   withdrawals (possible since the Shapella upgrade, 2023-04-12). 166.3 is the curve's
//!   value for perfect participation; real validators miss some rewards, so with these
//!   nominal parameters the model runs a few percent high (+5.1 % over the months from the
//!   Merge to 2024, +2.9 % over 2025's, against Coin Metrics).
//!
//! **Measured.** Coin Metrics publishes the supply (`SplyCur`) on the first day of each
//! month, so issuance over a month is measured as ΔSplyCur + the burn over that month
//! ([`measured_months`]). [`Calibration::fit`] calibrates both parameters on those
//! measurements — proof of work on the months before the Merge, the proof-of-stake
//! coefficient on the months from the Merge to 2024 — and validates the fit on 2025,
//! reporting the monthly errors of both periods ([`ErrorSummary`]) and an error band
//! (the calibration period's largest monthly error) the page can draw around the model.
//! On the snapshot's data the fit gives about 14,700 ETH/day and a coefficient of about
//! 158.3 (see the builder's golden tests for the errors); the page should quote the
//! computed values, not these.
//! [`ModelCheck::from_snapshot`] does all of it from the snapshot.
//!
//! Whoever formats a model total should state it to 3 significant figures: the monthly
//! errors are a few percent, so a fourth digit would claim a precision the model lacks.
//!
//! The Merge happened at 06:42 UTC on 2022-09-15; the model switches regime at the start
//! of that day.

use crate::snapshot::{ids, Series};
use crate::{Snapshot, SnapshotError};
use time::macros::date;
use time::{Date, Month};

/// EIP-1559 (London hard fork) went live: the burn starts.
pub const LONDON: Date = date!(2021 - 08 - 05);
/// The Merge: proof of stake replaces proof of work.
pub const MERGE: Date = date!(2022 - 09 - 15);
/// Nominal proof-of-work issuance, ETH per day (2 ETH per block plus uncles, rounded).
pub const POW_ISSUANCE_ETH_PER_DAY: f64 = 14_000.0;
/// Nominal yearly proof-of-stake issuance per √(ETH staked): the reward curve with
/// perfect participation.
pub const POS_ISSUANCE_COEFFICIENT: f64 = 166.3;
/// The proof-of-stake coefficient is calibrated on months that start on or before this
/// day (the Merge to December 2024) ...
pub const CALIBRATION_LAST_MONTH: Date = date!(2024 - 12 - 01);
/// ... and validated on the months of this year.
pub const VALIDATION_YEAR: i32 = 2025;
/// Days per year used to spread the yearly reward.
pub const DAYS_PER_YEAR: f64 = 365.25;

/// The two parameters of the issuance model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ModelParams {
    /// Issuance before the Merge, ETH per day.
    pub pow_eth_per_day: f64,
    /// Yearly issuance per √(ETH staked) from the Merge on.
    pub pos_coefficient: f64,
}

impl ModelParams {
    /// The nominal parameters ([`POW_ISSUANCE_ETH_PER_DAY`], [`POS_ISSUANCE_COEFFICIENT`]).
    pub const NOMINAL: Self = Self {
        pow_eth_per_day: POW_ISSUANCE_ETH_PER_DAY,
        pos_coefficient: POS_ISSUANCE_COEFFICIENT,
    };

    /// Modelled issuance on `date`, ETH; `staked_eth` is needed from the Merge on and a
    /// gap (or a negative stake) there gives a gap.
    pub fn issuance_eth_per_day(&self, date: Date, staked_eth: Option<f64>) -> Option<f64> {
        if date < MERGE {
            Some(self.pow_eth_per_day)
        } else {
            staked_eth
                .filter(|s| *s >= 0.0)
                .map(|s| self.pos_coefficient * s.sqrt() / DAYS_PER_YEAR)
        }
    }

    /// [`ModelParams::issuance_eth_per_day`] for each date.
    pub fn issuance_series(&self, dates: &[Date], staked_eth: &[Option<f64>]) -> Vec<Option<f64>> {
        dates
            .iter()
            .zip(staked_eth)
            .map(|(d, s)| self.issuance_eth_per_day(*d, *s))
            .collect()
    }
}

/// Modelled issuance on `date` with the [nominal](ModelParams::NOMINAL) parameters, ETH;
/// `staked_eth` is needed from the Merge on and a gap there gives a gap.
pub fn issuance_eth_per_day(date: Date, staked_eth: Option<f64>) -> Option<f64> {
    ModelParams::NOMINAL.issuance_eth_per_day(date, staked_eth)
}

/// [`issuance_eth_per_day`] for each date (nominal parameters).
pub fn issuance_series(dates: &[Date], staked_eth: &[Option<f64>]) -> Vec<Option<f64>> {
    ModelParams::NOMINAL.issuance_series(dates, staked_eth)
}

/// Net supply change per day: issuance − burn; a gap in either is a gap.
pub fn net_supply_change(issuance_eth: &[Option<f64>], burn_eth: &[Option<f64>]) -> Vec<Option<f64>> {
    issuance_eth
        .iter()
        .zip(burn_eth)
        .map(|(i, b)| Some((*i)? - (*b)?))
        .collect()
}

/// One calendar month of measured issuance, with what the model needs to price it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeasuredMonth {
    /// First day of the month.
    pub month: Date,
    /// Days in the month.
    pub days: u32,
    /// Days before the Merge (proof of work).
    pub pow_days: u32,
    /// Measured issuance over the month, ETH: supply on the first of the next month minus
    /// supply on the first of this one, plus the ETH burned on the days in between (zero
    /// before London, when nothing was burned). `None` if a burn day is missing.
    pub measured_eth: Option<f64>,
    /// Σ over the proof-of-stake days of √(ETH staked) / 365.25: the model's issuance
    /// per unit of the coefficient. `None` if a stake day is missing.
    pub stake_root_years: Option<f64>,
}

impl MeasuredMonth {
    /// The model's issuance over the month with `params`, ETH.
    pub fn modelled_eth(&self, params: &ModelParams) -> Option<f64> {
        let pos = if self.pow_days < self.days {
            params.pos_coefficient * self.stake_root_years?
        } else {
            0.0
        };
        Some(f64::from(self.pow_days) * params.pow_eth_per_day + pos)
    }

    /// Whether every day of the month is before the Merge.
    pub fn is_pow(&self) -> bool {
        self.pow_days == self.days
    }

    /// Whether every day of the month is on or after the Merge.
    pub fn is_pos(&self) -> bool {
        self.pow_days == 0
    }
}

/// The months for which the supply is known on the first day of the month and of the
/// next, in order: `supply` is the measured supply (Coin Metrics `SplyCur`, any dates; only
/// first-of-month points are used), `burn` and `staked` the daily series.
pub fn measured_months(supply: &Series, burn: &Series, staked: &Series) -> Vec<MeasuredMonth> {
    let mut out = Vec::new();
    for (&month, value) in supply.dates().iter().zip(supply.values()) {
        let (Some(start_supply), 1) = (*value, month.day()) else {
            continue;
        };
        let Some(next) = first_of_next_month(month) else {
            continue;
        };
        let Some(end_supply) = supply.value_on(next) else {
            continue;
        };
        let (mut days, mut pow_days) = (0u32, 0u32);
        let mut burned = Some(0.0);
        let mut roots = Some(0.0);
        let mut day = month;
        while day < next {
            days += 1;
            // Nothing was burned before EIP-1559.
            if day >= LONDON {
                burned = burned.zip(burn.value_on(day)).map(|(a, b)| a + b);
            }
            if day < MERGE {
                pow_days += 1;
            } else {
                let root = staked.value_on(day).filter(|s| *s >= 0.0).map(f64::sqrt);
                roots = roots.zip(root).map(|(a, r)| a + r / DAYS_PER_YEAR);
            }
            match day.next_day() {
                Some(d) => day = d,
                None => break,
            }
        }
        out.push(MeasuredMonth {
            month,
            days,
            pow_days,
            measured_eth: burned.map(|b| end_supply - start_supply + b),
            stake_root_years: roots,
        });
    }
    out
}

fn first_of_next_month(month: Date) -> Option<Date> {
    let (year, next) = match month.month() {
        Month::December => (month.year() + 1, Month::January),
        m => (month.year(), m.next()),
    };
    Date::from_calendar_date(year, next, 1).ok()
}

/// The model against the measurement for one month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MonthCheck {
    /// First day of the month.
    pub month: Date,
    /// Modelled issuance over the month, ETH.
    pub modelled_eth: Option<f64>,
    /// Measured issuance over the month, ETH.
    pub measured_eth: Option<f64>,
    /// (modelled / measured − 1) × 100; positive when the model is too high.
    pub error_pct: Option<f64>,
}

/// Each month's model with `params` against its measurement.
pub fn check_months(months: &[MeasuredMonth], params: &ModelParams) -> Vec<MonthCheck> {
    months
        .iter()
        .map(|m| {
            let modelled = m.modelled_eth(params);
            let measured = m.measured_eth;
            MonthCheck {
                month: m.month,
                modelled_eth: modelled,
                measured_eth: measured,
                error_pct: modelled
                    .zip(measured.filter(|v| *v > 0.0))
                    .map(|(a, b)| (a / b - 1.0) * 100.0),
            }
        })
        .collect()
}

/// How far the model is off over a set of months.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ErrorSummary {
    /// Months with both a model and a measurement.
    pub months: usize,
    /// First of those months.
    pub first: Date,
    /// Last of those months.
    pub last: Date,
    /// Mean of |monthly error|, %.
    pub mean_abs_pct: f64,
    /// Largest |monthly error|, %.
    pub max_abs_pct: f64,
    /// The month with the largest |error|.
    pub max_month: Date,
    /// Error of the period's total (Σ modelled / Σ measured − 1), %.
    pub total_pct: f64,
}

impl ErrorSummary {
    /// The summary of the checks for which `include` holds; `None` if none has both values.
    pub fn of(checks: &[MonthCheck], include: impl Fn(&MonthCheck) -> bool) -> Option<Self> {
        let rows: Vec<(Date, f64, f64, f64)> = checks
            .iter()
            .filter(|c| include(c))
            .filter_map(|c| Some((c.month, c.modelled_eth?, c.measured_eth?, c.error_pct?)))
            .collect();
        let (first, last) = (rows.first()?.0, rows.last()?.0);
        let (max_month, max_abs_pct) =
            rows.iter()
                .map(|r| (r.0, r.3.abs()))
                .fold((first, 0.0), |a, b| if b.1 > a.1 { b } else { a });
        let modelled: f64 = rows.iter().map(|r| r.1).sum();
        let measured: f64 = rows.iter().map(|r| r.2).sum();
        Some(Self {
            months: rows.len(),
            first,
            last,
            mean_abs_pct: rows.iter().map(|r| r.3.abs()).sum::<f64>() / rows.len() as f64,
            max_abs_pct,
            max_month,
            total_pct: (modelled / measured - 1.0) * 100.0,
        })
    }
}

/// The model calibrated on measured months, with its errors.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Calibration {
    /// The calibrated parameters.
    pub params: ModelParams,
    /// Proof of work: months entirely before the Merge (the calibration period of
    /// `pow_eth_per_day`).
    pub pow_fit: ErrorSummary,
    /// Proof of stake, calibration period: months entirely after the Merge up to
    /// [`CALIBRATION_LAST_MONTH`].
    pub pos_fit: ErrorSummary,
    /// Proof of stake, validation: the months of [`VALIDATION_YEAR`] (not used to fit);
    /// `None` if there are none.
    pub pos_validation: Option<ErrorSummary>,
    /// The same periods with the nominal parameters, for comparison.
    pub nominal_pos_fit: ErrorSummary,
    /// The nominal parameters on the validation months.
    pub nominal_pos_validation: Option<ErrorSummary>,
}

impl Calibration {
    /// Calibrates on `months` (those with a measurement): `pow_eth_per_day` = Σ measured /
    /// Σ days over the proof-of-work months, `pos_coefficient` = Σ measured / Σ √(stake)/365.25 over the proof-of-stake
    /// months up to [`CALIBRATION_LAST_MONTH`] — both match their period's total exactly,
    /// so the monthly errors are what remains. `None` without a complete month in either
    /// calibration period.
    pub fn fit(months: &[MeasuredMonth]) -> Option<Self> {
        let pow: Vec<(f64, f64)> = months
            .iter()
            .filter(|m| m.is_pow())
            .filter_map(|m| Some((m.measured_eth?, f64::from(m.days))))
            .collect();
        let pow_measured: f64 = pow.iter().map(|p| p.0).sum();
        let pow_days: f64 = pow.iter().map(|p| p.1).sum();
        let pos: Vec<(f64, f64)> = months
            .iter()
            .filter(|m| m.is_pos() && m.month <= CALIBRATION_LAST_MONTH)
            .filter_map(|m| Some((m.measured_eth?, m.stake_root_years?)))
            .collect();
        let pos_measured: f64 = pos.iter().map(|p| p.0).sum();
        let pos_units: f64 = pos.iter().map(|p| p.1).sum();
        if pow_days <= 0.0 || pos_units <= 0.0 {
            return None;
        }
        let params = ModelParams {
            pow_eth_per_day: pow_measured / pow_days,
            pos_coefficient: pos_measured / pos_units,
        };
        let is_pow = |m: &MeasuredMonth| m.is_pow();
        let in_fit = |m: &MeasuredMonth| m.is_pos() && m.month <= CALIBRATION_LAST_MONTH;
        let in_validation = |m: &MeasuredMonth| m.is_pos() && m.month.year() == VALIDATION_YEAR;
        let summary = |p: &ModelParams, keep: &dyn Fn(&MeasuredMonth) -> bool| {
            let chosen: Vec<MeasuredMonth> = months.iter().filter(|m| keep(m)).copied().collect();
            ErrorSummary::of(&check_months(&chosen, p), |_| true)
        };
        Some(Self {
            params,
            pow_fit: summary(&params, &is_pow)?,
            pos_fit: summary(&params, &in_fit)?,
            pos_validation: summary(&params, &in_validation),
            nominal_pos_fit: summary(&ModelParams::NOMINAL, &in_fit)?,
            nominal_pos_validation: summary(&ModelParams::NOMINAL, &in_validation),
        })
    }

    /// Half-width of the error band to draw around the calibrated proof-of-stake model, %:
    /// the calibration period's largest monthly error.
    pub fn band_pct(&self) -> f64 {
        self.pos_fit.max_abs_pct
    }

    /// Half-width of the error band on `day`, %: proof of work's largest monthly error
    /// before the Merge, [`Self::band_pct`] from it on.
    pub fn band_pct_on(&self, day: Date) -> f64 {
        if day < MERGE {
            self.pow_fit.max_abs_pct
        } else {
            self.band_pct()
        }
    }

    /// `(low, high)` of the band around a modelled value.
    pub fn band(&self, modelled: f64) -> (f64, f64) {
        let k = self.band_pct() / 100.0;
        (modelled * (1.0 - k), modelled * (1.0 + k))
    }
}

/// The model measured against Coin Metrics' supply, from the snapshot.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelCheck {
    /// The measured months.
    pub months: Vec<MeasuredMonth>,
    /// The calibration and its errors; `None` if the snapshot has too few months.
    pub calibration: Option<Calibration>,
    /// Each month against the calibrated model (the nominal one if uncalibrated).
    pub checks: Vec<MonthCheck>,
}

impl ModelCheck {
    /// Reads the supply ([`ids::ETH_SUPPLY_CM`]), burn and stake series of `snapshot`.
    ///
    /// # Errors
    /// The error of a missing or invalid series.
    pub fn from_snapshot(snapshot: &Snapshot) -> Result<Self, SnapshotError> {
        let months = measured_months(
            snapshot.series(ids::ETH_SUPPLY_CM)?,
            snapshot.series(ids::ETH_BURN)?,
            snapshot.series(ids::ETH_STAKED)?,
        );
        let calibration = Calibration::fit(&months);
        let params = calibration.map_or(ModelParams::NOMINAL, |c| c.params);
        let checks = check_months(&months, &params);
        Ok(Self {
            months,
            calibration,
            checks,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{Axis, Meta};

    fn series(dates: Vec<Date>, values: Vec<Option<f64>>) -> Series {
        let meta = Meta {
            label: "t".into(),
            unit: "ETH".into(),
            provider: "p".into(),
            last_provisional: false,
            note: None,
        };
        Series::new("t", meta, Axis::new("t", dates).unwrap(), values).unwrap()
    }

    const TRUE_POW: f64 = 14_500.0;
    const TRUE_K: f64 = 160.0;
    const STAKE: f64 = 36.0e6; // √ = 6,000
    const BURN: f64 = 100.0;

    /// Daily burn and stake from 2022-07-01 to 2025-03-31 and a supply on the first of
    /// each month that grows exactly as a model with TRUE_POW and TRUE_K says.
    fn constructed() -> (Series, Series, Series) {
        let mut days = Vec::new();
        let mut d = date!(2022 - 07 - 01);
        while d <= date!(2025 - 03 - 31) {
            days.push(d);
            d = d.next_day().unwrap();
        }
        let truth = ModelParams {
            pow_eth_per_day: TRUE_POW,
            pos_coefficient: TRUE_K,
        };
        let (mut firsts, mut supply) = (Vec::new(), Vec::new());
        let mut total = 120.0e6;
        for d in &days {
            if d.day() == 1 {
                firsts.push(*d);
                supply.push(Some(total));
            }
            total += truth.issuance_eth_per_day(*d, Some(STAKE)).unwrap() - BURN;
        }
        // A mid-month reading (as Coin Metrics' 2025-12-20) is not a month boundary.
        firsts.push(date!(2025 - 03 - 20));
        supply.push(Some(total));
        let n = days.len();
        (
            series(firsts, supply),
            series(days.clone(), vec![Some(BURN); n]),
            series(days, vec![Some(STAKE); n]),
        )
    }

    #[test]
    fn measured_month_is_supply_change_plus_burn() {
        let (supply, burn, staked) = constructed();
        let months = measured_months(&supply, &burn, &staked);
        assert_eq!(
            months.len(),
            32,
            "2022-07 .. 2025-02: the last month has no end reading"
        );
        let july = months[0];
        assert_eq!(
            (july.month, july.days, july.pow_days),
            (date!(2022 - 07 - 01), 31, 31)
        );
        assert!((july.measured_eth.unwrap() - 31.0 * TRUE_POW).abs() < 1e-6);
        let sept = months[2];
        assert_eq!((sept.days, sept.pow_days), (30, 14));
        assert!(!sept.is_pow() && !sept.is_pos());
        let jan = months.iter().find(|m| m.month == date!(2025 - 01 - 01)).unwrap();
        let expected = 31.0 * TRUE_K * 6000.0 / DAYS_PER_YEAR;
        assert!((jan.measured_eth.unwrap() - expected).abs() < 1e-6);
        assert!((jan.modelled_eth(&ModelParams::NOMINAL).unwrap() / expected - 166.3 / 160.0).abs() < 1e-12);
    }

    #[test]
    fn calibration_recovers_the_parameters_and_validates() {
        let (supply, burn, staked) = constructed();
        let c = Calibration::fit(&measured_months(&supply, &burn, &staked)).unwrap();
        assert!((c.params.pow_eth_per_day - TRUE_POW).abs() < 1e-6, "{c:?}");
        assert!((c.params.pos_coefficient - TRUE_K).abs() < 1e-9, "{c:?}");
        assert_eq!(c.pow_fit.months, 2);
        assert_eq!(
            (c.pos_fit.first, c.pos_fit.last),
            (date!(2022 - 10 - 01), date!(2024 - 12 - 01))
        );
        assert_eq!(c.pos_fit.months, 27);
        let v = c.pos_validation.unwrap();
        assert_eq!(
            (v.months, v.first, v.last),
            (2, date!(2025 - 01 - 01), date!(2025 - 02 - 01))
        );
        assert!(c.pos_fit.max_abs_pct < 1e-9 && v.max_abs_pct < 1e-9, "{c:?}");
        // The nominal coefficient is 166.3 / 160 − 1 = 3.94 % too high on every month.
        let nominal = c.nominal_pos_validation.unwrap();
        assert!((nominal.mean_abs_pct - (166.3 / 160.0 - 1.0) * 100.0).abs() < 1e-9);
        assert!((nominal.total_pct - nominal.max_abs_pct).abs() < 1e-9);
        let (lo, hi) = c.band(1000.0);
        assert!(lo <= 1000.0 && hi >= 1000.0);
    }

    #[test]
    fn a_missing_burn_day_leaves_its_month_out_of_the_fit() {
        let (supply, burn, staked) = constructed();
        let mut values = burn.values().to_vec();
        let i = burn.dates().binary_search(&date!(2023 - 05 - 10)).unwrap();
        values[i] = None;
        let burn = series(burn.dates().to_vec(), values);
        let months = measured_months(&supply, &burn, &staked);
        let may = months.iter().find(|m| m.month == date!(2023 - 05 - 01)).unwrap();
        assert_eq!(may.measured_eth, None);
        let checks = check_months(&months, &ModelParams::NOMINAL);
        let may = checks.iter().find(|m| m.month == date!(2023 - 05 - 01)).unwrap();
        assert_eq!((may.measured_eth, may.error_pct), (None, None));
        assert!(may.modelled_eth.is_some());
        let c = Calibration::fit(&months).unwrap();
        assert_eq!(c.pos_fit.months, 26);
        assert!((c.params.pos_coefficient - TRUE_K).abs() < 1e-9);
    }

    #[test]
    fn error_summary_of_nothing_is_none() {
        assert_eq!(ErrorSummary::of(&[], |_| true), None);
    }

    #[test]
    fn regime_switches_on_merge_day() {
        let before = date!(2022 - 09 - 14);
        assert_eq!(issuance_eth_per_day(before, None), Some(14_000.0));
        assert_eq!(issuance_eth_per_day(MERGE, None), None);
        // 14M ETH staked at the Merge: 166.3 × √14e6 / 365.25 ≈ 1,704 ETH/day.
        let at_merge = issuance_eth_per_day(MERGE, Some(14.0e6)).unwrap();
        assert!((at_merge - 1703.6).abs() < 1.0, "{at_merge}");
        // The Merge cut issuance by roughly 88%.
        assert!(at_merge / POW_ISSUANCE_ETH_PER_DAY < 0.13);
    }

    #[test]
    fn issuance_grows_with_the_square_root_of_stake() {
        let a = issuance_eth_per_day(MERGE, Some(9.0e6)).unwrap();
        let b = issuance_eth_per_day(MERGE, Some(36.0e6)).unwrap();
        assert!((b / a - 2.0).abs() < 1e-12);
    }

    #[test]
    fn net_supply_is_issuance_minus_burn() {
        let net = net_supply_change(
            &[Some(2600.0), Some(2600.0), None],
            &[Some(100.0), None, Some(1.0)],
        );
        assert_eq!(net, vec![Some(2500.0), None, None]);
        let dates = [date!(2022 - 09 - 14), MERGE];
        assert_eq!(issuance_series(&dates, &[None, None]), vec![Some(14_000.0), None]);
    }
}
