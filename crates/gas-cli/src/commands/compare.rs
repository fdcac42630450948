//! `gasbuffer compare`.

use super::{check_out_file, check_out_folder, folder_name, format_from, solver_from, Failure};
use crate::flags::CompareArgs;
use crate::print;
use gas_app::compare::{matrix_packages, matrix_table, run_matrix, Cell, HEADLINES};
use gas_app::run::RunSettings;
use gas_app::{inputs, write, AppError};
use gas_scenario::{FileError, FileErrors, Loc, Package, Scenario};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Runs every package against every scenario (in parallel over scenarios), writes
/// `matrix.csv` and each run's files, and prints the chosen headline as a matrix.
pub fn compare(args: CompareArgs) -> Result<u8, Failure> {
    super::clean_up_on_interrupt();
    let format = format_from(&args.solve.format)?;
    if !HEADLINES.contains(&args.headline.as_str()) {
        return Err(Failure::usage(format!(
            "--headline: expected one of {}, found \"{}\"",
            HEADLINES.join(", "),
            args.headline
        )));
    }
    let solver = solver_from(&args.solve.solver)?;

    let mut errors = Vec::new();
    let mut scenarios = Vec::new();
    for path in &args.scenarios {
        match inputs::load_files(path, &args.packages) {
            Ok((scenario, packages, files)) => {
                scenarios.push((path.clone(), scenario, packages, files))
            }
            Err(AppError::Scenario(problems)) => errors.extend(problems.0),
            Err(other) => return Err(other.into()),
        }
    }
    if !errors.is_empty() {
        errors.dedup_by(|a, b| a.to_string() == b.to_string());
        return Err(AppError::Scenario(gas_scenario::FileErrors(errors)).into());
    }

    distinct_result_folders(&scenarios)?;

    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("out/compare"));
    // Output paths are checked before the solves, not found wrong after them.
    check_out_folder("--out", &out, &["matrix.csv".to_string()])?;
    let run_files = write::run_file_names(format);
    // Each scenario runs once alone and once per package (a listed do-nothing is that first run).
    let mut total = 0;
    for (_, scenario, packages, _) in &scenarios {
        let listed = matrix_packages(packages)?;
        total += listed.len() + 1;
        let names =
            std::iter::once("do-nothing").chain(listed.iter().map(|p| p.name.value.as_str()));
        for package in names {
            let folder = out
                .join(folder_name(&scenario.name))
                .join(folder_name(package));
            check_out_folder("--out", &folder, &run_files)?;
        }
    }
    if let Some(path) = &args.report {
        check_out_file("--report", path)?;
    }

    // matrix.csv is written last: until then the folder reads as an unfinished compare.
    let matrix_path = out.join("matrix.csv");
    match std::fs::remove_file(&matrix_path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
            return Err(AppError::Io(format!(
                "{}: could not remove the file of an earlier compare: {error}",
                matrix_path.display()
            ))
            .into())
        }
        _ => {}
    }
    let bar = ProgressBar::new(total as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} runs {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let settings = RunSettings::default();
    let runs: Vec<Result<Vec<Cell>, AppError>> = scenarios
        .par_iter()
        .map(|(path, scenario, packages, files)| {
            let (dataset, info) =
                inputs::load_dataset_for(scenario, Some(path), args.solve.dataset.as_deref())?;
            let cells = run_matrix(
                &dataset,
                scenario,
                packages,
                solver.as_ref(),
                &settings,
                &|| bar.inc(1),
            )?;
            for cell in &cells {
                let folder = out
                    .join(folder_name(&cell.scenario))
                    .join(folder_name(&cell.package));
                let cell_files: Vec<_> = files
                    .iter()
                    .filter(|f| f.name == cell.scenario || f.name == cell.package)
                    .cloned()
                    .collect();
                write::write_run(&cell.outcome, &folder, format, &cell_files, &info)?;
            }
            Ok(cells)
        })
        .collect();
    bar.finish_and_clear();
    let mut cells = Vec::new();
    for outcome in runs {
        cells.extend(outcome?);
    }
    let matrix = gas_output::write_table(&matrix_table(&cells), &out, gas_output::Format::Csv)
        .map_err(AppError::from)?;
    print::matrix(&cells, &args.headline);
    if let Some(path) = &args.report {
        super::write_report(path, &gas_report::render_compare_report(&cells))?;
    }
    outln!("\nMatrix written to {}", matrix.display());
    // As `run`: a run that did not solve makes the whole compare exit 4.
    let unsolved: Vec<&Cell> = cells
        .iter()
        .filter(|cell| cell.outcome.results.status != gas_core::RunStatus::Optimal)
        .collect();
    for cell in &unsolved {
        errln!(
            "warning: {} with {}: the dispatch {}",
            cell.scenario,
            cell.package,
            cell.outcome
                .results
                .notes
                .last()
                .map_or("did not solve every day", String::as_str)
        );
    }
    Ok(if unsolved.is_empty() { 0 } else { 4 })
}

/// Every run of the matrix writes its own folder, `<scenario>/<package>` named after
/// the scenario and package names ([`folder_name`]): two scenarios (or two packages)
/// whose names give the same folder would overwrite each other's files. Such a name
/// is an error at its `name` key, naming the other file.
fn distinct_result_folders(
    scenarios: &[(PathBuf, Scenario, Vec<Package>, Vec<inputs::InputFile>)],
) -> Result<(), AppError> {
    let mut errors: Vec<FileError> = Vec::new();
    let named = scenarios
        .iter()
        .map(|(_, s, _, _)| (s.name.as_str(), &s.name_loc, s.file.as_str()));
    folder_clashes("scenario", named, &mut errors);
    // The packages are the same for every scenario: check them once.
    if let Some((_, _, packages, _)) = scenarios.first() {
        let named = matrix_packages(packages)?
            .into_iter()
            .map(|p| (p.name.value.as_str(), &p.name.loc, p.file.as_str()));
        folder_clashes("package", named, &mut errors);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Scenario(FileErrors(errors)))
    }
}

/// Records an error at the name of each `(name, location, file)` whose result folder
/// an earlier one already has; `what` is `scenario` or `package`.
fn folder_clashes<'a>(
    what: &str,
    named: impl Iterator<Item = (&'a str, &'a Loc, &'a str)>,
    errors: &mut Vec<FileError>,
) {
    let mut folders: BTreeMap<PathBuf, (&str, &str)> = BTreeMap::new();
    for (name, loc, file) in named {
        let folder = folder_name(name);
        match folders.get(&folder) {
            Some((first_name, first_file)) => errors.push(loc.error(
                format!("a {what} name whose result folder no other {what} of the comparison has"),
                format!(
                    "\"{name}\" (folder {}), also the folder of \"{first_name}\" in {first_file}",
                    folder.display()
                ),
            )),
            None => {
                folders.insert(folder, (name, file));
            }
        }
    }
}
