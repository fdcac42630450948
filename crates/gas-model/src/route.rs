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
        assert!(
            results.notes.iter().any(|n| n.contains("Infeasible")),
            "{:?}",
            results.notes
        );
    }
}
