//! A starting tree from a cost-scaling optimum ([`super::cost_scaling`]): the "crossover"
//! from a flow and potentials to a basis.
//!
//! Arcs strictly between their bounds (*free*) must be tree arcs; arcs at a bound whose
//! reduced cost is zero on the scaled grid may be (degenerate) tree arcs. The tree grows
//! from the ground node: free arcs first (a search over them), then one degenerate arc
//! at a time, oriented so that the tree stays *strongly feasible* (an arc at its lower
//! bound only pointing up, towards the root; one at its upper bound only pointing down).
//! A free arc that would close a cycle goes to its nearer bound. Nodes the search cannot
//! reach hang from the root by their artificial arcs. [`Simplex::repair`] then sets the
//! flows from the tree (cutting arcs whose flow would break a bound), and the simplex
//! finishes with the real costs.

use super::cost_scaling::ScaledOptimum;
use super::tree::{Simplex, LOWER, TREE, UPPER};

impl Simplex {
    /// Loads the starting tree described in the module docs from a cost-scaling optimum
    /// (reduced costs within one unit of its cost grid count as zero). Returns `false`
    /// when the result does not form a tree (the caller then starts cold).
    pub fn load_scaled(&mut self, opt: &ScaledOptimum) -> bool {
        // Scaled costs are multiples of the node count: one grid unit is `n`.
        let near_zero = self.n as u64;
        let tight: Vec<bool> = opt
            .reduced
            .iter()
            .map(|r| r.unsigned_abs() <= near_zero)
            .collect();
        self.load_near_optimum(&opt.flow, &tight)
    }

    /// Loads the starting tree described in the module docs from a flow of each real arc
    /// and which arcs have (near) zero reduced cost. Returns `false` when the result does
    /// not form a tree (the caller then starts cold).
    pub fn load_near_optimum(&mut self, flow: &[f64], tight: &[bool]) -> bool {
        let (n, m) = (self.n, self.m);
        if n == 0 || flow.len() != m || tight.len() != m {
            return false;
        }
        let tol = self.feas_tol;
        let free: Vec<bool> = (0..m)
            .map(|e| flow[e] > tol && flow[e] < self.cap[e] - tol)
            .collect();
        for (e, &is_free) in free.iter().enumerate() {
            let (f, c) = (flow[e], self.cap[e]);
            // Free arcs that close a cycle stay at their nearer bound.
            self.state[e] = if c.is_finite() && (f >= c - tol || (is_free && f > 0.5 * c)) {
                UPPER
            } else {
                LOWER
            };
        }
        self.state[m..].fill(LOWER);
        // Arcs incident to each node.
        let first = super::build::incidence_offsets(n, &self.source[..m], &self.target[..m]);
        let mut fill = first.clone();
        let mut incident = vec![0u32; 2 * m];
        for e in 0..m {
            for end in [self.source[e], self.target[e]] {
                incident[fill[end as usize] as usize] = e as u32;
                fill[end as usize] += 1;
            }
        }
        let mut seen = vec![false; n];
        let mut stack: Vec<u32> = Vec::new();
        let mut pending: Vec<(u32, u32)> = Vec::new();
        let ground = n - 1;
        for top in std::iter::once(ground).chain(0..ground) {
            if seen[top] {
                continue;
            }
            seen[top] = true;
            self.hang_from_root(top);
            stack.push(top as u32);
            loop {
                let v = if let Some(v) = stack.pop() {
                    v as usize
                } else if let Some((e, p)) = pending.pop() {
                    let (e, p) = (e as usize, p as usize);
                    let w = (self.source[e] ^ self.target[e]) as usize ^ p;
                    if seen[w] {
                        continue;
                    }
                    self.attach(w, p, e);
                    seen[w] = true;
                    w
                } else {
                    break;
                };
                for &e in &incident[first[v] as usize..first[v + 1] as usize] {
                    let e = e as usize;
                    if self.state[e] == TREE {
                        continue;
                    }
                    let w = (self.source[e] ^ self.target[e]) as usize ^ v;
                    if seen[w] {
                        continue;
                    }
                    if free[e] {
                        self.attach(w, v, e);
                        seen[w] = true;
                        stack.push(w as u32);
                    } else if tight[e] {
                        let points_up = self.source[e] as usize == w;
                        if (self.state[e] == LOWER) == points_up {
                            pending.push((e as u32, v as u32));
                        }
                    }
                }
            }
        }
        self.rebuild_order()
    }

    /// Hangs `w` from `p` by tree arc `e`.
    fn attach(&mut self, w: usize, p: usize, e: usize) {
        self.parent[w] = p as u32;
        self.pred[w] = e as u32;
        self.up[w] = self.source[e] as usize == w;
        self.state[e] = TREE;
    }
}
