//! Typed keys of the LP's columns and rows.
//!
//! Every column and row of a [`crate::formulation::Formulation`] carries one of
//! these keys, so primal values and duals map back to the system without
//! parsing strings; [`ColKey::name`] and [`RowKey::name`] give readable names
//! for MPS export (`pipeline_flow[DE>PL][2022-03-01]`) from the labels in [`Names`].
//!
//! `day` is always the day index in the system's period (not in a window).

use gas_core::{
    DemandId, LngSupplyId, LngTerminalId, PipelineId, ProductionId, RouteId, StorageId, System,
    ZoneId,
};

/// What a column stands for. All columns are flows in GWh/d (levels: GWh).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ColKey {
    /// Flow on a pipeline, from its `from` zone to its `to` zone.
    PipelineFlow(PipelineId, usize),
    /// Flow on an import route into its entry zone.
    RouteFlow(RouteId, usize),
    /// LNG bought from one price tranche of an origin's supply into the day's pool.
    LngTranche(LngSupplyId, usize, usize),
    /// Send-out of an LNG terminal from the day's pool into its zone.
    LngSendout(LngTerminalId, usize),
    /// Output of a production.
    Production(ProductionId, usize),
    /// Injection into a storage (gas leaves the zone).
    StorageInjection(StorageId, usize),
    /// Withdrawal from a storage (gas enters the zone).
    StorageWithdrawal(StorageId, usize),
    /// One segment of a storage's end-of-day level (the level is the sum of its segments;
    /// segments exist to price soft filling targets). `(storage, segment, day)`.
    StorageLevel(StorageId, usize, usize),
    /// Demand curtailed in one merit-order tranche `(demand, tranche, day)`.
    Curtailment(DemandId, usize, usize),
    /// National-first only: gas the zone's local node hands to its hub (net export).
    LocalToHub(ZoneId, usize),
    /// National-first only: gas the hub hands to the zone's local node (import).
    HubToLocal(ZoneId, usize),
}

/// What a row stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RowKey {
    /// The zone's daily balance (cooperative) or its hub balance (national-first).
    ZoneBalance(ZoneId, usize),
    /// National-first only: the balance of the zone's own supply, storage and demand.
    ZoneLocalBalance(ZoneId, usize),
    /// The European LNG pool of one day.
    LngPool(usize),
    /// A storage's level balance on one day.
    StorageBalance(StorageId, usize),
    /// Exact fill-curve mode: one segment of the withdrawal curve `(storage, segment, day)`.
    WithdrawalCurve(StorageId, usize, usize),
    /// Exact fill-curve mode: one segment of the injection curve `(storage, segment, day)`.
    InjectionCurve(StorageId, usize, usize),
}

/// An MPS-safe version of a code: whitespace replaced by `_`, never empty.
fn clean(code: &str) -> String {
    let cleaned: String = code
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    if cleaned.is_empty() {
        "_".to_string()
    } else {
        cleaned
    }
}

/// Labels made unique: a label seen before gets `#index` appended.
fn unique(labels: impl Iterator<Item = String>) -> Vec<String> {
    let labels: Vec<String> = labels.collect();
    let mut seen = std::collections::HashMap::new();
    for label in &labels {
        *seen.entry(label.clone()).or_insert(0usize) += 1;
    }
    labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            if seen.get(label).copied().unwrap_or(0) > 1 {
                format!("{label}#{i}")
            } else {
                label.clone()
            }
        })
        .collect()
}

/// Unique, MPS-safe labels of every component of a system (codes, made unique
/// with `#index` where two components share one), for readable LP names.
#[derive(Debug, Clone)]
pub struct Names {
    period: gas_core::Period,
    zones: Vec<String>,
    pipelines: Vec<String>,
    routes: Vec<String>,
    lng_terminals: Vec<String>,
    lng_supplies: Vec<String>,
    production: Vec<String>,
    storages: Vec<String>,
    demands: Vec<String>,
}

impl Names {
    /// The labels of `system`'s components.
    pub fn new(system: &System) -> Names {
        let zones = unique(system.zones.iter().map(|z| clean(&z.code)));
        let zone = |id: ZoneId| {
            zones
                .get(id.index())
                .cloned()
                .unwrap_or_else(|| format!("#{}", id.0))
        };
        let origin = |i: usize| {
            system
                .origins
                .get(i)
                .map_or_else(|| format!("#{i}"), |o| clean(&o.code))
        };
        Names {
            period: system.period,
            pipelines: unique(system.pipelines.iter().map(|p| clean(&p.code))),
            routes: unique(system.routes.iter().map(|r| clean(&r.code))),
            lng_terminals: unique(system.lng_terminals.iter().map(|l| clean(&l.code))),
            lng_supplies: unique(system.lng_supplies.iter().map(|l| origin(l.origin.index()))),
            production: unique(system.production.iter().map(|p| zone(p.zone))),
            storages: unique(system.storages.iter().map(|s| clean(&s.code))),
            demands: unique(
                system
                    .demands
                    .iter()
                    .map(|d| format!("{}:{}", zone(d.zone), d.sector.code())),
            ),
            zones,
        }
    }

    fn date(&self, day: usize) -> String {
        self.period.date(day).to_string()
    }
}

fn label(labels: &[String], index: usize) -> String {
    labels
        .get(index)
        .cloned()
        .unwrap_or_else(|| format!("#{index}"))
}

