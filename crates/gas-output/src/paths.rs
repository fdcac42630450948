//! Checks of output paths made before any work is done, so that a run that
//! cannot write its results says so at once (and why) instead of after solving.
//!
//! Nothing here writes a result: the only file created is a probe in the
//! folder that will receive the results (or in its nearest existing ancestor),
//! removed at once, to learn whether the folder is writable.

use crate::write::OutputError;
use std::fs::{self, File, Metadata};
use std::io;
use std::path::{Path, PathBuf};

/// What a path that exists is, in words (`a file`, `a folder`, `a character device`...).
fn kind_of(metadata: &Metadata) -> &'static str {
    let kind = metadata.file_type();
    if kind.is_dir() {
        return "a folder";
    }
    if kind.is_file() {
        return "a file";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// The nearest existing ancestor of `path` (itself included); `.` for a relative
/// path none of whose parts exist.
fn nearest_existing(path: &Path) -> (PathBuf, Option<Metadata>) {
    for ancestor in path.ancestors() {
        let candidate = if ancestor.as_os_str().is_empty() {
            Path::new(".")
        } else {
            ancestor
        };
        if let Ok(metadata) = fs::metadata(candidate) {
            return (candidate.to_path_buf(), Some(metadata));
        }
    }
    (path.to_path_buf(), None)
}

/// Creates and removes a probe file in the existing folder `folder`.
fn probe_writable(folder: &Path) -> io::Result<()> {
    let probe = folder.join(format!(".gasbuffer-probe-{}", std::process::id()));
    File::options().write(true).create_new(true).open(&probe)?;
    fs::remove_file(&probe)
}

fn not_a_folder(path: &Path, metadata: &Metadata) -> OutputError {
    OutputError::NotAFolder {
        path: path.to_path_buf(),
        found: kind_of(metadata),
    }
}

/// Checks that `folder` can receive result files: it is a folder, or it can be
/// created (its nearest existing ancestor is a folder), the folder (or that
/// ancestor) is writable, and none of `files` inside it is a folder or anything
/// but a regular file (each would be replaced by a new file).
pub fn check_folder(folder: &Path, files: &[String]) -> Result<(), OutputError> {
    let (existing, metadata) = nearest_existing(folder);
    let Some(metadata) = metadata else {
        return Err(OutputError::Io {
            path: folder.to_path_buf(),
            source: io::Error::new(io::ErrorKind::NotFound, "no part of the path exists"),
        });
    };
    if !metadata.is_dir() {
        return Err(not_a_folder(&existing, &metadata));
    }
    if existing == folder {
        for name in files {
            let path = folder.join(name);
            if let Ok(metadata) = fs::metadata(&path) {
                if !metadata.is_file() {
                    return Err(OutputError::NotAFile {
                        path,
                        found: kind_of(&metadata),
                    });
                }
            }
        }
    }
    probe_writable(&existing).map_err(|source| OutputError::Io {
        path: existing,
        source,
    })
}

/// Checks that `file` can be written (atomically, see [`crate::atomic`]): if it
/// exists it is a regular file (never a folder or a device, which the rename would
/// replace), and its folder passes [`check_folder`].
pub fn check_file(file: &Path) -> Result<(), OutputError> {
    if let Ok(metadata) = fs::metadata(file) {
        if !metadata.is_file() {
            return Err(OutputError::NotAFile {
                path: file.to_path_buf(),
                found: kind_of(&metadata),
            });
        }
    }
    if file.file_name().is_none() {
        return Err(OutputError::NotAFile {
            path: file.to_path_buf(),
            found: "a path without a file name",
        });
    }
    let folder = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    check_folder(folder, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_where_the_folder_should_be_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("afile");
        fs::write(&file, "x").unwrap();
        let error = check_folder(&file, &[]).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("{} is a file, not a folder", file.display())
        );
        // A folder below a file: the file is named.
        let error = check_folder(&file.join("sub"), &[]).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("{} is a file, not a folder", file.display())
        );
        let error = check_file(&file.join("report.html")).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("{} is a file, not a folder", file.display())
        );
    }

    #[test]
    fn a_folder_or_device_where_a_file_should_be_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let error = check_file(dir.path()).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("{} is a folder, not a file", dir.path().display())
        );
        fs::create_dir(dir.path().join("ledger.csv")).unwrap();
        let error = check_folder(dir.path(), &["ledger.csv".to_string()]).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "{} is a folder, not a file",
                dir.path().join("ledger.csv").display()
            )
        );
        #[cfg(unix)]
        {
            let error = check_folder(Path::new("/dev/null"), &[]).unwrap_err();
            assert_eq!(
                error.to_string(),
                "/dev/null is a character device, not a folder"
            );
            let error = check_file(Path::new("/dev/null")).unwrap_err();
            assert_eq!(
                error.to_string(),
                "/dev/null is a character device, not a file"
            );
        }
    }

    #[test]
    fn new_and_existing_folders_pass_and_leave_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        check_folder(&dir.path().join("a/b/c"), &["summary.json".to_string()]).unwrap();
        check_file(&dir.path().join("a/report.html")).unwrap();
        fs::write(dir.path().join("summary.json"), "{}").unwrap();
        check_folder(dir.path(), &["summary.json".to_string()]).unwrap();
        let left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, vec![std::ffi::OsString::from("summary.json")]);
    }
}
