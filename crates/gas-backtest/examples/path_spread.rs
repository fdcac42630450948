//! How far the backtest's zone errors move between equally optimal dispatches.
//!
//! The replay LP has alternative optima: two storages whose fill sits in the same band
//! of the fill balance (gas-model `storage::BALANCE_BANDS`) can trade gas at no cost, so
//! the split between zones depends on the solver's path. This runs the replay with the
//! network simplex under several pricing settings (each an exact optimum of the same LP)
//! and prints each zone's mean absolute error per setting and its range.
//!
//! `cargo run --release -p gas-backtest --example path_spread -- [scenarios/actual-2022.toml]`

use gas_lp::NetworkSimplex;
use std::path::Path;

/// Zones reported: the EU and its five largest storage zones, then Hungary.
const ZONES: [&str; 7] = ["EU", "DE", "IT", "NL", "FR", "AT", "HU"];

fn main() {
    let scenario_path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "scenarios/actual-2022.toml".into());
    let scenario = gas_scenario::load_scenario(Path::new(&scenario_path)).expect("scenario");
    let dataset = gas_io::load_dataset(Path::new("data")).expect("dataset");
    let defaults = NetworkSimplex::default();
    let variants: Vec<(String, NetworkSimplex)> =
        [(2.0, 0.0), (2.0, 2.0), (2.0, 10.0), (1.0, 2.0), (4.0, 2.0)]
            .into_iter()
            .map(|(factor, candidates)| {
                (
                    format!("block {factor}, list {candidates}"),
                    NetworkSimplex {
                        block_size_factor: factor,
                        coarse_to_fine_candidates_per_100: candidates,
                        ..defaults.clone()
                    },
                )
            })
            .collect();
    print!("{:<22}", "pricing");
    for zone in ZONES {
        print!("{zone:>7}");
    }
    println!("   objective kEUR");
    let mut maes: Vec<Vec<f64>> = vec![Vec::new(); ZONES.len()];
    for (label, solver) in &variants {
        let backtest = gas_backtest::run(
            &dataset,
            &scenario,
            &[],
            solver,
            &gas_model::RunOptions::default(),
        )
        .expect("backtest");
        print!("{label:<22}");
        for (i, zone) in ZONES.iter().enumerate() {
            let mae = backtest
                .table
                .zone(zone)
                .map_or(f64::NAN, |z| z.mean_abs_error_pp);
            maes[i].push(mae);
            print!("{mae:>7.1}");
        }
        println!("   {:.1}", backtest.results.objective_keur);
    }
    print!("{:<22}", "range (max - min)");
    for values in &maes {
        let max = values.iter().cloned().fold(f64::MIN, f64::max);
        let min = values.iter().cloned().fold(f64::MAX, f64::min);
        print!("{:>7.1}", max - min);
    }
    println!();
}
