//! Dataset folders <-> [`gas_core::dataset::Dataset`]: reading with located
//! errors, validation, deterministic writing, summaries and importers for the
//! public sources users download themselves (GIE AGSI+, ENTSOG, Eurostat).
//!
//! A dataset folder holds one CSV file per table (`zones.csv`,
//! `interconnectors.csv`, ...; see `data/README.md` in the repository), with
//! the unit of each quantity in its column name. [`load_dataset`] reads and
//! checks all of them and reports every problem with its file, line and column:
//!
//! ```
//! use gas_io::{load_dataset, write_dataset};
//! let dir = tempfile_dir("gas-io-doc-crate");
//! // A folder without any of the files: one error that says so.
//! let errors = load_dataset(&dir).unwrap_err();
//! assert!(errors.to_string().ends_with("found \"a folder without any of the dataset's 18 files (sources.csv, zones.csv, origins.csv, ...)\"\n1 input error"));
//! // The bundled dataset loads, and writes back to a folder that loads the same.
//! let bundled = gas_io::load_bundled().expect("the bundled dataset is valid");
//! write_dataset(&bundled, &dir).unwrap();
//! assert_eq!(load_dataset(&dir).unwrap(), bundled);
//! # fn tempfile_dir(name: &str) -> std::path::PathBuf {
//! #     let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
//! #     let _ = std::fs::remove_dir_all(&dir);
//! #     std::fs::create_dir_all(&dir).unwrap();
//! #     dir
//! # }
//! ```
//!
//! Errors display like
//! `data/interconnectors.csv:17: capacity_gwh_d: expected non-negative number, found "-3"`.
#![deny(missing_docs)]

mod error;
pub mod import;
pub mod limits;
mod lines;
mod read;
mod summary;
mod table;
mod tables;
mod validate;
mod write;

pub use error::{InputError, InputErrors};
pub use read::{bundled_dataset_dir, dataset_folder_problem, load_bundled, load_dataset};
pub use summary::{
    check_dataset, summarize, DatasetSummary, FlowTotal, RouteSummary, TableCount, ZoneSummary,
    ZoneYear,
};
pub use tables::TABLE_FILES;
pub use validate::validate_dataset;
pub use write::{dataset_fingerprint, write_dataset};
