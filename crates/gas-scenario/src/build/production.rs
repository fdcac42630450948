//! Annual production per zone, from `production.csv`.
//!
//! Each zone takes its figure of the requested year, or of the nearest year with one
//! (later first on a tie). National figures end earlier than the EU total (Eurostat's
//! national extract ends with 2020; the EU total is known for 2022), so in a year where
//! some EU member has no figure of its own and the EU total is known (or nearest known),
//! the EU members keep their nearest figures and [`RESIDUAL_ZONE`] takes what the total
//! leaves: the decline of EU production since 2020 came from the Groningen phase-out.
//! Should the other members alone exceed the total, every member is scaled to it instead.
//! The scenario builder and the 2022 backtest both read production through this module.

use gas_core::dataset::Dataset;
use std::collections::{BTreeMap, BTreeSet};

/// The zone that takes the difference between the EU total and the other members'
/// latest figures.
pub const RESIDUAL_ZONE: &str = "NL";

/// The `zone` code of the EU total rows of `production.csv`.
pub const EU_TOTAL: &str = "EU";

/// Where a zone's figure for a year comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ProductionBasis {
    /// The zone's own figure for the year.
    Reported,
    /// The zone's own figure of another year (the nearest with one).
    Nearest(i32),
    /// The EU total of `total_year` minus the other members' figures
    /// (for [`RESIDUAL_ZONE`]).
    EuResidual {
        /// Year of the EU total used.
        total_year: i32,
    },
    /// The zone's nearest figure (of `year`), scaled with the other members' so that the
    /// members sum to the EU total of `total_year`.
    ScaledToEuTotal {
        /// Year of the zone's own figure.
        year: i32,
        /// Year of the EU total used.
        total_year: i32,
    },
}

/// One zone's production in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ZoneYearProduction {
    /// Annual production, TWh.
    pub twh: f64,
    /// Where the figure comes from.
    pub basis: ProductionBasis,
}

/// The annual production figures of a dataset, by zone and year.
#[derive(Debug, Clone, Default)]
pub struct AnnualProduction {
    /// TWh by zone code and year (zones other than [`EU_TOTAL`]).
    zones: BTreeMap<String, BTreeMap<i32, f64>>,
    /// TWh of the EU total by year.
    eu_total: BTreeMap<i32, f64>,
    /// Zone codes of the EU members.
    eu_members: BTreeSet<String>,
}

/// The mean daily flow of `twh` produced over the calendar year `year`, GWh/d
/// (365 or 366 days).
pub fn daily_mean_gwh_d(twh: f64, year: i32) -> f64 {
    let days = if chrono::NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366.0
    } else {
        365.0
    };
    twh * 1000.0 / days
}

/// The figure of the year nearest to `year` (later first on a tie), with its year.
fn nearest(years: &BTreeMap<i32, f64>, year: i32) -> Option<(i32, f64)> {
    years
        .iter()
        .min_by_key(|(y, _)| ((**y - year).abs(), -**y))
        .map(|(y, v)| (*y, *v))
}

impl AnnualProduction {
    /// Reads the finite figures of `dataset.production` and the EU membership of its zones.
    pub fn from_dataset(dataset: &Dataset) -> AnnualProduction {
        let mut out = AnnualProduction {
            eu_members: dataset
                .zones
                .iter()
                .filter(|z| z.eu_member)
                .map(|z| z.id.clone())
                .collect(),
            ..AnnualProduction::default()
        };
        for row in &dataset.production {
            let Some(twh) = row
                .production_twh
                .map(|t| t.value())
                .filter(|t| t.is_finite())
            else {
                continue;
            };
            if row.zone == EU_TOTAL {
                out.eu_total.insert(row.year, twh);
            } else {
                out.zones
                    .entry(row.zone.clone())
                    .or_default()
                    .insert(row.year, twh);
            }
        }
        out
    }

    /// Whether `zone` has any figure, and whether any of them is above zero.
    pub fn zone_status(&self, zone: &str) -> (bool, bool) {
        match self.zones.get(zone) {
            Some(years) => (true, years.values().any(|&twh| twh > 0.0)),
            None => (false, false),
        }
    }

