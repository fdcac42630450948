//! The library API that the `gasbuffer` command line and the web app share.
//!
//! A run goes: load the scenario and package files ([`inputs`]), load the
//! dataset they name ([`inputs::load_dataset_for`]), build the daily system
//! ([`gas_scenario::build()`]), dispatch it ([`gas_model::run_with`]), measure it
//! ([`gas_metrics`]) and, when packages were applied, run the same scenario
//! without them to price each package against doing nothing ([`run::run`]).
//! [`mod@write`] turns a [`run::RunOutcome`] into result files and `summary.json`.
//!
//! The front ends only parse arguments and print; no model logic lives there.
#![deny(missing_docs)]

pub mod compare;
pub mod error;
pub mod inputs;
pub mod run;
pub mod solver;
pub mod write;

pub use error::AppError;
pub use run::{run, RunOutcome};
