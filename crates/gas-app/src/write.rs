//! Writing a run's result files and `summary.json` (schema: `docs/outputs.md`).

use crate::error::AppError;
use crate::inputs::{DatasetInfo, InputFile};
use crate::run::RunOutcome;
use gas_metrics::kpi::ZoneKpi;
use gas_metrics::ledger::LedgerCategory;
use gas_output::atomic::write_atomically;
use gas_output::table::format_number;
use gas_output::{tables, write_table, Format};
use serde_json::{json, Value};
use std::io::Write;
use std::path::{Path, PathBuf};

fn number(value: f64) -> Value {
    format_number(value)
        .parse::<serde_json::Number>()
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

fn optional(value: Option<f64>) -> Value {
    value.map_or(Value::Null, number)
}

fn kpi_json(kpi: &ZoneKpi) -> Value {
    let sectors: serde_json::Map<String, Value> = gas_core::Sector::ALL
        .iter()
        .zip(kpi.unserved_twh_by_sector)
        .map(|(sector, twh)| (sector.code().to_string(), number(twh)))
        .collect();
    json!({
        "zone": kpi.zone,
        "working_gas_twh": number(kpi.working_gas_twh),
        "buffer_days": kpi.buffer_days,
        "buffer_end_date": kpi.buffer_end_date.map(|d| d.to_string()),
        "demand_twh": number(kpi.demand_twh),
        "unserved_twh": number(kpi.unserved_twh),
        "fuel_switched_twh": number(kpi.fuel_switched_twh),
        "unserved_twh_by_sector": sectors,
        "unserved_share": optional(kpi.unserved_share),
        "min_fill_pct": optional(kpi.min_fill_pct),
        "min_fill_date": kpi.min_fill_date.map(|d| d.to_string()),
        "fill_on_1_nov_pct": optional(kpi.fill_on_1_nov_pct),
        "peak_price_eur_mwh": optional(kpi.peak_price_eur_mwh),
        "peak_price_date": kpi.peak_price_date.map(|d| d.to_string()),
    })
}

/// One applied event or measure as in `summary.json`: its label, file, what it
/// changed (as the HTML report shows it), its days and what it overrode.
fn applied_json(applied: &gas_scenario::AppliedOverride) -> Value {
    json!({
        "label": applied.label(),
        "file": applied.file,
        "change": applied.change,
        "from": applied.from.to_string(),
        "to": applied.to.to_string(),
        "overrides": applied.overrides,
    })
}

/// `solver.unsolved` of `summary.json`: the days left unsolved (their values are empty
/// in every file), or null when every day was solved.
fn unsolved_json(results: &gas_core::Results) -> Value {
    let unsolved = results.unsolved_days();
    if unsolved.is_empty() {
        return Value::Null;
    }
    json!({
        "from": results.period.date(unsolved.start).to_string(),
        "to": results.period.date(unsolved.end - 1).to_string(),
        "days": unsolved.len(),
    })
}

/// The content of `summary.json`.
pub fn summary_json(outcome: &RunOutcome, inputs: &[InputFile], dataset: &DatasetInfo) -> Value {
    let results = &outcome.results;
    let ledger_totals: serde_json::Map<String, Value> = [
        LedgerCategory::RussiaExportRevenue,
        LedgerCategory::ImportBill,
        LedgerCategory::UsLngRevenue,
        LedgerCategory::CurtailmentCost,
    ]
    .into_iter()
    .map(|category| {
        let (volume, value) = outcome.ledger.total(category);
        (
            category.code().to_string(),
            json!({"volume_twh": number(volume), "value_meur": number(value)}),
        )
    })
    .collect();
    let package_cost = outcome.versus_do_nothing.as_ref().map(|comparison| {
        json!({
            "cost_to_russia_meur": number(comparison.cost.cost_to_russia_meur),
            "cost_to_europe_meur": number(comparison.cost.cost_to_europe_meur),
            "cost_to_us_meur": number(comparison.cost.cost_to_us_meur),
            "do_nothing_eu": kpi_json(&comparison.do_nothing_eu),
        })
    });
    json!({
        "gasbuffer_version": env!("CARGO_PKG_VERSION"),
        "inputs": {
            "scenario": inputs.first(),
            "packages": inputs.iter().skip(1).collect::<Vec<_>>(),
            "dataset": dataset,
            "applied": outcome.built.applied.iter().map(applied_json).collect::<Vec<_>>(),
            "warnings": outcome.built.warnings,
        },
        "solver": {
            "backend": outcome.solver,
            "status": results.status,
            "objective_keur": optional(results.is_complete().then_some(results.objective_keur)),
            "unsolved": unsolved_json(results),
            "notes": results.notes,
        },
        "period": {"start": results.period.start.to_string(), "end": results.period.end().to_string(), "days": results.period.days},
        "disruption_start": outcome.disruption_start.map(|d| d.to_string()),
        "eu": kpi_json(&outcome.eu),
        "zones": outcome.zones.iter().map(kpi_json).collect::<Vec<_>>(),
        "ledger": ledger_totals,
        "package_cost": package_cost,
    })
}

/// The tables of a run folder, in the order written (`ledger_delta` only for runs
/// priced against do-nothing).
pub const RUN_TABLES: [&str; 5] = [
    "zones_daily",
    "flows_daily",
    "zones_summary",
    "ledger",
    "ledger_delta",
];

/// The names of the files a run writes in `format`: every table of [`RUN_TABLES`],
/// then `summary.json`.
pub fn run_file_names(format: Format) -> Vec<String> {
    RUN_TABLES
        .iter()
        .map(|table| format!("{table}.{}", format.extension()))
        .chain(["summary.json".to_string()])
        .collect()
}

/// Checks, before anything is solved, that `folder` can receive a run's files in
/// `format` (see [`gas_output::paths::check_folder`]): the error names the path
/// that is in the way, e.g. `out/afile is a file, not a folder`.
pub fn check_run_folder(folder: &Path, format: Format) -> Result<(), AppError> {
    gas_output::paths::check_folder(folder, &run_file_names(format))?;
    Ok(())
}

/// Removes `path` if it is a file (or a link); a missing file is no error, and
/// anything else (a folder) is left for the writer to report.
fn remove_if_file(path: &Path) -> Result<(), AppError> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_file() || metadata.is_symlink() => std::fs::remove_file(path)
            .map_err(|error| {
                AppError::Io(format!(
                    "{}: could not remove the file of an earlier run: {error}",
                    path.display()
                ))
            }),
        _ => Ok(()),
    }
}

