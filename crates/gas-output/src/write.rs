//! Writers for [`Table`]s: CSV, JSON (an array of records) and Parquet.
//!
//! All three load directly in pandas (`read_csv`, `read_json(orient="records")`,
//! `read_parquet`) and spreadsheets (CSV). Numbers in CSV and JSON carry at most
//! six decimals so that runs are byte-for-byte reproducible.

use crate::atomic::write_atomically;
use crate::table::{format_number, ColumnData, Table};
use chrono::{Datelike, NaiveDate};
use parquet::basic::{Compression, LogicalType, Repetition, Type as PhysicalType};
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use serde_json::{Map, Value};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A result file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of records (one object per row).
    Json,
    /// Apache Parquet, snappy-compressed, one row group.
    Parquet,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Parquet => "parquet",
        }
    }

    /// Parses `csv`, `json` or `parquet`.
    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "parquet" => Some(Format::Parquet),
            _ => None,
        }
    }
}

/// Why a result file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The file system refused.
    #[error("{path}: could not write: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// A path that must be a folder (the results' folder or one of its parents) is something else.
    #[error("{path} is {found}, not a folder")]
    NotAFolder {
        /// The path.
        path: PathBuf,
        /// What it is instead (`a file`, `a character device`...).
        found: &'static str,
    },
    /// A path that must be a file (a result file, `--report`, `--export-lp`) is something else.
    #[error("{path} is {found}, not a file")]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead (`a folder`, `a character device`...).
        found: &'static str,
    },
}

/// Writes `table` into `folder` as `<name>.<ext>`, atomically; returns the path.
pub fn write_table(table: &Table, folder: &Path, format: Format) -> Result<PathBuf, OutputError> {
    let path = folder.join(format!("{}.{}", table.name, format.extension()));
    write_atomically(&path, |file| match format {
        Format::Csv => write_csv(table, file),
        Format::Json => write_json(table, file),
        Format::Parquet => write_parquet(table, file),
    })
    .map_err(|source| OutputError::Io {
        path: path.clone(),
        source,
    })?;
    Ok(path)
}

