//! A start from a coarser network: rows merged into groups (for instance the days of a
//! week), solved first; its flows and potentials then seed a crossover
//! ([`Simplex::load_near_optimum`]) on the full network, and the simplex finishes.
//!
//! Merging rows adds their balances, so the coarse problem is a relaxation with the same
//! arcs (arcs inside a group become loops and are left out; their costs move onto the arcs
//! of the same column group that cross, so that a storage level carried through a block of
//! days costs every day of it). Its optimum is a guess at the full one: each arc's share
//! of its coarse arc's flow (by capacity; parallel arcs, merged as segments of one
//! piecewise-linear cost, are filled cheapest first), each node's potential taken from its
//! group, and the arcs that stand for the level's tree arcs as candidates for the tree.

use super::build::Network;
use super::tree::{Simplex, TREE};
use super::{list_length, NetworkSimplex, Outcome};
use crate::{Problem, Solution, SolveError, SolveOptions, Solver};

/// One coarse level for [`Solver::solve_coarse_to_fine`]: rows with the same
/// `row_groups` entry are merged into one node; the arcs of columns with the same
/// `col_groups` entry between the same merged nodes into one arc (capacities added, costs
/// averaged; see the module docs for the costs of arcs inside a group and how a coarse
/// flow is split).
#[derive(Debug, Clone, Copy)]
pub struct CoarseLevel<'a> {
    /// Group of each row (any numbering; ids need not be dense but should be small).
    pub row_groups: &'a [u32],
    /// Group of each column.
    pub col_groups: &'a [u32],
}

/// A solved level's guess at the full problem: a flow on each arc of the full network,
/// a potential for each of its nodes, and which arcs lay inside a group (their flow
/// follows their column group's coarse arc; `NaN` when there is none).
struct Guess {
    flow: Vec<f64>,
    /// Arcs that stand for a tree arc of the level (one per run of parallel arcs: the
    /// last that the split gave flow to, or the first).
    basic: Vec<bool>,
    pi: Vec<f64>,
    inside: Vec<bool>,
}

impl NetworkSimplex {
    /// [`Solver::solve_coarse_to_fine`]: `levels` (coarsest first) are solved in turn, each
    /// started from the one before by a crossover (see the module docs), and the full
    /// problem last. The result is exact (the simplex finishes on the full network) and
    /// deterministic; only the path to it, and so the time, depends on the levels.
    ///
    /// Falls back to [`Solver::solve`] when a warm start is given, when a level's groups
    /// do not have one entry per row and column, or when a level has no optimum.
    pub(super) fn solve_levels(
        &self,
        problem: &Problem,
        levels: &[CoarseLevel],
        options: &SolveOptions,
    ) -> Result<Solution, SolveError> {
        problem.validate()?;
        let fits = |l: &CoarseLevel| {
            l.row_groups.len() == problem.num_rows() && l.col_groups.len() == problem.num_cols()
        };
        if options.warm_start.is_some() || levels.is_empty() || !levels.iter().all(fits) {
            return self.solve(problem, options);
        }
        let net = Network::build(problem)?;
        let mut iterations = 0;
        let mut guess: Option<Guess> = None;
        for level in levels {
            let c = coarsen(&net, level);
            let mut cx = self.simplex(&c.net);
            let started = guess.as_ref().is_some_and(|g| {
                let (flow, tight) = c.start_from(g, cx.opt_tol);
                cx.load_near_optimum(&flow, &tight)
            });
            if !started {
                cx.load_cold();
                if self.crash {
                    cx.crash();
                }
            }
            cx.repair(true);
            cx.compute_potentials();
            if !matches!(
                self.run(&mut cx, options, &mut iterations),
                Outcome::Optimal
            ) {
                return self.solve(problem, options);
            }
            guess = Some(c.guess(&net, &cx));
        }
        let mut sx = self.simplex(&net);
        let started = guess.as_ref().is_some_and(|g| {
            let (flow, tight) = identity_start(&net, g, sx.opt_tol);
            sx.load_near_optimum(&flow, &tight)
        });
        if !started {
            sx.load_cold();
            if self.crash {
                sx.crash();
            }
        }
        sx.repair(true);
        sx.compute_potentials();
        Ok(self.finish(problem, &net, &mut sx, options, &mut iterations))
    }
}

