//! `gasbuffer backtest`.

use super::{check_out_file, check_out_folder, solver_from, Failure};
use crate::flags::BacktestArgs;
use gas_app::inputs;
use gas_backtest::{output, BacktestError, EU};
use gas_core::RunStatus;
use std::path::{Path, PathBuf};

impl From<BacktestError> for Failure {
    fn from(error: BacktestError) -> Failure {
        let code = match error {
            BacktestError::Scenario(_) => 3,
            BacktestError::Run(_) => 5,
        };
        Failure {
            code,
            message: error.to_string(),
        }
    }
}

fn io_failure(path: &Path, error: std::io::Error) -> Failure {
    Failure {
        code: 6,
        message: format!("{}: could not write: {error}", path.display()),
    }
}

/// The scenario `backtest` replays when none is named, relative to the current folder.
const DEFAULT_SCENARIO: &str = "scenarios/actual-2022.toml";

/// The shipped `scenarios/actual-2022.toml`, built into the program: the default
/// when the current folder has no such file (an installed binary run elsewhere).
const BUILT_IN_SCENARIO: &str = include_str!("../../../../scenarios/actual-2022.toml");

/// The scenario file to replay: the one named, else [`DEFAULT_SCENARIO`] when it is
/// there; `None` for the built-in copy.
fn scenario_file(named: Option<&Path>) -> Option<PathBuf> {
    match named {
        Some(path) => Some(path.to_path_buf()),
        None => Some(PathBuf::from(DEFAULT_SCENARIO)).filter(|path| path.is_file()),
    }
}

/// Replays the scenario with observed inputs, prints the error table and writes the files.
pub fn backtest(args: BacktestArgs) -> Result<u8, Failure> {
    super::clean_up_on_interrupt();
    let solver = solver_from(&args.solver)?;
    let scenario_path = scenario_file(args.scenario.as_deref());
    let (scenario, packages, _files) = match &scenario_path {
        Some(path) => inputs::load_files(path, &args.packages)?,
        None => inputs::load_text_and_files(
            BUILT_IN_SCENARIO,
            &format!("{DEFAULT_SCENARIO} (built in)"),
            &args.packages,
        )?,
    };
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("out").join("backtest"));
    // Output paths are checked before the solve, not found wrong after it.
    check_out_folder(
        "--out",
        &out,
        &["backtest.csv".to_string(), "backtest-eu.svg".to_string()],
    )?;
    if let Some(path) = &args.report {
        check_out_file("--report", path)?;
    }
    let (dataset, _info) =
        inputs::load_dataset_for(&scenario, scenario_path.as_deref(), args.dataset.as_deref())?;
    let backtest = gas_backtest::run(
        &dataset,
        &scenario,
        &packages,
        solver.as_ref(),
        &gas_model::RunOptions::default(),
    )?;
    let table = &backtest.table;
    let period = backtest.built.system.period;
    outln!(
        "Backtest {}: {} .. {} ({} days), solver {}",
        scenario.name,
        period.start,
        period.end(),
        period.days,
        solver.name()
    );
    let replay = &backtest.replay;
    outln!(
        "Observed inputs fixed: imports into the EU {:.0} TWh ({} routes, {} LNG terminals), production {:.0} TWh, exports to GB {:.0} TWh",
        replay.fixed_imports_twh,
        replay.fixed_routes.len(),
        replay.fixed_terminals.len(),
        replay.fixed_production_twh,
        replay.exports_to_gb_twh
    );
    outln!(
        "Zones outside the replay (cut off from the EU zones): {}",
        replay.outside.join(", ")
    );
    let outlets = [
        (
            "Curtailment needed to stay feasible (EU zones)",
            &backtest.curtailment,
        ),
        (
            "Surplus spilled to stay feasible (EU zones)",
            &backtest.spill,
        ),
        (
            "Flow beyond the dataset's pipeline capacity (overflow links)",
            &backtest.overflow,
        ),
    ];
    let outlet_lines: Vec<String> = outlets
        .iter()
        .map(|(label, amounts)| format!("{label}: {}", total_and_largest(amounts)))
        .collect();
    for line in &outlet_lines {
        outln!("{line}");
    }
    outln!("\n{}:\n", output::error_table_title());
    let (eu_zones, others) = output::zone_groups(table);
    out!("{}", output::error_table(table, &eu_zones));
    if !others.is_empty() {
        outln!("\n{}:\n", output::OUTSIDE_EU);
        out!("{}", output::error_table(table, &others));
    }

    let csv = out.join("backtest.csv");
    output::write_csv(&csv, table).map_err(|e| io_failure(&csv, e))?;
    let largest: Vec<&str> = eu_zones
        .iter()
        .copied()
        .filter(|z| *z != EU)
        .take(5)
        .collect();
    let svg_path = out.join("backtest-eu.svg");
    let svg = output::svg_chart(
        table,
        &[EU],
        "EU storage fill 2021-2023: simulated vs observed",
    );
    gas_output::atomic::write_atomically(&svg_path, |file| {
        use std::io::Write;
        file.write_all(svg.as_bytes())
    })
    .map_err(|e| io_failure(&svg_path, e))?;
    outln!("\nWrote {} and {}", csv.display(), svg_path.display());
    if let Some(path) = &args.report {
        let mut notes = outlet_lines.clone();
        notes.extend(replay.notes.iter().cloned());
        notes.extend(backtest.built.warnings.iter().cloned());
        let html = output::html_report(
            table,
            &format!("gasbuffer backtest: {}", scenario.name),
            &notes,
            &[("EU", vec![EU]), ("largest-zones", largest)],
        );
        gas_output::atomic::write_atomically(path, |file| {
            use std::io::Write;
            file.write_all(html.as_bytes())
        })
        .map_err(|e| io_failure(path, e))?;
        outln!("Wrote {}", path.display());
    }
    Ok(match backtest.results.status {
        RunStatus::Optimal => 0,
        status => {
            errln!("warning: the dispatch ended {status:?}");
            4
        }
    })
}

/// `"12.3 TWh (IE 7.1, FI 0.5, ...)"`: the total and the six largest entries.
fn total_and_largest(amounts: &[gas_backtest::ZoneCurtailment]) -> String {
    let total: f64 = amounts.iter().map(|c| c.twh).sum();
    let largest: Vec<String> = amounts
        .iter()
        .take(6)
        .map(|c| format!("{} {:.1}", c.zone, c.twh))
        .collect();
    if largest.is_empty() {
        format!("{total:.1} TWh")
    } else {
        format!("{total:.1} TWh ({})", largest.join(", "))
    }
}
