//! The network simplex backend: a primal network simplex on a spanning-tree basis.
//!
//! See [`NetworkSimplex`] for what it accepts, its tolerances and its warm start.

mod aggregate;
mod build;
#[cfg(debug_assertions)]
mod check;
mod cost_scaling;
mod crash;
mod crossover;
mod hint;
mod pivot;
mod pricing;
mod reuse;
mod tree;

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

pub use aggregate::CoarseLevel;
use build::Network;
use reuse::{Prepared, Reused};
use tree::{Simplex, TREE};

use crate::{
    complete_solution, Basis, BasisInner, Problem, Solution, SolveError, SolveOptions, Solver,
    Status, Workspace,
};

/// Warm-start data of the network simplex: the spanning tree and the non-tree arc states.
#[derive(Clone)]
pub(crate) struct NetworkBasis {
    fingerprint: u64,
    /// Tree arc of each real node (`num_arcs + v` for node `v`'s artificial arc).
    pred: Vec<u32>,
    /// State of each real arc.
    state: Vec<i8>,
    /// Which solve produced this basis (unique in the process): a workspace that still
    /// holds that solve's final state continues from it (see `reuse`). Not part of the
    /// basis's value.
    id: u64,
}

// Equality and the debug form leave out the id, so that two solves that end the same are
// the same byte for byte.
impl std::fmt::Debug for NetworkBasis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NetworkBasis")
            .field("fingerprint", &self.fingerprint)
            .field("pred", &self.pred)
            .field("state", &self.state)
            .finish()
    }
}

impl PartialEq for NetworkBasis {
    fn eq(&self, other: &Self) -> bool {
        self.fingerprint == other.fingerprint
            && self.pred == other.pred
            && self.state == other.state
    }
}

