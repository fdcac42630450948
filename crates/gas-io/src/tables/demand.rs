//! `production.csv`, `demand_annual.csv`, `demand_monthly.csv` and `demand_daily.csv`.

use crate::limits;
use crate::table::{Fields, Range, Row, Table};
use gas_core::dataset::{
    AnnualDemandRecord, DailyDemandRecord, Dataset, DemandSector, MonthlyDemandRecord,
    ProductionRecord,
};
use gas_core::units::{GwhPerDay, Twh};

/// Years a dataset may hold.
pub(crate) const YEARS: (i64, i64) = (1900, 2100);

impl Table for ProductionRecord {
    const FILE: &'static str = "production.csv";
    const COLUMNS: &'static [&'static str] = &[
        "zone",
        "year",
        "production_twh",
        "production_bcm",
        "source",
        "note",
    ];

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let zone = r.code("zone");
        let year = r.int("year", YEARS.0, YEARS.1, "year");
        let twh = r.opt_number("production_twh", Range::Limit(limits::ANNUAL_TWH));
        let bcm = r.opt_number("production_bcm", Range::Limit(limits::ANNUAL_BCM));
        let source = r.code("source");
        Some(ProductionRecord {
            zone: zone?,
            year: year? as i32,
            production_twh: twh?.map(Twh),
            production_bcm: bcm?,
            source: source?,
            note: r.opt_text("note"),
        })
    }

    fn write(&self, w: &mut Fields) {
        w.text(&self.zone);
        w.int(i64::from(self.year));
        w.opt_number(self.production_twh.map(Twh::value));
        w.opt_number(self.production_bcm);
        w.text(&self.source);
        w.text(&self.note);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.production
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.production
    }
}

impl Table for AnnualDemandRecord {
    const FILE: &'static str = "demand_annual.csv";
    const COLUMNS: &'static [&'static str] =
        &["zone", "year", "sector", "demand_twh", "source", "note"];

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let zone = r.code("zone");
        let year = r.int("year", YEARS.0, YEARS.1, "year");
        let sector = r.choice("sector", &DemandSector::CODES);
        let demand = r.number("demand_twh", Range::Limit(limits::ANNUAL_TWH));
        let source = r.code("source");
        Some(AnnualDemandRecord {
            zone: zone?,
            year: year? as i32,
            sector: sector?,
            demand_twh: Twh(demand?),
            source: source?,
            note: r.opt_text("note"),
        })
    }

    fn write(&self, w: &mut Fields) {
        w.text(&self.zone);
        w.int(i64::from(self.year));
        w.text(self.sector.code());
        w.number(self.demand_twh.value());
        w.text(&self.source);
        w.text(&self.note);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.demand_annual
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.demand_annual
    }
}

impl Table for MonthlyDemandRecord {
    const FILE: &'static str = "demand_monthly.csv";
    const COLUMNS: &'static [&'static str] = &[
        "zone",
        "year",
        "month",
        "sector",
        "demand_twh",
        "source",
        "note",
    ];

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let zone = r.code("zone");
        let year = r.int("year", YEARS.0, YEARS.1, "year");
        let month = r.int("month", 1, 12, "month");
        let sector = r.choice("sector", &DemandSector::CODES);
        let demand = r.number("demand_twh", Range::Limit(limits::MONTHLY_TWH));
        let source = r.code("source");
        Some(MonthlyDemandRecord {
            zone: zone?,
            year: year? as i32,
            month: month? as u32,
            sector: sector?,
            demand_twh: Twh(demand?),
            source: source?,
            note: r.opt_text("note"),
        })
    }

    fn write(&self, w: &mut Fields) {
        w.text(&self.zone);
        w.int(i64::from(self.year));
        w.int(i64::from(self.month));
        w.text(self.sector.code());
        w.number(self.demand_twh.value());
        w.text(&self.source);
        w.text(&self.note);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.demand_monthly
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.demand_monthly
    }
}

impl Table for DailyDemandRecord {
    const FILE: &'static str = "demand_daily.csv";
    const COLUMNS: &'static [&'static str] = &["zone", "date", "sector", "demand_gwh_d", "source"];

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let zone = r.code("zone");
        let date = r.date("date");
        let sector = r.choice("sector", &DemandSector::CODES);
        let demand = r.number("demand_gwh_d", Range::Limit(limits::DAILY_GWH_D));
        let source = r.code("source");
        Some(DailyDemandRecord {
            zone: zone?,
            date: date?,
            sector: sector?,
            demand_gwh_d: GwhPerDay(demand?),
            source: source?,
        })
    }

    fn write(&self, w: &mut Fields) {
        w.text(&self.zone);
        w.date(self.date);
        w.text(self.sector.code());
        w.number(self.demand_gwh_d.value());
        w.text(&self.source);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.demand_daily
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.demand_daily
    }
}
