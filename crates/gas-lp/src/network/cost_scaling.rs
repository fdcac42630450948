//! Cost scaling (Goldberg–Tarjan ε-scaling push/relabel) for a starting point.
//!
//! The result is not the answer: it is a flow that is optimal for costs rounded to a grid
//! (a power of ten), with node potentials, from which [`super::crossover`] builds a
//! spanning tree for the network simplex, which then finishes exactly with the real costs.
//! So rounding here never reaches a result; it only decides how close the start is.
//!
//! Costs are scaled to integers `round(cost · 10^k) · n` (`n` nodes), so that ε-optimality
//! with ε = 1 at the end means optimality for the rounded costs. Each *refine* halves… in
//! fact divides ε by [`ALPHA`]: it saturates every residual arc of negative reduced cost,
//! then discharges the nodes with excess in FIFO order, pushing along admissible arcs
//! (residual, negative reduced cost) and relabelling (lowering the potential by the
//! least that makes an arc admissible, plus ε). Flows are `f64` (excess within a
//! tolerance counts as none); costs and potentials are exact `i64`.
//!
//! Infinite capacities are replaced by the total of the finite capacities and demands
//! (any optimal basic flow fits). A node whose potential falls further than a feasible
//! problem allows in one refine means no feasible flow (or a numerical stall): the search
//! gives up and the caller starts the usual way.

use super::build::Network;

/// ε is divided by this after each refine (LEMON's default).
const ALPHA: i64 = 16;
/// Scaled costs stay within this bound (times the node count), so potentials fit in `i64`.
const COST_RANGE: f64 = 1e12;

/// A flow optimal for the rounded costs, and the reduced costs of its potentials
/// (`≥ −1` on the scaled grid for every residual arc: ε-optimal with ε = 1).
pub(crate) struct ScaledOptimum {
    /// Flow of each arc of the network.
    pub flow: Vec<f64>,
    /// Reduced cost `cost + π_u − π_w` of each arc on the scaled integer grid, where one
    /// unit of the rounded cost is `num_nodes` units.
    pub reduced: Vec<i64>,
}

/// The residual graph: two slots per arc (forward and backward), grouped by tail node.
struct Residual {
    /// `first[v]..first[v + 1]` are node `v`'s slots.
    first: Vec<u32>,
    head: Vec<u32>,
    cost: Vec<i64>,
    /// The opposite slot.
    rev: Vec<u32>,
    res: Vec<f64>,
    /// The forward slot of each arc.
    forward: Vec<u32>,
}

impl Residual {
    fn new(net: &Network, cost: &[i64], cap: &[f64]) -> Residual {
        let n = net.num_nodes;
        let m = net.source.len();
        let first = super::build::incidence_offsets(n, &net.source, &net.target);
        let mut fill = first.clone();
        let slots = 2 * m;
        let mut r = Residual {
            first,
            head: vec![0; slots],
            cost: vec![0; slots],
            rev: vec![0; slots],
            res: vec![0.0; slots],
            forward: vec![0; m],
        };
        for e in 0..m {
            let (s, t) = (net.source[e] as usize, net.target[e] as usize);
            let (a, b) = (fill[s] as usize, fill[t] as usize);
            fill[s] += 1;
            fill[t] += 1;
            r.head[a] = t as u32;
            r.head[b] = s as u32;
            r.cost[a] = cost[e];
            r.cost[b] = -cost[e];
            r.rev[a] = b as u32;
            r.rev[b] = a as u32;
            r.res[a] = cap[e];
            r.forward[e] = a as u32;
        }
        r
    }
}

