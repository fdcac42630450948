//! Demand by zone and sector, and its curtailment merit order.
//!
//! # Method
//!
//! - **Basis `year = Y`**: each day of the period takes the `demand_monthly.csv`
//!   demand of the same month of year `Y`, spread over the month's days. Where
//!   `demand_daily.csv` has the zone's total for every day of that month of `Y`,
//!   the days are shaped by it (`factor = daily total / month's mean daily total`,
//!   so the monthly sums stay Eurostat's); otherwise flat within the month.
//!   29 February maps to 28 February in a year without it.
//! - **Basis `actual`**: where `demand_monthly.csv` has the zone's month of the
//!   same year (Eurostat's observed consumption), that month's demand shaped by
//!   the observed daily totals exactly as for `year = Y`: Eurostat gives the
//!   level, the TSO daily series the shape. Several TSO series cover only part
//!   of consumption (2021 daily totals against Eurostat: PT 39 %, LU 63 %, RO
//!   66 %, HU 75 %; see the `demand_daily_vs_annual_*` rows of `checks.csv`), so
//!   their level alone would understate demand. Otherwise (e.g. GB after 2019)
//!   the observed daily total of the day itself (`demand_daily.csv`), split
//!   into sectors by that month's shares in `demand_monthly.csv` (nearest year
//!   with a split); days without either use the monthly demand of that month
//!   (nearest year), flat.
//! - A zone with only a `total` row uses the month's sector shares summed over all zones.
//! - **Curtailment merit order** (penalties in EUR/MWh, **assumptions**,
//!   configurable in the scenario's `[curtailment]`): fuel switching in power
//!   at the highest monthly TTF or Brent of the period (EUR/MWh, so that it
//!   is used only when gas is physically short; share switchable: 0 unless a
//!   `fuel_switching` measure or
//!   `[curtailment] fuel_switching_share` sets it), power 400, industry 600,
//!   other 800, households and services 3000. The fuel-switching share is
//!   daily: a measure opens the step on its own days only (the power step
//!   takes the rest of each day's demand).

use super::{Draft, Param};
use crate::scenario::{DemandBasis, Scenario};
use chrono::{Datelike, NaiveDate};
use gas_core::dataset::{Dataset, DemandSector, ZoneKind};
use gas_core::period::days_in_month;
use gas_core::system::{CurtailmentTranche, Demand, Production};
use gas_core::units::{EurPerMwh, GwhPerDay};
use gas_core::{Sector, ZoneId};
use std::collections::BTreeMap;

type Monthly = BTreeMap<(String, i32, u32), [Option<f64>; 5]>;

fn slot(sector: DemandSector) -> usize {
    match sector {
        DemandSector::Sector(Sector::HouseholdsServices) => 0,
        DemandSector::Sector(Sector::Power) => 1,
        DemandSector::Sector(Sector::Industry) => 2,
        DemandSector::Sector(Sector::Other) => 3,
        DemandSector::Total => 4,
    }
}

/// The four sector values (GWh over the month) of a monthly entry, splitting a total if needed.
fn sectors_of(entry: &[Option<f64>; 5], eu_shares: Option<[f64; 4]>) -> Option<[f64; 4]> {
    if entry[..4].iter().any(Option::is_some) {
        return Some([0, 1, 2, 3].map(|i| entry[i].unwrap_or(0.0)));
    }
    let total = entry[4]?;
    let shares = eu_shares?;
    Some(shares.map(|s| s * total))
}

