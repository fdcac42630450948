//! Reusing a network and the simplex's working arrays between solves
//! ([`crate::Solver::solve_in`]): when only bound values, costs and right-hand sides
//! changed, the network is updated in place instead of built again, and the working
//! arrays are reset without allocating.
//!
//! When, besides, no cost changed and the solve starts from the basis the last solve in
//! the workspace ended with at an optimum, the working state is *continued* instead of
//! reset: that solve's tree, arc states and potentials are kept and only capacities and
//! demands are refreshed. Reduced costs depend on the tree and the costs alone, so if the
//! flows the tree then carries are within bounds, the basis is still optimal and no
//! pricing pass is needed (a refinement pass that only lowered capacities the solution did
//! not use, say).

use super::build::{normalise, shift_base, ColMap, Network};
use super::tree::{Simplex, LOWER};
use crate::{Col, Problem, Row, SolveError};

/// What the network simplex keeps in a [`crate::Workspace`].
pub(crate) struct Reused {
    pub net: Network,
    pub sx: Simplex,
    /// The id of the basis ([`super::NetworkBasis`]) that the last solve here ended with at
    /// an optimum, while `sx` still holds that solve's final state.
    pub optimal_basis: Option<u64>,
}

/// How [`Reused::prepare`] left the working state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Prepared {
    /// Reset: the solve loads its start.
    Reset,
    /// The last solve's optimal state with capacities and demands refreshed (see the
    /// module docs).
    Continued,
}

impl Reused {
    /// The network and working arrays for `problem` (validated), from `cached` when there
    /// is one: updated in place when the structure is the same, rebuilt otherwise. The
    /// working arrays are reset (reusing their allocations), or continued when no cost
    /// changed and `start` is the id of the optimal basis the last solve here ended with.
    pub fn prepare(
        problem: &Problem,
        cached: Option<Box<Reused>>,
        block_size_factor: f64,
        start: Option<u64>,
    ) -> Result<(Box<Reused>, Prepared), SolveError> {
        match cached {
            Some(mut r) => {
                let continued = match r.net.update(problem) {
                    Some(update) => {
                        !update.costs_changed && start.is_some() && r.optimal_basis == start
                    }
                    None => {
                        r.net = Network::build(problem)?;
                        false
                    }
                };
                r.optimal_basis = None;
                if continued {
                    r.sx.refresh_bounds(&r.net, block_size_factor);
                    return Ok((r, Prepared::Continued));
                }
                r.sx.reset(&r.net, block_size_factor);
                Ok((r, Prepared::Reset))
            }
            None => {
                let net = Network::build(problem)?;
                let sx = Simplex::new(&net, block_size_factor);
                let reused = Reused {
                    net,
                    sx,
                    optimal_basis: None,
                };
                Ok((Box::new(reused), Prepared::Reset))
            }
        }
    }
}

/// What [`Network::update`] changed besides capacities and demands.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Update {
    /// Some arc's cost changed.
    pub costs_changed: bool,
}

/// The tail (`-1`) and head (`+1`) rows of a column, ground for a missing end, and the
/// number of nonzeros; `None` when the column is not an arc.
fn ends(problem: &Problem, col: Col, ground: u32) -> Option<(u32, u32, usize)> {
    let mut ends = [None, None];
    let mut count = 0;
    for &(row, value) in problem.col_coefs(col) {
        if value == 0.0 {
            continue;
        }
        count += 1;
        let slot = if value == 1.0 {
            1
        } else if value == -1.0 {
            0
        } else {
            return None;
        };
        if ends[slot].replace(row.0).is_some() {
            return None;
        }
    }
    Some((ends[0].unwrap_or(ground), ends[1].unwrap_or(ground), count))
}