/// The next [`NetworkBasis::id`].
fn next_basis_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Primal network simplex for LPs whose constraint matrix is a node–arc incidence matrix
/// (min-cost flow). Pure Rust, deterministic, warm-startable.
///
/// # What it accepts
///
/// Rows are nodes with `inflow − outflow ∈ [lower, upper]`. Every column must have at most
/// two nonzero coefficients, each `+1` or `-1`, and if two, one of each sign: the column is
/// an arc from its `-1` row to its `+1` row. A column with a single nonzero is an arc to or
/// from an implicit *ground* node; a column without nonzeros sits at its cheaper bound.
/// Column bounds are shifted out (any finite or infinite bounds); an inequality or ranged
/// row gets a slack arc to ground. Anything else is rejected with
/// [`SolveError::NotANetwork`] naming the column (and row):
///
/// ```
/// use gas_lp::{NetworkSimplex, Problem, SolveError, SolveOptions, Solver};
/// let mut p = Problem::new();
/// let r = p.add_row(1.0, 1.0);
/// let x = p.add_col(0.0, 10.0, 1.0);
/// p.set_coef(r, x, 2.0);
/// let err = NetworkSimplex::default().solve(&p, &SolveOptions::default()).unwrap_err();
/// assert!(matches!(err, SolveError::NotANetwork { col, row: Some(row), .. } if col == x && row == r));
/// ```
///
/// # Method
///
/// Phase 1 and phase 2 are merged: each node starts on an artificial arc to an artificial
/// root, and costs are lexicographic pairs (artificial flow first, then the real cost),
/// which is big-M with M → ∞ without its rounding trouble. Artificial flow left at the
/// lexicographic optimum means [`Status::Infeasible`]. Infinite capacities are kept
/// infinite (no big-M on capacities): a negative-cost cycle of unlimited capacity means
/// [`Status::Unbounded`] (after checking that the problem is feasible at all).
///
/// A cold start first places each node's demand (or supply) on its cheapest arcs from (or
/// to) ground, as far as their capacities go (a *crash* basis; see
/// [`NetworkSimplex::crash`]); the rest starts on artificial arcs.
///
/// The entering arc comes from a block search over the arcs, in blocks of
/// `block_size_factor · √arcs`, through a candidate list on networks of up to 100 000 arcs
/// by default (see [`NetworkSimplex::small_candidates_per_100`] and
/// [`NetworkSimplex::candidates_per_100`]); the leaving arc by the strongly-feasible-tree rule
/// (no cycling). Ties are broken by arc order, so results are reproducible byte for byte.
///
/// # Tolerances
///
/// Flows within `1e-9 · max(1, largest |demand| of a row or finite capacity)` of a bound
/// count as at the bound (ground's demand, the sum of all rows', is not a scale); reduced
/// costs within `1e-9 · max(1, largest |cost|)` of zero count as zero, but within at most
/// `max(1e-5, 1e-13 · largest |cost|)`, so that a large penalty beside small costs does
/// not hide their differences.
/// At the end, flows and potentials are recomputed from the tree from scratch.
///
/// # Warm start
///
/// [`Solution::basis`] holds the final tree. Given to a solve of a problem with the same
/// structure (same rows, same columns with the same nonzero pattern and the same kinds of
/// bounds: only bound values, costs and right-hand sides changed) it is the starting
/// basis: tree flows are recomputed for the new data; a tree arc whose flow would break its
/// bounds is cut and its subtree re-attached to the root by an artificial arc, which the
/// simplex then drives out. A basis that does not fit is ignored (cold start).
///
/// In a [`Workspace`] ([`Solver::solve_in`]) a warm start from the basis the workspace's
/// last solve ended with at an optimum, when no cost changed since, goes on from that
/// solve's state instead: same path and results, but when the tree's new flows stay within
/// bounds the basis is known to be still optimal and no pricing pass is made.
///
/// A hint ([`crate::Basis::from_col_statuses`]) starts from the tree its basic columns
/// span (see [`crate::Basis`]); the parts they do not connect hang from the root by
/// artificial arcs, and the flows are set and repaired as for a warm start.
#[derive(Debug, Clone, PartialEq)]
pub struct NetworkSimplex {
    /// Block size of the block-search pivot rule as a multiple of `√arcs` (at least 10
    /// arcs per block). Default 2, by measurement (see `BENCHMARKS.md`): on gas-model's
    /// 360k-column Europe instance factor 1 was fastest (2 was 1.2× and 5 about 3× slower),
    /// on this crate's 130k-arc benchmark factor 3 (2 within 10 %, 10 about 1.8× slower).
    pub block_size_factor: f64,
    /// Candidate-list pricing on every network: the list keeps this many arcs per 100 arcs
    /// of a block (at least 3); 0 leaves the choice to
    /// [`NetworkSimplex::small_candidates_per_100`] and
    /// [`NetworkSimplex::coarse_to_fine_candidates_per_100`]. Default 0: on gas-model's whole-period
    /// Europe instance lists of 1 or 2 per 100 saved about 10 % of the pivots but no time
    /// (`BENCHMARKS.md`).
    pub candidates_per_100: f64,
    /// Candidate-list length (arcs per 100 arcs of a block) on networks of at most
    /// [`NetworkSimplex::small_network_max_arcs`] arcs, when `candidates_per_100` is 0;
    /// 0 prices them by plain block search too. Default 20, by measurement on gas-model's
    /// 30-day rolling windows (26 550 arcs, warm-started from the previous window): 18 %
    /// fewer pivots and 26 % fewer arcs priced than the block search (`BENCHMARKS.md`).
    /// Not used by [`Solver::solve_coarse_to_fine`] (see the next field).
    pub small_candidates_per_100: f64,
    /// Largest network (real arcs, slacks included) priced with
    /// [`NetworkSimplex::small_candidates_per_100`]. Default 100 000: larger networks
    /// (this crate's 130k-arc benchmark, gas-model's whole period) were not measured to
    /// gain from a list and keep the block search.
    pub small_network_max_arcs: usize,
    /// Candidate-list pricing in coarse-to-fine solves ([`Solver::solve_coarse_to_fine`]),
    /// when `candidates_per_100` is 0, in arcs per 100 arcs of a block (0: plain block
    /// search). Default 2: near the end of a large solve, where few arcs violate, the list
    /// saves most of the scanning (gas-model's perfect foresight on its Europe instance:
    /// 49 192 → 44 911 pivots, ~20 % less time; `BENCHMARKS.md`).
    pub coarse_to_fine_candidates_per_100: f64,
    /// Stop with [`Status::IterationLimit`] after this many pivots. Default: no limit.
    pub max_iterations: Option<u64>,
    /// Cold starts begin from a crash basis (each node's demand or supply placed on its
    /// cheapest arcs to and from ground) instead of artificial arcs alone. Default `true`.
    pub crash: bool,
    /// Cold starts on networks of at least this many arcs begin from a cost-scaling
    /// solution (ε-scaling push/relabel on costs rounded to a grid) turned into a
    /// spanning tree (a *crossover*), from which the simplex finishes with the real costs;
    /// smaller networks, and cases where cost scaling gives up, start from the crash
    /// basis. `usize::MAX` turns it off.
    pub cost_scaling_min_arcs: usize,
}

