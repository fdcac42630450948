//! Importers: turn files users download from the publishers into dataset rows,
//! merged into an existing dataset folder.
//!
//! Each importer reads one downloaded file, converts it to the dataset's units,
//! loads the target folder, replaces the rows with the same key (adding the
//! others), adds its citation to `sources.csv`, checks the result like
//! [`crate::load_dataset`] would, and writes the changed folder back (each file
//! atomically). Problems in the downloaded file are [`InputErrors`] naming its
//! lines and columns, all collected before stopping.
//!
//! - [`import_agsi`]: GIE AGSI+ country data → `storage_levels.csv`, `storage.csv`.
//! - [`import_entsog`]: ENTSOG Transparency Platform physical flows → `route_flows_daily.csv`.
//! - [`import_eurostat`]: Eurostat `nrg_cb_gasm` monthly inland consumption → `demand_monthly.csv`.

mod agsi;
mod entsog;
mod eurostat;

pub use agsi::import_agsi;
pub use entsog::{import_entsog, ENTSOG_POINT_ROUTES};
pub use eurostat::import_eurostat;

use crate::error::{InputError, InputErrors};
use crate::lines::LineCounter;
use crate::table::{parse_number, Fields, Row, Table};
use gas_core::dataset::{Dataset, SourceRecord};
use serde::Serialize;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Why an import failed.
#[derive(Debug)]
pub enum ImportError {
    /// The downloaded file, or the target folder, has errors.
    Input(InputErrors),
    /// Writing the target folder failed.
    Io(PathBuf, io::Error),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Input(errors) => write!(f, "{errors}"),
            ImportError::Io(dir, error) => write!(f, "{}: cannot write: {error}", dir.display()),
        }
    }
}

impl std::error::Error for ImportError {}

impl From<InputErrors> for ImportError {
    fn from(errors: InputErrors) -> Self {
        ImportError::Input(errors)
    }
}

/// What an import changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportSummary {
    /// Per table written: (file name, rows added, rows replaced).
    pub tables: Vec<TableChange>,
    /// Rows of the downloaded file that were not used, with the reason
    /// (e.g. a zone the dataset does not have), one entry per reason and key.
    pub skipped: Vec<String>,
}

/// The change to one table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableChange {
    /// File name.
    pub file: String,
    /// New keys.
    pub added: usize,
    /// Keys that existed and were replaced.
    pub replaced: usize,
}

/// "1 row", "2 rows".
fn rows(count: usize) -> String {
    if count == 1 {
        "1 row".to_string()
    } else {
        format!("{count} rows")
    }
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for t in &self.tables {
            writeln!(
                f,
                "{}: {} added, {} replaced",
                t.file,
                rows(t.added),
                t.replaced
            )?;
        }
        if !self.skipped.is_empty() {
            writeln!(f, "not imported:")?;
            for s in &self.skipped {
                writeln!(f, "  {s}")?;
            }
        }
        Ok(())
    }
}

/// A delimited text file with a header, as downloaded.
pub(crate) struct Sheet {
    pub(crate) file: PathBuf,
    pub(crate) header: Vec<String>,
    /// The line of the header (after any `#` comment lines).
    pub(crate) header_line: usize,
    /// (line, cells) for each data row.
    pub(crate) rows: Vec<(usize, Vec<String>)>,
}

impl Sheet {
    /// Reads `file`, guessing the delimiter from the header line (`;`, tab or `,`).
    /// Lines starting with `#` before the header are comments.
    pub(crate) fn read(file: &Path) -> Result<Sheet, InputErrors> {
        let bytes = std::fs::read(file)
            .map_err(|e| InputError::file(file, "a readable file", e.to_string()))?;
        crate::read::check_encoding(file, &bytes)?;
        let text = String::from_utf8_lossy(&bytes);
        let text = text.trim_start_matches('\u{feff}');
        let mut skipped_lines = 0;
        let mut body = text;
        while body.starts_with('#') {
            skipped_lines += 1;
            body = body.split_once('\n').map_or("", |(_, rest)| rest);
        }
        let first = body.lines().next().unwrap_or("");
        let delimiter = if first.contains('\t') {
            b'\t'
        } else if first.matches(';').count() > first.matches(',').count() {
            b';'
        } else {
            b','
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(body.as_bytes());
        let mut lines = LineCounter::new(body.as_bytes());
        let mut header = None;
        let mut rows = Vec::new();
        let mut errors = Vec::new();
        for record in reader.records() {
            match record {
                Err(e) => {
                    let line = e.position().map_or(0, |p| lines.record_line(p)) + skipped_lines;
                    errors.push(InputError::row(
                        file,
                        line,
                        "well-formed CSV",
                        e.to_string(),
                    ));
                    break;
                }
                Ok(record) => {
                    let line =
                        record.position().map_or(0, |p| lines.record_line(p)) + skipped_lines;
                    let cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
                    if header.is_none() {
                        header = Some((line, cells));
                    } else if cells.iter().any(|c| !c.is_empty()) {
                        rows.push((line, cells));
                    }
                }
            }
        }
        let Some((header_line, header)) = header else {
            return Err(InputError::file(file, "a header row", "").into());
        };
        InputErrors(errors).into_result(Sheet {
            file: file.to_path_buf(),
            header,
            header_line,
            rows,
        })
    }

    /// The position of the first of `names` that the header has.
    pub(crate) fn column(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|name| {
            self.header
                .iter()
                .position(|h| h.eq_ignore_ascii_case(name))
        })
    }

