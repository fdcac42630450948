//! The spanning-tree basis of the network simplex and its bookkeeping.
//!
//! The tree spans the real nodes plus an artificial root (index `n`). Node `v` hangs from
//! `parent[v]` by arc `pred[v]`, which points up (`v → parent`) when `up[v]`. `thread` lists
//! the nodes in preorder (cyclically, back to the root) and `rev_thread` is its inverse, so
//! a subtree is the run of the thread from its top node to `last_succ` of it; `succ_num`
//! counts its nodes (ancestors have more, which finds the join of two paths). A pivot
//! relinks whole runs, so the tree update costs time in the length of the paths it
//! touches; only the potentials of the moved subtree are walked node by node.
//!
//! Every real node has an artificial arc to or from the root (arc index `m + v`), with
//! unlimited capacity and a *lexicographic* cost `(0, 1)`: the second component counts
//! artificial flow and is minimised first (big-M with M → ∞, kept exact as small integers
//! in the second component of the potentials). An artificial arc that leaves the tree
//! never returns.

use super::build::Network;

/// Arc at its lower bound (flow 0).
pub(crate) const LOWER: i8 = 1;
/// Arc at its upper bound (flow = capacity).
pub(crate) const UPPER: i8 = -1;
/// Arc in the spanning tree.
pub(crate) const TREE: i8 = 0;

/// The network simplex working state.
pub(crate) struct Simplex {
    /// Real nodes; the root is node `n`.
    pub n: usize,
    /// Real arcs; the artificial arc of node `v` is arc `m + v`.
    pub m: usize,
    pub source: Vec<u32>,
    pub target: Vec<u32>,
    pub cost: Vec<f64>,
    pub cap: Vec<f64>,
    pub flow: Vec<f64>,
    pub state: Vec<i8>,
    pub demand: Vec<f64>,
    pub parent: Vec<u32>,
    pub pred: Vec<u32>,
    pub up: Vec<bool>,
    pub thread: Vec<u32>,
    pub rev_thread: Vec<u32>,
    pub succ_num: Vec<u32>,
    pub last_succ: Vec<u32>,
    /// Node potentials for the real costs: the reduced cost of arc `u → w` is
    /// `cost + π_u − π_w`.
    pub pi: Vec<f64>,
    /// Node potentials for the artificial costs (−1, 0 at the root, or +1).
    pub pi_a: Vec<f64>,
    /// Artificial tree arcs pointing from the root down to their node. They carry positive
    /// flow (strong feasibility); when none is left, all artificial flow is gone, every
    /// `pi_a` below the root is −1 and pricing can ignore artificial costs.
    pub down_artificials: usize,
    /// `pi + big_m · pi_a`, for fast (approximate) lexicographic pricing; candidates it
    /// finds are checked exactly.
    pub pi_c: Vec<f64>,
    /// A power of two above `3 · Σ|cost|`, so `big_m · (artificial reduced cost)` outweighs
    /// any real reduced cost.
    pub big_m: f64,
    /// Flows within this of a bound count as at the bound.
    pub feas_tol: f64,
    /// Reduced costs within this of zero count as zero.
    pub opt_tol: f64,
    pub block_size: usize,
    pub next_arc: usize,
    /// Length of the candidate list kept between pricings; 0 for plain block search.
    pub head_length: usize,
    /// The candidate list: `(violation, arc)`.
    pub(super) candidates: Vec<(f64, u32)>,
    pub(super) stem: Vec<u32>,
    pub(super) pieces: Vec<(u32, u32)>,
}

