//! National-first solidarity as a network refinement.
//!
//! "A zone exports (net) only gas it does not need itself." Each zone-day has a
//! hub node (pipelines) and a local node (own supply, storage, demand) joined by
//! `local_to_hub` and `hub_to_local` arcs. The run solves cooperatively first;
//! then every zone-day that curtails demand while its local node exports net
//! (`local_to_hub − hub_to_local > tol`) gets `local_to_hub` fixed to 0: the
//! zone may still import, and gas may still transit through its hub, but its own
//! supply and storage serve its own demand first. The LP is re-solved and the
//! step repeated until no zone-day is newly flagged (flags are only added, so it
//! ends).
//!
//! Limits: this is a heuristic equilibrium, not an optimisation of national
//! objectives. A flag is kept for the rest of the window even when a later
//! solve would no longer need it, and a zone's storage may still be filled for
//! exports on a day it does not curtail. The result depends on which violations
//! show up first, but deterministically so.

use crate::formulation::{Formulation, WindowInput};
use crate::keys::ColKey;
use gas_core::System;
use gas_lp::Solution;

/// One step: blocks exports of zone-days that curtail while exporting net;
/// returns whether any was newly blocked.
pub(crate) fn block_exports(
    system: &System,
    f: &mut Formulation,
    input: &mut WindowInput,
    solution: &Solution,
    tolerance: f64,
) -> bool {
    let days = f.days.len();
    let zones = system.zones.len();
    let start = f.days.start;
    let mut curtailed = vec![0.0; zones * days];
    let mut export = vec![0.0; zones * days];
    for (j, key) in f.cols.iter().enumerate() {
        let x = solution.col_values.get(j).copied().unwrap_or(0.0);
        match *key {
            ColKey::Curtailment(d, _, day) => {
                if let Some(demand) = system.demands.get(d.index()) {
                    curtailed[demand.zone.index() * days + day - start] += x;
                }
            }
            ColKey::LocalToHub(z, day) => export[z.index() * days + day - start] += x,
            ColKey::HubToLocal(z, day) => export[z.index() * days + day - start] -= x,
            _ => {}
        }
    }
    let mut changed = false;
    for z in 0..zones {
        for slot in 0..days {
            let i = z * days + slot;
            if curtailed[i] > tolerance && export[i] > tolerance && !input.no_export[z][slot] {
                input.no_export[z][slot] = true;
                if let Some(&col) = f.local_to_hub.get(z).and_then(|c| c.get(slot)) {
                    f.problem.set_col_bounds(col, 0.0, 0.0);
                }
                changed = true;
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use crate::testing::*;
    use gas_core::system::Solidarity;
    use gas_core::Sector;

    #[test]
    fn national_first_keeps_gas_home_where_cooperation_would_export_it() {
        // A -> B -> C (pipelines 100 GWh/d, tariff 0), production at 20 EUR/MWh.
        // A: production 100, industry demand 105 (curtailable at 50).
        // B: production 60, households 20 (600). C: households 50 (500), no supply.
        // Supply 160 < demand 175: 15 short.
        // Cooperative: curtail the cheapest, A's industry, 15 GWh; A exports 10 so that
        //   C is served: 160 x 20 + 15 x 50 = 3 950 kEUR; every price 50.
        // National-first: A curtails while exporting, so A's exports are blocked; A curtails
        //   5, B exports its 40 spare, C curtails 10: 3 200 + 5 x 50 + 10 x 500 = 8 450 kEUR;
        //   prices A 50, B 500 (its spare gas is C's), C 500.
        let mut b = Builder::new(1);
        let a = b.zone("AA");
        let bz = b.zone("BB");
        let c = b.zone("CC");
        b.production(a, 100.0, 20.0);
        b.production(bz, 60.0, 20.0);
        b.demand(a, Sector::Industry, vec![105.0], &[(1.0, 50.0)]);
        b.flat_demand(bz, 20.0, 600.0);
        b.flat_demand(c, 50.0, 500.0);
        b.pipeline(a, bz, 100.0, 0.0);
        b.pipeline(bz, c, 100.0, 0.0);
        let coop = solve(&b.system, Prices::Unique);
        assert_close(coop.objective_keur, 3_950.0, "cooperative objective");
        assert_eq!(coop.curtailed_gwh_d[0][0].0, 15.0);
        assert_eq!(coop.pipeline_flow_gwh_d[0][0].0, 10.0);
        for z in 0..3 {
            assert_close(coop.zone_price_eur_mwh[z][0].0, 50.0, "cooperative price");
        }

        b.system.settings.solidarity = Solidarity::NationalFirst;
        let national = solve(&b.system, Prices::Unique);
        assert_close(national.objective_keur, 8_450.0, "national-first objective");
        assert_eq!(national.curtailed_gwh_d[0][0].0, 5.0);
        assert_eq!(national.curtailed_gwh_d[2][0].0, 10.0);
        assert_eq!(national.pipeline_flow_gwh_d[0][0].0, 0.0);
        assert_eq!(national.pipeline_flow_gwh_d[1][0].0, 40.0);
        let prices: Vec<f64> = (0..3)
            .map(|z| national.zone_price_eur_mwh[z][0].0)
            .collect();
        for (p, e) in prices.iter().zip([50.0, 500.0, 500.0]) {
            assert_close(*p, e, "national-first price");
        }
        assert!(
            national.notes.iter().any(|n| n.contains("1 zone-day")),
            "{:?}",
            national.notes
        );
    }
}
