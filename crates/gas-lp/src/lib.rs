//! Solver-neutral linear programming for gasbuffer.
//!
//! Build a [`Problem`] (minimise `cost · x + offset` subject to row and column bounds), then
//! hand it to a [`Solver`]:
//!
//! - [`NetworkSimplex`] (the [`default_solver`]): a pure-Rust primal network simplex for
//!   problems whose constraint matrix is a node–arc incidence matrix (min-cost flow).
//!   Fast, deterministic, warm-startable.
//! - `Highs` (cargo feature `highs`): the HiGHS solver, for any LP; the reference backend.
//!
//! Both backends report the same [`Solution`] with the same sign conventions:
//!
//! - `row_duals[i]` = ∂objective / ∂(right-hand side of row `i`): how much the optimal
//!   objective rises when the row's *active* bound rises by one unit. For a balance row
//!   `inflow − outflow = demand` it is the marginal cost of one more unit of demand
//!   (usually ≥ 0). A row that is not binding has dual 0.
//! - `col_reduced_costs[j]` = `cost_j − Σ_i a_ij · row_duals[i]`: how much the objective
//!   rises per unit increase of column `j` from its current value (≥ 0 for a column at its
//!   lower bound, ≤ 0 at its upper bound, 0 between them, at optimality).
//!
//! The problem knows nothing of gas: rows and columns are plain indices ([`Row`], [`Col`]).
//!
//! # Example
//!
//! Ship 3 units from a source to a sink over two routes: a cheap one (cost 1, capacity 2)
//! and a dear one (cost 4). Rows are nodes with `inflow − outflow = net demand`; columns
//! with one `-1` and one `+1` are arcs.
//!
//! ```
//! use gas_lp::{default_solver, Problem, SolveOptions, Status};
//!
//! let mut p = Problem::new();
//! let source = p.add_row(-3.0, -3.0); // supplies 3: inflow − outflow = −3
//! let sink = p.add_row(3.0, 3.0); // demands 3
//! let cheap = p.add_col(0.0, 2.0, 1.0);
//! let dear = p.add_col(0.0, f64::INFINITY, 4.0);
//! for arc in [cheap, dear] {
//!     p.set_coef(source, arc, -1.0);
//!     p.set_coef(sink, arc, 1.0);
//! }
//! let solution = default_solver().solve(&p, &SolveOptions::default())?;
//! assert_eq!(solution.status, Status::Optimal);
//! assert_eq!(solution.col_values, vec![2.0, 1.0]);
//! assert_eq!(solution.objective, 2.0 * 1.0 + 1.0 * 4.0);
//! // One more unit of demand at the sink comes over the dear route: dual = 4 − 0.
//! let sink_dual = solution.row_duals[sink.0 as usize] - solution.row_duals[source.0 as usize];
//! assert_eq!(sink_dual, 4.0);
//! # Ok::<(), gas_lp::SolveError>(())
//! ```
#![deny(missing_docs)]

mod error;
#[cfg(feature = "highs")]
mod highs;
mod mps;
mod network;
mod problem;
mod workspace;

pub use error::{ProblemError, SolveError};
#[cfg(feature = "highs")]
pub use highs::{Highs, HighsMethod};
pub use network::{CoarseLevel, NetworkSimplex};
pub use problem::{Col, Problem, Row, INFINITY_THRESHOLD};
pub use workspace::Workspace;

/// The outcome of a solve. Not an error: an infeasible scenario is a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// An optimal solution was found.
    Optimal,
    /// No point satisfies all bounds and rows.
    Infeasible,
    /// The problem is feasible and the objective decreases without limit.
    Unbounded,
    /// The iteration or time limit stopped the solver first.
    IterationLimit,
}

/// The result of [`Solver::solve`].
///
/// The vectors always have one entry per column or row. Their values are meaningful only
/// when `status` is [`Status::Optimal`]; otherwise they hold the solver's last point.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// The outcome.
    pub status: Status,
    /// Objective value including the offset; `+inf` when infeasible, `-inf` when unbounded.
    pub objective: f64,
    /// Value of each column.
    pub col_values: Vec<f64>,
    /// `Σ_j a_ij · x_j` of each row.
    pub row_activities: Vec<f64>,
    /// ∂objective / ∂(active bound of the row); see the crate docs for the sign convention.
    pub row_duals: Vec<f64>,
    /// `cost_j − Σ_i a_ij · row_duals[i]`; see the crate docs.
    pub col_reduced_costs: Vec<f64>,
    /// Simplex pivots (or interior-point iterations) performed.
    pub iterations: u64,
    /// Warm-start information for a later solve of a problem with the same structure.
    pub basis: Option<Basis>,
}

/// Where a column sits in a basis: the solver-neutral part of a [`Basis`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColStatus {
    /// Non-basic at its lower bound (also: a column with no finite bound, at zero).
    Lower,
    /// Non-basic at its upper bound.
    Upper,
    /// Basic (free to lie between its bounds).
    Basic,
}