impl Simplex {
    pub fn new(net: &Network, block_size_factor: f64) -> Simplex {
        let n = net.num_nodes;
        let m = net.source.len();
        let root = n as u32;
        let mut source = net.source.clone();
        let mut target = net.target.clone();
        source.extend(0..n as u32);
        target.extend(std::iter::repeat_n(root, n));
        let mut cost = net.cost.clone();
        cost.resize(m + n, 0.0);
        let mut cap = net.cap.clone();
        cap.resize(m + n, f64::INFINITY);
        let super::reuse::Scalars {
            feas_tol,
            opt_tol,
            big_m,
            block_size,
        } = Simplex::scalars(net, block_size_factor);
        Simplex {
            n,
            m,
            source,
            target,
            cost,
            cap,
            flow: vec![0.0; m + n],
            state: vec![LOWER; m + n],
            demand: net.demand.clone(),
            parent: vec![root; n + 1],
            pred: (m as u32..(m + n) as u32).chain([u32::MAX]).collect(),
            up: vec![true; n + 1],
            thread: vec![0; n + 1],
            rev_thread: vec![0; n + 1],
            succ_num: vec![1; n + 1],
            last_succ: (0..=n as u32).collect(),
            pi: vec![0.0; n + 1],
            pi_a: vec![0.0; n + 1],
            down_artificials: 0,
            pi_c: vec![0.0; n + 1],
            big_m,
            feas_tol,
            opt_tol,
            block_size,
            next_arc: 0,
            head_length: 0,
            candidates: Vec::new(),
            stem: Vec::new(),
            pieces: Vec::new(),
        }
    }

    /// The all-artificial starting tree: every real arc at its lower bound.
    pub fn load_cold(&mut self) {
        let (n, m) = (self.n, self.m);
        for v in 0..n {
            self.parent[v] = n as u32;
            self.pred[v] = (m + v) as u32;
            self.state[m + v] = TREE;
        }
        self.state[..m].fill(LOWER);
        let ok = self.rebuild_order();
        debug_assert!(ok);
    }

    /// A tree and arc states from an earlier solve. Returns `false` (leaving the state to be
    /// overwritten by [`Simplex::load_cold`]) when they do not form a spanning tree here.
    pub fn load_basis(&mut self, pred: &[u32], state: &[i8]) -> bool {
        let (n, m) = (self.n, self.m);
        if pred.len() != n || state.len() != m {
            return false;
        }
        for (e, &s) in state.iter().enumerate() {
            self.state[e] = if s == UPPER && self.cap[e].is_finite() {
                UPPER
            } else {
                LOWER
            };
        }
        self.state[m..].fill(LOWER);
        for (v, &a) in pred.iter().enumerate() {
            let a = a as usize;
            if a < m {
                let (s, t) = (self.source[a] as usize, self.target[a] as usize);
                if s == v {
                    self.parent[v] = t as u32;
                    self.up[v] = true;
                } else if t == v {
                    self.parent[v] = s as u32;
                    self.up[v] = false;
                } else {
                    return false;
                }
            } else if a == m + v {
                self.parent[v] = n as u32;
            } else {
                return false;
            }
            if self.state[a] == TREE {
                return false; // one arc cannot be the tree arc of two nodes
            }
            self.state[a] = TREE;
            self.pred[v] = a as u32;
        }
        self.rebuild_order()
    }

    /// Recomputes `thread`, `rev_thread`, `succ_num` and `last_succ` from `parent` (children in increasing
    /// node order). Returns `false` if `parent` does not describe a tree rooted at `n`.
    pub fn rebuild_order(&mut self) -> bool {
        let n = self.n;
        let mut start = vec![0u32; n + 2];
        for v in 0..n {
            let p = self.parent[v] as usize;
            if p > n {
                return false;
            }
            start[p + 1] += 1;
        }
        for i in 0..=n {
            start[i + 1] += start[i];
        }
        let mut fill = start.clone();
        let mut children = vec![0u32; n];
        for v in 0..n {
            let p = self.parent[v] as usize;
            children[fill[p] as usize] = v as u32;
            fill[p] += 1;
        }
        let mut order = Vec::with_capacity(n + 1);
        let mut stack = vec![n as u32];
        while let Some(v) = stack.pop() {
            order.push(v);
            if order.len() > n + 1 {
                return false;
            }
            let (a, b) = (start[v as usize] as usize, start[v as usize + 1] as usize);
            stack.extend(children[a..b].iter().rev());
        }
        if order.len() != n + 1 {
            return false;
        }
        for (i, &v) in order.iter().enumerate() {
            let next = order[(i + 1) % order.len()];
            self.thread[v as usize] = next;
            self.rev_thread[next as usize] = v;
            self.succ_num[v as usize] = 1;
        }
        for &v in order.iter().skip(1).rev() {
            let p = self.parent[v as usize] as usize;
            self.succ_num[p] += self.succ_num[v as usize];
        }
        for (i, &v) in order.iter().enumerate() {
            self.last_succ[v as usize] = order[i + self.succ_num[v as usize] as usize - 1];
        }
        true
    }

