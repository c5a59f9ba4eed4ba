//! The reporting cues of a corpus compiled into one automaton, so that every cue of a
//! long text is found in a single pass, whatever the size of the lexicon.

use super::layout::Layout;
use super::matcher::PhraseMatcher;
use crate::model::{Cue, CueRole};

/// One entry of the compiled lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The kind it suggests (as the lexicon says; mapped to the codebook later).
    pub kind: String,
    /// How it is used.
    pub role: CueRole,
    /// Its first form, the lemma, to tell cues apart ("say", "tell").
    pub lemma: String,
}

impl Entry {
    /// The core reporting cues (say, tell, according to): the surest sign of an
    /// attribution, so their readings are trusted more.
    pub fn is_core(&self) -> bool {
        matches!(self.lemma.as_str(), "say" | "tell" | "according to")
    }
}

/// A cue found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Index into [`Lexicon::entries`].
    pub entry: usize,
}

/// The compiled lexicon.
pub(crate) struct Lexicon {
    forms: PhraseMatcher,
    /// Per pattern, its entry.
    pattern_entry: Vec<usize>,
    pub entries: Vec<Entry>,
}

impl Lexicon {
    /// Compiles `cues` (earlier ones win when a form is listed twice).
    pub fn new<'a>(cues: impl IntoIterator<Item = &'a Cue>) -> Self {
        let mut seen = std::collections::HashSet::new();
        let (mut patterns, mut pattern_entry, mut entries) = (Vec::new(), Vec::new(), Vec::new());
        for cue in cues {
            let forms: Vec<String> = cue
                .forms
                .iter()
                .map(|f| f.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|f| !f.is_empty() && seen.insert(f.to_ascii_lowercase()))
                .collect();
            if forms.is_empty() {
                continue;
            }
            let lemma = cue.forms.first().map(|f| f.trim().to_ascii_lowercase()).unwrap_or_default();
            for f in forms {
                patterns.push(f);
                pattern_entry.push(entries.len());
            }
            entries.push(Entry { kind: cue.kind.clone(), role: cue.role, lemma });
        }
        Self { forms: PhraseMatcher::new(&patterns), pattern_entry, entries }
    }

    /// Every cue in the text, as whole words, in text order.
    pub fn find(&self, layout: &Layout) -> Vec<Hit> {
        let text = layout.text;
        self.forms
            .find_whole(text.as_str(), is_word_char)
            .map(|m| Hit {
                start: text.char_of(m.start),
                end: text.char_of(m.end),
                entry: self.pattern_entry[m.pattern],
            })
            .collect()
    }
}

/// Letters, digits and the hyphen glue words: `said` in `unsaid` or `well-said` is no cue.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TextIndex;

    fn cue(kind: &str, forms: &[&str]) -> Cue {
        Cue { kind: kind.into(), role: CueRole::Verb, forms: forms.iter().map(|f| (*f).into()).collect() }
    }

    #[test]
    fn whole_words_longest_first_ignoring_case() {
        let lex = Lexicon::new(&[cue("assertion", &["said", "say"]), cue("assertion", &["point out", "pointed out"])]);
        let t = TextIndex::new("He SAID it; unsaid, well-said, sayings. She pointed out  that. Saïd".into());
        let l = Layout::new(&t);
        let hits: Vec<&str> = lex.find(&l).iter().map(|h| t.slice(h.start, h.end)).collect();
        assert_eq!(hits, ["SAID", "pointed out"]);
        let t = TextIndex::new("Ils ont dit « non ». She pointed out that.".into());
        let l = Layout::new(&t);
        let hits: Vec<(usize, &str)> = lex.find(&l).iter().map(|h| (h.start, t.slice(h.start, h.end))).collect();
        assert_eq!(hits, [(25, "pointed out")]);
    }

    #[test]
    fn the_first_entry_of_a_form_wins() {
        let lex = Lexicon::new(&[cue("denial", &["slammed"]), cue("assertion", &["Slammed", "slams"])]);
        assert_eq!(lex.entries.len(), 2);
        let t = TextIndex::new("They slammed it and slams it.".into());
        let l = Layout::new(&t);
        let kinds: Vec<&str> = lex.find(&l).iter().map(|h| lex.entries[h.entry].kind.as_str()).collect();
        assert_eq!(kinds, ["denial", "assertion"]);
        assert!(Lexicon::new(&[]).find(&l).is_empty());
    }
}
