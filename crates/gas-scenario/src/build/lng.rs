//! LNG terminals (send-out per zone) and the LNG supply pool by origin.
//!
//! # Method (assumptions)
//!
//! - **Terminals**: one aggregate terminal `LNG-<zone>` per zone, whose daily
//!   send-out capacity is the sum of the `lng_terminals.csv` rows in service that day.
//! - **Base pool**: the mean daily EU27 LNG send-out of 2021 (`LNG:EU` in
//!   `route_flows_daily.csv`), split by origin with the 2021 EU27+UK shares of
//!   LNG imports in `lng_imports_by_origin.csv` (EIA citing CEDIGAZ: US 26 %,
//!   Qatar 24 %, Russia 20 %); the remaining 30 % goes to `OTHER_LNG`
//!   ([`LNG_SHARES_2021`]). Tranche 1 of each origin is that volume at the month's TTF.
//! - **Extra cargoes**: tranche 2 of each origin offers as much again (+100 %)
//!   at the premium price `max(TTF, Asia LNG proxy) x 1.1`: cargoes bid away
//!   from Asia. (EU LNG imports roughly doubled from 2021 to 2022: 155 bcm in
//!   2022, `lng_imports_by_origin.csv`, IEEFA.)
//! - Package measures `extra_lng` add further tranches at their own price.

use super::{Draft, Param, SupplyInfo, SupplyRef};
use crate::common::Carrier;
use crate::scenario::Scenario;
use chrono::Datelike;
use gas_core::dataset::{Dataset, LngImportUnit, LngTerminalStatus};
use gas_core::period::in_window as active;
use gas_core::system::{LngSupply, LngTerminal, SupplyTranche};
use gas_core::units::{EurPerMwh, GwhPerDay};
use gas_core::{LngSupplyId, OriginId, ZoneId};

/// 2021 shares of EU27+UK LNG imports by origin (data/lng_imports_by_origin.csv,
/// EIA citing CEDIGAZ); `OTHER_LNG` is the remainder (an assumption).
pub const LNG_SHARES_2021: [(&str, f64); 4] = [
    ("US", 0.26),
    ("QA", 0.24),
    ("RU", 0.20),
    ("OTHER_LNG", 0.30),
];

/// Premium factor on `max(TTF, Asia proxy)` of the extra-cargo tranche (assumption).
pub const EXTRA_CARGO_PREMIUM: f64 = 1.1;

/// The 2021 EU27+UK shares of LNG imports by origin from `lng_imports_by_origin.csv`
/// (percent rows without a bound), the remainder to `OTHER_LNG`; [`LNG_SHARES_2021`]
/// when the table has none.
pub(crate) fn shares_2021(dataset: &Dataset) -> Vec<(String, f64)> {
    let mut shares: Vec<(String, f64)> = dataset
        .lng_imports_by_origin
        .iter()
        .filter(|r| {
            r.period == "2021"
                && r.geography == "EU27+UK"
                && r.unit == LngImportUnit::PercentOfLngImports
                && r.bound.as_deref().is_none_or(str::is_empty)
                && r.value.is_finite()
                && r.value >= 0.0
        })
        .map(|r| (r.origin.clone(), r.value / 100.0))
        .collect();
    shares.sort_by(|a, b| a.0.cmp(&b.0));
    shares.dedup_by(|a, b| a.0 == b.0);
    let sum: f64 = shares.iter().map(|(_, s)| s).sum();
    if shares.is_empty() || sum > 1.0 {
        return LNG_SHARES_2021
            .iter()
            .map(|(c, s)| (c.to_string(), *s))
            .collect();
    }
    if sum < 1.0 {
        shares.push(("OTHER_LNG".to_string(), 1.0 - sum));
    }
    shares
}

/// One row of `lng_terminals.csv` laid out over the period.
#[derive(Debug, Clone)]
pub(crate) struct TerminalRow {
    pub(crate) zone: usize,
    pub(crate) name: String,
    pub(crate) capacity: Vec<f64>,
}

/// One tranche before overrides.
#[derive(Debug, Clone)]
pub(crate) struct TrancheDraft {
    pub(crate) capacity: Vec<f64>,
    pub(crate) price: Vec<f64>,
    pub(crate) basis: String,
}

/// An origin's LNG before overrides.
#[derive(Debug, Clone)]
pub(crate) struct LngDraft {
    pub(crate) origin: usize,
    pub(crate) tranches: Vec<TrancheDraft>,
}