    /// The nodes in preorder, root first.
    fn preorder(&self) -> Vec<u32> {
        let mut order = Vec::with_capacity(self.n + 1);
        let mut v = self.n as u32;
        loop {
            order.push(v);
            v = self.thread[v as usize];
            if v as usize == self.n || order.len() > self.n {
                break;
            }
        }
        order
    }

    /// Sets the flows from the tree: non-tree arcs at their bound, tree arcs whatever the
    /// demands require. A tree arc whose flow would leave its bounds by more than the
    /// tolerance is set to the nearest bound and leaves the tree; its lower node then hangs
    /// from the root by its artificial arc, which carries the difference. With `strict`,
    /// degenerate tree arcs that point the wrong way for a *strongly feasible* tree (one
    /// from which every node can send flow to the root) are treated the same way.
    ///
    /// Returns `true` if the tree changed. Potentials must be recomputed afterwards.
    pub fn repair(&mut self, strict: bool) -> bool {
        let (n, m, tol) = (self.n, self.m, self.feas_tol);
        let mut need = self.demand.clone();
        need.push(0.0);
        for e in 0..m {
            self.flow[e] = match self.state[e] {
                LOWER => 0.0,
                UPPER => self.cap[e],
                _ => continue,
            };
            if self.flow[e] != 0.0 {
                need[self.target[e] as usize] -= self.flow[e];
                need[self.source[e] as usize] += self.flow[e];
            }
        }
        for v in 0..n {
            if self.state[m + v] != TREE {
                self.flow[m + v] = 0.0;
            }
        }
        let order = self.preorder();
        let mut changed = false;
        for &v in order.iter().skip(1).rev() {
            let v = v as usize;
            let a = self.pred[v] as usize;
            if a < m {
                let f = if self.up[v] { -need[v] } else { need[v] };
                let c = self.cap[a];
                let clamp = if f < -tol || (strict && !self.up[v] && f <= tol) {
                    Some((LOWER, 0.0))
                } else if f > c + tol || (strict && self.up[v] && f >= c - tol) {
                    Some((UPPER, c))
                } else {
                    None
                };
                let p = self.parent[v] as usize;
                let up = self.up[v];
                let carried = match clamp {
                    None => f,
                    Some((s, b)) => {
                        self.state[a] = s;
                        need[v] += if up { b } else { -b };
                        self.pred[v] = (m + v) as u32;
                        self.parent[v] = n as u32;
                        self.state[m + v] = TREE;
                        self.set_artificial(v, need[v]);
                        changed = true;
                        b
                    }
                };
                self.flow[a] = carried;
                // The arc between v and p carries `carried`: inflow to p when it points up.
                if up {
                    need[p] -= carried;
                } else {
                    need[p] += carried;
                }
            } else {
                self.set_artificial(v, need[v]);
            }
        }
        if changed {
            let ok = self.rebuild_order();
            debug_assert!(ok);
        }
        self.down_artificials = (0..n)
            .filter(|&v| self.pred[v] as usize >= m && !self.up[v])
            .count();
        changed
    }

    /// Makes node `v`'s artificial arc its tree arc, hanging `v` (and whatever is attached
    /// below it) from the root; [`Simplex::repair`] orients the arc later.
    pub fn hang_from_root(&mut self, v: usize) {
        self.parent[v] = self.n as u32;
        self.pred[v] = (self.m + v) as u32;
        self.state[self.m + v] = TREE;
    }

