//! Byte offsets to 1-based line and column, and the location carried by parsed values.

use crate::errors::FileError;
use std::ops::Range;

/// Where a value came from: file, line, column and key path.
///
/// Kept on every parsed value that the build step may still reject (an unknown
/// route, a date outside the period), so that those errors are located too.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loc {
    /// The file label.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// Key path, e.g. `events[0].routes[1]`.
    pub key: String,
}

impl Loc {
    /// An error at this location.
    pub fn error(&self, expected: impl Into<String>, found: impl Into<String>) -> FileError {
        FileError {
            file: self.file.clone(),
            line: self.line,
            column: self.column,
            key: self.key.clone(),
            expected: expected.into(),
            found: found.into(),
        }
    }

    /// A location without a position (for values not read from a file, e.g. presets).
    pub fn unplaced(file: &str, key: &str) -> Loc {
        Loc {
            file: file.to_string(),
            line: 0,
            column: 0,
            key: key.to_string(),
        }
    }
}

/// A value with its location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub loc: Loc,
}

impl<T> Located<T> {
    /// A value placed at `loc`.
    pub fn new(value: T, loc: Loc) -> Located<T> {
        Located { value, loc }
    }
}

/// Maps byte offsets of one text to lines and columns.
pub(crate) struct LineIndex<'s> {
    text: &'s str,
    line_starts: Vec<usize>,
}

impl<'s> LineIndex<'s> {
    pub(crate) fn new(text: &'s str) -> LineIndex<'s> {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, byte)| *byte == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, line_starts }
    }

    /// 1-based (line, column) of a byte offset; offsets past the end map to the end.
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        };
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |prefix| prefix.chars().count());
        (line + 1, column + 1)
    }

    pub(crate) fn loc(&self, file: &str, span: &Range<usize>, key: &str) -> Loc {
        let (line, column) = self.position(span.start);
        Loc {
            file: file.to_string(),
            line,
            column,
            key: key.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_one_based_lines_and_character_columns() {
        let index = LineIndex::new("ab\nçd = 1\n");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(3), (2, 1));
        // 'ç' is two bytes: byte 5 is the third character of line 2.
        assert_eq!(index.position(5), (2, 2));
        assert_eq!(index.position(100), (3, 1));
    }
}
