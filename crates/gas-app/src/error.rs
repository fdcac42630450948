//! Everything that can stop a run, with the exit code the command line uses for it.

use gas_io::InputErrors;
use gas_output::OutputError;
use gas_scenario::FileErrors;

/// Why a run could not produce results.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The dataset folder has errors (each names file, row, column, expected, found).
    #[error("the dataset has errors:\n{0}")]
    Dataset(InputErrors),
    /// The dataset folder named on the command line cannot be read as one: it
    /// does not exist, is a file, or holds none of the dataset's files.
    #[error("{}: {problem} ({given_by})", folder.display())]
    DatasetFolder {
        /// The folder as given.
        folder: std::path::PathBuf,
        /// What is wrong with it ([`gas_io::dataset_folder_problem`]).
        problem: String,
        /// Where it came from, e.g. `given by --dataset`.
        given_by: String,
    },
    /// A scenario or package file has errors (each names file, line, column, key, expected, found).
    #[error("{0}")]
    Scenario(FileErrors),
    /// The built system was rejected or the solver failed.
    #[error("the dispatch failed: {0}")]
    Model(#[from] gas_model::RunError),
    /// A result file could not be written.
    #[error("{0}")]
    Output(#[from] OutputError),
    /// Any other file-system problem (named).
    #[error("{0}")]
    Io(String),
}

impl AppError {
    /// Exit code of the command line (documented in the README):
    /// 3 invalid input (dataset, scenario or package), 5 the solver failed,
    /// 6 results could not be written.
    pub fn exit_code(&self) -> i32 {
        match self {
            AppError::Dataset(_) | AppError::DatasetFolder { .. } | AppError::Scenario(_) => 3,
            AppError::Model(gas_model::RunError::Invalid(_)) => 3,
            AppError::Model(_) => 5,
            AppError::Output(_) | AppError::Io(_) => 6,
        }
    }
}

impl From<InputErrors> for AppError {
    fn from(errors: InputErrors) -> Self {
        AppError::Dataset(errors)
    }
}

impl From<FileErrors> for AppError {
    fn from(errors: FileErrors) -> Self {
        AppError::Scenario(errors)
    }
}
