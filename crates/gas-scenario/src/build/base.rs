//! Zones, origins, pipelines, routes, prices and production from the dataset.

use super::production::{daily_mean_gwh_d, AnnualProduction, ProductionBasis, ZoneYearProduction};
use super::{
    zeros_gwh_d, Draft, Layers, EUR_USD, MMBTU_PER_BARREL, MWH_PER_MMBTU, PIPELINE_TARIFF,
};
use crate::scenario::Scenario;
use chrono::Datelike;
use gas_core::dataset::{Dataset, MonthlyPriceRecord, ZoneKind};
use gas_core::period::in_window as active;
use gas_core::system::{DispatchSettings, Origin, Pipeline, Production, Route, System, Zone};
use gas_core::units::{EurPerMwh, GwhPerDay};
use gas_core::{OriginId, Period, ZoneId};
use std::collections::BTreeMap;

/// Routes built with zero capacity unless a package sets them online (never operated).
pub const OFFLINE_BY_DEFAULT: [&str; 1] = ["NS2"];

/// Price used when a series has no value at all (assumption), EUR/MWh.
pub const FALLBACK_PRICE: f64 = 20.0;

/// Production band around the annual mean (assumption).
pub const PRODUCTION_BAND: (f64, f64) = (0.0, 1.05);

