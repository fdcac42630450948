//! Result files of gasbuffer runs.
//!
//! Results are first turned into [`table::Table`]s (named, typed columns with
//! the unit in each column name), then written by one writer per format
//! ([`Format::Csv`], [`Format::Json`], [`Format::Parquet`]). Every file is written
//! atomically: to a temporary file in the same folder, flushed, then renamed, so
//! an interrupted run never leaves a half-written file under the final name.
//!
//! The schema of every table is documented in `docs/outputs.md`.
//!
//! ```
//! use gas_output::table::{Column, Table};
//! let table = Table::new("example", vec![
//!     Column::text("zone", vec!["DE".into(), "FR".into()]),
//!     Column::float("storage_twh", vec![Some(245.5), None]),
//! ]);
//! let mut csv = Vec::new();
//! gas_output::write::write_csv(&table, &mut csv).unwrap();
//! assert_eq!(String::from_utf8(csv).unwrap(), "zone,storage_twh\nDE,245.5\nFR,\n");
//! ```
#![deny(missing_docs)]

pub mod atomic;
pub mod paths;
pub mod table;
pub mod tables;
pub mod write;

pub use write::{write_table, Format, OutputError};
