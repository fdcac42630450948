//! The HiGHS backend (cargo feature `highs`).

use crate::{Problem, SolveError, SolveOptions, Solution, Solver};

/// Which HiGHS algorithm to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum HighsMethod {
    /// Dual simplex (HiGHS's default for LPs).
    #[default]
    Simplex,
    /// Interior point with crossover (so duals and a basic solution are returned).
    Ipm,
}

/// The HiGHS LP solver (any LP, not only networks). The reference backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Highs {
    /// The algorithm (default [`HighsMethod::Simplex`]).
    pub method: HighsMethod,
}

impl Solver for Highs {
    fn name(&self) -> &'static str {
        "highs"
    }

    fn solve(&self, problem: &Problem, _options: &SolveOptions) -> Result<Solution, SolveError> {
        problem.validate()?;
        Err(SolveError::Backend("not implemented yet".into()))
    }
}
