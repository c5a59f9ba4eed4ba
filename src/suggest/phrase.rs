//! Phrases around a cue, found by walking tokens: the subject before a verb, the
//! source after an inverted verb ("said Lew"), the adjuncts between a verb and its
//! content, and where a clause of content ends.

use super::layout::Layout;
use super::words::{AFTER_SOURCE, BETWEEN, CLAUSE_OPENERS, DETERMINERS, PRONOUNS, TIME_WORDS, is_in};

/// The longest source phrase, in tokens.
const MAX_SOURCE: usize = 12;

/// Prepositions that open an adjunct rather than a source ("On Monday Lew said").
const PREPOSITIONS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "for",
    "with",
    "from",
    "to",
    "under",
    "over",
    "since",
    "by",
    "into",
    "amid",
    "despite",
    "through",
    "throughout",
    "following",
];

impl Layout<'_> {
    /// Whether token `i` is the glue inside a name or word (`U.S.`, `J.`, `pro-Sanders`,
    /// `AT&T`): punctuation touching a word on its left.
    pub(crate) fn is_glue(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else { return false };
        if t.word {
            return false;
        }
        let w = self.word(i);
        let touches_left = i > 0 && self.tokens[i - 1].end == t.start && self.tokens[i - 1].word;
        let touches_right = self.tokens.get(i + 1).is_some_and(|n| n.start == t.end && n.word);
        match w {
            "." => touches_left && (touches_right || self.word(i - 1).chars().count() <= 3),
            "-" | "&" | "'" | "’" => touches_left && touches_right,
            _ => false,
        }
    }

    /// Whether token `i` is a word spelt with a capital (a name, usually).
    pub(crate) fn is_capitalised(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.word) && self.word(i).starts_with(char::is_uppercase)
    }

    /// Skips, going left from token `end` (exclusive), the auxiliaries and adverbs
    /// between a subject and its verb; returns the new end.
    pub(crate) fn skip_between_left(&self, mut end: usize, floor: usize) -> usize {
        while end > floor && self.tokens[end - 1].word && is_between(self.word(end - 1)) {
            end -= 1;
        }
        end
    }

    /// Skips, going right from token `i`, the auxiliaries and adverbs after a verb.
    pub(crate) fn skip_between_right(&self, mut i: usize, ceiling: usize) -> usize {
        while i < ceiling && self.tokens[i].word && is_between(self.word(i)) && !is_in(&["that"], self.word(i)) {
            i += 1;
        }
        i
    }

    /// The subject phrase ending at token `end` (exclusive), going no further left
    /// than token `floor`: back to a clause opener, punctuation or `floor`, at most
    /// [`MAX_SOURCE`] tokens, without a leading adjunct. Token range.
    pub(crate) fn subject_before(&self, end: usize, floor: usize) -> Option<(usize, usize)> {
        let mut i = end;
        while i > floor && end - i < MAX_SOURCE {
            let j = i - 1;
            if !self.tokens[j].word && !self.is_glue(j) {
                break;
            }
            let w = self.word(j);
            if is_in(CLAUSE_OPENERS, w) {
                break;
            }
            if j + 1 < end && is_in(PRONOUNS, w) && !w.eq_ignore_ascii_case("i") {
                break;
            }
            i = j;
        }
        while i < end && (is_in(PREPOSITIONS, self.word(i)) || is_in(TIME_WORDS, self.word(i)) || self.is_number(i)) {
            i += 1;
        }
        while i < end && !self.tokens[i].word {
            i += 1;
        }
        (i < end).then_some((i, end))
    }

    /// The source named after an inverted verb ("said Mr. Lew, ..."), from token
    /// `start`: up to punctuation, a word that ends it, or `ceiling`. Token range.
    pub(crate) fn source_after(&self, start: usize, ceiling: usize) -> Option<(usize, usize)> {
        let mut i = start;
        while i < ceiling && i - start < MAX_SOURCE {
            if !self.tokens[i].word && !self.is_glue(i) {
                break;
            }
            if i > start && is_in(AFTER_SOURCE, self.word(i)) {
                break;
            }
            i += 1;
        }
        while i > start && !self.tokens[i - 1].word {
            i -= 1;
        }
        let first = self.word(start);
        let opens_phrase = self.is_capitalised(start) || is_in(DETERMINERS, first) || is_in(PRONOUNS, first);
        // "said she turned out ...": a pronoun with more after it is the subject of
        // the content, not an inverted source ("..., said he." is one word).
        if is_in(PRONOUNS, first) && i > start + 1 {
            return None;
        }
        (i > start && opens_phrase && !is_in(AFTER_SOURCE, first)).then_some((start, i))
    }

    /// Whether token `i` may open a name: capitalised, or in a script without case
    /// (Arabic, Chinese, Hebrew), where any word may.
    pub(crate) fn is_name_like(&self, i: usize) -> bool {
        let caseless = |c: char| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase();
        self.is_capitalised(i) || (self.tokens.get(i).is_some_and(|t| t.word) && self.word(i).starts_with(caseless))
    }

    /// Whether token `i` is a number.
    pub(crate) fn is_number(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.word) && self.word(i).chars().all(|c| c.is_ascii_digit() || c == ',')
    }

    /// Whether token `i` is clause punctuation: `,` `;` `:` a dash, a bracket.
    pub(crate) fn is_clause_mark(&self, i: usize) -> bool {
        matches!(self.word(i), "," | ";" | ":" | "—" | "–" | "--" | "(" | ")" | "،" | "؛" | "，" | "；" | "：")
            || (self.word(i) == "-" && !self.is_glue(i))
    }
}

