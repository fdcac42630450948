//! `gasbuffer validate`.

use super::Failure;
use crate::flags::ValidateArgs;
use crate::print::outln;
use gas_app::{inputs, AppError};
use std::path::Path;

/// A file with a top-level `period` is a scenario, anything else a package
/// (an unreadable file goes to the package reader, which reports it).
fn is_scenario(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|text| gas_scenario::is_scenario_text(&text))
}

/// Checks every file, printing each problem; exit 3 if any file has errors.
pub fn validate(args: ValidateArgs) -> Result<u8, Failure> {
    let mut errors = Vec::new();
    for path in &args.files {
        if is_scenario(path) {
            match gas_scenario::load_scenario(path) {
                Ok(scenario) if args.against_dataset => {
                    let checked = inputs::load_dataset_for(&scenario, Some(path), None).and_then(
                        |(dataset, _)| {
                            gas_scenario::build(&dataset, &scenario, &[]).map_err(AppError::from)
                        },
                    );
                    match checked {
                        Ok(_) => outln!(
                            "{}: ok (scenario, built against its dataset)",
                            path.display()
                        ),
                        Err(AppError::Scenario(problems)) => errors.extend(problems.0),
                        Err(other) => return Err(other.into()),
                    }
                }
                Ok(_) => outln!("{}: ok (scenario)", path.display()),
                Err(problems) => errors.extend(problems.0),
            }
        } else {
            match gas_scenario::load_package(path) {
                Ok(_) => outln!("{}: ok (package)", path.display()),
                Err(problems) => errors.extend(problems.0),
            }
        }
    }
    if errors.is_empty() {
        Ok(0)
    } else {
        Err(AppError::Scenario(gas_scenario::FileErrors(errors)).into())
    }
}
