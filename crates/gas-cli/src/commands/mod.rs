//! One module per command. Each returns the exit code, or a [`Failure`].

pub mod backtest;
pub mod compare;
pub mod data;
pub mod run;
pub mod serve;
pub mod validate;

use gas_app::AppError;
use std::path::{Path, PathBuf};

/// A command that failed: what to print and the exit code.
#[derive(Debug)]
pub struct Failure {
    /// Exit code (see `gasbuffer --help`).
    pub code: u8,
    /// The message, already naming files and lines.
    pub message: String,
}

impl Failure {
    /// A usage problem (exit code 2).
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
}

impl From<AppError> for Failure {
    fn from(error: AppError) -> Failure {
        Failure {
            code: u8::try_from(error.exit_code()).unwrap_or(1),
            message: error.to_string(),
        }
    }
}

/// For the commands that write results: on `SIGINT` (Ctrl-C), `SIGTERM` or `SIGHUP`,
/// removes the temporary files of the writes in progress
/// ([`gas_output::atomic::stop_writes`]) and exits with 128 + the signal number
/// (130 for Ctrl-C). Finished files stay; a run folder without `summary.json` reads as
/// interrupted. Without the handler (it could not be installed) the signal's default
/// applies, and the next run into the folder removes what was left.
pub fn clean_up_on_interrupt() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) {
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    // Held until the process exits: no write starts or finishes after this.
                    let _stopped = gas_output::atomic::stop_writes();
                    let _ = std::io::Write::write_all(
                        &mut std::io::stderr(),
                        b"interrupted: no temporary file left; results unfinished\n",
                    );
                    std::process::exit(128 + signal);
                }
            });
        }
    }
}

/// The output format named by `--format`.
pub fn format_from(name: &str) -> Result<gas_output::Format, Failure> {
    gas_output::Format::from_name(name).ok_or_else(|| {
        Failure::usage(format!(
            "--format: expected csv, json or parquet, found \"{name}\""
        ))
    })
}

/// The solver named by `--solver`.
pub fn solver_from(name: &str) -> Result<Box<dyn gas_lp::Solver>, Failure> {
    gas_app::solver::solver_by_name(name).ok_or_else(|| {
        Failure::usage(format!(
            "--solver: expected one of {}, found \"{name}\"",
            gas_app::solver::backend_names().join(", ")
        ))
    })
}

/// Checks before any work that `folder` can receive the files `files` (exit code 6,
/// the message naming the option and what is in the way).
pub fn check_out_folder(option: &str, folder: &Path, files: &[String]) -> Result<(), Failure> {
    gas_output::paths::check_folder(folder, files).map_err(|error| out_failure(option, error))
}

/// Checks before any work that `file` can be written (exit code 6, the message
/// naming the option and what is in the way).
pub fn check_out_file(option: &str, file: &Path) -> Result<(), Failure> {
    gas_output::paths::check_file(file).map_err(|error| out_failure(option, error))
}

fn out_failure(option: &str, error: gas_output::OutputError) -> Failure {
    Failure {
        code: 6,
        message: format!("{option}: {error}"),
    }
}

/// Writes an HTML report atomically to `path`.
pub fn write_report(path: &std::path::Path, html: &str) -> Result<(), Failure> {
    gas_output::atomic::write_atomically(path, |file| {
        std::io::Write::write_all(file, html.as_bytes())
    })
    .map_err(|error| {
        Failure::from(AppError::Io(format!(
            "{}: could not write the report: {error}",
            path.display()
        )))
    })?;
    outln!("Report written to {}", path.display());
    Ok(())
}

/// A folder name from a scenario or package name: letters and digits (accented and
/// other scripts' too), `-` and `_` kept, anything else (separators, spaces, dots,
/// punctuation) a `-`.
pub fn folder_name(name: &str) -> PathBuf {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    PathBuf::from(if cleaned.is_empty() {
        "run".to_string()
    } else {
        cleaned
    })
}

#[cfg(test)]
mod tests {
    use super::folder_name;
    use std::path::PathBuf;

    #[test]
    fn folder_names_keep_letters_of_every_script_and_replace_the_rest() {
        assert_eq!(folder_name("réduction-15%"), PathBuf::from("réduction-15-"));
        assert_eq!(folder_name("Übergang Ost"), PathBuf::from("Übergang-Ost"));
        assert_eq!(folder_name("../a/b.c"), PathBuf::from("---a-b-c"));
        assert_eq!(folder_name("été"), PathBuf::from("été"));
        assert_eq!(folder_name(""), PathBuf::from("run"));
    }
}
