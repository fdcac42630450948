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
