//! Per-zone key figures of a run and their totals over a group of zones.
//!
//! Definitions (also in `docs/outputs.md`):
//! - **buffer days**: the number of gas days the storage covered after the
//!   first disruption (or from the start of the period when there is none):
//!   the days from the disruption day through the first day the storage ends at
//!   its floor (the strategic reserve, zero without one, within
//!   [`BUFFER_TOLERANCE_SHARE`] of working gas), both included; 0 when it is
//!   at its floor already when the disruption day starts; `None` when it does
//!   not reach the floor in the period.
//! - **unserved energy**: curtailed demand summed over the period, by sector.
//! - **minimum fill**: the lowest end-of-day level as a share of working gas, and its first date.
//! - **fill on 1 November**: the end-of-day fill on the first 1 November in the period.
//! - **peak shadow price**: the highest daily shadow price of the zone balance, and its first date.
//!
//! A zone (or group) without modelled demand (none over the period) has no
//! buffer, unserved share, fill or peak price: its storage only serves other
//! zones and its shadow price is set by its neighbours' curtailment. Those
//! figures are `None`; working gas, demand (0), unserved energy (0) and fuel
//! switching (0) stay.
//!
//! A run with unsolved days ([`Results::unsolved_days`]) has no figure that depends on
//! them: sums over the period are NaN (unknown, written empty), the minimum fill, the
//! peak price and the fill on an unsolved 1 November are `None`, and the buffer days
//! are `None` unless the floor was reached on a solved day. Nothing unknown reads as 0.

use chrono::{Datelike, NaiveDate};
use gas_core::sector::Sector;
use gas_core::units::{Gwh, Twh};
use gas_core::{Results, System, ZoneId};
use serde::Serialize;

/// A storage counts as at its floor when within this share of its working gas above it.
pub const BUFFER_TOLERANCE_SHARE: f64 = 0.001;

/// The label of the curtailment step that is fuel switching: that demand is
/// served by another fuel, so it is reported apart from unserved energy.
pub const FUEL_SWITCHING_LABEL: &str = "fuel switching";

/// True when a curtailment step is fuel switching rather than gas going unserved.
pub fn is_fuel_switching(tranche: &gas_core::system::CurtailmentTranche) -> bool {
    tranche.label == FUEL_SWITCHING_LABEL
}

/// Key figures of one zone (or of a group of zones).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneKpi {
    /// Zone code, or the group's name (e.g. `EU`).
    pub zone: String,
    /// Total working-gas capacity of the zone's storage.
    pub working_gas_twh: f64,
    /// Gas days the storage covered, from the first disruption's day through the
    /// day it reached its floor (both included); `None`: not within the period,
    /// or the zone has no demand.
    pub buffer_days: Option<u32>,
    /// The date storage reached its floor, if it did.
    pub buffer_end_date: Option<NaiveDate>,
    /// Unserved energy by sector, in the order of [`Sector::ALL`] (fuel switching
    /// excluded); NaN when days are unsolved.
    pub unserved_twh_by_sector: [f64; 4],
    /// Gas demand met by switching to another fuel (the `fuel switching` curtailment
    /// step); NaN when days are unsolved.
    pub fuel_switched_twh: f64,
    /// Unserved energy, all sectors; NaN when days are unsolved.
    pub unserved_twh: f64,
    /// Unserved energy as a share of the period's demand; `None` without demand, NaN
    /// when days are unsolved.
    pub unserved_share: Option<f64>,
    /// Demand over the period.
    pub demand_twh: f64,
    /// Lowest end-of-day fill, percent of working gas (`None` without storage, without
    /// demand, or when days are unsolved).
    pub min_fill_pct: Option<f64>,
    /// First date of the lowest fill.
    pub min_fill_date: Option<NaiveDate>,
    /// Fill at the end of the first 1 November in the period, percent (`None` when that
    /// day is unsolved).
    pub fill_on_1_nov_pct: Option<f64>,
    /// Highest daily shadow price of the zone balance (EUR/MWh); `None` for a group,
    /// for a zone without demand, or when days are unsolved.
    pub peak_price_eur_mwh: Option<f64>,
    /// First date of the peak price.
    pub peak_price_date: Option<NaiveDate>,
}

