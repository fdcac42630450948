//! Deterministic synthetic systems of European size, for benchmarks.
//!
//! [`europe`] builds, from a seed, a system shaped like the real one: about 40
//! zones on a meshed grid with about 150 directed pipelines, import routes from
//! five pipeline origins (one cut off part-way), an LNG pool fed by 8 origins in
//! 3 price tranches each, production, storage with fill curves and filling
//! targets, and demand in three sectors with 4 curtailment tranches each. The
//! same seed always gives the same system. The figures are plausible, not data.

use chrono::NaiveDate;
use gas_core::system::*;
use gas_core::units::*;
use gas_core::*;

/// Shape of a synthetic system.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shape {
    /// Number of zones.
    pub zones: usize,
    /// Number of days (from 2021-10-01).
    pub days: usize,
    /// Undirected interconnections beyond the ring (each gives two directed pipelines).
    pub extra_links: usize,
}

impl Default for Shape {
    /// 40 zones, 456 days (2021-10-01 to 2022-12-30), 75 links (150 directed pipelines).
    fn default() -> Self {
        Shape {
            zones: 40,
            days: 456,
            extra_links: 35,
        }
    }
}

/// SplitMix64: a tiny deterministic generator (no dependency, same on every platform).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `[lo, hi)`.
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        let unit = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        lo + (hi - lo) * unit
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// The default Europe-sized system for `seed`.
pub fn europe(seed: u64) -> System {
    europe_with(seed, Shape::default())
}

