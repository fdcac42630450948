//! Located errors: every problem in a scenario or package file names the file,
//! the line and column, the key, what was expected and what was found.
//!
//! ```text
//! scenarios/x.toml:12:9: events[2].share: expected a number between 0 and 1, found 1.5
//! ```

use std::fmt;

/// One problem in a scenario or package file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FileError {
    /// The file as the user named it (or the label given to [`crate::parse_scenario`]).
    pub file: String,
    /// 1-based line (0 when the position is unknown).
    pub line: usize,
    /// 1-based column in characters (0 when the position is unknown).
    pub column: usize,
    /// The key path, e.g. `events[2].share`; empty for a TOML syntax error.
    pub key: String,
    /// What was expected.
    pub expected: String,
    /// What was found.
    pub found: String,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        if self.key.is_empty() {
            write!(f, ": expected {}, found {}", self.expected, self.found)
        } else {
            write!(
                f,
                ": {}: expected {}, found {}",
                self.key, self.expected, self.found
            )
        }
    }
}

/// All problems found, in file order (by file, line, column).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileErrors(pub Vec<FileError>);

impl FileErrors {
    /// Sorts by file and position and removes exact duplicates.
    pub fn normalise(mut self) -> FileErrors {
        self.0.sort();
        self.0.dedup();
        self
    }

    /// True when there is no error.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Number of errors.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl fmt::Display for FileErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for error in &self.0 {
            writeln!(f, "{error}")?;
        }
        let count = self.0.len();
        write!(f, "{count} error{}", if count == 1 { "" } else { "s" })
    }
}

impl std::error::Error for FileErrors {}
impl std::error::Error for FileError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_position_key_expected_found() {
        let error = FileError {
            file: "scenarios/x.toml".into(),
            line: 12,
            column: 9,
            key: "events[2].share".into(),
            expected: "a number between 0 and 1".into(),
            found: "1.5".into(),
        };
        assert_eq!(
            error.to_string(),
            "scenarios/x.toml:12:9: events[2].share: expected a number between 0 and 1, found 1.5"
        );
        let all = FileErrors(vec![error.clone(), error]);
        assert!(all.to_string().ends_with("\n2 errors"));
    }
}
