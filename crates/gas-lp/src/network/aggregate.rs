//! A start from a coarser network: rows merged into groups (for instance the days of a
//! week), solved first; its flows and potentials then seed a crossover
//! ([`Simplex::load_near_optimum`]) on the full network, and the simplex finishes.
//!
//! Merging rows adds their balances, so the coarse problem is a relaxation with the same
//! arcs (arcs inside a group become loops and are left out). Its optimum is a guess at the
//! full one: each arc's coarse flow, and each node's potential taken from its group.

use super::build::Network;
use super::tree::Simplex;
use super::{NetworkSimplex, Outcome};
use crate::{Problem, Solution, SolveError, SolveOptions, Solver};

/// One coarse level for [`Solver::solve_coarse_to_fine`]: rows with the same
/// `row_groups` entry are merged into one node; the arcs of columns with the same
/// `col_groups` entry between the same merged nodes into one arc (capacities added, costs
/// averaged).
#[derive(Debug, Clone, Copy)]
pub struct CoarseLevel<'a> {
    /// Group of each row (any numbering; ids need not be dense but should be small).
    pub row_groups: &'a [u32],
    /// Group of each column.
    pub col_groups: &'a [u32],
}

/// A solved level's guess at the full problem: a flow on each arc of the full network,
/// a potential for each of its nodes, and which arcs lay inside a group (no guess).
struct Guess {
    flow: Vec<f64>,
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
            let c = coarsen(&net, level.row_groups, level.col_groups);
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
    /// A simplex for `net` with this solver's pricing options (as in `Solver::solve`).
    fn simplex(&self, net: &Network) -> Simplex {
        let mut sx = Simplex::new(net, self.block_size_factor);
        if self.candidates_per_100 > 0.0 && self.candidates_per_100.is_finite() {
            let head = (self.candidates_per_100 / 100.0 * sx.block_size as f64).ceil();
            sx.head_length = (head as usize).clamp(3, sx.block_size);
        }
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
            if g.inside[e] {
                (no_guess(net.cap[e]), true)
            } else {
                let rc = net.cost[e] + g.pi[net.source[e] as usize] - g.pi[net.target[e] as usize];
                (g.flow[e].min(net.cap[e]), rc.abs() <= 10.0 * tol)
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
    /// Share of the coarse arc's flow that each full arc carries.
    share: Vec<f64>,
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
                if !g.inside[e] {
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
            pi: self.node.iter().map(|&c| cx.pi[c as usize]).collect(),
            inside: vec![false; m],
        };
        for e in 0..m {
            match self.arc[e] {
                Some(k) => {
                    let k = k as usize;
                    g.flow[e] = (cx.flow[k].clamp(0.0, cx.cap[k]) * self.share[e]).min(full.cap[e]);
                }
                None => g.inside[e] = true,
            }
        }
        g
    }
}

/// The coarse network (groups, then ground as the last node), the coarse arc of each arc
/// (`None` for arcs inside a group) and its share of that arc's flow. Arcs of columns in
/// the same column group between the same coarse nodes become one arc: capacities added,
/// costs averaged, flow shared by capacity (equally when unlimited).
fn coarsen(net: &Network, row_groups: &[u32], col_groups: &[u32]) -> Coarse {
    use super::build::ColMap;
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
    let mut index = std::collections::HashMap::new();
    let mut count: Vec<f64> = Vec::new();
    let mut map = vec![None; m];
    for e in 0..m {
        let (a, b) = (node(net.source[e]), node(net.target[e]));
        if a == b {
            continue;
        }
        let key = (arc_group[e], a as u32, b as u32);
        let k = match index.get(&key) {
            Some(&k) if arc_group[e] != u32::MAX => k,
            _ => {
                coarse.source.push(a as u32);
                coarse.target.push(b as u32);
                coarse.cost.push(0.0);
                coarse.cap.push(0.0);
                count.push(0.0);
                let k = coarse.source.len() - 1;
                index.insert(key, k);
                k
            }
        };
        coarse.cost[k] += net.cost[e];
        coarse.cap[k] += net.cap[e];
        count[k] += 1.0;
        map[e] = Some(k as u32);
    }
    for (k, c) in count.iter().enumerate() {
        coarse.cost[k] /= c;
    }
    let share = (0..m)
        .map(|e| match map[e] {
            Some(k) if coarse.cap[k as usize].is_finite() && coarse.cap[k as usize] > 0.0 => {
                net.cap[e] / coarse.cap[k as usize]
            }
            Some(k) => 1.0 / count[k as usize],
            None => 0.0,
        })
        .collect();
    let node: Vec<u32> = (0..net.num_nodes).map(|v| node(v as u32) as u32).collect();
    Coarse {
        net: coarse,
        node,
        arc: map,
        share,
    }
}
