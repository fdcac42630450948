//! Feasibility outlets of the replay: overflow links and the spill sink.

use super::{Inputs, ReplayReport};
use gas_core::units::{EurPerMwh, GwhPerDay};
use gas_core::{System, ZoneId};

/// The sink zone that takes surplus gas.
pub const SPILL_ZONE: &str = "SPILL";

/// Cost of sending one MWh to [`SPILL_ZONE`], EUR/MWh (above every curtailment penalty).
pub const SPILL_PENALTY: f64 = 5000.0;

/// Cost of one MWh on an overflow link (beside a pipeline between EU zones, for
/// flows beyond the dataset's capacity), EUR/MWh: above every default
/// curtailment penalty (households 3000), below [`SPILL_PENALTY`].
pub const OVERFLOW_PENALTY: f64 = 4000.0;

/// Code suffix of the overflow links.
pub const OVERFLOW_SUFFIX: &str = " (overflow)";

/// Adds the overflow links beside the pipelines between EU zones and a pipeline
/// from every EU zone to the spill sink [`SPILL_ZONE`].
pub(super) fn add_outlets(system: &mut System, inputs: &Inputs<'_>, report: &mut ReplayReport) {
    let period = system.period;
    let days = period.days;
    // Surplus outlet.
    let sink = ZoneId::from_index(system.zones.len());
    system.zones.push(gas_core::system::Zone {
        code: SPILL_ZONE.to_string(),
        name: "Surplus outlet of the backtest (gas the observed inputs bring but no zone can take)"
            .to_string(),
    });
    let bound = 100_000.0;
    system.demands.push(gas_core::system::Demand {
        zone: sink,
        sector: gas_core::Sector::Other,
        demand_gwh_d: vec![GwhPerDay(bound); days],
        curtailment: vec![gas_core::system::CurtailmentTranche::constant(
            "unused outlet",
            1.0,
            days,
            EurPerMwh(0.0),
        )],
    });
    // Overflow beside every pipeline between two EU zones: observed inflows
    // prove that the gas left the zone, so a link's inputs.dataset capacity (the 2019
    // capacity map, with points missing) is a lower bound. Priced between the
    // highest curtailment penalty and the spill, so only surplus takes it.
    let overflow: Vec<gas_core::system::Pipeline> = system
        .pipelines
        .iter()
        .filter(|p| {
            let (from, to) = (p.from.index(), p.to.index());
            from < inputs.eu.len() && to < inputs.eu.len() && inputs.eu[from] && inputs.eu[to]
        })
        .filter(|p| p.capacity_gwh_d.iter().any(|c| c.value() > 0.0))
        .map(|p| gas_core::system::Pipeline {
            code: format!("{}{OVERFLOW_SUFFIX}", p.code),
            from: p.from,
            to: p.to,
            capacity_gwh_d: vec![GwhPerDay(bound); days],
            tariff_eur_mwh: EurPerMwh(OVERFLOW_PENALTY),
        })
        .collect();
    report.notes.push(format!(
        "{} overflow links (beside the pipelines between EU zones, {OVERFLOW_PENALTY} EUR/MWh) carry surplus beyond the inputs.dataset's capacity",
        overflow.len()
    ));
    system.pipelines.extend(overflow);
    for (z, zone) in system.zones.clone().iter().enumerate() {
        if z < inputs.eu.len() && inputs.eu[z] {
            system.pipelines.push(gas_core::system::Pipeline {
                code: format!("{}>{SPILL_ZONE}", zone.code),
                from: ZoneId::from_index(z),
                to: sink,
                capacity_gwh_d: vec![GwhPerDay(bound); days],
                tariff_eur_mwh: EurPerMwh(SPILL_PENALTY),
            });
        }
    }
}
