//! Writes the replay LP of a backtest scenario as free MPS (to solve it with any
//! solver, e.g. HiGHS) and prints the default solver's status and objective on
//! the same LP for comparison.
//!
//! `cargo run --release -p gas-backtest --example replay_lp -- [scenarios/actual-2022.toml] [out.mps]`

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let scenario_path = args
        .first()
        .map_or("scenarios/actual-2022.toml", String::as_str);
    let out = args.get(1).map_or("/tmp/replay.mps", String::as_str);
    let scenario = gas_scenario::load_scenario(Path::new(scenario_path)).expect("scenario");
    let dataset = gas_io::load_dataset(Path::new("data")).expect("dataset");
    let mut built = gas_scenario::build(&dataset, &scenario, &[]).expect("build");
    let report = gas_backtest::replay::apply(&mut built.system, &dataset);
    for note in &report.notes {
        eprintln!("note: {note}");
    }
    let mut file = std::io::BufWriter::new(std::fs::File::create(out).expect("create"));
    gas_model::export_mps(&built.system, &mut file).expect("export");
    eprintln!("wrote {out}");
    let formulation =
        gas_model::formulate(&built.system, &gas_model::RunOptions::default()).expect("formulate");
    let solution = gas_lp::default_solver()
        .solve(&formulation.problem, &gas_lp::SolveOptions::default())
        .expect("solve");
    eprintln!(
        "default solver: {:?}, objective {:.9e}, {} iterations",
        solution.status, solution.objective, solution.iterations
    );
}
