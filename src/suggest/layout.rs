//! What the suggester needs to know about a text's shape: its words and
//! punctuation, sentences, paragraphs and quotations, all in char offsets.
//!
//! This is the one seam between the suggester and the `text` core: everything else
//! in `suggest` reads the text through [`Layout`], in the flat, outermost-only form
//! the reporting patterns need (a quotation nested in another is part of its claim).

use crate::text::{TextIndex, TokenKind};

/// A word or a punctuation mark (never white space).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Letters or digits (else punctuation or a symbol).
    pub word: bool,
    /// Its bytes in the text, so that reading a word costs no char counting.
    bytes: (usize, usize),
}

/// An outermost quotation, its marks included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quote {
    /// The opening mark.
    pub start: usize,
    /// One past the closing mark; for an unclosed quotation, the end of the last
    /// paragraph it reaches.
    pub end: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
}

/// The shape of one text.
pub(crate) struct Layout<'t> {
    pub text: &'t TextIndex,
    pub tokens: Vec<Token>,
    pub sentences: Vec<(usize, usize)>,
    pub paragraphs: Vec<(usize, usize)>,
    pub quotes: Vec<Quote>,
}

impl<'t> Layout<'t> {
    /// The layout of `text`, from the `text` core's analyses (cached on the index,
    /// so the app's document view and the suggester segment a text once).
    pub fn new(text: &'t TextIndex) -> Self {
        let paragraphs: Vec<(usize, usize)> = text
            .paragraphs()
            .iter()
            .filter(|p| !text.paragraph_text(p).trim().is_empty())
            .map(|p| (p.start, p.end))
            .collect();
        // Tokens come in text order: one walk over the text gives their bytes.
        let whole = text.as_str();
        let mut offsets = whole.char_indices().map(|(b, _)| b).chain(std::iter::once(whole.len()));
        let (mut next_char, mut byte) = (0, 0);
        let mut byte_of = |pos: usize| {
            while next_char <= pos {
                byte = offsets.next().unwrap_or(whole.len());
                next_char += 1;
            }
            byte
        };
        let tokens = text
            .tokens()
            .map(|t| Token {
                start: t.start,
                end: t.end,
                word: t.kind == TokenKind::Word,
                bytes: (byte_of(t.start), byte_of(t.end)),
            })
            .collect();
        let sentences = text.sentences().to_vec();
        let quotes = text
            .quotations()
            .all()
            .iter()
            .filter(|q| q.depth == 0)
            .map(|q| Quote { start: q.open, end: q.end, closed: q.close.is_some() })
            .collect();
        Self { text, tokens, sentences, paragraphs, quotes }
    }

    /// The text of chars `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> &'t str {
        self.text.slice(start, end)
    }

    /// The char at `pos`.
    pub fn char_at(&self, pos: usize) -> Option<char> {
        self.text.char_at(pos)
    }

    /// The text of token `i` ("" past the end).
    pub fn word(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| self.text.as_str().get(t.bytes.0..t.bytes.1).unwrap_or(""))
    }

    /// The index of the first token starting at or after `pos`.
    pub fn token_from(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// The sentence holding `pos` (or the one after it, between sentences).
    pub fn sentence_at(&self, pos: usize) -> Option<(usize, usize)> {
        let i = self.sentences.partition_point(|s| s.1 <= pos);
        self.sentences.get(i).copied()
    }

    /// The paragraph holding `pos`.
    pub fn paragraph_at(&self, pos: usize) -> Option<(usize, usize)> {
        let i = self.paragraphs.partition_point(|p| p.1 <= pos);
        self.paragraphs.get(i).copied().filter(|p| p.0 <= pos)
    }

    /// The quotation whose marks enclose `pos` (strictly inside).
    pub fn quote_around(&self, pos: usize) -> Option<Quote> {
        let i = self.quotes.partition_point(|q| q.start < pos);
        i.checked_sub(1).map(|i| self.quotes[i]).filter(|q| pos < q.end)
    }

    /// The quotation that opens at `pos`.
    pub fn quote_opening_at(&self, pos: usize) -> Option<Quote> {
        let i = self.quotes.partition_point(|q| q.start < pos);
        self.quotes.get(i).copied().filter(|q| q.start == pos)
    }

    /// The quotation that ends (after its closing mark) at `pos`.
    pub fn quote_ending_at(&self, pos: usize) -> Option<Quote> {
        let i = self.quotes.partition_point(|q| q.start < pos);
        i.checked_sub(1).map(|i| self.quotes[i]).filter(|q| q.closed && q.end == pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(s: &str) -> Vec<String> {
        let t = TextIndex::new(s.to_owned());
        let l = Layout::new(&t);
        l.quotes.iter().map(|q| t.slice(q.start, q.end).to_owned()).collect()
    }

    #[test]
    fn quotations_of_several_traditions() {
        assert_eq!(quoted("“Yes,” he said. \"No,\" she said."), ["“Yes,”", "\"No,\""]);
        assert_eq!(quoted("Er sagte: „Nein.“ Sie: «Oui» et « non »."), ["„Nein.“", "«Oui»", "« non »"]);
        assert_eq!(quoted("''It is,'' said Mr. Nevins. It's over."), ["''It is,''"]);
        assert_eq!(quoted("他说：「不。」"), ["「不。」"]);
    }

    #[test]
    fn a_quotation_continues_over_paragraphs() {
        let q = quoted("\"First part.\n\n\"Second part,\" he said.\n\"Open only.\nNext.");
        assert_eq!(q, ["\"First part.\n\n\"Second part,\"", "\"Open only."]);
    }

    #[test]
    fn words_read_from_their_bytes_match_their_chars() {
        // Multi-byte letters and marks before, between and at the end of words.
        for text in ["“Né,” said Zoë — قال «لا» 外交部：「不。」 Пе́сков", "", "a", "x\u{1F600}y z"]
        {
            let t = TextIndex::new(text.to_owned());
            let l = Layout::new(&t);
            for (i, tok) in l.tokens.iter().enumerate() {
                assert_eq!(l.word(i), t.slice(tok.start, tok.end), "token {i} of {text:?}");
            }
        }
    }

    #[test]
    fn sentences_keep_names_whole() {
        let t = TextIndex::new("Treasury Secretary Jacob J. Lew met Mr. Xi. The U.S. said so.\nNext".to_owned());
        let l = Layout::new(&t);
        let s: Vec<&str> = l.sentences.iter().map(|&(a, b)| t.slice(a, b)).collect();
        assert_eq!(s, ["Treasury Secretary Jacob J. Lew met Mr. Xi.", "The U.S. said so.", "Next"]);
    }
}
