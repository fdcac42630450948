//! A small hand-made dataset for hand-checkable tests.
//!
//! Zones DE, PL, FR (all EU); origins RU, NO, US, QA, OTHER_LNG; routes NS1 (RU→DE,
//! 100 GWh/d), YAMAL (RU→PL, 50), NORWAY-DE (NO→DE, 80), NS2 (RU→DE, 100, offline by
//! default); pipeline DE>PL 30; LNG terminal in FR 60; LNG:EU 2021 flow 100 GWh/d;
//! storage in DE 10 TWh; every zone's 2021 demand 31 GWh per sector each month
//! (1 GWh/d in 31-day months); TTF 20 EUR/MWh every month of 2021-2023.
#![allow(dead_code)]

use chrono::NaiveDate;
use gas_core::dataset::*;
use gas_core::units::{GwhPerDay, Twh};
use gas_core::Sector;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn zone(id: &str) -> ZoneRecord {
    ZoneRecord {
        id: id.into(),
        name: id.into(),
        eu_member: true,
        kind: ZoneKind::Consumer,
        protected_share: None,
        source: "test".into(),
        note: String::new(),
    }
}

fn origin(id: &str) -> OriginRecord {
    OriginRecord {
        id: id.into(),
        name: id.into(),
        pipeline: true,
        lng: true,
        transit_of: None,
        source: "test".into(),
        note: String::new(),
    }
}

fn route(id: &str, origin: &str, entry: &str, capacity: f64) -> RouteRecord {
    RouteRecord {
        id: id.into(),
        name: id.into(),
        origin: origin.into(),
        entry_zone: entry.into(),
        capacity_gwh_d: Some(GwhPerDay(capacity)),
        valid_from: None,
        valid_to: None,
        source: "test".into(),
        estimated: false,
        note: String::new(),
    }
}

pub fn dataset() -> Dataset {
    let mut data = Dataset {
        zones: vec![zone("DE"), zone("PL"), zone("FR")],
        origins: ["RU", "NO", "US", "QA", "OTHER_LNG"].map(origin).to_vec(),
        routes: vec![
            route("NS1", "RU", "DE", 100.0),
            route("YAMAL", "RU", "PL", 50.0),
            route("NORWAY-DE", "NO", "DE", 80.0),
            route("NS2", "RU", "DE", 100.0),
        ],
        interconnectors: vec![InterconnectorRecord {
            from_zone: "DE".into(),
            to_zone: "PL".into(),
            capacity_gwh_d: Some(GwhPerDay(30.0)),
            valid_from: None,
            valid_to: None,
            points: String::new(),
            source: "test".into(),
            estimated: false,
            note: String::new(),
        }],
        lng_terminals: vec![LngTerminalRecord {
            zone: "FR".into(),
            name: "Montoir".into(),
            sendout_capacity_gwh_d: Some(GwhPerDay(60.0)),
            valid_from: None,
            valid_to: None,
            floating: false,
            status: LngTerminalStatus::Operating,
            source: "test".into(),
            estimated: false,
            note: String::new(),
        }],
        storage: vec![StorageRecord {
            zone: "DE".into(),
            working_gas_twh: Twh(10.0),
            injection_capacity_gwh_d: GwhPerDay(100.0),
            withdrawal_capacity_gwh_d: GwhPerDay(200.0),
            as_of: date(2021, 9, 27),
            source: "test".into(),
            note: String::new(),
        }],
        ..Dataset::default()
    };
    data.route_flows_daily.push(RouteFlowRecord {
        date: date(2021, 6, 1),
        route: "LNG:EU".into(),
        flow_gwh_d: GwhPerDay(100.0),
        flow_mcm_d: 0.0,
        source: "test".into(),
    });
    for zone in ["DE", "PL", "FR"] {
        for month in 1..=12 {
            for sector in Sector::ALL {
                data.demand_monthly.push(MonthlyDemandRecord {
                    zone: zone.into(),
                    year: 2021,
                    month,
                    sector: DemandSector::Sector(sector),
                    demand_twh: Twh(0.031),
                    source: "test".into(),
                    note: String::new(),
                });
            }
        }
    }
    for year in 2021..=2023 {
        for month in 1..=12 {
            data.prices_monthly.push(MonthlyPriceRecord {
                month: YearMonth { year, month },
                series: "TTF".into(),
                value_eur_mwh: Some(20.0),
                value_source_unit: 0.0,
                source_unit: "EUR/MWh".into(),
                value_usd_mwh: None,
                source: "test".into(),
                note: String::new(),
            });
        }
    }
    data
}

/// A scenario over July 2022 on the test dataset, with `extra` appended.
pub fn scenario_text(extra: &str) -> String {
    format!(
        "name = \"test\"\n\n[period]\nstart = 2022-07-01\nend = 2022-07-31\n\n[triggers]\ninvasion = 2022-02-24\n{extra}"
    )
}
