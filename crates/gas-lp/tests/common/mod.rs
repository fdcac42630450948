//! Helpers shared by the integration tests.
#![allow(dead_code)]

use gas_lp::{Col, NetworkSimplex, Problem, Row, Solution, Solver, Status};

const TOL: f64 = 1e-7;

/// Every backend compiled in: the network simplex, and HiGHS (simplex and IPM) with the
/// `highs` feature.
pub fn solvers() -> Vec<Box<dyn Solver>> {
    #[allow(unused_mut)]
    let mut all: Vec<Box<dyn Solver>> = vec![Box::new(NetworkSimplex::default())];
    #[cfg(feature = "highs")]
    {
        all.push(Box::new(gas_lp::Highs {
            method: gas_lp::HighsMethod::Simplex,
        }));
        all.push(Box::new(gas_lp::Highs {
            method: gas_lp::HighsMethod::Ipm,
        }));
    }
    all
}

/// Two zones, A and B. B needs 5. Local supply: 2 per unit at A, 5 per unit at B (each up
/// to 10); a line A → B costs 1 per unit and carries at most 3.
///
/// Gas via the line costs 2 + 1 = 3 < 5, so the line is full: line = 3, supply A = 3,
/// supply B = 5 − 3 = 2. Objective = 3·2 + 3·1 + 2·5 = 19.
/// Duals: one more unit needed at B comes from B's supply: 5. One more at A comes from A's
/// supply: 2. Reduced cost of the line = 1 − (5 − 2) = −2 (at its upper bound: raising the
/// capacity by one saves 2). Columns: supply A, supply B, line.
pub fn transport() -> Problem {
    let mut p = Problem::new();
    let a = p.add_row(0.0, 0.0); // inflow − outflow = 0 at A
    let b = p.add_row(5.0, 5.0); // inflow − outflow = 5 at B
    let supply_a = p.add_col(0.0, 10.0, 2.0);
    let supply_b = p.add_col(0.0, 10.0, 5.0);
    let line = p.add_col(0.0, 3.0, 1.0);
    p.set_coef(a, supply_a, 1.0);
    p.set_coef(b, supply_b, 1.0);
    p.set_coef(a, line, -1.0);
    p.set_coef(b, line, 1.0);
    p
}

/// A needs 5 but can receive at most 3 (one column): infeasible.
pub fn short_supply() -> Problem {
    let mut p = Problem::new();
    let a = p.add_row(5.0, 5.0);
    let x = p.add_col(0.0, 3.0, 1.0);
    p.set_coef(a, x, 1.0);
    p
}

/// Buying into A earns 1 per unit (cost −1) and selling out of A is free, without limit:
/// the cycle ground → A → ground has cost −1 and no capacity: unbounded.
pub fn unbounded_cycle() -> Problem {
    let mut p = Problem::new();
    let a = p.add_row(0.0, 0.0);
    let buy = p.add_col(0.0, f64::INFINITY, -1.0);
    let sell = p.add_col(0.0, f64::INFINITY, 0.0);
    p.set_coef(a, buy, 1.0);
    p.set_coef(a, sell, -1.0);
    p
}

pub fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= 1e-6 * (1.0 + expected.abs()),
        "{what}: got {actual}, expected {expected}"
    );
}

pub fn assert_all_close(actual: &[f64], expected: &[f64], what: &str) {
    assert_eq!(actual.len(), expected.len(), "{what}: lengths");
    for (i, (&a, &e)) in actual.iter().zip(expected).enumerate() {
        assert_close(a, e, &format!("{what}[{i}]"));
    }
}