    /// The production of every zone with a figure in `year` (see the module docs).
    pub fn year(&self, year: i32) -> BTreeMap<String, ZoneYearProduction> {
        let mut out: BTreeMap<String, ZoneYearProduction> = BTreeMap::new();
        for (zone, years) in &self.zones {
            if let Some((used, twh)) = nearest(years, year) {
                let basis = if used == year {
                    ProductionBasis::Reported
                } else {
                    ProductionBasis::Nearest(used)
                };
                out.insert(zone.clone(), ZoneYearProduction { twh, basis });
            }
        }
        let members: Vec<String> = out
            .keys()
            .filter(|z| self.eu_members.contains(*z))
            .cloned()
            .collect();
        let substituted = members
            .iter()
            .any(|z| out[z].basis != ProductionBasis::Reported);
        let Some((total_year, total)) = nearest(&self.eu_total, year) else {
            return out;
        };
        if !substituted || members.is_empty() {
            return out;
        }
        let others: f64 = members
            .iter()
            .filter(|z| z.as_str() != RESIDUAL_ZONE)
            .map(|z| out[z].twh)
            .sum();
        if members.iter().any(|z| z == RESIDUAL_ZONE) && others <= total {
            out.insert(
                RESIDUAL_ZONE.to_string(),
                ZoneYearProduction {
                    twh: total - others,
                    basis: ProductionBasis::EuResidual { total_year },
                },
            );
        } else {
            let sum: f64 = members.iter().map(|z| out[z].twh).sum();
            if sum > 0.0 {
                for z in &members {
                    let entry = out.get_mut(z).expect("a member listed from `out`");
                    let own_year = match entry.basis {
                        ProductionBasis::Nearest(y) => y,
                        _ => year,
                    };
                    entry.twh *= total / sum;
                    entry.basis = ProductionBasis::ScaledToEuTotal {
                        year: own_year,
                        total_year,
                    };
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn annual(rows: &[(&str, i32, f64)], members: &[&str]) -> AnnualProduction {
        let mut a = AnnualProduction {
            eu_members: members.iter().map(|m| m.to_string()).collect(),
            ..AnnualProduction::default()
        };
        for &(zone, year, twh) in rows {
            if zone == EU_TOTAL {
                a.eu_total.insert(year, twh);
            } else {
                a.zones
                    .entry(zone.to_string())
                    .or_default()
                    .insert(year, twh);
            }
        }
        a
    }

    #[test]
    fn reported_years_are_used_as_they_are() {
        // 2020 has every national figure: the EU total (here deliberately different) is not
        // applied.
        let a = annual(
            &[("NL", 2020, 223.0), ("RO", 2020, 94.6), ("EU", 2020, 400.0)],
            &["NL", "RO"],
        );
        let y = a.year(2020);
        assert_eq!(y["NL"].twh, 223.0);
        assert_eq!(y["NL"].basis, ProductionBasis::Reported);
        assert_eq!(y["RO"].twh, 94.6);
    }

    #[test]
    fn the_residual_zone_takes_what_the_eu_total_leaves() {
        // 2022: no national figures; EU total 484.2. RO 94.6 + IT 42.5 = 137.1 kept at their
        // 2020 figures, NL = 484.2 - 137.1 = 347.1. RS (not a member) keeps its own figure.
        let a = annual(
            &[
                ("NL", 2020, 223.0),
                ("RO", 2020, 94.6),
                ("IT", 2020, 42.5),
                ("RS", 2020, 4.2),
                ("EU", 2022, 484.2),
            ],
            &["NL", "RO", "IT"],
        );
        let y = a.year(2022);
        assert!((y["NL"].twh - 347.1).abs() < 1e-9);
        assert_eq!(
            y["NL"].basis,
            ProductionBasis::EuResidual { total_year: 2022 }
        );
        assert_eq!(y["RO"].twh, 94.6);
        assert_eq!(y["RO"].basis, ProductionBasis::Nearest(2020));
        assert_eq!(y["RS"].twh, 4.2);
        // 2021 and 2023 use the nearest EU total (2022).
        assert!((a.year(2023)["NL"].twh - 347.1).abs() < 1e-9);
        assert!((a.year(2021)["NL"].twh - 347.1).abs() < 1e-9);
    }

    #[test]
    fn without_room_for_the_residual_the_members_are_scaled() {
        // Others 150 > total 120: every member scaled by 120 / (100 + 50 + 50) = 0.6.
        let a = annual(
            &[
                ("NL", 2020, 50.0),
                ("RO", 2020, 100.0),
                ("IT", 2020, 50.0),
                ("EU", 2022, 120.0),
            ],
            &["NL", "RO", "IT"],
        );
        let y = a.year(2022);
        assert!((y["RO"].twh - 60.0).abs() < 1e-9);
        assert!((y["NL"].twh - 30.0).abs() < 1e-9);
        assert_eq!(
            y["IT"].basis,
            ProductionBasis::ScaledToEuTotal {
                year: 2020,
                total_year: 2022
            }
        );
    }

    #[test]
    fn a_year_of_production_spreads_over_its_days() {
        // 365 TWh over 2022 (365 days) and 366 TWh over 2024 (366 days): 1000 GWh/d.
        assert_eq!(daily_mean_gwh_d(365.0, 2022), 1000.0);
        assert_eq!(daily_mean_gwh_d(366.0, 2024), 1000.0);
    }

    #[test]
    fn without_an_eu_total_the_nearest_figures_stand() {
        let a = annual(&[("NL", 2020, 223.0)], &["NL"]);
        let y = a.year(2022);
        assert_eq!(y["NL"].twh, 223.0);
        assert_eq!(y["NL"].basis, ProductionBasis::Nearest(2020));
    }
}
