//! The machinery shared by all tables: the header check, typed cells with
//! located errors, and the canonical text of a table.
//!
//! Each table module implements [`Table`] for one record type of
//! [`gas_core::dataset`]: its file name, its columns (in file order, with the
//! unit in the name) and how one row is read and written.

use crate::error::InputError;
use chrono::NaiveDate;
use gas_core::dataset::Dataset;
use std::path::Path;

/// One table of a dataset folder: a CSV file whose rows are `Self`.
pub(crate) trait Table: Sized {
    /// The file name inside the dataset folder.
    const FILE: &'static str;
    /// The columns, in the order they are written.
    const COLUMNS: &'static [&'static str];
    /// The column that other tables refer to, if any.
    const ID: Option<&'static str> = None;
    /// Reads one row; `None` when a cell was wrong (the error is recorded in `row`).
    fn read(row: &mut Row<'_>) -> Option<Self>;
    /// Writes one row, one string per column of [`Table::COLUMNS`].
    fn write(&self, out: &mut Fields);
    /// The rows of this table in a dataset.
    fn rows(dataset: &Dataset) -> &Vec<Self>;
    /// The rows of this table in a dataset, to fill.
    fn rows_mut(dataset: &mut Dataset) -> &mut Vec<Self>;
}

/// Unit suffixes of column names, longest first, with the unit as people write it.
const UNITS: &[(&str, &str)] = &[
    ("_usd_mmbtu", "USD/MMBtu"),
    ("_eur_mwh", "EUR/MWh"),
    ("_gwh_d", "GWh/d"),
    ("_gwh_h", "GWh/h"),
    ("_mcm_d", "mcm/d"),
    ("_kwh_d", "kWh/d"),
    ("_mwh_d", "MWh/d"),
    ("_twh_y", "TWh/y"),
    ("_bcm_y", "bcm/y"),
    ("_mtpa", "Mt/y"),
    ("_twh", "TWh"),
    ("_gwh", "GWh"),
    ("_mwh", "MWh"),
    ("_kwh", "kWh"),
    ("_bcm", "bcm"),
    ("_mcm", "mcm"),
    ("_tj", "TJ"),
    ("_pj", "PJ"),
    ("_pct", "%"),
];

/// Splits a column name into its stem and unit, e.g. `capacity_gwh_d` into (`capacity`, `GWh/d`).
fn split_unit(column: &str) -> Option<(&str, &'static str)> {
    UNITS.iter().find_map(|(suffix, unit)| {
        column
            .strip_suffix(suffix)
            .filter(|stem| !stem.is_empty())
            .map(|stem| (stem, *unit))
    })
}

