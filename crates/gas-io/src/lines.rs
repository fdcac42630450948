//! Line numbers of CSV records, counted from their byte offsets.
//!
//! The `csv` crate's `Position::line` is one short for every record after
//! the first in a file with CRLF line endings (it counts a line when it
//! consumes `\n`, and stops a record at the `\r`; rust-csv issue #395), so
//! the errors of a file saved on Windows would point at the line above the
//! faulty one. The byte offset of a position is right, and a
//! [`LineCounter`] turns it into the 1-based line of the record that starts
//! there, whatever the line endings.

/// Maps byte offsets of one text to 1-based line numbers.
///
/// Offsets are usually asked for in increasing order (records as they are
/// read); each call then only counts the bytes since the previous one.
pub(crate) struct LineCounter<'a> {
    bytes: &'a [u8],
    /// Offset up to which newlines were counted.
    offset: usize,
    /// Newlines in `bytes[..offset]`.
    newlines: usize,
}

impl<'a> LineCounter<'a> {
    /// A counter over `bytes`, the whole text the CSV reader reads.
    pub(crate) fn new(bytes: &'a [u8]) -> LineCounter<'a> {
        LineCounter {
            bytes,
            offset: 0,
            newlines: 0,
        }
    }

    /// The line of the record a CSV position points at: line breaks at the
    /// offset (the end of the previous record that the reader had not
    /// consumed yet) are skipped first.
    pub(crate) fn record_line(&mut self, position: &csv::Position) -> usize {
        let mut at = usize::try_from(position.byte())
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while at < self.bytes.len() && matches!(self.bytes[at], b'\r' | b'\n') {
            at += 1;
        }
        self.line_at(at)
    }

    /// The 1-based line of byte offset `at`.
    fn line_at(&mut self, at: usize) -> usize {
        if at < self.offset {
            self.offset = 0;
            self.newlines = 0;
        }
        self.newlines += self.bytes[self.offset..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.offset = at;
        self.newlines + 1
    }
}

#[cfg(test)]
mod tests {
    use super::LineCounter;

    /// The line of each record and of the reader's error, as reported.
    fn record_lines(text: &str) -> Vec<usize> {
        let mut lines = LineCounter::new(text.as_bytes());
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .byte_records()
            .map(|record| {
                let record = record.unwrap();
                lines.record_line(record.position().unwrap())
            })
            .collect()
    }

    #[test]
    fn crlf_lf_and_blank_lines_give_the_same_record_lines() {
        assert_eq!(record_lines("a,b\n1,2\n3,4\n"), vec![1, 2, 3]);
        assert_eq!(record_lines("a,b\r\n1,2\r\n3,4\r\n"), vec![1, 2, 3]);
        assert_eq!(record_lines("a,b\r\n\r\n1,2\r\n3,4"), vec![1, 3, 4]);
        // A quoted cell over two lines: the next record starts two lines on.
        assert_eq!(
            record_lines("a,b\r\n\"x\r\ny\",2\r\n3,4\r\n"),
            vec![1, 2, 4]
        );
    }

    #[test]
    fn offsets_asked_out_of_order_are_still_right() {
        let text = b"a\nb\nc\n";
        let mut lines = LineCounter::new(text);
        assert_eq!(lines.line_at(4), 3);
        assert_eq!(lines.line_at(2), 2);
        assert_eq!(lines.line_at(0), 1);
    }
}
