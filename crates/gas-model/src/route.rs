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