impl ColKey {
    /// The day index of the column.
    pub fn day(self) -> usize {
        match self {
            ColKey::PipelineFlow(_, d)
            | ColKey::RouteFlow(_, d)
            | ColKey::LngTranche(_, _, d)
            | ColKey::LngSendout(_, d)
            | ColKey::Production(_, d)
            | ColKey::StorageInjection(_, d)
            | ColKey::StorageWithdrawal(_, d)
            | ColKey::StorageLevel(_, _, d)
            | ColKey::Curtailment(_, _, d)
            | ColKey::LocalToHub(_, d)
            | ColKey::HubToLocal(_, d) => d,
        }
    }

    /// The same key on another day.
    pub fn with_day(self, day: usize) -> ColKey {
        match self {
            ColKey::PipelineFlow(p, _) => ColKey::PipelineFlow(p, day),
            ColKey::RouteFlow(r, _) => ColKey::RouteFlow(r, day),
            ColKey::LngTranche(o, k, _) => ColKey::LngTranche(o, k, day),
            ColKey::LngSendout(l, _) => ColKey::LngSendout(l, day),
            ColKey::Production(p, _) => ColKey::Production(p, day),
            ColKey::StorageInjection(s, _) => ColKey::StorageInjection(s, day),
            ColKey::StorageWithdrawal(s, _) => ColKey::StorageWithdrawal(s, day),
            ColKey::StorageLevel(s, k, _) => ColKey::StorageLevel(s, k, day),
            ColKey::Curtailment(d, k, _) => ColKey::Curtailment(d, k, day),
            ColKey::LocalToHub(z, _) => ColKey::LocalToHub(z, day),
            ColKey::HubToLocal(z, _) => ColKey::HubToLocal(z, day),
        }
    }

    /// A readable, MPS-safe name such as `pipeline_flow[DE>PL][2022-03-01]`.
    pub fn name(self, names: &Names) -> String {
        let d = names.date(self.day());
        match self {
            ColKey::PipelineFlow(p, _) => {
                format!("pipeline_flow[{}][{d}]", label(&names.pipelines, p.index()))
            }
            ColKey::RouteFlow(r, _) => {
                format!("route_flow[{}][{d}]", label(&names.routes, r.index()))
            }
            ColKey::LngTranche(l, k, _) => format!(
                "lng_tranche[{}][{k}][{d}]",
                label(&names.lng_supplies, l.index())
            ),
            ColKey::LngSendout(l, _) => format!(
                "lng_sendout[{}][{d}]",
                label(&names.lng_terminals, l.index())
            ),
            ColKey::Production(p, _) => {
                format!("production[{}][{d}]", label(&names.production, p.index()))
            }
            ColKey::StorageInjection(s, _) => format!(
                "storage_injection[{}][{d}]",
                label(&names.storages, s.index())
            ),
            ColKey::StorageWithdrawal(s, _) => format!(
                "storage_withdrawal[{}][{d}]",
                label(&names.storages, s.index())
            ),
            ColKey::StorageLevel(s, k, _) => format!(
                "storage_level[{}][{k}][{d}]",
                label(&names.storages, s.index())
            ),
            ColKey::Curtailment(dm, k, _) => format!(
                "curtailment[{}][{k}][{d}]",
                label(&names.demands, dm.index())
            ),
            ColKey::LocalToHub(z, _) => {
                format!("local_to_hub[{}][{d}]", label(&names.zones, z.index()))
            }
            ColKey::HubToLocal(z, _) => {
                format!("hub_to_local[{}][{d}]", label(&names.zones, z.index()))
            }
        }
    }
}

impl RowKey {
    /// The day index of the row.
    pub fn day(self) -> usize {
        match self {
            RowKey::ZoneBalance(_, d)
            | RowKey::ZoneLocalBalance(_, d)
            | RowKey::LngPool(d)
            | RowKey::StorageBalance(_, d)
            | RowKey::WithdrawalCurve(_, _, d)
            | RowKey::InjectionCurve(_, _, d) => d,
        }
    }

    /// A readable, MPS-safe name such as `zone_balance[DE][2022-03-01]`.
    pub fn name(self, names: &Names) -> String {
        let d = names.date(self.day());
        let storage = |s: StorageId| label(&names.storages, s.index());
        let zone = |z: ZoneId| label(&names.zones, z.index());
        match self {
            RowKey::ZoneBalance(z, _) => format!("zone_balance[{}][{d}]", zone(z)),
            RowKey::ZoneLocalBalance(z, _) => format!("zone_local_balance[{}][{d}]", zone(z)),
            RowKey::LngPool(_) => format!("lng_pool[{d}]"),
            RowKey::StorageBalance(s, _) => format!("storage_balance[{}][{d}]", storage(s)),
            RowKey::WithdrawalCurve(s, k, _) => {
                format!("withdrawal_curve[{}][{k}][{d}]", storage(s))
            }
            RowKey::InjectionCurve(s, k, _) => {
                format!("injection_curve[{}][{k}][{d}]", storage(s))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Builder;

    #[test]
    fn names_are_unique_even_when_codes_repeat() {
        let mut b = Builder::new(1);
        let a = b.zone("DE");
        let z = b.zone("PL");
        b.pipeline(a, z, 1.0, 0.0);
        b.pipeline(a, z, 1.0, 0.0);
        let names = Names::new(&b.system);
        let first = ColKey::PipelineFlow(PipelineId(0), 0).name(&names);
        let second = ColKey::PipelineFlow(PipelineId(1), 0).name(&names);
        assert_eq!(first, "pipeline_flow[DE>PL#0][2022-03-01]");
        assert_eq!(second, "pipeline_flow[DE>PL#1][2022-03-01]");
        assert_eq!(
            RowKey::ZoneBalance(ZoneId(1), 0).name(&names),
            "zone_balance[PL][2022-03-01]"
        );
    }
}
