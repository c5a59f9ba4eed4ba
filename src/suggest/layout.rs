//! What the suggester needs to know about a text's shape: its words and
//! punctuation, sentences, paragraphs and quotations, all in char offsets.
//!
//! This is the one seam between the suggester and text segmentation: everything
//! else in `suggest` reads the text through [`Layout`].

use unicode_segmentation::UnicodeSegmentation;

use crate::model::TextIndex;

/// A word or a punctuation mark (never white space).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Letters or digits (else punctuation or a symbol).
    pub word: bool,
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
    pub fn new(text: &'t TextIndex) -> Self {
        let s = text.as_str();
        let paragraphs = paragraphs(s);
        let mut tokens = Vec::with_capacity(s.len() / 5);
        let mut sentences = Vec::new();
        for &(ps, pe) in &paragraphs {
            let (bs, be) = (text.byte_of(ps), text.byte_of(pe));
            let body = &s[bs..be];
            let mut pos = ps;
            for w in body.split_word_bounds() {
                let n = w.chars().count();
                if !w.chars().all(char::is_whitespace) {
                    tokens.push(Token { start: pos, end: pos + n, word: w.chars().any(char::is_alphanumeric) });
                }
                pos += n;
            }
            paragraph_sentences(body, ps, &mut sentences);
        }
        let quotes = quotations(text, &paragraphs);
        Self { text, tokens, sentences, paragraphs, quotes }
    }

    /// The text of chars `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> &'t str {
        self.text.slice(start, end)
    }

    /// The char at `pos`.
    pub fn char_at(&self, pos: usize) -> Option<char> {
        if pos >= self.text.char_len() {
            return None;
        }
        self.text.as_str()[self.text.byte_of(pos)..].chars().next()
    }

    /// The text of token `i` ("" past the end).
    pub fn word(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| self.slice(t.start, t.end))
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

/// Lines with text, without their line breaks.
fn paragraphs(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in s.split('\n') {
        let n = line.chars().count();
        let body = line.trim_end_matches('\r');
        if !body.trim().is_empty() {
            out.push((pos, pos + body.chars().count()));
        }
        pos += n + 1;
    }
    out
}

/// Titles and abbreviations after which a period does not end a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Adm", "Maj", "Rev", "Hon",
    "Pres", "Jr", "Sr", "St", "Inc", "Corp", "Co", "Ltd", "No", "vs", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov",
    "Dec",
];

/// Words that usually start a sentence, so a dotted abbreviation before one ends it.
const STARTERS: &[&str] = &["The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "But", "And", "This", "That"];

fn joins(before: &str, after: &str) -> bool {
    let Some(body) = before.trim_end().strip_suffix('.') else { return false };
    let word: &str = body.rsplit(|c: char| !(c.is_alphanumeric() || c == '.')).next().unwrap_or("");
    if word.is_empty() || word.starts_with('.') {
        return false;
    }
    let next: String = after.trim_start().chars().take_while(|c| c.is_alphanumeric()).collect();
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    TITLES.contains(&word)
        || initial
        || (word.contains('.') && next.chars().next().is_some_and(char::is_uppercase) && !STARTERS.contains(&&*next))
}

fn paragraph_sentences(body: &str, offset: usize, out: &mut Vec<(usize, usize)>) {
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for (b, piece) in body.split_sentence_bound_indices() {
        match pieces.last_mut() {
            Some(last) if joins(&body[last.0..last.1], piece) => last.1 = b + piece.len(),
            _ => pieces.push((b, b + piece.len())),
        }
    }
    let mut chars = offset;
    let mut at = 0;
    for (b, e) in pieces {
        chars += body[at..b].chars().count();
        let piece = &body[b..e];
        let lead = piece.chars().take_while(|c| c.is_whitespace()).count();
        let len = piece.trim().chars().count();
        if len > 0 {
            out.push((chars + lead, chars + lead + len));
        }
        at = b;
    }
}

/// The quotation mark at char `i` of `chars` and its length, as (opening kind, can
/// open, can close). `''` is one mark, as some outlets print a double quote.
fn mark(chars: &[char], i: usize) -> Option<(char, usize, bool, bool)> {
    let c = chars[i];
    let prev = i.checked_sub(1).map(|j| chars[j]);
    let len = if c == '\'' && chars.get(i + 1) == Some(&'\'') { 2 } else { 1 };
    let next = chars.get(i + len).copied();
    let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p));
    let space_after = next.is_none_or(char::is_whitespace);
    let flank_open = space_before || (!prev.is_some_and(char::is_alphanumeric) && !space_after);
    let flank_close = !space_before || space_after;
    match (c, len) {
        ('“', _) => Some(('“', 1, true, !space_before)),
        ('”', _) => Some(('“', 1, flank_open && space_before, true)),
        ('„', _) => Some(('„', 1, true, false)),
        ('«', _) => Some(('«', 1, true, false)),
        ('»', _) => Some(('«', 1, false, true)),
        ('「', _) => Some(('「', 1, true, false)),
        ('」', _) => Some(('「', 1, false, true)),
        ('『', _) => Some(('『', 1, true, false)),
        ('』', _) => Some(('『', 1, false, true)),
        ('"', _) => Some(('"', 1, flank_open && !space_after, flank_close)),
        ('\'', 2) => Some(('\'', 2, flank_open && !space_after, flank_close)),
        _ => None,
    }
}