/// A synthetic system of the given shape for `seed`.
pub fn europe_with(seed: u64, shape: Shape) -> System {
    let mut rng = Rng(seed ^ 0x6761_7362_7566_6665);
    let days = shape.days.max(1);
    let n = shape.zones.max(2);
    let start = NaiveDate::from_ymd_opt(2021, 10, 1).unwrap_or_default();
    let flow = |v: f64| vec![GwhPerDay(v); days];
    let price = |v: f64| vec![EurPerMwh(v); days];
    // Winter factor: 1 in summer, up to 2 in mid-January (day 107 from Oct 1).
    let season: Vec<f64> = (0..days)
        .map(|t| {
            let phase = (t as f64 - 107.0) / 365.0 * std::f64::consts::TAU;
            1.0 + 0.5 * (1.0 + phase.cos())
        })
        .collect();

    let zones: Vec<Zone> = (0..n)
        .map(|z| {
            let code = format!(
                "{}{}",
                (b'A' + (z / 26) as u8) as char,
                (b'A' + (z % 26) as u8) as char
            );
            Zone {
                name: format!("Zone {code}"),
                code,
            }
        })
        .collect();
    let origin_codes = ["RU", "NO", "DZ", "AZ", "LY", "US", "QA", "NG"];
    let lng_codes = ["US", "QA", "RU", "NG", "DZ", "NO", "EG", "TT"];
    let mut origins: Vec<Origin> = origin_codes
        .iter()
        .map(|c| Origin {
            code: c.to_string(),
            name: c.to_string(),
        })
        .collect();
    for code in ["EG", "TT"] {
        origins.push(Origin {
            code: code.into(),
            name: code.into(),
        });
    }
    let origin_id =
        |code: &str| OriginId::from_index(origins.iter().position(|o| o.code == code).unwrap_or(0));

    // Pipelines: a ring plus random chords, both directions.
    let ring = if n == 2 { 1 } else { n };
    let mut links: Vec<(usize, usize)> = (0..ring).map(|z| (z, (z + 1) % n)).collect();
    let mut guard = 0;
    while links.len() < ring + shape.extra_links && guard < 10_000 {
        guard += 1;
        let a = rng.below(n);
        let step = 2 + rng.below(5);
        let b = (a + step) % n;
        if a != b
            && !links
                .iter()
                .any(|&(x, y)| (x, y) == (a, b) || (x, y) == (b, a))
        {
            links.push((a, b));
        }
    }
    let mut pipelines = Vec::new();
    for &(a, b) in &links {
        let cap = rng.range(100.0, 600.0);
        for (from, to) in [(a, b), (b, a)] {
            pipelines.push(Pipeline {
                code: format!("{}>{}", zones[from].code, zones[to].code),
                from: ZoneId::from_index(from),
                to: ZoneId::from_index(to),
                capacity_gwh_d: flow(cap * rng.range(0.7, 1.0)),
                tariff_eur_mwh: EurPerMwh(rng.range(0.3, 1.5)),
            });
        }
    }

    // Routes: 15 from five pipeline origins into zones; Russian routes cut off on day 240.
    let mut routes = Vec::new();
    for r in 0..15 {
        let origin = origin_codes[r % 5];
        let entry = rng.below(n);
        let cap = rng.range(150.0, 900.0);
        let base = rng.range(20.0, 30.0);
        let capacity = (0..days)
            .map(|t| GwhPerDay(if origin == "RU" && t >= 240 { 0.0 } else { cap }))
            .collect();
        let price_series = (0..days)
            .map(|t| {
                EurPerMwh(
                    base * (1.0 + 0.4 * (season[t] - 1.0)) + if t >= 150 { 40.0 } else { 0.0 },
                )
            })
            .collect();
        routes.push(Route {
            code: format!("{origin}-{r}"),
            origin: origin_id(origin),
            entry: ZoneId::from_index(entry),
            capacity_gwh_d: capacity,
            min_flow_gwh_d: flow(0.0),
            price_eur_mwh: price_series,
        });
    }

    // LNG: 8 origins x 3 tranches; terminals in every third zone.
    let lng_supplies = lng_codes
        .iter()
        .map(|code| {
            let volume = rng.range(80.0, 400.0);
            let base = rng.range(30.0, 60.0);
            LngSupply {
                origin: origin_id(code),
                tranches: (0..3)
                    .map(|k| SupplyTranche {
                        capacity_gwh_d: flow(volume * [0.5, 0.3, 0.2][k]),
                        min_gwh_d: flow(0.0),
                        price_eur_mwh: price(base * [1.0, 1.3, 1.8][k]),
                    })
                    .collect(),
            }
        })
        .collect();
    let lng_terminals = (0..n)
        .step_by(3)
        .map(|z| LngTerminal {
            code: format!("LNG-{}", zones[z].code),
            zone: ZoneId::from_index(z),
            sendout_capacity_gwh_d: flow(rng.range(100.0, 500.0)),
            min_sendout_gwh_d: flow(0.0),
        })
        .collect();

    // Production in every fourth zone.
    let production = (0..n)
        .step_by(4)
        .map(|z| {
            let max = rng.range(50.0, 400.0);
            Production {
                zone: ZoneId::from_index(z),
                max_gwh_d: flow(max),
                min_gwh_d: flow(0.0),
                price_eur_mwh: price(rng.range(10.0, 25.0)),
            }
        })
        .collect();

    // Demand: three sectors per zone, 4 curtailment tranches each.
    let mut demands = Vec::new();
    let mut zone_base = Vec::with_capacity(n);
    for z in 0..n {
        let base = rng.range(50.0, 400.0);
        zone_base.push(base);
        for (sector, share, seasonal, penalties) in [
            (
                Sector::HouseholdsServices,
                0.45,
                1.0,
                [400.0, 800.0, 1500.0, 3000.0],
            ),
            (Sector::Power, 0.3, 0.4, [80.0, 150.0, 300.0, 600.0]),
            (Sector::Industry, 0.25, 0.1, [120.0, 200.0, 350.0, 700.0]),
        ] {
            let series = (0..days)
                .map(|t| GwhPerDay(base * share * (1.0 + seasonal * (season[t] - 1.0))))
                .collect();
            let labels = ["fuel switching", "reduction", "curtailment", "protected"];
            demands.push(Demand {
                zone: ZoneId::from_index(z),
                sector,
                demand_gwh_d: series,
                curtailment: (0..4)
                    .map(|k| {
                        CurtailmentTranche::constant(
                            labels[k],
                            [0.15, 0.25, 0.3, 0.3][k],
                            days,
                            EurPerMwh(penalties[k] * rng.range(0.9, 1.1)),
                        )
                    })
                    .collect(),
            });
        }
    }

    // Storage in most zones: working gas about 60 days of base demand, half full at the start.
    let target_date = NaiveDate::from_ymd_opt(2022, 11, 1).unwrap_or(start);
    let storages = (0..n)
        .filter(|z| z % 5 != 4)
        .map(|z| {
            let working = zone_base[z] * rng.range(40.0, 80.0);
            Storage {
                code: format!("UGS-{}", zones[z].code),
                zone: ZoneId::from_index(z),
                working_gas_gwh: Gwh(working),
                initial_level_gwh: Gwh(working * rng.range(0.5, 0.8)),
                injection_capacity_gwh_d: flow(working / 120.0),
                withdrawal_capacity_gwh_d: flow(working / 60.0),
                withdrawal_curve: FillCurve {
                    points: vec![(0.0, 0.35), (0.3, 0.8), (0.6, 1.0), (1.0, 1.0)],
                },
                injection_curve: FillCurve {
                    points: vec![(0.0, 1.0), (0.7, 1.0), (1.0, 0.6)],
                },
                targets: if (start + chrono::Duration::days(days as i64 - 1)) >= target_date {
                    vec![FillTarget {
                        date: target_date,
                        min_fill: 0.8,
                        penalty_eur_mwh: EurPerMwh(150.0),
                    }]
                } else {
                    vec![]
                },
                floor_gwh: vec![Gwh(0.0); days],
                value_eur_mwh: price(rng.range(40.0, 60.0)),
            }
        })
        .collect();

    System {
        period: Period { start, days },
        zones,
        origins,
        pipelines,
        routes,
        lng_terminals,
        lng_supplies,
        production,
        storages,
        demands,
        settings: DispatchSettings::default(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_synthetic_system_is_valid_deterministic_and_european_sized() {
        let a = super::europe(7);
        assert!(gas_core::validate::validate(&a).is_ok());
        assert_eq!(a, super::europe(7));
        assert_eq!(a.zones.len(), 40);
        assert_eq!(a.pipelines.len(), 150);
        assert_eq!(a.period.days, 456);
        assert_eq!(a.lng_supplies.len(), 8);
        assert!(a.lng_supplies.iter().all(|s| s.tranches.len() == 3));
        assert!(a.demands.iter().all(|d| d.curtailment.len() == 4));
    }
}
