//! A document text with a sparse char-to-byte table: files address text in chars,
//! Rust strings and egui layout sections in bytes, and long documents must not be
//! rescanned for every conversion. The text's analyses (paragraphs, sentences,
//! quotations) hang off the same value, each computed the first time it is asked for
//! and then shared by every clone, so a 10 MB document opens without paying for them.

use std::sync::{Arc, OnceLock};

use super::paragraphs::Paragraph;
use super::quotes::Quotations;
use super::sentences::Sentence;

/// Characters between two stored byte checkpoints; a lookup scans at most this many.
const STRIDE: usize = 64;

/// Immutable text plus the table that turns char offsets into byte offsets in O(1)-ish.
/// Cloning is cheap and shares the cached analyses.
#[derive(Clone)]
pub struct TextIndex {
    text: Arc<str>,
    /// Byte offset of every `STRIDE`-th char; empty when the text is ASCII.
    checkpoints: Arc<[usize]>,
    char_len: usize,
    cache: Arc<Cache>,
}

/// Analyses of the text, each built on first use.
#[derive(Default)]
struct Cache {
    paragraphs: OnceLock<Vec<Paragraph>>,
    sentences: OnceLock<Vec<Sentence>>,
    quotations: OnceLock<Quotations>,
}

impl std::fmt::Debug for TextIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let head: String = self.text.chars().take(40).collect();
        f.debug_struct("TextIndex").field("char_len", &self.char_len).field("head", &head).finish_non_exhaustive()
    }
}

impl TextIndex {
    /// Indexes `text` once; every later conversion is cheap.
    pub fn new(text: String) -> Self {
        let text: Arc<str> = Arc::from(text);
        if text.is_ascii() {
            let char_len = text.len();
            return Self { text, checkpoints: Arc::from(Vec::new()), char_len, cache: Arc::default() };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut char_len = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % STRIDE == 0 {
                checkpoints.push(byte);
            }
            char_len = i + 1;
        }
        Self { text, checkpoints: Arc::from(checkpoints), char_len, cache: Arc::default() }
    }

    /// The paragraphs (lines), built on first use.
    pub fn paragraphs(&self) -> &[Paragraph] {
        self.cache.paragraphs.get_or_init(|| super::paragraphs::scan(&self.text))
    }

    /// The sentences of the whole text, built on first use.
    pub fn sentences(&self) -> &[Sentence] {
        self.cache.sentences.get_or_init(|| super::sentences::scan(self))
    }

    /// The quotations of the whole text, built on first use.
    pub fn quotations(&self) -> &Quotations {
        self.cache.quotations.get_or_init(|| super::quotes::scan(self))
    }

    /// The char at `pos`, if any.
    pub fn char_at(&self, pos: usize) -> Option<char> {
        if pos >= self.char_len {
            return None;
        }
        self.text[self.byte_of(pos)..].chars().next()
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
    fn case_insensitive_search_reports_char_ranges() {
        let t = TextIndex::new("“China” and CHINA".into());
        assert_eq!(t.find_all_case_insensitive("china"), vec![(1, 6), (12, 17)]);
    }
}
