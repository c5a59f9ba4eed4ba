//! Finding a list of phrases (cue forms, actor names) in a text as whole words, in
//! one pass over the text whatever the list's length: Aho-Corasick, leftmost-longest
//! so "pointed out" wins over "pointed", ASCII case ignored so a sentence-initial
//! "Said" is found.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// A compiled phrase list.
pub(crate) struct PhraseMatcher {
    /// None when the list is empty (or cannot be compiled): nothing is ever found.
    matcher: Option<AhoCorasick>,
}

/// A phrase found: which one (its index in the list) and its byte range.
pub(crate) struct Found {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

impl PhraseMatcher {
    pub fn new(phrases: &[String]) -> Self {
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrases)
            .ok();
        Self { matcher }
    }

    /// Every phrase in `s` neither preceded nor followed by a char for which
    /// `glue` holds (the characters that would make it part of a longer word).
    pub fn find_whole<'a>(&'a self, s: &'a str, glue: fn(char) -> bool) -> impl Iterator<Item = Found> + 'a {
        self.matcher.iter().flat_map(move |m| m.find_iter(s)).filter_map(move |m| {
            let before = s[..m.start()].chars().next_back();
            let after = s[m.end()..].chars().next();
            let whole = !before.is_some_and(glue) && !after.is_some_and(glue);
            whole.then(|| Found { pattern: m.pattern().as_usize(), start: m.start(), end: m.end() })
        })
    }
}
