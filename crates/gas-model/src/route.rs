//! Import routes from origins outside the modelled zones.

use crate::formulation::{Balance, Formulation};
use crate::keys::ColKey;
use gas_core::{RouteId, System};

/// Adds one flow column per route `r` and window day `t`, an arc from the ground
/// into the entry zone's local balance:
///
/// ```text
/// min_flow(r,t) <= flow(r,t) <= capacity(r,t)      [GWh/d]
/// cost: price(r,t) · flow(r,t)                      [kEUR]
/// zone balance: +flow at local(entry(r),t)
/// ```
///
/// A cut-off is a capacity of 0 from its date on (applied by the scenario layer).
pub fn add_routes(f: &mut Formulation, system: &System, balance: &mut Balance) {
    for (r, route) in system.routes.iter().enumerate() {
        let id = RouteId::from_index(r);
        for day in f.days.clone() {
            f.add_arc(
                ColKey::RouteFlow(id, day),
                None,
                Some(balance.local(route.entry, day)),
                route.min_flow_gwh_d[day].0,
                route.capacity_gwh_d[day].0,
                route.price_eur_mwh[day].0,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;

    #[test]
    fn a_route_cut_off_from_a_date_shifts_supply_to_dearer_sources() {
        // 5 days, demand 80 GWh/d (penalty 500), route 100 GWh/d at 20 until day 3 and 0 from
        // day 4 (the cut-off), production 30 GWh/d at 60.
        // Days 1-3: 80 x 20 = 1 600 kEUR each. Days 4-5: 30 x 60 + 50 x 500 = 26 800 each.
        // Total 3 x 1 600 + 2 x 26 800 = 58 400 kEUR; prices 20, 20, 20, 500, 500.
        let mut b = Builder::new(5);
        let z = b.zone("DE");
        b.flat_demand(z, 80.0, 500.0);
        b.route(z, vec![100.0, 100.0, 100.0, 0.0, 0.0], vec![20.0; 5]);
        b.production(z, 30.0, 60.0);
        let r = solve(&b.system, Prices::Unique);
        assert_eq!(
            values(&r.route_flow_gwh_d[0], |v| v.0),
            vec![80.0, 80.0, 80.0, 0.0, 0.0]
        );
        assert_eq!(
            values(&r.curtailed_gwh_d[0], |v| v.0),
            vec![0.0, 0.0, 0.0, 50.0, 50.0]
        );
        let prices = values(&r.zone_price_eur_mwh[0], |v| v.0);
        for (p, e) in prices.iter().zip([20.0, 20.0, 20.0, 500.0, 500.0]) {
            assert_close(*p, e, "price");
        }
        assert_close(r.objective_keur, 58_400.0, "objective");
    }

    #[test]
    fn a_minimum_flow_nobody_can_take_is_reported_as_infeasible() {
        // A route must deliver at least 100 GWh/d into a zone that uses 10 and cannot store
        // or export: no dispatch exists. The run reports it; it does not fail.
        let mut b = Builder::new(2);
        let z = b.zone("DE");
        b.flat_demand(z, 10.0, 500.0);
        let r = b.route(z, vec![200.0; 2], vec![20.0; 2]);
        b.system.routes[r.index()].min_flow_gwh_d = vec![gas_core::units::GwhPerDay(100.0); 2];
        let results = solve(&b.system, Prices::MayDiffer);
        assert_eq!(results.status, gas_core::RunStatus::Infeasible);
        // The note names the window and the balances that cannot close: 90 GWh too much
        // in DE on each day.
        let note = results.notes.last().unwrap();
        assert!(
            note.starts_with("stopped: the window 2022-03-01 to 2022-03-02 is infeasible"),
            "{note}"
        );
        assert!(
            note.contains(
                "balances that cannot close: zone_balance[DE][2022-03-01] (90.0 GWh more gas in \
                 than can go out), zone_balance[DE][2022-03-02] (90.0 GWh more gas in than can \
                 go out)"
            ),
            "{note}"
        );
        // Nothing was solved: every value is unknown (NaN), none a made-up 0.
        assert_eq!(results.solved_days, 0);
        assert!(!results.is_complete());
        assert!(results.route_flow_gwh_d[0].iter().all(|v| v.0.is_nan()));
        assert!(results.curtailed_gwh_d[0].iter().all(|v| v.0.is_nan()));
        assert!(results.zone_price_eur_mwh[0].iter().all(|v| v.0.is_nan()));
    }

    #[test]
    fn a_rolling_run_stopped_by_an_infeasible_window_keeps_the_days_before_it() {
        // As above but the minimum flow binds on day 3 only, and the operator is myopic:
        // days 1 and 2 are solved (storage, worth nothing to it, covers the demand), days 3
        // and 4 are not (day 3 takes in 100, uses 10 and can store 10).
        let mut b = Builder::new(4);
        let z = b.zone("DE");
        b.flat_demand(z, 10.0, 500.0);
        b.storage(z, 100.0, 100.0, 10.0, 10.0);
        let r = b.route(z, vec![200.0; 4], vec![20.0; 4]);
        b.system.routes[r.index()].min_flow_gwh_d[2] = gas_core::units::GwhPerDay(100.0);
        b.system.settings.operation = gas_core::system::Operation::Myopic;
        let results = solve(&b.system, Prices::MayDiffer);
        assert_eq!(results.status, gas_core::RunStatus::Infeasible);
        assert_eq!(results.solved_days, 2);
        assert_eq!(results.unsolved_days(), 2..4);
        let levels = values(&results.storage_level_gwh[0], |v| v.0);
        assert_eq!(&levels[..2], &[90.0, 80.0]);
        assert!(levels[2..].iter().all(|v| v.is_nan()), "{levels:?}");
        let note = results.notes.last().unwrap();
        assert!(
            note.starts_with(
                "stopped: the window 2022-03-03 to 2022-03-03 is infeasible: the hard limits"
            ),
            "{note}"
        );
        assert!(
            note.contains("the days from 2022-03-03 on are unsolved"),
            "{note}"
        );
    }
}
