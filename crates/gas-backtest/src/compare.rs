//! Simulated against observed storage fill: the comparison rows and the error statistics.
//!
//! Fill is gas in storage as a percentage of working gas. The simulated fill
//! of a zone is the end-of-day level of its storages over their working gas;
//! the EU fill sums the levels and working gas of the EU member zones. Errors
//! are **simulated − observed**, in percentage points (pp).

use crate::observe::{Observations, EU};
use chrono::NaiveDate;
use gas_core::{Results, System};

/// The dates the error table reports: 1 April, 1 July, 1 October, 1 November 2022 and 1 April 2023.
pub const KEY_DATES: [(i32, u32, u32); 5] = [
    (2022, 4, 1),
    (2022, 7, 1),
    (2022, 10, 1),
    (2022, 11, 1),
    (2023, 4, 1),
];

/// How far (days, either side) the nearest observation of a key date may be. The
/// dataset has AGSI+ snapshots, not daily levels, around 1 April 2022 (nearest
/// 22 April) and 1 April 2023 (18 March, 22 April): three weeks lets every key date
/// be compared; the date used is always shown.
pub const KEY_DATE_WINDOW_DAYS: i64 = 21;

/// One compared observation.
#[derive(Debug, Clone, PartialEq)]
pub struct BacktestRow {
    /// Gas day.
    pub date: NaiveDate,
    /// Zone code or `EU`.
    pub zone: String,
    /// Observed fill, percent of working gas.
    pub observed_fill_pct: f64,
    /// Simulated fill at the end of the day, percent of working gas.
    pub simulated_fill_pct: f64,
    /// `simulated − observed`, percentage points.
    pub error_pp: f64,
}

/// The error on one key date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeyDateError {
    /// The date asked for.
    pub target: NaiveDate,
    /// The observation used: the date itself or the nearest within ±[`KEY_DATE_WINDOW_DAYS`]; `None` = none.
    pub used: Option<NaiveDate>,
    /// Its error, pp.
    pub error_pp: Option<f64>,
}

/// Error statistics of one zone (or the EU).
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneStats {
    /// Zone code or `EU`.
    pub zone: String,
    /// Whether the zone is an EU member (true for `EU` itself).
    pub eu_member: bool,
    /// Working gas of the zone's storage in the system, TWh.
    pub working_gas_twh: f64,
    /// Number of compared observations.
    pub observations: usize,
    /// Mean absolute error, pp.
    pub mean_abs_error_pp: f64,
    /// The error of largest magnitude (signed), pp, and its date.
    pub worst: (f64, NaiveDate),
    /// Errors on the [`KEY_DATES`].
    pub key_dates: Vec<KeyDateError>,
}

/// A simulated fill series (every day of the period), for charts.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulatedSeries {
    /// Zone code or `EU`.
    pub zone: String,
    /// Fill at the end of each day, percent.
    pub fill_pct: Vec<f64>,
}

/// The result of a comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct BacktestTable {
    /// First day of the simulated period.
    pub start: NaiveDate,
    /// Every compared observation, by zone (EU first, then by working gas, largest first) then date.
    pub rows: Vec<BacktestRow>,
    /// Statistics in the same zone order.
    pub zones: Vec<ZoneStats>,
    /// Simulated fill per zone, same order.
    pub simulated: Vec<SimulatedSeries>,
}

impl BacktestTable {
    /// The statistics of `zone`.
    pub fn zone(&self, zone: &str) -> Option<&ZoneStats> {
        self.zones.iter().find(|z| z.zone == zone)
    }

    /// The rows of `zone`.
    pub fn rows_of<'a>(&'a self, zone: &'a str) -> impl Iterator<Item = &'a BacktestRow> + 'a {
        self.rows.iter().filter(move |row| row.zone == zone)
    }
}

