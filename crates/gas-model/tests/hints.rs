//! Starting points (hints) change the path of the solver, never the optimum: perfect
//! foresight (curves ignored, cooperative: one LP) gives the same objective with and
//! without warm starts (which is what turns the hints on); national-first refines its LP
//! from each solution, so only the status is compared there. Rolling horizons started
//! from hints end with the same status as cold starts and are reproducible to the bit.

use gas_core::system::{Operation, Solidarity};
use gas_core::{RunStatus, System};
use gas_lp::NetworkSimplex;
use gas_model::synthetic::{europe_with, Shape};
use gas_model::{run_with, FillCurveMode, RunOptions};
use proptest::prelude::*;

fn system(seed: u64, zones: usize, days: usize) -> System {
    europe_with(
        seed,
        Shape {
            zones,
            days,
            extra_links: zones / 2,
        },
    )
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * (1.0 + a.abs().max(b.abs()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn perfect_foresight_optimum_does_not_depend_on_the_start(
        seed in any::<u64>(),
        zones in 2usize..=6,
        days in 2usize..=40,
        national_first in any::<bool>(),
    ) {
        let mut s = system(seed, zones, days);
        s.settings.operation = Operation::PerfectForesight;
        if national_first {
            s.settings.solidarity = Solidarity::NationalFirst;
        }
        let solver = NetworkSimplex::default();
        // Ignore: one LP, the same optimum from any start.
        let options = RunOptions { fill_curves: FillCurveMode::Ignore, ..RunOptions::default() };
        let warm = run_with(&s, &solver, &options).unwrap();
        let cold = run_with(&s, &solver, &RunOptions { warm_start: false, ..options }).unwrap();
        prop_assert_eq!(warm.status, cold.status);
        if warm.status == RunStatus::Optimal && !national_first {
            prop_assert!(close(warm.objective_keur, cold.objective_keur),
                "{} vs {}", warm.objective_keur, cold.objective_keur);
        }
        // Reproducible to the bit.
        let again = run_with(&s, &solver, &options).unwrap();
        prop_assert_eq!(format!("{warm:?}"), format!("{again:?}"));
    }

    #[test]
    fn rolling_horizon_from_hints_is_reproducible(
        seed in any::<u64>(),
        zones in 2usize..=5,
        days in 5usize..=40,
    ) {
        let mut s = system(seed, zones, days);
        s.settings.operation = Operation::RollingHorizon { window_days: 9, commit_days: 4 };
        let solver = NetworkSimplex::default();
        for fill_curves in [FillCurveMode::Ignore, FillCurveMode::Refine] {
            let options = RunOptions { fill_curves, ..RunOptions::default() };
            let a = run_with(&s, &solver, &options).unwrap();
            let b = run_with(&s, &solver, &options).unwrap();
            prop_assert_eq!(format!("{a:?}"), format!("{b:?}"));
            let cold = run_with(&s, &solver, &RunOptions { warm_start: false, ..options }).unwrap();
            prop_assert_eq!(a.status, cold.status);
        }
    }
}
