//! The cost-scaling start of the network simplex (`NetworkSimplex::cost_scaling_min_arcs`):
//! hand-computable cases and random networks. The simplex finishes every solve, so results
//! must match the default start's (objective within 1e-9 relative, certificates).

mod common;

use common::{
    assert_all_close, assert_close, check_certificate, random_network, short_supply, solvers,
    transport, unbounded_cycle,
};
use gas_lp::{NetworkSimplex, Problem, SolveOptions, Solver, Status};
use proptest::prelude::*;

const INF: f64 = f64::INFINITY;

/// The network simplex starting from cost scaling on every network.
fn scaled() -> NetworkSimplex {
    NetworkSimplex {
        cost_scaling_min_arcs: 0,
        ..NetworkSimplex::default()
    }
}

/// The transport problem of `common::transport`: line 3, supply A 3, supply B 2;
/// objective 19; duals 2 (A) and 5 (B).
#[test]
fn transport_with_binding_capacity() {
    let p = transport();
    let s = scaled().solve(&p, &SolveOptions::default()).unwrap();
    assert_eq!(s.status, Status::Optimal);
    assert_close(s.objective, 19.0, "objective");
    assert_all_close(&s.col_values, &[3.0, 2.0, 3.0], "values");
    assert_all_close(&s.row_duals, &[2.0, 5.0], "duals");
    assert_all_close(&s.col_reduced_costs, &[0.0, 0.0, -2.0], "reduced costs");
}

/// A chain of three days with storage: demand 4 on day 2 only; gas costs 1, 2, 9 on days
/// 0, 1, 2 (up to 3 a day); storage carries up to 10 from day to day at 0.5 per unit and
/// day. Cheapest: 3 on day 0 (1 + 2·0.5 = 2 per unit delivered), then 1 on day 1
/// (2 + 0.5 = 2.5): objective 3·1 + 1·2 + 3·0.5·2 + 1·0.5 = 8.5. Irrational-looking costs
/// (thirds) exercise the rounding to the cost grid.
#[test]
fn storage_chain_with_fractional_costs() {
    for third in [0.0, 1.0 / 3.0] {
        let mut p = Problem::new();
        let days: Vec<_> = [0.0, 0.0, 4.0].iter().map(|&d| p.add_row(d, d)).collect();
        let mut supply = Vec::new();
        for (t, &cost) in [1.0, 2.0, 9.0].iter().enumerate() {
            let x = p.add_col(0.0, 3.0, cost + third);
            p.set_coef(days[t], x, 1.0);
            supply.push(x);
        }
        for t in 0..2 {
            let level = p.add_col(0.0, 10.0, 0.5);
            p.set_coef(days[t], level, -1.0);
            p.set_coef(days[t + 1], level, 1.0);
        }
        let s = scaled().solve(&p, &SolveOptions::default()).unwrap();
        assert_eq!(s.status, Status::Optimal);
        assert_close(s.objective, 8.5 + 4.0 * third, "objective");
        assert_all_close(&s.col_values, &[3.0, 1.0, 0.0, 3.0, 4.0], "values");
        check_certificate(&p, &s);
    }
}

/// A needs 5 but can receive at most 3: infeasible (cost scaling gives up, the simplex
/// reports it).
#[test]
fn infeasible() {
    let p = short_supply();
    let s = scaled().solve(&p, &SolveOptions::default()).unwrap();
    assert_eq!(s.status, Status::Infeasible);
    assert_eq!(s.objective, INF);
}

/// Buying into A earns 1 per unit without limit and selling is free: unbounded.
#[test]
fn unbounded() {
    let p = unbounded_cycle();
    let s = scaled().solve(&p, &SolveOptions::default()).unwrap();
    assert_eq!(s.status, Status::Unbounded);
    assert_eq!(s.objective, -INF);
}

/// Degenerate ties: B needs 2 from A over two identical lines (cost 1, capacity 2) and A
/// buys at 3. Every split of the 2 units is optimal (objective 2·3 + 2·1 = 8); the result
/// is the same byte for byte on every solve.
#[test]
fn degenerate_ties_are_deterministic() {
    let mut p = Problem::new();
    let a = p.add_row(0.0, 0.0);
    let b = p.add_row(2.0, 2.0);
    let buy = p.add_col(0.0, INF, 3.0);
    p.set_coef(a, buy, 1.0);
    for _ in 0..2 {
        let line = p.add_col(0.0, 2.0, 1.0);
        p.set_coef(a, line, -1.0);
        p.set_coef(b, line, 1.0);
    }
    let s = scaled().solve(&p, &SolveOptions::default()).unwrap();
    assert_eq!(s.status, Status::Optimal);
    assert_close(s.objective, 8.0, "objective");
    assert_close(s.col_values[1] + s.col_values[2], 2.0, "lines");
    check_certificate(&p, &s);
    let again = scaled().solve(&p, &SolveOptions::default()).unwrap();
    assert_eq!(format!("{s:?}"), format!("{again:?}"));
}

/// An empty problem and one without arcs.
#[test]
fn trivial_problems() {
    let s = scaled()
        .solve(&Problem::new(), &SolveOptions::default())
        .unwrap();
    assert_eq!(s.status, Status::Optimal);
    let mut p = Problem::new();
    p.add_row(0.0, 0.0);
    p.add_col(1.0, 2.0, 1.0);
    let s = scaled().solve(&p, &SolveOptions::default()).unwrap();
    assert_eq!(s.status, Status::Optimal);
    assert_close(s.objective, 1.0, "objective");
}

/// The same answers as every other backend on the hand-checked transport problem with
/// the start turned on for networks of any size.
#[test]
fn agrees_with_every_backend() {
    let mut p = Problem::new();
    let a = p.add_row(-4.0, -4.0);
    let b = p.add_row(1.0, 3.0);
    let c = p.add_row(2.0, 2.0);
    for (from, to, cost, cap) in [(a, b, 1.0, 3.0), (b, c, 1.0, INF), (a, c, 3.0, 1.0)] {
        let x = p.add_col(0.0, cap, cost);
        p.set_coef(from, x, -1.0);
        p.set_coef(to, x, 1.0);
    }
    let reference = scaled().solve(&p, &SolveOptions::default()).unwrap();
    check_certificate(&p, &reference);
    for solver in solvers() {
        let s = solver.solve(&p, &SolveOptions::default()).unwrap();
        assert_eq!(s.status, reference.status, "{}", solver.name());
        assert_close(s.objective, reference.objective, solver.name());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Random networks: the cost-scaling start reaches the default start's status and
    /// objective (within 1e-9 relative), with an optimality certificate, reproducibly.
    #[test]
    fn cost_scaling_start_matches_network_simplex(seed in any::<u64>(), nodes in 1usize..=30, arcs in 0usize..=120) {
        let p = random_network(seed, nodes, arcs);
        let a = NetworkSimplex::default().solve(&p, &SolveOptions::default()).unwrap();
        let b = scaled().solve(&p, &SolveOptions::default()).unwrap();
        prop_assert_eq!(a.status, b.status);
        if a.status == Status::Optimal {
            check_certificate(&p, &b);
            prop_assert!((a.objective - b.objective).abs() <= 1e-9 * (1.0 + a.objective.abs()),
                "objective {} vs {}", b.objective, a.objective);
        }
        let again = scaled().solve(&p, &SolveOptions::default()).unwrap();
        prop_assert_eq!(format!("{b:?}"), format!("{again:?}"));
    }
}