/// Checks a header against the expected columns.
///
/// Returns, for each expected column, its position in the file; or the
/// structural errors (missing columns, unknown columns, columns in a wrong unit).
pub(crate) fn match_header(
    file: &Path,
    header: &[String],
    expected: &[&str],
) -> Result<Vec<usize>, Vec<InputError>> {
    let mut errors = Vec::new();
    let mut positions = Vec::with_capacity(expected.len());
    let mut seen: Vec<&str> = Vec::new();
    for (position, name) in header.iter().enumerate() {
        if seen.contains(&name.as_str()) {
            errors.push(InputError::cell(
                file,
                1,
                name,
                "each column once",
                name.clone(),
            ));
            continue;
        }
        seen.push(name);
        if expected.contains(&name.as_str()) {
            continue;
        }
        // A known quantity in another unit?
        let wrong_unit = split_unit(name).and_then(|(stem, _)| {
            expected.iter().find(|column| {
                split_unit(column).is_some_and(|(s, _)| s == stem)
                    && !header.contains(&column.to_string())
            })
        });
        let error = match wrong_unit {
            Some(column) => {
                let unit = split_unit(column).map(|(_, unit)| unit).unwrap_or_default();
                InputError::cell(
                    file,
                    1,
                    name,
                    format!(
                        "{} in {unit} (column {column})",
                        split_unit(column).map(|(s, _)| s).unwrap_or(column)
                    ),
                    name.clone(),
                )
            }
            None => InputError::cell(
                file,
                1,
                name,
                format!("one of the columns {}", expected.join(", ")),
                name.clone(),
            ),
        };
        let _ = position;
        errors.push(error);
    }
    for column in expected {
        match header.iter().position(|name| name == column) {
            Some(position) => positions.push(position),
            None => {
                let reported_as_wrong_unit = split_unit(column).is_some_and(|(stem, _)| {
                    header.iter().any(|name| {
                        !expected.contains(&name.as_str())
                            && split_unit(name).is_some_and(|(s, _)| s == stem)
                    })
                });
                if !reported_as_wrong_unit {
                    errors.push(InputError::row(file, 1, format!("column {column}"), ""));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(positions)
    } else {
        Err(errors)
    }
}

/// The allowed range of a number.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Range {
    /// Any finite number.
    Any,
    /// Zero or more.
    NonNegative,
    /// A percentage, 0 to 100.
    Percent,
    /// Between two bounds, both included.
    Between(f64, f64),
    /// A plausible range of a physical quantity ([`crate::limits`]).
    Limit(crate::limits::Limit),
}

impl Range {
    fn expected(self) -> String {
        match self {
            Range::Any => "number".to_string(),
            Range::NonNegative => "non-negative number".to_string(),
            Range::Percent => "percentage between 0 and 100".to_string(),
            Range::Between(lo, hi) => format!("number between {lo} and {hi}"),
            Range::Limit(limit) if limit.lo == 0.0 => "non-negative number".to_string(),
            Range::Limit(limit) => limit.expected(),
        }
    }

    /// What is expected of the number `x` that is out of range: a plausible
    /// range ([`crate::limits`]) gives its bound and reason when `x` is above it
    /// (or when its lower bound is not zero).
    fn expected_for(self, x: f64) -> String {
        match self {
            Range::Limit(limit) if x > limit.hi || limit.lo != 0.0 => limit.expected(),
            _ => self.expected(),
        }
    }

    fn contains(self, x: f64) -> bool {
        match self {
            Range::Any => true,
            Range::NonNegative => x >= 0.0,
            Range::Percent => (0.0..=100.0).contains(&x),
            Range::Between(lo, hi) => (lo..=hi).contains(&x),
            Range::Limit(limit) => limit.contains(x),
        }
    }
}

/// One row being read: its cells in the table's column order, and where it is.
pub(crate) struct Row<'a> {
    pub(crate) file: &'a Path,
    pub(crate) line: usize,
    columns: &'static [&'static str],
    cells: &'a [String],
    errors: &'a mut Vec<InputError>,
}

