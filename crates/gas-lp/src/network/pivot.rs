//! Pricing (block search) and the pivot itself.

use super::tree::{Simplex, LOWER, TREE, UPPER};

/// A pivot found a cycle of unlimited capacity and negative cost.
pub(crate) struct UnboundedCycle;

enum Leaving {
    Entering,
    /// The tree arc above this node, on the path from the entering arc's tail side.
    First(usize),
    /// The tree arc above this node, on the path from the entering arc's head side.
    Second(usize),
}

impl Simplex {
    /// Block search: scan the real arcs cyclically from where the last search stopped, in
    /// blocks of `block_size`; return the most violating arc of the first block that has
    /// one. Violation is lexicographic: artificial cost first, then real cost (ignored when
    /// `feasibility_only`). Ties go to the arc scanned first.
    pub fn find_entering(&mut self, feasibility_only: bool) -> Option<usize> {
        let m = self.m;
        if m == 0 {
            return None;
        }
        let mut best = None;
        let mut best_key = [0.0f64, 0.0f64];
        let mut count = 0;
        let mut e = self.next_arc.min(m - 1);
        for _ in 0..m {
            let s = self.state[e];
            if s != TREE {
                let pu = self.pi[self.source[e] as usize];
                let pw = self.pi[self.target[e] as usize];
                let sf = f64::from(s);
                let va = sf * (pw[1] - pu[1]);
                let key = if va > 0.5 {
                    let vr = if feasibility_only {
                        0.0
                    } else {
                        sf * (pw[0] - pu[0] - self.cost[e])
                    };
                    Some([va, vr])
                } else if va > -0.5 && !feasibility_only {
                    let vr = sf * (pw[0] - pu[0] - self.cost[e]);
                    (vr > self.opt_tol).then_some([0.0, vr])
                } else {
                    None
                };
                if let Some(key) = key {
                    if best.is_none()
                        || key[0] > best_key[0]
                        || (key[0] == best_key[0] && key[1] > best_key[1])
                    {
                        best = Some(e);
                        best_key = key;
                    }
                }
            }
            e += 1;
            if e == m {
                e = 0;
            }
            count += 1;
            if count == self.block_size {
                if best.is_some() {
                    self.next_arc = e;
                    return best;
                }
                count = 0;
            }
        }
        self.next_arc = e;
        best
    }

    fn join(&self, mut a: usize, mut b: usize) -> usize {
        while self.depth[a] > self.depth[b] {
            a = self.parent[a] as usize;
        }
        while self.depth[b] > self.depth[a] {
            b = self.parent[b] as usize;
        }
        while a != b {
            a = self.parent[a] as usize;
            b = self.parent[b] as usize;
        }
        a
    }

    /// Brings arc `e` into the basis. Flow goes round the cycle that `e` closes in the tree,
    /// in the direction that lowers the cost; the leaving arc is the *last* blocking arc met
    /// when walking the cycle in that direction from the join node, which keeps the tree
    /// strongly feasible (no cycling).
    pub fn pivot(&mut self, e: usize) -> Result<(), UnboundedCycle> {
        let forward = self.state[e] == LOWER;
        let (s, t) = (self.source[e] as usize, self.target[e] as usize);
        // Flow goes k → l along the entering arc.
        let (k, l) = if forward { (s, t) } else { (t, s) };
        let w = self.join(k, l);

        // Ratio test. Walking w → k → l → w: the path from k up to w is walked downwards
        // (ties go to the node nearest k), the entering arc, then l up to w (ties go to the
        // node nearest w). The last blocking arc wins.
        let mut delta = self.cap[e];
        let mut leaving = Leaving::Entering;
        let mut u = k;
        while u != w {
            let a = self.pred[u] as usize;
            let room = if self.up[u] {
                self.flow[a]
            } else {
                self.cap[a] - self.flow[a]
            };
            if room < delta {
                delta = room;
                leaving = Leaving::First(u);
            }
            u = self.parent[u] as usize;
        }
        let mut u = l;
        while u != w {
            let a = self.pred[u] as usize;
            let room = if self.up[u] {
                self.cap[a] - self.flow[a]
            } else {
                self.flow[a]
            };
            if room <= delta {
                delta = room;
                leaving = Leaving::Second(u);
            }
            u = self.parent[u] as usize;
        }
        if delta == f64::INFINITY {
            return Err(UnboundedCycle);
        }
        let delta = delta.max(0.0);
        if delta > 0.0 {
            self.flow[e] += if forward { delta } else { -delta };
            let mut u = k;
            while u != w {
                let a = self.pred[u] as usize;
                self.flow[a] += if self.up[u] { -delta } else { delta };
                u = self.parent[u] as usize;
            }
            let mut u = l;
            while u != w {
                let a = self.pred[u] as usize;
                self.flow[a] += if self.up[u] { delta } else { -delta };
                u = self.parent[u] as usize;
            }
        }

        let (u_in, v_in, v_out, to_upper) = match leaving {
            Leaving::Entering => {
                self.state[e] = -self.state[e];
                self.flow[e] = if self.state[e] == UPPER { self.cap[e] } else { 0.0 };
                return Ok(());
            }
            Leaving::First(x) => (k, l, x, !self.up[x]),
            Leaving::Second(x) => (l, k, x, self.up[x]),
        };
        let out = self.pred[v_out] as usize;
        if to_upper && out < self.m {
            self.state[out] = UPPER;
            self.flow[out] = self.cap[out];
        } else {
            self.state[out] = LOWER;
            self.flow[out] = 0.0;
        }
        self.state[e] = TREE;
        let (ps, pt) = (self.pi[s], self.pi[t]);
        let rc = [self.cost[e] + ps[0] - pt[0], ps[1] - pt[1]];
        let sigma = if u_in == s { [-rc[0], -rc[1]] } else { rc };
        self.update_tree(e, u_in, v_in, v_out, sigma);
        Ok(())
    }
}
