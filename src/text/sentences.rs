//! Sentences by the Unicode sentence-boundary rules (UAX #29), with the one repair
//! news text needs: no break after a title, an initial or a dotted abbreviation
//! (`Mr. Lew`, `Jacob J. Lew`, `the U.S. Treasury`), which UAX #29 alone splits.
//! Also the clauses of a stretch (split at commas, semicolons, colons, dashes and
//! brackets), for the suggester.

use unicode_segmentation::UnicodeSegmentation;

use super::TextIndex;
use super::snap::{Precision, snap};

/// A sentence as a char range, without the white space after it.
pub type Sentence = (usize, usize);

/// Abbreviations (without their period) after which a sentence does not end. English
/// news usage; in other languages UAX #29 alone decides.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Adm", "Maj",
    "Rev", "Hon", "Pres", "Jr", "Sr", "St", "Mt", "Ft", "Inc", "Corp", "Co", "Ltd", "Bros", "No", "Nos", "vs", "etc",
    "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "approx", "est", "Ave", "Blvd",
];

/// Words that usually begin a sentence, so a dotted abbreviation before one ends it
/// (`... made in the U.S. The report ...`).
const STARTERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And", "This", "That", "These",
    "Those", "There", "Its", "His", "Her", "Their", "Our", "If", "When", "As", "After", "Before", "Some", "Many",
];

/// Whether a sentence ending in `.` after `word` must not end there.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    TITLES.contains(&word) || word.contains('.')
}

/// The word before a final period: letters, digits and inner periods.
fn word_before_period(sentence: &str) -> Option<&str> {
    let body = sentence.trim_end().strip_suffix('.')?;
    let start = body
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(b, c)| b + c.len_utf8());
    let word = &body[start..];
    (!word.is_empty() && !word.starts_with('.')).then_some(word)
}

/// Whether the boundary between `before` and `after` falls inside a name or title.
fn joins(before: &str, after: &str) -> bool {
    let Some(word) = word_before_period(before) else { return false };
    let next: String = after.trim_start().chars().take_while(|c| c.is_alphanumeric()).collect();
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if TITLES.contains(&word) || single_initial {
        return true;
    }
    word.contains('.') && next.chars().next().is_some_and(char::is_uppercase) && !STARTERS.contains(&next.as_str())
}

/// The sentences of one paragraph (`text` starts at char `offset`).
fn paragraph_sentences(text: &str, offset: usize, out: &mut Vec<Sentence>) {
    let mut pieces: Vec<(usize, &str)> = Vec::new();
    let mut pos = offset;
    for piece in text.split_sentence_bounds() {
        match pieces.last_mut() {
            Some(last) if joins(last.1, piece) => {
                let start_byte = last.1.as_ptr() as usize - text.as_ptr() as usize;
                let end_byte = piece.as_ptr() as usize - text.as_ptr() as usize + piece.len();
                last.1 = &text[start_byte..end_byte];
            }
            _ => pieces.push((pos, piece)),
        }
        pos += piece.chars().count();
    }
    for (start, piece) in pieces {
        let lead = piece.chars().take_while(|c| c.is_whitespace()).count();
        let body = piece.trim();
        if !body.is_empty() {
            let s = start + lead;
            out.push((s, s + body.chars().count()));
        }
    }
}

/// Every sentence of the text.
pub(crate) fn scan(text: &TextIndex) -> Vec<Sentence> {
    let mut out = Vec::new();
    for p in text.paragraphs() {
        paragraph_sentences(text.paragraph_text(p), p.start, &mut out);
    }
    out
}

/// Marks between clauses. A hyphen counts only standing alone (` - `).
const CLAUSE_MARKS: &[char] = &[',', ';', ':', '—', '–', '(', ')', '[', ']', '،', '؛', '，', '；', '：', '、'];

impl TextIndex {
    /// The sentence holding char `pos`, if `pos` is not between sentences.
    pub fn sentence_at(&self, pos: usize) -> Option<Sentence> {
        let sentences = self.sentences();
        let i = sentences.partition_point(|s| s.1 <= pos);
        sentences.get(i).copied().filter(|s| s.0 <= pos)
    }

    /// The clauses of `start..end` (usually a sentence): the stretches between
    /// clause punctuation, each snapped to words. Quotations are not split off here;
    /// see [`TextIndex::quotations`].
    pub fn clauses(&self, start: usize, end: usize) -> Vec<Sentence> {
        let tokens = self.tokens_in(start, end);
        let mut edges = vec![start];
        for t in &tokens {
            let c = self.char_at(t.start);
            let lone_hyphen = c == Some('-')
                && t.end - t.start == 1
                && self.char_at(t.start.wrapping_sub(1)).is_some_and(char::is_whitespace)
                && self.char_at(t.end).is_some_and(char::is_whitespace);
            if c.is_some_and(|c| CLAUSE_MARKS.contains(&c)) || lone_hyphen {
                edges.push(t.start);
                edges.push(t.end);
            }
        }
        edges.push(end.min(self.char_len()));
        edges.chunks(2).filter_map(|w| snap(self, w[0], w[1], Precision::Words)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let t = TextIndex::new(text.into());
        t.sentences().iter().map(|&(s, e)| t.slice(s, e).to_owned()).collect()
    }

    #[test]
    fn names_and_titles_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Treasury Secretary Jacob J. Lew met Mr. Xi. The U.S. Treasury said so. It was made in the U.S. The end."
            ),
            vec![
                "Treasury Secretary Jacob J. Lew met Mr. Xi.",
                "The U.S. Treasury said so.",
                "It was made in the U.S.",
                "The end."
            ]
        );
    }

    #[test]
    fn quotes_and_other_scripts() {
        assert_eq!(
            sentences("\"It is over.\" he said. \"No!\" She left.\n\nNext paragraph"),
            vec!["\"It is over.\" he said.", "\"No!\"", "She left.", "Next paragraph"]
        );
        assert_eq!(sentences("他说：“不。”我们走了。"), vec!["他说：“不。”", "我们走了。"]);
        assert_eq!(sentences("قال المتحدث: لا. ثم غادر؟ نعم"), vec!["قال المتحدث: لا.", "ثم غادر؟", "نعم"]);
        assert_eq!(sentences("Он сказал: «Нет». Потом ушёл."), vec!["Он сказал: «Нет».", "Потом ушёл."]);
    }

    #[test]
    fn sentence_at_and_clauses() {
        let t = TextIndex::new("China denied it, officials said; \"We - never - did.\" Next.".into());
        let first = t.sentence_at(3).expect("a sentence");
        assert_eq!(t.slice(first.0, first.1), "China denied it, officials said; \"We - never - did.\"");
        assert_eq!(t.sentence_at(first.1), None, "the space between sentences");
        let clauses: Vec<&str> = t.clauses(first.0, first.1).into_iter().map(|(s, e)| t.slice(s, e)).collect();
        assert_eq!(clauses, vec!["China denied it", "officials said", "We", "never", "did"]);
    }
}
