//! From a [`Problem`] to a min-cost-flow network.
//!
//! Nodes are the rows plus a *ground* node (index `num_rows`). A column with entries `-1` in
//! row `u` and `+1` in row `v` is an arc `u → v`; a single entry connects the row to ground.
//! Node balances read `inflow − outflow = demand`.
//!
//! Column `lower ≤ x ≤ upper` becomes one arc with flow `y ≥ 0`:
//! `x = lower + y` (`y ≤ upper − lower`), or, when only `upper` is finite, the reversed arc
//! with `x = upper − y`; a free column becomes two opposite uncapacitated arcs,
//! `x = y⁺ − y⁻`. The constant parts move to the node demands and the objective.
//!
//! Row `lower ≤ inflow − outflow ≤ upper`: an equality is a demand; otherwise a slack arc
//! to ground takes up the range (`row → ground`, capacity `upper − lower`, when `lower` is
//! finite; `ground → row`, uncapacitated, when only `upper` is finite; both for a free row).

use crate::problem::is_infinite;
use crate::{Col, Problem, Row, SolveError};

/// How a column's value follows from arc flows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ColMap {
    /// No entries: a fixed value.
    Fixed(f64),
    /// `x = base + flow[arc]`.
    Forward { arc: u32, base: f64 },
    /// `x = base − flow[arc]`.
    Reverse { arc: u32, base: f64 },
    /// `x = flow[pos] − flow[neg]`.
    Free { pos: u32, neg: u32 },
}

/// A min-cost-flow network built from a problem.
#[derive(Debug, Clone)]
pub(crate) struct Network {
    /// Rows plus ground.
    pub num_nodes: usize,
    pub source: Vec<u32>,
    pub target: Vec<u32>,
    pub cost: Vec<f64>,
    /// Upper bound on each arc's flow (lower bound 0); may be `f64::INFINITY`.
    pub cap: Vec<f64>,
    /// `inflow − outflow` required at each node.
    pub demand: Vec<f64>,
    pub cols: Vec<ColMap>,
    /// A column without entries can improve the objective without limit.
    pub unbounded_col: bool,
    /// Hash of the node count and the arc end points (warm-start compatibility).
    pub fingerprint: u64,
}

fn not_network(col: usize, row: Option<Row>, reason: String) -> SolveError {
    SolveError::NotANetwork {
        row,
        col: Col(col as u32),
        reason,
    }
}

/// The constant part of a column `lower ≤ x ≤ upper` moved to the node demands:
/// `lower` when finite, else `upper`, else 0 (a free column).
pub(crate) fn shift_base(lower: f64, upper: f64) -> f64 {
    if lower.is_finite() {
        lower
    } else if upper.is_finite() {
        upper
    } else {
        0.0
    }
}

/// `(lower, upper)` with magnitudes at the infinity threshold made infinite.
pub(crate) fn normalise(lower: f64, upper: f64) -> (f64, f64) {
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
    (l, u)
}

