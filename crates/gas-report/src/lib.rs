//! Self-contained HTML reports of gasbuffer runs: inline SVG charts and CSS,
//! no scripts, fonts or anything else fetched from the network.
//!
//! - [`render_run_report`]: one run (storage fill against targets and
//!   observations, tile maps of buffer days and unserved share, unserved
//!   demand by zone and month and by sector, weekly supply mix, cost ledger);
//! - [`render_compare_report`]: a package x scenario matrix (one coloured
//!   table per headline figure, and charts).
//!
//! The charts are drawn by the small builders in [`charts`] with the
//! colour-blind-safe colours of [`palette`]; [`figures`] turns a run into
//! figures (the web app shows the same ones). Output is deterministic: the
//! same run gives the same bytes.
//!
//! ```
//! use gas_report::charts::bars::{bar_chart, BarChart, BarGroup};
//! let svg = bar_chart(&BarChart {
//!     title: "Unserved demand".into(),
//!     x_label: "TWh".into(),
//!     series: vec![("EU".into(), "#0072B2".into())],
//!     groups: vec![BarGroup { label: "industry".into(), values: vec![12.5] }],
//!     decimals: 1,
//! });
//! assert!(svg.starts_with("<svg") && svg.contains("12.5"));
//! ```
#![deny(missing_docs)]

pub mod charts;
pub mod figures;
pub mod palette;
pub mod report;

pub use figures::{run_figures, Figure};
pub use report::{render_compare_report, render_run_report, run_body, CSS};

#[cfg(test)]
mod tests;
