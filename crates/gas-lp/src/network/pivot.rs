//! Pricing (block search) and the pivot itself.

use super::tree::{Simplex, LOWER, TREE, UPPER};

/// A pivot found a cycle of unlimited capacity and negative cost.
pub(crate) struct UnboundedCycle;

/// The best candidate so far and its violation `[artificial, real]`.
struct Best {
    arc: usize,
    key: [f64; 2],
}

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
        if m == 0 || (feasibility_only && self.down_artificials == 0) {
            return None;
        }
        let lexicographic = self.down_artificials > 0;
        let mut best = Best {
            arc: usize::MAX,
            key: [0.0, self.opt_tol],
        };
        let mut e = self.next_arc.min(m - 1);
        let mut scanned = 0;
        while scanned < m {
            let len = self.block_size.min(m - scanned);
            let end = e + len;
            let ranges = if end <= m {
                [(e, end), (0, 0)]
            } else {
                [(e, m), (0, end - m)]
            };
            for (from, to) in ranges {
                if feasibility_only {
                    self.scan_lexicographic(from, to, true, &mut best);
                } else if lexicographic {
                    self.scan(&self.pi_c, from, to, &mut best);
                } else {
                    self.scan(&self.pi, from, to, &mut best);
                }
            }
            e = if end >= m { end - m } else { end };
            scanned += len;
            if best.arc != usize::MAX {
                self.next_arc = e;
                if lexicographic && !feasibility_only && !self.is_lexicographic_candidate(best.arc)
                {
                    // Rounding in `pi_c` misled the fast scan: price exactly instead.
                    return self.find_entering_exactly();
                }
                return Some(best.arc);
            }
        }
        if lexicographic && !feasibility_only {
            // Confirm optimality exactly.
            return self.find_entering_exactly();
        }
        None
    }

    /// Whether arc `e` violates optimality with exact lexicographic costs.
    fn is_lexicographic_candidate(&self, e: usize) -> bool {
        let s = f64::from(self.state[e]);
        let (u, w) = (self.source[e] as usize, self.target[e] as usize);
        let va = s * (self.pi_a[w] - self.pi_a[u]);
        va > 0.5 || (va > -0.5 && s * (self.pi[w] - self.pi[u] - self.cost[e]) > self.opt_tol)
    }

    /// The most violating arc over all arcs, with exact lexicographic costs.
    fn find_entering_exactly(&mut self) -> Option<usize> {
        let mut best = Best {
            arc: usize::MAX,
            key: [0.0, self.opt_tol],
        };
        self.scan_lexicographic(0, self.m, false, &mut best);
        (best.arc != usize::MAX).then_some(best.arc)
    }

    /// Pricing with one potential per node: `pi` (real costs alone, once no artificial flow
    /// is left) or `pi_c` (lexicographic costs folded with `big_m`).
    fn scan(&self, pi: &[f64], from: usize, to: usize, best: &mut Best) {
        let state = &self.state[from..to];
        let source = &self.source[from..to];
        let target = &self.target[from..to];
        let cost = &self.cost[from..to];
        let mut best_v = best.key[1];
        let mut best_i = usize::MAX;
        for i in 0..state.len() {
            // Tree arcs have state 0, hence violation 0.
            let v =
                f64::from(state[i]) * (pi[target[i] as usize] - pi[source[i] as usize] - cost[i]);
            if v > best_v {
                best_v = v;
                best_i = i;
            }
        }
        if best_i != usize::MAX {
            best.key[1] = best_v;
            best.arc = from + best_i;
        }
    }

    /// Pricing by (artificial, real) costs.
    fn scan_lexicographic(&self, from: usize, to: usize, feasibility_only: bool, best: &mut Best) {
        for e in from..to {
            let s = self.state[e];
            if s == TREE {
                continue;
            }
            let (u, w) = (self.source[e] as usize, self.target[e] as usize);
            let sf = f64::from(s);
            let va = sf * (self.pi_a[w] - self.pi_a[u]);
            let key = if va > 0.5 {
                let vr = if feasibility_only {
                    0.0
                } else {
                    sf * (self.pi[w] - self.pi[u] - self.cost[e])
                };
                [va, vr]
            } else if va > -0.5 && !feasibility_only {
                [0.0, sf * (self.pi[w] - self.pi[u] - self.cost[e])]
            } else {
                continue;
            };
            if key[0] > best.key[0] || (key[0] == best.key[0] && key[1] > best.key[1]) {
                best.arc = e;
                best.key = key;
            }
        }
    }

    /// The tree arc just below the root on the path from `u` (an artificial arc).
    fn top_arc(&self, mut u: usize) -> usize {
        if u == self.n {
            return usize::MAX;
        }
        while self.parent[u] as usize != self.n {
            u = self.parent[u] as usize;
        }
        self.pred[u] as usize
    }

    /// The nearest common ancestor: climb from whichever side has the smaller subtree.
    fn join(&self, mut a: usize, mut b: usize) -> usize {
        while a != b {
            if self.succ_num[a] < self.succ_num[b] {
                a = self.parent[a] as usize;
            } else {
                b = self.parent[b] as usize;
            }
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

        // Artificial arcs on the cycle hang from the root: the top arcs of both paths.
        let tops = if w == self.n && self.down_artificials > 0 {
            [self.top_arc(k), self.top_arc(l)]
        } else {
            [usize::MAX; 2]
        };

        let (u_in, v_in, v_out, to_upper) = match leaving {
            Leaving::Entering => {
                self.state[e] = -self.state[e];
                self.flow[e] = if self.state[e] == UPPER {
                    self.cap[e]
                } else {
                    0.0
                };
                for a in tops {
                    self.retire_artificial(a);
                }
                return Ok(());
            }
            Leaving::First(x) => (k, l, x, !self.up[x]),
            Leaving::Second(x) => (l, k, x, self.up[x]),
        };
        let out = self.pred[v_out] as usize;
        if out >= self.m && self.source[out] as usize == self.n {
            self.down_artificials -= 1;
        }
        if to_upper && out < self.m {
            self.state[out] = UPPER;
            self.flow[out] = self.cap[out];
        } else {
            self.state[out] = LOWER;
            self.flow[out] = 0.0;
        }
        self.state[e] = TREE;
        let rc = [
            self.cost[e] + self.pi[s] - self.pi[t],
            self.pi_a[s] - self.pi_a[t],
        ];
        let sigma = if u_in == s { [-rc[0], -rc[1]] } else { rc };
        self.update_tree(e, u_in, v_in, v_out, w, sigma);
        for a in tops {
            self.retire_artificial(a);
        }
        #[cfg(debug_assertions)]
        if self.n < 200 {
            if let Err(problem) = self.check_tree() {
                panic!("network simplex tree corrupted: {problem}");
            }
        }
        Ok(())
    }
}