impl Network {
    /// Updates bound values, costs and demands from `problem` (validated) in place, as
    /// [`Network::build`] would set them. Returns `false` (leaving the network partly
    /// updated, to be built again) when the problem's structure differs: other row or
    /// column counts, another nonzero pattern, or another kind of bounds (a finite bound
    /// become infinite or the reverse, an equality become a range).
    pub fn update(&mut self, problem: &Problem) -> Option<Update> {
        let rows = problem.num_rows();
        if self.num_nodes != rows + 1 || self.cols.len() != problem.num_cols() {
            return None;
        }
        let mut costs_changed = false;
        let ground = rows as u32;
        let mut shift = vec![0.0; rows + 1];
        let mut col_arcs = 0usize;
        self.unbounded_col = false;
        for j in 0..self.cols.len() {
            let col = Col(j as u32);
            let (lower, upper) = problem.col_bounds(col);
            let (lower, upper) = normalise(lower, upper);
            let cost = problem.col_cost(col);
            let (tail, head, count) = ends(problem, col, ground)?;
            let base = shift_base(lower, upper);
            let same = |arc: u32, s: u32, t: u32| {
                (arc as usize) < self.source.len()
                    && self.source[arc as usize] == s
                    && self.target[arc as usize] == t
            };
            match &mut self.cols[j] {
                ColMap::Fixed(_) if count == 0 => {
                    let value = self.fixed_value(lower, upper, cost);
                    self.cols[j] = ColMap::Fixed(value);
                    continue;
                }
                ColMap::Forward { arc, base: b }
                    if count > 0 && lower.is_finite() && same(*arc, tail, head) =>
                {
                    *b = base;
                    let arc = *arc as usize;
                    costs_changed |= self.cost[arc] != cost;
                    self.cost[arc] = cost;
                    self.cap[arc] = upper - lower;
                    col_arcs += 1;
                }
                ColMap::Reverse { arc, base: b }
                    if count > 0
                        && !lower.is_finite()
                        && upper.is_finite()
                        && same(*arc, head, tail) =>
                {
                    *b = base;
                    costs_changed |= self.cost[*arc as usize] != -cost;
                    self.cost[*arc as usize] = -cost;
                    col_arcs += 1;
                }
                ColMap::Free { pos, neg }
                    if count > 0
                        && !lower.is_finite()
                        && !upper.is_finite()
                        && same(*pos, tail, head)
                        && same(*neg, head, tail) =>
                {
                    costs_changed |= self.cost[*pos as usize] != cost;
                    self.cost[*pos as usize] = cost;
                    self.cost[*neg as usize] = -cost;
                    col_arcs += 2;
                }
                _ => return None,
            }
            shift[head as usize] += base;
            shift[tail as usize] -= base;
        }
        // Slack arcs of the rows follow the column arcs, row by row.
        let mut next = col_arcs;
        let mut slack = |s: u32, t: u32, cap: f64, net: &mut Network| {
            if next < net.source.len() && net.source[next] == s && net.target[next] == t {
                net.cap[next] = cap;
                net.cost[next] = 0.0;
                next += 1;
                true
            } else {
                false
            }
        };
        let mut total = 0.0;
        for (i, &shift_i) in shift.iter().enumerate().take(rows) {
            let (lower, upper) = problem.row_bounds(Row(i as u32));
            let (lower, upper) = normalise(lower, upper);
            let node = i as u32;
            let (rhs, ok) = if lower == upper {
                (lower, true)
            } else if lower.is_finite() {
                (lower, slack(node, ground, upper - lower, self))
            } else if upper.is_finite() {
                (upper, slack(ground, node, f64::INFINITY, self))
            } else {
                let ok = slack(node, ground, f64::INFINITY, self)
                    && slack(ground, node, f64::INFINITY, self);
                (0.0, ok)
            };
            if !ok {
                return None;
            }
            self.demand[i] = rhs - shift_i;
            total += self.demand[i];
        }
        if next != self.source.len() {
            return None;
        }
        self.demand[rows] = -total;
        Some(Update { costs_changed })
    }
}