pub(super) fn add(draft: &mut Draft, dataset: &Dataset, scenario: &Scenario) {
    let period = draft.period();
    let mut monthly: Monthly = BTreeMap::new();
    for row in &dataset.demand_monthly {
        let value = row.demand_twh.value() * 1000.0;
        if value.is_finite() {
            monthly
                .entry((row.zone.clone(), row.year, row.month))
                .or_insert([None; 5])[slot(row.sector)] = Some(value);
        }
    }
    // EU-wide sector shares per (year, month), for zones with only totals.
    let mut sums: BTreeMap<(i32, u32), [f64; 4]> = BTreeMap::new();
    for ((_, year, month), entry) in &monthly {
        if entry[..4].iter().all(Option::is_some) {
            let sum = sums.entry((*year, *month)).or_insert([0.0; 4]);
            for i in 0..4 {
                sum[i] += entry[i].unwrap_or(0.0);
            }
        }
    }
    let shares = |year: i32, month: u32| -> Option<[f64; 4]> {
        let sum = sums.get(&(year, month))?;
        let total: f64 = sum.iter().sum();
        (total > 0.0).then(|| sum.map(|v| v / total))
    };
    let mut daily: BTreeMap<(String, NaiveDate), f64> = BTreeMap::new();
    for row in &dataset.demand_daily {
        if row.sector == DemandSector::Total && row.demand_gwh_d.value().is_finite() {
            daily.insert((row.zone.clone(), row.date), row.demand_gwh_d.value());
        }
    }

    if let DemandBasis::Year(year) = scenario.demand.value {
        if !monthly.keys().any(|(_, y, _)| *y == year) {
            let mut years: Vec<i32> = monthly.keys().map(|(_, y, _)| *y).collect();
            years.sort_unstable();
            years.dedup();
            let listed = years
                .iter()
                .map(|y| y.to_string())
                .collect::<Vec<_>>()
                .join(", ");
            let error = scenario.demand.loc.error(
                format!("a year with monthly demand in the dataset ({listed})"),
                year.to_string(),
            );
            draft.errors.push(error);
            return;
        }
    }

    let zone_codes: Vec<String> = draft.system.zones.iter().map(|z| z.code.clone()).collect();
    let mut without = Vec::new();
    let mut transit = Vec::new();
    let mut substituted: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (zone, code) in zone_codes.iter().enumerate() {
        if dataset.zones[zone].kind == ZoneKind::Transit {
            transit.push(code.clone());
            continue;
        }
        let mut series: [Vec<f64>; 4] = Default::default();
        let mut any = false;
        for date in period.dates() {
            let values = match scenario.demand.value {
                DemandBasis::Year(year) => year_day(&monthly, &daily, &shares, code, year, date),
                DemandBasis::Actual => actual_day(
                    &monthly,
                    &daily,
                    &shares,
                    code,
                    date,
                    substituted.entry(code.clone()).or_default(),
                ),
            };
            any |= values.is_some();
            let values = values.unwrap_or([0.0; 4]);
            for i in 0..4 {
                series[i].push(values[i].max(0.0));
            }
        }
        if !any {
            without.push(code.clone());
            continue;
        }
        if own_supply_zone(draft, dataset, zone) {
            // Norway: Gassco's deliveries (which cap its export routes) exclude
            // domestic use, and Norway imports no gas, so its inland consumption
            // is met by production outside those deliveries (assumption).
            let total: Vec<GwhPerDay> = (0..period.days)
                .map(|day| GwhPerDay(series.iter().map(|s| s[day]).sum()))
                .collect();
            draft.system.production.push(Production {
                zone: ZoneId::from_index(zone),
                max_gwh_d: total,
                min_gwh_d: vec![GwhPerDay::ZERO; period.days],
                price_eur_mwh: draft.ttf.iter().map(|p| EurPerMwh(*p)).collect(),
            });
            draft.warnings.push(format!(
                "production {code}: domestic consumption met by domestic production equal to it (outside the export deliveries that cap its routes)"
            ));
        }
        for (i, sector) in Sector::ALL.into_iter().enumerate() {
            if series[i].iter().all(|v| *v == 0.0) {
                continue;
            }
            draft.system.demands.push(Demand {
                zone: ZoneId::from_index(zone),
                sector,
                demand_gwh_d: series[i].iter().map(|v| GwhPerDay(*v)).collect(),
                curtailment: Vec::new(),
            });
        }
    }
    if !transit.is_empty() {
        draft.warnings.push(format!(
            "demand: {} transit zones ({}) are modelled in their transit role only: their own supply (e.g. TR: TANAP, Iran, LNG, Blue Stream; MD: entry from UA) is not in the open data, so their demand is not built",
            transit.len(),
            transit.join(", ")
        ));
    }
    if !without.is_empty() {
        let basis = match scenario.demand.value {
            DemandBasis::Year(year) => format!(
                "demand_monthly.csv has no rows for {year} (the scenario's demand year)"
            ),
            DemandBasis::Actual => "neither demand_monthly.csv (any year) nor demand_daily.csv (the period's days) has demand".to_string(),
        };
        draft.warnings.push(format!(
            "demand: {basis} for {} zone{} ({}): built without demand (they consume nothing in this run)",
            without.len(),
            if without.len() == 1 { "" } else { "s" },
            without.join(", ")
        ));
    }
    for (code, notes) in substituted {
        if !notes.is_empty() {
            draft
                .warnings
                .push(format!("demand {code}: {}", notes.join("; ")));
        }
    }
}

