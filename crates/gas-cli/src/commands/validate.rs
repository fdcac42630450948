//! `gasbuffer validate`.

use super::Failure;
use crate::flags::ValidateArgs;
use gas_app::{inputs, AppError};
use gas_scenario::{FileError, FileErrors, Package, Scenario};
use std::path::{Path, PathBuf};

/// A file with a top-level `period` is a scenario, anything else a package
/// (an unreadable file goes to the package reader, which reports it).
fn is_scenario(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|text| gas_scenario::is_scenario_text(&text))
}

/// A file as read: a scenario or a package, or its errors.
enum Read {
    Scenario(Box<Scenario>),
    Package(Box<Package>),
    Errors(FileErrors),
}

fn read(path: &Path) -> Read {
    if is_scenario(path) {
        gas_scenario::load_scenario(path)
            .map_or_else(Read::Errors, |scenario| Read::Scenario(Box::new(scenario)))
    } else {
        gas_scenario::load_package(path)
            .map_or_else(Read::Errors, |package| Read::Package(Box::new(package)))
    }
}

/// Builds `scenario` (read from `path`) with `packages` on its dataset: the
/// errors only the dataset reveals (unknown names, a package's unknown trigger).
fn build_errors(
    path: &Path,
    scenario: &Scenario,
    packages: &[Package],
) -> Result<Vec<FileError>, Failure> {
    let built = inputs::load_dataset_for(scenario, Some(path), None).and_then(|(dataset, _)| {
        gas_scenario::build(&dataset, scenario, packages).map_err(AppError::from)
    });
    match built {
        Ok(_) => Ok(Vec::new()),
        Err(AppError::Scenario(problems)) => Ok(problems.0),
        Err(other) => Err(other.into()),
    }
}

/// Adds the errors of `found` that `errors` does not have yet.
fn add_new(errors: &mut Vec<FileError>, found: Vec<FileError>) {
    for error in found {
        if !errors.contains(&error) {
            errors.push(error);
        }
    }
}

/// A package's errors, each with the scenarios it was built with when that was not every
/// scenario given: which scenario a missing trigger or name is missing from.
fn name_the_scenarios(with: Vec<(FileError, Vec<String>)>, scenarios: usize) -> Vec<FileError> {
    with.into_iter()
        .map(|(mut error, names)| {
            if names.len() < scenarios {
                let plural = if names.len() == 1 { "" } else { "s" };
                error.found = format!(
                    "{} (with scenario{plural} {})",
                    error.found,
                    names.join(", ")
                );
            }
            error
        })
        .collect()
}

/// Checks every file, printing each problem; exit 3 if any file has errors.
///
/// With `--against-dataset`, each scenario is built against its dataset, and
/// each package with each scenario of the same command (a package's names and
/// triggers only mean something with a scenario to run it with); a package's
/// errors are those its scenario alone does not have.
pub fn validate(args: ValidateArgs) -> Result<u8, Failure> {
    let files: Vec<(&PathBuf, Read)> = args.files.iter().map(|path| (path, read(path))).collect();
    // Each scenario that reads, with its own build errors (with --against-dataset).
    let mut scenarios: Vec<(&PathBuf, &Scenario, Vec<FileError>)> = Vec::new();
    for (path, read) in &files {
        if let Read::Scenario(scenario) = read {
            let own = if args.against_dataset {
                build_errors(path, scenario, &[])?
            } else {
                Vec::new()
            };
            scenarios.push((*path, &**scenario, own));
        }
    }
    let mut errors: Vec<FileError> = Vec::new();
    for (path, read) in &files {
        match read {
            Read::Errors(problems) => add_new(&mut errors, problems.0.clone()),
            Read::Scenario(_) => {
                let (_, _, own) = scenarios.iter().find(|(p, _, _)| p == path).expect("read above");
                if !own.is_empty() {
                    add_new(&mut errors, own.clone());
                } else if args.against_dataset {
                    outln!("{}: ok (scenario, built against its dataset)", path.display());
                } else {
                    outln!("{}: ok (scenario)", path.display());
                }
            }
            Read::Package(package) if args.against_dataset && !scenarios.is_empty() => {
                // Each error with the scenarios it comes with.
                let mut with: Vec<(FileError, Vec<String>)> = Vec::new();
                for (scenario_path, scenario, own) in &scenarios {
                    let with_package =
                        build_errors(scenario_path, scenario, std::slice::from_ref(&**package))?;
                    for error in with_package.into_iter().filter(|e| !own.contains(e)) {
                        let name = scenario_path.display().to_string();
                        match with.iter_mut().find(|(e, _)| *e == error) {
                            Some((_, names)) => names.push(name),
                            None => with.push((error, vec![name])),
                        }
                    }
                }
                let found = name_the_scenarios(with, scenarios.len());
                if found.is_empty() {
                    outln!(
                        "{}: ok (package, built with the {} scenario{} given)",
                        path.display(),
                        scenarios.len(),
                        if scenarios.len() == 1 { "" } else { "s" }
                    );
                }
                add_new(&mut errors, found);
            }
            Read::Package(_) if args.against_dataset => outln!(
                "{}: ok (package; its names are checked against a dataset only with a scenario: gasbuffer validate --against-dataset SCENARIO {})",
                path.display(),
                path.display()
            ),
            Read::Package(_) => outln!("{}: ok (package)", path.display()),
        }
    }
    if errors.is_empty() {
        Ok(0)
    } else {
        Err(AppError::Scenario(FileErrors(errors)).into())
    }
}
