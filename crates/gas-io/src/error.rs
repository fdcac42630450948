//! Located input errors: which file, which line, which column, what was
//! expected and what was found (STYLE.md §7).

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in an input file.
///
/// Displayed as `file:line: column: expected ..., found "..."`, leaving out
/// the line or the column where they do not apply:
///
/// ```
/// use gas_io::InputError;
/// let error = InputError::cell("data/interconnectors.csv", 17, "capacity_gwh_d", "non-negative number", "-3");
/// assert_eq!(
///     error.to_string(),
///     r#"data/interconnectors.csv:17: capacity_gwh_d: expected non-negative number, found "-3""#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file, as the caller named it (folder joined with the file name).
    pub file: PathBuf,
    /// The 1-based line of the file (the header is line 1), if the error has one.
    pub line: Option<usize>,
    /// The column (field) name, if the error concerns one.
    pub column: Option<String>,
    /// What was expected, e.g. `non-negative number`.
    pub expected: String,
    /// The user's original text; empty when nothing was there (shown as `nothing`).
    pub found: String,
    /// How many more errors like this one (same file, column and expectation)
    /// follow and are not listed (see [`InputErrors::capped`]); usually 0.
    pub more: usize,
}

impl InputError {
    /// An error in one cell.
    pub fn cell(
        file: impl Into<PathBuf>,
        line: usize,
        column: &str,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> InputError {
        InputError {
            file: file.into(),
            line: Some(line),
            column: Some(column.to_string()),
            expected: expected.into(),
            found: found.into(),
            more: 0,
        }
    }

    /// An error about a whole row (a duplicate key, an order between rows).
    pub fn row(
        file: impl Into<PathBuf>,
        line: usize,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> InputError {
        InputError {
            file: file.into(),
            line: Some(line),
            column: None,
            expected: expected.into(),
            found: found.into(),
            more: 0,
        }
    }

    /// An error about a whole file (missing, unreadable).
    pub fn file(
        file: impl Into<PathBuf>,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> InputError {
        InputError {
            file: file.into(),
            line: None,
            column: None,
            expected: expected.into(),
            found: found.into(),
            more: 0,
        }
    }

    /// The same error with its file path relative to `base` (when it lies below it).
    pub fn relative_to(&self, base: &Path) -> InputError {
        let mut error = self.clone();
        if let Ok(rest) = self.file.strip_prefix(base) {
            error.file = rest.to_path_buf();
        }
        error
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ": {column}")?;
        }
        write!(f, ": expected {}, found ", self.expected)?;
        if self.found.is_empty() {
            f.write_str("nothing")?;
        } else {
            write!(f, "{:?}", self.found)?;
        }
        if self.more > 0 {
            write!(f, " (and {} more like it, not listed)", self.more)?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}

/// All problems found in an input, in file order.
///
/// Displayed as one error per line, then the count:
///
/// ```
/// use gas_io::{InputError, InputErrors};
/// let errors = InputErrors(vec![InputError::file("data/zones.csv", "a readable file", "")]);
/// assert_eq!(errors.to_string(), "data/zones.csv: expected a readable file, found nothing\n1 input error");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct InputErrors(pub Vec<InputError>);

impl InputErrors {
    /// How many errors are listed.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// How many errors were found, the listed ones and those only counted
    /// ([`InputError::more`]).
    pub fn total(&self) -> usize {
        self.0.iter().map(|e| 1 + e.more).sum()
    }

    /// Lists at most `alike` errors of each kind (same file, column and
    /// expectation; e.g. every row of a file naming a route that is not there):
    /// the last one listed counts the others in [`InputError::more`].
    ///
    /// ```
    /// use gas_io::{InputError, InputErrors};
    /// let errors: Vec<InputError> = (2..30)
    ///     .map(|line| InputError::cell("f.csv", line, "route", "a known route", "NS9"))
    ///     .collect();
    /// let capped = InputErrors(errors).capped(2);
    /// assert_eq!(capped.len(), 2);
    /// assert_eq!(
    ///     capped.to_string(),
    ///     "f.csv:2: route: expected a known route, found \"NS9\"\n\
    ///      f.csv:3: route: expected a known route, found \"NS9\" (and 26 more like it, not listed)\n\
    ///      28 input errors (26 not listed)"
    /// );
    /// ```
    pub fn capped(self, alike: usize) -> InputErrors {
        use std::collections::HashMap;
        let alike = alike.max(1);
        let mut seen: HashMap<(PathBuf, Option<String>, String), usize> = HashMap::new();
        let mut kept: Vec<InputError> = Vec::new();
        let mut last_kept: HashMap<(PathBuf, Option<String>, String), usize> = HashMap::new();
        for error in self.0 {
            let key = (
                error.file.clone(),
                error.column.clone(),
                error.expected.clone(),
            );
            let count = seen.entry(key.clone()).or_insert(0);
            *count += 1;
            if *count <= alike {
                last_kept.insert(key, kept.len());
                kept.push(error);
            } else if let Some(&index) = last_kept.get(&key) {
                kept[index].more += 1 + error.more;
            }
        }
        InputErrors(kept)
    }

    /// No errors at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The errors.
    pub fn iter(&self) -> std::slice::Iter<'_, InputError> {
        self.0.iter()
    }

    /// `Ok(value)` when there are no errors, else `Err(self)`.
    pub fn into_result<T>(self, value: T) -> Result<T, InputErrors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl From<InputError> for InputErrors {
    fn from(error: InputError) -> Self {
        InputErrors(vec![error])
    }
}

impl fmt::Display for InputErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for error in &self.0 {
            writeln!(f, "{error}")?;
        }
        let n = self.total();
        write!(f, "{n} input error{}", if n == 1 { "" } else { "s" })?;
        let unlisted = n - self.0.len();
        if unlisted > 0 {
            write!(f, " ({unlisted} not listed)")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputErrors {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_leaves_out_missing_parts() {
        let e = InputError::row("a.csv", 3, "unique zone", "DE");
        assert_eq!(
            e.to_string(),
            r#"a.csv:3: expected unique zone, found "DE""#
        );
        let e = InputError::cell("a.csv", 3, "name", "text", "");
        assert_eq!(e.to_string(), "a.csv:3: name: expected text, found nothing");
    }

    #[test]
    fn found_text_is_escaped() {
        let e = InputError::cell("a.csv", 2, "x", "number", "1\"2\n");
        assert_eq!(
            e.to_string(),
            r#"a.csv:2: x: expected number, found "1\"2\n""#
        );
    }

    #[test]
    fn count_is_plural() {
        let one = InputError::file("a.csv", "file", "");
        let errors = InputErrors(vec![one.clone(), one]);
        assert!(errors.to_string().ends_with("\n2 input errors"));
    }
}
