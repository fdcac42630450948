//! A [`Workspace`] kept between solves changes nothing but the time: every solve of a
//! sequence (same structure with new numbers, another structure, a changed kind of bound,
//! a problem that is not a network) gives, bit for bit, what a fresh solve gives, also
//! when a solve goes on from the state the workspace's last solve ended in (only bounds
//! and right-hand sides changed since, starting from that solve's basis).

mod common;

use common::{random_network as instance, Rng};
use gas_lp::{Col, NetworkSimplex, Problem, Row, SolveOptions, Solver, Workspace};
use proptest::prelude::*;

/// Same structure, new numbers (finite bounds stay finite, infinite ones infinite).
fn renumbered(p: &Problem, seed: u64) -> Problem {
    let mut rng = Rng(seed ^ 0xa5a5);
    let mut q = p.clone();
    for j in 0..p.num_cols() {
        let col = Col(j as u32);
        let (l, u) = p.col_bounds(col);
        if rng.chance(30) {
            q.set_col_cost(col, rng.int(-3, 9));
        }
        if rng.chance(30) && l.is_finite() && u.is_finite() {
            q.set_col_bounds(col, l, l + rng.int(0, 6));
        }
    }
    for i in 0..p.num_rows() {
        let row = Row(i as u32);
        let (l, u) = p.row_bounds(row);
        if rng.chance(30) && l == u && l.is_finite() {
            let v = l + rng.int(-2, 2);
            q.set_row_bounds(row, v, v);
        }
    }
    q
}

/// The same costs with other finite column bounds and right-hand sides: what a
/// refinement pass changes.
fn bounds_moved(p: &Problem, seed: u64) -> Problem {
    let mut rng = Rng(seed ^ 0x5a5a);
    let mut q = p.clone();
    for j in 0..p.num_cols() {
        let col = Col(j as u32);
        let (l, u) = p.col_bounds(col);
        if rng.chance(20) && l.is_finite() && u.is_finite() {
            q.set_col_bounds(col, l, (u - rng.int(0, 3)).max(l));
        }
    }
    for i in 0..p.num_rows() {
        let row = Row(i as u32);
        let (l, u) = p.row_bounds(row);
        if rng.chance(10) && l == u && l.is_finite() {
            let v = l + rng.int(-1, 1);
            q.set_row_bounds(row, v, v);
        }
    }
    q
}

/// Another kind of bound somewhere: a finite upper bound made infinite, or an equality
/// row made a range.
fn reshaped(p: &Problem, seed: u64) -> Problem {
    let mut rng = Rng(seed ^ 0x3c3c);
    let mut q = p.clone();
    if p.num_cols() > 0 && rng.chance(50) {
        let col = Col(rng.below(p.num_cols() as u64) as u32);
        let (l, u) = p.col_bounds(col);
        let u = if u.is_finite() {
            f64::INFINITY
        } else {
            l.max(0.0) + 5.0
        };
        q.set_col_bounds(col, l, u);
    } else if p.num_rows() > 0 {
        let row = Row(rng.below(p.num_rows() as u64) as u32);
        let (l, u) = p.row_bounds(row);
        q.set_row_bounds(row, l - 1.0, u + 1.0);
    }
    q
}

/// A problem that is not a network (a coefficient of 2).
fn not_a_network(p: &Problem) -> Problem {
    let mut q = p.clone();
    if p.num_rows() > 0 && p.num_cols() > 0 {
        q.set_coef(Row(0), Col(0), 3.0);
    }
    q
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn a_workspace_changes_nothing_but_the_time(
        seed in any::<u64>(),
        nodes in 1usize..=25,
        arcs in 0usize..=100,
    ) {
        let p = instance(seed, nodes, arcs);
        let sequence = [
            p.clone(),
            renumbered(&p, seed),
            renumbered(&p, seed.wrapping_add(1)),
            reshaped(&p, seed),
            not_a_network(&p),
            renumbered(&p, seed.wrapping_add(2)),
            instance(seed.wrapping_add(7), nodes + 2, arcs + 5),
            p.clone(),
        ];
        let solver = NetworkSimplex::default();
        let mut workspace = Workspace::new();
        let mut previous = None;
        for (k, q) in sequence.iter().enumerate() {
            // Alternate cold starts and warm starts from the previous solution's basis.
            let warm = if k % 2 == 1 { previous.as_ref() } else { None };
            let options = SolveOptions { warm_start: warm, ..SolveOptions::default() };
            let fresh = solver.solve(q, &options);
            let reused = solver.solve_in(q, &options, &mut workspace);
            prop_assert_eq!(format!("{fresh:?}"), format!("{reused:?}"), "solve {}", k);
            previous = fresh.ok().and_then(|s| s.basis);
        }
    }

    #[test]
    fn going_on_from_the_last_optimum_changes_nothing_but_the_time(
        seed in any::<u64>(),
        nodes in 1usize..=25,
        arcs in 0usize..=100,
    ) {
        let p = instance(seed, nodes, arcs);
        // Bounds moved again and again (the workspace goes on from its last optimum),
        // once with new costs in between (it starts afresh from the basis).
        let mut sequence = vec![p.clone()];
        for k in 1..=6u64 {
            let last = sequence.last().unwrap();
            let next = if k == 4 {
                renumbered(last, seed.wrapping_add(k))
            } else {
                bounds_moved(last, seed.wrapping_add(k))
            };
            sequence.push(next);
        }
        let solver = NetworkSimplex::default();
        let mut workspace = Workspace::new();
        let mut previous = None;
        for (k, q) in sequence.iter().enumerate() {
            let options = SolveOptions { warm_start: previous.as_ref(), ..SolveOptions::default() };
            let fresh = solver.solve(q, &options);
            let reused = solver.solve_in(q, &options, &mut workspace);
            prop_assert_eq!(format!("{fresh:?}"), format!("{reused:?}"), "solve {}", k);
            previous = reused.ok().and_then(|s| s.basis);
        }
    }
}