    /// Like [`Sheet::column`], but a missing column is a (header-line) error.
    pub(crate) fn require(&self, names: &[&str]) -> Result<usize, InputError> {
        self.column(names).ok_or_else(|| {
            InputError::row(
                &self.file,
                self.header_line,
                format!("a column {}", names.join(" or ")),
                "",
            )
        })
    }

    /// The cell at `column` of a row (empty when the row is short).
    pub(crate) fn cell<'a>(&self, cells: &'a [String], column: usize) -> &'a str {
        cells.get(column).map(String::as_str).unwrap_or("")
    }

    /// A number cell; errors name the downloaded file's column.
    pub(crate) fn number(
        &self,
        line: usize,
        cells: &[String],
        column: usize,
        errors: &mut Vec<InputError>,
    ) -> Option<f64> {
        let raw = self.cell(cells, column);
        match parse_number(raw) {
            Some(x) if x.is_finite() => Some(x),
            _ => {
                errors.push(InputError::cell(
                    &self.file,
                    line,
                    &self.header[column],
                    "number",
                    raw,
                ));
                None
            }
        }
    }
}

/// Replaces rows of `existing` whose key is among `new`, adds the rest, and sorts by key.
/// Returns (added, replaced).
pub(crate) fn merge<T, K: Ord + Clone>(
    existing: &mut Vec<T>,
    new: Vec<T>,
    key: impl Fn(&T) -> K,
) -> (usize, usize) {
    let new_keys: std::collections::BTreeSet<K> = new.iter().map(&key).collect();
    let before = existing.len();
    existing.retain(|row| !new_keys.contains(&key(row)));
    let replaced = before - existing.len();
    let added = new_keys.len() - replaced;
    existing.extend(new);
    existing.sort_by_key(|row| key(row));
    (added, replaced)
}

/// Adds (or replaces) the citation of an importer in `sources.csv`.
pub(crate) fn cite(dataset: &mut Dataset, source: SourceRecord) {
    match dataset.sources.iter_mut().find(|s| s.id == source.id) {
        Some(existing) => *existing = source,
        None => dataset.sources.push(source),
    }
}

/// Checks imported records against the rules of their table that concern one
/// row (ranges, plausible bounds, ...) before they are merged, so that a bad
/// figure is reported where it is: at the downloaded file's `line` and, where
/// `columns` maps the table's column to one of the file's (`(dataset column,
/// file column index)`), that column and its original text. A figure derived
/// from several cells keeps the dataset column's name and says so.
pub(crate) fn check_imported<T: Table>(
    sheet: &Sheet,
    records: &[(usize, &T)],
    columns: &[(&str, usize)],
) -> Vec<InputError> {
    let mut errors = Vec::new();
    for &(line, record) in records {
        let mut fields = Fields::default();
        record.write(&mut fields);
        let mut found = Vec::new();
        let _ = T::read(&mut Row::new(
            &sheet.file,
            line,
            T::COLUMNS,
            &fields.0,
            &mut found,
        ));
        for mut error in found {
            let Some(column) = error.column.clone() else {
                errors.push(error);
                continue;
            };
            match columns.iter().find(|(c, _)| *c == column) {
                Some(&(_, index)) => {
                    let cells = sheet
                        .rows
                        .binary_search_by_key(&line, |(l, _)| *l)
                        .ok()
                        .map(|i| &sheet.rows[i].1);
                    error.column = Some(sheet.header[index].clone());
                    if let Some(cells) = cells {
                        error.found = sheet.cell(cells, index).to_string();
                    }
                    error.expected = format!("{} (as {} {column})", error.expected, T::FILE);
                }
                None => {
                    error.expected = format!(
                        "{} (as {} {column}, computed from this file)",
                        error.expected,
                        T::FILE
                    );
                }
            }
            errors.push(error);
        }
    }
    errors
}

/// Checks the merged dataset and writes it back to `dir`.
pub(crate) fn finish(dataset: &Dataset, dir: &Path) -> Result<(), ImportError> {
    crate::validate_dataset(dataset, dir)?;
    crate::write_dataset(dataset, dir).map_err(|e| ImportError::Io(dir.to_path_buf(), e))
}

/// The file name of a path, for citations.
pub(crate) fn file_name(file: &Path) -> String {
    file.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod summary_tests {
    use super::{ImportSummary, TableChange};

    #[test]
    fn the_summary_counts_rows_in_the_singular_and_plural() {
        let change = |file: &str, added| TableChange {
            file: file.into(),
            added,
            replaced: 2,
        };
        let summary = ImportSummary {
            tables: vec![change("a.csv", 1), change("b.csv", 3)],
            skipped: Vec::new(),
        };
        assert_eq!(
            summary.to_string(),
            "a.csv: 1 row added, 2 replaced\nb.csv: 3 rows added, 2 replaced\n"
        );
    }
}
