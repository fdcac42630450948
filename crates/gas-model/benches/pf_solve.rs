//! Perfect foresight on the synthetic Europe instance as one LP, solved directly with the
//! network simplex: cold (crash basis) and from a cost-scaling start.
//!
//! `cargo bench -p gas-model --bench pf_solve` (`-- --runs N`, `-- --only cold|scaled|coarse`,
//! `-- --factor F` (block size), `-- --candidates C` (candidate list per 100 arcs of a
//! block, in coarse-to-fine solves), `-- --days D` for a shorter period). The coarse
//! levels are those of a perfect-foresight run ([`gas_model::coarse_levels`]).

mod common;

use common::arg;
use gas_lp::{NetworkSimplex, SolveOptions, Solver};
use gas_model::RunOptions;
use std::time::Instant;

/// CPU time of this process (user + system) in seconds, from /proc (Linux only).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn main() {
    let runs: usize = arg("--runs").and_then(|v| v.parse().ok()).unwrap_or(1);
    let only = arg("--only");
    let shape = gas_model::synthetic::Shape {
        days: arg("--days")
            .and_then(|v| v.parse().ok())
            .unwrap_or(gas_model::synthetic::Shape::default().days),
        ..gas_model::synthetic::Shape::default()
    };
    let system = gas_model::synthetic::europe_with(1, shape);
    let f = gas_model::formulate(&system, &RunOptions::default()).expect("formulate");
    println!(
        "whole-period LP: {} rows, {} columns",
        f.problem.num_rows(),
        f.problem.num_cols()
    );
    let variants = [
        ("cold (crash basis)", "cold", NetworkSimplex::default()),
        (
            "cost-scaling start",
            "scaled",
            NetworkSimplex {
                cost_scaling_min_arcs: 0,
                ..NetworkSimplex::default()
            },
        ),
    ];
    let groups = gas_model::coarse_levels(&f, &system);
    let levels: Vec<gas_lp::CoarseLevel> = groups
        .iter()
        .map(|(rows, cols)| gas_lp::CoarseLevel {
            row_groups: rows,
            col_groups: cols,
        })
        .collect();
    if only.as_ref().is_none_or(|o| o == "coarse") {
        let solver = NetworkSimplex {
            block_size_factor: arg("--factor")
                .and_then(|v| v.parse().ok())
                .unwrap_or(NetworkSimplex::default().block_size_factor),
            coarse_to_fine_candidates_per_100: arg("--candidates")
                .and_then(|v| v.parse().ok())
                .unwrap_or(NetworkSimplex::default().coarse_to_fine_candidates_per_100),
            ..NetworkSimplex::default()
        };
        let label = format!("coarse ({} levels)", levels.len());
        for _ in 0..runs {
            timed(&label, || {
                solver.solve_coarse_to_fine(&f.problem, &levels, &SolveOptions::default())
            });
        }
    }
    for (label, key, solver) in variants {
        if only.as_ref().is_some_and(|o| o != key) {
            continue;
        }
        for _ in 0..runs {
            timed(label, || solver.solve(&f.problem, &SolveOptions::default()));
        }
    }
}

/// Runs `solve` once and prints its wall and CPU time, pivots, objective and status.
fn timed(label: &str, solve: impl FnOnce() -> Result<gas_lp::Solution, gas_lp::SolveError>) {
    let (t0, c0) = (Instant::now(), cpu_seconds());
    let s = solve().expect("solve");
    let wall = t0.elapsed().as_secs_f64();
    let cpu = match (c0, cpu_seconds()) {
        (Some(a), Some(b)) => b - a,
        _ => f64::NAN,
    };
    println!(
        "{label:<22} wall {wall:>7.3} s  cpu {cpu:>6.2} s  {:>7} pivots  objective {:.10e}  {:?}",
        s.iterations, s.objective, s.status
    );
}
