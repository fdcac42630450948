//! LNG: a European pool per day, filled by origins' price tranches and emptied
//! by terminals' send-out.

use crate::formulation::{Balance, Formulation};
use crate::keys::{ColKey, RowKey};
use gas_core::{LngSupplyId, LngTerminalId, System};

/// Adds, for each window day `t`, the pool row and its arcs:
///
/// ```text
/// pool(t):  Σ_{o,k} buy(o,k,t) − Σ_l sendout(l,t) = 0            [GWh/d]
/// min(o,k,t) <= buy(o,k,t) <= capacity(o,k,t)    cost price(o,k,t)  (ground → pool)
/// min_sendout(l,t) <= sendout(l,t) <= sendout_capacity(l,t)  cost 0 (pool → local(zone(l),t))
/// ```
///
/// Index sets: LNG supplies `o`, their tranches `k`, terminals `l`. The pool is
/// not stored from day to day (cargoes are regasified on arrival).
pub fn add_lng(f: &mut Formulation, system: &System, balance: &mut Balance) {
    if system.lng_supplies.is_empty() && system.lng_terminals.is_empty() {
        return;
    }
    for day in f.days.clone() {
        let pool = f.add_row(RowKey::LngPool(day), 0.0, 0.0);
        for (o, supply) in system.lng_supplies.iter().enumerate() {
            let id = LngSupplyId::from_index(o);
            for (k, tranche) in supply.tranches.iter().enumerate() {
                f.add_arc(
                    ColKey::LngTranche(id, k, day),
                    None,
                    Some(pool),
                    tranche.min_gwh_d[day].0,
                    tranche.capacity_gwh_d[day].0,
                    tranche.price_eur_mwh[day].0,
                );
            }
        }
        for (l, terminal) in system.lng_terminals.iter().enumerate() {
            f.add_arc(
                ColKey::LngSendout(LngTerminalId::from_index(l), day),
                Some(pool),
                Some(balance.local(terminal.zone, day)),
                terminal.min_sendout_gwh_d[day].0,
                terminal.sendout_capacity_gwh_d[day].0,
                0.0,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::*;

    #[test]
    fn terminal_sendout_limits_what_the_pool_can_deliver() {
        // LNG offered 100 GWh/d at 40, terminal send-out 60, demand 80 (penalty 500):
        // 60 sent out, 20 curtailed: 60 x 40 + 20 x 500 = 12 400 kEUR; price 500.
        let mut b = Builder::new(1);
        let z = b.zone("ES");
        b.flat_demand(z, 80.0, 500.0);
        b.lng(z, 60.0, 100.0, 40.0);
        let r = solve(&b.system, Prices::Unique);
        assert_eq!(r.lng_sendout_gwh_d[0][0].0, 60.0);
        assert_eq!(r.lng_supply_gwh_d[0][0].0, 60.0);
        assert_eq!(r.lng_tranche_gwh_d[0][0][0].0, 60.0);
        assert_close(r.objective_keur, 12_400.0, "objective");
        assert_close(r.zone_price_eur_mwh[0][0].0, 500.0, "price");
    }
}
