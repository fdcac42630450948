//! Benchmark: the network simplex (cold, and warm after a small change) on a synthetic
//! time-expanded instance of about 24k rows and 129k columns; HiGHS simplex and IPM too with
//! `--features highs`.
//!
//! Run: `cargo bench -p gas-lp --bench network` (add `--features highs` for HiGHS).
//! Options: `-- --runs N` (best of N, default 3), `-- --factor F` (block size factor),
//! `-- --crash 0` (cold starts without the crash basis).

#[path = "common/instance.rs"]
mod instance;

use std::time::Instant;

use gas_lp::{NetworkSimplex, Problem, Solution, SolveOptions, Solver};

/// CPU time of this process (user + system) in seconds, from /proc (Linux; `None`
/// elsewhere). On a shared machine this is the fairer measure: wall time includes waiting
/// for a core.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Best wall and CPU seconds over `runs` solves, and the last solution.
fn time(
    runs: usize,
    solver: &dyn Solver,
    p: &Problem,
    options: &SolveOptions,
) -> ((f64, f64), Solution) {
    let (mut wall, mut cpu) = (f64::INFINITY, f64::INFINITY);
    let mut last = None;
    for _ in 0..runs {
        let (start, start_cpu) = (Instant::now(), cpu_seconds());
        let s = solver.solve(p, options).expect("solve");
        wall = wall.min(start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (start_cpu, cpu_seconds()) {
            cpu = cpu.min(b - a);
        }
        last = Some(s);
    }
    ((wall, cpu), last.expect("at least one run"))
}

fn report(label: &str, (wall, cpu): (f64, f64), s: &Solution) {
    println!(
        "{label:<42} wall {wall:>7.3} s  cpu {cpu:>7.2} s  {:>7} iterations  objective {:.9e}  {:?}",
        s.iterations, s.objective, s.status
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<f64>().ok())
    };
    let runs = arg("--runs").map_or(3, |v| v.max(1.0) as usize);
    let start = Instant::now();
    let inst = instance::build(instance::Shape::FULL);
    let p = &inst.problem;
    println!(
        "instance: {} rows, {} columns, {} nonzeros (built in {:.3} s); best of {runs}",
        p.num_rows(),
        p.num_cols(),
        p.num_nonzeros(),
        start.elapsed().as_secs_f64()
    );
    let mut factors = vec![NetworkSimplex::default().block_size_factor];
    if let Some(f) = arg("--factor") {
        factors = vec![f];
    }
    let changed = instance::cut_supply(&inst, 5, 200);
    for factor in factors {
        let ns = NetworkSimplex {
            block_size_factor: factor,
            crash: arg("--crash") != Some(0.0),
            ..NetworkSimplex::default()
        };
        let (t, base) = time(runs, &ns, p, &SolveOptions::default());
        report(
            &format!("network simplex cold (factor {factor}, crash {})", ns.crash),
            t,
            &base,
        );
        let (t, cold) = time(runs, &ns, &changed, &SolveOptions::default());
        report("network simplex cold, after supply cut", t, &cold);
        let warm_opts = SolveOptions {
            warm_start: base.basis.as_ref(),
            ..SolveOptions::default()
        };
        let (t, warm) = time(runs, &ns, &changed, &warm_opts);
        report("network simplex warm, after supply cut", t, &warm);
        assert!((warm.objective - cold.objective).abs() <= 1e-9 * cold.objective.abs());
        let (t, same) = time(runs, &ns, p, &warm_opts);
        report("network simplex warm, same problem", t, &same);
    }
    #[cfg(feature = "highs")]
    for method in [gas_lp::HighsMethod::Simplex, gas_lp::HighsMethod::Ipm] {
        let highs = gas_lp::Highs { method };
        let (t, s) = time(1, &highs, p, &SolveOptions::default());
        report(&format!("HiGHS {method:?}"), t, &s);
    }
}
