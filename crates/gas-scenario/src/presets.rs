//! Named presets for package measures, each with its legal source.
//!
//! ## `eu_coordinated_15pct` (demand reduction)
//!
//! Council Regulation (EU) 2022/1369 of 5 August 2022 on coordinated
//! demand-reduction measures for gas, Art. 3: Member States shall use their
//! best efforts to reduce their gas consumption between **1 August 2022 and
//! 31 March 2023** by at least **15 %** compared to their average consumption
//! in the same period of the five preceding years (1 April 2017 - 31 March 2022).
//! (Extended to 31 March 2024 by Council Regulation (EU) 2023/706.)
//!
//! Applied as a 15 % reduction of the scenario's demand (every sector of
//! every EU member zone unless the measure names zones or sectors).
//! **Approximation:** the regulation's reference is the 2017-2022 average,
//! not the scenario's demand basis; with basis year 2021 the two differ by the
//! gap between 2021 and that average.
//!
//! ## `eu_regulation_2022_1032` (storage targets)
//!
//! Regulation (EU) 2022/1032 of 29 June 2022 amending Regulation (EU)
//! 2017/1938 (Art. 6a(1)): the underground storage of each Member State must
//! be filled to at least **80 % by 1 November 2022** and **90 % by 1 November**
//! of each following year (2023, 2024 and 2025, the years the provision ran
//! in its 2022 version).
//!
//! Intermediate targets: the per-Member-State trajectory for **2024** is taken
//! from the Annex of Commission Implementing Regulation (EU) **2023/2633** of
//! 20 November 2023 (1 February, 1 May, 1 July, 1 September), see
//! [`TRAJECTORY_2024`]. The 2022 trajectory (Annex Ia of Regulation 2022/1032)
//! and the 2023 trajectory (Commission Implementing Regulation (EU) 2022/2301)
//! are **not** included: their per-country figures could not be checked
//! against the text of the acts while this preset was written, and no figure
//! is invented. Only the 1 November targets apply in 2022 and 2023.

use chrono::NaiveDate;

/// Names of the demand-reduction presets.
pub const DEMAND_REDUCTION_NAMES: [&str; 1] = ["eu_coordinated_15pct"];
/// Entry into force of Regulation (EU) 2022/1032 (Art. 3: the day following its
/// publication in the Official Journal, OJ L 173 of 30 June 2022). The builder's
/// default storage obligations apply its targets dated on or after this day.
pub const STORAGE_REGULATION_IN_FORCE: (i32, u32, u32) = (2022, 7, 1);

/// Names of the storage-target presets.
pub const STORAGE_TARGET_NAMES: [&str; 1] = ["eu_regulation_2022_1032"];

/// A demand reduction preset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DemandReductionPreset {
    /// Reduction share.
    pub share: f64,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    // The literal dates below are all valid.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

/// The demand-reduction preset named `name`.
pub fn demand_reduction(name: &str) -> Option<DemandReductionPreset> {
    match name {
        "eu_coordinated_15pct" => Some(DemandReductionPreset {
            share: 0.15,
            from: date(2022, 8, 1),
            to: date(2023, 3, 31),
        }),
        _ => None,
    }
}

/// One target of a preset: `zone` (`None` = every zone with storage), date, fill.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PresetTarget {
    /// The zone, or `None` for all.
    pub zone: Option<&'static str>,
    /// The day at whose end the target applies.
    pub date: NaiveDate,
    /// Minimum fill, share of working gas.
    pub fill: f64,
}

/// The 2024 filling trajectory, Annex of Commission Implementing Regulation (EU)
/// 2023/2633: zone, then the 1 February, 1 May, 1 July and 1 September targets in percent.
pub const TRAJECTORY_2024: [(&str, [f64; 4]); 18] = [
    ("AT", [50.0, 40.0, 58.0, 72.0]),
    ("BE", [30.0, 5.0, 40.0, 78.0]),
    ("BG", [52.0, 33.0, 55.0, 77.0]),
    ("CZ", [40.0, 25.0, 30.0, 60.0]),
    ("DE", [45.0, 10.0, 30.0, 65.0]),
    ("DK", [45.0, 40.0, 60.0, 80.0]),
    ("ES", [59.0, 60.0, 66.0, 80.0]),
    ("FR", [41.0, 11.0, 39.0, 81.0]),
    ("HR", [46.0, 29.0, 51.0, 83.0]),
    ("HU", [51.0, 37.0, 65.0, 86.0]),
    ("IT", [45.0, 36.0, 54.0, 72.0]),
    ("LV", [45.0, 41.0, 63.0, 90.0]),
    ("NL", [43.0, 30.0, 50.0, 68.0]),
    ("PL", [50.0, 35.0, 60.0, 80.0]),
    ("PT", [70.0, 70.0, 80.0, 80.0]),
    ("RO", [40.0, 41.0, 65.0, 85.0]),
    ("SE", [59.0, 30.0, 61.0, 79.0]),
    ("SK", [45.0, 20.0, 27.0, 67.0]),
];

/// The targets of the storage preset named `name`, in date order.
pub fn storage_targets(name: &str) -> Option<Vec<PresetTarget>> {
    match name {
        "eu_regulation_2022_1032" => {
            let mut targets = vec![PresetTarget {
                zone: None,
                date: date(2022, 11, 1),
                fill: 0.80,
            }];
            for year in [2023, 2024, 2025] {
                targets.push(PresetTarget {
                    zone: None,
                    date: date(year, 11, 1),
                    fill: 0.90,
                });
            }
            let months = [2, 5, 7, 9];
            for (zone, fills) in TRAJECTORY_2024 {
                for (month, fill) in months.iter().zip(fills) {
                    targets.push(PresetTarget {
                        zone: Some(zone),
                        date: date(2024, *month, 1),
                        fill: fill / 100.0,
                    });
                }
            }
            targets.sort_by(|a, b| a.date.cmp(&b.date).then(a.zone.cmp(&b.zone)));
            Some(targets)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_carry_the_legal_figures() {
        let reduction = demand_reduction("eu_coordinated_15pct").unwrap();
        assert_eq!(reduction.share, 0.15);
        assert_eq!(reduction.from, date(2022, 8, 1));
        assert_eq!(reduction.to, date(2023, 3, 31));
        let targets = storage_targets("eu_regulation_2022_1032").unwrap();
        assert_eq!(targets[0].date, date(2022, 11, 1));
        assert_eq!(targets[0].fill, 0.8);
        assert!(targets.iter().any(|t| t.zone == Some("DE")
            && t.date == date(2024, 5, 1)
            && (t.fill - 0.10).abs() < 1e-12));
        assert!(demand_reduction("nope").is_none());
        assert!(storage_targets("nope").is_none());
    }
}
