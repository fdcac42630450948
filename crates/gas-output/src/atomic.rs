//! Atomic file writing: a temporary file beside the target, then a rename.
//!
//! The temporary file of `NAME` is `.NAME.tmp-PID` (PID: the writing process). No
//! temporary file outlives its write:
//! - on an error it is removed at once;
//! - every write in progress is registered, and [`stop_writes`] (which the command
//!   line calls when it is interrupted: Ctrl-C, `SIGTERM`, `SIGHUP`) removes their
//!   temporary files and holds back new writes until the process exits;
//! - one left by a process that was killed outright (`SIGKILL`, a power cut) is
//!   removed by the next write of the same file ([`remove_stale_temporaries`]).

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The temporary files of the writes in progress in this process.
static IN_PROGRESS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn in_progress() -> MutexGuard<'static, Vec<PathBuf>> {
    IN_PROGRESS.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Holds back every write of this process (see [`stop_writes`]) while it lives.
#[must_use = "writes resume as soon as the guard is dropped"]
pub struct StoppedWrites {
    _guard: MutexGuard<'static, Vec<PathBuf>>,
}

/// Removes the temporary file of every write in progress and holds back new ones
/// (and the renames of those in progress) while the returned guard lives. For a
/// signal handler that then exits the process: no half-written temporary file is
/// left behind, and no finished one is renamed into place after the interrupt.
/// A write whose temporary file was removed fails when it resumes.
pub fn stop_writes() -> StoppedWrites {
    let mut guard = in_progress();
    for temporary in guard.drain(..) {
        let _ = fs::remove_file(temporary);
    }
    StoppedWrites { _guard: guard }
}

/// The temporary file name of a write of `file_name` by process `pid`.
fn temporary_name(file_name: &str, pid: u32) -> String {
    format!(".{file_name}.tmp-{pid}")
}

/// Removes from `folder` the temporary files that writes of any of `file_names` by
/// other processes left behind (`.NAME.tmp-PID`, PID not this process); returns
/// how many were removed. A missing folder has none.
pub fn remove_stale_temporaries(folder: &Path, file_names: &[String]) -> io::Result<usize> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(0),
        Err(error) => return Err(error),
    };
    let own = std::process::id().to_string();
    let mut removed = 0;
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let stale = file_names.iter().any(|file_name| {
            name.strip_prefix('.')
                .and_then(|rest| rest.strip_prefix(file_name.as_str()))
                .and_then(|rest| rest.strip_prefix(".tmp-"))
                .is_some_and(|pid| {
                    !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()) && pid != own
                })
        });
        if stale && entry.file_type()?.is_file() {
            fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Writes `path` by calling `fill` on a temporary file in the same folder, then
/// renaming it over `path`. On any error the temporary file is removed and
/// `path` is left as it was. Temporary files of earlier, killed writes of `path`
/// are removed first (see the module docs).
pub fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<File>) -> io::Result<()>,
) -> io::Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(folder) = folder {
        fs::create_dir_all(folder)?;
    }
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?
        .to_string_lossy()
        .into_owned();
    remove_stale_temporaries(
        folder.unwrap_or_else(|| Path::new(".")),
        std::slice::from_ref(&file_name),
    )?;
    let temporary = path.with_file_name(temporary_name(&file_name, std::process::id()));
    let result = (|| {
        // Created and registered at once, so an interrupt finds every temporary file.
        let file = {
            let mut registered = in_progress();
            let file = File::create(&temporary)?;
            registered.push(temporary.clone());
            file
        };
        let mut writer = BufWriter::new(file);
        fill(&mut writer)?;
        writer.flush()?;
        writer.get_ref().sync_all()?;
        drop(writer);
        let mut registered = in_progress();
        // An interrupt removed the temporary file: the write failed.
        if !registered.contains(&temporary) {
            return Err(io::Error::new(
                io::ErrorKind::Interrupted,
                "interrupted: the temporary file was removed",
            ));
        }
        let renamed = fs::rename(&temporary, path);
        registered.retain(|p| p != &temporary);
        renamed
    })();
    if result.is_err() {
        let mut registered = in_progress();
        let _ = fs::remove_file(&temporary);
        registered.retain(|p| p != &temporary);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_failed_write_leaves_no_file_behind() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("zones_daily.csv");
        let outcome = write_atomically(&path, |file| {
            file.write_all(b"date,zone\n")?;
            Err(io::Error::other("interrupted"))
        });
        assert!(outcome.is_err());
        assert!(!path.exists());
        assert_eq!(fs::read_dir(folder.path()).unwrap().count(), 0);
    }

    #[test]
    fn temporaries_of_killed_writes_are_removed_by_the_next_write() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("summary.json");
        for name in [".summary.json.tmp-123", ".ledger.csv.tmp-77", ".mine.tmp-1"] {
            fs::write(folder.path().join(name), "half").unwrap();
        }
        write_atomically(&path, |file| file.write_all(b"{}")).unwrap();
        let mut left: Vec<String> = fs::read_dir(folder.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            vec![".ledger.csv.tmp-77", ".mine.tmp-1", "summary.json"]
        );
        let removed = remove_stale_temporaries(folder.path(), &["ledger.csv".to_string()]).unwrap();
        assert_eq!(removed, 1);
        assert!(folder.path().join(".mine.tmp-1").exists());
    }

    #[test]
    fn a_finished_write_replaces_the_old_file() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("a.csv");
        fs::write(&path, "old").unwrap();
        write_atomically(&path, |file| file.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
    }
}