impl Simplex {
    /// Puts the working state back to what [`Simplex::new`] gives for `net`, reusing the
    /// allocations (the arrays keep their lengths when the network has the same size).
    pub fn reset(&mut self, net: &Network, block_size_factor: f64) {
        let n = net.num_nodes;
        let m = net.source.len();
        let root = n as u32;
        self.n = n;
        self.m = m;
        self.source.clear();
        self.source.extend_from_slice(&net.source);
        self.source.extend(0..n as u32);
        self.target.clear();
        self.target.extend_from_slice(&net.target);
        self.target.extend(std::iter::repeat_n(root, n));
        self.cost.clear();
        self.cost.extend_from_slice(&net.cost);
        self.cost.resize(m + n, 0.0);
        self.cap.clear();
        self.cap.extend_from_slice(&net.cap);
        self.cap.resize(m + n, f64::INFINITY);
        let fresh = Simplex::scalars(net, block_size_factor);
        self.feas_tol = fresh.feas_tol;
        self.opt_tol = fresh.opt_tol;
        self.big_m = fresh.big_m;
        self.block_size = fresh.block_size;
        refill(&mut self.flow, m + n, 0.0);
        refill(&mut self.state, m + n, LOWER);
        self.demand.clear();
        self.demand.extend_from_slice(&net.demand);
        refill(&mut self.parent, n + 1, root);
        self.pred.clear();
        self.pred
            .extend((m as u32..(m + n) as u32).chain([u32::MAX]));
        refill(&mut self.up, n + 1, true);
        refill(&mut self.thread, n + 1, 0);
        refill(&mut self.rev_thread, n + 1, 0);
        refill(&mut self.succ_num, n + 1, 1);
        self.last_succ.clear();
        self.last_succ.extend(0..=n as u32);
        refill(&mut self.pi, n + 1, 0.0);
        refill(&mut self.pi_a, n + 1, 0.0);
        refill(&mut self.pi_c, n + 1, 0.0);
        self.down_artificials = 0;
        self.next_arc = 0;
        self.head_length = 0;
        self.candidates.clear();
        self.stem.clear();
        self.pieces.clear();
    }
}

impl Simplex {
    /// Takes the capacities and demands of `net` (same structure and costs as the network
    /// this state was solved on) and the tolerances they give, keeping the tree, arc states
    /// and potentials. Flows are left to [`Simplex::repair`].
    pub fn refresh_bounds(&mut self, net: &Network, block_size_factor: f64) {
        let m = self.m;
        self.cap[..m].copy_from_slice(&net.cap);
        self.demand.copy_from_slice(&net.demand);
        let fresh = Simplex::scalars(net, block_size_factor);
        self.feas_tol = fresh.feas_tol;
        self.opt_tol = fresh.opt_tol;
        self.big_m = fresh.big_m;
        self.block_size = fresh.block_size;
        for e in 0..m {
            // An arc at an upper bound that is no longer finite goes to its lower bound.
            if self.state[e] == super::tree::UPPER && !self.cap[e].is_finite() {
                self.state[e] = LOWER;
            }
        }
        self.next_arc = 0;
        self.candidates.clear();
    }
}

/// Sets `v` to `len` copies of `value`, reusing its allocation.
fn refill<T: Copy>(v: &mut Vec<T>, len: usize, value: T) {
    v.clear();
    v.resize(len, value);
}

/// The scalar settings [`Simplex::new`] derives from a network.
pub(super) struct Scalars {
    pub(super) feas_tol: f64,
    pub(super) opt_tol: f64,
    pub(super) big_m: f64,
    pub(super) block_size: usize,
}

