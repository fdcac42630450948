//! The daily zone balance: the only rows that components share.
//!
//! For every zone `z` and day `t` of the window (cooperative solidarity):
//!
//! ```text
//! Σ inflows(z,t) − Σ outflows(z,t) = D(z,t)                      [GWh/d]
//! inflows  = production + routes + LNG send-out + pipeline flows into z
//!            + storage withdrawal + curtailment (unserved demand, "supplied" from outside)
//! outflows = pipeline flows out of z + storage injection
//! D(z,t)   = Σ demand of all sectors of z on day t (the row's right-hand side)
//! ```
//!
//! The dual of this row (∂objective/∂D, kEUR per GWh = EUR/MWh) is the zone's
//! shadow price: the cost of one more MWh of demand in `z` on day `t`.
//!
//! National-first solidarity splits each zone-day into a **hub** row (pipelines
//! attach) and a **local** row (production, routes, LNG send-out, storage and
//! demand attach), joined by two arcs `local_to_hub` and `hub_to_local`, both
//! `[0, ∞)` at zero cost. The refinement in [`crate::run`] sets
//! `local_to_hub = 0` on zone-days that curtail while exporting net; the zone
//! price is then the local row's dual.

use crate::formulation::{new_balance, Balance, Formulation, WindowInput};
use crate::keys::ColKey;
use gas_core::{System, ZoneId};

/// Adds the zone balance rows (and, in national-first mode, the hub–local arcs).
///
/// Index sets: zones `z`, window days `t`. Units GWh/d. Local-to-hub is positive
/// when the zone's own supply leaves towards its neighbours.
pub fn add_zone_balance(f: &mut Formulation, system: &System, input: &WindowInput) -> Balance {
    let balance = new_balance(f, system, input.national_first);
    if input.national_first {
        f.local_to_hub = vec![Vec::with_capacity(f.days.len()); system.zones.len()];
        for z in 0..system.zones.len() {
            let zone = ZoneId::from_index(z);
            for day in f.days.clone() {
                let hub = balance.hub(zone, day);
                let local = balance.local(zone, day);
                let blocked = input
                    .no_export
                    .get(z)
                    .and_then(|row| row.get(day - f.days.start))
                    .copied()
                    .unwrap_or(false);
                let upper = if blocked { 0.0 } else { f64::INFINITY };
                let out = f.add_arc(
                    ColKey::LocalToHub(zone, day),
                    Some(local),
                    Some(hub),
                    0.0,
                    upper,
                    0.0,
                );
                f.local_to_hub[z].push(out);
                f.add_arc(
                    ColKey::HubToLocal(zone, day),
                    Some(hub),
                    Some(local),
                    0.0,
                    f64::INFINITY,
                    0.0,
                );
            }
        }
    }
    balance
}

/// Writes each local row's demand as its right-hand side: `inflow − outflow = D(z,t)`.
pub fn finish_zone_balance(f: &mut Formulation, balance: &Balance) {
    for z in 0..balance.zones() {
        let zone = ZoneId::from_index(z);
        for day in f.days.clone() {
            let row = balance.local(zone, day);
            let d = balance.demand[z * f.days.len() + (day - f.days.start)];
            f.problem.set_row_bounds(row, d, d);
        }
    }
}