impl Default for NetworkSimplex {
    fn default() -> Self {
        NetworkSimplex {
            block_size_factor: 2.0,
            candidates_per_100: 0.0,
            small_candidates_per_100: 20.0,
            small_network_max_arcs: 100_000,
            coarse_to_fine_candidates_per_100: 2.0,
            max_iterations: None,
            crash: true,
            cost_scaling_min_arcs: usize::MAX,
        }
    }
}

enum Outcome {
    Optimal,
    Infeasible,
    Unbounded,
    Limit,
}

impl NetworkSimplex {
    fn run(&self, sx: &mut Simplex, options: &SolveOptions, iterations: &mut u64) -> Outcome {
        let deadline = options
            .time_limit_seconds
            .filter(|t| *t >= 0.0)
            .map(|t| Instant::now() + Duration::from_secs_f64(t.min(1e9)));
        let mut feasibility_only = false;
        let mut refreshes = 0;
        loop {
            if self.max_iterations.is_some_and(|max| *iterations >= max) {
                return Outcome::Limit;
            }
            if *iterations % 256 == 0 && deadline.is_some_and(|d| Instant::now() >= d) {
                return Outcome::Limit;
            }
            match sx.find_entering(feasibility_only) {
                Some(e) => {
                    *iterations += 1;
                    if sx.pivot(e).is_err() {
                        if feasibility_only {
                            // Cannot happen: every cycle that lowers artificial flow is
                            // bounded by that flow. Treat as not proven feasible.
                            return Outcome::Infeasible;
                        }
                        if sx.artificial_flow() <= sx.feas_tol {
                            return Outcome::Unbounded;
                        }
                        feasibility_only = true;
                    }
                }
                None => {
                    // Recompute flows and potentials from scratch, and go on pivoting if
                    // rounding had hidden something.
                    if refreshes < 8 {
                        refreshes += 1;
                        let changed = sx.repair(false);
                        sx.compute_potentials();
                        if changed || sx.find_entering(feasibility_only).is_some() {
                            continue;
                        }
                    }
                    return if sx.artificial_flow() > sx.feas_tol {
                        Outcome::Infeasible
                    } else if feasibility_only {
                        Outcome::Unbounded
                    } else {
                        Outcome::Optimal
                    };
                }
            }
        }
    }
}

/// Length of the candidate list for `per_100` arcs per 100 arcs of a block (at least 3, at
/// most a block); 0 (plain block search) when `per_100` is not a positive number.
fn list_length(per_100: f64, block_size: usize) -> usize {
    if !(per_100 > 0.0 && per_100.is_finite()) {
        return 0;
    }
    let head = (per_100 / 100.0 * block_size as f64).ceil();
    (head as usize).clamp(3, block_size.max(3))
}