pub(super) fn add(draft: &mut Draft, dataset: &Dataset, _scenario: &Scenario) {
    let period = draft.period();
    for row in &dataset.lng_terminals {
        if row.status != LngTerminalStatus::Operating {
            continue;
        }
        let Some(capacity_row) = row
            .sendout_capacity_gwh_d
            .map(|c| c.value())
            .filter(|c| c.is_finite())
        else {
            draft.warnings.push(format!(
                "LNG terminal {} ({}): no send-out capacity; left out",
                row.name, row.zone
            ));
            continue;
        };
        let Some(zone) = draft.zone(&row.zone) else {
            draft.warnings.push(format!(
                "LNG terminal {}: zone {} unknown; left out",
                row.name, row.zone
            ));
            continue;
        };
        let capacity = period
            .dates()
            .map(|date| {
                if active(date, row.valid_from, row.valid_to) {
                    capacity_row.max(0.0)
                } else {
                    0.0
                }
            })
            .collect();
        draft.terminals.push(TerminalRow {
            zone,
            name: row.name.clone(),
            capacity,
        });
    }

    // Base pool: mean 2021 LNG:EU send-out.
    let flows: Vec<f64> = dataset
        .route_flows_daily
        .iter()
        .filter(|f| f.route == "LNG:EU" && f.date.year() == 2021)
        .map(|f| f.flow_gwh_d.value())
        .filter(|v| v.is_finite())
        .collect();
    let pool = if flows.is_empty() {
        let total: f64 = draft
            .terminals
            .iter()
            .map(|t| t.capacity.iter().sum::<f64>())
            .sum::<f64>()
            / period.days as f64;
        draft.warnings.push(
            "LNG pool: no 2021 LNG:EU flows in route_flows_daily.csv; half the mean send-out capacity is assumed".into(),
        );
        total * 0.5
    } else {
        flows.iter().sum::<f64>() / flows.len() as f64
    };
    let days = period.days;
    for (code, share) in shares_2021(dataset) {
        let code = code.as_str();
        let Some(origin) = draft.origin(code) else {
            draft.warnings.push(format!(
                "LNG pool: origin {code} not in origins.csv; its share {share} is left out"
            ));
            continue;
        };
        let volume = pool * share;
        let premium: Vec<f64> = (0..days)
            .map(|d| draft.ttf[d].max(draft.asia[d]) * EXTRA_CARGO_PREMIUM)
            .collect();
        draft.lng.push(LngDraft {
            origin,
            tranches: vec![
                TrancheDraft {
                    capacity: vec![volume; days],
                    price: draft.ttf.clone(),
                    basis: format!("base: {:.0} % of the 2021 mean EU LNG send-out, at the monthly TTF", share * 100.0),
                },
                TrancheDraft {
                    capacity: vec![volume; days],
                    price: premium,
                    basis: format!("extra cargoes: +100 % of base, at max(TTF, Asia LNG proxy) x {EXTRA_CARGO_PREMIUM}"),
                },
            ],
        });
    }
}

/// The LNG draft of `origin`, created empty if missing.
pub(crate) fn supply_of(draft: &mut Draft, origin: usize) -> usize {
    match draft.lng.iter().position(|s| s.origin == origin) {
        Some(index) => index,
        None => {
            draft.lng.push(LngDraft {
                origin,
                tranches: Vec::new(),
            });
            draft.lng.len() - 1
        }
    }
}

pub(super) fn finalise(draft: &mut Draft, supplies: &mut Vec<SupplyInfo>) {
    let days = draft.period().days;
    // Terminals per zone.
    let mut zones: Vec<usize> = draft.terminals.iter().map(|t| t.zone).collect();
    zones.sort_unstable();
    zones.dedup();
    for zone in zones {
        let mut capacity = vec![GwhPerDay::ZERO; days];
        for (row, terminal) in draft.terminals.iter().enumerate() {
            if terminal.zone != zone {
                continue;
            }
            for (day, slot) in capacity.iter_mut().enumerate() {
                let outage = draft
                    .layers
                    .get(Param::TerminalOutage(row), day)
                    .unwrap_or(0.0);
                *slot += GwhPerDay(terminal.capacity[day] * (1.0 - outage));
            }
        }
        draft.system.lng_terminals.push(LngTerminal {
            code: format!("LNG-{}", draft.system.zones[zone].code),
            zone: ZoneId::from_index(zone),
            sendout_capacity_gwh_d: capacity,
            min_sendout_gwh_d: vec![GwhPerDay::ZERO; days],
        });
    }
    // Supplies.
    let mut lng = std::mem::take(&mut draft.lng);
    lng.sort_by_key(|s| s.origin);
    for supply in &lng {
        if supply.tranches.is_empty() {
            continue;
        }
        let id = LngSupplyId::from_index(draft.system.lng_supplies.len());
        let origin = supply.origin;
        let mut tranches = Vec::new();
        for (t, tranche) in supply.tranches.iter().enumerate() {
            let mut capacity = Vec::with_capacity(days);
            let mut price = Vec::with_capacity(days);
            for day in 0..days {
                let layers = &draft.layers;
                let factor = layers.get(Param::LngFactor(origin), day).unwrap_or(1.0);
                let cut = layers.get(Param::LngCut(origin), day).unwrap_or(0.0);
                let ban = layers.get(Param::LngBan(origin), day).unwrap_or(0.0);
                capacity.push(GwhPerDay(
                    (tranche.capacity[day] * factor * (1.0 - cut) * (1.0 - ban)).max(0.0),
                ));
                let mut p = tranche.price[day];
                if let Some(cap) = layers.get(Param::LngPriceCap(origin), day) {
                    p = p.min(cap);
                }
                price.push(EurPerMwh(p));
            }
            supplies.push(SupplyInfo {
                component: SupplyRef::LngTranche {
                    supply: id,
                    tranche: t,
                },
                code: format!("LNG-{}-{}", draft.system.origins[origin].code, t + 1),
                origin: draft.system.origins[origin].code.clone(),
                carrier: Carrier::Lng,
                price_basis: tranche.basis.clone(),
                price_eur_mwh: price.clone(),
            });
            tranches.push(SupplyTranche {
                capacity_gwh_d: capacity,
                min_gwh_d: vec![GwhPerDay::ZERO; days],
                price_eur_mwh: price,
            });
        }
        draft.system.lng_supplies.push(LngSupply {
            origin: OriginId::from_index(origin),
            tranches,
        });
    }
    draft.lng = lng;
}
