//! The benchmark's synthetic time-expanded gas network at a small size: the network simplex
//! must be optimal (certificate), agree with itself across options and warm starts, and
//! agree with HiGHS when that feature is on.

mod common;

#[path = "../benches/common/instance.rs"]
mod instance;

use common::check_certificate;
use gas_lp::{NetworkSimplex, SolveOptions, Solver};
use instance::Shape;

const SMALL: Shape = Shape {
    zones: 6,
    days: 40,
    sites: 2,
    pipelines: 14,
};

/// Large enough that the debug-build tree checks are off (they run below 200 nodes).
const MEDIUM: Shape = Shape {
    zones: 20,
    days: 60,
    sites: 4,
    pipelines: 45,
};

#[test]
fn time_expanded_network_is_solved_optimally() {
    for shape in [SMALL, MEDIUM] {
        let inst = instance::build(shape);
        let solver = NetworkSimplex::default();
        let base = solver
            .solve(&inst.problem, &SolveOptions::default())
            .unwrap();
        check_certificate(&inst.problem, &base);
        let no_crash = NetworkSimplex {
            crash: false,
            ..NetworkSimplex::default()
        }
        .solve(&inst.problem, &SolveOptions::default())
        .unwrap();
        check_certificate(&inst.problem, &no_crash);
        assert!((base.objective - no_crash.objective).abs() <= 1e-9 * base.objective.abs());

        let changed = instance::cut_supply(&inst, 1, shape.days / 3);
        let cold = solver.solve(&changed, &SolveOptions::default()).unwrap();
        let warm = solver
            .solve(
                &changed,
                &SolveOptions {
                    warm_start: base.basis.as_ref(),
                    ..SolveOptions::default()
                },
            )
            .unwrap();
        check_certificate(&changed, &warm);
        assert!(
            cold.objective >= base.objective,
            "cutting supply never lowers cost"
        );
        assert!((warm.objective - cold.objective).abs() <= 1e-9 * cold.objective.abs());
        assert!(warm.iterations < cold.iterations);
    }
}

/// The candidate list (the default below 100 000 arcs) and the plain block search reach
/// the same optimum, cold and warm, each reproducibly.
#[test]
fn candidate_list_and_block_search_agree() {
    let inst = instance::build(MEDIUM);
    let changed = instance::cut_supply(&inst, 1, MEDIUM.days / 3);
    let list = NetworkSimplex::default();
    let block = NetworkSimplex {
        small_network_max_arcs: 0,
        ..NetworkSimplex::default()
    };
    let mut objectives = Vec::new();
    for solver in [&list, &block] {
        let base = solver
            .solve(&inst.problem, &SolveOptions::default())
            .unwrap();
        check_certificate(&inst.problem, &base);
        let warm_options = SolveOptions {
            warm_start: base.basis.as_ref(),
            ..SolveOptions::default()
        };
        let warm = solver.solve(&changed, &warm_options).unwrap();
        check_certificate(&changed, &warm);
        let again = solver.solve(&changed, &warm_options).unwrap();
        assert_eq!(format!("{warm:?}"), format!("{again:?}"));
        objectives.push((base.objective, warm.objective));
    }
    let (a, b) = (objectives[0], objectives[1]);
    assert!((a.0 - b.0).abs() <= 1e-9 * a.0.abs());
    assert!((a.1 - b.1).abs() <= 1e-9 * a.1.abs());
}

#[cfg(feature = "highs")]
#[test]
fn time_expanded_network_agrees_with_highs() {
    let inst = instance::build(SMALL);
    let ns = NetworkSimplex::default()
        .solve(&inst.problem, &SolveOptions::default())
        .unwrap();
    for method in [gas_lp::HighsMethod::Simplex, gas_lp::HighsMethod::Ipm] {
        let hs = gas_lp::Highs { method }
            .solve(&inst.problem, &SolveOptions::default())
            .unwrap();
        assert_eq!(hs.status, gas_lp::Status::Optimal);
        assert!(
            (ns.objective - hs.objective).abs() <= 1e-6 * hs.objective.abs(),
            "{method:?}: {} vs {}",
            ns.objective,
            hs.objective
        );
    }
}