impl NetworkSimplex {
    /// A simplex for `net` with this solver's pricing options for coarse-to-fine solves.
    fn simplex(&self, net: &Network) -> Simplex {
        let mut sx = Simplex::new(net, self.block_size_factor);
        let per_100 = if self.candidates_per_100 > 0.0 {
            self.candidates_per_100
        } else {
            self.coarse_to_fine_candidates_per_100
        };
        sx.head_length = list_length(per_100, sx.block_size);
        sx
    }
}

/// A starting flow for an arc with no guess: half its capacity (or 1 when unlimited), so
/// that the crossover takes it into the tree if it can and repair sets its flow.
fn no_guess(cap: f64) -> f64 {
    if cap.is_finite() {
        0.5 * cap
    } else {
        1.0
    }
}

/// The crossover input for the full network from a guess.
fn identity_start(net: &Network, g: &Guess, tol: f64) -> (Vec<f64>, Vec<bool>) {
    (0..net.source.len())
        .map(|e| {
            if g.flow[e].is_nan() {
                (no_guess(net.cap[e]), true)
            } else if g.inside[e] {
                (g.flow[e].min(net.cap[e]), true)
            } else {
                let rc = net.cost[e] + g.pi[net.source[e] as usize] - g.pi[net.target[e] as usize];
                (
                    g.flow[e].min(net.cap[e]),
                    g.basic[e] || rc.abs() <= 10.0 * tol,
                )
            }
        })
        .unzip()
}

/// A coarse network and how it maps the full one.
struct Coarse {
    net: Network,
    /// Coarse node of each full node.
    node: Vec<u32>,
    /// Coarse arc of each full arc (`None` inside a group).
    arc: Vec<Option<u32>>,
    /// The coarse arc whose flow each full arc follows in [`Coarse::guess`]: its own, or
    /// for an arc inside a group its column group's (`u32::MAX`: none).
    carrier: Vec<u32>,
    /// The full arcs with a carrier, by carrier, then by end points (parallel arcs
    /// together), then by cost: the order in which [`Coarse::guess`] splits flows.
    order: Vec<u32>,
    /// Number of full arcs of each coarse arc.
    count: Vec<f64>,
}

impl Coarse {
    /// The crossover input for this level from the guess of the level before: each coarse
    /// arc carries the sum of its full arcs' guessed flows, each coarse node the potential
    /// of its first full node.
    fn start_from(&self, g: &Guess, tol: f64) -> (Vec<f64>, Vec<bool>) {
        let mc = self.net.source.len();
        let mut flow = vec![0.0; mc];
        let mut inside = vec![true; mc];
        for (e, k) in self.arc.iter().enumerate() {
            if let Some(k) = *k {
                let k = k as usize;
                if !g.flow[e].is_nan() {
                    flow[k] += g.flow[e];
                    inside[k] = false;
                }
            }
        }
        let mut pi = vec![f64::NAN; self.net.num_nodes];
        for (v, &c) in self.node.iter().enumerate() {
            if pi[c as usize].is_nan() {
                pi[c as usize] = g.pi[v];
            }
        }
        (0..mc)
            .map(|k| {
                if inside[k] {
                    (no_guess(self.net.cap[k]), true)
                } else {
                    let (a, b) = (self.net.source[k] as usize, self.net.target[k] as usize);
                    let rc = self.net.cost[k] + pi[a] - pi[b];
                    (flow[k].min(self.net.cap[k]), rc.abs() <= 10.0 * tol)
                }
            })
            .unzip()
    }

