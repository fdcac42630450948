//! Import routes fixed to their observed series.

use super::{route_capacity, spread, Inputs, ReplayReport};
use gas_core::units::GwhPerDay;
use gas_core::System;
use std::collections::BTreeMap;

/// Observed series and the routes each is spread over (∝ capacity).
pub const ROUTE_SERIES: [(&str, &[&str]); 8] = [
    ("NS1", &["NS1"]),
    ("YAMAL", &["YAMAL"]),
    ("TURKSTREAM", &["TURKSTREAM"]),
    ("GREENSTREAM", &["GREENSTREAM"]),
    ("TAP", &["TAP"]),
    (
        "UA-TRANSIT",
        &[
            "UA-TRANSIT-SK",
            "UA-TRANSIT-HU",
            "UA-TRANSIT-RO",
            "UA-TRANSIT-PL",
        ],
    ),
    (
        "ORIGIN:NO",
        &[
            "NORWAY-DE",
            "NORWAY-BE",
            "NORWAY-FR",
            "NORWAY-NL",
            "BALTIC-PIPE",
        ],
    ),
    ("ORIGIN:DZ", &["MEDGAZ", "TRANSMED", "MEG"]),
];

/// Routes carrying the Russian remainder (`ORIGIN:RU` minus the named Russian series).
pub const RUSSIAN_REST_ROUTES: [&str; 3] = ["IMATRA", "KOTLOVKA", "RU-BALTIC"];

/// The named Russian series subtracted from `ORIGIN:RU`.
pub const RUSSIAN_NAMED_SERIES: [&str; 4] = ["NS1", "YAMAL", "UA-TRANSIT", "TURKSTREAM"];

/// Routes that carried nothing in the backtest period.
pub const ROUTES_IDLE: [&str; 1] = ["NS2"];

/// Fixes each route of [`ROUTE_SERIES`] (and the Russian remainder) to its observed
/// flow: its own entry-point series where it has one, else its share of the group's
/// total by capacity; [`ROUTES_IDLE`] carry nothing.
pub(super) fn fix_routes(system: &mut System, inputs: &Inputs<'_>, report: &mut ReplayReport) {
    let period = system.period;
    let days = period.days;
    // Routes.
    let route_index =
        |system: &System, code: &str| system.routes.iter().position(|r| r.code == code);
    let mut groups: Vec<(String, Vec<&str>)> = ROUTE_SERIES
        .iter()
        .map(|(s, r)| (s.to_string(), r.to_vec()))
        .collect();
    groups.push((
        "ORIGIN:RU (remainder)".to_string(),
        RUSSIAN_REST_ROUTES.to_vec(),
    ));
    let mut over_capacity: BTreeMap<String, usize> = BTreeMap::new();
    for (series, routes) in &groups {
        if !series.contains("remainder") && !inputs.has_rows.contains(&series.as_str()) {
            report.notes.push(format!(
                "series {series}: no rows in route_flows_daily.csv; routes left as built"
            ));
            continue;
        }
        let present: Vec<(usize, &str)> = routes
            .iter()
            .filter_map(|code| route_index(system, code).map(|r| (r, *code)))
            .collect();
        for code in routes.iter().filter(|c| route_index(system, c).is_none()) {
            report.notes.push(format!(
                "route {code} not in the system; its share of {series} is left out"
            ));
        }
        for (day, date) in period.dates().enumerate() {
            let total = if series.contains("remainder") {
                let named: f64 = RUSSIAN_NAMED_SERIES
                    .iter()
                    .map(|s| inputs.observed(s, date))
                    .sum();
                (inputs.observed("ORIGIN:RU", date) - named).max(0.0)
            } else {
                inputs.observed(series, date).max(0.0)
            };
            // Routes with their own observed series (ENTSOG entry points) take it;
            // the rest of the group's total is spread over the others.
            let own: Vec<Option<f64>> = present
                .iter()
                .map(|(_, code)| inputs.flows.get(&(*code, date)).map(|v| v.max(0.0)))
                .collect();
            let own_sum: f64 = own.iter().flatten().sum();
            let rest = if own.iter().all(Option::is_some) {
                0.0
            } else {
                (total - own_sum).max(0.0)
            };
            let capacities: Vec<f64> = present
                .iter()
                .zip(&own)
                .map(|((_, code), own)| match own {
                    Some(_) => 0.0,
                    None => route_capacity(inputs.dataset, code, date),
                })
                .collect();
            let sum: f64 = capacities.iter().sum();
            if rest > sum + 1e-6 && rest > 0.0 {
                *over_capacity.entry(series.clone()).or_default() += 1;
            }
            let spread_rest = if sum > 0.0 {
                spread(rest, &capacities)
            } else {
                // No capacity: all on the first route without its own series.
                let mut v = vec![0.0; present.len()];
                if let Some(first) = own.iter().position(Option::is_none) {
                    v[first] = rest;
                }
                v
            };
            let shares: Vec<f64> = own
                .iter()
                .zip(spread_rest)
                .map(|(own, spread)| own.unwrap_or(spread))
                .collect();
            for ((r, _), value) in present.iter().zip(shares) {
                let route = &mut system.routes[*r];
                route.capacity_gwh_d[day] = GwhPerDay(value);
                route.min_flow_gwh_d[day] = GwhPerDay(value);
                report.fixed_imports_twh += value / 1000.0;
            }
        }
        report
            .fixed_routes
            .extend(present.iter().map(|(_, code)| code.to_string()));
    }
    for (series, count) in over_capacity {
        report.notes.push(format!(
            "series {series}: the observed flow exceeds the routes' capacity on {count} days; the observed flow is kept"
        ));
    }
    for code in ROUTES_IDLE {
        if let Some(r) = route_index(system, code) {
            let route = &mut system.routes[r];
            route.capacity_gwh_d = vec![GwhPerDay::ZERO; days];
            route.min_flow_gwh_d = vec![GwhPerDay::ZERO; days];
            report.fixed_routes.push(code.to_string());
        }
    }
}
