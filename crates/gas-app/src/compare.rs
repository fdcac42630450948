//! The package x scenario matrix: every package against every scenario, each
//! priced against the do-nothing run of its scenario.

use crate::error::AppError;
use crate::run::{run, Comparison, RunOutcome, RunSettings};
use gas_core::dataset::Dataset;
use gas_lp::Solver;
use gas_metrics::ledger::compare;
use gas_output::table::{Column, Table};
use gas_scenario::{Package, Scenario};

/// One cell of the matrix.
#[derive(Debug, Clone)]
pub struct Cell {
    /// Scenario name.
    pub scenario: String,
    /// Package name ([`DO_NOTHING`] for the scenario alone).
    pub package: String,
    /// The run.
    pub outcome: RunOutcome,
}

/// The headline figures a matrix can show.
pub const HEADLINES: [&str; 7] = [
    "eu_unserved_twh",
    "eu_min_fill_pct",
    "eu_fill_on_1_nov_pct",
    "eu_buffer_days",
    "cost_to_russia_meur",
    "cost_to_europe_meur",
    "cost_to_us_meur",
];

/// The value of headline `name` in a cell (`None`: not defined, e.g. no buffer end,
/// or unknown: the run was not solved to optimality, or a figure it is priced
/// against is unknown).
pub fn headline(cell: &Cell, name: &str) -> Option<f64> {
    if cell.outcome.results.status != gas_core::RunStatus::Optimal {
        return None;
    }
    let eu = &cell.outcome.eu;
    let cost = cell.outcome.versus_do_nothing.as_ref().map(|c| c.cost);
    match name {
        "eu_unserved_twh" => Some(eu.unserved_twh),
        "eu_min_fill_pct" => eu.min_fill_pct,
        "eu_fill_on_1_nov_pct" => eu.fill_on_1_nov_pct,
        "eu_buffer_days" => eu.buffer_days.map(f64::from),
        "cost_to_russia_meur" => Some(cost.map_or(0.0, |c| c.cost_to_russia_meur)),
        "cost_to_europe_meur" => Some(cost.map_or(0.0, |c| c.cost_to_europe_meur)),
        "cost_to_us_meur" => Some(cost.map_or(0.0, |c| c.cost_to_us_meur)),
        _ => None,
    }
    .filter(|value| value.is_finite())
}

/// Name of the matrix cell of a scenario run without packages.
pub const DO_NOTHING: &str = "do-nothing";

/// The packages a matrix runs besides its do-nothing cell, in the order given:
/// a package named [`DO_NOTHING`] without measures is that cell already and is
/// left out, so each (scenario, package) pair appears once. A package named
/// `do-nothing` with measures, or two packages with the same name, would make
/// two different runs share a cell: that is an error naming the file.
pub fn matrix_packages(packages: &[Package]) -> Result<Vec<&Package>, AppError> {
    let mut kept: Vec<&Package> = Vec::new();
    let mut errors = Vec::new();
    for package in packages {
        let name = package.name.value.as_str();
        if name == DO_NOTHING {
            if !package.measures.is_empty() {
                errors.push(package.name.loc.error(
                    format!("a name other than \"{DO_NOTHING}\" (the run without packages) for a package with measures"),
                    format!("\"{DO_NOTHING}\" with {} measures", package.measures.len()),
                ));
            }
        } else if let Some(first) = kept.iter().find(|p| p.name.value == name) {
            errors.push(package.name.loc.error(
                "a package name not used by another package of the matrix",
                format!("\"{name}\", also the name of {}", first.file),
            ));
        } else {
            kept.push(package);
        }
    }
    if errors.is_empty() {
        Ok(kept)
    } else {
        Err(AppError::Scenario(gas_scenario::FileErrors(errors)))
    }
}

/// Runs every scenario alone (`do-nothing`) and with each package, calling
/// `progress(done, total)` after each run. Runs are independent; they are
/// solved one after another here so the output order is fixed — the command
/// line parallelises over scenarios. Packages are taken through
/// [`matrix_packages`]: `do-nothing` is run once, whether listed or not.
pub fn run_matrix(
    dataset: &Dataset,
    scenario: &Scenario,
    packages: &[Package],
    solver: &dyn Solver,
    settings: &RunSettings,
    progress: &(dyn Fn() + Sync),
) -> Result<Vec<Cell>, AppError> {
    let alone = RunSettings {
        compare_with_do_nothing: false,
        ..settings.clone()
    };
    let packages = matrix_packages(packages)?;
    let base = run(dataset, scenario, &[], solver, &alone)?;
    progress();
    let mut cells = Vec::with_capacity(packages.len() + 1);
    for package in packages {
        let mut outcome = run(
            dataset,
            scenario,
            std::slice::from_ref(package),
            solver,
            &alone,
        )?;
        let (deltas, cost) = compare(&outcome.ledger, &base.ledger);
        outcome.versus_do_nothing = Some(Comparison {
            deltas,
            cost,
            do_nothing_eu: base.eu.clone(),
        });
        cells.push(Cell {
            scenario: scenario.name.clone(),
            package: package.name.value.clone(),
            outcome,
        });
        progress();
    }
    cells.insert(
        0,
        Cell {
            scenario: scenario.name.clone(),
            package: DO_NOTHING.to_string(),
            outcome: base,
        },
    );
    Ok(cells)
}

/// `matrix.csv`: one row per scenario and package with every headline figure and the solver status.
pub fn matrix_table(cells: &[Cell]) -> Table {
    let mut columns = vec![
        Column::text(
            "scenario",
            cells.iter().map(|c| c.scenario.clone()).collect(),
        ),
        Column::text("package", cells.iter().map(|c| c.package.clone()).collect()),
        Column::text(
            "status",
            cells
                .iter()
                .map(|c| {
                    serde_json::to_value(c.outcome.results.status)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                })
                .collect(),
        ),
    ];
    for name in HEADLINES {
        columns.push(Column::float(
            name,
            cells.iter().map(|cell| headline(cell, name)).collect(),
        ));
    }
    Table::new("matrix", columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(name: &str, file: &str, measures: &str) -> Package {
        let text = format!("name = \"{name}\"\ntrigger = \"invasion + 0d\"\n{measures}");
        gas_scenario::parse_package(&text, file).expect("a valid package")
    }

    const ONE_MEASURE: &str = "[[measures]]\ntype = \"demand_reduction\"\nshare = 0.1\n";

    #[test]
    fn a_listed_do_nothing_package_is_not_run_twice() {
        let packages = [
            package(DO_NOTHING, "do-nothing.toml", ""),
            package("eu", "eu.toml", ONE_MEASURE),
        ];
        let kept = matrix_packages(&packages).unwrap();
        let names: Vec<&str> = kept.iter().map(|p| p.name.value.as_str()).collect();
        assert_eq!(names, ["eu"]);
    }

    #[test]
    fn clashing_package_names_are_errors_naming_the_file() {
        let packages = [
            package(DO_NOTHING, "fake.toml", ONE_MEASURE),
            package("eu", "a.toml", ""),
            package("eu", "b.toml", ""),
        ];
        let Err(AppError::Scenario(errors)) = matrix_packages(&packages) else {
            panic!("expected errors");
        };
        assert_eq!(errors.len(), 2);
        assert_eq!(errors.0[0].file, "fake.toml");
        assert_eq!(errors.0[1].file, "b.toml");
        assert!(errors.0[1].found.contains("a.toml"));
    }
}
