//! Hand-computable cases, run on every backend compiled in. The arithmetic is in comments.

mod common;

use common::{assert_all_close, assert_close, short_supply, solvers, transport, unbounded_cycle};
use gas_lp::{Problem, SolveError, SolveOptions, Status};

const INF: f64 = f64::INFINITY;

/// The transport problem of `common::transport` (its arithmetic is there).
#[test]
fn transport_with_binding_capacity() {
    let p = transport();
    for solver in solvers() {
        let s = solver.solve(&p, &SolveOptions::default()).unwrap();
        let name = solver.name();
        assert_eq!(s.status, Status::Optimal, "{name}");
        assert_close(s.objective, 19.0, name);
        assert_all_close(&s.col_values, &[3.0, 2.0, 3.0], name);
        assert_all_close(&s.row_activities, &[0.0, 5.0], name);
        assert_all_close(&s.row_duals, &[2.0, 5.0], name);
        assert_all_close(&s.col_reduced_costs, &[0.0, 0.0, -2.0], name);
    }
}

/// The duals are derivatives: raising B's demand to 6 raises the objective by 5, raising A's
/// to 1 by 2.
#[test]
fn duals_are_objective_derivatives() {
    let base = transport();
    for solver in solvers() {
        let z0 = solver
            .solve(&base, &SolveOptions::default())
            .unwrap()
            .objective;
        for (row, expected) in [(0u32, 2.0), (1, 5.0)] {
            let mut p = base.clone();
            let (l, _) = p.row_bounds(gas_lp::Row(row));
            p.set_row_bounds(gas_lp::Row(row), l + 1.0, l + 1.0);
            let z1 = solver
                .solve(&p, &SolveOptions::default())
                .unwrap()
                .objective;
            assert_close(z1 - z0, expected, solver.name());
        }
    }
}

/// A needs 5 but can receive at most 3: infeasible.
#[test]
fn infeasible() {
    let p = short_supply();
    for solver in solvers() {
        let s = solver.solve(&p, &SolveOptions::default()).unwrap();
        assert_eq!(s.status, Status::Infeasible, "{}", solver.name());
        assert_eq!(s.objective, INF);
        assert_eq!(s.col_values.len(), 1);
    }
}

/// Buying into A earns 1 per unit and selling is free, without limit: unbounded
/// (`common::unbounded_cycle`).
#[test]
fn unbounded() {
    let p = unbounded_cycle();
    for solver in solvers() {
        let s = solver.solve(&p, &SolveOptions::default()).unwrap();
        assert_eq!(s.status, Status::Unbounded, "{}", solver.name());
        assert_eq!(s.objective, -INF);
    }
}

/// Infeasible *and* containing a negative cycle: infeasibility wins (unbounded needs a
/// feasible point).
#[test]
fn infeasible_with_negative_cycle() {
    let mut p = Problem::new();
    let a = p.add_row(0.0, 0.0);
    let b = p.add_row(1.0, 1.0); // needs 1, but nothing enters B
    let buy = p.add_col(0.0, INF, -1.0);
    let sell = p.add_col(0.0, INF, 0.0);
    p.set_coef(a, buy, 1.0);
    p.set_coef(a, sell, -1.0);
    let _ = b;
    let s = gas_lp::default_solver()
        .solve(&p, &SolveOptions::default())
        .unwrap();
    assert_eq!(s.status, Status::Infeasible);
}

/// One zone with a ranged balance 2 ≤ inflow ≤ 4.
/// Cost 3 per unit: take the minimum, 2; objective 6; dual of the row 3 (raising the lower
/// bound by one costs 3). Cost −1 per unit: take the maximum, 4; objective −4; dual −1
/// (raising the upper bound by one gains 1).
#[test]
fn ranged_row() {
    for (cost, value, dual) in [(3.0, 2.0, 3.0), (-1.0, 4.0, -1.0)] {
        let mut p = Problem::new();
        let a = p.add_row(2.0, 4.0);
        let x = p.add_col(0.0, 10.0, cost);
        p.set_coef(a, x, 1.0);
        for solver in solvers() {
            let s = solver.solve(&p, &SolveOptions::default()).unwrap();
            let name = solver.name();
            assert_eq!(s.status, Status::Optimal, "{name}");
            assert_all_close(&s.col_values, &[value], name);
            assert_close(s.objective, cost * value, name);
            assert_all_close(&s.row_duals, &[dual], name);
            assert_all_close(&s.col_reduced_costs, &[0.0], name);
        }
    }
}