    /// Orients node `v`'s artificial arc to carry `need` (inflow required at `v`).
    ///
    /// A need within the tolerance counts as none: the arc then points up (carrying
    /// `-need`, possibly a rounding-sized negative flow), so that it does not keep the
    /// lexicographic phase alive.
    fn set_artificial(&mut self, v: usize, need: f64) {
        let a = self.m + v;
        let root = self.n as u32;
        if need > self.feas_tol {
            self.source[a] = root;
            self.target[a] = v as u32;
            self.up[v] = false;
            self.flow[a] = need;
        } else {
            self.source[a] = v as u32;
            self.target[a] = root;
            self.up[v] = true;
            self.flow[a] = -need;
        }
    }

    /// A down artificial arc (root → `v`) whose flow has fallen within the tolerance of zero
    /// is turned to point up (`v` → root, carrying the same flow with the opposite sign):
    /// rounding residue must not keep the lexicographic phase going. The artificial
    /// potentials of `v`'s subtree drop by 2 accordingly.
    pub fn retire_artificial(&mut self, a: usize) {
        let root = self.n;
        if a < self.m
            || a >= self.state.len()
            || self.state[a] != TREE
            || self.source[a] as usize != root
        {
            return;
        }
        if self.flow[a] > self.feas_tol {
            return;
        }
        let v = a - self.m;
        self.source[a] = v as u32;
        self.target[a] = root as u32;
        self.up[v] = true;
        self.flow[a] = -self.flow[a];
        self.down_artificials -= 1;
        let last = self.last_succ[v] as usize;
        let mut u = v;
        loop {
            self.pi_a[u] -= 2.0;
            self.pi_c[u] = self.pi[u] + self.big_m * self.pi_a[u];
            if u == last {
                break;
            }
            u = self.thread[u] as usize;
        }
    }

    /// Potentials from scratch: tree arcs have zero reduced cost, the root has π = 0.
    pub fn compute_potentials(&mut self) {
        let n = self.n;
        self.pi[n] = 0.0;
        self.pi_a[n] = 0.0;
        self.pi_c[n] = 0.0;
        let mut v = self.thread[n] as usize;
        while v != n {
            let a = self.pred[v] as usize;
            let (c, ca) = (self.cost[a], if a >= self.m { 1.0 } else { 0.0 });
            let p = self.parent[v] as usize;
            if self.up[v] {
                self.pi[v] = self.pi[p] - c;
                self.pi_a[v] = self.pi_a[p] - ca;
            } else {
                self.pi[v] = self.pi[p] + c;
                self.pi_a[v] = self.pi_a[p] + ca;
            }
            self.pi_c[v] = self.pi[v] + self.big_m * self.pi_a[v];
            v = self.thread[v] as usize;
        }
    }

    /// The largest flow on any artificial arc: how far the current flows are from
    /// meeting some node's balance. Compared with the per-node tolerance
    /// `feas_tol`, so that rounding residues of many nodes, each within tolerance,
    /// do not add up to a false infeasibility on a large network.
    pub fn artificial_flow(&self) -> f64 {
        (0..self.n)
            .filter(|&v| self.pred[v] as usize >= self.m)
            .map(|v| self.flow[self.pred[v] as usize])
            .fold(0.0, f64::max)
    }