/// A producer zone that is also a supply origin (Norway): its export routes are
/// capped by its deliveries, and its own consumption by its own production.
fn own_supply_zone(draft: &Draft, dataset: &Dataset, zone: usize) -> bool {
    let record = &dataset.zones[zone];
    record.kind == ZoneKind::Producer && draft.origin(&record.id).is_some()
}

/// Default cost of the fuel-switching step, EUR per MWh of gas replaced: the
/// highest, over the period's days, of the day's TTF and Brent in EUR/MWh
/// (the alternative fuel's cost per MWh, `MMBTU_PER_BARREL`; no efficiency or
/// CO2 adjustment). Supply is priced at TTF, so a step below the period's
/// highest TTF would be an economic switch on the dearest months (which the
/// demand basis does not net out); at this level the step is used only when
/// gas is physically short (its local value exceeds every market price of the
/// period), at no less than the cost of the alternative fuel (assumption).
pub(crate) fn fuel_switching_cost(draft: &Draft) -> f64 {
    draft
        .ttf
        .iter()
        .zip(&draft.brent)
        .map(|(ttf, brent)| ttf.max(brent.unwrap_or(0.0)))
        .fold(0.0, f64::max)
}

fn year_day(
    monthly: &Monthly,
    daily: &BTreeMap<(String, NaiveDate), f64>,
    shares: &dyn Fn(i32, u32) -> Option<[f64; 4]>,
    zone: &str,
    year: i32,
    date: NaiveDate,
) -> Option<[f64; 4]> {
    let month = date.month();
    let entry = monthly.get(&(zone.to_string(), year, month))?;
    let sectors = sectors_of(entry, shares(year, month))?;
    let n = days_in_month(year, month);
    let day = date.day().min(n);
    let flat = sectors.map(|v| v / f64::from(n));
    // Shape by the observed daily totals of that month, when complete.
    let mut month_days = Vec::with_capacity(n as usize);
    for d in 1..=n {
        let Some(value) = NaiveDate::from_ymd_opt(year, month, d)
            .and_then(|dt| daily.get(&(zone.to_string(), dt)))
        else {
            return Some(flat);
        };
        month_days.push(*value);
    }
    let mean = month_days.iter().sum::<f64>() / f64::from(n);
    if mean <= 0.0 {
        return Some(flat);
    }
    let factor = month_days[(day - 1) as usize] / mean;
    Some(flat.map(|v| v * factor))
}