/// x ∈ [−5, 5] at cost 1 and y ∈ [0, 10] at cost 0.5 with x + y = 1 (both into zone A).
/// Objective x + 0.5(1 − x) = 0.5 + 0.5x, smallest at x = −5 (y = 6 ≤ 10): objective −2.
/// Dual of A: one more unit comes from y: 0.5. Reduced cost of x: 1 − 0.5 = 0.5 (≥ 0 at its
/// lower bound).
#[test]
fn negative_lower_bound() {
    let mut p = Problem::new();
    let a = p.add_row(1.0, 1.0);
    let x = p.add_col(-5.0, 5.0, 1.0);
    let y = p.add_col(0.0, 10.0, 0.5);
    p.set_coef(a, x, 1.0);
    p.set_coef(a, y, 1.0);
    for solver in solvers() {
        let s = solver.solve(&p, &SolveOptions::default()).unwrap();
        let name = solver.name();
        assert_eq!(s.status, Status::Optimal, "{name}");
        assert_all_close(&s.col_values, &[-5.0, 6.0], name);
        assert_close(s.objective, -2.0, name);
        assert_all_close(&s.row_duals, &[0.5], name);
        assert_all_close(&s.col_reduced_costs, &[0.5, 0.0], name);
    }
}

/// Columns without a finite lower bound, negative costs, an offset.
/// Zone A: inflow − outflow = 0 with
///   p ∈ (−inf, 4] into A at cost −2 (a producer that pays to produce: take the most, 4),
///   f free, out of A at cost 1 (f = 4 carries it away: cost 4),
///   q ∈ [1, 3] without entries at cost −1 (sits at 3: −3).
/// Objective −8 + 4 − 3 + offset 10 = 3. Dual of A: one more unit needed at A cannot come
/// from p (at its upper bound) so f shrinks by one: −1.
#[test]
fn free_and_upper_bounded_columns_negative_costs() {
    let mut p = Problem::new();
    let a = p.add_row(0.0, 0.0);
    let prod = p.add_col(-INF, 4.0, -2.0);
    let free = p.add_col(-INF, INF, 1.0);
    let q = p.add_col(1.0, 3.0, -1.0);
    p.set_coef(a, prod, 1.0);
    p.set_coef(a, free, -1.0);
    p.add_objective_offset(10.0);
    let _ = q;
    for solver in solvers() {
        let s = solver.solve(&p, &SolveOptions::default()).unwrap();
        let name = solver.name();
        assert_eq!(s.status, Status::Optimal, "{name}");
        assert_all_close(&s.col_values, &[4.0, 4.0, 3.0], name);
        assert_close(s.objective, 3.0, name);
        assert_all_close(&s.row_duals, &[-1.0], name);
        assert_all_close(&s.col_reduced_costs, &[-1.0, 0.0, -1.0], name);
    }
}

