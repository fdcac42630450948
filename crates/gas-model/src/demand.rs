//! Demand and its curtailment merit order.

use crate::formulation::{Balance, Formulation};
use crate::keys::ColKey;
use gas_core::{DemandId, System};

/// Adds each demand `d` to its zone's local balance right-hand side and one
/// curtailment column per tranche `k` and window day `t`:
///
/// ```text
/// D(z,t) += demand(d,t)                                            [GWh/d]
/// 0 <= curtail(d,k,t) <= share(d,k) · demand(d,t)    cost penalty(d,k)  (ground → local(z,t))
/// served(d,t) = demand(d,t) − Σ_k curtail(d,k,t)
/// ```
///
/// Curtailment enters the balance as if it were supply: every scenario stays
/// feasible as long as the shares cover the demand, and a shortfall is a result
/// priced by the merit order (cheap fuel switching first, protected customers last).
pub fn add_demand(f: &mut Formulation, system: &System, balance: &mut Balance) {
    for (d, demand) in system.demands.iter().enumerate() {
        let id = DemandId::from_index(d);
        for day in f.days.clone() {
            let amount = demand.demand_gwh_d[day].0;
            balance.add_demand(demand.zone, day, amount);
            let local = balance.local(demand.zone, day);
            for (k, tranche) in demand.curtailment.iter().enumerate() {
                f.add_arc(
                    ColKey::Curtailment(id, k, day),
                    None,
                    Some(local),
                    0.0,
                    tranche.share * amount,
                    tranche.penalty_eur_mwh.0,
                );
            }
        }
    }
}
