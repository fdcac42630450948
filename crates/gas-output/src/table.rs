//! A minimal column-oriented table: the one shape every writer understands.

use chrono::NaiveDate;

/// The values of one column.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnData {
    /// UTF-8 text.
    Text(Vec<String>),
    /// Floating-point numbers; `None`, or a value that is not a finite number (the NaN of an
    /// unsolved day), is an empty cell (`null` in JSON and Parquet).
    Float(Vec<Option<f64>>),
    /// Whole numbers; `None` is an empty cell.
    Int(Vec<Option<i64>>),
    /// Calendar dates, written `YYYY-MM-DD` (Parquet `DATE`, required).
    Date(Vec<NaiveDate>),
    /// Calendar dates that may be missing: `None` is an empty cell (`null` in
    /// JSON, a null Parquet `DATE`).
    OptionalDate(Vec<Option<NaiveDate>>),
    /// True or false.
    Bool(Vec<bool>),
}

impl ColumnData {
    /// Number of rows.
    pub fn len(&self) -> usize {
        match self {
            ColumnData::Text(values) => values.len(),
            ColumnData::Float(values) => values.len(),
            ColumnData::Int(values) => values.len(),
            ColumnData::Date(values) => values.len(),
            ColumnData::OptionalDate(values) => values.len(),
            ColumnData::Bool(values) => values.len(),
        }
    }

    /// True when the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A named column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Column name, with its unit (`storage_level_twh`).
    pub name: String,
    /// Values.
    pub data: ColumnData,
}

impl Column {
    /// A text column.
    pub fn text(name: &str, values: Vec<String>) -> Column {
        Column {
            name: name.to_string(),
            data: ColumnData::Text(values),
        }
    }
    /// A number column (empty cells allowed).
    pub fn float(name: &str, values: Vec<Option<f64>>) -> Column {
        Column {
            name: name.to_string(),
            data: ColumnData::Float(values),
        }
    }
    /// A number column without empty cells.
    pub fn floats(name: &str, values: Vec<f64>) -> Column {
        Column::float(name, values.into_iter().map(Some).collect())
    }
    /// A whole-number column.
    pub fn int(name: &str, values: Vec<Option<i64>>) -> Column {
        Column {
            name: name.to_string(),
            data: ColumnData::Int(values),
        }
    }
    /// A date column.
    pub fn date(name: &str, values: Vec<NaiveDate>) -> Column {
        Column {
            name: name.to_string(),
            data: ColumnData::Date(values),
        }
    }
    /// A date column with empty cells allowed.
    pub fn optional_date(name: &str, values: Vec<Option<NaiveDate>>) -> Column {
        Column {
            name: name.to_string(),
            data: ColumnData::OptionalDate(values),
        }
    }
    /// A boolean column.
    pub fn boolean(name: &str, values: Vec<bool>) -> Column {
        Column {
            name: name.to_string(),
            data: ColumnData::Bool(values),
        }
    }
}

/// A named table; all columns have the same number of rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// File stem (`zones_daily`).
    pub name: String,
    /// Columns in output order.
    pub columns: Vec<Column>,
}

impl Table {
    /// A table from its columns.
    pub fn new(name: &str, columns: Vec<Column>) -> Table {
        Table {
            name: name.to_string(),
            columns,
        }
    }

    /// Number of rows (of the first column).
    pub fn rows(&self) -> usize {
        self.columns.first().map_or(0, |column| column.data.len())
    }

    /// The column called `name`.
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|column| column.name == name)
    }
}

/// Formats a number for text output: at most 6 decimals, no trailing zeros, no `-0`.
pub fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let rounded = (value * 1e6).round() / 1e6;
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    let text = format!("{rounded:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::format_number;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(format_number(0.1 + 0.2), "0.3");
        assert_eq!(format_number(-0.0000001), "0");
        assert_eq!(format_number(1234.5), "1234.5");
        assert_eq!(format_number(2.0), "2");
        assert_eq!(format_number(f64::NAN), "");
    }
}
