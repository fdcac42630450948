//! Scenario and package files of gasbuffer: TOML → checked types → the daily
//! [`gas_core::System`] for a dataset.
//!
//! A **scenario** says what happens (events: route cut-offs, LNG shortfalls,
//! outages, demand shocks, cold spells) over which period and how the engine
//! runs. A **package** is a named bundle of measures issued on a trigger
//! (sanctions: embargo, route status, price cap; contingencies: extra LNG,
//! more pipeline gas, fuel switching, demand reduction, storage targets,
//! strategic reserves, solidarity). A run is a scenario plus an ordered list
//! of packages; [`build()`] turns them and a [`gas_core::dataset::Dataset`] into
//! a [`gas_core::System`] and lists every applied override.
//!
//! ```
//! let text = r#"
//! name = "ns1-cut"
//! description = "Nord Stream 1 at 40 % from mid-June"
//!
//! [period]
//! start = 2022-04-01
//! end = 2023-03-31
//!
//! [triggers]
//! invasion = 2022-02-24
//!
//! [[events]]
//! type = "route_cutoff"
//! routes = ["NS1"]
//! share = 0.6
//! from = 2022-06-14
//! "#;
//! let scenario = gas_scenario::parse_scenario(text, "ns1-cut.toml").unwrap();
//! assert_eq!(scenario.period.days, 365);
//! assert_eq!(scenario.events.len(), 1);
//!
//! // Errors name file, line, column, key, what was expected and what was found.
//! let broken = text.replace("share = 0.6", "share = 1.5");
//! let errors = gas_scenario::parse_scenario(&broken, "ns1-cut.toml").unwrap_err();
//! assert_eq!(
//!     errors.0[0].to_string(),
//!     "ns1-cut.toml:15:9: events[0].share: expected a number between 0 and 1, found 1.5"
//! );
//! ```
//!
//! # Precedence
//!
//! Scenario events are applied first, in file order, then each package in
//! the order given, its measures in file order. For the same parameter of the
//! same component on the same day (a route's cut share, a zone-sector's demand
//! reduction, a storage target date, ...) the later one wins; additive measures
//! (extra LNG tranches, pipeline increases) add up. Every event and measure
//! appears in [`Built::applied`] with the earlier sources it overrode.
//!
//! # Assumptions
//!
//! The modelling assumptions of [`build()`] (prices, LNG tranches, production
//! band, curtailment penalties, ...) are listed in `docs/assumptions.md` of the
//! repository and in the docs of the [`mod@build`] module.
#![deny(missing_docs)]

pub mod build;
mod common;
pub mod errors;
pub mod location;
pub mod package;
pub mod presets;
mod reader;
pub mod scenario;
pub mod trigger;

pub use build::{build, AppliedOverride, Built, SupplyInfo, SupplyRef};
pub use common::{Carrier, Window, ZoneSel};
pub use errors::{FileError, FileErrors};
pub use location::{Loc, Located};
pub use package::{load_package, parse_package, Measure, MeasureKind, Package, TargetSpec};
pub use scenario::{
    is_scenario_text, load_scenario, parse_scenario, Curtailment, CutoffTarget, DatasetRef,
    DemandBasis, Event, EventKind, InitialFill, InitialStorage, Scenario,
};

/// Reads a file as UTF-8; a missing or unreadable file is a located error at line 0.
pub(crate) fn read_text(path: &std::path::Path) -> Result<String, FileErrors> {
    let label = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|error| {
        FileErrors(vec![FileError {
            file: label.clone(),
            line: 0,
            column: 0,
            key: String::new(),
            expected: "a readable file".into(),
            found: error.to_string(),
        }])
    })?;
    String::from_utf8(bytes).map_err(|error| {
        FileErrors(vec![FileError {
            file: label,
            line: 0,
            column: 0,
            key: String::new(),
            expected: "UTF-8 text".into(),
            found: format!("invalid UTF-8 at byte {}", error.utf8_error().valid_up_to()),
        }])
    })
}
