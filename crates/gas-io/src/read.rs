//! Reading a dataset folder (or the bundled copy) into a [`Dataset`].
//!
//! Every file is read; structural problems (a missing or unreadable file, a
//! missing, unknown or wrongly united column) stop the load after all files
//! were looked at. Otherwise every row error of every file is collected, then
//! the cross-table rules of [`crate::validate`] run.

use crate::error::{InputError, InputErrors};
use crate::lines::LineCounter;
use crate::table::{match_header, Row, Table};
use crate::tables::for_each_table;
use crate::validate::{validate_loaded, Lines};
use gas_core::dataset::Dataset;
use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

/// The rows of one file, with the line each came from.
pub(crate) struct Loaded<T> {
    pub(crate) rows: Vec<T>,
    pub(crate) lines: Vec<usize>,
    /// The id cells of rows that failed to read (so that references to them are not reported twice).
    pub(crate) failed_ids: Vec<String>,
    /// Data records in the file (read or not).
    pub(crate) records: usize,
}

/// A file that is not UTF-8 but UTF-16 or UTF-32 text, told by its byte-order
/// mark (spreadsheets save \"Unicode text\" so): one error saying so, instead of
/// a header whose every name the CSV reader sees with NUL bytes between letters.
pub(crate) fn check_encoding(file: &Path, bytes: &[u8]) -> Result<(), InputError> {
    let Some(encoding) = gas_core::text::unicode_bom_encoding(bytes) else {
        return Ok(());
    };
    Err(InputError::file(
        file,
        "UTF-8 text (save it as CSV UTF-8)",
        format!("{encoding} text"),
    ))
}

/// Parses one CSV file's bytes as table `T`.
///
/// Row errors go to `errors`; structural errors (encoding, header) are returned as `Err`.
pub(crate) fn parse_table<T: Table>(
    file: &Path,
    bytes: &[u8],
    errors: &mut Vec<InputError>,
) -> Result<Loaded<T>, Vec<InputError>> {
    check_encoding(file, bytes).map_err(|error| vec![error])?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let mut lines = LineCounter::new(bytes);
    let header: Vec<String> = match records.next() {
        None => {
            return Err(vec![InputError::row(
                file,
                1,
                format!("header row {}", T::COLUMNS.join(",")),
                "",
            )])
        }
        Some(Err(e)) => return Err(vec![csv_error(file, &e, &mut lines)]),
        Some(Ok(record)) => record
            .iter()
            .enumerate()
            .map(|(i, field)| {
                let name = String::from_utf8_lossy(field).into_owned();
                if i == 0 {
                    name.trim_start_matches('\u{feff}').to_string()
                } else {
                    name
                }
            })
            .collect(),
    };
    let positions = match_header(file, &header, T::COLUMNS)?;
    let mut loaded = Loaded {
        rows: Vec::new(),
        lines: Vec::new(),
        failed_ids: Vec::new(),
        records: 0,
    };
    let id_index = T::ID.and_then(|id| T::COLUMNS.iter().position(|c| *c == id));
    let mut cells: Vec<String> = Vec::with_capacity(T::COLUMNS.len());
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                errors.push(csv_error(file, &e, &mut lines));
                break;
            }
        };
        loaded.records += 1;
        let line = record.position().map_or(0, |p| lines.record_line(p));
        if record.len() != header.len() {
            let found: Vec<String> = record
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            errors.push(InputError::row(
                file,
                line,
                format!("{} fields like the header", header.len()),
                found.join(","),
            ));
            continue;
        }
        cells.clear();
        let mut utf8_ok = true;
        for (column, &position) in T::COLUMNS.iter().zip(&positions) {
            let field = record.get(position).unwrap_or_default();
            match std::str::from_utf8(field) {
                Ok(text) => cells.push(text.to_string()),
                Err(_) => {
                    utf8_ok = false;
                    errors.push(InputError::cell(
                        file,
                        line,
                        column,
                        "UTF-8 text",
                        String::from_utf8_lossy(field).into_owned(),
                    ));
                    cells.push(String::new());
                }
            }
        }
        let before = errors.len();
        let parsed = if utf8_ok {
            T::read(&mut Row::new(file, line, T::COLUMNS, &cells, errors))
        } else {
            None
        };
        match parsed {
            Some(row) if errors.len() == before => {
                loaded.rows.push(row);
                loaded.lines.push(line);
            }
            _ => {
                if let Some(i) = id_index {
                    loaded.failed_ids.push(cells[i].clone());
                }
            }
        }
    }
    Ok(loaded)
}

