//! A deterministic synthetic time-expanded gas network, shaped like gasbuffer's dispatch LP
//! (no real data): `zones × days` balance rows plus storage level rows, with
//!
//! - pipelines between zones (a ring both ways plus chords), per day;
//! - two supply tranches per zone and day (ground → zone), and two curtailment tranches
//!   (dear, capped at a share of the demand);
//! - storage sites: injection (zone → site), withdrawal (site → zone) and the level carried
//!   from day to day (site day t → site day t+1, capped by working-gas capacity), a fixed
//!   initial level and a final level of at least a target.
//!
//! With the default sizes (40 zones, 456 days, 12 sites) it has 23,712 rows and about
//! 130,000 columns.

#![allow(dead_code)]

use gas_lp::{Col, Problem, Row};

/// Sizes of the synthetic instance.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub zones: usize,
    pub days: usize,
    pub sites: usize,
    /// Directed pipelines per day.
    pub pipelines: usize,
}

impl Shape {
    /// About 24k rows and 129k columns.
    pub const FULL: Shape = Shape {
        zones: 40,
        days: 456,
        sites: 12,
        pipelines: 90,
    };
}

/// The instance and handles for scenario changes.
pub struct Instance {
    pub problem: Problem,
    /// Supply tranche columns, `[zone][day][tranche]`.
    pub supply: Vec<Vec<[Col; 2]>>,
    /// Balance rows, `[zone][day]`.
    pub balance: Vec<Vec<Row>>,
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        (lo + (hi - lo) * self.next()).round()
    }
}

#[allow(clippy::needless_range_loop)] // day-indexed loops over several tables
pub fn build(shape: Shape) -> Instance {
    let Shape {
        zones,
        days,
        sites,
        pipelines,
    } = shape;
    let mut rng = Rng(2022);
    let mut p = Problem::with_capacity(0, zones * days + sites * days, 0);
    // Demand: a base load and a winter peak (day 0 = 1 October).
    let base: Vec<f64> = (0..zones).map(|_| rng.range(50.0, 400.0)).collect();
    let balance: Vec<Vec<Row>> = (0..zones)
        .map(|z| {
            (0..days)
                .map(|t| {
                    let season = (2.0 * std::f64::consts::PI * (t as f64 - 110.0) / 365.0).cos();
                    let d = (base[z] * (1.0 + 0.6 * season.max(-0.8))).round();
                    p.add_row(d, d)
                })
                .collect()
        })
        .collect();
    let level: Vec<Vec<Row>> = (0..sites)
        .map(|_| (0..days).map(|_| p.add_row(0.0, 0.0)).collect())
        .collect();
    // Pipelines: ring both ways, then chords.
    let mut links = Vec::new();
    for z in 0..zones {
        links.push((z, (z + 1) % zones));
        links.push(((z + 1) % zones, z));
    }
    let mut k = 0;
    while links.len() < pipelines {
        let a = k % zones;
        let b = (a + 7 + 3 * (k / zones)) % zones;
        if a != b {
            links.push((a, b));
        }
        k += 1;
    }
    links.truncate(pipelines);
    let link_cap: Vec<f64> = links.iter().map(|_| rng.range(20.0, 200.0)).collect();
    let link_cost: Vec<f64> = links.iter().map(|_| rng.range(1.0, 5.0) / 4.0).collect();
    let supply_cap: Vec<[f64; 2]> = base
        .iter()
        .map(|&b| [(0.7 * b).round(), rng.range(0.0, 0.5 * b)])
        .collect();
    let supply_cost: Vec<[f64; 2]> = (0..zones)
        .map(|_| [rng.range(15.0, 30.0), rng.range(40.0, 90.0)])
        .collect();
    let mut supply = vec![Vec::with_capacity(days); zones];
    for t in 0..days {
        for (i, &(a, b)) in links.iter().enumerate() {
            let c = p.add_col(0.0, link_cap[i], link_cost[i]);
            p.set_coef(balance[a][t], c, -1.0);
            p.set_coef(balance[b][t], c, 1.0);
        }
        for z in 0..zones {
            let mut tranche = [Col(0); 2];
            for (j, slot) in tranche.iter_mut().enumerate() {
                let c = p.add_col(0.0, supply_cap[z][j], supply_cost[z][j]);
                p.set_coef(balance[z][t], c, 1.0);
                *slot = c;
            }
            supply[z].push(tranche);
            let d = p.row_bounds(balance[z][t]).0;
            for (share, price) in [(0.2, 600.0), (1.0, 2000.0)] {
                let c = p.add_col(0.0, (share * d).round(), price);
                p.set_coef(balance[z][t], c, 1.0);
            }
        }
    }
    // Storage sites, each attached to one zone.
    for (s, site_levels) in level.iter().enumerate() {
        let z = (s * 7) % zones;
        let capacity = rng.range(3000.0, 20000.0);
        let rate = (capacity / 60.0).round();
        for t in 0..days {
            let inject = p.add_col(0.0, rate, 0.1);
            p.set_coef(balance[z][t], inject, -1.0);
            p.set_coef(site_levels[t], inject, 1.0);
            let withdraw = p.add_col(0.0, rate, 0.1);
            p.set_coef(site_levels[t], withdraw, -1.0);
            p.set_coef(balance[z][t], withdraw, 1.0);
            if t + 1 < days {
                let carry = p.add_col(0.0, capacity, 0.001);
                p.set_coef(site_levels[t], carry, -1.0);
                p.set_coef(site_levels[t + 1], carry, 1.0);
            }
        }
        let start = (0.5 * capacity).round();
        let initial = p.add_col(start, start, 0.0);
        p.set_coef(site_levels[0], initial, 1.0);
        let last = p.add_col((0.3 * capacity).round(), capacity, -1.0);
        p.set_coef(site_levels[days - 1], last, -1.0);
    }
    Instance {
        problem: p,
        supply,
        balance,
    }
}

/// A small scenario change with the same structure: the cheap supply of `zone` is cut by
/// half from `from_day` on.
pub fn cut_supply(instance: &Instance, zone: usize, from_day: usize) -> Problem {
    let mut p = instance.problem.clone();
    for day in instance.supply[zone].iter().skip(from_day) {
        let (lower, upper) = p.col_bounds(day[0]);
        p.set_col_bounds(day[0], lower, (upper / 2.0).round());
    }
    p
}
