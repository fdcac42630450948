//! `prices_monthly.csv`, `fx_monthly.csv`, `sources.csv` and `checks.csv`.

use crate::table::{Fields, Range, Row, Table};
use crate::tables::demand::YEARS;
use gas_core::dataset::{
    CheckRecord, Dataset, FxMonthlyRecord, MonthlyPriceRecord, SourceRecord, YearMonth,
};

/// Parses `YYYY-MM` strictly.
pub(crate) fn parse_year_month(raw: &str) -> Option<YearMonth> {
    let (Some(year), Some(dash), Some(month)) = (raw.get(..4), raw.get(4..5), raw.get(5..)) else {
        return None;
    };
    if dash != "-"
        || month.len() != 2
        || !raw
            .bytes()
            .enumerate()
            .all(|(i, b)| i == 4 || b.is_ascii_digit())
    {
        return None;
    }
    let year = year.parse().ok()?;
    let month = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    Some(YearMonth { year, month })
}

impl Table for MonthlyPriceRecord {
    const FILE: &'static str = "prices_monthly.csv";
    const COLUMNS: &'static [&'static str] = &[
        "month",
        "series",
        "value_eur_mwh",
        "value_source_unit",
        "source_unit",
        "value_usd_mwh",
        "source",
        "note",
    ];

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let month = parse_year_month(r.raw("month"));
        if month.is_none() {
            r.error("month", "month YYYY-MM");
        }
        let series = r.code("series");
        let eur = r.opt_number("value_eur_mwh", Range::Any);
        let value = r.number("value_source_unit", Range::Any);
        let unit = r.text("source_unit");
        let usd = r.opt_number("value_usd_mwh", Range::Any);
        let source = r.code("source");
        Some(MonthlyPriceRecord {
            month: month?,
            series: series?,
            value_eur_mwh: eur?,
            value_source_unit: value?,
            source_unit: unit?,
            value_usd_mwh: usd?,
            source: source?,
            note: r.opt_text("note"),
        })
    }

    fn write(&self, w: &mut Fields) {
        w.text(&self.month.to_string());
        w.text(&self.series);
        w.opt_number(self.value_eur_mwh);
        w.number(self.value_source_unit);
        w.text(&self.source_unit);
        w.opt_number(self.value_usd_mwh);
        w.text(&self.source);
        w.text(&self.note);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.prices_monthly
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.prices_monthly
    }
}

impl Table for FxMonthlyRecord {
    const FILE: &'static str = "fx_monthly.csv";
    const COLUMNS: &'static [&'static str] = &["year", "month", "usd_per_eur", "days", "source"];

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let year = r.int("year", YEARS.0, YEARS.1, "year");
        let month = r.int("month", 1, 12, "month");
        let rate = r.number("usd_per_eur", Range::Limit(crate::limits::USD_PER_EUR));
        let days = r.int("days", 1, 31, "number of days");
        let source = r.code("source");
        Some(FxMonthlyRecord {
            year: year? as i32,
            month: month? as u32,
            usd_per_eur: rate?,
            days: days? as u32,
            source: source?,
        })
    }

    fn write(&self, w: &mut Fields) {
        w.int(i64::from(self.year));
        w.int(i64::from(self.month));
        w.number(self.usd_per_eur);
        w.int(i64::from(self.days));
        w.text(&self.source);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.fx_monthly
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.fx_monthly
    }
}

impl Table for SourceRecord {
    const FILE: &'static str = "sources.csv";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "title",
        "publisher",
        "where",
        "version",
        "licence",
        "note",
    ];
    const ID: Option<&'static str> = Some("id");

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let id = r.code("id");
        let title = r.text("title");
        let publisher = r.text("publisher");
        let place = r.text("where");
        Some(SourceRecord {
            id: id?,
            title: title?,
            publisher: publisher?,
            r#where: place?,
            version: r.opt_text("version"),
            licence: r.opt_text("licence"),
            note: r.opt_text("note"),
        })
    }

    fn write(&self, w: &mut Fields) {
        w.text(&self.id);
        w.text(&self.title);
        w.text(&self.publisher);
        w.text(&self.r#where);
        w.text(&self.version);
        w.text(&self.licence);
        w.text(&self.note);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.sources
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.sources
    }
}

impl Table for CheckRecord {
    const FILE: &'static str = "checks.csv";
    const COLUMNS: &'static [&'static str] = &[
        "check_id",
        "description",
        "expected_value",
        "unit",
        "tolerance_rel",
        "source",
        "measured_value",
        "table",
        "status",
    ];
    const ID: Option<&'static str> = Some("check_id");

    fn read(r: &mut Row<'_>) -> Option<Self> {
        let id = r.code("check_id");
        let description = r.text("description");
        let expected = r.number("expected_value", Range::Any);
        let unit = r.text("unit");
        let tolerance = r.number("tolerance_rel", Range::NonNegative);
        // Free text: a publication, not necessarily a sources.csv id.
        let source = r.text("source");
        let measured = r.opt_number("measured_value", Range::Any);
        let status = r.choice("status", &[("pass", "pass"), ("FAIL", "FAIL")]);
        Some(CheckRecord {
            check_id: id?,
            description: description?,
            expected_value: expected?,
            unit: unit?,
            tolerance_rel: tolerance?,
            source: source?,
            measured_value: measured?,
            table: r.opt_text("table"),
            status: status?.to_string(),
        })
    }

    fn write(&self, w: &mut Fields) {
        w.text(&self.check_id);
        w.text(&self.description);
        w.number(self.expected_value);
        w.text(&self.unit);
        w.number(self.tolerance_rel);
        w.text(&self.source);
        w.opt_number(self.measured_value);
        w.text(&self.table);
        w.text(&self.status);
    }

    fn rows(d: &Dataset) -> &Vec<Self> {
        &d.checks
    }
    fn rows_mut(d: &mut Dataset) -> &mut Vec<Self> {
        &mut d.checks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_months() {
        assert_eq!(
            parse_year_month("2022-03"),
            Some(YearMonth {
                year: 2022,
                month: 3
            })
        );
        for bad in [
            "2022-13",
            "2022-3",
            "22-03",
            "2022/03",
            "2022-03-01",
            "2022-é",
        ] {
            assert_eq!(parse_year_month(bad), None, "{bad}");
        }
    }
}
