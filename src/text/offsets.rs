//! UTF-8 byte offsets to UTF-16 code-unit offsets.
//!
//! Rust slices strings by UTF-8 byte; JS indexes them by UTF-16 code unit.
//! Every span handed to JS carries both. The index is built once per text
//! (one pass) and answers each conversion by binary search over the
//! non-ASCII characters only, so ASCII-heavy news text costs little.

use crate::report::Span;

/// Converts byte offsets of one text into UTF-16 offsets.
#[derive(Debug, Clone)]
pub struct Utf16Index {
    /// For each non-ASCII char: (byte offset just after it, cumulative
    /// extra bytes beyond its UTF-16 length up to and including it).
    marks: Vec<(usize, usize)>,
    len: usize,
}

impl Utf16Index {
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        let mut extra = 0;
        for (i, c) in text.char_indices() {
            let l8 = c.len_utf8();
            if l8 > 1 {
                extra += l8 - c.len_utf16();
                marks.push((i + l8, extra));
            }
        }
        Utf16Index { marks, len: text.len() }
    }

    /// UTF-16 offset of a byte offset lying on a char boundary.
    pub fn utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let n = self.marks.partition_point(|&(end, _)| end <= byte);
        let extra = if n == 0 { 0 } else { self.marks[n - 1].1 };
        byte - extra
    }

    pub fn span(&self, span: Span) -> Span {
        [self.utf16(span[0]), self.utf16(span[1])]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_encode_utf16_on_every_boundary() {
        let text = "Été 🇫🇷 : 11\u{00A0}000 soldats\u{202F}; e\u{301} ok";
        let idx = Utf16Index::new(text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(idx.utf16(i), text[..i].encode_utf16().count(), "at byte {i}");
        }
    }

    #[test]
    fn ascii_is_identity() {
        let idx = Utf16Index::new("abc 123");
        assert_eq!(idx.span([4, 7]), [4, 7]);
    }
}
