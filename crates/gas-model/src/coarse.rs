//! Coarse levels for solving a whole period coarse to fine
//! ([`gas_lp::Solver::solve_coarse_to_fine`]): each entity's rows and columns merged over
//! blocks of days (64, 32, …, 2 days; blocks shorter than the period only), then, when
//! the fill balance splits storage levels into bands, one level of single days.
//!
//! - Blocks also end on each filling-target day, so that a target's segments are level
//!   arcs between blocks at every level (a target inside a block is lost to the level,
//!   and finding it again cost the next levels ~60k pivots on `synthetic::europe(1)`).
//! - Every coarse level merges a storage-day's fill-balance bands that share a target
//!   part into one arc (their costs averaged): the bands' convex cost makes every level
//!   redo the balancing between storages (europe(1): 607k pivots with quarters kept).
//!   The single-day level still merges them; the full problem splits each merged level
//!   cheapest band first.
//!
//! Merged rows add their balances, so capacities add up and a level carried through a
//! block costs every day of it; the coarse optimum is a guess at the storage plan of the
//! whole period that the next level refines. Block sizes by measurement on
//! `synthetic::europe(1)` (`BENCHMARKS.md`).

use std::collections::HashMap;

use gas_core::System;

use crate::formulation::Formulation;
use crate::keys::{ColKey, RowKey};
use crate::storage::level_segments;

/// Block lengths in days, coarsest first; halving down to 2 (3-day last levels were
/// twice as slow).
const BLOCKS: [usize; 6] = [64, 32, 16, 8, 4, 2];

/// `(row_groups, col_groups)` of each level, coarsest first.
pub(crate) fn levels(f: &Formulation, system: &System) -> Vec<(Vec<u32>, Vec<u32>)> {
    let start = f.days.start;
    let days = f.days.len();
    // Entities: keys with the day set to the window's first day and level segments by
    // their target part, numbered in order of first appearance (deterministic).
    let (row_entity, row_entities) = number(f.rows.iter().map(|k| row_with_day(*k, start)));
    let merged = merged_keys(&f.cols, system);
    let (col_entity, _) = number(merged.iter().map(|k| k.with_day(start)));
    let merges_bands = merged.iter().zip(&f.cols).any(|(m, k)| m != k);
    let target_days = target_days(system);
    BLOCKS
        .iter()
        .copied()
        .filter(|&b| b < days)
        .chain(merges_bands.then_some(1))
        .map(|b| {
            // Block of each day: a new block every b days and after each target day.
            let mut block = 0;
            let block_of: Vec<usize> = (0..days)
                .map(|slot| {
                    let after_target =
                        slot > 0 && target_days.binary_search(&(start + slot - 1)).is_ok();
                    block += usize::from(slot > 0 && (slot % b == 0 || after_target));
                    block
                })
                .collect();
            let blocks = block + 1;
            let rows = f
                .rows
                .iter()
                .zip(&row_entity)
                .map(|(k, &e)| (e as usize * blocks + block_of[k.day() - start]) as u32)
                .collect();
            let cols = f
                .cols
                .iter()
                .zip(&col_entity)
                .map(|(k, &e)| (e as usize * blocks + block_of[k.day() - start]) as u32)
                .collect();
            debug_assert!(row_entities * blocks < u32::MAX as usize);
            (rows, cols)
        })
        .collect()
}

