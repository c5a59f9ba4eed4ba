//! Paragraphs: the stretches between line breaks. News files hold one paragraph a
//! line (often with blank lines between), and a line break ends a word, a sentence
//! and a bidi paragraph alike (UAX #29 WB3a/b, SB4; UAX #9 P1), so every other
//! analysis works paragraph by paragraph.

use super::TextIndex;
use super::bidi::Direction;

/// One paragraph: the text between two paragraph separators, without them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// First char (offsets as in FORMAT.md section 1).
    pub start: usize,
    /// One past the last char before the separator.
    pub end: usize,
    pub(crate) byte_start: usize,
    pub(crate) byte_end: usize,
}

impl Paragraph {
    /// Number of chars.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty line.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Splits at `\n`, `\r\n`, `\r`, U+0085 and U+2029 (the separators of bidi class B
/// that occur in text files). A text ending in a separator ends with an empty
/// paragraph, as an editor shows it.
pub(crate) fn scan(text: &str) -> Vec<Paragraph> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut chars, mut start, mut byte_start, mut i) = (0, 0, 0, 0);
    while i < bytes.len() {
        let (sep_bytes, sep_chars) = match bytes[i] {
            b'\n' => (1, 1),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => (2, 2),
            b'\r' => (1, 1),
            0xC2 if bytes.get(i + 1) == Some(&0x85) => (2, 1),
            0xE2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xA9]) => (3, 1),
            b => {
                if b & 0xC0 != 0x80 {
                    chars += 1;
                }
                i += 1;
                continue;
            }
        };
        out.push(Paragraph { start, end: chars, byte_start, byte_end: i });
        chars += sep_chars;
        i += sep_bytes;
        start = chars;
        byte_start = i;
    }
    out.push(Paragraph { start, end: chars, byte_start, byte_end: bytes.len() });
    out
}

impl TextIndex {
    /// Index of the paragraph holding char `pos` (a separator belongs to the
    /// paragraph it ends; past the end: the last paragraph).
    pub fn paragraph_at(&self, pos: usize) -> usize {
        let paragraphs = self.paragraphs();
        paragraphs.partition_point(|p| p.start <= pos).saturating_sub(1)
    }

    /// The text of a paragraph.
    pub fn paragraph_text(&self, paragraph: &Paragraph) -> &str {
        &self.as_str()[paragraph.byte_start..paragraph.byte_end]
    }

    /// The paragraph's base direction by its first strong character (UAX #9 P2-P3);
    /// left to right when it has none.
    pub fn direction(&self, paragraph: &Paragraph) -> Direction {
        Direction::of(self.paragraph_text(paragraph))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(text: &str) -> Vec<(usize, usize)> {
        scan(text).iter().map(|p| (p.start, p.end)).collect()
    }

    #[test]
    fn splits_at_every_kind_of_line_break() {
        assert_eq!(ranges("ab\n\ncd"), vec![(0, 2), (3, 3), (4, 6)]);
        assert_eq!(ranges("ab\r\ncd\ré\u{2029}x\u{85}y"), vec![(0, 2), (4, 6), (7, 8), (9, 10), (11, 12)]);
        assert_eq!(ranges("end\n"), vec![(0, 3), (4, 4)]);
        assert_eq!(ranges(""), vec![(0, 0)]);
    }

    #[test]
    fn byte_ranges_give_the_paragraph_text() {
        let t = TextIndex::new("“Une” phrase.\r\nمرحبا بالعالم\n中文".into());
        let texts: Vec<&str> = t.paragraphs().iter().map(|p| t.paragraph_text(p)).collect();
        assert_eq!(texts, vec!["“Une” phrase.", "مرحبا بالعالم", "中文"]);
        for p in t.paragraphs() {
            assert_eq!(t.slice(p.start, p.end), t.paragraph_text(p));
        }
        assert_eq!(t.paragraph_at(0), 0);
        assert_eq!(t.paragraph_at(14), 0, "the separator belongs to the paragraph it ends");
        assert_eq!(t.paragraph_at(15), 1);
        assert_eq!(t.paragraph_at(10_000), 2);
        assert_eq!(t.direction(&t.paragraphs()[1]), Direction::Rtl);
        assert_eq!(t.direction(&t.paragraphs()[2]), Direction::Ltr);
    }
}
