//! `gasbuffer run`.

use super::{check_out_file, check_out_folder, folder_name, format_from, solver_from, Failure};
use crate::flags::RunArgs;
use crate::print;
use gas_app::run::RunSettings;
use gas_app::{inputs, write, AppError};
use gas_core::RunStatus;
use std::path::PathBuf;

/// Runs one scenario with its packages, prints the summary and writes the files.
pub fn run(args: RunArgs) -> Result<u8, Failure> {
    super::clean_up_on_interrupt();
    let format = format_from(&args.solve.format)?;
    let solver = solver_from(&args.solve.solver)?;
    let (scenario, packages, files) = inputs::load_files(&args.scenario, &args.packages)?;
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("out").join(folder_name(&scenario.name)));
    // Output paths are checked before the solve, not found wrong after it.
    check_out_folder("--out", &out, &write::run_file_names(format))?;
    if let Some(path) = &args.export_lp {
        check_out_file("--export-lp", path)?;
    }
    if let Some(path) = &args.report {
        check_out_file("--report", path)?;
    }
    let (dataset, dataset_info) = inputs::load_dataset_for(
        &scenario,
        Some(&args.scenario),
        args.solve.dataset.as_deref(),
    )?;
    let settings = RunSettings {
        compare_with_do_nothing: !args.no_compare,
        ..RunSettings::default()
    };
    let outcome = gas_app::run(&dataset, &scenario, &packages, solver.as_ref(), &settings)?;

    if let Some(path) = &args.export_lp {
        let system = &outcome.built.system;
        gas_output::atomic::write_atomically(path, |file| {
            gas_model::export_mps_with(system, &settings.options, file)
                .map_err(|error| std::io::Error::other(error.to_string()))
        })
        .map_err(|error| {
            Failure::from(AppError::Io(format!(
                "{}: could not write the LP: {error}",
                path.display()
            )))
        })?;
        outln!("LP written to {}", path.display());
    }

    let written = write::write_run(&outcome, &out, format, &files, &dataset_info)?;
    print::run_summary(&outcome);
    if let Some(path) = &args.report {
        let html = gas_report::render_run_report(&outcome, &dataset.storage_levels);
        super::write_report(path, &html)?;
    }
    outln!("\nResults: {} files in {}", written.len(), out.display());
    Ok(match outcome.results.status {
        RunStatus::Optimal => 0,
        RunStatus::Infeasible | RunStatus::Unbounded | RunStatus::Stopped => {
            // The last note says where and why the run stopped.
            errln!(
                "warning: the dispatch {}",
                outcome
                    .results
                    .notes
                    .last()
                    .map_or("did not solve every day", String::as_str)
            );
            if outcome.results.status == RunStatus::Infeasible && scenario.routes_as_observed {
                errln!("{ROUTES_AS_OBSERVED_HINT}");
            }
            4
        }
    })
}

/// Said when a scenario that fixes route flows to their observations is infeasible.
const ROUTES_AS_OBSERVED_HINT: &str = "hint: this scenario fixes every import route to its observed flow (routes_as_observed = true), and the network cannot always take fixed flows away (e.g. TurkStream's gas in BG). To replay 2022 against the observed storage, run it with `gasbuffer backtest`, which also fixes LNG send-out and frees the flows the observations cannot pin down (docs/validation.md).";
