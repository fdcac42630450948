//! Coarse levels for solving a whole period coarse to fine
//! ([`gas_lp::Solver::solve_coarse_to_fine`]): each entity's rows and columns merged over
//! blocks of days (64, 32, …, 2 days; blocks shorter than the period only), then, when a
//! storage level has several segments (filling targets, the fill balance's quarters), one
//! level of single days. Every coarse level merges a storage-day's segments into one arc
//! (their costs averaged): parallel segments of a convex cost make each level redo the
//! balancing between storages (europe(1): 607k pivots with the segments kept, 98k merged).
//! Merged rows add their balances, so capacities add up and a level carried through a
//! block costs every day of it; the coarse optimum is a guess at the storage plan of the
//! whole period that the next level refines, and the last one splits each merged level
//! cheapest segment first. Block sizes by measurement on `synthetic::europe(1)`
//! (`BENCHMARKS.md`).

use std::collections::HashMap;

use crate::formulation::Formulation;
use crate::keys::{ColKey, RowKey};

/// Block lengths in days, coarsest first; halving down to 2 (3-day last levels were
/// twice as slow).
const BLOCKS: [usize; 6] = [64, 32, 16, 8, 4, 2];

/// `(row_groups, col_groups)` of each level, coarsest first.
pub(crate) fn levels(f: &Formulation) -> Vec<(Vec<u32>, Vec<u32>)> {
    let start = f.days.start;
    let days = f.days.len();
    // Entities: keys with the day set to the window's first day, numbered in order of
    // first appearance (deterministic).
    let (row_entity, row_entities) = number(f.rows.iter().map(|k| row_with_day(*k, start)));
    let (col_entity, _) = number(f.cols.iter().map(|k| merged_bands(k.with_day(start))));
    // The last coarse level keeps every day but merges a storage-day's level segments,
    // when there are several.
    let merges_bands = f
        .cols
        .iter()
        .any(|k| matches!(k, ColKey::StorageLevel(_, band, _) if *band > 0));
    BLOCKS
        .iter()
        .copied()
        .filter(|&b| b < days)
        .chain(merges_bands.then_some(1))
        .map(|b| {
            let blocks = days.div_ceil(b);
            let rows = f
                .rows
                .iter()
                .zip(&row_entity)
                .map(|(k, &e)| (e as usize * blocks + (k.day() - start) / b) as u32)
                .collect();
            let cols = f
                .cols
                .iter()
                .zip(&col_entity)
                .map(|(k, &e)| (e as usize * blocks + (k.day() - start) / b) as u32)
                .collect();
            debug_assert!(row_entities * blocks < u32::MAX as usize);
            (rows, cols)
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

/// The key of a storage level's first segment for any of its segments: coarse levels merge
/// the segments (filling targets, fill-balance quarters) into one arc.
fn merged_bands(key: ColKey) -> ColKey {
    match key {
        ColKey::StorageLevel(s, _, d) => ColKey::StorageLevel(s, 0, d),
        other => other,
    }
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