/// Compares the simulated storage fill of `results` (dispatched `system`) with
/// `observations` on every observed date inside the period.
///
/// Zones without storage in the system or without an observation in the
/// period are left out; the `EU` row is compared when the observations have
/// it and some EU member zone has storage.
pub fn compare(system: &System, results: &Results, observations: &Observations) -> BacktestTable {
    let period = system.period;
    let days = period.days;
    // Simulated level and working gas per zone code.
    let mut zones: Vec<(String, bool, f64, Vec<f64>)> = Vec::new();
    for (s, storage) in system.storages.iter().enumerate() {
        let code = &system.zones[storage.zone.index()].code;
        let working = storage.working_gas_gwh.0;
        let levels = results.storage_level_gwh.get(s);
        let index = match zones.iter().position(|z| &z.0 == code) {
            Some(index) => index,
            None => {
                let member = observations.eu_members.contains(code);
                zones.push((code.clone(), member, 0.0, vec![0.0; days]));
                zones.len() - 1
            }
        };
        zones[index].2 += working;
        for (day, slot) in zones[index].3.iter_mut().enumerate() {
            *slot += levels.and_then(|l| l.get(day)).map_or(0.0, |l| l.0);
        }
    }
    zones.sort_by(|a, b| b.2.total_cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    let mut eu = (EU.to_string(), true, 0.0, vec![0.0; days]);
    for zone in zones.iter().filter(|z| z.1) {
        eu.2 += zone.2;
        for (total, level) in eu.3.iter_mut().zip(&zone.3) {
            *total += level;
        }
    }
    let mut all = Vec::with_capacity(zones.len() + 1);
    if eu.2 > 0.0 {
        all.push(eu);
    }
    all.extend(zones);

    let key_dates: Vec<NaiveDate> = KEY_DATES
        .iter()
        .filter_map(|(y, m, d)| NaiveDate::from_ymd_opt(*y, *m, *d))
        .collect();
    let mut table = BacktestTable {
        start: period.start,
        rows: Vec::new(),
        zones: Vec::new(),
        simulated: Vec::new(),
    };
    for (code, member, working, levels) in all {
        if working <= 0.0 {
            continue;
        }
        let fill: Vec<f64> = levels.iter().map(|level| level / working * 100.0).collect();
        let rows: Vec<BacktestRow> = observations
            .rows
            .iter()
            .filter(|obs| obs.zone == code)
            .filter_map(|obs| {
                let day = period.index_of(obs.date)?;
                let simulated = fill[day];
                Some(BacktestRow {
                    date: obs.date,
                    zone: code.clone(),
                    observed_fill_pct: obs.fill_pct,
                    simulated_fill_pct: simulated,
                    error_pp: simulated - obs.fill_pct,
                })
            })
            .collect();
        let Some(stats) = zone_stats(&code, member, working / 1000.0, &rows, &key_dates) else {
            continue;
        };
        table.zones.push(stats);
        table.rows.extend(rows);
        table.simulated.push(SimulatedSeries {
            zone: code,
            fill_pct: fill,
        });
    }
    table
}

/// Statistics of one zone's rows (sorted by date); `None` without rows.
pub fn zone_stats(
    zone: &str,
    eu_member: bool,
    working_gas_twh: f64,
    rows: &[BacktestRow],
    key_dates: &[NaiveDate],
) -> Option<ZoneStats> {
    let first = rows.first()?;
    let mut worst = (first.error_pp, first.date);
    for row in rows {
        if row.error_pp.abs() > worst.0.abs() {
            worst = (row.error_pp, row.date);
        }
    }
    let mean = rows.iter().map(|row| row.error_pp.abs()).sum::<f64>() / rows.len() as f64;
    let key_dates = key_dates
        .iter()
        .map(|&target| {
            let used = nearest(
                rows.iter().map(|row| row.date),
                target,
                KEY_DATE_WINDOW_DAYS,
            );
            KeyDateError {
                target,
                used,
                error_pp: used
                    .and_then(|d| rows.iter().find(|row| row.date == d))
                    .map(|row| row.error_pp),
            }
        })
        .collect();
    Some(ZoneStats {
        zone: zone.to_string(),
        eu_member,
        working_gas_twh,
        observations: rows.len(),
        mean_abs_error_pp: mean,
        worst,
        key_dates,
    })
}

/// The date of `dates` nearest to `target` within ±`window` days (the earlier one on a tie).
pub fn nearest(
    dates: impl Iterator<Item = NaiveDate>,
    target: NaiveDate,
    window: i64,
) -> Option<NaiveDate> {
    dates
        .filter(|date| (*date - target).num_days().abs() <= window)
        .min_by_key(|date| ((*date - target).num_days().abs(), *date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::observe::Observation;
    use gas_core::system::{DispatchSettings, FillCurve, Storage, Zone};
    use gas_core::units::{EurPerMwh, Gwh, GwhPerDay};
    use gas_core::{Period, RunStatus, ZoneId};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn storage(zone: usize, working: f64, days: usize) -> Storage {
        Storage {
            code: format!("UGS-{zone}"),
            zone: ZoneId::from_index(zone),
            working_gas_gwh: Gwh(working),
            initial_level_gwh: Gwh(0.0),
            injection_capacity_gwh_d: vec![GwhPerDay(1.0); days],
            withdrawal_capacity_gwh_d: vec![GwhPerDay(1.0); days],
            withdrawal_curve: FillCurve::flat(),
            injection_curve: FillCurve::flat(),
            targets: vec![],
            floor_gwh: vec![Gwh(0.0); days],
            value_eur_mwh: vec![EurPerMwh(0.0); days],
        }
    }

    /// Two zones over three days (1-3 July 2022):
    /// AA working gas 100 GWh, levels 50, 60, 70 → fill 50, 60, 70 %;
    /// BB working gas 300 GWh, levels 150, 150, 120 → fill 50, 50, 40 %;
    /// EU (both members) 400 GWh: 200, 210, 190 → 50, 52.5, 47.5 %.
    fn fixture() -> (System, Results, Observations) {
        let period = Period::from_dates(date(2022, 7, 1), date(2022, 7, 3)).unwrap();
        let system = System {
            period,
            zones: vec![
                Zone {
                    code: "AA".into(),
                    name: "A".into(),
                },
                Zone {
                    code: "BB".into(),
                    name: "B".into(),
                },
            ],
            origins: vec![],
            pipelines: vec![],
            routes: vec![],
            lng_terminals: vec![],
            lng_supplies: vec![],
            production: vec![],
            storages: vec![storage(0, 100.0, 3), storage(1, 300.0, 3)],
            demands: vec![],
            settings: DispatchSettings::default(),
        };
        let mut results = Results::zeroed(&system, RunStatus::Optimal);
        results.storage_level_gwh = vec![
            vec![Gwh(50.0), Gwh(60.0), Gwh(70.0)],
            vec![Gwh(150.0), Gwh(150.0), Gwh(120.0)],
        ];
        let obs = |d: u32, zone: &str, fill: f64| Observation {
            date: date(2022, 7, d),
            zone: zone.into(),
            fill_pct: fill,
        };
        let observations = Observations {
            rows: vec![
                obs(1, "AA", 52.0), // error -2
                obs(3, "AA", 65.0), // error +5
                obs(2, "BB", 50.0), // error 0
                obs(3, "BB", 44.0), // error -4
                obs(2, "EU", 50.0), // error +2.5
                obs(9, "EU", 50.0), // outside the period: ignored
            ],
            eu_members: vec!["AA".into(), "BB".into()],
        };
        (system, results, observations)
    }

    #[test]
    fn errors_mean_worst_and_key_dates_by_hand() {
        let (system, results, observations) = fixture();
        let table = compare(&system, &results, &observations);
        let order: Vec<&str> = table.zones.iter().map(|z| z.zone.as_str()).collect();
        assert_eq!(order, ["EU", "BB", "AA"]);

        let aa = table.zone("AA").unwrap();
        assert_eq!(aa.observations, 2);
        assert!((aa.mean_abs_error_pp - 3.5).abs() < 1e-12); // (2 + 5) / 2
        assert_eq!(aa.worst, (5.0, date(2022, 7, 3)));
        // 1 July 2022 observed exactly: -2; the other key dates have no observation within 21 days.
        let july = aa.key_dates[1];
        assert_eq!(july.used, Some(date(2022, 7, 1)));
        assert!((july.error_pp.unwrap() + 2.0).abs() < 1e-12);
        assert_eq!(aa.key_dates[0].used, None);
        assert_eq!(aa.key_dates[2].error_pp, None);

        let bb = table.zone("BB").unwrap();
        assert!((bb.mean_abs_error_pp - 2.0).abs() < 1e-12); // (0 + 4) / 2
        assert_eq!(bb.worst, (-4.0, date(2022, 7, 3)));
        // 1 July not observed: the nearest is 2 July (1 day away), error 0.
        assert_eq!(bb.key_dates[1].used, Some(date(2022, 7, 2)));
        assert_eq!(bb.key_dates[1].error_pp, Some(0.0));

        let eu = table.zone("EU").unwrap();
        assert_eq!(eu.observations, 1);
        assert!((eu.worst.0 - 2.5).abs() < 1e-12);
        assert!((table.simulated[0].fill_pct[2] - 47.5).abs() < 1e-12);
        assert_eq!(table.rows.len(), 5);
        assert!((table.rows[0].simulated_fill_pct - 52.5).abs() < 1e-12);
    }

    #[test]
    fn non_members_stay_out_of_the_eu_aggregate() {
        let (system, results, mut observations) = fixture();
        observations.eu_members = vec!["AA".into()];
        let table = compare(&system, &results, &observations);
        // EU = AA only: 60 % on 2 July, observed 50 → +10.
        assert!((table.zone("EU").unwrap().worst.0 - 10.0).abs() < 1e-12);
        assert!(!table.zone("BB").unwrap().eu_member);
    }

    #[test]
    fn nearest_prefers_the_closest_then_the_earlier_date() {
        let dates = [date(2022, 9, 27), date(2022, 10, 5), date(2022, 10, 11)];
        assert_eq!(
            nearest(dates.into_iter(), date(2022, 10, 1), 7),
            Some(date(2022, 9, 27))
        );
        assert_eq!(
            nearest(dates.into_iter(), date(2022, 10, 8), 7),
            Some(date(2022, 10, 5))
        );
        assert_eq!(nearest(dates.into_iter(), date(2022, 12, 1), 7), None);
    }
}
