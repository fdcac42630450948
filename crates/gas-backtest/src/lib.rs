//! Backtest of gasbuffer against what happened in 2021-2023.
//!
//! [`run::run`] builds a scenario (normally `scenarios/actual-2022.toml`),
//! fixes its imports, LNG send-out and production to the observed series
//! ([`replay`]), dispatches it and [`compare::compare`]s the simulated storage
//! fill with the observed fill of `storage_levels.csv` ([`observe`]); the
//! [`output`] module writes `backtest.csv`, the error table and an SVG/HTML
//! chart. The method and its assumptions are in `docs/validation.md`.
//!
//! ```
//! use chrono::NaiveDate;
//! use gas_backtest::compare::{zone_stats, BacktestRow};
//!
//! let day = |d| NaiveDate::from_ymd_opt(2022, 11, d).unwrap();
//! let row = |d, observed: f64, simulated: f64| BacktestRow {
//!     date: day(d),
//!     zone: "EU".into(),
//!     observed_fill_pct: observed,
//!     simulated_fill_pct: simulated,
//!     error_pp: simulated - observed,
//! };
//! // Errors +1 and -3: mean absolute error 2, worst -3 on 2 November.
//! let stats = zone_stats("EU", true, 1100.0, &[row(1, 95.0, 96.0), row(2, 95.0, 92.0)], &[day(1)]).unwrap();
//! assert_eq!(stats.mean_abs_error_pp, 2.0);
//! assert_eq!(stats.worst, (-3.0, day(2)));
//! assert_eq!(stats.key_dates[0].error_pp, Some(1.0));
//! ```
#![deny(missing_docs)]

pub mod compare;
pub mod observe;
pub mod output;
pub mod replay;
pub mod run;

pub use compare::{compare, BacktestRow, BacktestTable, KeyDateError, ZoneStats, KEY_DATES};
pub use observe::{Observation, Observations, EU};
pub use run::{run, Backtest, BacktestError, ZoneCurtailment};
