//! The network simplex backend.

use crate::{Problem, SolveError, SolveOptions, Solution, Solver};

/// Warm-start data of the network simplex.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NetworkBasis {}

/// Primal network simplex for min-cost-flow LPs (pure Rust).
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkSimplex {
    /// Block size of the block-search pivot rule, as a multiple of `√arcs` (default 10).
    pub block_size_factor: f64,
    /// Stop with [`crate::Status::IterationLimit`] after this many pivots (default: none).
    pub max_iterations: Option<u64>,
}

impl Default for NetworkSimplex {
    fn default() -> Self {
        NetworkSimplex {
            block_size_factor: 10.0,
            max_iterations: None,
        }
    }
}

impl Solver for NetworkSimplex {
    fn name(&self) -> &'static str {
        "network-simplex"
    }

    fn solve(&self, problem: &Problem, _options: &SolveOptions) -> Result<Solution, SolveError> {
        problem.validate()?;
        Err(SolveError::Backend("not implemented yet".into()))
    }
}
