//! What a dispatch run produces, day by day, indexed like the [`System`] it solved.
//!
//! Every `Vec<Daily<_>>` is indexed `[component][day]`, where the component
//! index is the matching id of the system (`pipeline_flow_gwh_d[p.index()][t]`).

use crate::period::Period;
use crate::system::{Daily, System};
use crate::units::{EurPerMwh, Gwh, GwhPerDay};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The outcome of the solver for a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    /// An optimal dispatch was found (shortfalls, if any, are curtailment in the results).
    Optimal,
    /// The hard constraints (minimum flows, floors, fixed inflows) cannot all hold.
    Infeasible,
    /// The objective has no lower bound (a data error such as a negative price with unlimited supply).
    Unbounded,
    /// The solver stopped on its iteration or time limit.
    Stopped,
}

/// Daily results of one dispatch run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// The days solved.
    pub period: Period,
    /// How the solve ended.
    pub status: RunStatus,
    /// The days solved, counted from the first day of the period: all of them when
    /// `status` is [`RunStatus::Optimal`]. A run stops at the first solve window that
    /// is not solved to optimality, and the days from that window's first day on are
    /// unsolved: every daily value of those days is NaN ("not a number": unknown),
    /// never a made-up 0, and result files leave them empty ([`Results::unsolved_days`]).
    pub solved_days: usize,
    /// Objective value in thousand EUR (`GWh x EUR/MWh`), penalties included.
    pub objective_keur: f64,
    /// Flow on each pipeline (from -> to), `[pipeline][day]`.
    pub pipeline_flow_gwh_d: Vec<Daily<GwhPerDay>>,
    /// Flow on each import route, `[route][day]`.
    pub route_flow_gwh_d: Vec<Daily<GwhPerDay>>,
    /// Send-out of each LNG terminal, `[terminal][day]`.
    pub lng_sendout_gwh_d: Vec<Daily<GwhPerDay>>,
    /// LNG taken from each origin's supply (all tranches), `[lng supply][day]`.
    pub lng_supply_gwh_d: Vec<Daily<GwhPerDay>>,
    /// LNG taken per price tranche, `[lng supply][tranche][day]` (the ledger values each at its price).
    pub lng_tranche_gwh_d: Vec<Vec<Daily<GwhPerDay>>>,
    /// Output of each production, `[production][day]`.
    pub production_gwh_d: Vec<Daily<GwhPerDay>>,
    /// Storage level at the end of each day, `[storage][day]`.
    pub storage_level_gwh: Vec<Daily<Gwh>>,
    /// Injection into each storage, `[storage][day]`.
    pub storage_injection_gwh_d: Vec<Daily<GwhPerDay>>,
    /// Withdrawal from each storage, `[storage][day]`.
    pub storage_withdrawal_gwh_d: Vec<Daily<GwhPerDay>>,
    /// Withdrawal capacity in force each day after the fill curve, `[storage][day]`.
    pub storage_withdrawal_limit_gwh_d: Vec<Daily<GwhPerDay>>,
    /// Demand curtailed, `[demand][day]` (served = demand - curtailed).
    pub curtailed_gwh_d: Vec<Daily<GwhPerDay>>,
    /// Demand curtailed per merit-order tranche, `[demand][tranche][day]`.
    pub curtailed_by_tranche_gwh_d: Vec<Vec<Daily<GwhPerDay>>>,
    /// Shadow price of each zone's daily balance: the cost of one more MWh of demand, `[zone][day]`.
    pub zone_price_eur_mwh: Vec<Daily<EurPerMwh>>,
    /// Human-readable notes on how the run went (refinement passes, windows solved, ...).
    pub notes: Vec<String>,
}

impl Results {
    /// Results of the right shape for `system`, all zero, with the given status and
    /// every day counted as solved.
    pub fn zeroed(system: &System, status: RunStatus) -> Results {
        let days = system.period.days;
        let flows = |count: usize| vec![vec![GwhPerDay::ZERO; days]; count];
        Results {
            period: system.period,
            status,
            solved_days: days,
            objective_keur: 0.0,
            pipeline_flow_gwh_d: flows(system.pipelines.len()),
            route_flow_gwh_d: flows(system.routes.len()),
            lng_sendout_gwh_d: flows(system.lng_terminals.len()),
            lng_supply_gwh_d: flows(system.lng_supplies.len()),
            lng_tranche_gwh_d: system
                .lng_supplies
                .iter()
                .map(|supply| flows(supply.tranches.len()))
                .collect(),
            production_gwh_d: flows(system.production.len()),
            storage_level_gwh: vec![vec![Gwh::ZERO; days]; system.storages.len()],
            storage_injection_gwh_d: flows(system.storages.len()),
            storage_withdrawal_gwh_d: flows(system.storages.len()),
            storage_withdrawal_limit_gwh_d: flows(system.storages.len()),
            curtailed_gwh_d: flows(system.demands.len()),
            curtailed_by_tranche_gwh_d: system
                .demands
                .iter()
                .map(|demand| flows(demand.curtailment.len()))
                .collect(),
            zone_price_eur_mwh: vec![vec![EurPerMwh::ZERO; days]; system.zones.len()],
            notes: Vec::new(),
        }
    }

    /// The day indices that were not solved (empty when every day was).
    pub fn unsolved_days(&self) -> Range<usize> {
        self.solved_days.min(self.period.days)..self.period.days
    }

    /// True when every day of the period was solved.
    pub fn is_complete(&self) -> bool {
        self.unsolved_days().is_empty()
    }

    /// Marks the days from `first` on as unsolved: [`Results::solved_days`] becomes
    /// `first` (if smaller) and every daily value of those days NaN.
    pub fn mark_unsolved_from(&mut self, first: usize) {
        self.solved_days = self.solved_days.min(first);
        let from = self.solved_days;
        fn blank<T: Copy + std::ops::Mul<f64, Output = T>>(series: &mut [T], from: usize) {
            for value in series.iter_mut().skip(from) {
                *value = *value * f64::NAN;
            }
        }
        for series in self
            .pipeline_flow_gwh_d
            .iter_mut()
            .chain(&mut self.route_flow_gwh_d)
            .chain(&mut self.lng_sendout_gwh_d)
            .chain(&mut self.lng_supply_gwh_d)
            .chain(self.lng_tranche_gwh_d.iter_mut().flatten())
            .chain(&mut self.production_gwh_d)
            .chain(&mut self.storage_injection_gwh_d)
            .chain(&mut self.storage_withdrawal_gwh_d)
            .chain(&mut self.storage_withdrawal_limit_gwh_d)
            .chain(&mut self.curtailed_gwh_d)
            .chain(self.curtailed_by_tranche_gwh_d.iter_mut().flatten())
        {
            blank(series, from);
        }
        for series in &mut self.storage_level_gwh {
            blank(series, from);
        }
        for series in &mut self.zone_price_eur_mwh {
            blank(series, from);
        }
    }
}
