//! The pivot: ratio test, flow update and tree update.

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