/// Runs cost scaling on `net`. `None` when it gives up (no feasible flow, or a stall).
pub(crate) fn solve(net: &Network) -> Option<ScaledOptimum> {
    let n = net.num_nodes;
    let m = net.source.len();
    if n == 0 {
        return None;
    }
    let largest_cost =
        net.cost.iter().fold(
            0.0f64,
            |acc, c| if c.is_finite() { acc.max(c.abs()) } else { acc },
        );
    // The grid: a power of ten, as fine as the i64 range allows.
    let exponent = if largest_cost > 0.0 {
        (COST_RANGE / n as f64 / largest_cost)
            .log10()
            .floor()
            .clamp(-6.0, 12.0)
    } else {
        0.0
    };
    let grid = 10f64.powi(exponent as i32);
    let cost: Vec<i64> = net
        .cost
        .iter()
        .map(|c| (c * grid).round() as i64 * n as i64)
        .collect();
    let total: f64 = net
        .cap
        .iter()
        .filter(|c| c.is_finite())
        .chain(net.demand.iter())
        .map(|v| v.abs())
        .sum::<f64>()
        + 1.0;
    let cap: Vec<f64> = net
        .cap
        .iter()
        .map(|&c| if c.is_finite() { c } else { total })
        .collect();
    let largest = net
        .demand
        .iter()
        .chain(net.cap.iter())
        .filter(|v| v.is_finite())
        .fold(1.0f64, |acc, v| acc.max(v.abs()));
    let tol = 1e-9 * largest;
    let mut r = Residual::new(net, &cost, &cap);
    let mut excess: Vec<f64> = net.demand.iter().map(|d| -d).collect();
    let mut pi = vec![0i64; n];
    let max_cost = cost.iter().fold(0i64, |acc, c| acc.max(c.abs()));
    let mut eps = max_cost;
    let mut queue = std::collections::VecDeque::with_capacity(n);
    let mut current: Vec<u32> = r.first[..n].to_vec();
    let mut start_pi = vec![0i64; n];
    let mut rank = vec![u64::MAX; n];
    let mut heap = std::collections::BinaryHeap::new();
    loop {
        eps = (eps / ALPHA).max(1);
        // Potentials may fall by at most about 3nε in one refine of a feasible problem.
        let limit = 3 * (n as i64 + 1) * eps + max_cost;
        start_pi.copy_from_slice(&pi);
        // Saturate the residual arcs of negative reduced cost.
        for u in 0..n {
            for s in r.first[u] as usize..r.first[u + 1] as usize {
                let w = r.head[s] as usize;
                if r.res[s] > 0.0 && r.cost[s] + pi[u] - pi[w] < 0 {
                    let delta = r.res[s];
                    r.res[s] = 0.0;
                    r.res[r.rev[s] as usize] += delta;
                    excess[u] -= delta;
                    excess[w] += delta;
                }
            }
        }
        queue.clear();
        queue.extend((0..n as u32).filter(|&v| excess[v as usize] > tol));
        global_update(&r, &excess, &mut pi, eps, tol, &mut rank, &mut heap);
        current.copy_from_slice(&r.first[..n]);
        let mut relabels = 0usize;
        while let Some(u) = queue.pop_front() {
            let u = u as usize;
            if relabels >= n {
                relabels = 0;
                global_update(&r, &excess, &mut pi, eps, tol, &mut rank, &mut heap);
                current.copy_from_slice(&r.first[..n]);
            }
            // Discharge u.
            while excess[u] > tol {
                let end = r.first[u + 1] as usize;
                let mut s = current[u] as usize;
                while s < end && excess[u] > tol {
                    let w = r.head[s] as usize;
                    if r.res[s] > tol && r.cost[s] + pi[u] - pi[w] < 0 {
                        let delta = excess[u].min(r.res[s]);
                        r.res[s] -= delta;
                        r.res[r.rev[s] as usize] += delta;
                        excess[u] -= delta;
                        let was_active = excess[w] > tol;
                        excess[w] += delta;
                        if !was_active && excess[w] > tol {
                            queue.push_back(w as u32);
                        }
                        if r.res[s] > tol {
                            break;
                        }
                    }
                    s += 1;
                }
                current[u] = s as u32;
                if excess[u] <= tol {
                    break;
                }
                if s < end {
                    continue;
                }
                // Relabel.
                let mut least = i64::MAX;
                for s in r.first[u] as usize..end {
                    if r.res[s] > tol {
                        let w = r.head[s] as usize;
                        least = least.min(r.cost[s] + pi[u] - pi[w]);
                    }
                }
                if least == i64::MAX {
                    return None;
                }
                pi[u] -= least + eps;
                relabels += 1;
                if start_pi[u] - pi[u] > limit {
                    return None;
                }
                current[u] = r.first[u];
            }
        }
        if eps == 1 {
            break;
        }
    }
    let flow: Vec<f64> = (0..m)
        .map(|e| {
            let back = r.rev[r.forward[e] as usize] as usize;
            r.res[back].min(net.cap[e])
        })
        .collect();
    let reduced: Vec<i64> = (0..m)
        .map(|e| cost[e] + pi[net.source[e] as usize] - pi[net.target[e] as usize])
        .collect();
    Some(ScaledOptimum { flow, reduced })
}