    /// This level's solution as a guess at the full network.
    fn guess(&self, full: &Network, cx: &Simplex) -> Guess {
        let m = full.source.len();
        let mut g = Guess {
            flow: vec![0.0; m],
            basic: vec![false; m],
            pi: self.node.iter().map(|&c| cx.pi[c as usize]).collect(),
            inside: vec![false; m],
        };
        for e in 0..m {
            g.inside[e] = self.arc[e].is_none();
            if self.carrier[e] == u32::MAX {
                g.flow[e] = f64::NAN;
            }
        }
        // Each run of parallel full arcs (same carrier, same end points) takes its share
        // of the carrier's flow by capacity (equal shares when unlimited), and fills its
        // arcs cheapest first: the cheapest split between parallel arcs. Arcs inside a
        // group follow their group's crossing arc (a storage level constant through a
        // block).
        let mut run = 0;
        while run < self.order.len() {
            let first = self.order[run] as usize;
            let ends = |e: usize| (self.carrier[e], full.source[e], full.target[e]);
            let len = self.order[run..]
                .iter()
                .take_while(|&&e| ends(e as usize) == ends(first))
                .count();
            let arcs = &self.order[run..run + len];
            run += len;
            let k = self.carrier[first] as usize;
            let (coarse_flow, coarse_cap) = (cx.flow[k].clamp(0.0, cx.cap[k]), cx.cap[k]);
            let run_cap: f64 = arcs.iter().map(|&e| full.cap[e as usize]).sum();
            let share = if coarse_cap.is_finite() && coarse_cap > 0.0 {
                run_cap / coarse_cap
            } else {
                len as f64 / self.count[k]
            };
            let mut left = coarse_flow * share;
            let mut marginal = first;
            for &e in arcs {
                let e = e as usize;
                let f = left.min(full.cap[e]).max(0.0);
                g.flow[e] = f;
                if f > 0.0 {
                    marginal = e;
                }
                left -= f;
            }
            g.basic[marginal] = self.arc[marginal].is_some() && cx.state[k] == TREE;
        }
        g
    }
}

