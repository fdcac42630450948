//! Property tests on random feasible min-cost-flow instances: the network simplex solution
//! must carry an optimality certificate (primal feasibility, dual sign conditions,
//! complementary slackness), agree with HiGHS when that feature is on, survive a warm start,
//! and be reproducible.

mod common;

use common::{check_certificate, random_network as instance, Rng};
use gas_lp::{Basis, Col, ColStatus, NetworkSimplex, Problem, Row, SolveOptions, Solver, Status};
use proptest::prelude::*;

const INF: f64 = f64::INFINITY;

/// Same structure, new numbers: costs, bounds and right-hand sides nudged (keeping each
/// bound finite or infinite as it was).
fn perturbed(p: &Problem, seed: u64) -> Problem {
    let mut rng = Rng(seed ^ 0x5555);
    let mut q = p.clone();
    for j in 0..p.num_cols() {
        let col = Col(j as u32);
        let (l, u) = p.col_bounds(col);
        let c = p.col_cost(col);
        if rng.chance(30) && (l.is_finite() || u.is_finite()) && c != 0.0 {
            q.set_col_cost(col, c + rng.int(-2, 2) * c.signum().abs());
        }
        if rng.chance(20) && l.is_finite() && u.is_finite() {
            q.set_col_bounds(col, l, u + rng.int(0, 3));
        }
    }
    for i in 0..p.num_rows() {
        let row = Row(i as u32);
        let (l, u) = p.row_bounds(row);
        if rng.chance(20) && l.is_finite() && u.is_finite() {
            q.set_row_bounds(row, l - 1.0, u);
        }
    }
    q
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn network_simplex_is_optimal(seed in any::<u64>(), nodes in 1usize..=30, arcs in 0usize..=120) {
        let p = instance(seed, nodes, arcs);
        let s = NetworkSimplex::default().solve(&p, &SolveOptions::default()).unwrap();
        check_certificate(&p, &s);
        // Reproducible to the bit.
        let again = NetworkSimplex::default().solve(&p, &SolveOptions::default()).unwrap();
        prop_assert_eq!(format!("{s:?}"), format!("{again:?}"));
    }

    #[test]
    fn other_options_give_the_same_objective(seed in any::<u64>(), nodes in 1usize..=30, arcs in 0usize..=120) {
        let p = instance(seed, nodes, arcs);
        let a = NetworkSimplex::default().solve(&p, &SolveOptions::default()).unwrap();
        for options in [
            NetworkSimplex { block_size_factor: 0.1, ..NetworkSimplex::default() },
            NetworkSimplex { crash: false, ..NetworkSimplex::default() },
            NetworkSimplex { candidates_per_100: 1.0, ..NetworkSimplex::default() },
            NetworkSimplex { candidates_per_100: 50.0, block_size_factor: 0.1, ..NetworkSimplex::default() },
            // Plain block search on small networks (the default prices them via a list).
            NetworkSimplex { small_network_max_arcs: 0, ..NetworkSimplex::default() },
            NetworkSimplex { small_candidates_per_100: 0.0, block_size_factor: 0.1, ..NetworkSimplex::default() },
            NetworkSimplex { small_candidates_per_100: 100.0, ..NetworkSimplex::default() },
        ] {
            let b = options.solve(&p, &SolveOptions::default()).unwrap();
            check_certificate(&p, &b);
            prop_assert!((a.objective - b.objective).abs() <= 1e-9 * (1.0 + a.objective.abs()));
        }
    }

    #[test]
    fn warm_start_matches_cold_start(seed in any::<u64>(), nodes in 1usize..=30, arcs in 0usize..=120) {
        let p = instance(seed, nodes, arcs);
        let solver = NetworkSimplex::default();
        let first = solver.solve(&p, &SolveOptions::default()).unwrap();
        let q = perturbed(&p, seed);
        let cold = solver.solve(&q, &SolveOptions::default()).unwrap();
        let warm = solver
            .solve(&q, &SolveOptions { warm_start: first.basis.as_ref(), ..SolveOptions::default() })
            .unwrap();
        prop_assert_eq!(cold.status, warm.status);
        if cold.status == Status::Optimal {
            check_certificate(&q, &warm);
            prop_assert!((cold.objective - warm.objective).abs() <= 1e-9 * (1.0 + cold.objective.abs()));
        }
        // Re-solving the same problem from its own optimal basis takes no pivots.
        let again = solver
            .solve(&p, &SolveOptions { warm_start: first.basis.as_ref(), ..SolveOptions::default() })
            .unwrap();
        prop_assert_eq!(again.iterations, 0);
        prop_assert!((again.objective - first.objective).abs() <= 1e-9 * (1.0 + first.objective.abs()));
    }

    #[test]
    fn hints_give_the_same_optimum(seed in any::<u64>(), nodes in 1usize..=30, arcs in 0usize..=120) {
        let p = instance(seed, nodes, arcs);
        let solver = NetworkSimplex::default();
        let first = solver.solve(&p, &SolveOptions::default()).unwrap();
        let q = perturbed(&p, seed);
        let cold = solver.solve(&q, &SolveOptions::default()).unwrap();
        let mut rng = Rng(seed ^ 0x4848);
        let statuses = [ColStatus::Lower, ColStatus::Upper, ColStatus::Basic];
        let random: Vec<ColStatus> =
            (0..q.num_cols()).map(|_| statuses[rng.int(0, 2) as usize]).collect();
        let own = first.basis.as_ref().map(|b| b.col_statuses().to_vec()).unwrap_or_default();
        for (problem, reference, hint) in [(&p, &first, own.clone()), (&q, &cold, own), (&q, &cold, random)] {
            let hint = Basis::from_col_statuses(hint);
            let warm = solver
                .solve(problem, &SolveOptions { warm_start: Some(&hint), ..SolveOptions::default() })
                .unwrap();
            prop_assert_eq!(reference.status, warm.status);
            if reference.status == Status::Optimal {
                check_certificate(problem, &warm);
                prop_assert!(
                    (reference.objective - warm.objective).abs()
                        <= 1e-9 * (1.0 + reference.objective.abs())
                );
            }
        }
    }
}

