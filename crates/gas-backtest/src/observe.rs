//! Observed storage fill from `storage_levels.csv`.

use chrono::NaiveDate;
use gas_core::dataset::{Dataset, LevelQuality};

/// The aggregate code of the EU27 in observations and tables.
pub const EU: &str = "EU";

/// One observed fill: a zone (or [`EU`]) on a gas day.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// Gas day (the level at the end of it).
    pub date: NaiveDate,
    /// Zone code, or [`EU`].
    pub zone: String,
    /// Gas in storage as a percentage of working gas, as published.
    pub fill_pct: f64,
}

/// The observations a backtest compares against, and which zones form the EU aggregate.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Observations {
    /// Observations, sorted by zone then date.
    pub rows: Vec<Observation>,
    /// Codes of the EU member zones (the simulated EU fill sums their storage).
    pub eu_members: Vec<String>,
}

impl Observations {
    /// Every `storage_levels.csv` row whose `quality` is not `suspect` and whose
    /// fill is a number, plus the EU member list of `zones.csv`.
    pub fn from_dataset(dataset: &Dataset) -> Observations {
        let mut rows: Vec<Observation> = dataset
            .storage_levels
            .iter()
            .filter(|row| row.quality == LevelQuality::Ok && row.full_pct.is_finite())
            .map(|row| Observation {
                date: row.date,
                zone: row.zone.clone(),
                fill_pct: row.full_pct,
            })
            .collect();
        rows.sort_by(|a, b| (a.zone.as_str(), a.date).cmp(&(b.zone.as_str(), b.date)));
        rows.dedup_by(|a, b| a.zone == b.zone && a.date == b.date);
        let eu_members = dataset
            .zones
            .iter()
            .filter(|zone| zone.eu_member)
            .map(|zone| zone.id.clone())
            .collect();
        Observations { rows, eu_members }
    }
}