/// Row duals (∂objective/∂rhs) from the potentials, relative to the ground node.
///
/// Nodes hanging from the root by different artificial arcs form separate components whose
/// real potentials are fixed only up to a constant each. Their artificial potentials are
/// `±1`; adding `M · π_artificial` with the smallest `M` that makes every arc between them
/// dual feasible gives valid duals.
fn row_duals(sx: &Simplex, num_rows: usize) -> Vec<f64> {
    let mut big_m = 0.0f64;
    for e in 0..sx.m {
        let s = sx.state[e];
        if s == TREE {
            continue;
        }
        let (u, w) = (sx.source[e] as usize, sx.target[e] as usize);
        let ra = f64::from(s) * (sx.pi_a[u] - sx.pi_a[w]);
        if ra > 0.5 {
            let rr = f64::from(s) * (sx.cost[e] + sx.pi[u] - sx.pi[w]);
            big_m = big_m.max(-rr / ra);
        }
    }
    let ground = num_rows;
    let potential = |v: usize| sx.pi[v] + big_m * sx.pi_a[v];
    let reference = potential(ground);
    (0..num_rows)
        .map(|r| {
            let d = potential(r) - reference;
            if d == 0.0 {
                0.0
            } else {
                d
            }
        })
        .collect()
}

impl Solver for NetworkSimplex {
    fn name(&self) -> &'static str {
        "network-simplex"
    }

    fn uses_hints(&self) -> bool {
        true
    }

    fn solve_coarse_to_fine(
        &self,
        problem: &Problem,
        levels: &[CoarseLevel],
        options: &SolveOptions,
    ) -> Result<Solution, SolveError> {
        self.solve_levels(problem, levels, options)
    }

    fn solve(&self, problem: &Problem, options: &SolveOptions) -> Result<Solution, SolveError> {
        self.solve_in(problem, options, &mut Workspace::new())
    }

    /// Keeps the network and the working arrays in `workspace`: a problem with the same
    /// structure as the last one updates them in place (see [`Workspace`]).
    fn solve_in(
        &self,
        problem: &Problem,
        options: &SolveOptions,
        workspace: &mut Workspace,
    ) -> Result<Solution, SolveError> {
        problem.validate()?;
        let start = options.warm_start.and_then(|basis| match &basis.inner {
            BasisInner::Network(b) => Some(b.id),
            #[allow(unreachable_patterns)]
            _ => None,
        });
        let (mut reused, prepared) =
            Reused::prepare(problem, workspace.take(), self.block_size_factor, start)?;
        let solution = match prepared {
            Prepared::Reset => self.solve_prepared(problem, options, &mut reused),
            Prepared::Continued => self.solve_continued(problem, options, &mut reused),
        };
        reused.optimal_basis = match (&solution.status, &solution.basis) {
            (
                Status::Optimal,
                Some(Basis {
                    inner: BasisInner::Network(b),
                    ..
                }),
            ) => Some(b.id),
            _ => None,
        };
        workspace.put(reused);
        Ok(solution)
    }
}

impl NetworkSimplex {
    /// The candidate-list length for a network of `arcs` real arcs priced in blocks of
    /// `block_size` (at least 3, at most a block); 0 for plain block search.
    fn head_length(&self, arcs: usize, block_size: usize) -> usize {
        let per_100 = if self.candidates_per_100 > 0.0 {
            self.candidates_per_100
        } else if arcs <= self.small_network_max_arcs {
            self.small_candidates_per_100
        } else {
            0.0
        };
        list_length(per_100, block_size)
    }

