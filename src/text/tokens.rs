//! Words and punctuation by the Unicode word-boundary rules (UAX #29,
//! `unicode-segmentation`), in char offsets. White space is never a token.
//!
//! Word boundaries depend only on a few characters around them and never cross a
//! line break, so the words near a position are found by segmenting a short window
//! (the paragraph, or for a very long paragraph a stretch cut at white space): a
//! selection in a 10 MB one-line text snaps as fast as in a short article.

use unicode_general_category::{GeneralCategory, get_general_category};
use unicode_segmentation::UnicodeSegmentation;

use super::TextIndex;

/// A paragraph up to this long is segmented whole; a longer one in windows.
const WHOLE_PARAGRAPH: usize = 4096;

/// How far a window reaches back or ahead to find white space to cut at.
const WINDOW_REACH: usize = 256;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters or digits (in any script): `Lew`, `U.S`, `it’s`, `2013`, `بالعالم`, `中`.
    Word,
    /// A symbol that belongs to the words beside it: `$`, `€`, `%`, `#`, `@`, `+`, `°`, emoji.
    Symbol,
    /// Punctuation: `,` `.` `“` `»` `(` `—` `،` `。`.
    Punctuation,
}

/// One UAX #29 segment that is not white space, in char offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Word, symbol or punctuation.
    pub kind: TokenKind,
}

impl Token {
    /// Whether a selection keeps this token at its edge: words and symbols, not
    /// punctuation.
    pub fn is_wordlike(&self) -> bool {
        self.kind != TokenKind::Punctuation
    }
}

/// Punctuation by Unicode category that still sticks to the number or name beside
/// it (`50%`, `#MeToo`, `@user`), so a selection keeps it at its edge.
const ATTACHED: &[char] = &['%', '‰', '‱', '٪', '#', '@'];

/// White space, controls and invisible format characters: never a token.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || c.is_control() || get_general_category(c) == GeneralCategory::Format
}

/// Whether `c` is punctuation that a selection sheds at its edges.
pub(crate) fn is_punctuation(c: char) -> bool {
    use GeneralCategory::*;
    !ATTACHED.contains(&c)
        && matches!(
            get_general_category(c),
            ConnectorPunctuation
                | DashPunctuation
                | OpenPunctuation
                | ClosePunctuation
                | InitialPunctuation
                | FinalPunctuation
                | OtherPunctuation
        )
}

/// The kind of a segment, or `None` for white space.
fn classify(segment: &str) -> Option<TokenKind> {
    if segment.chars().all(is_blank) {
        None
    } else if segment.chars().any(char::is_alphanumeric) {
        Some(TokenKind::Word)
    } else if segment.chars().all(|c| is_blank(c) || is_punctuation(c)) {
        Some(TokenKind::Punctuation)
    } else {
        Some(TokenKind::Symbol)
    }
}

/// Appends the tokens of `text`, whose first char is char `offset` of the document.
pub(crate) fn segment(text: &str, offset: usize, out: &mut Vec<Token>) {
    let mut pos = offset;
    for piece in text.split_word_bounds() {
        let len = piece.chars().count();
        if let Some(kind) = classify(piece) {
            out.push(Token { start: pos, end: pos + len, kind });
        }
        pos += len;
    }
}

impl TextIndex {
    /// The tokens that start in `start..end` (chars), in text order.
    pub fn tokens_in(&self, start: usize, end: usize) -> Vec<Token> {
        let end = end.min(self.char_len());
        if start >= end {
            return Vec::new();
        }
        let (from, to) = (self.window_start(start), self.window_end(end));
        let mut out = Vec::new();
        for p in &self.paragraphs()[self.paragraph_at(from)..=self.paragraph_at(to.saturating_sub(1).max(from))] {
            let (a, b) = (p.start.max(from), p.end.min(to));
            if a < b {
                segment(self.slice(a, b), a, &mut out);
            }
        }
        out.retain(|t| t.start >= start && t.start < end);
        out
    }

