//! EU production fixed to the EU total, placed pro rata in the zones with a figure.

use super::{Inputs, ReplayReport};
use chrono::{Datelike, NaiveDate};
use gas_core::units::GwhPerDay;
use gas_core::System;
use std::collections::BTreeMap;

/// Fixes the production of EU member zones (see the module docs of the replay).
pub(super) fn fix_production(system: &mut System, inputs: &Inputs<'_>, report: &mut ReplayReport) {
    let period = system.period;
    // Production of the EU zones.
    let mut zone_years: BTreeMap<String, BTreeMap<i32, f64>> = BTreeMap::new();
    for row in &inputs.dataset.production {
        if let Some(twh) = row
            .production_twh
            .map(|t| t.value())
            .filter(|t| t.is_finite())
        {
            zone_years
                .entry(row.zone.clone())
                .or_default()
                .insert(row.year, twh);
        }
    }
    let nearest = |years: &BTreeMap<i32, f64>, year: i32| -> Option<f64> {
        years
            .iter()
            .min_by_key(|(y, _)| ((**y - year).abs(), -**y))
            .map(|(_, v)| *v)
    };
    let eu_total = zone_years.get("EU").cloned().unwrap_or_default();
    let eu_production: Vec<usize> = (0..system.production.len())
        .filter(|&p| inputs.eu[system.production[p].zone.index()])
        .collect();
    for (day, date) in period.dates().enumerate() {
        let year = date.year();
        let figures: Vec<f64> = eu_production
            .iter()
            .map(|&p| {
                let code = &system.zones[system.production[p].zone.index()].code;
                zone_years
                    .get(code)
                    .and_then(|y| nearest(y, year))
                    .unwrap_or(0.0)
            })
            .collect();
        let sum: f64 = figures.iter().sum();
        let scale = match nearest(&eu_total, year) {
            Some(total) if sum > 0.0 => total / sum,
            _ => 1.0,
        };
        let days_in_year = if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
            366.0
        } else {
            365.0
        };
        for (&p, figure) in eu_production.iter().zip(figures) {
            let value = figure * scale * 1000.0 / days_in_year;
            let production = &mut system.production[p];
            production.max_gwh_d[day] = GwhPerDay(value);
            production.min_gwh_d[day] = GwhPerDay(value);
            report.fixed_production_twh += value / 1000.0;
        }
    }
    report.notes.push(format!(
        "production of {} EU zones fixed, scaled to the EU total of the nearest year ({:.0} TWh over the period)",
        eu_production.len(),
        report.fixed_production_twh
    ));
}
