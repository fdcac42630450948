//! Writing a [`Dataset`] as a folder of CSV files, and its fingerprint.
//!
//! Output is deterministic: the columns in the order of the file format, the
//! rows in the order of the dataset, numbers in their shortest exact form,
//! `\n` line ends, quotes only where needed.

use crate::table::{Fields, Table};
use crate::tables::for_each_table;
use gas_core::dataset::Dataset;
use sha2::{Digest, Sha256};
use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// The canonical CSV text of table `T`.
pub(crate) fn render<T: Table>(rows: &[T]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail; a failure would only drop the row, never panic.
    let _ = writer.write_record(T::COLUMNS);
    let mut fields = Fields::default();
    for row in rows {
        fields.0.clear();
        row.write(&mut fields);
        let _ = writer.write_record(&fields.0);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Every table's file name and canonical text, in the canonical order.
pub(crate) fn render_all(dataset: &Dataset) -> Vec<(&'static str, String)> {
    let mut files = Vec::new();
    macro_rules! push {
        ($t:ty) => {
            files.push((<$t as Table>::FILE, render(<$t as Table>::rows(dataset))))
        };
    }
    for_each_table!(push);
    files
}

/// Writes `contents` to `path` through a temporary file in the same folder and a rename,
/// so that readers never see half a file.
pub(crate) fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{}.tmp", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Writes every table of `dataset` into `dir` (created if needed), one file at a
/// time, each atomically (temporary file + rename). Other files in `dir` are left alone.
pub fn write_dataset(dataset: &Dataset, dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    for (name, text) in render_all(dataset) {
        write_atomic(&dir.join(name), text.as_bytes())?;
    }
    Ok(())
}

/// A stable hash of the dataset: SHA-256 over each table's file name and
/// canonical CSV text, written `sha256:<64 hex digits>`.
///
/// Equal datasets give equal fingerprints on every platform; any changed
/// figure, note or row order changes it.
pub fn dataset_fingerprint(dataset: &Dataset) -> String {
    let mut hasher = Sha256::new();
    for (name, text) in render_all(dataset) {
        hasher.update(name.as_bytes());
        hasher.update([0u8]);
        hasher.update((text.len() as u64).to_le_bytes());
        hasher.update(text.as_bytes());
    }
    let digest = hasher.finalize();
    let mut hex = String::with_capacity(7 + 64);
    hex.push_str("sha256:");
    for byte in digest {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;
    use gas_core::dataset::{SourceRecord, ZoneKind, ZoneRecord};

    fn small() -> Dataset {
        Dataset {
            sources: vec![SourceRecord {
                id: "s".into(),
                title: "T, with comma".into(),
                publisher: "P".into(),
                r#where: "w".into(),
                version: String::new(),
                licence: String::new(),
                note: "say \"hi\"".into(),
            }],
            zones: vec![ZoneRecord {
                id: "DE".into(),
                name: "Germany".into(),
                eu_member: true,
                kind: ZoneKind::Consumer,
                protected_share: Some(0.25),
                source: "s".into(),
                note: String::new(),
            }],
            ..Dataset::default()
        }
    }

    #[test]
    fn rendering_quotes_only_where_needed() {
        let files = render_all(&small());
        assert_eq!(files[0].0, "sources.csv");
        assert_eq!(
            files[0].1,
            "id,title,publisher,where,version,licence,note\ns,\"T, with comma\",P,w,,,\"say \"\"hi\"\"\"\n"
        );
        assert_eq!(
            files[1].1,
            "id,name,eu_member,kind,protected_share,source,note\nDE,Germany,true,consumer,0.25,s,\n"
        );
    }

    #[test]
    fn fingerprint_is_stable_and_sensitive() {
        let a = small();
        let mut b = small();
        assert_eq!(dataset_fingerprint(&a), dataset_fingerprint(&b));
        assert!(dataset_fingerprint(&a).starts_with("sha256:"));
        assert_eq!(dataset_fingerprint(&a).len(), 7 + 64);
        b.zones[0].protected_share = Some(0.26);
        assert_ne!(dataset_fingerprint(&a), dataset_fingerprint(&b));
    }
}