    /// Every token of the text, paragraph by paragraph (for token-tagged exports).
    pub fn tokens(&self) -> impl Iterator<Item = Token> + '_ {
        self.paragraphs().iter().flat_map(move |p| {
            let mut out = Vec::new();
            segment(self.paragraph_text(p), p.start, &mut out);
            out
        })
    }

    /// The word (or symbol) at char `pos`, for a double click; `None` on white space
    /// or punctuation.
    pub fn word_at(&self, pos: usize) -> Option<Token> {
        self.tokens_in(pos.saturating_sub(WINDOW_REACH), pos + 1)
            .into_iter()
            .find(|t| t.start <= pos && pos < t.end && t.is_wordlike())
    }

    /// The first word that ends after `pos` and starts before `limit`.
    pub(crate) fn first_word_from(&self, pos: usize, limit: usize) -> Option<Token> {
        let limit = limit.min(self.char_len());
        let mut from = pos.saturating_sub(WINDOW_REACH);
        while from < limit {
            let to = (pos.max(from) + WINDOW_REACH).min(limit);
            let found = self.tokens_in(from, to).into_iter().find(|t| t.end > pos && t.is_wordlike());
            if found.is_some() {
                return found;
            }
            from = to;
        }
        None
    }

    /// The last word that starts before `pos` and ends after `limit`.
    pub(crate) fn last_word_before(&self, pos: usize, limit: usize) -> Option<Token> {
        let mut to = pos.min(self.char_len());
        while to > limit {
            let from = to.saturating_sub(WINDOW_REACH).max(limit.saturating_sub(WINDOW_REACH));
            let found = self.tokens_in(from, to).into_iter().rev().find(|t| t.end > limit && t.is_wordlike());
            if found.is_some() {
                return found;
            }
            if from <= limit.saturating_sub(WINDOW_REACH) {
                return None;
            }
            to = from;
        }
        None
    }

    /// The next word end after `pos` (Shift+Right and friends), or the text's end.
    pub fn next_word_end(&self, pos: usize) -> usize {
        self.first_word_from(pos, self.char_len()).map_or(self.char_len(), |t| t.end)
    }

    /// The previous word start before `pos` (Shift+Left), or 0.
    pub fn prev_word_start(&self, pos: usize) -> usize {
        let mut to = pos.min(self.char_len());
        while to > 0 {
            let from = to.saturating_sub(WINDOW_REACH);
            if let Some(t) = self.tokens_in(from, to).into_iter().rev().find(|t| t.start < pos && t.is_wordlike()) {
                return t.start;
            }
            to = from;
        }
        0
    }

    /// A position at or before `pos` where segmenting may start without changing
    /// the boundaries after it: the paragraph start, or white space.
    fn window_start(&self, pos: usize) -> usize {
        let p = self.paragraphs()[self.paragraph_at(pos)];
        if pos <= p.start + WHOLE_PARAGRAPH {
            return p.start.min(pos);
        }
        let from = pos - WINDOW_REACH;
        let stretch = self.slice(from, pos);
        match stretch.char_indices().rev().find(|(_, c)| c.is_whitespace()) {
            Some((b, _)) => from + stretch[..b].chars().count(),
            None => from,
        }
    }

    /// A position at or after `pos` where segmenting may stop: the paragraph end, or
    /// white space.
    fn window_end(&self, pos: usize) -> usize {
        let p = self.paragraphs()[self.paragraph_at(pos)];
        if pos >= p.end || p.end <= pos + WHOLE_PARAGRAPH {
            return p.end.max(pos);
        }
        let stretch = self.slice(pos, pos + WINDOW_REACH);
        match stretch.char_indices().find(|(_, c)| c.is_whitespace()) {
            Some((b, _)) => pos + stretch[..b].chars().count(),
            None => pos + WINDOW_REACH,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, TokenKind)> {
        let t = TextIndex::new(text.into());
        t.tokens().map(|tok| (t.slice(tok.start, tok.end).to_owned(), tok.kind)).collect()
    }

    #[test]
    fn tokens_are_words_and_punctuation_never_space() {
        use TokenKind::*;
        assert_eq!(
            words("“It’s 50%,” U.S. officials\u{a0}said."),
            vec![
                ("“".into(), Punctuation),
                ("It’s".into(), Word),
                ("50".into(), Word),
                ("%".into(), Symbol),
                (",".into(), Punctuation),
                ("”".into(), Punctuation),
                ("U.S".into(), Word),
                (".".into(), Punctuation),
                ("officials".into(), Word),
                ("said".into(), Word),
                (".".into(), Punctuation),
            ]
        );
    }

    #[test]
    fn scripts_without_spaces_and_right_to_left() {
        let zh: Vec<String> = words("中国外交部，否认").into_iter().map(|w| w.0).collect();
        assert_eq!(zh, vec!["中", "国", "外", "交", "部", "，", "否", "认"]);
        let ar: Vec<String> = words("قال المتحدث، «لا».").into_iter().map(|w| w.0).collect();
        assert_eq!(ar, vec!["قال", "المتحدث", "،", "«", "لا", "»", "."]);
        let he: Vec<String> = words("אמר הדובר: \"לא\"").into_iter().map(|w| w.0).collect();
        assert_eq!(he, vec!["אמר", "הדובר", ":", "\"", "לא", "\""]);
    }

    #[test]
    fn word_lookups_in_a_very_long_paragraph_match_the_whole_segmentation() {
        let text = "Сказал, что «нет» — 42% U.S. ".repeat(800);
        let t = TextIndex::new(text.clone());
        assert!(t.char_len() > 2 * WHOLE_PARAGRAPH);
        let all: Vec<Token> = t.tokens().collect();
        for pos in (0..t.char_len()).step_by(37) {
            let expected = all.iter().find(|tok| tok.start <= pos && pos < tok.end && tok.is_wordlike()).copied();
            assert_eq!(t.word_at(pos), expected, "at {pos}");
        }
        let middle = t.char_len() / 2;
        let expected: Vec<Token> =
            all.iter().filter(|tok| tok.start >= middle && tok.start < middle + 500).copied().collect();
        assert_eq!(t.tokens_in(middle, middle + 500), expected);
    }

    #[test]
    fn word_steps() {
        let t = TextIndex::new("Lew told  reporters.".into());
        assert_eq!(t.next_word_end(0), 3);
        assert_eq!(t.next_word_end(3), 8);
        assert_eq!(t.next_word_end(5), 8);
        assert_eq!(t.next_word_end(19), 20);
        assert_eq!(t.prev_word_start(20), 10);
        assert_eq!(t.prev_word_start(10), 4);
        assert_eq!(t.prev_word_start(2), 0);
        assert_eq!(t.word_at(5).map(|w| (w.start, w.end)), Some((4, 8)));
        assert_eq!(t.word_at(8), None);
        assert_eq!(t.word_at(19), None);
    }
}