fn cell_text(data: &ColumnData, row: usize) -> String {
    match data {
        ColumnData::Text(values) => values[row].clone(),
        ColumnData::Float(values) => values[row].map(format_number).unwrap_or_default(),
        ColumnData::Int(values) => values[row].map(|v| v.to_string()).unwrap_or_default(),
        ColumnData::Date(values) => values[row].format("%Y-%m-%d").to_string(),
        ColumnData::OptionalDate(values) => values[row]
            .map(|date| date.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        ColumnData::Bool(values) => values[row].to_string(),
    }
}

/// Writes CSV: a header of column names, then one line per row.
pub fn write_csv(table: &Table, out: &mut impl Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(table.columns.iter().map(|column| column.name.as_str()))?;
    for row in 0..table.rows() {
        writer.write_record(
            table
                .columns
                .iter()
                .map(|column| cell_text(&column.data, row)),
        )?;
    }
    writer.flush()
}

fn cell_json(data: &ColumnData, row: usize) -> Value {
    match data {
        ColumnData::Text(values) => Value::String(values[row].clone()),
        ColumnData::Float(values) => match values[row] {
            Some(value) if value.is_finite() => format_number(value)
                .parse::<serde_json::Number>()
                .map(Value::Number)
                .unwrap_or(Value::Null),
            _ => Value::Null,
        },
        ColumnData::Int(values) => values[row].map_or(Value::Null, Value::from),
        ColumnData::Date(values) => Value::String(values[row].format("%Y-%m-%d").to_string()),
        ColumnData::OptionalDate(values) => values[row].map_or(Value::Null, |date| {
            Value::String(date.format("%Y-%m-%d").to_string())
        }),
        ColumnData::Bool(values) => Value::Bool(values[row]),
    }
}

/// Writes JSON: an array with one object per row.
pub fn write_json(table: &Table, out: &mut impl Write) -> io::Result<()> {
    let records: Vec<Value> = (0..table.rows())
        .map(|row| {
            let mut record = Map::new();
            for column in &table.columns {
                record.insert(column.name.clone(), cell_json(&column.data, row));
            }
            Value::Object(record)
        })
        .collect();
    serde_json::to_writer(&mut *out, &records)?;
    out.write_all(b"\n")
}

fn parquet_field(name: &str, data: &ColumnData) -> parquet::errors::Result<Type> {
    let (physical, logical, repetition) = match data {
        ColumnData::Text(_) => (
            PhysicalType::BYTE_ARRAY,
            Some(LogicalType::String),
            Repetition::REQUIRED,
        ),
        ColumnData::Float(_) => (PhysicalType::DOUBLE, None, Repetition::OPTIONAL),
        ColumnData::Int(_) => (PhysicalType::INT64, None, Repetition::OPTIONAL),
        ColumnData::Date(_) => (
            PhysicalType::INT32,
            Some(LogicalType::Date),
            Repetition::REQUIRED,
        ),
        ColumnData::OptionalDate(_) => (
            PhysicalType::INT32,
            Some(LogicalType::Date),
            Repetition::OPTIONAL,
        ),
        ColumnData::Bool(_) => (PhysicalType::BOOLEAN, None, Repetition::REQUIRED),
    };
    Type::primitive_type_builder(name, physical)
        .with_logical_type(logical)
        .with_repetition(repetition)
        .build()
}

fn days_since_epoch(date: NaiveDate) -> i32 {
    date.num_days_from_ce() - 719_163
}

fn to_io(error: parquet::errors::ParquetError) -> io::Error {
    io::Error::other(error.to_string())
}

/// Writes Parquet: one row group, snappy compression, dates as `DATE`.
pub fn write_parquet<W: Write + Send>(table: &Table, out: &mut W) -> io::Result<()> {
    let fields = table
        .columns
        .iter()
        .map(|column| parquet_field(&column.name, &column.data).map(Arc::new))
        .collect::<Result<Vec<_>, _>>()
        .map_err(to_io)?;
    let schema = Type::group_type_builder("schema")
        .with_fields(fields)
        .build()
        .map_err(to_io)?;
    let properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let mut writer =
        SerializedFileWriter::new(out, Arc::new(schema), Arc::new(properties)).map_err(to_io)?;
    let mut row_group = writer.next_row_group().map_err(to_io)?;
    let mut columns = table.columns.iter();
    while let Some(mut column_writer) = row_group.next_column().map_err(to_io)? {
        let Some(column) = columns.next() else { break };
        match &column.data {
            ColumnData::Text(values) => {
                let values: Vec<ByteArray> =
                    values.iter().map(|v| ByteArray::from(v.as_str())).collect();
                column_writer
                    .typed::<ByteArrayType>()
                    .write_batch(&values, None, None)
            }
            ColumnData::Float(values) => {
                // A value that is not a finite number (an unsolved day's NaN) is null, as
                // it is an empty cell in CSV and null in JSON.
                let values: Vec<Option<f64>> =
                    values.iter().map(|v| v.filter(|v| v.is_finite())).collect();
                let levels: Vec<i16> = values.iter().map(|v| i16::from(v.is_some())).collect();
                let present: Vec<f64> = values.iter().flatten().copied().collect();
                column_writer
                    .typed::<DoubleType>()
                    .write_batch(&present, Some(&levels), None)
            }
            ColumnData::Int(values) => {
                let levels: Vec<i16> = values.iter().map(|v| i16::from(v.is_some())).collect();
                let present: Vec<i64> = values.iter().flatten().copied().collect();
                column_writer
                    .typed::<Int64Type>()
                    .write_batch(&present, Some(&levels), None)
            }
            ColumnData::Date(values) => {
                let days: Vec<i32> = values.iter().map(|d| days_since_epoch(*d)).collect();
                column_writer
                    .typed::<Int32Type>()
                    .write_batch(&days, None, None)
            }
            ColumnData::OptionalDate(values) => {
                let levels: Vec<i16> = values.iter().map(|v| i16::from(v.is_some())).collect();
                let days: Vec<i32> = values
                    .iter()
                    .flatten()
                    .map(|d| days_since_epoch(*d))
                    .collect();
                column_writer
                    .typed::<Int32Type>()
                    .write_batch(&days, Some(&levels), None)
            }
            ColumnData::Bool(values) => column_writer
                .typed::<BoolType>()
                .write_batch(values, None, None),
        }
        .map_err(to_io)?;
        column_writer.close().map_err(to_io)?;
    }
    row_group.close().map_err(to_io)?;
    writer.close().map_err(to_io)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::Column;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    fn sample() -> Table {
        Table::new(
            "sample",
            vec![
                Column::date(
                    "date",
                    vec![
                        NaiveDate::from_ymd_opt(2022, 2, 24).unwrap(),
                        NaiveDate::from_ymd_opt(2022, 2, 25).unwrap(),
                    ],
                ),
                Column::text("zone", vec!["DE".into(), "PL".into()]),
                Column::float("flow_gwh_d", vec![Some(1.5), Some(f64::NAN)]),
                Column::int("buffer_days", vec![Some(40), None]),
                Column::boolean("eu_member", vec![true, true]),
                Column::optional_date(
                    "min_fill_date",
                    vec![None, NaiveDate::from_ymd_opt(2022, 9, 1)],
                ),
            ],
        )
    }

    #[test]
    fn json_is_an_array_of_records_with_nulls() {
        let mut out = Vec::new();
        write_json(&sample(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with(
            r#"[{"date":"2022-02-24","zone":"DE","flow_gwh_d":1.5,"buffer_days":40,"eu_member":true,"min_fill_date":null}"#
        ));
        assert!(text.contains(r#""flow_gwh_d":null"#));
        assert!(text.contains(r#""min_fill_date":"2022-09-01"}"#));
    }

    #[test]
    fn parquet_round_trips_values_and_nulls() {
        let folder = tempfile::tempdir().unwrap();
        let path = write_table(&sample(), folder.path(), Format::Parquet).unwrap();
        let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
        assert_eq!(reader.metadata().file_metadata().num_rows(), 2);
        let rows: Vec<String> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|row| row.unwrap().to_string())
            .collect();
        assert!(rows[0].contains("zone: \"DE\""), "{}", rows[0]);
        assert!(rows[0].contains("flow_gwh_d: 1.5"), "{}", rows[0]);
        assert!(rows[0].contains("2022-02-24"), "{}", rows[0]);
        assert!(rows[1].contains("flow_gwh_d: null"), "{}", rows[1]);
        // A missing date is a null DATE, not an empty string.
        assert!(rows[0].contains("min_fill_date: null"), "{}", rows[0]);
        assert!(rows[1].contains("min_fill_date: 2022-09-01"), "{}", rows[1]);
        let schema = reader.metadata().file_metadata().schema_descr();
        let field = schema.column(5);
        assert_eq!(field.name(), "min_fill_date");
        assert_eq!(field.logical_type_ref(), Some(&LogicalType::Date));
        assert!(field.self_type().is_optional());
    }

    #[test]
    fn csv_leaves_missing_cells_empty() {
        let mut out = Vec::new();
        write_csv(&sample(), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "date,zone,flow_gwh_d,buffer_days,eu_member,min_fill_date\n2022-02-24,DE,1.5,40,true,\n2022-02-25,PL,,,true,2022-09-01\n"
        );
    }
}