    /// Solves `problem` on its prepared network and freshly reset working arrays.
    fn solve_prepared(
        &self,
        problem: &Problem,
        options: &SolveOptions,
        reused: &mut Reused,
    ) -> Solution {
        let Reused { net, sx, .. } = reused;
        let net = &*net;
        sx.head_length = self.head_length(sx.m, sx.block_size);
        let warm_ok = options.warm_start.is_some_and(|basis| match &basis.inner {
            BasisInner::Network(b) if b.fingerprint == net.fingerprint => {
                sx.load_basis(&b.pred, &b.state)
            }
            BasisInner::Hint => sx.load_hint(net, &basis.cols),
            #[allow(unreachable_patterns)]
            _ => false,
        });
        let scaled = !warm_ok
            && net.source.len() >= self.cost_scaling_min_arcs
            && cost_scaling::solve(net).is_some_and(|opt| sx.load_scaled(&opt));
        if !warm_ok && !scaled {
            sx.load_cold();
            if self.crash {
                sx.crash();
            }
        }
        sx.repair(true);
        sx.compute_potentials();
        let mut iterations = 0;
        self.finish(problem, net, sx, options, &mut iterations)
    }

    /// Solves `problem` from the optimal state of the last solve in `reused`, whose
    /// capacities and demands have been refreshed ([`Prepared::Continued`]). When the
    /// tree's flows stay within bounds without artificial flow, the basis is still
    /// optimal (no cost changed, so neither did any reduced cost) and no pricing pass is
    /// made; otherwise the simplex goes on from there.
    fn solve_continued(
        &self,
        problem: &Problem,
        options: &SolveOptions,
        reused: &mut Reused,
    ) -> Solution {
        let Reused { net, sx, .. } = reused;
        let net = &*net;
        // The preorder a loaded basis gets, so that the solve takes the path it would
        // take from the basis (rounding in the flows follows the order).
        let ordered = sx.rebuild_order();
        debug_assert!(ordered);
        let cut = sx.repair(true);
        let mut iterations = 0;
        if !cut && sx.down_artificials == 0 {
            return self.read_solution(problem, net, sx, Outcome::Optimal, iterations);
        }
        sx.compute_potentials();
        self.finish(problem, net, sx, options, &mut iterations)
    }

    /// Pivots from `sx`'s starting tree to the end and reads the solution off it
    /// (values, duals, warm-start basis); `iterations` counts on from its value.
    pub(super) fn finish(
        &self,
        problem: &Problem,
        net: &Network,
        sx: &mut Simplex,
        options: &SolveOptions,
        iterations: &mut u64,
    ) -> Solution {
        let outcome = self.run(sx, options, iterations);
        self.read_solution(problem, net, sx, outcome, *iterations)
    }

    /// The solution at `sx`'s state after a run that ended with `outcome`.
    fn read_solution(
        &self,
        problem: &Problem,
        net: &Network,
        sx: &Simplex,
        outcome: Outcome,
        iterations: u64,
    ) -> Solution {
        let status = match outcome {
            Outcome::Optimal if net.unbounded_col => Status::Unbounded,
            Outcome::Optimal => Status::Optimal,
            Outcome::Infeasible => Status::Infeasible,
            Outcome::Unbounded => Status::Unbounded,
            Outcome::Limit => Status::IterationLimit,
        };
        let flows: Vec<f64> = (0..sx.m)
            .map(|e| sx.flow[e].clamp(0.0, sx.cap[e]))
            .collect();
        let col_values = net.col_values(&flows);
        let duals = row_duals(sx, problem.num_rows());
        let basis = matches!(status, Status::Optimal | Status::IterationLimit).then(|| Basis {
            cols: net.col_statuses(&sx.state),
            inner: BasisInner::Network(NetworkBasis {
                fingerprint: net.fingerprint,
                pred: sx.pred[..sx.n].to_vec(),
                state: sx.state[..sx.m].to_vec(),
                id: next_basis_id(),
            }),
        });
        complete_solution(problem, status, col_values, duals, iterations, basis)
    }
}