impl<'a> Row<'a> {
    pub(crate) fn new(
        file: &'a Path,
        line: usize,
        columns: &'static [&'static str],
        cells: &'a [String],
        errors: &'a mut Vec<InputError>,
    ) -> Row<'a> {
        Row {
            file,
            line,
            columns,
            cells,
            errors,
        }
    }

    /// The original text of a cell.
    pub(crate) fn raw(&self, column: &str) -> &'a str {
        let cells: &'a [String] = self.cells;
        self.columns
            .iter()
            .position(|c| *c == column)
            .and_then(|i| cells.get(i))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Records an error in `column`.
    pub(crate) fn error(&mut self, column: &str, expected: impl Into<String>) {
        let found = self.raw(column).to_string();
        self.errors.push(InputError::cell(
            self.file, self.line, column, expected, found,
        ));
    }

    /// A required, non-empty text.
    pub(crate) fn text(&mut self, column: &str) -> Option<String> {
        let raw = self.raw(column);
        if raw.trim().is_empty() {
            self.error(column, "text");
            return None;
        }
        Some(raw.to_string())
    }

    /// A code (an id): required, without spaces.
    pub(crate) fn code(&mut self, column: &str) -> Option<String> {
        let raw = self.raw(column);
        if raw.is_empty() || raw.chars().any(|c| c.is_whitespace() || c == ',') {
            self.error(column, "code without spaces");
            return None;
        }
        Some(raw.to_string())
    }

    /// An optional code: `Some(None)` for an empty cell, `None` after an error.
    pub(crate) fn opt_code(&mut self, column: &str) -> Option<Option<String>> {
        if self.raw(column).is_empty() {
            return Some(None);
        }
        self.code(column).map(Some)
    }

    /// A validity period from two optional date columns; the end must not be before the start.
    #[allow(clippy::type_complexity)]
    pub(crate) fn validity(
        &mut self,
        from_column: &str,
        to_column: &str,
    ) -> (Option<Option<NaiveDate>>, Option<Option<NaiveDate>>) {
        let from = self.opt_date(from_column);
        let to = self.opt_date(to_column);
        if let (Some(Some(start)), Some(Some(end))) = (from, to) {
            if end < start {
                self.error(
                    to_column,
                    format!(
                        "date on or after {from_column} ({})",
                        start.format("%Y-%m-%d")
                    ),
                );
                return (from, None);
            }
        }
        (from, to)
    }

    /// A text that may be empty (notes, remarks).
    pub(crate) fn opt_text(&mut self, column: &str) -> String {
        self.raw(column).to_string()
    }

    /// A required number in `range`.
    pub(crate) fn number(&mut self, column: &str, range: Range) -> Option<f64> {
        match self.opt_number(column, range) {
            Some(Some(x)) => Some(x),
            Some(None) => {
                self.error(column, range.expected());
                None
            }
            None => None,
        }
    }

    /// An optional number in `range`: `Some(None)` for an empty cell, `None` after an error.
    pub(crate) fn opt_number(&mut self, column: &str, range: Range) -> Option<Option<f64>> {
        let raw = self.raw(column);
        if raw.is_empty() {
            return Some(None);
        }
        match parse_number(raw) {
            Some(x) if !x.is_finite() => {
                self.error(column, format!("finite {}", range.expected()));
                None
            }
            Some(x) if range.contains(x) => Some(Some(x)),
            Some(x) => {
                self.error(column, range.expected_for(x));
                None
            }
            None => {
                self.error(column, range.expected());
                None
            }
        }
    }

    /// A required whole number between `lo` and `hi`.
    pub(crate) fn int(&mut self, column: &str, lo: i64, hi: i64, what: &str) -> Option<i64> {
        let raw = self.raw(column);
        match raw.parse::<i64>() {
            Ok(x) if (lo..=hi).contains(&x) => Some(x),
            _ => {
                self.error(column, format!("{what} ({lo} to {hi})"));
                None
            }
        }
    }

    /// A required date `YYYY-MM-DD`.
    pub(crate) fn date(&mut self, column: &str) -> Option<NaiveDate> {
        match self.opt_date(column) {
            Some(Some(date)) => Some(date),
            Some(None) => {
                self.error(column, "date YYYY-MM-DD");
                None
            }
            None => None,
        }
    }

    /// An optional date `YYYY-MM-DD`: `Some(None)` for an empty cell, `None` after an error.
    pub(crate) fn opt_date(&mut self, column: &str) -> Option<Option<NaiveDate>> {
        let raw = self.raw(column);
        if raw.is_empty() {
            return Some(None);
        }
        match parse_date(raw) {
            Some(date) => Some(Some(date)),
            None => {
                self.error(column, "date YYYY-MM-DD");
                None
            }
        }
    }

    /// `true` or `false`.
    pub(crate) fn boolean(&mut self, column: &str) -> Option<bool> {
        match self.raw(column) {
            "true" => Some(true),
            "false" => Some(false),
            _ => {
                self.error(column, "true or false");
                None
            }
        }
    }

    /// One of a fixed set of words.
    pub(crate) fn choice<T: Copy>(&mut self, column: &str, options: &[(&str, T)]) -> Option<T> {
        let raw = self.raw(column);
        match options.iter().find(|(word, _)| *word == raw) {
            Some((_, value)) => Some(*value),
            None => {
                let words: Vec<&str> = options.iter().map(|(word, _)| *word).collect();
                self.error(column, format!("one of {}", words.join(", ")));
                None
            }
        }
    }
}

