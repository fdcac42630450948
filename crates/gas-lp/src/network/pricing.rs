//! Pricing: choosing the entering arc.
//!
//! Two rules, both deterministic (ties go to the lower arc index or the arc scanned first):
//!
//! - *Candidate list* (default on networks of up to 100 000 arcs; multiple partial pricing): the most violating arcs found
//!   so far are kept in a short list. Each search re-prices the list, drops the arcs that
//!   no longer violate, then scans whole blocks onward from where the last scan stopped
//!   (the first block always, more only until some arc violates), adding every violating
//!   arc; the list is cut to its `head_length` best and the best enters. Arcs that stay
//!   attractive over several pivots are found again without a scan.
//! - *Block search* (default on larger networks): the most violating arc of the first block (from where the last
//!   search stopped) that has one.
//!
//! Either way a search that finds nothing has priced every arc. Violation is
//! lexicographic while artificial flow is left (artificial cost first, then real cost),
//! priced fast with folded potentials `pi_c` and checked exactly.

use super::tree::{Simplex, TREE};

/// The best candidate so far and its violation `[artificial, real]`.
struct Best {
    arc: usize,
    key: [f64; 2],
}

impl Simplex {
    /// The entering arc, or `None` at optimality (or, with `feasibility_only`, when no arc
    /// lowers the artificial flow). Violation is lexicographic: artificial cost first, then
    /// real cost (ignored when `feasibility_only`, which always uses the block search).
    pub fn find_entering(&mut self, feasibility_only: bool) -> Option<usize> {
        let m = self.m;
        if m == 0 || (feasibility_only && self.down_artificials == 0) {
            return None;
        }
        let lexicographic = self.down_artificials > 0;
        if self.head_length > 0 && !feasibility_only {
            return self.find_entering_listed(lexicographic);
        }
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

    /// Candidate-list pricing (see the module docs) with `pi_c` while `lexicographic`,
    /// else `pi`.
    fn find_entering_listed(&mut self, lexicographic: bool) -> Option<usize> {
        let m = self.m;
        let tol = self.opt_tol;
        let mut list = std::mem::take(&mut self.candidates);
        let pi = if lexicographic { &self.pi_c } else { &self.pi };
        list.retain_mut(|(v, e)| {
            let e = *e as usize;
            *v = f64::from(self.state[e])
                * (pi[self.target[e] as usize] - pi[self.source[e] as usize] - self.cost[e]);
            *v > tol
        });
        let mut e = self.next_arc.min(m - 1);
        let mut scanned = 0;
        let mut enough = self.head_length;
        while scanned < m {
            let len = self.block_size.min(m - scanned);
            let end = e + len;
            if end <= m {
                self.collect(pi, e, end, &mut list);
            } else {
                self.collect(pi, e, m, &mut list);
                self.collect(pi, 0, end - m, &mut list);
            }
            e = if end >= m { end - m } else { end };
            scanned += len;
            if list.len() > enough {
                break;
            }
            enough = 0;
        }
        self.next_arc = e;
        // Most violating first; equal violations by arc index. Every violation in the list
        // is positive, so the order of its bits is the order of the values (an integer key
        // is cheaper to compare than `total_cmp`).
        let order = |&(v, e): &(f64, u32)| (u64::MAX - v.to_bits(), e);
        if list.len() > self.head_length {
            list.select_nth_unstable_by_key(self.head_length - 1, order);
            list.truncate(self.head_length);
        }
        let best = list
            .iter()
            .min_by_key(|c| order(c))
            .map(|&(_, e)| e as usize);
        self.candidates = list;
        match best {
            Some(arc) if lexicographic && !self.is_lexicographic_candidate(arc) => {
                // Rounding in `pi_c` misled the fast scan: price exactly instead.
                self.candidates.clear();
                self.find_entering_exactly()
            }
            Some(arc) => Some(arc),
            // Confirm optimality exactly.
            None if lexicographic => self.find_entering_exactly(),
            None => None,
        }
    }

    /// Appends the arcs of `from..to` that violate optimality under `pi` to `list`.
    fn collect(&self, pi: &[f64], from: usize, to: usize, list: &mut Vec<(f64, u32)>) {
        let state = &self.state[from..to];
        let source = &self.source[from..to];
        let target = &self.target[from..to];
        let cost = &self.cost[from..to];
        let tol = self.opt_tol;
        for i in 0..state.len() {
            let v =
                f64::from(state[i]) * (pi[target[i] as usize] - pi[source[i] as usize] - cost[i]);
            if v > tol {
                list.push((v, (from + i) as u32));
            }
        }
    }
}
