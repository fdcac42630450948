//! `interconnectors.csv`, `routes.csv` and `route_flows_daily.csv`.

use crate::limits;
use crate::table::{Fields, Range, Row, Table};
use gas_core::dataset::{Dataset, InterconnectorRecord, RouteFlowRecord, RouteRecord};
use gas_core::units::GwhPerDay;

impl Table for InterconnectorRecord {
    const FILE: &'static str = "interconnectors.csv";
    const COLUMNS: &'static [&'static str] = &[
        "from_zone",
        "to_zone",
        "capacity_gwh_d",
        "valid_from",
        "valid_to",
        "points",
        "source",
        "estimated",
        "note",
    ];

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let from_zone = r.code("from_zone");
        let to_zone = r.code("to_zone");
        let capacity = r.opt_number("capacity_gwh_d", Range::Limit(limits::DAILY_GWH_D));
        let (valid_from, valid_to) = r.validity("valid_from", "valid_to");
        let source = r.code("source");
        let estimated = r.boolean("estimated");
        Some(InterconnectorRecord {
            from_zone: from_zone?,
            to_zone: to_zone?,
            capacity_gwh_d: capacity?.map(GwhPerDay),
            valid_from: valid_from?,
            valid_to: valid_to?,
            points: r.opt_text("points"),
            source: source?,
            estimated: estimated?,
            note: r.opt_text("note"),
        })
    }

    fn write(&self, w: &mut Fields) {
        w.text(&self.from_zone);
        w.text(&self.to_zone);
        w.opt_number(self.capacity_gwh_d.map(GwhPerDay::value));
        w.opt_date(self.valid_from);
        w.opt_date(self.valid_to);
        w.text(&self.points);
        w.text(&self.source);
        w.boolean(self.estimated);
        w.text(&self.note);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.interconnectors
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.interconnectors
    }
}

impl Table for RouteRecord {
    const FILE: &'static str = "routes.csv";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "name",
        "origin",
        "entry_zone",
        "capacity_gwh_d",
        "valid_from",
        "valid_to",
        "source",
        "estimated",
        "note",
    ];
    const ID: Option<&'static str> = Some("id");

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let id = r.code("id");
        let name = r.text("name");
        let origin = r.code("origin");
        let entry_zone = r.code("entry_zone");
        let capacity = r.opt_number("capacity_gwh_d", Range::Limit(limits::DAILY_GWH_D));
        let (valid_from, valid_to) = r.validity("valid_from", "valid_to");
        let source = r.code("source");
        let estimated = r.boolean("estimated");
        Some(RouteRecord {
            id: id?,
            name: name?,
            origin: origin?,
            entry_zone: entry_zone?,
            capacity_gwh_d: capacity?.map(GwhPerDay),
            valid_from: valid_from?,
            valid_to: valid_to?,
            source: source?,
            estimated: estimated?,
            note: r.opt_text("note"),
        })
    }

    fn write(&self, w: &mut Fields) {
        w.text(&self.id);
        w.text(&self.name);
        w.text(&self.origin);
        w.text(&self.entry_zone);
        w.opt_number(self.capacity_gwh_d.map(GwhPerDay::value));
        w.opt_date(self.valid_from);
        w.opt_date(self.valid_to);
        w.text(&self.source);
        w.boolean(self.estimated);
        w.text(&self.note);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.routes
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.routes
    }
}

impl Table for RouteFlowRecord {
    const FILE: &'static str = "route_flows_daily.csv";
    const COLUMNS: &'static [&'static str] =
        &["date", "route", "flow_gwh_d", "flow_mcm_d", "source"];

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let date = r.date("date");
        let route = r.code("route");
        // Net flows may be negative; the sign rule per route is checked in validate.rs.
        let flow_gwh_d = r.number("flow_gwh_d", Range::Limit(limits::FLOW_GWH_D));
        let flow_mcm_d = r.number("flow_mcm_d", Range::Limit(limits::DAILY_MCM_D));
        let source = r.code("source");
        Some(RouteFlowRecord {
            date: date?,
            route: route?,
            flow_gwh_d: GwhPerDay(flow_gwh_d?),
            flow_mcm_d: flow_mcm_d?,
            source: source?,
        })
    }

    fn write(&self, w: &mut Fields) {
        w.date(self.date);
        w.text(&self.route);
        w.number(self.flow_gwh_d.value());
        w.number(self.flow_mcm_d);
        w.text(&self.source);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.route_flows_daily
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.route_flows_daily
    }
}
