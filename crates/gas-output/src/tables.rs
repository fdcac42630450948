//! Run results as tables: `zones_daily`, `flows_daily`, `zones_summary`,
//! `ledger` and `ledger_delta`. Column meanings are in `docs/outputs.md`.

use crate::table::{Column, Table};
use gas_core::sector::Sector;
use gas_core::{Results, System};
use gas_metrics::kpi::{is_fuel_switching, ZoneKpi};
use gas_metrics::ledger::{Ledger, LedgerDelta};

/// One row per day and zone: demand and curtailment by sector, storage, supply by kind, trade, shadow price.
pub fn zones_daily(system: &System, results: &Results) -> Table {
    let days = results.period.days;
    let zones = system.zones.len();
    let rows = days * zones;
    let mut dates = Vec::with_capacity(rows);
    let mut codes = Vec::with_capacity(rows);
    let mut demand = vec![vec![0.0; rows]; 4];
    let mut curtailed = vec![vec![0.0; rows]; 4];
    let mut switched = vec![0.0; rows];
    let mut level_twh = vec![0.0; rows];
    let mut working_gas = vec![0.0; zones];
    let mut injection = vec![0.0; rows];
    let mut withdrawal = vec![0.0; rows];
    let mut lng = vec![0.0; rows];
    let mut production = vec![0.0; rows];
    let mut route_imports = vec![0.0; rows];
    let mut pipeline_imports = vec![0.0; rows];
    let mut pipeline_exports = vec![0.0; rows];
    let mut price = vec![0.0; rows];
    let row = |day: usize, zone: usize| day * zones + zone;

    for day in 0..days {
        for (zone, info) in system.zones.iter().enumerate() {
            dates.push(results.period.date(day));
            codes.push(info.code.clone());
            price[row(day, zone)] = results.zone_price_eur_mwh[zone][day].value();
        }
    }
    for (index, item) in system.demands.iter().enumerate() {
        let sector = Sector::ALL
            .iter()
            .position(|s| *s == item.sector)
            .unwrap_or(3);
        for day in 0..days {
            let r = row(day, item.zone.index());
            demand[sector][r] += item.demand_gwh_d[day].value();
            for (step, tranche) in item.curtailment.iter().enumerate() {
                let amount = results.curtailed_by_tranche_gwh_d[index][step][day].value();
                if is_fuel_switching(tranche) {
                    switched[r] += amount;
                } else {
                    curtailed[sector][r] += amount;
                }
            }
        }
    }
    for (index, storage) in system.storages.iter().enumerate() {
        working_gas[storage.zone.index()] += storage.working_gas_gwh.value();
        for day in 0..days {
            let r = row(day, storage.zone.index());
            level_twh[r] += results.storage_level_gwh[index][day].value() / 1000.0;
            injection[r] += results.storage_injection_gwh_d[index][day].value();
            withdrawal[r] += results.storage_withdrawal_gwh_d[index][day].value();
        }
    }
    for (index, terminal) in system.lng_terminals.iter().enumerate() {
        for day in 0..days {
            lng[row(day, terminal.zone.index())] += results.lng_sendout_gwh_d[index][day].value();
        }
    }
    for (index, item) in system.production.iter().enumerate() {
        for day in 0..days {
            production[row(day, item.zone.index())] += results.production_gwh_d[index][day].value();
        }
    }
    for (index, route) in system.routes.iter().enumerate() {
        for day in 0..days {
            route_imports[row(day, route.entry.index())] +=
                results.route_flow_gwh_d[index][day].value();
        }
    }
    for (index, pipeline) in system.pipelines.iter().enumerate() {
        for day in 0..days {
            let flow = results.pipeline_flow_gwh_d[index][day].value();
            pipeline_exports[row(day, pipeline.from.index())] += flow;
            pipeline_imports[row(day, pipeline.to.index())] += flow;
        }
    }
    let fill: Vec<Option<f64>> = (0..rows)
        .map(|r| {
            let capacity = working_gas[r % zones];
            (capacity > 0.0).then(|| 100.0 * level_twh[r] * 1000.0 / capacity)
        })
        .collect();

    let mut columns = vec![Column::date("date", dates), Column::text("zone", codes)];
    for (sector, values) in Sector::ALL.iter().zip(demand) {
        columns.push(Column::floats(
            &format!("demand_{}_gwh_d", sector.code()),
            values,
        ));
    }
    for (sector, values) in Sector::ALL.iter().zip(curtailed) {
        columns.push(Column::floats(
            &format!("curtailed_{}_gwh_d", sector.code()),
            values,
        ));
    }
    columns.extend([
        Column::floats("fuel_switched_gwh_d", switched),
        Column::floats("storage_level_twh", level_twh),
        Column::float("storage_fill_pct", fill),
        Column::floats("injection_gwh_d", injection),
        Column::floats("withdrawal_gwh_d", withdrawal),
        Column::floats("lng_sendout_gwh_d", lng),
        Column::floats("production_gwh_d", production),
        Column::floats("route_imports_gwh_d", route_imports),
        Column::floats("pipeline_imports_gwh_d", pipeline_imports),
        Column::floats("pipeline_exports_gwh_d", pipeline_exports),
        Column::floats("shadow_price_eur_mwh", price),
    ]);
    Table::new("zones_daily", columns)
}