/// An auxiliary, negation or adverb that may stand between a subject and its verb.
fn is_between(w: &str) -> bool {
    let adverb = w.len() > 5 && w.ends_with("ly") && w.starts_with(char::is_lowercase) && !is_in(NOT_ADVERBS, w);
    is_in(BETWEEN, w) || w.ends_with("n't") || w.ends_with("n’t") || adverb
}

/// Words in -ly that are nouns: "the family said".
const NOT_ADVERBS: &[&str] = &["family", "assembly", "supply", "ally", "rally", "monopoly", "anomaly", "butterfly"];

#[cfg(test)]
mod tests {
    use crate::model::TextIndex;
    use crate::suggest::layout::Layout;

    fn phrase(l: &Layout, r: Option<(usize, usize)>) -> String {
        r.map(|(a, b)| l.slice(l.tokens[a].start, l.tokens[b - 1].end).to_owned()).unwrap_or_default()
    }

    fn at(l: &Layout, word: &str) -> usize {
        (0..l.tokens.len()).find(|&i| l.word(i) == word).expect("word in text")
    }

    #[test]
    fn subjects_stop_at_clause_openers_and_shed_adjuncts() {
        let t = TextIndex::new("On Monday Treasury Secretary Jacob J. Lew has also said it. But the U.S. officials said so; and he told them.".into());
        let l = Layout::new(&t);
        let said = at(&l, "said");
        let end = l.skip_between_left(said, 0);
        assert_eq!(phrase(&l, l.subject_before(end, 0)), "Treasury Secretary Jacob J. Lew");
        let second = (said + 1..l.tokens.len()).find(|&i| l.word(i) == "said").unwrap();
        assert_eq!(phrase(&l, l.subject_before(second, 0)), "the U.S. officials");
        assert_eq!(phrase(&l, l.subject_before(at(&l, "told"), 0)), "he");
    }

    #[test]
    fn sources_after_inverted_verbs() {
        let t = TextIndex::new("\"No,\" said Mr. Nevins of Showtime on Monday. \"Yes,\" said one, adding more.".into());
        let l = Layout::new(&t);
        let said = at(&l, "said");
        assert_eq!(phrase(&l, l.source_after(said + 1, l.tokens.len())), "Mr. Nevins of Showtime");
        assert_eq!(phrase(&l, l.source_after(at(&l, "adding"), l.tokens.len())), "");
    }
}