impl Network {
    /// Builds the network; the problem must have been validated.
    pub fn build(problem: &Problem) -> Result<Network, SolveError> {
        let rows = problem.num_rows();
        let ground = rows as u32;
        let mut net = Network {
            num_nodes: rows + 1,
            source: Vec::with_capacity(problem.num_cols() + rows),
            target: Vec::with_capacity(problem.num_cols() + rows),
            cost: Vec::with_capacity(problem.num_cols() + rows),
            cap: Vec::with_capacity(problem.num_cols() + rows),
            demand: vec![0.0; rows + 1],
            cols: Vec::with_capacity(problem.num_cols()),
            unbounded_col: false,
            fingerprint: 0,
        };
        // Σ a_ij · base_j per row, moved to the demands below.
        let mut shift = vec![0.0; rows + 1];
        for j in 0..problem.num_cols() {
            let col = Col(j as u32);
            let (lower, upper) = normalise(problem.col_bounds(col).0, problem.col_bounds(col).1);
            let cost = problem.col_cost(col);
            let mut ends = [None, None]; // [tail (−1), head (+1)]
            let count = problem.col_coefs(col).iter().filter(|e| e.1 != 0.0).count();
            if count > 2 {
                return Err(not_network(
                    j,
                    None,
                    format!("{count} nonzeros; a network column has at most two"),
                ));
            }
            for &(row, value) in problem.col_coefs(col) {
                if value == 0.0 {
                    continue;
                }
                let slot = if value == 1.0 {
                    1
                } else if value == -1.0 {
                    0
                } else {
                    return Err(not_network(
                        j,
                        Some(row),
                        format!("coefficient {value} is not +1 or -1"),
                    ));
                };
                if ends[slot].is_some() {
                    return Err(not_network(
                        j,
                        Some(row),
                        format!("both nonzeros are {value}; an arc needs one -1 and one +1"),
                    ));
                }
                ends[slot] = Some(row.0);
            }
            if count == 0 {
                let value = net.fixed_value(lower, upper, cost);
                net.cols.push(ColMap::Fixed(value));
                continue;
            }
            let tail = ends[0].unwrap_or(ground);
            let head = ends[1].unwrap_or(ground);
            let base = shift_base(lower, upper);
            shift[head as usize] += base;
            shift[tail as usize] -= base;
            let map = if lower.is_finite() {
                let arc = net.push_arc(tail, head, cost, upper - lower);
                ColMap::Forward { arc, base }
            } else if upper.is_finite() {
                let arc = net.push_arc(head, tail, -cost, f64::INFINITY);
                ColMap::Reverse { arc, base }
            } else {
                let pos = net.push_arc(tail, head, cost, f64::INFINITY);
                let neg = net.push_arc(head, tail, -cost, f64::INFINITY);
                ColMap::Free { pos, neg }
            };
            net.cols.push(map);
        }
        // Arc and node indices are u32, with room for the artificial arcs and root.
        if net.source.len() + 2 * rows + 4 >= u32::MAX as usize {
            return Err(SolveError::Backend(
                "network too large for the network simplex (over 4e9 arcs)".into(),
            ));
        }
        let mut total = 0.0;
        for (i, &shift_i) in shift.iter().enumerate().take(rows) {
            let (lower, upper) = problem.row_bounds(Row(i as u32));
            let (lower, upper) = normalise(lower, upper);
            let node = i as u32;
            let rhs = if lower == upper {
                lower
            } else if lower.is_finite() {
                net.push_arc(node, ground, 0.0, upper - lower);
                lower
            } else if upper.is_finite() {
                net.push_arc(ground, node, 0.0, f64::INFINITY);
                upper
            } else {
                net.push_arc(node, ground, 0.0, f64::INFINITY);
                net.push_arc(ground, node, 0.0, f64::INFINITY);
                0.0
            };
            net.demand[i] = rhs - shift_i;
            total += net.demand[i];
        }
        // Ground balances everything (its own shift cancels the others').
        net.demand[rows] = -total;
        net.fingerprint = net.compute_fingerprint();
        Ok(net)
    }

    fn push_arc(&mut self, source: u32, target: u32, cost: f64, cap: f64) -> u32 {
        let arc = self.source.len() as u32;
        self.source.push(source);
        self.target.push(target);
        self.cost.push(cost);
        self.cap.push(cap);
        arc
    }

    /// A column without entries sits at its cheaper bound (lower bound, else upper bound,
    /// else 0 when the cost is 0).
    pub(super) fn fixed_value(&mut self, lower: f64, upper: f64, cost: f64) -> f64 {
        let (best, other) = if cost < 0.0 {
            (upper, lower)
        } else {
            (lower, upper)
        };
        if best.is_finite() {
            best
        } else {
            if cost != 0.0 {
                self.unbounded_col = true;
            }
            if other.is_finite() {
                other
            } else {
                0.0
            }
        }
    }

    fn compute_fingerprint(&self) -> u64 {
        // A word-at-a-time multiply–rotate hash over the node count and the arc end points
        // (a structure check, not a cryptographic hash).
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |value: u64| {
            hash = (hash ^ value)
                .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                .rotate_left(29);
        };
        eat(self.num_nodes as u64);
        eat(self.source.len() as u64);
        for (&s, &t) in self.source.iter().zip(&self.target) {
            eat(u64::from(s) << 32 | u64::from(t));
        }
        hash
    }

    /// Column values from arc flows.
    pub fn col_values(&self, flow: &[f64]) -> Vec<f64> {
        self.cols
            .iter()
            .map(|map| match *map {
                ColMap::Fixed(value) => value,
                ColMap::Forward { arc, base } => base + flow[arc as usize],
                ColMap::Reverse { arc, base } => base - flow[arc as usize],
                ColMap::Free { pos, neg } => flow[pos as usize] - flow[neg as usize],
            })
            .collect()
    }
}

/// Offsets of each node's incident arcs in a node-by-node list of arc ends: node `v`'s
/// ends are `first[v]..first[v + 1]` (each arc counted at its source and its target).
pub(crate) fn incidence_offsets(num_nodes: usize, source: &[u32], target: &[u32]) -> Vec<u32> {
    let mut first = vec![0u32; num_nodes + 1];
    for (&s, &t) in source.iter().zip(target) {
        first[s as usize + 1] += 1;
        first[t as usize + 1] += 1;
    }
    for v in 0..num_nodes {
        first[v + 1] += first[v];
    }
    first
}
