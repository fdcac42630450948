//! Typed keys of the LP's columns and rows.
//!
//! Every column and row of a [`crate::formulation::Formulation`] carries one of
//! these keys, so primal values and duals map back to the system without
//! parsing strings; [`ColKey::name`] and [`RowKey::name`] give readable names
//! for MPS export (`pipeline_flow[DE>PL][2022-03-01]`).
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

fn code_or_index<T>(items: &[T], index: usize, code: impl Fn(&T) -> &str) -> String {
    items
        .get(index)
        .map_or_else(|| format!("#{index}"), |item| clean(code(item)))
}

fn zone(system: &System, id: ZoneId) -> String {
    code_or_index(&system.zones, id.index(), |z| &z.code)
}

fn date(system: &System, day: usize) -> String {
    system.period.date(day).to_string()
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

    /// A readable, MPS-safe name such as `pipeline_flow[DE>PL][2022-03-01]`.
    pub fn name(self, system: &System) -> String {
        let d = date(system, self.day());
        match self {
            ColKey::PipelineFlow(p, _) => format!(
                "pipeline_flow[{}][{d}]",
                code_or_index(&system.pipelines, p.index(), |x| &x.code)
            ),
            ColKey::RouteFlow(r, _) => format!(
                "route_flow[{}][{d}]",
                code_or_index(&system.routes, r.index(), |x| &x.code)
            ),
            ColKey::LngTranche(l, k, _) => {
                let origin = system
                    .lng_supplies
                    .get(l.index())
                    .map(|s| code_or_index(&system.origins, s.origin.index(), |o| &o.code))
                    .unwrap_or_else(|| format!("#{}", l.0));
                format!("lng_tranche[{origin}#{}][{k}][{d}]", l.0)
            }
            ColKey::LngSendout(l, _) => format!(
                "lng_sendout[{}][{d}]",
                code_or_index(&system.lng_terminals, l.index(), |x| &x.code)
            ),
            ColKey::Production(p, _) => {
                let z = system
                    .production
                    .get(p.index())
                    .map(|x| zone(system, x.zone))
                    .unwrap_or_default();
                format!("production[{z}#{}][{d}]", p.0)
            }
            ColKey::StorageInjection(s, _) => format!(
                "storage_injection[{}][{d}]",
                code_or_index(&system.storages, s.index(), |x| &x.code)
            ),
            ColKey::StorageWithdrawal(s, _) => format!(
                "storage_withdrawal[{}][{d}]",
                code_or_index(&system.storages, s.index(), |x| &x.code)
            ),
            ColKey::StorageLevel(s, k, _) => format!(
                "storage_level[{}][{k}][{d}]",
                code_or_index(&system.storages, s.index(), |x| &x.code)
            ),
            ColKey::Curtailment(dm, k, _) => {
                let (z, sector) = system
                    .demands
                    .get(dm.index())
                    .map(|x| (zone(system, x.zone), x.sector.code()))
                    .unwrap_or_default();
                format!("curtailment[{z}:{sector}#{}][{k}][{d}]", dm.0)
            }
            ColKey::LocalToHub(z, _) => format!("local_to_hub[{}][{d}]", zone(system, z)),
            ColKey::HubToLocal(z, _) => format!("hub_to_local[{}][{d}]", zone(system, z)),
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
    pub fn name(self, system: &System) -> String {
        let d = date(system, self.day());
        let storage = |s: StorageId| code_or_index(&system.storages, s.index(), |x| &x.code);
        match self {
            RowKey::ZoneBalance(z, _) => format!("zone_balance[{}][{d}]", zone(system, z)),
            RowKey::ZoneLocalBalance(z, _) => {
                format!("zone_local_balance[{}][{d}]", zone(system, z))
            }
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
