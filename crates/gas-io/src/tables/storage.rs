//! `storage.csv`, `storage_levels.csv` and `storage_curves.csv`.

use crate::limits::{self, FULL_PCT_MAX};
use crate::table::{Fields, Range, Row, Table};
use gas_core::dataset::{
    Dataset, LevelQuality, StorageCurvePoint, StorageLevelRecord, StorageRecord,
};
use gas_core::units::{GwhPerDay, Twh};

impl Table for StorageRecord {
    const FILE: &'static str = "storage.csv";
    const COLUMNS: &'static [&'static str] = &[
        "zone",
        "working_gas_twh",
        "injection_capacity_gwh_d",
        "withdrawal_capacity_gwh_d",
        "as_of",
        "source",
        "note",
    ];

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let zone = r.code("zone");
        let working_gas = r.number("working_gas_twh", Range::Limit(limits::STORAGE_TWH));
        let injection = r.number(
            "injection_capacity_gwh_d",
            Range::Limit(limits::DAILY_GWH_D),
        );
        let withdrawal = r.number(
            "withdrawal_capacity_gwh_d",
            Range::Limit(limits::DAILY_GWH_D),
        );
        let as_of = r.date("as_of");
        let source = r.code("source");
        Some(StorageRecord {
            zone: zone?,
            working_gas_twh: Twh(working_gas?),
            injection_capacity_gwh_d: GwhPerDay(injection?),
            withdrawal_capacity_gwh_d: GwhPerDay(withdrawal?),
            as_of: as_of?,
            source: source?,
            note: r.opt_text("note"),
        })
    }

    fn write(&self, w: &mut Fields) {
        w.text(&self.zone);
        w.number(self.working_gas_twh.value());
        w.number(self.injection_capacity_gwh_d.value());
        w.number(self.withdrawal_capacity_gwh_d.value());
        w.date(self.as_of);
        w.text(&self.source);
        w.text(&self.note);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.storage
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.storage
    }
}

impl Table for StorageLevelRecord {
    const FILE: &'static str = "storage_levels.csv";
    const COLUMNS: &'static [&'static str] = &[
        "date",
        "zone",
        "gas_in_storage_twh",
        "full_pct",
        "working_gas_twh",
        "injection_gwh_d",
        "withdrawal_gwh_d",
        "quality",
        "source",
        "note",
    ];

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let date = r.date("date");
        let zone = r.code("zone");
        let gas = r.number("gas_in_storage_twh", Range::Limit(limits::STORAGE_TWH));
        let full = r.number("full_pct", Range::Between(0.0, FULL_PCT_MAX));
        let working_gas = r.number("working_gas_twh", Range::Limit(limits::STORAGE_TWH));
        let injection = r.opt_number("injection_gwh_d", Range::Limit(limits::DAILY_GWH_D));
        let withdrawal = r.opt_number("withdrawal_gwh_d", Range::Limit(limits::DAILY_GWH_D));
        let gas = match (gas, working_gas) {
            (Some(gas), Some(working)) if gas > working * FULL_PCT_MAX / 100.0 => {
                r.error(
                    "gas_in_storage_twh",
                    format!(
                        "at most {FULL_PCT_MAX} % of the row's working_gas_twh ({} TWh), i.e. {} TWh",
                        crate::table::format_number(working),
                        crate::table::format_number(working * FULL_PCT_MAX / 100.0)
                    ),
                );
                None
            }
            (gas, _) => gas,
        };
        let quality = r.choice("quality", &LevelQuality::CODES);
        let source = r.code("source");
        Some(StorageLevelRecord {
            date: date?,
            zone: zone?,
            gas_in_storage_twh: Twh(gas?),
            full_pct: full?,
            working_gas_twh: Twh(working_gas?),
            injection_gwh_d: injection?.map(GwhPerDay),
            withdrawal_gwh_d: withdrawal?.map(GwhPerDay),
            quality: quality?,
            source: source?,
            note: r.opt_text("note"),
        })
    }

    fn write(&self, w: &mut Fields) {
        w.date(self.date);
        w.text(&self.zone);
        w.number(self.gas_in_storage_twh.value());
        w.number(self.full_pct);
        w.number(self.working_gas_twh.value());
        w.opt_number(self.injection_gwh_d.map(GwhPerDay::value));
        w.opt_number(self.withdrawal_gwh_d.map(GwhPerDay::value));
        w.text(self.quality.code());
        w.text(&self.source);
        w.text(&self.note);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.storage_levels
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.storage_levels
    }
}

impl Table for StorageCurvePoint {
    const FILE: &'static str = "storage_curves.csv";
    const COLUMNS: &'static [&'static str] = &[
        "zone",
        "fill_pct",
        "withdrawal_factor",
        "injection_factor",
        "source",
        "note",
    ];

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let zone = r.code("zone");
        let fill = r.number("fill_pct", Range::Percent);
        let withdrawal = r.number("withdrawal_factor", Range::Limit(limits::CURVE_FACTOR));
        let injection = r.number("injection_factor", Range::Limit(limits::CURVE_FACTOR));
        let source = r.code("source");
        Some(StorageCurvePoint {
            zone: zone?,
            fill_pct: fill?,
            withdrawal_factor: withdrawal?,
            injection_factor: injection?,
            source: source?,
            note: r.opt_text("note"),
        })
    }

    fn write(&self, w: &mut Fields) {
        w.text(&self.zone);
        w.number(self.fill_pct);
        w.number(self.withdrawal_factor);
        w.number(self.injection_factor);
        w.text(&self.source);
        w.text(&self.note);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.storage_curves
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.storage_curves
    }
}