fn actual_day(
    monthly: &Monthly,
    daily: &BTreeMap<(String, NaiveDate), f64>,
    shares: &dyn Fn(i32, u32) -> Option<[f64; 4]>,
    zone: &str,
    date: NaiveDate,
    notes: &mut Vec<String>,
) -> Option<[f64; 4]> {
    let month = date.month();
    if monthly.contains_key(&(zone.to_string(), date.year(), month)) {
        return year_day(monthly, daily, shares, zone, date.year(), date);
    }
    // The month's entry of the nearest year that has one.
    let nearest = monthly
        .iter()
        .filter(|((z, _, m), _)| z == zone && *m == month)
        .min_by_key(|((_, y, _), _)| ((y - date.year()).abs(), -y))
        .map(|((_, y, _), entry)| (*y, entry));
    let split = nearest.and_then(|(y, entry)| sectors_of(entry, shares(y, month)).map(|s| (y, s)));
    if let Some(total) = daily.get(&(zone.to_string(), date)) {
        let (y, sectors) = match split {
            Some(split) => split,
            None => (date.year(), shares(date.year(), month)?),
        };
        let sum: f64 = sectors.iter().sum();
        if sum <= 0.0 {
            return None;
        }
        if y != date.year() {
            let note = format!("sector split of {y} used for {}", date.year());
            if !notes.contains(&note) {
                notes.push(note);
            }
        }
        return Some(sectors.map(|v| v / sum * total));
    }
    let (y, sectors) = split?;
    let note = if y == date.year() {
        "days without an observed total use the monthly demand, flat".to_string()
    } else {
        format!("days without an observed total use the monthly demand of {y}, flat")
    };
    if !notes.contains(&note) {
        notes.push(note);
    }
    Some(sectors.map(|v| v / f64::from(days_in_month(y, month))))
}

pub(super) fn finalise(draft: &mut Draft, scenario: &Scenario) {
    let days = draft.period().days;
    let penalties = scenario.curtailment;
    let derived = fuel_switching_cost(draft);
    let default_cost = penalties.fuel_switching.unwrap_or(derived);
    for d in 0..draft.system.demands.len() {
        let zone = draft.system.demands[d].zone.index();
        let sector = draft.system.demands[d].sector;
        for day in 0..days {
            let layers = &draft.layers;
            let mut factor = 1.0;
            if let Some(change) = layers.get(Param::DemandShock(zone, sector), day) {
                factor *= 1.0 + change;
            }
            if sector == Sector::HouseholdsServices {
                if let Some(uplift) = layers.get(Param::ColdSpell(zone), day) {
                    factor *= 1.0 + uplift;
                }
            }
            if let Some(share) = layers.get(Param::DemandReduction(zone, sector), day) {
                factor *= 1.0 - share;
            }
            let value = &mut draft.system.demands[d].demand_gwh_d[day];
            *value = GwhPerDay((value.value() * factor).max(0.0));
        }
        let curtailment = if sector == Sector::Power {
            let cost = draft
                .fuel_switching
                .get(&zone)
                .map(|(c, _)| *c)
                .filter(|c| c.is_finite())
                .unwrap_or(default_cost);
            let share: Vec<f64> = (0..days)
                .map(|day| {
                    draft
                        .layers
                        .get(Param::FuelSwitchingShare(zone), day)
                        .unwrap_or(penalties.fuel_switching_share)
                })
                .collect();
            if share.iter().any(|s| *s > 0.0) {
                let rest = share.iter().map(|s| 1.0 - s).collect();
                vec![
                    tranche("fuel switching", share, cost),
                    tranche("power", rest, penalties.power),
                ]
            } else {
                vec![tranche("power", vec![1.0; days], penalties.power)]
            }
        } else {
            let all = vec![1.0; days];
            vec![tranche(sector.code(), all, penalties.penalty(sector))]
        };
        draft.system.demands[d].curtailment = curtailment;
    }
}

fn tranche(label: &str, share_by_day: Vec<f64>, penalty: f64) -> CurtailmentTranche {
    CurtailmentTranche {
        label: label.to_string(),
        share_by_day,
        penalty_eur_mwh: EurPerMwh(penalty),
    }
}
