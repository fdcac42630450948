//! LNG send-out fixed to the observed series: per zone where ENTSOG has it, else the EU total.

use super::{spread, Inputs, ReplayReport};
use chrono::NaiveDate;
use gas_core::units::GwhPerDay;
use gas_core::{System, ZoneId};
use std::collections::BTreeMap;

/// What [`fix_terminals_by_zone`] fixed on one day.
struct ZoneLng {
    /// Observed send-out placed on the zones' terminals, GWh/d.
    placed: f64,
    /// Send-out capacity of terminals in zones without any `LNG:<zone>` series
    /// (left free, e.g. Malta, which ENTSOG does not cover), GWh/d.
    free_capacity: f64,
    /// Observed send-out of zones without a terminal in the system, GWh/d.
    unplaced: Vec<(String, f64)>,
}

/// Fixes each EU zone's LNG terminals to the zone's observed send-out
/// (`LNG:<zone>`) on day `day`, spread over its terminals by capacity (a terminal
/// keeps the observed value even above its capacity); a zone with a series but
/// no value that day sends out nothing, a zone without any series stays free.
/// Returns `None` (nothing changed) when no `LNG:<zone>` series has a value that day.
fn fix_terminals_by_zone(
    system: &mut System,
    eu_terminals: &[usize],
    flows: &BTreeMap<(&str, NaiveDate), f64>,
    has_rows: &[&str],
    day: usize,
    date: NaiveDate,
) -> Option<ZoneLng> {
    let observed: Vec<(String, f64)> = flows
        .iter()
        .filter(|((series, d), _)| *d == date && series.starts_with("LNG:") && *series != "LNG:EU")
        .map(|((series, _), value)| (series["LNG:".len()..].to_string(), value.max(0.0)))
        .collect();
    if observed.is_empty() {
        return None;
    }
    let mut placed = 0.0;
    let mut free_capacity = 0.0;
    let mut unplaced = Vec::new();
    let mut zones: Vec<ZoneId> = eu_terminals
        .iter()
        .map(|&t| system.lng_terminals[t].zone)
        .collect();
    zones.sort_by_key(|z| z.index());
    zones.dedup();
    for (code, _) in &observed {
        if !zones.iter().any(|z| system.zones[z.index()].code == *code) {
            let value = observed
                .iter()
                .find(|(c, _)| c == code)
                .map_or(0.0, |o| o.1);
            unplaced.push((code.clone(), value));
        }
    }
    for zone in zones {
        let code = &system.zones[zone.index()].code;
        let terminals_of = |system: &System| -> Vec<usize> {
            eu_terminals
                .iter()
                .copied()
                .filter(|&t| system.lng_terminals[t].zone == zone)
                .collect()
        };
        if !has_rows.contains(&format!("LNG:{code}").as_str()) {
            free_capacity += terminals_of(system)
                .iter()
                .map(|&t| system.lng_terminals[t].sendout_capacity_gwh_d[day].value())
                .sum::<f64>();
            continue;
        }
        let value = observed
            .iter()
            .find(|(c, _)| c == code)
            .map_or(0.0, |o| o.1);
        let terminals = terminals_of(system);
        let capacities: Vec<f64> = terminals
            .iter()
            .map(|&t| system.lng_terminals[t].sendout_capacity_gwh_d[day].value())
            .collect();
        let shares = if capacities.iter().sum::<f64>() > 0.0 {
            spread(value, &capacities)
        } else {
            let mut v = vec![0.0; terminals.len()];
            v[0] = value;
            v
        };
        for (&t, share) in terminals.iter().zip(shares) {
            let terminal = &mut system.lng_terminals[t];
            // The observed send-out is a floor: terminals missing from the ENTSOG
            // point extract (new FSRUs) leave the EU total above the zones' sum, and
            // that residual may go to any terminal with room (see the caller).
            let nominal = terminal.sendout_capacity_gwh_d[day].value();
            terminal.sendout_capacity_gwh_d[day] = GwhPerDay(share.max(nominal));
            terminal.min_sendout_gwh_d[day] = GwhPerDay(share);
        }
        placed += value;
    }
    Some(ZoneLng {
        placed,
        free_capacity,
        unplaced,
    })
}