/// One row per day and flow: pipelines, routes, LNG send-out and LNG supply by origin.
pub fn flows_daily(system: &System, results: &Results) -> Table {
    let mut dates = Vec::new();
    let mut kinds = Vec::new();
    let mut ids = Vec::new();
    let mut from = Vec::new();
    let mut to = Vec::new();
    let mut flows = Vec::new();
    let zone = |id: gas_core::ZoneId| system.zones[id.index()].code.clone();
    let origin = |id: gas_core::OriginId| system.origins[id.index()].code.clone();
    for day in 0..results.period.days {
        let date = results.period.date(day);
        let mut push = |kind: &str, id: &str, source: String, sink: String, flow: f64| {
            dates.push(date);
            kinds.push(kind.to_string());
            ids.push(id.to_string());
            from.push(source);
            to.push(sink);
            flows.push(flow);
        };
        for (index, pipeline) in system.pipelines.iter().enumerate() {
            push(
                "pipeline",
                &pipeline.code,
                zone(pipeline.from),
                zone(pipeline.to),
                results.pipeline_flow_gwh_d[index][day].value(),
            );
        }
        for (index, route) in system.routes.iter().enumerate() {
            push(
                "route",
                &route.code,
                origin(route.origin),
                zone(route.entry),
                results.route_flow_gwh_d[index][day].value(),
            );
        }
        for (index, terminal) in system.lng_terminals.iter().enumerate() {
            push(
                "lng_sendout",
                &terminal.code,
                "LNG".to_string(),
                zone(terminal.zone),
                results.lng_sendout_gwh_d[index][day].value(),
            );
        }
        for (index, supply) in system.lng_supplies.iter().enumerate() {
            let code = origin(supply.origin);
            push(
                "lng_supply",
                &format!("LNG-{code}"),
                code,
                "LNG".to_string(),
                results.lng_supply_gwh_d[index][day].value(),
            );
        }
    }
    Table::new(
        "flows_daily",
        vec![
            Column::date("date", dates),
            Column::text("kind", kinds),
            Column::text("id", ids),
            Column::text("from", from),
            Column::text("to", to),
            Column::floats("flow_gwh_d", flows),
        ],
    )
}

/// One row per zone (and group) with its key figures.
pub fn zones_summary(kpis: &[ZoneKpi]) -> Table {
    let mut columns = vec![
        Column::text("zone", kpis.iter().map(|k| k.zone.clone()).collect()),
        Column::floats(
            "working_gas_twh",
            kpis.iter().map(|k| k.working_gas_twh).collect(),
        ),
        Column::int(
            "buffer_days",
            kpis.iter().map(|k| k.buffer_days.map(i64::from)).collect(),
        ),
        Column::optional_date(
            "buffer_end_date",
            kpis.iter().map(|k| k.buffer_end_date).collect(),
        ),
        Column::floats("demand_twh", kpis.iter().map(|k| k.demand_twh).collect()),
    ];
    for (index, sector) in Sector::ALL.iter().enumerate() {
        columns.push(Column::floats(
            &format!("unserved_{}_twh", sector.code()),
            kpis.iter()
                .map(|k| k.unserved_twh_by_sector[index])
                .collect(),
        ));
    }
    columns.extend([
        Column::floats(
            "unserved_twh",
            kpis.iter().map(|k| k.unserved_twh).collect(),
        ),
        Column::floats(
            "fuel_switched_twh",
            kpis.iter().map(|k| k.fuel_switched_twh).collect(),
        ),
        Column::float(
            "unserved_share",
            kpis.iter().map(|k| k.unserved_share).collect(),
        ),
        Column::float(
            "min_fill_pct",
            kpis.iter().map(|k| k.min_fill_pct).collect(),
        ),
        Column::optional_date(
            "min_fill_date",
            kpis.iter().map(|k| k.min_fill_date).collect(),
        ),
        Column::float(
            "fill_on_1_nov_pct",
            kpis.iter().map(|k| k.fill_on_1_nov_pct).collect(),
        ),
        Column::float(
            "peak_price_eur_mwh",
            kpis.iter().map(|k| k.peak_price_eur_mwh).collect(),
        ),
        Column::optional_date(
            "peak_price_date",
            kpis.iter().map(|k| k.peak_price_date).collect(),
        ),
    ]);
    Table::new("zones_summary", columns)
}