pub(super) fn draft(dataset: &Dataset, scenario: &Scenario) -> Draft {
    let period = scenario.period;
    let days = period.days;
    let mut warnings = Vec::new();
    let zones: Vec<Zone> = dataset
        .zones
        .iter()
        .map(|z| Zone {
            code: z.id.clone(),
            name: z.name.clone(),
        })
        .collect();
    let eu_member = dataset.zones.iter().map(|z| z.eu_member).collect();
    let zone_of = |code: &str| zones.iter().position(|z| z.code == code);
    let origins: Vec<Origin> = dataset
        .origins
        .iter()
        .map(|o| Origin {
            code: o.id.clone(),
            name: o.name.clone(),
        })
        .collect();
    let origin_of = |code: &str| origins.iter().position(|o| o.code == code);

    let ttf = monthly_series(dataset, "TTF", period, &mut warnings);
    let asia = monthly_series(dataset, "ASIA_LNG_PROXY", period, &mut warnings);
    let brent = brent_series(dataset, period);

    // Pipelines: one per direction, summing the rows active each day.
    let mut pipelines: Vec<Pipeline> = Vec::new();
    for row in &dataset.interconnectors {
        let (Some(from), Some(to)) = (zone_of(&row.from_zone), zone_of(&row.to_zone)) else {
            warnings.push(format!(
                "interconnector {}>{}: a zone is not in zones.csv; left out",
                row.from_zone, row.to_zone
            ));
            continue;
        };
        let code = format!("{}>{}", row.from_zone, row.to_zone);
        let index = match pipelines.iter().position(|p| p.code == code) {
            Some(index) => index,
            None => {
                pipelines.push(Pipeline {
                    code,
                    from: ZoneId::from_index(from),
                    to: ZoneId::from_index(to),
                    capacity_gwh_d: zeros_gwh_d(days),
                    tariff_eur_mwh: EurPerMwh(PIPELINE_TARIFF),
                });
                pipelines.len() - 1
            }
        };
        let Some(capacity) = row
            .capacity_gwh_d
            .filter(|c| c.value().is_finite() && c.value() > 0.0)
        else {
            warnings.push(format!(
                "interconnector {}: no capacity in interconnectors.csv; left out",
                pipelines[index].code
            ));
            continue;
        };
        for (day, date) in period.dates().enumerate() {
            if active(date, row.valid_from, row.valid_to) {
                pipelines[index].capacity_gwh_d[day] += capacity;
            }
        }
    }

    // Routes: one per id, summing rows active each day.
    let mut routes: Vec<Route> = Vec::new();
    let mut route_origin = Vec::new();
    let mut route_base: Vec<Vec<f64>> = Vec::new();
    // Routes of routes.csv that are not in the model, with why (for scenario errors).
    let mut routes_left_out: BTreeMap<String, String> = BTreeMap::new();
    for row in &dataset.routes {
        let (Some(origin), Some(entry)) = (origin_of(&row.origin), zone_of(&row.entry_zone)) else {
            warnings.push(format!(
                "route {}: origin {} or entry zone {} unknown; left out",
                row.id, row.origin, row.entry_zone
            ));
            routes_left_out.insert(
                row.id.clone(),
                format!(
                    "its origin {} or entry zone {} is unknown",
                    row.origin, row.entry_zone
                ),
            );
            continue;
        };
        if dataset.zones[entry].kind == ZoneKind::Transit {
            routes_left_out.insert(
                row.id.clone(),
                format!(
                    "it enters {}, a transit zone modelled in its transit role only",
                    row.entry_zone
                ),
            );
            let warning = format!(
                "route {}: enters {}, a transit zone modelled in its transit role only (its own demand is not built), so the route's gas, which served that demand, is left out",
                row.id, row.entry_zone
            );
            if !warnings.contains(&warning) {
                warnings.push(warning);
            }
            continue;
        }
        let index = match routes.iter().position(|r| r.code == row.id) {
            Some(index) => index,
            None => {
                routes.push(Route {
                    code: row.id.clone(),
                    origin: OriginId::from_index(origin),
                    entry: ZoneId::from_index(entry),
                    capacity_gwh_d: zeros_gwh_d(days),
                    min_flow_gwh_d: zeros_gwh_d(days),
                    price_eur_mwh: vec![EurPerMwh::ZERO; days],
                });
                route_origin.push(origin);
                route_base.push(vec![0.0; days]);
                routes.len() - 1
            }
        };
        let capacity = row.capacity_gwh_d.map_or(f64::NAN, |c| c.value());
        if !(capacity.is_finite() && capacity > 0.0) {
            warnings.push(format!(
                "route {}: no capacity in routes.csv; built with capacity 0",
                row.id
            ));
            continue;
        }
        for (day, date) in period.dates().enumerate() {
            if active(date, row.valid_from, row.valid_to) {
                route_base[index][day] += capacity;
            }
        }
    }
    let route_online_default: Vec<bool> = routes
        .iter()
        .map(|r| !OFFLINE_BY_DEFAULT.contains(&r.code.as_str()))
        .collect();
    let mut route_observed: Vec<Vec<Option<f64>>> = vec![vec![None; days]; routes.len()];
    if scenario.routes_as_observed {
        for flow in &dataset.route_flows_daily {
            if let (Some(r), Some(day)) = (
                routes.iter().position(|r| r.code == flow.route),
                period.index_of(flow.date),
            ) {
                route_observed[r][day] = Some(flow.flow_gwh_d.value());
            }
        }
        for (r, route) in routes.iter().enumerate() {
            if route_observed[r].iter().all(Option::is_none) {
                warnings.push(format!(
                    "route {}: routes_as_observed, but route_flows_daily.csv has no flow in the period; left free",
                    route.code
                ));
            }
        }
    }

    let mut production = production(dataset, &zones, period, &ttf, &mut warnings);
    // A producer zone that is also an origin (Norway): its production figure is
    // the volume its routes deliver, so it caps the origin's routes instead of
    // being zone production (which has no outlet but those routes).
    let route_tech = route_base.clone();
    for (z, record) in dataset.zones.iter().enumerate() {
        if record.kind != ZoneKind::Producer {
            continue;
        }
        let Some(o) = origin_of(&record.id) else {
            continue;
        };
        let Some(p) = production.iter().position(|p| p.zone.index() == z) else {
            continue;
        };
        let supply = production.remove(p);
        let routes_of: Vec<usize> = (0..routes.len())
            .filter(|&r| route_origin[r] == o)
            .collect();
        for (day, max) in supply.max_gwh_d.iter().enumerate() {
            let deliveries = max.value() / PRODUCTION_BAND.1;
            cap_routes(&mut route_base, &routes_of, day, deliveries);
        }
        warnings.push(format!(
            "production {}: modelled as the cap on the routes of origin {} (their capacity scaled to the annual deliveries / days), not as zone production",
            record.id, record.id
        ));
    }
    // The other pipeline origins deliver what they delivered before the period.
    for (o, origin) in origins.iter().enumerate() {
        let is_producer_zone = dataset
            .zones
            .iter()
            .any(|z| z.kind == ZoneKind::Producer && z.id == origin.code);
        // Routes offline by default (NS2) are not part of what the origin delivered.
        let routes_of: Vec<usize> = (0..routes.len())
            .filter(|&r| route_origin[r] == o && route_online_default[r])
            .collect();
        if !scenario.origins_at_observed_deliveries || is_producer_zone || routes_of.is_empty() {
            continue;
        }
        let codes: Vec<&str> = routes_of.iter().map(|&r| routes[r].code.as_str()).collect();
        let Some(observed) =
            super::origin_caps::observed_deliveries(dataset, &origin.code, &codes, period.start)
        else {
            continue;
        };
        let capped_days = (0..days)
            .filter(|&day| cap_routes(&mut route_base, &routes_of, day, observed.mean_gwh_d))
            .count();
        if capped_days > 0 {
            warnings.push(format!(
                "origin {}: routes capped at its mean observed delivery {:.0} GWh/d ({} to {}, route_flows_daily.csv) on {capped_days} days, below their technical capacity",
                origin.code, observed.mean_gwh_d, observed.window.0, observed.window.1
            ));
        }
    }
    let route_count = routes.len();
    let system = System {
        period,
        zones,
        origins,
        pipelines,
        routes,
        lng_terminals: Vec::new(),
        lng_supplies: Vec::new(),
        production,
        storages: Vec::new(),
        demands: Vec::new(),
        settings: DispatchSettings::default(),
    };
    Draft {
        system,
        eu_member,
        origin_transit_of: dataset
            .origins
            .iter()
            .map(|o| o.transit_of.clone())
            .collect(),
        route_origin,
        route_base,
        route_tech,
        route_online_default,
        route_extra: vec![vec![0.0; days]; route_count],
        route_observed,
        terminals: Vec::new(),
        lng: Vec::new(),
        ttf,
        asia,
        brent,
        layers: Layers::default(),
        targets: BTreeMap::new(),
        fuel_switching: BTreeMap::new(),
        routes_left_out,
        solidarity: None,
        applied: Vec::new(),
        lng_effect_checks: Vec::new(),
        warnings,
        errors: Vec::new(),
    }
}

