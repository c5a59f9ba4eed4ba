//! A document text with a sparse char-to-byte table: files address text in chars,
//! Rust strings and egui layout sections in bytes, and long documents must not be
//! rescanned for every conversion.

use std::sync::Arc;

/// Characters between two stored byte checkpoints; a lookup scans at most this many.
const STRIDE: usize = 64;

/// Immutable text plus the table that turns char offsets into byte offsets in O(1)-ish.
#[derive(Clone, Debug)]
pub struct TextIndex {
    text: Arc<str>,
    /// Byte offset of every `STRIDE`-th char; empty when the text is ASCII.
    checkpoints: Vec<usize>,
    char_len: usize,
}

impl TextIndex {
    /// Indexes `text` once; every later conversion is cheap.
    pub fn new(text: String) -> Self {
        let text: Arc<str> = Arc::from(text);
        if text.is_ascii() {
            let char_len = text.len();
            return Self { text, checkpoints: Vec::new(), char_len };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut char_len = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % STRIDE == 0 {
                checkpoints.push(byte);
            }
            char_len = i + 1;
        }
        Self { text, checkpoints, char_len }
    }

    /// The whole text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in chars, the unit of every offset in the files.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Byte offset of char `pos`, clamped to the end of the text.
    pub fn byte_of(&self, pos: usize) -> usize {
        if pos >= self.char_len {
            return self.text.len();
        }
        if self.checkpoints.is_empty() {
            return pos;
        }
        let base = self.checkpoints[pos / STRIDE];
        let skip = pos % STRIDE;
        match self.text[base..].char_indices().nth(skip) {
            Some((b, _)) => base + b,
            None => self.text.len(),
        }
    }

    /// Char offset of byte `byte`, which must lie on a char boundary (else the
    /// boundary before it is used).
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.checkpoints.is_empty() {
            return byte;
        }
        let block = match self.checkpoints.binary_search(&byte) {
            Ok(i) => return i * STRIDE,
            Err(i) => i.saturating_sub(1),
        };
        let base = self.checkpoints[block];
        block * STRIDE + self.text[base..].char_indices().take_while(|(b, _)| base + b < byte).count()
    }

    /// The text between two char offsets (clamped), as `&str`.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let (s, e) = (self.byte_of(start), self.byte_of(end.max(start)));
        &self.text[s..e]
    }

    /// Char offsets of every occurrence of `needle`, in text order.
    pub fn find_all(&self, needle: &str) -> Vec<usize> {
        if needle.is_empty() {
            return Vec::new();
        }
        self.text.match_indices(needle).map(|(b, _)| self.char_of(b)).collect()
    }

    /// Char offsets of occurrences of `needle`, ignoring ASCII and Unicode case, for the
    /// text search box.
    pub fn find_all_case_insensitive(&self, needle: &str) -> Vec<(usize, usize)> {
        let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
        if needle.is_empty() {
            return Vec::new();
        }
        let hay: Vec<char> = self.text.chars().collect();
        let mut hits = Vec::new();
        let mut i = 0;
        while i + needle.len() <= hay.len() {
            let matched =
                hay[i..i + needle.len()].iter().zip(&needle).all(|(h, n)| h.to_lowercase().eq(std::iter::once(*n)));
            if matched {
                hits.push((i, i + needle.len()));
                i += needle.len();
            } else {
                i += 1;
            }
        }
        hits
    }

    /// Word edges around a char range: start moved back and end moved forward to the
    /// nearest non-alphanumeric character, then inward past surrounding white space.
    pub fn snap_to_words(&self, start: usize, end: usize) -> (usize, usize) {
        let chars: Vec<char> = self.text.chars().collect();
        let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
        let (mut s, mut e) = (start.min(chars.len()), end.min(chars.len()));
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        while s > 0 && s < chars.len() && is_word(chars[s - 1]) && is_word(chars[s]) {
            s -= 1;
        }
        while e > 0 && e < chars.len() && is_word(chars[e - 1]) && is_word(chars[e]) {
            e += 1;
        }
        (s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways_on_non_ascii_text() {
        let s = "“Quote” — é\u{a0}中文".repeat(40);
        let t = TextIndex::new(s.clone());
        for (i, (b, _)) in s.char_indices().enumerate() {
            assert_eq!(t.byte_of(i), b);
            assert_eq!(t.char_of(b), i);
        }
        assert_eq!(t.char_len(), s.chars().count());
        assert_eq!(t.byte_of(t.char_len()), s.len());
    }

    #[test]
    fn ascii_is_identity() {
        let t = TextIndex::new("hello world".into());
        assert_eq!(t.byte_of(5), 5);
        assert_eq!(t.slice(6, 11), "world");
        assert_eq!(t.find_all("o"), vec![4, 7]);
    }

    #[test]
    fn snaps_partial_words_outward_and_trims_space() {
        let t = TextIndex::new("Lew told reporters.".into());
        assert_eq!(t.snap_to_words(1, 6), (0, 8));
        assert_eq!(t.snap_to_words(3, 9), (4, 8));
    }

    #[test]
    fn case_insensitive_search_reports_char_ranges() {
        let t = TextIndex::new("“China” and CHINA".into());
        assert_eq!(t.find_all_case_insensitive("china"), vec![(1, 6), (12, 17)]);
    }
}
