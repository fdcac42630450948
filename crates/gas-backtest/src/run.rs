//! One backtest: build the scenario, fix the observed inputs, dispatch, compare.

use crate::compare::{compare, BacktestTable};
use crate::observe::Observations;
use crate::replay::{self, ReplayReport};
use gas_core::dataset::Dataset;
use gas_core::Results;
use gas_lp::Solver;
use gas_model::RunOptions;
use gas_scenario::{Built, FileErrors, Package, Scenario};

/// Why a backtest could not run.
#[derive(Debug, thiserror::Error)]
pub enum BacktestError {
    /// The scenario or a package does not fit the dataset.
    #[error("{0}")]
    Scenario(#[from] FileErrors),
    /// The dispatch failed.
    #[error("{0}")]
    Run(#[from] gas_model::RunError),
}

/// Curtailment in one zone over the period.
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneCurtailment {
    /// Zone code.
    pub zone: String,
    /// Curtailed demand, TWh.
    pub twh: f64,
    /// Days with any curtailment (> 0.5 GWh).
    pub days: usize,
}

/// Everything a backtest produced.
#[derive(Debug, Clone)]
pub struct Backtest {
    /// The system built and fixed to the observed inputs (as dispatched).
    pub built: Built,
    /// What the replay fixed.
    pub replay: ReplayReport,
    /// Daily results.
    pub results: Results,
    /// The comparison.
    pub table: BacktestTable,
    /// Curtailment needed to stay feasible, EU member zones only, largest first.
    pub curtailment: Vec<ZoneCurtailment>,
    /// Surplus sent to the spill outlet per EU zone, largest first (same shape as curtailment).
    pub spill: Vec<ZoneCurtailment>,
    /// Flow beyond the dataset's capacity per link between EU zones (overflow
    /// links; `zone` holds the pipeline code), largest first.
    pub overflow: Vec<ZoneCurtailment>,
}

impl Backtest {
    /// Total surplus spilled by EU member zones, TWh.
    pub fn eu_spill_twh(&self) -> f64 {
        self.spill.iter().map(|c| c.twh).sum()
    }

    /// Total curtailment in EU member zones, TWh.
    pub fn eu_curtailment_twh(&self) -> f64 {
        self.curtailment.iter().map(|c| c.twh).sum()
    }
}

/// Builds `scenario` with `packages` on `dataset`, fixes the observed inputs
/// ([`replay::apply`]), dispatches and compares the storage fill with the
/// dataset's observations.
pub fn run(
    dataset: &Dataset,
    scenario: &Scenario,
    packages: &[Package],
    solver: &dyn Solver,
    options: &RunOptions,
) -> Result<Backtest, BacktestError> {
    let mut built = gas_scenario::build(dataset, scenario, packages)?;
    let replay = replay::apply(&mut built.system, dataset);
    let results = gas_model::run_with(&built.system, solver, options)?;
    let observations = Observations::from_dataset(dataset);
    let table = compare(&built.system, &results, &observations);
    let system = &built.system;
    let mut curtailment: Vec<ZoneCurtailment> = Vec::new();
    for (d, demand) in system.demands.iter().enumerate() {
        let code = &system.zones[demand.zone.index()].code;
        if !observations.eu_members.contains(code) {
            continue;
        }
        let series = &results.curtailed_gwh_d[d];
        let index = match curtailment.iter().position(|c| &c.zone == code) {
            Some(index) => index,
            None => {
                curtailment.push(ZoneCurtailment {
                    zone: code.clone(),
                    twh: 0.0,
                    days: 0,
                });
                curtailment.len() - 1
            }
        };
        curtailment[index].twh += series.iter().map(|v| v.value()).sum::<f64>() / 1000.0;
        let days = series.iter().filter(|v| v.value() > 0.5).count();
        curtailment[index].days = curtailment[index].days.max(days);
    }
    curtailment.retain(|c| c.twh > 1e-6);
    curtailment.sort_by(|a, b| b.twh.total_cmp(&a.twh).then_with(|| a.zone.cmp(&b.zone)));
    let mut spill: Vec<ZoneCurtailment> = Vec::new();
    for (p, pipeline) in system.pipelines.iter().enumerate() {
        if system.zones[pipeline.to.index()].code != replay::SPILL_ZONE {
            continue;
        }
        let series = &results.pipeline_flow_gwh_d[p];
        let twh = series.iter().map(|v| v.value()).sum::<f64>() / 1000.0;
        if twh > 1e-6 {
            spill.push(ZoneCurtailment {
                zone: system.zones[pipeline.from.index()].code.clone(),
                twh,
                days: series.iter().filter(|v| v.value() > 0.5).count(),
            });
        }
    }
    spill.sort_by(|a, b| b.twh.total_cmp(&a.twh).then_with(|| a.zone.cmp(&b.zone)));
    let mut overflow: Vec<ZoneCurtailment> = Vec::new();
    for (p, pipeline) in system.pipelines.iter().enumerate() {
        let Some(link) = pipeline.code.strip_suffix(replay::OVERFLOW_SUFFIX) else {
            continue;
        };
        let series = &results.pipeline_flow_gwh_d[p];
        let twh = series.iter().map(|v| v.value()).sum::<f64>() / 1000.0;
        if twh > 1e-6 {
            overflow.push(ZoneCurtailment {
                zone: link.to_string(),
                twh,
                days: series.iter().filter(|v| v.value() > 0.5).count(),
            });
        }
    }
    overflow.sort_by(|a, b| b.twh.total_cmp(&a.twh).then_with(|| a.zone.cmp(&b.zone)));
    Ok(Backtest {
        spill,
        overflow,
        built,
        replay,
        results,
        table,
        curtailment,
    })
}