/// Global price update: lowers each node's potential by ε times its distance to the
/// nearest deficit, measuring a residual arc of reduced cost `c ≥ 0` as `⌊c/ε⌋ + 1` and
/// an admissible one as 0, so that every node with excess gets an admissible path
/// towards a deficit; ε-optimality is kept. The search stops once every node with
/// excess is reached; the rest move by the last distance.
fn global_update(
    r: &Residual,
    excess: &[f64],
    pi: &mut [i64],
    eps: i64,
    tol: f64,
    rank: &mut [u64],
    heap: &mut std::collections::BinaryHeap<std::cmp::Reverse<(u64, u32)>>,
) {
    use std::cmp::Reverse;
    let n = pi.len();
    heap.clear();
    let mut active = 0usize;
    for v in 0..n {
        if excess[v] < -tol {
            rank[v] = 0;
            heap.push(Reverse((0, v as u32)));
        } else {
            rank[v] = u64::MAX;
            if excess[v] > tol {
                active += 1;
            }
        }
    }
    if heap.is_empty() {
        return;
    }
    let mut last = 0u64;
    let mut done = vec![false; n];
    while let Some(Reverse((d, u))) = heap.pop() {
        let u = u as usize;
        if done[u] || d != rank[u] {
            continue;
        }
        done[u] = true;
        last = d;
        if excess[u] > tol {
            active -= 1;
            if active == 0 {
                break;
            }
        }
        for s in r.first[u] as usize..r.first[u + 1] as usize {
            let back = r.rev[s] as usize;
            if r.res[back] <= tol {
                continue;
            }
            let v = r.head[s] as usize;
            if done[v] {
                continue;
            }
            let c = r.cost[back] + pi[v] - pi[u];
            let length = if c < 0 { 0 } else { (c / eps) as u64 + 1 };
            let k = d.saturating_add(length);
            if k < rank[v] {
                rank[v] = k;
                heap.push(Reverse((k, v as u32)));
            }
        }
    }
    for v in 0..n {
        let d = if done[v] { rank[v] } else { last };
        pi[v] -= eps.saturating_mul(d.min(i64::MAX as u64) as i64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::tree::Simplex;
    use crate::Problem;

    /// A small deterministic generator (64-bit LCG).
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 33) % n
        }
    }

    /// A random network with integer costs and capacities, feasible thanks to expensive
    /// links from and to ground at every node.
    fn random(seed: u64, nodes: usize, arcs: usize) -> Problem {
        let mut rng = Lcg(seed);
        let mut p = Problem::new();
        let rows: Vec<_> = (0..nodes)
            .map(|_| {
                let d = rng.below(11) as f64 - 5.0;
                p.add_row(d, d)
            })
            .collect();
        for &r in &rows {
            for sign in [1.0, -1.0] {
                let x = p.add_col(0.0, 20.0, 100.0);
                p.set_coef(r, x, sign);
            }
        }
        for _ in 0..arcs {
            let (a, b) = (
                rng.below(nodes as u64) as usize,
                rng.below(nodes as u64) as usize,
            );
            if a == b {
                continue;
            }
            let cap = if rng.below(5) == 0 {
                f64::INFINITY
            } else {
                rng.below(8) as f64
            };
            let x = p.add_col(0.0, cap, rng.below(21) as f64 - 3.0);
            p.set_coef(rows[a], x, -1.0);
            p.set_coef(rows[b], x, 1.0);
        }
        p
    }

    fn cost_of(net: &Network, flow: &[f64]) -> f64 {
        flow.iter().zip(&net.cost).map(|(f, c)| f * c).sum()
    }

    /// With integer costs the grid is exact: the cost-scaling flow is feasible, ε-optimal
    /// with ε = 1 on the grid, and as cheap as the network simplex's optimum. The
    /// crossover tree from it needs no artificial flow.
    #[test]
    fn integer_costs_give_the_exact_optimum() {
        use crate::{NetworkSimplex, SolveOptions, Solver, Status};
        for seed in 0..200u64 {
            let p = random(seed, 2 + (seed % 12) as usize, (seed % 40) as usize);
            let net = Network::build(&p).unwrap();
            let reference = NetworkSimplex::default()
                .solve(&p, &SolveOptions::default())
                .unwrap();
            if reference.status != Status::Optimal {
                continue;
            }
            let opt = solve(&net).expect("feasible: cost scaling must not give up");
            let mut balance = net.demand.clone();
            for (e, &f) in opt.flow.iter().enumerate() {
                assert!(f >= -1e-9 && f <= net.cap[e] + 1e-9, "seed {seed}: arc {e}");
                balance[net.target[e] as usize] -= f;
                balance[net.source[e] as usize] += f;
                let n = net.num_nodes as i64;
                if f > 1e-9 {
                    assert!(opt.reduced[e] <= n, "seed {seed}: arc {e} not optimal");
                }
                if f < net.cap[e] - 1e-9 {
                    assert!(opt.reduced[e] >= -n, "seed {seed}: arc {e} not optimal");
                }
            }
            assert!(balance.iter().all(|b| b.abs() < 1e-6), "seed {seed}");
            // Objective of the problem = arc costs + the constant from shifted bounds.
            let shift = reference.objective - cost_of(&net, &reference_flows(&p, &net));
            let ours = cost_of(&net, &opt.flow) + shift;
            assert!(
                (ours - reference.objective).abs() <= 1e-9 * (1.0 + reference.objective.abs()),
                "seed {seed}: {ours} vs {}",
                reference.objective
            );
            let mut sx = Simplex::new(&net, 2.0);
            assert!(sx.load_scaled(&opt), "seed {seed}");
            sx.repair(true);
            assert_eq!(sx.down_artificials, 0, "seed {seed}");
        }
    }

    /// Arc flows of a solution, read back from the column values (all columns here are
    /// plain arcs with lower bound 0).
    fn reference_flows(p: &Problem, net: &Network) -> Vec<f64> {
        use crate::{NetworkSimplex, SolveOptions, Solver};
        let s = NetworkSimplex::default()
            .solve(p, &SolveOptions::default())
            .unwrap();
        let mut flow = vec![0.0; net.source.len()];
        for (j, map) in net.cols.iter().enumerate() {
            if let crate::network::build::ColMap::Forward { arc, base } = *map {
                flow[arc as usize] = s.col_values[j] - base;
            }
        }
        flow
    }

    /// No feasible flow: cost scaling gives up.
    #[test]
    fn infeasible_gives_up() {
        let mut p = Problem::new();
        let a = p.add_row(5.0, 5.0);
        let x = p.add_col(0.0, 3.0, 1.0);
        p.set_coef(a, x, 1.0);
        assert!(solve(&Network::build(&p).unwrap()).is_none());
    }
}
