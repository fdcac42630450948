//! Text encodings of input bytes.

/// The encoding a byte-order mark names when it is not UTF-8's: `UTF-16` or
/// `UTF-32` (spreadsheets and some editors save "Unicode text" so), or `None`
/// (UTF-8, with or without its mark, or no mark at all).
///
/// ```
/// use gas_core::text::unicode_bom_encoding;
/// assert_eq!(unicode_bom_encoding(&[0xFF, 0xFE, b'a', 0]), Some("UTF-16"));
/// assert_eq!(unicode_bom_encoding(&[0xFF, 0xFE, 0, 0]), Some("UTF-32"));
/// assert_eq!(unicode_bom_encoding(b"\xEF\xBB\xBFname"), None);
/// ```
pub fn unicode_bom_encoding(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..] => Some("UTF-32"),
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] => Some("UTF-16"),
        _ => None,
    }
}
