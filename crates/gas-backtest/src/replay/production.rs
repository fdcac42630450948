//! EU production fixed (min = max, flat over each year) to the builder's annual split:
//! the EU total of the nearest year, members at their latest figure and the Netherlands
//! taking the rest (`gas_scenario::build::production`).

use super::{Inputs, ReplayReport};
use chrono::Datelike;
use gas_core::units::GwhPerDay;
use gas_core::System;
use gas_scenario::build::production::{daily_mean_gwh_d, AnnualProduction, RESIDUAL_ZONE};
use std::collections::BTreeMap;

/// Fixes the production of EU member zones (see the module docs of the replay).
pub(super) fn fix_production(system: &mut System, inputs: &Inputs<'_>, report: &mut ReplayReport) {
    let period = system.period;
    let annual = AnnualProduction::from_dataset(inputs.dataset);
    let eu_production: Vec<usize> = (0..system.production.len())
        .filter(|&p| inputs.eu[system.production[p].zone.index()])
        .collect();
    let mut years = BTreeMap::new();
    for (day, date) in period.dates().enumerate() {
        let year = date.year();
        let split = years.entry(year).or_insert_with(|| annual.year(year));
        for &p in &eu_production {
            let code = &system.zones[system.production[p].zone.index()].code;
            let twh = split.get(code).map_or(0.0, |f| f.twh);
            let value = daily_mean_gwh_d(twh, year);
            let production = &mut system.production[p];
            production.max_gwh_d[day] = GwhPerDay(value);
            production.min_gwh_d[day] = GwhPerDay(value);
            report.fixed_production_twh += value / 1000.0;
        }
    }
    report.notes.push(format!(
        "production of {} EU zones fixed, flat, to the EU total of the nearest year ({:.0} TWh over the period): each member at its latest figure, {RESIDUAL_ZONE} taking the rest",
        eu_production.len(),
        report.fixed_production_twh
    ));
}
