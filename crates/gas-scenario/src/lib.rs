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
    String::from_utf8(bytes)
        .map_err(|error| FileErrors(vec![not_utf8(label, error.as_bytes(), error.utf8_error())]))
}

/// The error of a file that is not UTF-8: UTF-16 or UTF-32 text, told by its
/// byte-order mark (spreadsheets and some editors save "Unicode text" so), or
/// an invalid byte, located by line and column like every other error.
fn not_utf8(file: String, bytes: &[u8], error: std::str::Utf8Error) -> FileError {
    if let Some(encoding) = gas_core::text::unicode_bom_encoding(bytes) {
        return FileError {
            file,
            line: 0,
            column: 0,
            key: String::new(),
            expected: "UTF-8 text (save the file as UTF-8)".into(),
            found: format!("{encoding} text"),
        };
    }
    let at = error.valid_up_to();
    let before = &bytes[..at];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    FileError {
        file,
        line: before.iter().filter(|&&b| b == b'\n').count() + 1,
        column,
        key: String::new(),
        expected: "UTF-8 text".into(),
        found: format!("a byte that is not UTF-8 (0x{:02X})", bytes[at]),
    }
}

#[cfg(test)]
mod tests {
    /// The message `load_scenario` gives for a file of `bytes` (not UTF-8), named `s.toml`.
    fn message(bytes: &[u8]) -> String {
        let dir = std::env::temp_dir().join(format!(
            "gas-scenario-utf8-{}-{}",
            std::process::id(),
            bytes.len()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("s.toml");
        std::fs::write(&path, bytes).unwrap();
        let errors = crate::load_scenario(&path).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        errors.0[0]
            .to_string()
            .replace(&path.display().to_string(), "s.toml")
    }

    #[test]
    fn a_byte_that_is_not_utf8_is_located_by_line_and_column() {
        assert_eq!(
            message(b"name = \"s\"\n[period]\nstart = \"2022-04-01\xff\"\n"),
            "s.toml:3:20: expected UTF-8 text, found a byte that is not UTF-8 (0xFF)"
        );
        // Columns count characters: the é before the bad byte is one.
        let bytes: Vec<u8> = "note = \"é".bytes().chain([0xE9, b'"']).collect();
        assert_eq!(
            message(&bytes),
            "s.toml:1:10: expected UTF-8 text, found a byte that is not UTF-8 (0xE9)"
        );
    }

    #[test]
    fn utf16_text_is_named_as_such() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("name = \"s\"\n".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            message(&bytes),
            "s.toml: expected UTF-8 text (save the file as UTF-8), found UTF-16 text"
        );
    }
}