/// The coarse network (groups, then ground as the last node), the coarse arc of each arc
/// (`None` for arcs inside a group). Arcs of columns in the same column group between the
/// same coarse nodes become one arc: capacities added, costs averaged (the costs of the
/// group's arcs inside a group spread over those that cross: a level carried through a
/// block costs every day of it).
fn coarsen(net: &Network, level: &CoarseLevel) -> Coarse {
    use super::build::ColMap;
    let (row_groups, col_groups) = (level.row_groups, level.col_groups);
    let groups = row_groups
        .iter()
        .map(|&g| g as usize + 1)
        .max()
        .unwrap_or(0);
    let ground = groups;
    let node = |v: u32| {
        let v = v as usize;
        if v < row_groups.len() {
            row_groups[v] as usize
        } else {
            ground
        }
    };
    let m = net.source.len();
    let mut arc_group = vec![u32::MAX; m];
    for (j, map) in net.cols.iter().enumerate() {
        match *map {
            ColMap::Forward { arc, .. } | ColMap::Reverse { arc, .. } => {
                arc_group[arc as usize] = col_groups[j];
            }
            _ => {}
        }
    }
    let mut coarse = Network {
        num_nodes: groups + 1,
        source: Vec::new(),
        target: Vec::new(),
        cost: Vec::new(),
        cap: Vec::new(),
        demand: vec![0.0; groups + 1],
        cols: Vec::new(),
        unbounded_col: false,
        fingerprint: 0,
    };
    for (v, &d) in net.demand.iter().enumerate() {
        coarse.demand[node(v as u32)] += d;
    }
    // Costs of a column group's arcs inside a group (loops once merged), spread over the
    // group's arcs that cross: storage carried through a block costs every day of it.
    let num_col_groups = col_groups
        .iter()
        .map(|&g| g as usize + 1)
        .max()
        .unwrap_or(0);
    let mut inside_cost = vec![0.0f64; num_col_groups];
    let mut crossing = vec![0.0f64; num_col_groups];
    for (e, &g) in arc_group.iter().enumerate() {
        let g = g as usize;
        if g < num_col_groups {
            if node(net.source[e]) == node(net.target[e]) {
                inside_cost[g] += net.cost[e];
            } else {
                crossing[g] += 1.0;
            }
        }
    }
    // The coarse arc of each column group (its first pair of end points); a group that
    // also joins other end points keeps those arcs in `other`.
    let mut group_arc = vec![u32::MAX; num_col_groups];
    let mut other = std::collections::HashMap::new();
    let mut count: Vec<f64> = Vec::new();
    let mut map = vec![None; m];
    for e in 0..m {
        let (a, b) = (node(net.source[e]), node(net.target[e]));
        if a == b {
            continue;
        }
        let g = arc_group[e] as usize;
        let found = if g < num_col_groups {
            match group_arc[g] as usize {
                k if k == u32::MAX as usize => None,
                k if coarse.source[k] as usize == a && coarse.target[k] as usize == b => Some(k),
                _ => other.get(&(g, a, b)).copied(),
            }
        } else {
            None
        };
        let k = found.unwrap_or_else(|| {
            coarse.source.push(a as u32);
            coarse.target.push(b as u32);
            coarse.cost.push(0.0);
            coarse.cap.push(0.0);
            count.push(0.0);
            let k = coarse.source.len() - 1;
            if g < num_col_groups {
                if group_arc[g] == u32::MAX {
                    group_arc[g] = k as u32;
                } else {
                    other.insert((g, a, b), k);
                }
            }
            k
        });
        let carried = if g < num_col_groups {
            inside_cost[g] / crossing[g]
        } else {
            0.0
        };
        coarse.cost[k] += net.cost[e] + carried;
        coarse.cap[k] += net.cap[e];
        count[k] += 1.0;
        map[e] = Some(k as u32);
    }
    for (k, c) in count.iter().enumerate() {
        coarse.cost[k] /= c;
    }
    let carrier: Vec<u32> = (0..m)
        .map(|e| match map[e] {
            Some(k) => k,
            None if (arc_group[e] as usize) < num_col_groups => group_arc[arc_group[e] as usize],
            None => u32::MAX,
        })
        .collect();
    // Full arcs by carrier (a counting sort), each carrier's by end points and cost.
    let mut start = vec![0usize; count.len() + 1];
    for &k in carrier.iter().filter(|&&k| k != u32::MAX) {
        start[k as usize + 1] += 1;
    }
    for k in 0..count.len() {
        start[k + 1] += start[k];
    }
    let mut fill = start.clone();
    let mut order = vec![0u32; start[count.len()]];
    for (e, &k) in carrier.iter().enumerate() {
        if k != u32::MAX {
            order[fill[k as usize]] = e as u32;
            fill[k as usize] += 1;
        }
    }
    for k in 0..count.len() {
        let arcs = &mut order[start[k]..start[k + 1]];
        if arcs.len() > 1 {
            arcs.sort_by(|&x, &y| {
                let (x, y) = (x as usize, y as usize);
                (net.source[x], net.target[x])
                    .cmp(&(net.source[y], net.target[y]))
                    .then(net.cost[x].total_cmp(&net.cost[y]))
                    .then(x.cmp(&y))
            });
        }
    }
    let node: Vec<u32> = (0..net.num_nodes).map(|v| node(v as u32) as u32).collect();
    Coarse {
        net: coarse,
        node,
        arc: map,
        carrier,
        order,
        count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Four days of one storage, levels up to 10 at 0.5 per unit and day (columns after the
    /// purchase column, when there is one); `sold` demanded on day 3, bought on day 0 at
    /// `buy` per unit (up to 10) as the first column.
    fn storage_days(sold: f64, buy: Option<f64>) -> Problem {
        let mut p = Problem::new();
        let days: Vec<_> = [0.0, 0.0, 0.0, sold]
            .iter()
            .map(|&d| p.add_row(d, d))
            .collect();
        if let Some(price) = buy {
            let x = p.add_col(0.0, 10.0, price);
            p.set_coef(days[0], x, 1.0);
        }
        for t in 0..3 {
            let level = p.add_col(0.0, 10.0, 0.5);
            p.set_coef(days[t], level, -1.0);
            p.set_coef(days[t + 1], level, 1.0);
        }
        p
    }

    /// The coarse network of `c` solved from a cold start (must be optimal).
    fn solved(c: &Coarse) -> Simplex {
        let mut cx = Simplex::new(&c.net, 2.0);
        cx.load_cold();
        cx.repair(true);
        cx.compute_potentials();
        let mut iterations = 0;
        assert!(matches!(
            NetworkSimplex::default().run(&mut cx, &SolveOptions::default(), &mut iterations),
            Outcome::Optimal
        ));
        cx
    }

    /// Two days, one row each; day 0 buys up to 10 at 1; a storage level from day 0 to
    /// day 1 in two parallel segments (0..4 at cost −2, 4..10 at cost 0); demand 6 on
    /// day 1. Merging the segments gives one arc of capacity 10 at cost −1 (the average);
    /// a coarse flow of 6 splits cheapest first: 4 on the rewarded segment, 2 on the other.
    #[test]
    fn parallel_arcs_merge_then_split_cheapest_first() {
        let mut p = Problem::new();
        let (d0, d1) = (p.add_row(0.0, 0.0), p.add_row(6.0, 6.0));
        let buy = p.add_col(0.0, 10.0, 1.0);
        p.set_coef(d0, buy, 1.0);
        for (cap, cost) in [(4.0, -2.0), (6.0, 0.0)] {
            let level = p.add_col(0.0, cap, cost);
            p.set_coef(d0, level, -1.0);
            p.set_coef(d1, level, 1.0);
        }
        let net = Network::build(&p).unwrap();
        let level = CoarseLevel {
            row_groups: &[0, 1],
            col_groups: &[0, 1, 1],
        };
        let c = coarsen(&net, &level);
        let merged = c.arc[1].unwrap() as usize;
        assert_eq!(c.arc[2], Some(merged as u32));
        assert_eq!((c.net.cap[merged], c.net.cost[merged]), (10.0, -1.0));
        let cx = solved(&c);
        let g = c.guess(&net, &cx);
        assert_eq!((g.flow[1], g.flow[2]), (4.0, 2.0));
    }

    /// Three days merged into one block: the level arcs inside the block are loops, and
    /// their cost moves onto the level arc that leaves the block (a level carried through
    /// a block costs every day of it): 3 × 0.5 = 1.5.
    #[test]
    fn carried_cost_of_a_block_lands_on_its_crossing_arc() {
        let net = Network::build(&storage_days(0.0, None)).unwrap();
        let level = CoarseLevel {
            row_groups: &[0, 0, 0, 1],
            col_groups: &[7, 7, 7],
        };
        let c = coarsen(&net, &level);
        assert_eq!((c.arc[0], c.arc[1]), (None, None));
        let crossing = c.arc[2].unwrap() as usize;
        assert_eq!((c.net.cap[crossing], c.net.cost[crossing]), (10.0, 1.5));
    }

    /// The same block with 7 units bought on day 0 and sold on day 3: the coarse level
    /// carries 7 across the block's end, and the guess keeps the level at 7 on the days
    /// inside the block.
    #[test]
    fn levels_inside_a_block_follow_its_crossing_arc() {
        let net = Network::build(&storage_days(7.0, Some(1.0))).unwrap();
        let level = CoarseLevel {
            row_groups: &[0, 0, 0, 1],
            col_groups: &[0, 7, 7, 7],
        };
        let c = coarsen(&net, &level);
        let cx = solved(&c);
        let g = c.guess(&net, &cx);
        assert_eq!(&g.flow[1..4], &[7.0, 7.0, 7.0]);
        assert_eq!(&g.inside[1..4], &[true, true, false]);
    }
}
