//! Domestic production.

use crate::formulation::{Balance, Formulation};
use crate::keys::ColKey;
use gas_core::{ProductionId, System};

/// Adds one output column per production `p` and window day `t`, an arc from
/// the ground into its zone's local balance:
///
/// ```text
/// min(p,t) <= output(p,t) <= max(p,t)              [GWh/d]
/// cost: price(p,t) · output(p,t)                    [kEUR]
/// zone balance: +output at local(zone(p),t)
/// ```
pub fn add_production(f: &mut Formulation, system: &System, balance: &mut Balance) {
    for (p, production) in system.production.iter().enumerate() {
        let id = ProductionId::from_index(p);
        for day in f.days.clone() {
            f.add_arc(
                ColKey::Production(id, day),
                None,
                Some(balance.local(production.zone, day)),
                production.min_gwh_d[day].0,
                production.max_gwh_d[day].0,
                production.price_eur_mwh[day].0,
            );
        }
    }
}
