//! One run: build, dispatch, measure, and price the packages against doing nothing.

use crate::error::AppError;
use chrono::NaiveDate;
use gas_core::dataset::Dataset;
use gas_core::{Results, ZoneId};
use gas_lp::Solver;
use gas_metrics::kpi::{group_kpi, zone_kpis, ZoneKpi};
use gas_metrics::ledger::{compare, ledger, Ledger, LedgerDelta, LedgerOptions, PackageCost};
use gas_model::RunOptions;
use gas_scenario::{Built, Package, Scenario};
use std::time::Instant;

/// Origins whose gas counts as Russian in the ledger: Russia, and Belarus as
/// the transit origin the dataset gives the Yamal route.
pub const RUSSIAN_ORIGINS: [&str; 2] = ["RU", "BY"];

/// Everything a run produced.
#[derive(Debug, Clone)]
pub struct RunOutcome {
    /// Scenario name.
    pub scenario: String,
    /// Package names, in the order applied.
    pub packages: Vec<String>,
    /// The system that was dispatched, with the overrides applied and data warnings.
    pub built: Built,
    /// Daily results.
    pub results: Results,
    /// Key figures per zone.
    pub zones: Vec<ZoneKpi>,
    /// Key figures of the EU27 zones together.
    pub eu: ZoneKpi,
    /// The EU27 zones of the system.
    pub eu_zones: Vec<ZoneId>,
    /// The cost ledger.
    pub ledger: Ledger,
    /// With packages: the change against the same scenario without them.
    pub versus_do_nothing: Option<Comparison>,
    /// The first day of the scenario's first event (buffer days count from it).
    pub disruption_start: Option<NaiveDate>,
    /// Solver backend name.
    pub solver: &'static str,
    /// Wall-clock seconds spent dispatching (not written to result files, which stay reproducible).
    pub solve_seconds: f64,
}

/// A run with packages against the do-nothing run of the same scenario.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// Ledger line changes.
    pub deltas: Vec<LedgerDelta>,
    /// Headline costs to Russia, Europe and the US.
    pub cost: PackageCost,
    /// The EU key figures without the packages.
    pub do_nothing_eu: ZoneKpi,
}

/// How to run.
#[derive(Debug, Clone)]
pub struct RunSettings {
    /// Options of the dispatch engine.
    pub options: RunOptions,
    /// With packages, also run the scenario without them for the package costs.
    pub compare_with_do_nothing: bool,
}

impl Default for RunSettings {
    fn default() -> Self {
        RunSettings {
            options: RunOptions::default(),
            compare_with_do_nothing: true,
        }
    }
}

/// The first day any event of the scenario starts (clamped to the period start).
pub fn disruption_start(scenario: &Scenario) -> Option<NaiveDate> {
    scenario
        .events
        .iter()
        .map(|event| event.dates.0.max(scenario.period.start))
        .min()
}

struct Dispatched {
    built: Built,
    results: Results,
    eu_zones: Vec<ZoneId>,
    ledger: Ledger,
    seconds: f64,
}

fn dispatch(
    dataset: &Dataset,
    scenario: &Scenario,
    packages: &[Package],
    solver: &dyn Solver,
    options: &RunOptions,
) -> Result<Dispatched, AppError> {
    let built = gas_scenario::build(dataset, scenario, packages)?;
    let started = Instant::now();
    let results = gas_model::run_with(&built.system, solver, options)?;
    let seconds = started.elapsed().as_secs_f64();
    let eu_zones: Vec<ZoneId> = dataset
        .zones
        .iter()
        .filter(|zone| zone.eu_member)
        .filter_map(|zone| built.system.zone_by_code(&zone.id))
        .collect();
    let ledger_options = LedgerOptions {
        russian_origins: RUSSIAN_ORIGINS.iter().map(|s| s.to_string()).collect(),
        us_origins: vec!["US".to_string()],
        importing_zones: Some(eu_zones.clone()),
        group_name: "EU".to_string(),
    };
    let ledger = ledger(&built.system, &results, &ledger_options);
    Ok(Dispatched {
        built,
        results,
        eu_zones,
        ledger,
        seconds,
    })
}

/// Builds and dispatches `scenario` with `packages` on `dataset`, measures the
/// result, and (with packages and [`RunSettings::compare_with_do_nothing`])
/// prices the packages against the scenario alone, dispatched at the same time on a
/// second thread.
pub fn run(
    dataset: &Dataset,
    scenario: &Scenario,
    packages: &[Package],
    solver: &dyn Solver,
    settings: &RunSettings,
) -> Result<RunOutcome, AppError> {
    // The do-nothing run needs nothing from the main one: both run at once, on two
    // threads (the main run's error comes first, as when they ran one after the other).
    let with_base = !packages.is_empty() && settings.compare_with_do_nothing;
    let (main, base) = std::thread::scope(|scope| {
        let base = with_base
            .then(|| scope.spawn(|| dispatch(dataset, scenario, &[], solver, &settings.options)));
        let main = dispatch(dataset, scenario, packages, solver, &settings.options);
        let base = base.map(|thread| {
            thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        (main, base)
    });
    let main = main?;
    let start = disruption_start(scenario);
    let zones = zone_kpis(&main.built.system, &main.results, start);
    let eu = group_kpi(
        &main.built.system,
        &main.results,
        &main.eu_zones,
        "EU",
        start,
    );

    let versus_do_nothing = if let Some(base) = base {
        let base = base?;
        let (deltas, cost) = compare(&main.ledger, &base.ledger);
        let do_nothing_eu = group_kpi(
            &base.built.system,
            &base.results,
            &base.eu_zones,
            "EU",
            start,
        );
        Some(Comparison {
            deltas,
            cost,
            do_nothing_eu,
        })
    } else {
        None
    };

    Ok(RunOutcome {
        scenario: scenario.name.clone(),
        packages: packages.iter().map(|p| p.name.value.clone()).collect(),
        built: main.built,
        results: main.results,
        zones,
        eu,
        eu_zones: main.eu_zones,
        ledger: main.ledger,
        versus_do_nothing,
        disruption_start: start,
        solver: solver.name(),
        solve_seconds: main.seconds,
    })
}