/// The ledger rows.
pub fn ledger(ledger: &Ledger) -> Table {
    let rows = &ledger.rows;
    Table::new(
        "ledger",
        vec![
            Column::text(
                "category",
                rows.iter().map(|r| r.category.code().to_string()).collect(),
            ),
            Column::text("origin", rows.iter().map(|r| r.origin.clone()).collect()),
            Column::text(
                "carrier",
                rows.iter().map(|r| r.carrier.to_string()).collect(),
            ),
            Column::text("item", rows.iter().map(|r| r.item.clone()).collect()),
            Column::floats("volume_twh", rows.iter().map(|r| r.volume_twh).collect()),
            Column::floats("value_meur", rows.iter().map(|r| r.value_meur).collect()),
        ],
    )
}

/// The changes a package makes to the ledger against do-nothing: the columns of
/// [`ledger`] with the changes of volume and value.
pub fn ledger_delta(deltas: &[LedgerDelta]) -> Table {
    Table::new(
        "ledger_delta",
        vec![
            Column::text(
                "category",
                deltas
                    .iter()
                    .map(|d| d.category.code().to_string())
                    .collect(),
            ),
            Column::text("origin", deltas.iter().map(|d| d.origin.clone()).collect()),
            Column::text(
                "carrier",
                deltas.iter().map(|d| d.carrier.to_string()).collect(),
            ),
            Column::text("item", deltas.iter().map(|d| d.item.clone()).collect()),
            Column::floats(
                "volume_change_twh",
                deltas.iter().map(|d| d.volume_change_twh).collect(),
            ),
            Column::floats(
                "value_change_meur",
                deltas.iter().map(|d| d.value_change_meur).collect(),
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// Key figures of a zone with 10 TWh of demand, 1 TWh unserved in industry and
    /// 2 TWh met by fuel switching.
    fn kpi() -> ZoneKpi {
        ZoneKpi {
            zone: "DE".into(),
            working_gas_twh: 5.0,
            buffer_days: None,
            buffer_end_date: None,
            unserved_twh_by_sector: [0.0, 0.0, 1.0, 0.0],
            fuel_switched_twh: 2.0,
            unserved_twh: 1.0,
            unserved_share: Some(0.1),
            demand_twh: 10.0,
            min_fill_pct: Some(20.0),
            min_fill_date: NaiveDate::from_ymd_opt(2022, 9, 1),
            fill_on_1_nov_pct: None,
            peak_price_eur_mwh: Some(300.0),
            peak_price_date: NaiveDate::from_ymd_opt(2022, 8, 26),
        }
    }

    fn float(table: &Table, name: &str) -> Option<f64> {
        match &table.column(name)?.data {
            crate::table::ColumnData::Float(values) => values[0],
            _ => None,
        }
    }

    #[test]
    fn ledger_delta_has_the_ledger_columns_with_the_carrier() {
        use gas_metrics::ledger::LedgerCategory;
        let delta = LedgerDelta {
            category: LedgerCategory::ImportBill,
            origin: "US".into(),
            carrier: "lng",
            item: "LNG".into(),
            volume_change_twh: 12.0,
            value_change_meur: 1200.0,
        };
        let deltas = ledger_delta(std::slice::from_ref(&delta));
        let names: Vec<&str> = deltas.columns.iter().map(|c| c.name.as_str()).collect();
        let empty = ledger(&Ledger::default());
        let ledger_names: Vec<&str> = empty.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names[..4], ledger_names[..4]);
        assert_eq!(names[4..], ["volume_change_twh", "value_change_meur"]);
        assert_eq!(
            deltas.column("carrier").map(|c| &c.data),
            Some(&crate::table::ColumnData::Text(vec!["lng".into()]))
        );
    }

    #[test]
    fn zones_summary_dates_are_typed_and_missing_ones_null() {
        let table = zones_summary(&[kpi()]);
        let mut json = Vec::new();
        crate::write::write_json(&table, &mut json).unwrap();
        let json = String::from_utf8(json).unwrap();
        assert!(json.contains(r#""buffer_end_date":null"#), "{json}");
        assert!(json.contains(r#""min_fill_date":"2022-09-01""#), "{json}");
        assert!(!json.contains(r#""""#), "{json}");
        for name in ["buffer_end_date", "min_fill_date", "peak_price_date"] {
            assert!(matches!(
                table.column(name).map(|c| &c.data),
                Some(crate::table::ColumnData::OptionalDate(_))
            ));
        }
    }

    #[test]
    fn zones_summary_has_fuel_switching_apart_from_unserved_energy() {
        let table = zones_summary(&[kpi()]);
        assert_eq!(float(&table, "fuel_switched_twh"), Some(2.0));
        assert_eq!(float(&table, "unserved_twh"), Some(1.0));
        let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
        let at = |name: &str| names.iter().position(|n| *n == name);
        assert_eq!(at("fuel_switched_twh"), at("unserved_twh").map(|i| i + 1));
    }
}