#[cfg(feature = "highs")]
proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn network_simplex_agrees_with_highs(seed in any::<u64>(), nodes in 1usize..=30, arcs in 0usize..=120) {
        let p = instance(seed, nodes, arcs);
        let ns = NetworkSimplex::default().solve(&p, &SolveOptions::default()).unwrap();
        for method in [gas_lp::HighsMethod::Simplex, gas_lp::HighsMethod::Ipm] {
            let highs = gas_lp::Highs { method };
            let hs = highs.solve(&p, &SolveOptions::default()).unwrap();
            prop_assert_eq!(hs.status, Status::Optimal);
            prop_assert!(
                (ns.objective - hs.objective).abs() <= 1e-6 * (1.0 + hs.objective.abs()),
                "objective {} vs HiGHS {}", ns.objective, hs.objective
            );
            if method == gas_lp::HighsMethod::Simplex {
                check_certificate(&p, &hs);
            }
        }
        // Where a dual is unique it equals the derivative of the optimal objective: compare
        // both backends' duals with finite differences on equality rows.
        let highs = gas_lp::Highs::default();
        for i in 0..p.num_rows().min(5) {
            let row = Row(i as u32);
            let (l, u) = p.row_bounds(row);
            if l != u {
                continue;
            }
            let z = |rhs: f64| {
                let mut q = p.clone();
                q.set_row_bounds(row, rhs, rhs);
                highs.solve(&q, &SolveOptions::default()).unwrap()
            };
            let (up, down) = (z(l + 1e-3), z(l - 1e-3));
            if up.status != Status::Optimal || down.status != Status::Optimal {
                continue;
            }
            let right = (up.objective - ns.objective) / 1e-3;
            let left = (ns.objective - down.objective) / 1e-3;
            if (right - left).abs() <= 1e-6 * (1.0 + right.abs()) {
                // Differentiable here, so the dual is unique.
                prop_assert!((ns.row_duals[i] - right).abs() <= 1e-5 * (1.0 + right.abs()),
                    "row {}: network dual {} vs derivative {}", i, ns.row_duals[i], right);
            }
        }
    }
}

/// Any problem at all, valid or not, network or not: the network simplex returns a result or
/// an error and never panics; an optimal answer carries the certificate.
fn arbitrary(seed: u64, rows: usize, cols: usize) -> Problem {
    let mut rng = Rng(seed);
    let values = [
        0.0,
        1.0,
        -1.0,
        2.0,
        -0.5,
        INF,
        -INF,
        f64::NAN,
        1e25,
        3.0,
        -7.0,
    ];
    let pick = |rng: &mut Rng, wild: u64| {
        if rng.chance(wild) {
            values[rng.below(values.len() as u64) as usize]
        } else {
            rng.int(-5, 5)
        }
    };
    let mut p = Problem::new();
    let row_ids: Vec<Row> = (0..rows)
        .map(|_| {
            let (a, b) = (pick(&mut rng, 10), pick(&mut rng, 10));
            p.add_row(a.min(b), a.max(b))
        })
        .collect();
    for _ in 0..cols {
        let (a, b) = (pick(&mut rng, 10), pick(&mut rng, 10));
        let c = p.add_col(a.min(b), a.max(b), pick(&mut rng, 3));
        if rows > 0 {
            for _ in 0..rng.below(4) {
                let r = row_ids[rng.below(rows as u64) as usize];
                let v = if rng.chance(90) {
                    if rng.chance(50) {
                        1.0
                    } else {
                        -1.0
                    }
                } else {
                    pick(&mut rng, 50)
                };
                p.set_coef(r, c, v);
            }
        }
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn never_panics(seed in any::<u64>(), rows in 0usize..=12, cols in 0usize..=30) {
        let p = arbitrary(seed, rows, cols);
        if let Ok(s) = NetworkSimplex::default().solve(&p, &SolveOptions::default()) {
            prop_assert!(p.validate().is_ok());
            prop_assert_eq!(s.col_values.len(), p.num_cols());
            prop_assert_eq!(s.row_duals.len(), p.num_rows());
            if s.status == Status::Optimal {
                check_certificate(&p, &s);
            }
        }
    }
}
