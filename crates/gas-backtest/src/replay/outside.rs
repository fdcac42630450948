//! Non-EU zones with unobserved supply of their own, cut off from the EU zones.

use super::{Inputs, ReplayReport};
use gas_core::units::GwhPerDay;
use gas_core::{System, ZoneId};

/// Non-EU zone pairs whose pipeline stays open although the zone is outside the replay.
pub const KEPT_OPEN: [(&str, &str); 1] = [("GB", "IE")];

/// Closes the pipelines between EU zones and non-EU zones that have storage,
/// routes, LNG or production of their own (except [`KEPT_OPEN`]).
pub(super) fn cut_off_outside(system: &mut System, inputs: &Inputs<'_>, report: &mut ReplayReport) {
    let period = system.period;
    let days = period.days;
    // Zones outside the replay.
    let mut outside = vec![false; system.zones.len()];
    for (z, zone) in system.zones.iter().enumerate() {
        if inputs.eu[z] {
            continue;
        }
        let id = ZoneId::from_index(z);
        let own = system.storages.iter().any(|s| s.zone == id)
            || system.routes.iter().any(|r| r.entry == id)
            || system.lng_terminals.iter().any(|t| t.zone == id)
            || system.production.iter().any(|p| p.zone == id);
        if own {
            outside[z] = true;
            report.outside.push(zone.code.clone());
        }
    }
    for pipeline in &mut system.pipelines {
        let (from, to) = (pipeline.from.index(), pipeline.to.index());
        let crosses = (outside[from] && inputs.eu[to]) || (inputs.eu[from] && outside[to]);
        let kept = KEPT_OPEN
            .iter()
            .any(|(a, b)| system.zones[from].code == *a && system.zones[to].code == *b);
        if crosses && !kept {
            pipeline.capacity_gwh_d = vec![GwhPerDay::ZERO; days];
            report.notes.push(format!(
                "pipeline {} closed (zone outside the replay)",
                pipeline.code
            ));
        }
    }
}
