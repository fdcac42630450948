//! Choosing the solver backend by name.

use gas_lp::Solver;

/// Backend names accepted by `--solver`.
pub fn backend_names() -> &'static [&'static str] {
    if cfg!(feature = "highs") {
        &["network", "highs", "highs-ipm"]
    } else {
        &["network"]
    }
}

/// The solver called `name`: `network` (the default network simplex),
/// and with the `highs` feature `highs` (simplex) or `highs-ipm` (interior point).
pub fn solver_by_name(name: &str) -> Option<Box<dyn Solver>> {
    match name {
        "network" => Some(gas_lp::default_solver()),
        #[cfg(feature = "highs")]
        "highs" => Some(Box::new(gas_lp::Highs::default())),
        #[cfg(feature = "highs")]
        "highs-ipm" => Some(Box::new(gas_lp::Highs {
            method: gas_lp::HighsMethod::Ipm,
        })),
        _ => None,
    }
}
