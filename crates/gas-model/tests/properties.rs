//! Property tests on small random systems (2-4 zones, 1-10 days).
//!
//! - every zone-day balance closes:
//!   production + routes + LNG send-out + pipelines in + withdrawal
//!   = served demand + pipelines out + injection (within 1e-6);
//! - storage levels stay within [floor, working gas] and follow
//!   level(t) = level(t-1) + injection(t) - withdrawal(t);
//! - cutting a route's capacity never lowers the objective.

use gas_core::system::{FillCurve, FillTarget, Operation, Solidarity};
use gas_core::units::{EurPerMwh, Gwh, GwhPerDay};
use gas_core::{Results, RunStatus, System};
use gas_model::synthetic::{europe_with, Shape};
use gas_model::{run_with, FillCurveMode, RunOptions};
use proptest::prelude::*;

fn small_system(seed: u64, zones: usize, days: usize, links: usize) -> System {
    europe_with(
        seed,
        Shape {
            zones,
            days,
            extra_links: links,
        },
    )
}

fn check_balances(system: &System, r: &Results) {
    let days = system.period.days;
    for z in 0..system.zones.len() {
        for t in 0..days {
            let mut supply = 0.0;
            let mut use_ = 0.0;
            let mut scale: f64 = 1.0;
            for (i, p) in system.production.iter().enumerate() {
                if p.zone.index() == z {
                    supply += r.production_gwh_d[i][t].0;
                }
            }
            for (i, route) in system.routes.iter().enumerate() {
                if route.entry.index() == z {
                    supply += r.route_flow_gwh_d[i][t].0;
                }
            }
            for (i, l) in system.lng_terminals.iter().enumerate() {
                if l.zone.index() == z {
                    supply += r.lng_sendout_gwh_d[i][t].0;
                }
            }
            for (i, p) in system.pipelines.iter().enumerate() {
                if p.to.index() == z {
                    supply += r.pipeline_flow_gwh_d[i][t].0;
                }
                if p.from.index() == z {
                    use_ += r.pipeline_flow_gwh_d[i][t].0;
                }
            }
            for (i, s) in system.storages.iter().enumerate() {
                if s.zone.index() == z {
                    supply += r.storage_withdrawal_gwh_d[i][t].0;
                    use_ += r.storage_injection_gwh_d[i][t].0;
                }
            }
            for (i, d) in system.demands.iter().enumerate() {
                if d.zone.index() == z {
                    use_ += d.demand_gwh_d[t].0 - r.curtailed_gwh_d[i][t].0;
                    scale = scale.max(d.demand_gwh_d[t].0);
                }
            }
            assert!(
                (supply - use_).abs() <= 1e-6 * scale,
                "zone {z} day {t}: supply {supply} vs use {use_}"
            );
        }
    }
    for (s, storage) in system.storages.iter().enumerate() {
        let mut before = storage.initial_level_gwh.0;
        for t in 0..days {
            let level = r.storage_level_gwh[s][t].0;
            let tol = 1e-6 * storage.working_gas_gwh.0.max(1.0);
            assert!(
                level >= storage.floor_gwh[t].0 - tol,
                "storage {s} day {t}: {level} below floor"
            );
            assert!(
                level <= storage.working_gas_gwh.0 + tol,
                "storage {s} day {t}: {level} above working gas"
            );
            let moved = r.storage_injection_gwh_d[s][t].0 - r.storage_withdrawal_gwh_d[s][t].0;
            assert!(
                (before + moved - level).abs() <= tol,
                "storage {s} day {t}: level balance"
            );
            before = level;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn balances_close_and_storage_stays_within_bounds(
        seed in any::<u64>(),
        zones in 2usize..=4,
        days in 1usize..=10,
        links in 0usize..3,
        operation in 0usize..3,
        national in any::<bool>(),
        curves in any::<bool>(),
        floor_share in 0.0f64..0.6,
        target_fill in 0.0f64..1.0,
    ) {
        let mut system = small_system(seed, zones, days, links);
        system.settings.operation = match operation {
            0 => Operation::PerfectForesight,
            1 => Operation::RollingHorizon { window_days: 3, commit_days: 2 },
            _ => Operation::Myopic,
        };
        if national {
            system.settings.solidarity = Solidarity::NationalFirst;
        }
        let last = system.period.end();
        for storage in &mut system.storages {
            // A floor at most the initial level keeps the system feasible.
            let floor = storage.initial_level_gwh.0 * floor_share;
            storage.floor_gwh = vec![Gwh(floor); days];
            storage.targets = vec![FillTarget { date: last, min_fill: target_fill, penalty_eur_mwh: EurPerMwh(90.0) }];
            if !curves {
                storage.withdrawal_curve = FillCurve::flat();
                storage.injection_curve = FillCurve::flat();
            }
        }
        let r = run_with(&system, &gas_lp::NetworkSimplex::default(), &RunOptions::default()).unwrap();
        prop_assert_eq!(r.status, RunStatus::Optimal);
        check_balances(&system, &r);
        #[cfg(feature = "highs")]
        {
            let h = run_with(&system, &gas_lp::Highs::default(), &RunOptions::default()).unwrap();
            check_balances(&system, &h);
            if !national && !curves {
                let scale = r.objective_keur.abs().max(1.0);
                prop_assert!((r.objective_keur - h.objective_keur).abs() <= 1e-6 * scale);
            }
        }
    }

    #[test]
    fn cutting_a_route_never_lowers_the_objective(
        seed in any::<u64>(),
        zones in 2usize..=4,
        days in 1usize..=10,
        route_pick in any::<usize>(),
        keep in 0.0f64..1.0,
        from_day in 0usize..10,
    ) {
        let system = small_system(seed, zones, days, 1);
        let options = RunOptions { fill_curves: FillCurveMode::Ignore, ..RunOptions::default() };
        let solver = gas_lp::NetworkSimplex::default();
        let base = run_with(&system, &solver, &options).unwrap();
        let mut cut = system.clone();
        let r = route_pick % cut.routes.len();
        for t in from_day.min(days - 1)..days {
            let cap = cut.routes[r].capacity_gwh_d[t].0;
            cut.routes[r].capacity_gwh_d[t] = GwhPerDay(cap * keep);
        }
        let after = run_with(&cut, &solver, &options).unwrap();
        prop_assert_eq!(base.status, RunStatus::Optimal);
        prop_assert_eq!(after.status, RunStatus::Optimal);
        let tol = 1e-7 * base.objective_keur.abs().max(1.0);
        prop_assert!(after.objective_keur >= base.objective_keur - tol,
            "cut {} < base {}", after.objective_keur, base.objective_keur);
    }
}