/// Clears what an earlier run left in `folder` before a new run writes there:
/// `summary.json` first (from then on the folder reads as an interrupted run until
/// the new `summary.json` is written), then every other file a run writes, in every
/// format, so that no table of an earlier run (such as a `ledger_delta` of a run with
/// packages, or the CSV files beside a later run's JSON) is mistaken for one of this
/// run, and the temporary files that an earlier, killed run left
/// ([`gas_output::atomic::remove_stale_temporaries`]). Only file names gasbuffer
/// writes are touched; other files are left alone.
pub fn clear_earlier_run(folder: &Path) -> Result<(), AppError> {
    remove_if_file(&folder.join("summary.json"))?;
    let mut names = Vec::new();
    for format in [Format::Csv, Format::Json, Format::Parquet] {
        for name in run_file_names(format) {
            remove_if_file(&folder.join(&name))?;
            names.push(name);
        }
    }
    gas_output::atomic::remove_stale_temporaries(folder, &names).map_err(|error| {
        AppError::Io(format!(
            "{}: could not remove the temporary files of an earlier run: {error}",
            folder.display()
        ))
    })?;
    Ok(())
}

/// Writes every result table of `outcome` into `folder` in `format`, then
/// `summary.json` last (its presence marks a complete run). The files of an earlier
/// run in `folder` are removed first ([`clear_earlier_run`]), so that a run that fails
/// or is interrupted while writing leaves a folder without `summary.json` holding
/// only its own files. Returns the paths written.
pub fn write_run(
    outcome: &RunOutcome,
    folder: &Path,
    format: Format,
    inputs: &[InputFile],
    dataset: &DatasetInfo,
) -> Result<Vec<PathBuf>, AppError> {
    clear_earlier_run(folder)?;
    let system = &outcome.built.system;
    let mut kpis = outcome.zones.clone();
    kpis.push(outcome.eu.clone());
    let mut written = vec![
        write_table(
            &tables::zones_daily(system, &outcome.results),
            folder,
            format,
        )?,
        write_table(
            &tables::flows_daily(system, &outcome.results),
            folder,
            format,
        )?,
        write_table(&tables::zones_summary(&kpis), folder, format)?,
        write_table(&tables::ledger(&outcome.ledger), folder, format)?,
    ];
    if let Some(comparison) = &outcome.versus_do_nothing {
        written.push(write_table(
            &tables::ledger_delta(&comparison.deltas),
            folder,
            format,
        )?);
    }
    let summary = summary_json(outcome, inputs, dataset);
    let path = folder.join("summary.json");
    write_atomically(&path, |file| {
        serde_json::to_writer_pretty(&mut *file, &summary)?;
        file.write_all(b"\n")
    })
    .map_err(|error| AppError::Io(format!("{}: could not write: {error}", path.display())))?;
    written.push(path);
    Ok(written)
}
