//! Dispatch benchmark on the synthetic Europe-sized system (`gas_model::synthetic::europe`).
//!
//! `cargo bench -p gas-model --bench dispatch` (add `--features highs` for HiGHS).
//! Prints one row per operation mode and solver: median wall time of a few runs,
//! solves, objective. Set `GASBUFFER_BENCH_RUNS` to change the number of runs (default 3).
//! Filters (after `--`): `--mode pf|rolling|myopic` and `--curves ignore|refine|exact`
//! run only the matching rows, e.g.
//! `cargo bench -p gas-model --bench dispatch -- --mode pf --curves ignore`;
//! `--factor F` and `--candidates C` set the network simplex's block size factor and
//! candidate list length (`--c2f-candidates C` in coarse-to-fine solves); `--balance B` the fill balance step in EUR/MWh/day (0 turns it
//! off; default the settings' default).

mod common;

use common::arg;
use gas_core::system::Operation;
use gas_lp::Solver;
use gas_model::{run_with, FillCurveMode, RunOptions};
use std::time::Instant;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let only_mode = arg("--mode");
    let only_curves = arg("--curves");
    let runs: usize = std::env::var("GASBUFFER_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3)
        .max(1);
    let mut base = gas_model::synthetic::europe(1);
    if let Some(step) = arg("--balance").and_then(|v| v.parse().ok()) {
        base.settings.storage_balance_eur_mwh_day = gas_core::units::EurPerMwh(step);
    }
    println!(
        "synthetic Europe: {} zones, {} pipelines, {} routes, {} LNG origins, {} storages, {} demands, {} days",
        base.zones.len(),
        base.pipelines.len(),
        base.routes.len(),
        base.lng_supplies.len(),
        base.storages.len(),
        base.demands.len(),
        base.period.days
    );
    let solvers: Vec<Box<dyn Solver>> = vec![
        Box::new(gas_lp::NetworkSimplex {
            block_size_factor: arg("--factor")
                .and_then(|v| v.parse().ok())
                .unwrap_or(gas_lp::NetworkSimplex::default().block_size_factor),
            candidates_per_100: arg("--candidates")
                .and_then(|v| v.parse().ok())
                .unwrap_or(gas_lp::NetworkSimplex::default().candidates_per_100),
            coarse_to_fine_candidates_per_100: arg("--c2f-candidates")
                .and_then(|v| v.parse().ok())
                .unwrap_or(gas_lp::NetworkSimplex::default().coarse_to_fine_candidates_per_100),
            ..gas_lp::NetworkSimplex::default()
        }),
        #[cfg(feature = "highs")]
        Box::new(gas_lp::Highs::default()),
    ];
    let modes = [
        ("perfect foresight", "pf", Operation::PerfectForesight),
        (
            "rolling 30/7",
            "rolling",
            Operation::RollingHorizon {
                window_days: 30,
                commit_days: 7,
            },
        ),
        ("myopic", "myopic", Operation::Myopic),
    ];
    let curve_modes = [
        ("flat (curves ignored)", "ignore", FillCurveMode::Ignore),
        ("fill curves refined", "refine", FillCurveMode::Refine),
        ("fill curves exact", "exact", FillCurveMode::Exact),
    ];
    println!("| operation | fill curves | solver | median s | min s | objective kEUR | notes |");
    println!("| --- | --- | --- | ---: | ---: | ---: | --- |");
    for solver in &solvers {
        for (curve_name, curve_key, curve_mode) in curve_modes {
            if only_curves.as_ref().is_some_and(|c| c != curve_key) {
                continue;
            }
            let network = solver.name() == "network-simplex";
            if curve_mode == FillCurveMode::Exact && network {
                continue; // side constraints: not a network
            }
            if curve_mode == FillCurveMode::Refine && !network {
                continue; // the refinement is for the network simplex (HiGHS has no warm start here)
            }
            for (mode_name, mode_key, operation) in modes {
                if only_mode.as_ref().is_some_and(|m| m != mode_key) {
                    continue;
                }
                let mut system = base.clone();
                system.settings.operation = operation;
                let options = RunOptions {
                    fill_curves: curve_mode,
                    ..RunOptions::default()
                };
                let mut times = Vec::new();
                let mut last = None;
                for _ in 0..runs {
                    let t0 = Instant::now();
                    let results = run_with(&system, solver.as_ref(), &options);
                    times.push(t0.elapsed().as_secs_f64());
                    last = Some(results);
                }
                let (objective, notes) = match last {
                    Some(Ok(r)) => (
                        format!("{:.1}", r.objective_keur),
                        format!("{:?}; {}", r.status, r.notes.join("; ")),
                    ),
                    Some(Err(e)) => ("-".into(), e.to_string()),
                    None => ("-".into(), String::new()),
                };
                let min = times.iter().cloned().fold(f64::INFINITY, f64::min);
                println!(
                    "| {mode_name} | {curve_name} | {} | {:.3} | {:.3} | {objective} | {notes} |",
                    solver.name(),
                    median(times),
                    min
                );
            }
        }
    }
    if only_mode.is_some() || only_curves.is_some() {
        return;
    }
    // Building the whole-period LP alone (what an export or a first solve costs).
    let t0 = Instant::now();
    let mut sink = std::io::sink();
    let built = gas_model::export_mps(&base, &mut sink);
    println!(
        "\nbuild + write MPS of the whole period: {:.3} s ({})",
        t0.elapsed().as_secs_f64(),
        if built.is_ok() { "ok" } else { "failed" }
    );
}
