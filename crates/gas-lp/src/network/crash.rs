//! The crash basis for cold starts.

use super::tree::{Simplex, LOWER, TREE, UPPER};

impl Simplex {
    /// Crash start on top of [`Simplex::load_cold`]: each node with a demand takes it from
    /// the ground node's arcs into it, cheapest first (filling cheaper arcs to capacity,
    /// then making the next one its tree arc); each node with a supply sends it to ground
    /// the same way. What cannot be placed stays on the artificial arc. The ground node is
    /// the last real node.
    pub fn crash(&mut self) {
        let (n, m) = (self.n, self.m);
        if n < 2 {
            return;
        }
        let ground = (n - 1) as u32;
        // Arcs between ground and another node, grouped by that node, cheapest first.
        let mut ground_arcs: Vec<(u32, f64, u32)> = (0..m)
            .filter_map(|e| {
                let (s, t) = (self.source[e], self.target[e]);
                if s == ground && t != ground {
                    Some((t, self.cost[e], e as u32))
                } else if t == ground && s != ground {
                    Some((s, self.cost[e], e as u32))
                } else {
                    None
                }
            })
            .collect();
        ground_arcs.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut i = 0;
        while i < ground_arcs.len() {
            let v = ground_arcs[i].0 as usize;
            let mut j = i;
            while j < ground_arcs.len() && ground_arcs[j].0 as usize == v {
                j += 1;
            }
            let d = self.demand[v];
            // Inflow arcs (from ground) for a demand, outflow arcs (to ground) for a supply.
            let inflow = d > 0.0;
            let mut remaining = d.abs();
            for &(_, _, e) in &ground_arcs[i..j] {
                let e = e as usize;
                if remaining <= 0.0 || (self.source[e] == ground) != inflow {
                    continue;
                }
                let cap = self.cap[e];
                if cap > remaining || (inflow && cap == remaining) {
                    self.state[m + v] = LOWER;
                    self.state[e] = TREE;
                    self.pred[v] = e as u32;
                    self.parent[v] = ground;
                    self.up[v] = !inflow;
                    break;
                }
                self.state[e] = UPPER;
                remaining -= cap;
            }
            i = j;
        }
        let ok = self.rebuild_order();
        debug_assert!(ok);
    }
}