#[test]
fn non_network_matrices_are_rejected() {
    let solver = gas_lp::NetworkSimplex::default();
    // Three nonzeros.
    let mut p = Problem::new();
    let rows: Vec<_> = (0..3).map(|_| p.add_row(0.0, 0.0)).collect();
    let x = p.add_col(0.0, 1.0, 1.0);
    for &r in &rows {
        p.set_coef(r, x, 1.0);
    }
    let err = gas_lp::Solver::solve(&solver, &p, &SolveOptions::default()).unwrap_err();
    assert!(
        matches!(&err, SolveError::NotANetwork { col, row: None, .. } if *col == x),
        "{err}"
    );
    // Two nonzeros of the same sign.
    let mut p = Problem::new();
    let (r0, r1) = (p.add_row(0.0, 0.0), p.add_row(0.0, 0.0));
    let _first = p.add_col(0.0, 1.0, 1.0);
    let y = p.add_col(0.0, 1.0, 1.0);
    p.set_coef(r0, y, -1.0);
    p.set_coef(r1, y, -1.0);
    let err = gas_lp::Solver::solve(&solver, &p, &SolveOptions::default()).unwrap_err();
    assert!(
        matches!(&err, SolveError::NotANetwork { col, row: Some(r), .. } if *col == y && *r == r1),
        "{err}"
    );
    assert!(err.to_string().contains("column 1"), "{err}");
}

#[test]
fn invalid_problems_are_errors_not_panics() {
    let mut p = Problem::new();
    let r = p.add_row(0.0, 0.0);
    let x = p.add_col(0.0, f64::NAN, 1.0);
    p.set_coef(r, x, 1.0);
    for solver in solvers() {
        let err = solver.solve(&p, &SolveOptions::default()).unwrap_err();
        assert!(matches!(err, SolveError::InvalidProblem(_)), "{err}");
    }
}

#[test]
fn empty_problem() {
    let mut p = Problem::new();
    p.add_objective_offset(1.5);
    for solver in solvers() {
        let s = solver.solve(&p, &SolveOptions::default()).unwrap();
        assert_eq!(s.status, Status::Optimal, "{}", solver.name());
        assert_eq!(s.objective, 1.5);
    }
}

#[test]
fn same_problem_gives_identical_solution() {
    let p = transport();
    let solver = gas_lp::default_solver();
    let a = solver.solve(&p, &SolveOptions::default()).unwrap();
    let b = solver.solve(&p, &SolveOptions::default()).unwrap();
    assert_eq!(format!("{a:?}"), format!("{b:?}"));
}

#[test]
fn iteration_and_time_limits() {
    let p = transport();
    let solver = gas_lp::NetworkSimplex {
        max_iterations: Some(0),
        crash: false,
        ..gas_lp::NetworkSimplex::default()
    };
    let s = gas_lp::Solver::solve(&solver, &p, &SolveOptions::default()).unwrap();
    assert_eq!(s.status, Status::IterationLimit);
    assert_eq!(s.col_values.len(), 3);
    let options = SolveOptions {
        time_limit_seconds: Some(0.0),
        ..SolveOptions::default()
    };
    let solver = gas_lp::NetworkSimplex {
        crash: false,
        ..gas_lp::NetworkSimplex::default()
    };
    let s = gas_lp::Solver::solve(&solver, &p, &options).unwrap();
    assert_eq!(s.status, Status::IterationLimit);
}

/// A warm start from the transport optimum after the line capacity grows from 3 to 4:
/// one more unit goes A → B (saving 2): objective 17.
#[test]
fn warm_start_after_capacity_change() {
    let p = transport();
    let solver = gas_lp::default_solver();
    let first = solver.solve(&p, &SolveOptions::default()).unwrap();
    let mut q = p.clone();
    q.set_col_bounds(gas_lp::Col(2), 0.0, 4.0);
    let warm = solver
        .solve(
            &q,
            &SolveOptions {
                warm_start: first.basis.as_ref(),
                ..SolveOptions::default()
            },
        )
        .unwrap();
    assert_eq!(warm.status, Status::Optimal);
    assert_close(warm.objective, 17.0, "warm");
    assert_all_close(&warm.col_values, &[4.0, 1.0, 4.0], "warm");
    // A basis from a problem of another shape is ignored.
    let other = Problem::new();
    let from_other = solver.solve(&other, &SolveOptions::default()).unwrap();
    let s = solver
        .solve(
            &q,
            &SolveOptions {
                warm_start: from_other.basis.as_ref(),
                ..SolveOptions::default()
            },
        )
        .unwrap();
    assert_close(s.objective, 17.0, "ignored basis");
}

