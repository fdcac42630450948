//! Links the dataset lacks: TurkStream onward (Balkan Stream) and TAP onward to Italy.

use super::{route_capacity, Inputs, ReplayReport};
use gas_core::units::{EurPerMwh, GwhPerDay};
use gas_core::System;

/// Adds BG > RS > HU at TurkStream's capacity and gives GR > IT TAP's capacity
/// when the dataset has none.
pub(super) fn add_missing_links(
    system: &mut System,
    inputs: &Inputs<'_>,
    report: &mut ReplayReport,
) {
    let period = system.period;
    let days = period.days;
    // Onward legs of TurkStream (Balkan Stream BG > RS > HU), missing in the inputs.dataset.
    let turkstream = route_capacity(inputs.dataset, "TURKSTREAM", period.start);
    for (from, to) in [("BG", "RS"), ("RS", "HU")] {
        let (Some(f), Some(t)) = (system.zone_by_code(from), system.zone_by_code(to)) else {
            continue;
        };
        let code = format!("{from}>{to}");
        let exists = system
            .pipelines
            .iter()
            .any(|p| p.code == code && p.capacity_gwh_d.iter().any(|c| c.value() > 0.0));
        if !exists && turkstream > 0.0 {
            system.pipelines.retain(|p| p.code != code);
            system.pipelines.push(gas_core::system::Pipeline {
                code: code.clone(),
                from: f,
                to: t,
                capacity_gwh_d: vec![GwhPerDay(turkstream); days],
                tariff_eur_mwh: EurPerMwh(0.1),
            });
            report.notes.push(format!(
                "pipeline {code} (TurkStream onward, Balkan Stream) is not in the inputs.dataset; {turkstream} GWh/d assumed (TurkStream string 2 at Strandzha 2)"
            ));
        }
    }

    // TAP onward to Italy.
    let tap = route_capacity(inputs.dataset, "TAP", period.start);
    if let Some(pipeline) = system.pipelines.iter_mut().find(|p| p.code == "GR>IT") {
        if pipeline.capacity_gwh_d.iter().all(|c| c.value() <= 0.0) && tap > 0.0 {
            pipeline.capacity_gwh_d = vec![GwhPerDay(tap); days];
            report.notes.push(format!("pipeline GR>IT (TAP onward) has no capacity in the inputs.dataset; {tap} GWh/d assumed (TAP at Kipi)"));
        }
    }
}