/// Key figures of every zone of `system`, in zone order.
pub fn zone_kpis(
    system: &System,
    results: &Results,
    disruption_start: Option<NaiveDate>,
) -> Vec<ZoneKpi> {
    (0..system.zones.len())
        .map(|zone| {
            let zone_id = ZoneId::from_index(zone);
            let mut kpi = group_kpi(
                system,
                results,
                &[zone_id],
                &system.zones[zone].code,
                disruption_start,
            );
            let prices = &results.zone_price_eur_mwh[zone];
            let peak = first_max(prices.iter().map(|price| price.value()))
                .filter(|_| results.is_complete());
            if let (true, Some((day, price))) = (kpi.demand_twh > 0.0, peak) {
                kpi.peak_price_eur_mwh = Some(price);
                kpi.peak_price_date = Some(results.period.date(day));
            }
            kpi
        })
        .collect()
}

/// Key figures of a group of zones taken together (storage, demand and curtailment summed).
pub fn group_kpi(
    system: &System,
    results: &Results,
    zones: &[ZoneId],
    name: &str,
    disruption_start: Option<NaiveDate>,
) -> ZoneKpi {
    let days = results.period.days;
    let in_group = |zone: ZoneId| zones.contains(&zone);

    let mut working_gas = Gwh::ZERO;
    let mut initial_level_gwh = 0.0;
    let mut level = vec![0.0; days];
    let mut floor = vec![0.0; days];
    for (index, storage) in system.storages.iter().enumerate() {
        if !in_group(storage.zone) {
            continue;
        }
        working_gas += storage.working_gas_gwh;
        initial_level_gwh += storage.initial_level_gwh.value();
        for day in 0..days {
            level[day] += results.storage_level_gwh[index][day].value();
            floor[day] += storage
                .floor_gwh
                .get(day)
                .map_or(0.0, |floor| floor.value());
        }
    }

    let mut unserved_by_sector = [0.0; 4];
    let mut fuel_switched_gwh = 0.0;
    let mut demand_total = Gwh::ZERO;
    for (index, demand) in system.demands.iter().enumerate() {
        if !in_group(demand.zone) {
            continue;
        }
        let sector = Sector::ALL
            .iter()
            .position(|sector| *sector == demand.sector)
            .unwrap_or(0);
        for (step, tranche) in demand.curtailment.iter().enumerate() {
            let curtailed: f64 = results.curtailed_by_tranche_gwh_d[index][step]
                .iter()
                .map(|c| c.value())
                .sum();
            if is_fuel_switching(tranche) {
                fuel_switched_gwh += curtailed;
            } else {
                unserved_by_sector[sector] += curtailed / 1000.0;
            }
        }
        demand_total += Gwh(demand.demand_gwh_d.iter().map(|d| d.value()).sum());
    }
    let unserved_twh: f64 = unserved_by_sector.iter().sum();
    let demand_twh = Twh::from(demand_total).value();
    let complete = results.is_complete();

    let has_demand = demand_twh > 0.0;
    // Fill and buffer describe a storage serving the zone's own demand.
    let storage_serves_demand = working_gas.value() > 0.0 && has_demand;
    let fill_pct = |day: usize| 100.0 * level[day] / working_gas.value();
    let (min_fill_pct, min_fill_date) = if storage_serves_demand && complete {
        match first_min((0..days).map(fill_pct)) {
            Some((day, fill)) => (Some(fill), Some(results.period.date(day))),
            None => (None, None),
        }
    } else {
        (None, None)
    };
    let fill_on_1_nov_pct = if storage_serves_demand {
        results
            .period
            .dates()
            .position(|date| date.month() == 11 && date.day() == 1)
            .map(fill_pct)
            .filter(|fill| fill.is_finite())
    } else {
        None
    };

    let first_day = disruption_start
        .and_then(|date| {
            if date < results.period.start {
                Some(0)
            } else {
                results.period.index_of(date)
            }
        })
        .unwrap_or(0);
    let tolerance = BUFFER_TOLERANCE_SHARE * working_gas.value();
    // Unsolved days (NaN levels) never count as at the floor.
    let depleted_day = if storage_serves_demand {
        (first_day..days).find(|&day| level[day] <= floor[day] + tolerance)
    } else {
        None
    };
    // The level when the disruption day starts: the end of the day before, or the
    // initial level on the first day of the period.
    let start_level_gwh = match first_day {
        0 => initial_level_gwh,
        day => level.get(day - 1).copied().unwrap_or(initial_level_gwh),
    };
    let empty_at_start =
        |day: usize| start_level_gwh <= floor.get(day).copied().unwrap_or(0.0) + tolerance;
    let buffer_days = match depleted_day {
        // Already at the floor: the buffer covered no day.
        Some(day) if day == first_day && empty_at_start(day) => Some(0),
        // Gas days first_day..=day.
        Some(day) => Some((day - first_day + 1) as u32),
        None if storage_serves_demand || !has_demand => None,
        None => Some(0),
    };

    ZoneKpi {
        zone: name.to_string(),
        working_gas_twh: Twh::from(working_gas).value(),
        buffer_days,
        buffer_end_date: depleted_day.map(|day| results.period.date(day)),
        unserved_twh_by_sector: unserved_by_sector,
        fuel_switched_twh: fuel_switched_gwh / 1000.0,
        unserved_twh,
        unserved_share: has_demand.then(|| unserved_twh / demand_twh),
        demand_twh,
        min_fill_pct,
        min_fill_date,
        fill_on_1_nov_pct,
        peak_price_eur_mwh: None,
        peak_price_date: None,
    }
}