/// Scales the capacities of `routes_of` on `day` so that together they carry at
/// most `cap_gwh_d`; returns whether they had to be scaled down.
fn cap_routes(
    route_base: &mut [Vec<f64>],
    routes_of: &[usize],
    day: usize,
    cap_gwh_d: f64,
) -> bool {
    let technical: f64 = routes_of.iter().map(|&r| route_base[r][day]).sum();
    if technical <= cap_gwh_d || technical <= 0.0 {
        return false;
    }
    let factor = cap_gwh_d / technical;
    for &r in routes_of {
        route_base[r][day] *= factor;
    }
    true
}

/// The ECB's monthly USD per EUR of `fx_monthly.csv`, by (year, month).
fn monthly_fx(dataset: &Dataset) -> BTreeMap<(i32, u32), f64> {
    dataset
        .fx_monthly
        .iter()
        .filter(|row| row.usd_per_eur.is_finite() && row.usd_per_eur > 0.0)
        .map(|row| ((row.year, row.month), row.usd_per_eur))
        .collect()
}

/// USD per EUR in a month: the month's ECB rate, else the annual [`EUR_USD`] rate
/// of the nearest year.
fn usd_per_eur(fx: &BTreeMap<(i32, u32), f64>, year: i32, month: u32) -> Option<f64> {
    fx.get(&(year, month)).copied().or_else(|| {
        EUR_USD
            .iter()
            .min_by_key(|(y, _)| (y - year).abs())
            .map(|(_, rate)| *rate)
    })
}

/// EUR/MWh of a price row: the EUR value, else the USD value converted at the
/// month's ECB rate (`fx_monthly.csv`), else at the annual [`EUR_USD`] rate.
pub(crate) fn eur_mwh(row: &MonthlyPriceRecord, fx: &BTreeMap<(i32, u32), f64>) -> Option<f64> {
    if let Some(value) = row.value_eur_mwh {
        return Some(value);
    }
    let rate = usd_per_eur(fx, row.month.year, row.month.month)?;
    if let Some(usd_mwh) = row.value_usd_mwh {
        return Some(usd_mwh / rate);
    }
    match row.source_unit.as_str() {
        "USD/MMBtu" => Some(row.value_source_unit / MWH_PER_MMBTU / rate),
        "USD/MWh" => Some(row.value_source_unit / rate),
        _ => None,
    }
}

/// Brent (`BRENT`, USD/bbl) in EUR per MWh of oil each day: USD/bbl ÷
/// ([`MMBTU_PER_BARREL`] × [`MWH_PER_MMBTU`]) ÷ the month's ECB USD/EUR rate
/// (else the annual rate). `None` where the month has no value.
fn brent_series(dataset: &Dataset, period: Period) -> Vec<Option<f64>> {
    let fx = monthly_fx(dataset);
    let months: BTreeMap<(i32, u32), f64> = dataset
        .prices_monthly
        .iter()
        .filter(|row| row.series == "BRENT" && row.source_unit == "USD/bbl")
        .filter(|row| row.value_source_unit.is_finite() && row.value_source_unit > 0.0)
        .filter_map(|row| {
            let key = (row.month.year, row.month.month);
            let rate = usd_per_eur(&fx, key.0, key.1)?;
            Some((
                key,
                row.value_source_unit / (MMBTU_PER_BARREL * MWH_PER_MMBTU) / rate,
            ))
        })
        .collect();
    period
        .dates()
        .map(|date| months.get(&(date.year(), date.month())).copied())
        .collect()
}

