//! `Solver::solve_coarse_to_fine`: hand-computable cases and random networks with random
//! groups. The network simplex finishes every solve on the full problem, so results must
//! match a plain solve (objective within 1e-9 relative, certificates).

mod common;

use common::{assert_all_close, assert_close, check_certificate, random_network, Rng};
use gas_lp::{CoarseLevel, NetworkSimplex, Problem, SolveOptions, Solver, Status};
use proptest::prelude::*;

const INF: f64 = f64::INFINITY;

/// A storage site over four days: demand 0, 0, 0, 6; gas costs 1, 4, 2, 9 per unit (up to
/// 4 a day); storage carries up to 10 at 0.5 per unit and day. Optimum: 4 on day 0
/// (1 + 3·0.5 = 2.5 per unit delivered on day 3), then 2 on day 2 (2 + 0.5 = 2.5):
/// objective 4·1 + 2·2 + 0.5·(4 + 4 + 6) = 15. Duals of the days: 1, 1.5, 2, 2.5.
fn storage() -> (Problem, Vec<u32>, Vec<u32>) {
    let mut p = Problem::new();
    let days: Vec<_> = [0.0, 0.0, 0.0, 6.0]
        .iter()
        .map(|&d| p.add_row(d, d))
        .collect();
    let mut col_groups = Vec::new();
    for (t, &cost) in [1.0, 4.0, 2.0, 9.0].iter().enumerate() {
        let x = p.add_col(0.0, 4.0, cost);
        p.set_coef(days[t], x, 1.0);
        col_groups.push(t as u32 / 2); // supply, days merged in pairs
    }
    for t in 0..3 {
        let level = p.add_col(0.0, 10.0, 0.5);
        p.set_coef(days[t], level, -1.0);
        p.set_coef(days[t + 1], level, 1.0);
        col_groups.push(10 + t as u32 / 2); // level arcs
    }
    (p, vec![0, 0, 1, 1], col_groups)
}

/// `p` solved coarse to fine by the default network simplex through one level.
fn through_one_level(p: &Problem, rows: &[u32], cols: &[u32]) -> gas_lp::Solution {
    let levels = [CoarseLevel {
        row_groups: rows,
        col_groups: cols,
    }];
    NetworkSimplex::default()
        .solve_coarse_to_fine(p, &levels, &SolveOptions::default())
        .unwrap()
}

#[test]
fn storage_over_merged_days() {
    let (p, rows, cols) = storage();
    let s = through_one_level(&p, &rows, &cols);
    assert_eq!(s.status, Status::Optimal);
    assert_close(s.objective, 15.0, "objective");
    assert_all_close(
        &s.col_values,
        &[4.0, 0.0, 2.0, 0.0, 4.0, 4.0, 6.0],
        "values",
    );
    assert_all_close(&s.row_duals, &[1.0, 1.5, 2.0, 2.5], "duals");
    check_certificate(&p, &s);
    // The same as a plain solve, to the bit here (same optimal basis).
    let plain = NetworkSimplex::default()
        .solve(&p, &SolveOptions::default())
        .unwrap();
    assert_eq!(s.col_values, plain.col_values);
}

/// Every row in one group (the coarsest possible level), and several levels.
#[test]
fn one_group_and_several_levels() {
    let (p, rows, cols) = storage();
    let all = vec![0u32; rows.len()];
    let levels = [
        CoarseLevel {
            row_groups: &all,
            col_groups: &cols,
        },
        CoarseLevel {
            row_groups: &rows,
            col_groups: &cols,
        },
    ];
    let s = NetworkSimplex::default()
        .solve_coarse_to_fine(&p, &levels, &SolveOptions::default())
        .unwrap();
    assert_close(s.objective, 15.0, "objective");
}

/// Groups that do not fit fall back to a plain solve; the default trait method (any
/// backend) ignores the levels.
#[test]
fn mismatched_groups_fall_back() {
    let (p, rows, cols) = storage();
    let short = [CoarseLevel {
        row_groups: &rows[..2],
        col_groups: &cols,
    }];
    let s = NetworkSimplex::default()
        .solve_coarse_to_fine(&p, &short, &SolveOptions::default())
        .unwrap();
    assert_close(s.objective, 15.0, "objective");
    for solver in common::solvers() {
        let s = solver
            .solve_coarse_to_fine(&p, &short, &SolveOptions::default())
            .unwrap();
        assert_close(s.objective, 15.0, solver.name());
    }
}

/// Infeasible: the day-3 demand exceeds all supply (4 a day, storage at most 10 … but
/// demand 20). The merged level is infeasible too; the full solve reports it.
#[test]
fn infeasible() {
    let (mut p, rows, cols) = storage();
    p.set_row_bounds(gas_lp::Row(3), 20.0, 20.0);
    let s = through_one_level(&p, &rows, &cols);
    assert_eq!(s.status, Status::Infeasible);
}

