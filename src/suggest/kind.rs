//! The kind of a suggested claim: the cue's kind from the lexicon ("denied" is a
//! denial, "vowed" a commitment), except that a source speaking of its own future
//! action ("we will", "he would", "I'm going to") makes a commitment.

use super::layout::Layout;
use super::words::{FUTURE, is_in};

/// How many words into the content the future is looked for.
const REACH: usize = 12;

/// Words that, followed by a future auxiliary, put the source itself in the future.
const SELF_WORDS: &[&str] = &["we", "i", "he", "she", "they", "it", "our", "my", "us"];

/// The kind for a claim whose cue suggests `lexicon_kind`, and why, when the
/// content overrides the cue.
pub(crate) fn decide<'a>(
    l: &Layout,
    lexicon_kind: &'a str,
    content: (usize, usize),
    mention: Option<&str>,
) -> (&'a str, Option<&'static str>) {
    if lexicon_kind != "assertion" {
        return (lexicon_kind, None);
    }
    if promises(l, content, mention) {
        ("commitment", Some("the source speaks of its own future action"))
    } else {
        (lexicon_kind, None)
    }
}

/// Whether the content has the source (or "we", "I", or a pronoun) followed by a
/// future auxiliary within its first words: `we will`, `we'll`, `he would also`,
/// `we're going to`, `Lew is going to`.
fn promises(l: &Layout, (start, end): (usize, usize), mention: Option<&str>) -> bool {
    let head = mention.and_then(|m| m.split_whitespace().last()).unwrap_or("");
    let first = l.token_from(start);
    let words: Vec<String> = (first..l.tokens.len())
        .take_while(|&i| l.tokens[i].end <= end)
        .filter(|&i| l.tokens[i].word)
        .take(REACH)
        .map(|i| l.word(i).replace('’', "'").to_lowercase())
        .collect();
    let is_subject = |w: &str| is_in(SELF_WORDS, w) || (!head.is_empty() && head.eq_ignore_ascii_case(w));
    let going = |j: usize| words.get(j).is_some_and(|n| n == "going");
    (0..words.len()).any(|i| {
        let w = words[i].as_str();
        if let Some(stem) = w.strip_suffix("'ll") {
            return is_subject(stem);
        }
        if let Some(stem) = w.strip_suffix("'re").or_else(|| w.strip_suffix("'m")) {
            return is_subject(stem) && going(i + 1);
        }
        if !is_subject(w) {
            return false;
        }
        let mut j = i + 1;
        while words.get(j).is_some_and(|n| is_in(&["also", "still", "not", "never", "now", "then"], n)) {
            j += 1;
        }
        words.get(j).is_some_and(|n| is_in(FUTURE, n) || (is_in(&["am", "is", "are"], n) && going(j + 1)))
    })
}
