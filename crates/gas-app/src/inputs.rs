//! Loading the files of a run: scenario, packages and the dataset they name.

use crate::error::AppError;
use gas_core::dataset::Dataset;
use gas_scenario::{DatasetRef, Package, Scenario};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// A file given on the command line, with its name and content hash (echoed in `summary.json`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct InputFile {
    /// The name inside the file.
    pub name: String,
    /// The path as given.
    pub file: String,
    /// SHA-256 of the file's bytes, hex.
    pub sha256: String,
}

/// The dataset a run used.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DatasetInfo {
    /// `bundled` or the folder.
    pub location: String,
    /// [`gas_io::dataset_fingerprint`] of the loaded tables.
    pub fingerprint: String,
}

/// SHA-256 of a file's bytes, or of nothing when unreadable (the loader reports that).
pub fn file_sha256(path: &Path) -> String {
    sha256_hex(&std::fs::read(path).unwrap_or_default())
}

/// SHA-256 of `bytes`, hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Loads a scenario and its packages, collecting the errors of every file.
pub fn load_files(
    scenario_path: &Path,
    package_paths: &[PathBuf],
) -> Result<(Scenario, Vec<Package>, Vec<InputFile>), AppError> {
    let scenario = gas_scenario::load_scenario(scenario_path).map(|scenario| {
        let file = InputFile {
            name: scenario.name.clone(),
            file: scenario_path.display().to_string(),
            sha256: file_sha256(scenario_path),
        };
        (scenario, file)
    });
    with_packages(scenario, package_paths)
}

/// Reads the scenario `text` (built into the program, `label` standing for its
/// file in messages and in `summary.json`) and loads the package files, as
/// [`load_files`] does.
pub fn load_text_and_files(
    text: &str,
    label: &str,
    package_paths: &[PathBuf],
) -> Result<(Scenario, Vec<Package>, Vec<InputFile>), AppError> {
    let scenario = gas_scenario::parse_scenario(text, label).map(|scenario| {
        let file = InputFile {
            name: scenario.name.clone(),
            file: label.to_string(),
            sha256: sha256_hex(text.as_bytes()),
        };
        (scenario, file)
    });
    with_packages(scenario, package_paths)
}

/// A scenario already read (or its errors) with the package files
/// `package_paths`: every error of every file, or the scenario, the packages
/// and the input files (the scenario's first).
fn with_packages(
    scenario: Result<(Scenario, InputFile), gas_scenario::FileErrors>,
    package_paths: &[PathBuf],
) -> Result<(Scenario, Vec<Package>, Vec<InputFile>), AppError> {
    let mut errors = Vec::new();
    let mut files = Vec::new();
    let scenario = match scenario {
        Ok((scenario, file)) => {
            files.push(file);
            Some(scenario)
        }
        Err(problems) => {
            errors.extend(problems.0);
            None
        }
    };
    let mut packages = Vec::new();
    for path in package_paths {
        match gas_scenario::load_package(path) {
            Ok(package) => {
                files.push(InputFile {
                    name: package.name.value.clone(),
                    file: path.display().to_string(),
                    sha256: file_sha256(path),
                });
                packages.push(package);
            }
            Err(problems) => errors.extend(problems.0),
        }
    }
    match scenario {
        Some(scenario) if errors.is_empty() => Ok((scenario, packages, files)),
        _ => Err(AppError::Scenario(gas_scenario::FileErrors(errors))),
    }
}

/// A dataset folder given on the command line (`given_by`, e.g. `given by
/// --dataset`) that cannot be read as one, as a single error; `Ok` otherwise
/// (the loader then reports any missing file by name).
pub fn check_dataset_folder(dir: &Path, given_by: &str) -> Result<(), AppError> {
    match gas_io::dataset_folder_problem(dir) {
        Some(problem) => Err(AppError::DatasetFolder {
            folder: dir.to_path_buf(),
            problem,
            given_by: given_by.to_string(),
        }),
        None => Ok(()),
    }
}

/// Loads the dataset for a scenario: `override_dir` (`--dataset`) if given,
/// else the folder the scenario names (relative to the scenario file), else
/// the bundled one. A folder that is not there is one error: named with
/// `--dataset`, or located at the scenario's `dataset` key.
pub fn load_dataset_for(
    scenario: &Scenario,
    scenario_path: Option<&Path>,
    override_dir: Option<&Path>,
) -> Result<(Dataset, DatasetInfo), AppError> {
    let folder = match (override_dir, &scenario.dataset) {
        (Some(dir), _) => {
            check_dataset_folder(dir, "given by --dataset")?;
            Some(dir.to_path_buf())
        }
        (None, DatasetRef::Path(path)) => {
            let base = scenario_path
                .and_then(Path::parent)
                .unwrap_or_else(|| Path::new("."));
            let dir = base.join(&path.value);
            if let Some(problem) = gas_io::dataset_folder_problem(&dir) {
                let error = path.loc.error(
                    "an existing dataset folder, relative to the scenario file's folder",
                    format!("{:?} ({}: {problem})", path.value, dir.display()),
                );
                return Err(AppError::Scenario(gas_scenario::FileErrors(vec![error])));
            }
            Some(dir)
        }
        (None, DatasetRef::Bundled) => None,
    };
    let (dataset, location) = match folder {
        Some(dir) => (gas_io::load_dataset(&dir)?, dir.display().to_string()),
        None => (gas_io::load_bundled()?, "bundled".to_string()),
    };
    let fingerprint = gas_io::dataset_fingerprint(&dataset);
    Ok((
        dataset,
        DatasetInfo {
            location,
            fingerprint,
        },
    ))
}
