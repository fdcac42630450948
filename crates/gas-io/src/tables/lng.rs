//! `lng_terminals.csv` and `lng_imports_by_origin.csv`.

use crate::limits;
use crate::table::{Fields, Range, Row, Table};
use gas_core::dataset::{
    Dataset, LngImportRecord, LngImportUnit, LngTerminalRecord, LngTerminalStatus,
};
use gas_core::units::{GwhPerDay, Twh};

impl Table for LngTerminalRecord {
    const FILE: &'static str = "lng_terminals.csv";
    const COLUMNS: &'static [&'static str] = &[
        "zone",
        "name",
        "sendout_capacity_gwh_d",
        "valid_from",
        "valid_to",
        "floating",
        "status",
        "source",
        "estimated",
        "note",
    ];

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let zone = r.code("zone");
        let name = r.text("name");
        let capacity = r.opt_number("sendout_capacity_gwh_d", Range::Limit(limits::DAILY_GWH_D));
        let (valid_from, valid_to) = r.validity("valid_from", "valid_to");
        let floating = r.boolean("floating");
        let status = r.choice("status", &LngTerminalStatus::CODES);
        let source = r.code("source");
        let estimated = r.boolean("estimated");
        Some(LngTerminalRecord {
            zone: zone?,
            name: name?,
            sendout_capacity_gwh_d: capacity?.map(GwhPerDay),
            valid_from: valid_from?,
            valid_to: valid_to?,
            floating: floating?,
            status: status?,
            source: source?,
            estimated: estimated?,
            note: r.opt_text("note"),
        })
    }

    fn write(&self, w: &mut Fields) {
        w.text(&self.zone);
        w.text(&self.name);
        w.opt_number(self.sendout_capacity_gwh_d.map(GwhPerDay::value));
        w.opt_date(self.valid_from);
        w.opt_date(self.valid_to);
        w.boolean(self.floating);
        w.text(self.status.code());
        w.text(&self.source);
        w.boolean(self.estimated);
        w.text(&self.note);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.lng_terminals
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.lng_terminals
    }
}

/// `YYYY`, `YYYY-MM`, `YYYY-H1` or `YYYY-H2`.
fn valid_period(raw: &str) -> bool {
    let (Some(year), Some(rest)) = (raw.get(..4), raw.get(4..)) else {
        return false;
    };
    if !year.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    match rest {
        "" | "-H1" | "-H2" => true,
        _ => rest
            .strip_prefix('-')
            .filter(|m| m.len() == 2)
            .and_then(|m| m.parse::<u32>().ok())
            .is_some_and(|m| (1..=12).contains(&m)),
    }
}

impl Table for LngImportRecord {
    const FILE: &'static str = "lng_imports_by_origin.csv";
    const COLUMNS: &'static [&'static str] = &[
        "period",
        "geography",
        "origin",
        "value",
        "unit",
        "bound",
        "value_twh",
        "source",
        "note",
    ];

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let period = if valid_period(r.raw("period")) {
            Some(r.raw("period").to_string())
        } else {
            r.error("period", "period YYYY, YYYY-MM, YYYY-H1 or YYYY-H2");
            None
        };
        let geography = r.code("geography");
        let origin = r.code("origin");
        let unit = r.choice("unit", &LngImportUnit::CODES);
        let value = match unit {
            Some(LngImportUnit::PercentOfLngImports) => r.number("value", Range::Percent),
            _ => r.number("value", Range::NonNegative),
        };
        let bound = match r.raw("bound") {
            "" => Some(None),
            "min" | "max" => Some(Some(r.raw("bound").to_string())),
            _ => {
                r.error("bound", "min, max or nothing");
                None
            }
        };
        let value_twh = r.opt_number("value_twh", Range::Limit(limits::ANNUAL_TWH));
        let source = r.code("source");
        Some(LngImportRecord {
            period: period?,
            geography: geography?,
            origin: origin?,
            value: value?,
            unit: unit?,
            bound: bound?,
            value_twh: value_twh?.map(Twh),
            source: source?,
            note: r.opt_text("note"),
        })
    }

    fn write(&self, w: &mut Fields) {
        w.text(&self.period);
        w.text(&self.geography);
        w.text(&self.origin);
        w.number(self.value);
        w.text(self.unit.code());
        w.text(self.bound.as_deref().unwrap_or(""));
        w.opt_number(self.value_twh.map(Twh::value));
        w.text(&self.source);
        w.text(&self.note);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.lng_imports_by_origin
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.lng_imports_by_origin
    }
}

#[cfg(test)]
mod tests {
    use super::valid_period;

    #[test]
    fn periods() {
        for ok in ["2021", "2022-01", "2023-H1", "2023-H2", "2022-12"] {
            assert!(valid_period(ok), "{ok}");
        }
        for bad in [
            "21", "2022-13", "2022-1", "2022-H3", "2022-", "abcd", "2022é",
        ] {
            assert!(!valid_period(bad), "{bad}");
        }
    }
}
