//! From a window's solution to the committed days of [`gas_core::Results`].

use crate::formulation::{Formulation, WindowInput};
use crate::keys::{ColKey, RowKey};
use crate::options::FillCurveMode;
use crate::storage::fill_of;
use gas_core::units::{EurPerMwh, Gwh, GwhPerDay};
use gas_core::{Results, System};
use gas_lp::Solution;
use std::ops::Range;

/// A value with solver noise below 1e-9 and negative zero removed.
fn clean(x: f64) -> f64 {
    if x.abs() < 1e-9 {
        0.0
    } else {
        x
    }
}

/// Writes the days `commit` of `solution` into `results`.
pub(crate) fn extract(
    system: &System,
    f: &Formulation,
    input: &WindowInput,
    solution: &Solution,
    commit: &Range<usize>,
    results: &mut Results,
) {
    for (j, key) in f.cols.iter().enumerate() {
        let day = key.day();
        if !commit.contains(&day) {
            continue;
        }
        let x = clean(solution.col_values.get(j).copied().unwrap_or(0.0));
        let flow = GwhPerDay(x);
        match *key {
            ColKey::PipelineFlow(p, _) => results.pipeline_flow_gwh_d[p.index()][day] = flow,
            ColKey::RouteFlow(r, _) => results.route_flow_gwh_d[r.index()][day] = flow,
            ColKey::LngTranche(o, k, _) => {
                results.lng_tranche_gwh_d[o.index()][k][day] = flow;
                results.lng_supply_gwh_d[o.index()][day] += flow;
            }
            ColKey::LngSendout(l, _) => results.lng_sendout_gwh_d[l.index()][day] = flow,
            ColKey::Production(p, _) => results.production_gwh_d[p.index()][day] = flow,
            ColKey::StorageInjection(s, _) => {
                results.storage_injection_gwh_d[s.index()][day] = flow
            }
            ColKey::StorageWithdrawal(s, _) => {
                results.storage_withdrawal_gwh_d[s.index()][day] = flow
            }
            ColKey::StorageLevel(s, _, _) => results.storage_level_gwh[s.index()][day] += Gwh(x),
            ColKey::Curtailment(d, k, _) => {
                results.curtailed_by_tranche_gwh_d[d.index()][k][day] = flow;
                results.curtailed_gwh_d[d.index()][day] += flow;
            }
            ColKey::LocalToHub(..) | ColKey::HubToLocal(..) => {}
        }
    }
    for (i, key) in f.rows.iter().enumerate() {
        let day = key.day();
        if !commit.contains(&day) {
            continue;
        }
        let dual = clean(solution.row_duals.get(i).copied().unwrap_or(0.0));
        match *key {
            RowKey::ZoneBalance(z, _) if !input.national_first => {
                results.zone_price_eur_mwh[z.index()][day] = EurPerMwh(dual)
            }
            RowKey::ZoneLocalBalance(z, _) => {
                results.zone_price_eur_mwh[z.index()][day] = EurPerMwh(dual)
            }
            _ => {}
        }
    }
    for (s, storage) in system.storages.iter().enumerate() {
        for day in commit.clone() {
            let slot = day - f.days.start;
            let limit = match input.curve_mode {
                FillCurveMode::Refine | FillCurveMode::Ignore => input.withdrawal_cap[s][slot],
                FillCurveMode::Exact => {
                    let before = if slot == 0 {
                        input.initial_level.get(s).copied().unwrap_or(0.0)
                    } else {
                        results.storage_level_gwh[s][day - 1].0
                    };
                    storage.withdrawal_capacity_gwh_d[day].0
                        * storage.withdrawal_curve.factor_at(fill_of(storage, before))
                }
            };
            results.storage_withdrawal_limit_gwh_d[s][day] = GwhPerDay(clean(limit));
        }
    }
}