impl Simplex {
    /// Tolerances, big-M and block size for `net` (used by [`Simplex::new`] and by a reset).
    pub(super) fn scalars(net: &Network, block_size_factor: f64) -> Scalars {
        let m = net.source.len();
        // Ground (the last node) carries minus the sum of every row's demand: scaling the
        // tolerance by it would let each node stay off its balance by 1e-9 of the whole
        // problem's total (a few MWh/d in a year-long dispatch), so only rows count.
        let rows = net.demand.len().saturating_sub(1);
        let feas_tol = 1e-9 * largest_finite(&net.demand[..rows]).max(largest_finite(&net.cap));
        let (largest_cost, total_cost) = cost_extent(&net.cost);
        let opt_tol = optimality_tolerance(largest_cost);
        let factor = if block_size_factor.is_finite() && block_size_factor > 0.0 {
            block_size_factor
        } else {
            1.0
        };
        let big_m = (3.0 * total_cost + 1.0).log2().ceil().exp2();
        let block_size = ((factor * (m as f64).sqrt()).ceil() as usize).clamp(10, m.max(10));
        Scalars {
            feas_tol,
            opt_tol,
            big_m,
            block_size,
        }
    }
}

/// Reduced costs within this of zero count as zero, given `largest_cost` (at least 1):
/// `1e-9 · largest_cost` for costs up to 1e4, so that rounding in potentials never makes
/// an arc look attractive; but at most [`OPTIMALITY_TOLERANCE_CAP`] (or `1e-13 ·
/// largest_cost`, the scale of rounding in potentials, when that is larger), so that a
/// large penalty beside small costs does not hide their differences: with 1e6 EUR/MWh
/// beside the fill balance's 1e-4 EUR/MWh steps, `1e-9 · largest_cost` would be 1e-3.
fn optimality_tolerance(largest_cost: f64) -> f64 {
    (1e-9 * largest_cost).min(OPTIMALITY_TOLERANCE_CAP.max(1e-13 * largest_cost))
}

/// Largest optimality tolerance for costs up to 1e8 (in the problem's cost unit,
/// EUR/MWh in gas-model).
const OPTIMALITY_TOLERANCE_CAP: f64 = 1e-5;

/// Accumulators per pass in [`largest_finite`] and [`cost_extent`]: independent chains of
/// `max` and `+`, so that a pass over a large network is not one long dependency chain.
const CHAINS: usize = 4;

/// `max(1, largest finite |value|)`.
fn largest_finite(values: &[f64]) -> f64 {
    let mut acc = [1.0f64; CHAINS];
    let chunks = values.chunks_exact(CHAINS);
    let rest = chunks.remainder();
    for chunk in chunks {
        for (a, v) in acc.iter_mut().zip(chunk) {
            if v.is_finite() {
                *a = a.max(v.abs());
            }
        }
    }
    for v in rest.iter().filter(|v| v.is_finite()) {
        acc[0] = acc[0].max(v.abs());
    }
    acc.into_iter().fold(1.0, f64::max)
}

/// `max(1, largest |cost|)` and `Σ |cost|` (costs are finite).
fn cost_extent(costs: &[f64]) -> (f64, f64) {
    let mut largest = [1.0f64; CHAINS];
    let mut total = [0.0f64; CHAINS];
    let chunks = costs.chunks_exact(CHAINS);
    let rest = chunks.remainder();
    for chunk in chunks {
        for k in 0..CHAINS {
            let c = chunk[k].abs();
            largest[k] = largest[k].max(c);
            total[k] += c;
        }
    }
    for c in rest {
        largest[0] = largest[0].max(c.abs());
        total[0] += c.abs();
    }
    (
        largest.into_iter().fold(1.0, f64::max),
        total.into_iter().sum(),
    )
}

#[cfg(test)]
mod tests {
    use super::optimality_tolerance;

    #[test]
    fn the_optimality_tolerance_is_relative_up_to_its_cap() {
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-12 * b;
        // 1e-9 of the largest cost up to 1e4 (the shipped penalties are at most 5000).
        assert!(close(optimality_tolerance(1.0), 1e-9));
        assert!(close(optimality_tolerance(3000.0), 3e-6));
        assert!(close(optimality_tolerance(1e4), 1e-5));
        // Then 1e-5 up to 1e8, then 1e-13 of the largest cost.
        assert!(close(optimality_tolerance(1e6), 1e-5));
        assert!(close(optimality_tolerance(1e8), 1e-5));
        assert!(close(optimality_tolerance(1e12), 0.1));
    }
}