fn csv_error(file: &Path, error: &csv::Error, lines: &mut LineCounter<'_>) -> InputError {
    let line = error.position().map_or(0, |p| lines.record_line(p));
    InputError::row(file, line, "well-formed CSV", error.to_string())
}

/// Where the files of a dataset come from.
pub(crate) trait FileSource {
    /// The path used in messages for `name`.
    fn path(&self, name: &str) -> PathBuf;
    /// The bytes of `name`; `Ok(None)` when it does not exist.
    fn read(&self, name: &str) -> io::Result<Option<Vec<u8>>>;
}

/// A folder on disk.
pub(crate) struct Folder<'a>(pub(crate) &'a Path);

impl FileSource for Folder<'_> {
    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
    fn read(&self, name: &str) -> io::Result<Option<Vec<u8>>> {
        match std::fs::read(self.0.join(name)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// Rendered files held in memory, named as if they were in `dir`.
pub(crate) struct Memory<'a> {
    pub(crate) dir: &'a Path,
    pub(crate) files: Vec<(&'static str, String)>,
}

impl FileSource for Memory<'_> {
    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
    fn read(&self, name: &str) -> io::Result<Option<Vec<u8>>> {
        Ok(self
            .files
            .iter()
            .find(|(file, _)| *file == name)
            .map(|(_, text)| text.as_bytes().to_vec()))
    }
}

/// The copy of `data/` compiled into the library.
pub(crate) struct Bundled;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

impl FileSource for Bundled {
    fn path(&self, name: &str) -> PathBuf {
        Path::new("data").join(name)
    }
    fn read(&self, name: &str) -> io::Result<Option<Vec<u8>>> {
        Ok(bundled::BUNDLED
            .iter()
            .find(|(file, _)| *file == name)
            .map(|(_, text)| text.as_bytes().to_vec()))
    }
}

/// Loads every table from `source`, then validates across tables.
pub(crate) fn load_from(source: &dyn FileSource) -> Result<Dataset, InputErrors> {
    let mut dataset = Dataset::default();
    let mut errors = Vec::new();
    let mut structural = false;
    let mut lines = Lines::default();
    let mut failed_ids: BTreeSet<(&'static str, String)> = BTreeSet::new();
    let mut files_with_row_errors: BTreeSet<&'static str> = BTreeSet::new();

    macro_rules! load {
        ($t:ty) => {{
            let file = source.path(<$t as Table>::FILE);
            match source.read(<$t as Table>::FILE) {
                Ok(None) => {
                    structural = true;
                    errors.push(InputError::file(
                        &file,
                        format!(
                            "a file with the columns {}",
                            <$t as Table>::COLUMNS.join(",")
                        ),
                        "",
                    ));
                }
                Err(e) => {
                    structural = true;
                    errors.push(InputError::file(&file, "a readable file", e.to_string()));
                }
                Ok(Some(bytes)) => {
                    let before = errors.len();
                    let parsed = parse_table::<$t>(&file, &bytes, &mut errors);
                    if errors.len() > before {
                        files_with_row_errors.insert(<$t as Table>::FILE);
                    }
                    match parsed {
                        Err(header_errors) => {
                            structural = true;
                            errors.extend(header_errors);
                        }
                        Ok(loaded) => {
                            if loaded.records == 0 && REFERENCED.contains(&<$t as Table>::FILE) {
                                // Other files refer to this one's ids: without rows every
                                // reference would be an error. Say so once, and stop there.
                                structural = true;
                                errors.push(InputError::row(
                                    &file,
                                    2,
                                    "rows after the header (other files refer to its ids)",
                                    "",
                                ));
                            }
                            *<$t as Table>::rows_mut(&mut dataset) = loaded.rows;
                            lines.set(<$t as Table>::FILE, loaded.lines);
                            for id in loaded.failed_ids {
                                failed_ids.insert((<$t as Table>::FILE, id));
                            }
                        }
                    }
                }
            }
        }};
    }
    for_each_table!(load);

    if !structural {
        errors.extend(validate_loaded(
            &dataset,
            &lines,
            &|name| source.path(name),
            &failed_ids,
            &files_with_row_errors,
        ));
    }
    InputErrors(errors).capped(MAX_ALIKE).into_result(dataset)
}

/// The tables whose ids other tables refer to: a header without rows is one
/// error, and the checks across tables (which would flag every reference) are
/// skipped.
const REFERENCED: &[&str] = &["sources.csv", "zones.csv", "origins.csv", "routes.csv"];

/// How many errors alike (same file, column and expectation) are listed before
/// the others are only counted.
pub(crate) const MAX_ALIKE: usize = 10;

/// Why `dir` cannot be read as a dataset folder, if it cannot: it does not
/// exist, it is a file, or it holds none of the dataset's files
/// ([`crate::TABLE_FILES`]). `None` for a folder with at least one of them
/// (each missing one is then reported by [`load_dataset`]).
///
/// ```
/// let problem = gas_io::dataset_folder_problem(std::path::Path::new("/no/such/folder"));
/// assert_eq!(problem.as_deref(), Some("no such folder"));
/// ```
pub fn dataset_folder_problem(dir: &Path) -> Option<String> {
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Some("no such folder".to_string()),
        Err(e) => Some(format!("not readable: {e}")),
        Ok(meta) if !meta.is_dir() => Some("a file, not a folder".to_string()),
        Ok(_) if !crate::TABLE_FILES.iter().any(|f| dir.join(f).exists()) => Some(format!(
            "a folder without any of the dataset's {} files ({}, ...)",
            crate::TABLE_FILES.len(),
            crate::TABLE_FILES[..3].join(", ")
        )),
        Ok(_) => None,
    }
}

/// Reads and validates the dataset in folder `dir`.
///
/// All row errors of all files are collected before returning; see
/// [`InputErrors`]. A missing file or column stops after every file was looked at.
/// A folder that does not exist, or holds none of the files, is one error
/// (see [`dataset_folder_problem`]).
///
/// ```
/// let dir = std::env::temp_dir().join("gas-io-doc-missing");
/// let _ = std::fs::create_dir_all(&dir);
/// let errors = gas_io::load_dataset(&dir).unwrap_err();
/// assert_eq!(errors.len(), 1);
/// assert_eq!(errors.iter().next().unwrap().file, dir);
/// ```
pub fn load_dataset(dir: &Path) -> Result<Dataset, InputErrors> {
    if let Some(problem) = dataset_folder_problem(dir) {
        return Err(InputError::file(dir, "a dataset folder", problem).into());
    }
    load_from(&Folder(dir))
}

/// Reads the dataset compiled into this library from the repository's `data/`
/// folder; messages name the files `data/<table>.csv`.
pub fn load_bundled() -> Result<Dataset, InputErrors> {
    load_from(&Bundled)
}

/// The repository's `data/` folder, found relative to this crate's sources
/// (for development builds; installed binaries use [`load_bundled`]).
pub fn bundled_dataset_dir() -> PathBuf {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    crate_dir
        .parent()
        .and_then(Path::parent)
        .unwrap_or(crate_dir)
        .join("data")
}
