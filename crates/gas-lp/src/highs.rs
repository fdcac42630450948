//! The HiGHS backend (cargo feature `highs`): any LP, through the `highs` crate.

use std::ffi::CString;
use std::panic::{catch_unwind, AssertUnwindSafe};

use highs::{ColProblem, HighsModelStatus, Model};

use crate::problem::is_infinite;
use crate::{
    complete_solution, Col, Problem, Row, Solution, SolveError, SolveOptions, Solver, Status,
};

/// Which HiGHS algorithm to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum HighsMethod {
    /// Simplex (HiGHS chooses dual or primal; dual by default).
    #[default]
    Simplex,
    /// Interior point followed by crossover, so that duals come from a basic solution.
    Ipm,
}

/// The HiGHS LP solver: any LP, not only networks. The reference backend.
///
/// Values, duals and reduced costs follow the crate's sign conventions (those of HiGHS
/// for a minimisation). Warm starts are not used ([`Solution::basis`] is `None`), and HiGHS
/// runs with its default options apart from the method, quiet output and the time limit.
/// An infeasibility found with presolve is confirmed by a second solve without it (HiGHS's
/// presolve has been seen to declare feasible LPs infeasible).
///
/// ```
/// use gas_lp::{Highs, HighsMethod, Problem, SolveOptions, Solver, Status};
/// let mut p = Problem::new();
/// let r = p.add_row(2.0, 2.0);
/// let x = p.add_col(0.0, 5.0, 3.0);
/// p.set_coef(r, x, 2.0); // not a network: HiGHS does not mind
/// let s = Highs { method: HighsMethod::Ipm }.solve(&p, &SolveOptions::default())?;
/// assert_eq!(s.status, Status::Optimal);
/// assert!((s.objective - 3.0).abs() < 1e-9);
/// assert!((s.row_duals[0] - 1.5).abs() < 1e-9); // one more unit of the row costs 3 / 2
/// # Ok::<(), gas_lp::SolveError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Highs {
    /// The algorithm (default [`HighsMethod::Simplex`]).
    pub method: HighsMethod,
}

fn bounds(lower: f64, upper: f64) -> std::ops::RangeInclusive<f64> {
    let l = if is_infinite(lower) {
        f64::NEG_INFINITY
    } else {
        lower
    };
    let u = if is_infinite(upper) {
        f64::INFINITY
    } else {
        upper
    };
    l..=u
}

impl Highs {
    fn run(
        &self,
        problem: &Problem,
        options: &SolveOptions,
        presolve: bool,
    ) -> Result<(HighsModelStatus, Vec<f64>, Vec<f64>, u64), SolveError> {
        let mut pb = ColProblem::new();
        let rows: Vec<highs::Row> = (0..problem.num_rows())
            .map(|i| {
                let (l, u) = problem.row_bounds(Row(i as u32));
                pb.add_row(bounds(l, u))
            })
            .collect();
        for j in 0..problem.num_cols() {
            let col = Col(j as u32);
            let (l, u) = problem.col_bounds(col);
            let entries = problem
                .col_coefs(col)
                .iter()
                .map(|&(row, value)| (rows[row.0 as usize], value));
            pb.add_column(problem.col_cost(col), bounds(l, u), entries);
        }
        let mut model = Model::try_new(pb)
            .map_err(|status| SolveError::Backend(format!("HiGHS rejected the LP: {status:?}")))?;
        let method = match self.method {
            HighsMethod::Simplex => "simplex",
            HighsMethod::Ipm => "ipm",
        };
        model.set_option("solver", method);
        if !presolve {
            model.set_option("presolve", "off");
        }
        if let Some(t) = options.time_limit_seconds.filter(|t| *t >= 0.0) {
            model.set_option("time_limit", t);
        }
        let solved = model
            .try_solve()
            .map_err(|status| SolveError::Backend(format!("HiGHS failed: {status:?}")))?;
        let status = solved.status();
        let solution = solved.get_solution();
        let iterations = ["simplex_iteration_count", "ipm_iteration_count"]
            .iter()
            .map(|name| int_info(solved.as_ptr(), name))
            .sum();
        Ok((
            status,
            solution.columns().to_vec(),
            solution.dual_rows().to_vec(),
            iterations,
        ))
    }
}

/// An integer info value of a HiGHS instance (0 when unavailable).
fn int_info(highs: *const std::ffi::c_void, name: &str) -> u64 {
    let Ok(name) = CString::new(name) else {
        return 0;
    };
    let mut value: highs_sys::HighsInt = 0;
    // SAFETY: `highs` points to a live HiGHS instance owned by the caller's `SolvedModel`;
    // `name` is a NUL-terminated string and `value` a valid out-pointer for the call.
    let status = unsafe { highs_sys::Highs_getIntInfoValue(highs, name.as_ptr(), &mut value) };
    if status == highs_sys::STATUS_OK {
        u64::try_from(value).unwrap_or(0)
    } else {
        0
    }
}

/// A problem without columns: feasible when every row admits activity 0.
fn solve_without_columns(problem: &Problem) -> Solution {
    let feasible = (0..problem.num_rows()).all(|i| {
        let (l, u) = problem.row_bounds(Row(i as u32));
        l <= 0.0 && 0.0 <= u
    });
    let status = if feasible {
        Status::Optimal
    } else {
        Status::Infeasible
    };
    complete_solution(
        problem,
        status,
        Vec::new(),
        vec![0.0; problem.num_rows()],
        0,
        None,
    )
}

impl Solver for Highs {
    fn name(&self) -> &'static str {
        match self.method {
            HighsMethod::Simplex => "highs-simplex",
            HighsMethod::Ipm => "highs-ipm",
        }
    }

    fn solve(&self, problem: &Problem, options: &SolveOptions) -> Result<Solution, SolveError> {
        problem.validate()?;
        if problem.num_cols() == 0 {
            return Ok(solve_without_columns(problem));
        }
        // The `highs` crate panics on some internal errors: report them as errors instead.
        let attempt = |presolve| {
            catch_unwind(AssertUnwindSafe(|| self.run(problem, options, presolve)))
                .unwrap_or_else(|_| Err(SolveError::Backend("HiGHS panicked".into())))
        };
        let (mut model_status, mut values, mut duals, mut iterations) = attempt(true)?;
        if matches!(
            model_status,
            HighsModelStatus::UnboundedOrInfeasible | HighsModelStatus::Infeasible
        ) {
            // Presolve can stop short of telling which; the simplex without it can. And
            // HiGHS's presolve (1.16) can declare a feasible LP infeasible (the random
            // network of `tests/regression.rs`): only the solve without it is trusted.
            let rerun = attempt(false)?;
            iterations += rerun.3;
            (model_status, values, duals) = (rerun.0, rerun.1, rerun.2);
        }
        let status = match model_status {
            HighsModelStatus::Optimal => Status::Optimal,
            HighsModelStatus::Infeasible => Status::Infeasible,
            HighsModelStatus::Unbounded => Status::Unbounded,
            HighsModelStatus::ReachedTimeLimit | HighsModelStatus::ReachedIterationLimit => {
                Status::IterationLimit
            }
            other => {
                return Err(SolveError::Backend(format!(
                    "HiGHS ended with model status {other:?}"
                )))
            }
        };
        values.resize(problem.num_cols(), 0.0);
        duals.resize(problem.num_rows(), 0.0);
        Ok(complete_solution(
            problem, status, values, duals, iterations, None,
        ))
    }
}