/// Primal feasibility, dual sign conditions and complementary slackness: together they prove
/// optimality.
pub fn check_certificate(p: &Problem, s: &Solution) {
    assert_eq!(s.status, Status::Optimal);
    let scale = 1.0 + s.col_values.iter().fold(0.0f64, |a, x| a.max(x.abs()));
    let tol = TOL * scale;
    for j in 0..p.num_cols() {
        let (l, u) = p.col_bounds(Col(j as u32));
        let (x, d) = (s.col_values[j], s.col_reduced_costs[j]);
        assert!(
            x >= l - tol && x <= u + tol,
            "column {j}: {x} outside [{l}, {u}]"
        );
        if x > l + tol {
            assert!(
                d <= tol,
                "column {j} above its lower bound with reduced cost {d}"
            );
        }
        if x < u - tol {
            assert!(
                d >= -tol,
                "column {j} below its upper bound with reduced cost {d}"
            );
        }
    }
    let activity = p.row_activities(&s.col_values);
    for (i, &a) in activity.iter().enumerate() {
        let (l, u) = p.row_bounds(Row(i as u32));
        let y = s.row_duals[i];
        assert!((a - s.row_activities[i]).abs() <= tol);
        assert!(
            a >= l - tol && a <= u + tol,
            "row {i}: {a} outside [{l}, {u}]"
        );
        if a > l + tol {
            assert!(y <= tol, "row {i} above its lower bound with dual {y}");
        }
        if a < u - tol {
            assert!(y >= -tol, "row {i} below its upper bound with dual {y}");
        }
    }
    let objective = p.objective_value(&s.col_values);
    assert!((objective - s.objective).abs() <= tol * (1.0 + objective.abs()));
}

/// splitmix64: a small deterministic generator, so an instance is a function of its seed.
pub struct Rng(pub u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// An integer-valued float in [lo, hi].
    pub fn int(&mut self, lo: i64, hi: i64) -> f64 {
        (lo + self.below((hi - lo + 1) as u64) as i64) as f64
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// A random network LP that is feasible by construction: a random flow within the arc
/// bounds fixes the node balances, and the row bounds are put around them. Arcs of
/// unlimited capacity get costs that cannot form a negative cycle (so the LP is bounded).
pub fn random_network(seed: u64, nodes: usize, arcs: usize) -> Problem {
    let mut rng = Rng(seed);
    let mut p = Problem::new();
    let rows: Vec<Row> = (0..nodes).map(|_| p.add_row(0.0, 0.0)).collect();
    let mut balance = vec![0.0; nodes];
    for _ in 0..arcs {
        // Tail and head: a row, or ground (None) now and then.
        let end = |rng: &mut Rng| (!rng.chance(15)).then(|| rng.below(nodes as u64) as usize);
        let (tail, head) = (end(&mut rng), end(&mut rng));
        if tail == head {
            continue;
        }
        let kind = rng.below(10);
        let (lower, upper, cost) = match kind {
            0 => (-f64::INFINITY, rng.int(-5, 20), rng.int(-10, 0)), // only an upper bound
            1 => (-f64::INFINITY, f64::INFINITY, 0.0),               // free
            2 | 3 => (rng.int(-5, 5), f64::INFINITY, rng.int(0, 10)), // only a lower bound
            _ => {
                let l = rng.int(-5, 10);
                (l, l + rng.int(0, 20), rng.int(-10, 10))
            }
        };
        // A flow within the bounds.
        let lo = if lower.is_finite() {
            lower
        } else {
            upper.min(0.0) - 10.0
        };
        let hi = if upper.is_finite() {
            upper
        } else {
            lo.max(0.0) + 10.0
        };
        let x = lo + rng.int(0, (hi - lo) as i64);
        let col = p.add_col(lower, upper, cost);
        if let Some(t) = tail {
            p.set_coef(rows[t], col, -1.0);
            balance[t] -= x;
        }
        if let Some(h) = head {
            p.set_coef(rows[h], col, 1.0);
            balance[h] += x;
        }
    }
    for (i, &b) in balance.iter().enumerate() {
        let (lower, upper) = match rng.below(5) {
            0 => (b - rng.int(0, 5), b + rng.int(0, 5)),
            1 => (b - rng.int(0, 5), f64::INFINITY),
            2 => (-f64::INFINITY, b + rng.int(0, 5)),
            _ => (b, b),
        };
        p.set_row_bounds(rows[i], lower, upper);
    }
    p
}