/// Parses a plain decimal number (`12`, `-3.5`, `1e3`, `nan`, `inf`); `None` for anything else.
pub(crate) fn parse_number(raw: &str) -> Option<f64> {
    // Rust also parses "infinity" and a leading '+'; both are fine, NaN and inf are rejected by range.
    raw.parse::<f64>().ok()
}

/// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day).
pub(crate) fn parse_date(raw: &str) -> Option<NaiveDate> {
    let bytes = raw.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()
}

/// The cells of one row being written.
#[derive(Default)]
pub(crate) struct Fields(pub(crate) Vec<String>);

impl Fields {
    pub(crate) fn text(&mut self, text: &str) {
        self.0.push(text.to_string());
    }
    pub(crate) fn number(&mut self, x: f64) {
        self.0.push(format_number(x));
    }
    pub(crate) fn opt_number(&mut self, x: Option<f64>) {
        self.0.push(x.map(format_number).unwrap_or_default());
    }
    pub(crate) fn int(&mut self, x: i64) {
        self.0.push(x.to_string());
    }
    pub(crate) fn date(&mut self, date: NaiveDate) {
        self.0.push(date.format("%Y-%m-%d").to_string());
    }
    pub(crate) fn opt_date(&mut self, date: Option<NaiveDate>) {
        self.0.push(
            date.map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        );
    }
    pub(crate) fn boolean(&mut self, x: bool) {
        self.0.push(if x { "true" } else { "false" }.to_string());
    }
}

/// Formats a number the same way every time: the shortest text that reads back
/// to the same `f64` (`1.5`, `1000`, `0.1`), `0` for negative zero.
pub(crate) fn format_number(x: f64) -> String {
    if x == 0.0 {
        return "0".to_string();
    }
    format!("{x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn header_in_any_order_is_matched_by_name() {
        let positions = match_header(Path::new("t.csv"), &header(&["b", "a"]), &["a", "b"]);
        assert_eq!(positions, Ok(vec![1, 0]));
    }

    #[test]
    fn a_column_in_another_unit_names_the_expected_unit() {
        let errors = match_header(
            Path::new("t.csv"),
            &header(&["from_zone", "capacity_mcm_d"]),
            &["from_zone", "capacity_gwh_d"],
        )
        .unwrap_err();
        let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            messages,
            [
                r#"t.csv:1: capacity_mcm_d: expected capacity in GWh/d (column capacity_gwh_d), found "capacity_mcm_d""#
            ]
        );
    }

    #[test]
    fn missing_and_unknown_columns_are_both_reported() {
        let errors =
            match_header(Path::new("t.csv"), &header(&["a", "colour"]), &["a", "b"]).unwrap_err();
        let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert_eq!(
            messages,
            [
                r#"t.csv:1: colour: expected one of the columns a, b, found "colour""#,
                "t.csv:1: expected column b, found nothing"
            ]
        );
    }

    #[test]
    fn dates_are_strict() {
        assert!(parse_date("2022-02-24").is_some());
        assert!(parse_date("2022-2-24").is_none());
        assert!(parse_date("24.02.2022").is_none());
        assert!(parse_date("2022-02-30").is_none());
        assert!(parse_date("２０２２-02-24").is_none());
    }

    #[test]
    fn numbers_are_written_shortest() {
        assert_eq!(format_number(1.5), "1.5");
        assert_eq!(format_number(1000.0), "1000");
        assert_eq!(format_number(-0.0), "0");
        assert_eq!(format_number(0.1 + 0.2), "0.30000000000000004");
    }
}