/// A monthly series spread over the period's days (nearest month where one is missing).
fn monthly_series(
    dataset: &Dataset,
    series: &str,
    period: Period,
    warnings: &mut Vec<String>,
) -> Vec<f64> {
    let fx = monthly_fx(dataset);
    let months: BTreeMap<(i32, u32), f64> = dataset
        .prices_monthly
        .iter()
        .filter(|row| row.series == series)
        .filter_map(|row| {
            eur_mwh(row, &fx)
                .filter(|v| v.is_finite())
                .map(|v| ((row.month.year, row.month.month), v))
        })
        .collect();
    if months.is_empty() {
        warnings.push(format!(
            "prices_monthly.csv has no {series} value in EUR or USD; {FALLBACK_PRICE} EUR/MWh assumed"
        ));
        return vec![FALLBACK_PRICE; period.days];
    }
    let mut missing = 0;
    let values = period
        .dates()
        .map(|date| {
            let key = (date.year(), date.month());
            months.get(&key).copied().unwrap_or_else(|| {
                missing += 1;
                let index = key.0 * 12 + key.1 as i32;
                months
                    .iter()
                    .min_by_key(|((y, m), _)| (y * 12 + *m as i32 - index).abs())
                    .map_or(FALLBACK_PRICE, |(_, v)| *v)
            })
        })
        .collect();
    if missing > 0 {
        warnings.push(format!(
            "prices_monthly.csv: {series} missing on {missing} days of the period; the nearest month's value is used"
        ));
    }
    values
}

fn production(
    dataset: &Dataset,
    zones: &[Zone],
    period: Period,
    ttf: &[f64],
    warnings: &mut Vec<String>,
) -> Vec<Production> {
    let annual = AnnualProduction::from_dataset(dataset);
    // Each calendar year of the period, split once.
    let mut years: BTreeMap<i32, BTreeMap<String, ZoneYearProduction>> = BTreeMap::new();
    for date in period.dates() {
        years
            .entry(date.year())
            .or_insert_with(|| annual.year(date.year()));
    }
    let mut out = Vec::new();
    let mut none = Vec::new();
    // (year without a figure, year whose figure is used) -> zones.
    let mut substitutions: BTreeMap<(i32, i32), Vec<&str>> = BTreeMap::new();
    for (zone, z) in zones.iter().enumerate() {
        match annual.zone_status(&z.code) {
            (false, _) => continue,
            (true, false) => {
                // A zone without production (0 in every year with a figure).
                none.push(z.code.as_str());
                continue;
            }
            (true, true) => {}
        }
        let mut max = Vec::with_capacity(period.days);
        let mut min = Vec::with_capacity(period.days);
        for date in period.dates() {
            let year = date.year();
            let figure = years[&year].get(&z.code).copied();
            let twh = figure.map_or(0.0, |f| f.twh);
            let mean = daily_mean_gwh_d(twh, year);
            max.push(GwhPerDay(mean * PRODUCTION_BAND.1));
            min.push(GwhPerDay(mean * PRODUCTION_BAND.0));
        }
        for (&year, split) in &years {
            if let Some(ProductionBasis::Nearest(used)) = split.get(&z.code).map(|f| f.basis) {
                substitutions
                    .entry((year, used))
                    .or_default()
                    .push(z.code.as_str());
            }
        }
        out.push(Production {
            zone: ZoneId::from_index(zone),
            max_gwh_d: max,
            min_gwh_d: min,
            price_eur_mwh: ttf.iter().map(|p| EurPerMwh(*p)).collect(),
        });
    }
    for ((year, used), codes) in substitutions {
        warnings.push(format!(
            "production: no figure for {year} in {} zone(s) ({}); the {used} figure is used",
            codes.len(),
            codes.join(", ")
        ));
    }
    for (year, split) in &years {
        for (code, figure) in split {
            match figure.basis {
                ProductionBasis::EuResidual { total_year } => warnings.push(format!(
                    "production: {code} {year} = the EU total of {total_year} minus the other \
                     members' latest figures = {:.1} TWh (assumed: the decline of EU production \
                     since 2020 is the Groningen phase-out's)",
                    figure.twh
                )),
                ProductionBasis::ScaledToEuTotal {
                    year: own,
                    total_year,
                } => warnings.push(format!(
                    "production: {code} {year} = its {own} figure scaled so that the EU \
                         members sum to the EU total of {total_year}: {:.1} TWh",
                    figure.twh
                )),
                ProductionBasis::Reported | ProductionBasis::Nearest(_) => {}
            }
        }
    }
    let without: Vec<&str> = zones
        .iter()
        .enumerate()
        .filter(|(z, zone)| {
            !out.iter().any(|p| p.zone.index() == *z) && !none.contains(&zone.code.as_str())
        })
        .map(|(_, zone)| zone.code.as_str())
        .collect();
    if !without.is_empty() {
        warnings.push(format!(
            "production: no figure for {} zones ({}); built without production (production.csv says why)",
            without.len(),
            without.join(", ")
        ));
    }
    out
}