/// Warm-start information (see [`SolveOptions::warm_start`]).
///
/// A basis produced by a solve is specific to its backend and to the problem's structure:
/// given to a solve of a problem with the same structure it is the exact starting basis;
/// a basis from another backend or another structure is ignored (cold start).
///
/// A *hint* ([`Basis::from_col_statuses`]) is solver-neutral: one [`ColStatus`] per column,
/// for instance carried over from the solution of a related problem (an overlapping
/// window, or the same days solved in smaller pieces). Solvers that can use it
/// ([`Solver::uses_hints`]) build their starting point from it; the statuses need not
/// form a valid basis (extra basic columns are dropped, missing ones made up).
#[derive(Debug, Clone, PartialEq)]
pub struct Basis {
    pub(crate) cols: Vec<ColStatus>,
    pub(crate) inner: BasisInner,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum BasisInner {
    /// Only the column statuses.
    Hint,
    Network(network::NetworkBasis),
    #[cfg(feature = "highs")]
    #[allow(dead_code)]
    Highs,
}

impl Basis {
    /// A solver-neutral hint: one status per column of the problem it will start.
    pub fn from_col_statuses(cols: Vec<ColStatus>) -> Basis {
        Basis {
            cols,
            inner: BasisInner::Hint,
        }
    }

    /// The status of each column (empty if the backend does not report them).
    pub fn col_statuses(&self) -> &[ColStatus] {
        &self.cols
    }
}

/// Options for one solve. `SolveOptions::default()` means a cold start without time limit.
#[derive(Debug, Clone, Copy, Default)]
pub struct SolveOptions<'a> {
    /// Start from this basis (from an earlier solve of a problem with the same structure).
    pub warm_start: Option<&'a Basis>,
    /// Stop with [`Status::IterationLimit`] after about this many seconds of wall time.
    pub time_limit_seconds: Option<f64>,
}

/// An LP solver backend.
pub trait Solver: Send + Sync {
    /// A short name for reports, such as `"network-simplex"`.
    fn name(&self) -> &'static str;
    /// Solves `problem` (which is validated first).
    ///
    /// Infeasibility and unboundedness are reported in [`Solution::status`]; an `Err`
    /// means the problem is malformed, unsupported by this backend, or the backend failed.
    fn solve(&self, problem: &Problem, options: &SolveOptions) -> Result<Solution, SolveError>;
    /// [`Solver::solve`] with working memory kept in `workspace` between calls: a backend
    /// that can reuse what it built for the previous problem (when only bound values,
    /// costs and right-hand sides changed) does so; the solution is the same as
    /// [`Solver::solve`]'s. Default: [`Solver::solve`] (the workspace is left alone).
    fn solve_in(
        &self,
        problem: &Problem,
        options: &SolveOptions,
        workspace: &mut Workspace,
    ) -> Result<Solution, SolveError> {
        let _ = workspace;
        self.solve(problem, options)
    }
    /// Whether this backend starts from a hint ([`Basis::from_col_statuses`]); a caller
    /// can skip the work of making one when it does not. Default `false`.
    fn uses_hints(&self) -> bool {
        false
    }
    /// Solves `problem` coarse to fine: coarser versions of it ([`CoarseLevel`], coarsest
    /// first; for instance the days of a time-expanded network merged into blocks) are
    /// solved first, each starting the next. The result is that of [`Solver::solve`] up to
    /// alternative optima; only the time differs. The default ignores the levels and calls
    /// [`Solver::solve`]; [`NetworkSimplex`] uses them for cold starts.
    fn solve_coarse_to_fine(
        &self,
        problem: &Problem,
        levels: &[CoarseLevel],
        options: &SolveOptions,
    ) -> Result<Solution, SolveError> {
        let _ = levels;
        self.solve(problem, options)
    }
}

/// The default backend: [`NetworkSimplex`] with its default options.
pub fn default_solver() -> Box<dyn Solver> {
    Box::new(NetworkSimplex::default())
}

/// Row activities, objective and reduced costs from column values and row duals, the same
/// way for every backend.
pub(crate) fn complete_solution(
    problem: &Problem,
    status: Status,
    col_values: Vec<f64>,
    row_duals: Vec<f64>,
    iterations: u64,
    basis: Option<Basis>,
) -> Solution {
    // Activities, reduced costs and the objective in one pass over the columns (the same
    // sums, in the same order, as `Problem::row_activities`, a fold per column and
    // `Problem::objective_value`).
    let mut row_activities = vec![0.0; problem.num_rows()];
    let mut col_reduced_costs = Vec::with_capacity(problem.num_cols());
    let mut value = problem.objective_offset();
    for j in 0..problem.num_cols() {
        let col = Col(j as u32);
        let x = col_values.get(j).copied();
        let cost = problem.col_cost(col);
        let mut reduced = cost;
        for &(row, a) in problem.col_coefs(col) {
            let r = row.0 as usize;
            if let Some(x) = x {
                row_activities[r] += a * x;
            }
            reduced -= a * row_duals[r];
        }
        col_reduced_costs.push(reduced);
        if let Some(x) = x {
            if cost != 0.0 {
                value += cost * x;
            }
        }
    }
    let objective = match status {
        Status::Infeasible => f64::INFINITY,
        Status::Unbounded => f64::NEG_INFINITY,
        Status::Optimal | Status::IterationLimit => value,
    };
    Solution {
        status,
        objective,
        col_values,
        row_activities,
        row_duals,
        col_reduced_costs,
        iterations,
        basis,
    }
}
