//! The observed net flow from Great Britain: into Belgium, and Moffat into Ireland (a cap:
//! Moffat also serves Northern Ireland and the Isle of Man).

use super::{Inputs, ReplayReport};
use gas_core::system::{Origin, Route};
use gas_core::units::{EurPerMwh, GwhPerDay};
use gas_core::{OriginId, System};

/// The origin code added for net imports from Great Britain.
pub const GB_ORIGIN: &str = "GB-NET";

/// The route added for net imports from Great Britain.
pub const GB_ROUTE: &str = "NETFLOW-GB";

/// The observed GB > IE part of `NETFLOW:GB` (Moffat).
pub const GB_IRELAND_SERIES: &str = "NETFLOW:GB>IE";

/// The route added for [`GB_IRELAND_SERIES`].
pub const GB_IRELAND_ROUTE: &str = "NETFLOW-GB-IE";

/// Ireland's zone code.
pub const GB_IRELAND_ZONE: &str = "IE";

/// The EU zone where `NETFLOW:GB` enters or leaves.
pub const GB_EXCHANGE_ZONE: &str = "BE";

/// Closes the GB > IE pipeline on `day` (its flow is fixed by the observed series).
fn close_gb_ireland_pipeline(system: &mut System, day: usize) {
    let (Some(gb), Some(ie)) = (
        system.zone_by_code("GB"),
        system.zone_by_code(GB_IRELAND_ZONE),
    ) else {
        return;
    };
    for pipeline in system
        .pipelines
        .iter_mut()
        .filter(|p| p.from == gb && p.to == ie)
    {
        pipeline.capacity_gwh_d[day] = GwhPerDay::ZERO;
    }
}

/// Adds `NETFLOW:GB` as a route into [`GB_EXCHANGE_ZONE`] (negative days as its
/// demand) and the GB > IE part as a route into Ireland.
pub(super) fn add_net_flows(system: &mut System, inputs: &Inputs<'_>, report: &mut ReplayReport) {
    let period = system.period;
    let days = period.days;
    // Net flow from Great Britain.
    if let Some(be) = system.zone_by_code(GB_EXCHANGE_ZONE) {
        let origin = OriginId::from_index(system.origins.len());
        system.origins.push(Origin {
            code: GB_ORIGIN.to_string(),
            name: "Great Britain, net exports to the EU27 (observed NETFLOW:GB)".to_string(),
        });
        let price: Vec<EurPerMwh> = system
            .routes
            .iter()
            .find(|r| r.entry == be)
            .or(system.routes.first())
            .map_or(vec![EurPerMwh::ZERO; days], |r| r.price_eur_mwh.clone());
        let mut flow = vec![GwhPerDay::ZERO; days];
        let ireland = system.zone_by_code(GB_IRELAND_ZONE);
        let mut ireland_flow = vec![GwhPerDay::ZERO; days];
        let demand_row = system
            .demands
            .iter()
            .position(|d| d.zone == be && d.sector == gas_core::Sector::Other)
            .or_else(|| system.demands.iter().position(|d| d.zone == be));
        for (day, date) in period.dates().enumerate() {
            let mut net = inputs.observed("NETFLOW:GB", date);
            // The GB > IE part (Moffat), where observed, goes to Ireland and the
            // GB > IE pipeline closes that day.
            if let (Some(_), Some(to_ireland)) =
                (ireland, inputs.flows.get(&(GB_IRELAND_SERIES, date)))
            {
                let to_ireland = to_ireland.max(0.0);
                ireland_flow[day] = GwhPerDay(to_ireland);
                net -= to_ireland;
                close_gb_ireland_pipeline(system, day);
            }
            if net >= 0.0 {
                flow[day] = GwhPerDay(net);
                report.fixed_imports_twh += net / 1000.0;
            } else if let Some(d) = demand_row {
                system.demands[d].demand_gwh_d[day] += GwhPerDay(-net);
                report.exports_to_gb_twh += -net / 1000.0;
            }
        }
        system.routes.push(Route {
            code: GB_ROUTE.to_string(),
            origin,
            entry: be,
            capacity_gwh_d: flow.clone(),
            min_flow_gwh_d: flow,
            price_eur_mwh: price,
        });
        report.fixed_routes.push(GB_ROUTE.to_string());
        if let Some(ie) = ireland.filter(|_| ireland_flow.iter().any(|f| f.value() > 0.0)) {
            let price = system.routes[system.routes.len() - 1].price_eur_mwh.clone();
            // Capped, not fixed: the observed Moffat flow also carries the gas of Northern
            // Ireland and the Isle of Man (the Scotland-Northern Ireland pipeline tees off
            // downstream of the Moffat point), which the IE zone does not consume.
            system.routes.push(Route {
                code: GB_IRELAND_ROUTE.to_string(),
                origin,
                entry: ie,
                min_flow_gwh_d: vec![GwhPerDay::ZERO; days],
                capacity_gwh_d: ireland_flow,
                price_eur_mwh: price,
            });
            report.notes.push(format!(
                "route {GB_IRELAND_ROUTE} (Moffat) capped at its observed flow, not fixed: the \
                 point also serves Northern Ireland and the Isle of Man, outside the IE zone"
            ));
        }
    } else {
        report.notes.push(format!(
            "zone {GB_EXCHANGE_ZONE} not in the system; NETFLOW:GB left out"
        ));
    }
}
