//! Consistency checks of the tree bookkeeping (debug builds).

use super::tree::Simplex;

impl Simplex {
    /// Checks the tree bookkeeping against a rebuild from `parent` (tests and debug builds).
    pub fn check_tree(&self) -> Result<(), String> {
        let n = self.n;
        let mut copy = Simplex {
            thread: self.thread.clone(),
            ..self.shallow_copy()
        };
        if !copy.rebuild_order() {
            return Err("parent pointers do not form a tree".into());
        }
        // The thread may order siblings differently: compare what does not depend on it.
        if copy.succ_num != self.succ_num {
            return Err("succ_num differs".into());
        }
        for v in 0..=n {
            // The run from v to last_succ[v] must be v's subtree.
            let mut count = 1;
            let mut u = v;
            while u != self.last_succ[v] as usize {
                u = self.thread[u] as usize;
                count += 1;
                if count > n + 1 {
                    return Err(format!("last_succ[{v}] not reached"));
                }
            }
            if count != self.succ_num[v] as usize {
                return Err(format!(
                    "run of {v} has {count} nodes, subtree {}",
                    self.succ_num[v]
                ));
            }
            if self.rev_thread[self.thread[v] as usize] as usize != v {
                return Err(format!("rev_thread broken at {v}"));
            }
            if v < n {
                let a = self.pred[v] as usize;
                let (s, t) = (self.source[a] as usize, self.target[a] as usize);
                let p = self.parent[v] as usize;
                if (self.up[v] && (s, t) != (v, p)) || (!self.up[v] && (s, t) != (p, v)) {
                    return Err(format!("pred of {v} does not join it to its parent"));
                }
                let rc = self.cost[a] + self.pi[s] - self.pi[t];
                if rc.abs() > 1e-6 * (1.0 + self.cost[a].abs() + self.pi[s].abs()) {
                    return Err(format!("tree arc {a} has reduced cost {rc}"));
                }
            }
        }
        Ok(())
    }

    fn shallow_copy(&self) -> Simplex {
        Simplex {
            n: self.n,
            m: self.m,
            source: Vec::new(),
            target: Vec::new(),
            cost: Vec::new(),
            cap: Vec::new(),
            flow: Vec::new(),
            state: Vec::new(),
            demand: Vec::new(),
            parent: self.parent.clone(),
            pred: Vec::new(),
            up: Vec::new(),
            thread: Vec::new(),
            rev_thread: self.rev_thread.clone(),
            succ_num: self.succ_num.clone(),
            last_succ: self.last_succ.clone(),
            pi: Vec::new(),
            pi_a: Vec::new(),
            down_artificials: 0,
            pi_c: Vec::new(),
            big_m: 0.0,
            feas_tol: 0.0,
            opt_tol: 0.0,
            block_size: 0,
            next_arc: 0,
            head_length: 0,
            candidates: Vec::new(),
            stem: Vec::new(),
            pieces: Vec::new(),
        }
    }
}