/// Whether `open` (a kind from [`mark`]) is closed by a mark of kind `close`.
fn pairs(open: char, close: char, c: char) -> bool {
    (open == close && c != '“') || (open == '„' && (c == '“' || c == '”'))
}

/// Outermost quotations, continued over paragraphs that open with the same mark.
fn quotations(text: &TextIndex, paragraphs: &[(usize, usize)]) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (pi, &(ps, pe)) in paragraphs.iter().enumerate() {
        let chars: Vec<char> = text.slice(ps, pe).chars().collect();
        let mut i = 0;
        if let Some((start, kind)) = open {
            let lead = chars.iter().take_while(|c| c.is_whitespace()).count();
            let continues = lead < chars.len() && mark(&chars, lead).is_some_and(|m| m.0 == kind && m.2);
            if continues {
                i = lead + mark(&chars, lead).map_or(1, |m| m.1);
            } else {
                let prev_end = paragraphs[pi - 1].1;
                out.push(Quote { start, end: prev_end, closed: false });
                open = None;
            }
        }
        while i < chars.len() {
            let Some((kind, len, can_open, can_close)) = mark(&chars, i) else {
                i += 1;
                continue;
            };
            match open {
                Some((start, ok)) if can_close && pairs(ok, kind, chars[i]) => {
                    out.push(Quote { start, end: ps + i + len, closed: true });
                    open = None;
                }
                None if can_open => open = Some((ps + i, kind)),
                _ => {}
            }
            i += len;
        }
        let next_continues = open.is_some_and(|(_, kind)| {
            paragraphs.get(pi + 1).is_some_and(|&(ns, ne)| {
                let next: Vec<char> = text.slice(ns, ne).chars().collect();
                let lead = next.iter().take_while(|c| c.is_whitespace()).count();
                lead < next.len() && mark(&next, lead).is_some_and(|m| m.0 == kind && m.2)
            })
        });
        if let Some((start, _)) = open
            && !next_continues
        {
            out.push(Quote { start, end: pe, closed: false });
            open = None;
        }
    }
    out
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
        assert_eq!(quoted("''It is,'' said Mr. Nevins. It's Rock 'n' roll."), ["''It is,''"]);
        assert_eq!(quoted("他说：「不。」"), ["「不。」"]);
    }

    #[test]
    fn a_quotation_continues_over_paragraphs() {
        let q = quoted("\"First part.\n\n\"Second part,\" he said.\n\"Open only.\nNext.");
        assert_eq!(q, ["\"First part.\n\n\"Second part,\"", "\"Open only."]);
    }

    #[test]
    fn sentences_keep_names_whole() {
        let t = TextIndex::new("Treasury Secretary Jacob J. Lew met Mr. Xi. The U.S. said so.\nNext".to_owned());
        let l = Layout::new(&t);
        let s: Vec<&str> = l.sentences.iter().map(|&(a, b)| t.slice(a, b)).collect();
        assert_eq!(s, ["Treasury Secretary Jacob J. Lew met Mr. Xi.", "The U.S. said so.", "Next"]);
    }
}
