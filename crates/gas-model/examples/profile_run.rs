//! Runs one operation mode on the synthetic Europe instance (for profiling).
//!
//! `cargo run --release -p gas-model --example profile_run -- [pf|rolling|myopic] [refine|ignore] [warm|cold] [max passes]`

use gas_core::system::Operation;
use gas_model::{run_with, FillCurveMode, RunOptions};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let mut system = gas_model::synthetic::europe(1);
    system.settings.operation = match args.get(1).map(String::as_str) {
        Some("pf") => Operation::PerfectForesight,
        Some("rolling") => Operation::RollingHorizon {
            window_days: 30,
            commit_days: 7,
        },
        _ => Operation::Myopic,
    };
    let options = RunOptions {
        fill_curves: if args.get(2).map(String::as_str) == Some("ignore") {
            FillCurveMode::Ignore
        } else {
            FillCurveMode::Refine
        },
        warm_start: args.get(3).map(String::as_str) != Some("cold"),
        max_passes: args.get(4).and_then(|p| p.parse().ok()).unwrap_or(50),
        ..RunOptions::default()
    };
    let t0 = Instant::now();
    let results = run_with(&system, &gas_lp::NetworkSimplex::default(), &options)?;
    println!(
        "{:.3} s, objective {} kEUR",
        t0.elapsed().as_secs_f64(),
        results.objective_keur
    );
    for note in &results.notes {
        println!("{note}");
    }
    Ok(())
}
