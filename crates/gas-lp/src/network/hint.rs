//! A starting tree from solver-neutral column statuses (a [`crate::Basis`] hint), and the
//! column statuses of a final tree.

use super::build::{ColMap, Network};
use super::tree::{Simplex, LOWER, TREE, UPPER};
use crate::ColStatus;

/// Union–find over node indices with path halving.
struct Components(Vec<u32>);

impl Components {
    fn find(&mut self, mut v: u32) -> u32 {
        while self.0[v as usize] != v {
            let up = self.0[self.0[v as usize] as usize];
            self.0[v as usize] = up;
            v = up;
        }
        v
    }
}

impl Simplex {
    /// Loads a starting tree from one status per column: non-basic columns put their arc
    /// at the matching bound; the arcs of basic columns join the tree in column order as
    /// far as they close no cycle; each part of the forest left hangs from the root by the
    /// artificial arc of its first node (the ground node's part by the ground node's).
    /// Flows are set afterwards by [`Simplex::repair`], which also cuts tree arcs whose
    /// flow would break their bounds. Returns `false` when the statuses do not fit.
    pub fn load_hint(&mut self, net: &Network, cols: &[ColStatus]) -> bool {
        let n = self.n;
        if cols.len() != net.cols.len() || n == 0 {
            return false;
        }
        self.state.fill(LOWER);
        let mut parts = Components((0..n as u32).collect());
        let mut tree_arcs = Vec::with_capacity(n);
        for (map, &status) in net.cols.iter().zip(cols) {
            let (arc, reverse) = match *map {
                ColMap::Fixed(_) => continue,
                ColMap::Forward { arc, .. } => (arc as usize, false),
                ColMap::Reverse { arc, .. } => (arc as usize, true),
                ColMap::Free { pos, .. } => (pos as usize, false),
            };
            match status {
                ColStatus::Basic => {
                    let (a, b) = (parts.find(self.source[arc]), parts.find(self.target[arc]));
                    if a != b {
                        parts.0[a as usize] = b;
                        tree_arcs.push(arc as u32);
                        self.state[arc] = TREE;
                    }
                }
                // A reversed column at its lower bound would have infinite flow: at zero.
                ColStatus::Upper if !reverse && self.cap[arc].is_finite() => {
                    self.state[arc] = UPPER;
                }
                _ => {}
            }
        }
        // Adjacency of the forest, then each part hung from the root, ground's first.
        let mut start = vec![0u32; n + 1];
        for &e in &tree_arcs {
            start[self.source[e as usize] as usize + 1] += 1;
            start[self.target[e as usize] as usize + 1] += 1;
        }
        for v in 0..n {
            start[v + 1] += start[v];
        }
        let mut fill = start.clone();
        let mut adjacent = vec![0u32; 2 * tree_arcs.len()];
        for &e in &tree_arcs {
            for end in [self.source[e as usize], self.target[e as usize]] {
                adjacent[fill[end as usize] as usize] = e;
                fill[end as usize] += 1;
            }
        }
        let mut seen = vec![false; n];
        let mut stack = Vec::new();
        let ground = n - 1;
        for top in std::iter::once(ground).chain(0..ground) {
            if seen[top] {
                continue;
            }
            seen[top] = true;
            self.hang_from_root(top);
            stack.push(top as u32);
            while let Some(v) = stack.pop() {
                let v = v as usize;
                for &e in &adjacent[start[v] as usize..start[v + 1] as usize] {
                    let (s, t) = (
                        self.source[e as usize] as usize,
                        self.target[e as usize] as usize,
                    );
                    let (w, up) = if s == v { (t, false) } else { (s, true) };
                    if seen[w] {
                        continue;
                    }
                    seen[w] = true;
                    self.parent[w] = v as u32;
                    self.pred[w] = e;
                    self.up[w] = up;
                    stack.push(w as u32);
                }
            }
        }
        self.rebuild_order()
    }
}

impl Network {
    /// The status of each column from the final arc states.
    pub fn col_statuses(&self, state: &[i8]) -> Vec<ColStatus> {
        let of = |arc: u32| match state[arc as usize] {
            TREE => ColStatus::Basic,
            UPPER => ColStatus::Upper,
            _ => ColStatus::Lower,
        };
        self.cols
            .iter()
            .map(|map| match *map {
                ColMap::Fixed(_) => ColStatus::Lower,
                ColMap::Forward { arc, .. } => of(arc),
                ColMap::Reverse { arc, .. } => match of(arc) {
                    ColStatus::Lower => ColStatus::Upper,
                    other => other,
                },
                ColMap::Free { pos, neg } => {
                    if of(pos) == ColStatus::Basic || of(neg) == ColStatus::Basic {
                        ColStatus::Basic
                    } else {
                        ColStatus::Lower
                    }
                }
            })
            .collect()
    }
}