    /// Moves the subtree of `v_out` (which contains `u_in`) so that it hangs from `v_in` by
    /// the entering arc `e`, rerooted at `u_in`, and shifts its potentials by `sigma`. `join`
    /// is the common ancestor of `u_in` and `v_in` before the move.
    ///
    /// With the stem `u_in = s0, s1 = parent(s0), …, st = v_out`, the new preorder of the
    /// moved subtree is the run of `s0`, then for each `s_i` what is left of its run without
    /// that of `s_(i−1)`: the part before it and the part after it. Those runs are relinked
    /// whole and put right after `v_in`.
    pub fn update_tree(
        &mut self,
        e: usize,
        u_in: usize,
        v_in: usize,
        v_out: usize,
        join: usize,
        sigma: [f64; 2],
    ) {
        let root = self.n;
        let mut stem = std::mem::take(&mut self.stem);
        let mut pieces = std::mem::take(&mut self.pieces);
        stem.clear();
        pieces.clear();
        let mut s = u_in;
        loop {
            stem.push(s as u32);
            if s == v_out {
                break;
            }
            s = self.parent[s] as usize;
        }
        // The runs of the new preorder, from the old links.
        pieces.push((u_in as u32, self.last_succ[u_in]));
        for w in stem.windows(2) {
            let (prev, si) = (w[0] as usize, w[1] as usize);
            pieces.push((si as u32, self.rev_thread[prev]));
            let (prev_last, si_last) = (self.last_succ[prev], self.last_succ[si]);
            if prev_last != si_last {
                pieces.push((self.thread[prev_last as usize], si_last));
            }
        }
        let last = pieces[pieces.len() - 1].1 as usize;
        let size = self.succ_num[v_out];
        let old_last = self.last_succ[v_out] as usize;
        let before = self.rev_thread[v_out] as usize;
        let after = self.thread[old_last] as usize;
        let p_out = self.parent[v_out] as usize;

        // Cut the old run out of the thread; ancestors that ended with it now end before it.
        self.thread[before] = after as u32;
        self.rev_thread[after] = before as u32;
        let mut u = p_out;
        while self.last_succ[u] as usize == old_last {
            self.last_succ[u] = before as u32;
            if u == root {
                break;
            }
            u = self.parent[u] as usize;
        }
        // Link the new runs right after v_in; ancestors that ended at v_in now end with them.
        let next = self.thread[v_in] as usize;
        let mut prev = v_in;
        for &(first, end) in &pieces {
            self.thread[prev] = first;
            self.rev_thread[first as usize] = prev as u32;
            prev = end as usize;
        }
        self.thread[prev] = next as u32;
        self.rev_thread[next] = prev as u32;
        let mut u = v_in;
        while self.last_succ[u] as usize == v_in {
            self.last_succ[u] = last as u32;
            if u == root {
                break;
            }
            u = self.parent[u] as usize;
        }
        // Subtree sizes below the join.
        let mut u = p_out;
        while u != join {
            self.succ_num[u] -= size;
            u = self.parent[u] as usize;
        }
        let mut u = v_in;
        while u != join {
            self.succ_num[u] += size;
            u = self.parent[u] as usize;
        }
        // Reverse the stem.
        let mut prev_old_size = self.succ_num[u_in];
        for &si in &stem[1..] {
            let si = si as usize;
            let old_size = self.succ_num[si];
            self.succ_num[si] = size - prev_old_size;
            prev_old_size = old_size;
            self.last_succ[si] = last as u32;
        }
        for i in (1..stem.len()).rev() {
            let (si, sc) = (stem[i] as usize, stem[i - 1] as usize);
            self.parent[si] = sc as u32;
            self.pred[si] = self.pred[sc];
            self.up[si] = !self.up[sc];
        }
        self.parent[u_in] = v_in as u32;
        self.pred[u_in] = e as u32;
        self.up[u_in] = self.source[e] as usize == u_in;
        self.succ_num[u_in] = size;
        self.last_succ[u_in] = last as u32;
        self.stem = stem;
        self.pieces = pieces;

        // Potentials: shift the moved subtree, or everything else the other way when that
        // is smaller (only differences of potentials matter).
        let (from, to, sign) = if 2 * size as usize <= self.n + 1 {
            (u_in, last, 1.0)
        } else {
            (
                self.thread[last] as usize,
                self.rev_thread[u_in] as usize,
                -1.0,
            )
        };
        let (dr, da) = (sign * sigma[0], sign * sigma[1]);
        let lexicographic = self.down_artificials > 0;
        let thread = &self.thread[..];
        let pi = &mut self.pi[..];
        let mut u = from;
        if !lexicographic && da == 0.0 {
            // The common case once no artificial flow is left: a tight walk of the thread.
            loop {
                pi[u] += dr;
                if u == to {
                    break;
                }
                u = thread[u] as usize;
            }
            return;
        }
        let (pi_a, pi_c, big_m) = (&mut self.pi_a[..], &mut self.pi_c[..], self.big_m);
        loop {
            pi[u] += dr;
            if da != 0.0 {
                pi_a[u] += da;
            }
            if lexicographic {
                pi_c[u] = pi[u] + big_m * pi_a[u];
            }
            if u == to {
                break;
            }
            u = thread[u] as usize;
        }
    }
}