/// Fixes the EU terminals and the LNG supply pool to the observed send-out (see
/// the module docs of the replay); non-EU terminals are closed.
pub(super) fn fix_lng(system: &mut System, inputs: &Inputs<'_>, report: &mut ReplayReport) {
    let period = system.period;
    let days = period.days;
    // LNG: the pool is fixed to the observed EU send-out; the LP splits it over the EU terminals.
    let eu_terminals: Vec<usize> = (0..system.lng_terminals.len())
        .filter(|&t| inputs.eu[system.lng_terminals[t].zone.index()])
        .collect();
    for terminal in system
        .lng_terminals
        .iter_mut()
        .filter(|t| !inputs.eu[t.zone.index()])
    {
        terminal.sendout_capacity_gwh_d = vec![GwhPerDay::ZERO; days];
        terminal.min_sendout_gwh_d = vec![GwhPerDay::ZERO; days];
    }
    let mut short_days = 0;
    let mut zone_days = 0;
    let mut residual_twh = 0.0;
    let mut unplaced_twh: BTreeMap<String, f64> = BTreeMap::new();
    for (day, date) in period.dates().enumerate() {
        let by_zone = fix_terminals_by_zone(
            system,
            &eu_terminals,
            &inputs.flows,
            &inputs.has_rows,
            day,
            date,
        );
        let (total, free_capacity) = match by_zone {
            Some(fixed) => {
                zone_days += 1;
                for (zone, gwh) in fixed.unplaced {
                    *unplaced_twh.entry(zone).or_default() += gwh / 1000.0;
                }
                // The EU total (Bruegel) where it is above the zones' sum: the
                // residual is send-out of terminals the point extract lacks.
                let eu_total = inputs.observed("LNG:EU", date).max(0.0);
                if eu_total > fixed.placed {
                    residual_twh += (eu_total - fixed.placed) / 1000.0;
                }
                (eu_total.max(fixed.placed), fixed.free_capacity)
            }
            None => (inputs.observed("LNG:EU", date).max(0.0), 0.0),
        };
        let capacity: f64 = eu_terminals
            .iter()
            .map(|&t| system.lng_terminals[t].sendout_capacity_gwh_d[day].value())
            .sum();
        let total = if total > capacity {
            short_days += 1;
            capacity
        } else {
            total
        };
        report.fixed_imports_twh += total / 1000.0;
        // Each origin's supply: its share of the pool's first tranches, fixed (min = max); other tranches closed.
        let base: Vec<f64> = system
            .lng_supplies
            .iter()
            .map(|s| {
                s.tranches
                    .first()
                    .map_or(0.0, |t| t.capacity_gwh_d[day].value())
            })
            .collect();
        let minimum = spread(total, &base);
        let maximum = spread(total + free_capacity, &base);
        for ((supply, min), max) in system.lng_supplies.iter_mut().zip(minimum).zip(maximum) {
            for (k, tranche) in supply.tranches.iter_mut().enumerate() {
                let (min, max) = if k == 0 { (min, max) } else { (0.0, 0.0) };
                tranche.capacity_gwh_d[day] = GwhPerDay(max);
                tranche.min_gwh_d[day] = GwhPerDay(min);
            }
        }
    }
    report.fixed_terminals = eu_terminals
        .iter()
        .map(|&t| system.lng_terminals[t].code.clone())
        .collect();
    if short_days > 0 {
        report.notes.push(format!(
            "LNG:EU exceeds the EU terminals' send-out capacity on {short_days} days; capped at the capacity"
        ));
    }
    report.notes.push(format!(
        "LNG: on {zone_days} days each EU zone's terminals are fixed to its observed send-out (LNG:<zone>, ENTSOG points) and the pool to their sum; on the other {} days the pool is fixed to LNG:EU and the dispatch splits it over the EU terminals (non-EU terminals closed)",
        days - zone_days
    ));
    report.notes.push(format!(
        "LNG: {residual_twh:.1} TWh of LNG:EU above the zones' observed send-out (terminals missing from the ENTSOG point extract) placed by the dispatch on terminals with room"
    ));
    for (zone, twh) in unplaced_twh {
        report.notes.push(format!(
            "LNG:{zone}: {twh:.1} TWh observed where the system has no terminal; left out"
        ));
    }
}