/// A storage whose level is split into two parallel segments each day (a rewarded lower
/// half, 0 to 5 at −0.25 per unit and day, and an upper half at 0): gas bought on day 0 at
/// 1, on day 2 at 2 (up to 4 a day), demand 6 on day 3. Carrying costs 0 in the upper
/// half, so the optimum is the cheapest gas (4 on day 0, 2 on day 2) with the lower half
/// as full as possible: levels 4, 4, 6. Objective 4·1 + 2·2 − 0.25·(4 + 4 + 5) = 4.75.
/// Levels that merge the halves (one arc per day, cost −0.125) and merge days into pairs
/// (the carried cost of a level inside a pair counts on the pair's crossing arc) must
/// lead to the same optimum.
#[test]
fn parallel_segments_merged_then_split_cheapest_first() {
    let mut p = Problem::new();
    let days: Vec<_> = [0.0, 0.0, 0.0, 6.0]
        .iter()
        .map(|&d| p.add_row(d, d))
        .collect();
    let mut by_day = Vec::new();
    let mut by_pair = Vec::new();
    for (t, &cost) in [1.0, 4.0, 2.0, 9.0].iter().enumerate() {
        let x = p.add_col(0.0, 4.0, cost);
        p.set_coef(days[t], x, 1.0);
        by_day.push(t as u32);
        by_pair.push(t as u32 / 2);
    }
    for t in 0..3 {
        for cost in [-0.25, 0.0] {
            let level = p.add_col(0.0, 5.0, cost);
            p.set_coef(days[t], level, -1.0);
            p.set_coef(days[t + 1], level, 1.0);
            by_day.push(10 + t as u32); // halves merged
            by_pair.push(10 + t as u32 / 2);
        }
    }
    let (pairs, each) = (vec![0, 0, 1, 1], vec![0, 1, 2, 3]);
    let levels = [
        CoarseLevel {
            row_groups: &pairs,
            col_groups: &by_pair,
        },
        CoarseLevel {
            row_groups: &each,
            col_groups: &by_day,
        },
    ];
    let s = NetworkSimplex::default()
        .solve_coarse_to_fine(&p, &levels, &SolveOptions::default())
        .unwrap();
    assert_eq!(s.status, Status::Optimal);
    assert_close(s.objective, 4.75, "objective");
    check_certificate(&p, &s);
    let plain = NetworkSimplex::default()
        .solve(&p, &SolveOptions::default())
        .unwrap();
    assert_close(plain.objective, 4.75, "plain objective");
    // Lower halves 4, 4, 5; upper halves 0, 0, 1.
    assert_all_close(
        &s.col_values[4..],
        &[4.0, 0.0, 4.0, 0.0, 5.0, 1.0],
        "levels",
    );
}

/// Unbounded: free gas sold at a profit on day 0 without limit.
#[test]
fn unbounded() {
    let (mut p, rows, cols) = storage();
    let buy = p.add_col(0.0, INF, -1.0);
    let sell = p.add_col(0.0, INF, 0.0);
    p.set_coef(gas_lp::Row(0), buy, 1.0);
    p.set_coef(gas_lp::Row(0), sell, -1.0);
    let mut cols = cols;
    cols.extend([20, 21]);
    let s = through_one_level(&p, &rows, &cols);
    assert_eq!(s.status, Status::Unbounded);
}

/// Degenerate ties: two identical days merged; every split is optimal, and the result is
/// the same byte for byte on every solve.
#[test]
fn degenerate_ties_are_deterministic() {
    let mut p = Problem::new();
    let a = p.add_row(2.0, 2.0);
    let b = p.add_row(2.0, 2.0);
    for row in [a, b] {
        for _ in 0..2 {
            let x = p.add_col(0.0, 2.0, 1.0);
            p.set_coef(row, x, 1.0);
        }
    }
    let carry = p.add_col(0.0, INF, 0.0);
    p.set_coef(a, carry, -1.0);
    p.set_coef(b, carry, 1.0);
    let (rows, cols) = (vec![0, 0], vec![0, 0, 0, 0, 1]);
    let levels = [CoarseLevel {
        row_groups: &rows,
        col_groups: &cols,
    }];
    let solve = || {
        NetworkSimplex::default()
            .solve_coarse_to_fine(&p, &levels, &SolveOptions::default())
            .unwrap()
    };
    let s = solve();
    assert_close(s.objective, 4.0, "objective");
    check_certificate(&p, &s);
    assert_eq!(format!("{s:?}"), format!("{:?}", solve()));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Random networks, random groups (one or two levels): the same status and objective
    /// as a plain solve (within 1e-9 relative), a certificate, reproducible.
    #[test]
    fn coarse_to_fine_matches_network_simplex(seed in any::<u64>(), nodes in 1usize..=30, arcs in 0usize..=120, two in any::<bool>(), pricing in 0usize..3) {
        // Coarse-to-fine pricing: plain block search, the default list, a long list.
        let solver = NetworkSimplex {
            coarse_to_fine_candidates_per_100: [0.0, 2.0, 30.0][pricing],
            ..NetworkSimplex::default()
        };
        let p = random_network(seed, nodes, arcs);
        let mut rng = Rng(seed ^ 0xc0a5);
        let mut group = |count: usize, k: i64| -> Vec<u32> {
            (0..count).map(|_| rng.int(0, k) as u32).collect()
        };
        let fine = (group(p.num_rows(), (p.num_rows() as i64 / 2).max(1)), group(p.num_cols(), 3));
        let coarse = (group(p.num_rows(), 2), group(p.num_cols(), 1));
        let mut levels = Vec::new();
        if two {
            levels.push(CoarseLevel { row_groups: &coarse.0, col_groups: &coarse.1 });
        }
        levels.push(CoarseLevel { row_groups: &fine.0, col_groups: &fine.1 });
        let a = NetworkSimplex::default().solve(&p, &SolveOptions::default()).unwrap();
        let b = solver
            .solve_coarse_to_fine(&p, &levels, &SolveOptions::default())
            .unwrap();
        prop_assert_eq!(a.status, b.status);
        if a.status == Status::Optimal {
            check_certificate(&p, &b);
            prop_assert!((a.objective - b.objective).abs() <= 1e-9 * (1.0 + a.objective.abs()),
                "objective {} vs {}", b.objective, a.objective);
        }
        let again = solver
            .solve_coarse_to_fine(&p, &levels, &SolveOptions::default())
            .unwrap();
        prop_assert_eq!(format!("{b:?}"), format!("{again:?}"));
    }
}
