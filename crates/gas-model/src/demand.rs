//! Demand and its curtailment merit order.

use crate::formulation::{Balance, Formulation};
use crate::keys::ColKey;
use gas_core::{DemandId, System};

/// Adds each demand `d` to its zone's local balance right-hand side and one
/// curtailment column per tranche `k` and window day `t`:
///
/// ```text
/// D(z,t) += demand(d,t)                                            [GWh/d]
/// 0 <= curtail(d,k,t) <= share(d,k,t) · demand(d,t)  cost penalty(d,k)  (ground → local(z,t))
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
                    tranche.share_by_day[day] * amount,
                    tranche.penalty_eur_mwh.0,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use gas_core::Sector;

    #[test]
    fn curtailment_follows_the_merit_order() {
        // Supply 170 GWh/d at 10; demand: power 100 (50 % fuel switching at 40, 50 % at 300),
        // industry 100 (at 150), households 100 (at 1 000): shortfall 130.
        // Merit order: fuel switching 50 at 40, then industry 80 at 150; households served.
        // Cost: 170 x 10 + 50 x 40 + 80 x 150 = 15 700 kEUR; price = 150 (industry, partly cut).
        let mut b = Builder::new(1);
        let z = b.zone("DE");
        b.production(z, 170.0, 10.0);
        b.demand(z, Sector::Power, vec![100.0], &[(0.5, 40.0), (0.5, 300.0)]);
        b.demand(z, Sector::Industry, vec![100.0], &[(1.0, 150.0)]);
        b.demand(z, Sector::HouseholdsServices, vec![100.0], &[(1.0, 1000.0)]);
        let r = solve(&b.system, Prices::Unique);
        assert_eq!(r.curtailed_by_tranche_gwh_d[0][0][0].0, 50.0);
        assert_eq!(r.curtailed_by_tranche_gwh_d[0][1][0].0, 0.0);
        assert_eq!(r.curtailed_gwh_d[1][0].0, 80.0);
        assert_eq!(r.curtailed_gwh_d[2][0].0, 0.0);
        assert_close(r.zone_price_eur_mwh[0][0].0, 150.0, "price");
        assert_close(r.objective_keur, 15_700.0, "objective");
    }
}