/// A large penalty must not hide small cost differences. One unit goes from A to B by
/// one of two lines, costing 2e-4 and 1e-4; a shortfall at B costs 1e6 (a curtailment
/// penalty at the scenario reader's limit). The cheap line carries it: objective 1e-4.
/// Started from the basis of the dear line, the reduced cost of the cheap one is
/// 1e-4 − 2e-4 = −1e-4: a tolerance of 1e-9 × the largest cost (1e-3) would call that
/// basis optimal at 2e-4; the tolerance is at most 1e-5 for costs up to 1e8.
#[test]
fn a_large_penalty_does_not_hide_small_cost_differences() {
    let mut p = Problem::new();
    let a = p.add_row(-1.0, -1.0); // inflow − outflow = −1 at A: one unit to send
    let b = p.add_row(1.0, 1.0); // inflow − outflow = 1 at B: one unit wanted
    let dear = p.add_col(0.0, 1.0, 2e-4);
    let cheap = p.add_col(0.0, 1.0, 1e-4);
    let shortfall = p.add_col(0.0, 1.0, 1e6);
    let surplus = p.add_col(0.0, 1.0, 1e6); // A may dump its unit (keeps A → ground open)
    for line in [dear, cheap] {
        p.set_coef(a, line, -1.0);
        p.set_coef(b, line, 1.0);
    }
    p.set_coef(b, shortfall, 1.0);
    p.set_coef(a, surplus, -1.0);
    let dear_basis = gas_lp::Basis::from_col_statuses(vec![
        gas_lp::ColStatus::Basic,
        gas_lp::ColStatus::Lower,
        gas_lp::ColStatus::Lower,
        gas_lp::ColStatus::Basic,
    ]);
    for solver in solvers() {
        let name = solver.name();
        for warm_start in [None, Some(&dear_basis)] {
            let s = solver
                .solve(
                    &p,
                    &SolveOptions {
                        warm_start,
                        ..SolveOptions::default()
                    },
                )
                .unwrap();
            assert_eq!(s.status, Status::Optimal, "{name}");
            assert_all_close(&s.col_values, &[0.0, 1.0, 0.0, 0.0], name);
            assert!(
                (s.objective - 1e-4).abs() < 1e-12,
                "{name}: objective {}",
                s.objective
            );
        }
    }
}

/// Ten thousand zones need 10 000 each from their own supply, so ground carries 1e8 in
/// all; zone R needs 1.001 but its cheap supply gives at most 1, and the last 0.001 can
/// only come from hub S (supply at 1000 per unit) through a line S → R. Every row must
/// close: how far a node may stay off its balance scales with the largest row, not with
/// ground's sum of all rows (1e-9 × 1e8 = 0.1 left R 0.001 short, at no cost).
#[test]
fn a_small_row_closes_beside_a_large_total() {
    let mut p = Problem::new();
    for _ in 0..10_000 {
        let zone = p.add_row(1e4, 1e4);
        let supply = p.add_col(0.0, INF, 1.0);
        p.set_coef(zone, supply, 1.0);
    }
    let r = p.add_row(1.001, 1.001);
    let s = p.add_row(0.0, 0.0);
    let cheap = p.add_col(0.0, 1.0, 1.0);
    p.set_coef(r, cheap, 1.0);
    let dear = p.add_col(0.0, INF, 1000.0);
    p.set_coef(s, dear, 1.0);
    let line = p.add_col(0.0, INF, 0.0);
    p.set_coef(s, line, -1.0);
    p.set_coef(r, line, 1.0);
    for solver in solvers() {
        let name = solver.name();
        let solution = solver.solve(&p, &SolveOptions::default()).unwrap();
        assert_eq!(solution.status, Status::Optimal, "{name}");
        assert_close(solution.row_activities[r.0 as usize], 1.001, name);
        assert_close(solution.col_values[line.0 as usize], 0.001, name);
        assert_close(solution.col_values[dear.0 as usize], 0.001, name);
    }
}