/// The days of the period with a filling target on some storage, sorted.
fn target_days(system: &System) -> Vec<usize> {
    let mut days: Vec<usize> = system
        .storages
        .iter()
        .flat_map(|s| &s.targets)
        .filter_map(|t| system.period.index_of(t.date))
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

/// The key that each column is merged under: for a level segment, the first segment of
/// its storage-day with the same filling-target part (cost without the fill balance's
/// reward); other keys are their own.
fn merged_keys(cols: &[ColKey], system: &System) -> Vec<ColKey> {
    // The target part of each segment of the storage-day last looked up (a storage-day's
    // segments are consecutive columns).
    let mut parts: Option<((usize, usize), Vec<f64>)> = None;
    cols.iter()
        .map(|&key| {
            let ColKey::StorageLevel(s, k, d) = key else {
                return key;
            };
            let Some(storage) = system.storages.get(s.index()) else {
                return key;
            };
            if parts.as_ref().is_none_or(|(at, _)| *at != (s.index(), d)) {
                let segments = level_segments(storage, d, system).segments;
                let values = segments.iter().map(|g| g.cost + g.balance_reward).collect();
                parts = Some(((s.index(), d), values));
            }
            let values = parts.as_ref().map_or(&[][..], |(_, v)| v.as_slice());
            let part = values.get(k);
            let first = (0..k).find(|&i| values.get(i) == part).unwrap_or(k);
            ColKey::StorageLevel(s, first, d)
        })
        .collect()
}

/// Dense ids for equal keys, in order of first appearance, and how many.
fn number<K: std::hash::Hash + Eq>(keys: impl Iterator<Item = K>) -> (Vec<u32>, usize) {
    let mut ids = HashMap::new();
    let out = keys
        .map(|k| {
            let next = ids.len() as u32;
            *ids.entry(k).or_insert(next)
        })
        .collect();
    (out, ids.len())
}

/// The same row key on another day.
fn row_with_day(key: RowKey, day: usize) -> RowKey {
    match key {
        RowKey::ZoneBalance(z, _) => RowKey::ZoneBalance(z, day),
        RowKey::ZoneLocalBalance(z, _) => RowKey::ZoneLocalBalance(z, day),
        RowKey::LngPool(_) => RowKey::LngPool(day),
        RowKey::StorageBalance(s, _) => RowKey::StorageBalance(s, day),
        RowKey::WithdrawalCurve(s, k, _) => RowKey::WithdrawalCurve(s, k, day),
        RowKey::InjectionCurve(s, k, _) => RowKey::InjectionCurve(s, k, day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formulation::build;
    use crate::testing::*;
    use crate::{window_input, RunOptions};
    use gas_core::system::FillTarget;
    use gas_core::units::EurPerMwh;

    /// 10 days, one zone with a storage (working gas 100) and a filling target at the end
    /// of day 4 (slot 4): 50 % at 300 EUR/MWh; the fill balance on. Day 4's level is split into
    /// eighths: four segments below the target (target part −300) and four above (0);
    /// every other day has the eight bands (target part 0).
    fn system() -> gas_core::System {
        let mut b = Builder::new(10);
        let z = b.zone("AA");
        b.flat_demand(z, 5.0, 500.0);
        let s = b.storage(z, 100.0, 50.0, 10.0, 10.0);
        b.system.storages[s.index()].targets.push(FillTarget {
            date: date(3, 5),
            min_fill: 0.5,
            penalty_eur_mwh: EurPerMwh(300.0),
        });
        b.system.settings.storage_balance_eur_mwh_day = EurPerMwh(1e-4);
        b.system
    }

    #[test]
    fn blocks_end_on_target_days_and_bands_merge_by_target_part() {
        let system = system();
        let f = build(
            &system,
            &window_input(&system, 0..10, vec![50.0], &RunOptions::default()),
        );
        let levels = levels(&f, &system);
        // Blocks of 8, 4 and 2 days (the period is 10 days), then single days.
        assert_eq!(levels.len(), 4);
        let level_cols = |day: usize| -> Vec<usize> {
            (0..f.cols.len())
                .filter(|&j| matches!(f.cols[j], ColKey::StorageLevel(_, _, d) if d == day))
                .collect()
        };
        let balance_row = |day: usize| {
            f.rows
                .iter()
                .position(|k| matches!(k, RowKey::StorageBalance(_, d) if *d == day))
                .unwrap()
        };
        for (rows, cols) in &levels {
            // Day 4 ends a block at every level: its storage row and day 5's differ.
            assert_ne!(rows[balance_row(4)], rows[balance_row(5)]);
            // Day 4's four segments below the target merge, and the four above.
            let day4 = level_cols(4);
            assert_eq!(day4.len(), 8);
            assert!(day4[..4].iter().all(|&j| cols[j] == cols[day4[0]]));
            assert!(day4[4..].iter().all(|&j| cols[j] == cols[day4[4]]));
            assert_ne!(cols[day4[3]], cols[day4[4]]);
            // Another day's eight bands merge into one.
            let day7 = level_cols(7);
            assert!(day7.iter().all(|&j| cols[j] == cols[day7[0]]));
        }
        // The blocks of 8 days: days 0-4 (cut after the target day), 5-7, 8-9.
        let (rows, _) = &levels[0];
        let block = |day: usize| rows[balance_row(day)];
        assert_eq!(block(0), block(4));
        assert_eq!(block(5), block(7));
        assert_ne!(block(7), block(8));
        assert_eq!(block(8), block(9));
    }

    #[test]
    fn without_the_balance_no_single_day_level() {
        let mut system = system();
        system.settings.storage_balance_eur_mwh_day = EurPerMwh(0.0);
        let f = build(
            &system,
            &window_input(&system, 0..10, vec![50.0], &RunOptions::default()),
        );
        // Blocks of 8, 4 and 2 days only: the target's segments are not merged.
        assert_eq!(levels(&f, &system).len(), 3);
    }
}
