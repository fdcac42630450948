//! Tiny systems for the unit tests of this crate.

use chrono::NaiveDate;
use gas_core::period::Period;
use gas_core::sector::Sector;
use gas_core::system::*;
use gas_core::units::{EurPerMwh, Gwh, GwhPerDay};
use gas_core::{OriginId, ZoneId};

fn period(days: usize) -> Period {
    Period {
        start: NaiveDate::from_ymd_opt(2022, 1, 1).unwrap(),
        days,
    }
}

fn households(days: usize, demand: f64) -> Demand {
    Demand {
        zone: ZoneId(0),
        sector: Sector::HouseholdsServices,
        demand_gwh_d: vec![GwhPerDay(demand); days],
        curtailment: vec![CurtailmentTranche::constant(
            "protected",
            1.0,
            days,
            EurPerMwh(3000.0),
        )],
    }
}

fn empty_system(days: usize) -> System {
    System {
        period: period(days),
        zones: vec![Zone {
            code: "AA".into(),
            name: "Zone A".into(),
        }],
        origins: Vec::new(),
        pipelines: Vec::new(),
        routes: Vec::new(),
        lng_terminals: Vec::new(),
        lng_supplies: Vec::new(),
        production: Vec::new(),
        storages: Vec::new(),
        demands: Vec::new(),
        settings: DispatchSettings::default(),
    }
}

/// One zone with one storage of `working_gas` GWh (full) and households demanding `demand` GWh/d.
pub fn one_zone_system(days: usize, working_gas: f64, demand: f64) -> System {
    let mut system = empty_system(days);
    system.storages.push(Storage {
        code: "UGS-AA".into(),
        zone: ZoneId(0),
        working_gas_gwh: Gwh(working_gas),
        initial_level_gwh: Gwh(working_gas),
        injection_capacity_gwh_d: vec![GwhPerDay(100.0); days],
        withdrawal_capacity_gwh_d: vec![GwhPerDay(100.0); days],
        withdrawal_curve: FillCurve::flat(),
        injection_curve: FillCurve::flat(),
        targets: Vec::new(),
        floor_gwh: vec![Gwh::ZERO; days],
        value_eur_mwh: vec![EurPerMwh(50.0); days],
    });
    system.demands.push(households(days, demand));
    system
}

/// One zone fed by route NS1 from RU (80 EUR/MWh) and an LNG terminal from the pool,
/// with RU LNG at 90 EUR/MWh and US LNG at 100 EUR/MWh.
pub fn two_origin_system(days: usize) -> System {
    let mut system = empty_system(days);
    system.origins = vec![
        Origin {
            code: "RU".into(),
            name: "Russia".into(),
        },
        Origin {
            code: "US".into(),
            name: "United States".into(),
        },
    ];
    system.routes.push(Route {
        code: "NS1".into(),
        origin: OriginId(0),
        entry: ZoneId(0),
        capacity_gwh_d: vec![GwhPerDay(200.0); days],
        min_flow_gwh_d: vec![GwhPerDay::ZERO; days],
        price_eur_mwh: vec![EurPerMwh(80.0); days],
    });
    system.lng_terminals.push(LngTerminal {
        code: "LNG-AA".into(),
        zone: ZoneId(0),
        sendout_capacity_gwh_d: vec![GwhPerDay(200.0); days],
        min_sendout_gwh_d: vec![GwhPerDay::ZERO; days],
    });
    for (origin, price) in [(0, 90.0), (1, 100.0)] {
        system.lng_supplies.push(LngSupply {
            origin: OriginId(origin),
            tranches: vec![SupplyTranche {
                capacity_gwh_d: vec![GwhPerDay(200.0); days],
                min_gwh_d: vec![GwhPerDay::ZERO; days],
                price_eur_mwh: vec![EurPerMwh(price); days],
            }],
        });
    }
    system.demands.push(households(days, 100.0));
    system
}

/// Two curtailment steps of `days` days, half of the demand each: fuel switching at
/// 150 EUR/MWh, then protected customers at 3000 EUR/MWh.
pub fn switching_then_protected(days: usize) -> Vec<CurtailmentTranche> {
    vec![
        CurtailmentTranche::constant(
            crate::kpi::FUEL_SWITCHING_LABEL,
            0.5,
            days,
            EurPerMwh(150.0),
        ),
        CurtailmentTranche::constant("protected", 0.5, days, EurPerMwh(3000.0)),
    ]
}
