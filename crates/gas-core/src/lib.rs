//! Domain types of gasbuffer: units, identifiers, the daily [`system::System`]
//! that the dispatch engine solves, and the [`results::Results`] it produces.
//!
//! This crate knows nothing of files, linear programs or HTTP.
//!
//! ```
//! use gas_core::units::{Days, GwhPerDay, Twh};
//! // A zone drawing 50 GWh/d for 20 days uses 1 TWh.
//! assert_eq!(Twh::from(GwhPerDay(50.0) * Days(20)), Twh(1.0));
//! ```
#![deny(missing_docs)]

pub mod dataset;
pub mod ids;
pub mod period;
pub mod results;
pub mod sector;
pub mod system;
pub mod text;
pub mod units;
pub mod validate;

pub use ids::*;
pub use period::Period;
pub use results::{Results, RunStatus};
pub use sector::Sector;
pub use system::System;
