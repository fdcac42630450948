//! Metrics and economics of a dispatch run.
//!
//! Two families of figures, both pure functions of a [`System`] and the
//! [`Results`] of solving it:
//!
//! - [`kpi`]: per-zone key figures (buffer days, unserved energy by sector,
//!   minimum fill and its date, fill on 1 November, peak shadow price) and
//!   their totals over a group of zones (the EU);
//! - [`ledger`]: volumes and money by origin and route: Russia's export
//!   revenue, the import bill, US LNG revenue, the cost of curtailment, and
//!   the change a package makes against the do-nothing run.
//!
//! Units: energy totals in TWh, money in million EUR (`GWh x EUR/MWh = kEUR`,
//! divided by 1000).
//!
//! ```
//! use gas_metrics::ledger::MEUR_PER_GWH_EUR_MWH;
//! // 1 TWh bought at 100 EUR/MWh costs 100 million EUR.
//! assert_eq!(1000.0 * 100.0 * MEUR_PER_GWH_EUR_MWH, 100.0);
//! ```
#![deny(missing_docs)]

pub mod kpi;
pub mod ledger;

pub use gas_core::{Results, System};

#[cfg(test)]
mod test_support;