/// Values within this share of the extreme (at least of 1) count as equal to it when
/// `first_max` and `first_min` pick its first day: a level the solver carries over
/// unchanged, or a price repeated, differs in its last bits from day to day, and
/// that noise must not move the date past the first day showing the same figure.
pub const EXTREME_TIE_TOLERANCE_SHARE: f64 = 1e-9;

/// The first index whose value is the largest, within
/// [`EXTREME_TIE_TOLERANCE_SHARE`] of it, and that value (NaN ignored).
fn first_max(values: impl Iterator<Item = f64>) -> Option<(usize, f64)> {
    let values: Vec<(usize, f64)> = values
        .enumerate()
        .filter(|(_, value)| value.is_finite())
        .collect();
    let largest = values
        .iter()
        .map(|&(_, value)| value)
        .fold(f64::NEG_INFINITY, f64::max);
    let tolerance = EXTREME_TIE_TOLERANCE_SHARE * largest.abs().max(1.0);
    values
        .into_iter()
        .find(|&(_, value)| value >= largest - tolerance)
}

/// The first index whose value is the smallest, within
/// [`EXTREME_TIE_TOLERANCE_SHARE`] of it, and that value (NaN ignored).
fn first_min(values: impl Iterator<Item = f64>) -> Option<(usize, f64)> {
    first_max(values.map(|value| -value)).map(|(index, value)| (index, -value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{one_zone_system, switching_then_protected};
    use gas_core::units::GwhPerDay;
    use gas_core::RunStatus;

    #[test]
    fn buffer_days_count_from_the_disruption_to_the_floor() {
        // 1000 GWh in storage, 100 GWh/d withdrawn from day 0 (2022-01-01):
        // end-of-day levels 900, 800, ..., 0 on day 9 (2022-01-10).
        // Counted from a disruption on 2022-01-03 (day 2): the storage covers the
        // gas days 3 to 10 January, 8 days.
        let system = one_zone_system(15, 1000.0, 100.0);
        let mut results = Results::zeroed(&system, RunStatus::Optimal);
        for day in 0..15 {
            let level = (1000.0 - 100.0 * (day as f64 + 1.0)).max(0.0);
            results.storage_level_gwh[0][day] = Gwh(level);
            if level == 0.0 && day > 9 {
                results.curtailed_gwh_d[0][day] = GwhPerDay(100.0);
                results.curtailed_by_tranche_gwh_d[0][0][day] = GwhPerDay(100.0);
            }
        }
        let disruption = NaiveDate::from_ymd_opt(2022, 1, 3);
        let kpi = &zone_kpis(&system, &results, disruption)[0];
        assert_eq!(kpi.buffer_days, Some(8));
        assert_eq!(kpi.buffer_end_date, NaiveDate::from_ymd_opt(2022, 1, 10));
        // Days 10..14 curtail 100 GWh/d: 5 x 100 = 500 GWh = 0.5 TWh, all households.
        assert!((kpi.unserved_twh - 0.5).abs() < 1e-12);
        assert!((kpi.unserved_twh_by_sector[0] - 0.5).abs() < 1e-12);
        // Demand 15 x 100 = 1.5 TWh, a third unserved.
        assert!((kpi.unserved_share.unwrap_or_default() - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(kpi.min_fill_pct, Some(0.0));
        assert_eq!(kpi.min_fill_date, NaiveDate::from_ymd_opt(2022, 1, 10));
    }

    #[test]
    fn fuel_switching_is_reported_apart_from_unserved_energy() {
        // Households curtail 10 GWh/d for 5 days in a fuel-switching step and 5 GWh/d in
        // a protected step: 50 GWh switched, 25 GWh unserved.
        let mut system = one_zone_system(5, 1000.0, 100.0);
        system.demands[0].curtailment = switching_then_protected(5);
        let mut results = Results::zeroed(&system, RunStatus::Optimal);
        for day in 0..5 {
            results.curtailed_by_tranche_gwh_d[0][0][day] = GwhPerDay(10.0);
            results.curtailed_by_tranche_gwh_d[0][1][day] = GwhPerDay(5.0);
            results.curtailed_gwh_d[0][day] = GwhPerDay(15.0);
        }
        let kpi = &zone_kpis(&system, &results, None)[0];
        assert!((kpi.fuel_switched_twh - 0.05).abs() < 1e-12);
        assert!((kpi.unserved_twh - 0.025).abs() < 1e-12);
    }

    #[test]
    fn a_zone_without_demand_has_no_buffer_fill_share_or_peak_price() {
        // The storage empties by 100 GWh/d into a neighbour (day 9) while the zone
        // demands nothing and its price is its neighbour's curtailment penalty.
        let mut system = one_zone_system(15, 1000.0, 0.0);
        system.demands[0].demand_gwh_d = vec![GwhPerDay(0.0); 15];
        let mut results = Results::zeroed(&system, RunStatus::Optimal);
        for day in 0..15 {
            results.storage_level_gwh[0][day] = Gwh((1000.0 - 100.0 * (day as f64 + 1.0)).max(0.0));
            results.zone_price_eur_mwh[0][day] = gas_core::units::EurPerMwh(400.0);
        }
        let kpi = &zone_kpis(&system, &results, None)[0];
        assert_eq!(kpi.demand_twh, 0.0);
        assert_eq!(kpi.working_gas_twh, 1.0);
        assert_eq!(kpi.unserved_twh, 0.0);
        assert_eq!((kpi.buffer_days, kpi.buffer_end_date), (None, None));
        assert_eq!((kpi.min_fill_pct, kpi.min_fill_date), (None, None));
        assert_eq!(kpi.fill_on_1_nov_pct, None);
        assert_eq!(kpi.unserved_share, None);
        assert_eq!((kpi.peak_price_eur_mwh, kpi.peak_price_date), (None, None));
        // The same zone with demand has them all.
        let system = one_zone_system(15, 1000.0, 100.0);
        let kpi = &zone_kpis(&system, &results, None)[0];
        assert_eq!(kpi.buffer_days, Some(10));
        assert_eq!(kpi.min_fill_pct, Some(0.0));
        assert_eq!(kpi.unserved_share, Some(0.0));
        assert_eq!(kpi.peak_price_eur_mwh, Some(400.0));
    }

    #[test]
    fn buffer_days_are_the_gas_days_the_storage_covered() {
        // 3000 GWh, 100 GWh/d from the first day of a 30-day April 2022 (no
        // disruption): empty at the end of 30 April, after 3000 / 100 = 30 gas days.
        let mut system = one_zone_system(30, 3000.0, 100.0);
        system.period.start = NaiveDate::from_ymd_opt(2022, 4, 1).unwrap_or_default();
        let mut results = Results::zeroed(&system, RunStatus::Optimal);
        for day in 0..30 {
            results.storage_level_gwh[0][day] = Gwh(3000.0 - 100.0 * (day as f64 + 1.0));
        }
        let kpi = &zone_kpis(&system, &results, None)[0];
        assert_eq!(kpi.buffer_end_date, NaiveDate::from_ymd_opt(2022, 4, 30));
        assert_eq!(kpi.buffer_days, Some(30));
        // From a disruption on 30 April the storage still covers that one day.
        let kpi = &zone_kpis(&system, &results, NaiveDate::from_ymd_opt(2022, 4, 30))[0];
        assert_eq!(kpi.buffer_days, Some(1));
    }

    #[test]
    fn a_storage_empty_before_the_disruption_covers_no_day() {
        // Empty from the end of day 4 (1000 GWh at 200 GWh/d); the disruption on
        // day 6 (2022-01-07) finds it at its floor: 0 days, ending that day.
        let system = one_zone_system(10, 1000.0, 100.0);
        let mut results = Results::zeroed(&system, RunStatus::Optimal);
        for day in 0..10 {
            results.storage_level_gwh[0][day] = Gwh((1000.0 - 200.0 * (day as f64 + 1.0)).max(0.0));
        }
        let kpi = &zone_kpis(&system, &results, NaiveDate::from_ymd_opt(2022, 1, 7))[0];
        assert_eq!(kpi.buffer_days, Some(0));
        assert_eq!(kpi.buffer_end_date, NaiveDate::from_ymd_opt(2022, 1, 7));
        // An empty initial level covers no day either.
        let mut system = one_zone_system(10, 1000.0, 100.0);
        system.storages[0].initial_level_gwh = Gwh::ZERO;
        let results = Results::zeroed(&system, RunStatus::Optimal);
        let kpi = &zone_kpis(&system, &results, None)[0];
        assert_eq!(kpi.buffer_days, Some(0));
    }

    #[test]
    fn storage_that_never_empties_has_no_buffer_end() {
        let system = one_zone_system(5, 1000.0, 100.0);
        let mut results = Results::zeroed(&system, RunStatus::Optimal);
        for day in 0..5 {
            results.storage_level_gwh[0][day] = Gwh(1000.0 - 100.0 * (day as f64 + 1.0));
        }
        let kpi = &zone_kpis(&system, &results, None)[0];
        assert_eq!(kpi.buffer_days, None);
        // Lowest level 500 of 1000 on the last day.
        assert_eq!(kpi.min_fill_pct, Some(50.0));
    }

    #[test]
    fn unsolved_days_make_their_figures_unknown_not_zero() {
        // Storage starts full (1000); days 0-2 are solved at 1000, days 3-4 are not.
        let system = one_zone_system(5, 1000.0, 100.0);
        let mut results = Results::zeroed(&system, RunStatus::Infeasible);
        for day in 0..5 {
            results.storage_level_gwh[0][day] = Gwh(1000.0);
        }
        results.mark_unsolved_from(3);
        let kpi = &zone_kpis(&system, &results, None)[0];
        assert_eq!(
            kpi.buffer_days, None,
            "the floor is not reached on a solved day"
        );
        assert_eq!(kpi.min_fill_pct, None);
        assert_eq!(kpi.min_fill_date, None);
        assert_eq!(kpi.peak_price_eur_mwh, None);
        assert!(kpi.unserved_twh.is_nan() && kpi.unserved_share.is_some_and(f64::is_nan));
        assert!(kpi.unserved_twh_by_sector[0].is_nan());
        // What is known on every day stays known: no other sector has demand, and no
        // demand has a fuel-switching step.
        assert_eq!(&kpi.unserved_twh_by_sector[1..], &[0.0; 3]);
        assert_eq!(kpi.fuel_switched_twh, 0.0);
        // Demand is an input, known on every day.
        assert!((kpi.demand_twh - 0.5).abs() < 1e-12);

        // Storage empty on solved day 1: that buffer end is known (gas days 0 and 1).
        results.storage_level_gwh[0][1] = Gwh(0.0);
        let kpi = &zone_kpis(&system, &results, None)[0];
        assert_eq!(kpi.buffer_days, Some(2));
    }

    #[test]
    fn peak_price_takes_the_first_highest_day() {
        let system = one_zone_system(4, 1000.0, 100.0);
        let mut results = Results::zeroed(&system, RunStatus::Optimal);
        results.zone_price_eur_mwh[0] = [10.0, 90.0, 90.0, 20.0]
            .map(gas_core::units::EurPerMwh)
            .to_vec();
        let kpi = &zone_kpis(&system, &results, None)[0];
        assert_eq!(kpi.peak_price_eur_mwh, Some(90.0));
        assert_eq!(kpi.peak_price_date, NaiveDate::from_ymd_opt(2022, 1, 2));
    }

    #[test]
    fn extremes_take_their_first_day_despite_solver_noise() {
        // The storage empties to 500 GWh on day 1 and holds it; the solver carries
        // the level over with noise in its last bits, lowest on day 3. The files
        // show 500 on days 1-3, so the minimum fill is first reached on day 1.
        let system = one_zone_system(5, 1000.0, 100.0);
        let mut results = Results::zeroed(&system, RunStatus::Optimal);
        results.storage_level_gwh[0] = [700.0, 500.0, 500.0 - 1e-11, 500.0 - 2e-11, 600.0]
            .map(Gwh)
            .to_vec();
        // The price peaks at 600 on day 1 and again, a rounding error higher, on day 2.
        results.zone_price_eur_mwh[0] = [300.0, 600.0, 600.0 + 1e-12, 400.0, 300.0]
            .map(gas_core::units::EurPerMwh)
            .to_vec();
        let kpi = &zone_kpis(&system, &results, None)[0];
        assert_eq!(kpi.min_fill_date, NaiveDate::from_ymd_opt(2022, 1, 2));
        assert_eq!(kpi.min_fill_pct, Some(50.0));
        assert_eq!(kpi.peak_price_date, NaiveDate::from_ymd_opt(2022, 1, 2));
        assert_eq!(kpi.peak_price_eur_mwh, Some(600.0));
    }
}
