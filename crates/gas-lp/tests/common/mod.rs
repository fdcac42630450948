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
