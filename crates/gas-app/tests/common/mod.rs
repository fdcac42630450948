//! What gas-app's integration tests share: the repository root and a run of a
//! scenario file with package files, solved by the default solver.

use gas_app::inputs::{self, DatasetInfo, InputFile};
use gas_app::run::RunSettings;
use gas_app::{run, RunOutcome};
use std::path::{Path, PathBuf};

/// The repository root (scenario, package and fixture paths are relative to it).
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs the scenario file `scenario` (relative to the repository root) with the package
/// files `packages` (idem) on its dataset with the default solver and settings; returns
/// the outcome with the input files and the dataset description `summary.json` records.
pub fn run_files(scenario: &str, packages: &[&str]) -> (RunOutcome, Vec<InputFile>, DatasetInfo) {
    let scenario_path = repo().join(scenario);
    let packages: Vec<PathBuf> = packages.iter().map(|p| repo().join(p)).collect();
    let (scenario, packages, files) = inputs::load_files(&scenario_path, &packages).unwrap();
    let (dataset, info) = inputs::load_dataset_for(&scenario, Some(&scenario_path), None).unwrap();
    let solver = gas_lp::default_solver();
    let outcome = run(
        &dataset,
        &scenario,
        &packages,
        solver.as_ref(),
        &RunSettings::default(),
    )
    .unwrap();
    (outcome, files, info)
}
