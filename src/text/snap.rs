//! The snapping rule: what a selection becomes when it is coded.
//!
//! A selection snaps to whole words, from the start of the first word it touches to
//! the end of the last. White space and stray punctuation never stand at either
//! edge, with one exception: a quotation mark is kept when the span also holds its
//! partner (a closing mark whose opening mark is inside, or the reverse), so
//! `“We have a very important relationship,”` stays whole while `, “We` loses its
//! comma and its unpaired mark. An abbreviation keeps its period (`U.S.`).
//!
//! Claims, source mentions and cues all snap by this rule, and **W** applies it to an
//! existing claim. With [`Precision::Characters`] (Alt in the app) only white space
//! is trimmed.

use super::TextIndex;
use super::sentences::is_abbreviation;

/// How a selection snaps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Precision {
    /// To whole words (the default).
    #[default]
    Words,
    /// To the characters selected, less white space at the edges.
    Characters,
}

/// The span `start..end` (chars) becomes, or `None` when it holds no word (or, with
/// character precision, nothing but white space). The result never starts or ends
/// in white space, never reaches past the selection or the words it touches, and
/// snapping it again gives it back.
pub fn snap(text: &TextIndex, start: usize, end: usize, precision: Precision) -> Option<(usize, usize)> {
    let end = end.min(text.char_len());
    if start >= end {
        return None;
    }
    match precision {
        Precision::Characters => trim_space(text, start, end),
        Precision::Words => snap_words(text, start, end),
    }
}

fn trim_space(text: &TextIndex, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = text.slice(start, end);
    let lead = s.chars().take_while(|c| c.is_whitespace()).count();
    let body = s.trim();
    (!body.is_empty()).then(|| (start + lead, start + lead + body.chars().count()))
}

fn snap_words(text: &TextIndex, start: usize, end: usize) -> Option<(usize, usize)> {
    let first = text.first_word_from(start, end)?;
    let last = text.last_word_before(end, start)?;
    let (mut s, mut e) = (first.start, last.end);
    if let Some(apostrophe) = clitic_apostrophe(text, last.start, last.end)
        && end <= apostrophe + 1
        && apostrophe > s
    {
        e = apostrophe; // `China` of `China’s`: the selection stopped before the clitic
    }
    if text.char_at(e) == Some('.') && e < end && is_abbreviation(text.slice(last.start, last.end)) {
        e += 1;
    }
    // Keep the quotation marks in the selection whose partner the span holds; each
    // kept mark may make room for another (`“‘Yes,’ he said”`), so repeat until none.
    let quotations = text.quotations();
    loop {
        let mut grown = false;
        for (pos, q) in quotations.marks_in(start, s) {
            if q.opens_at(pos) && q.close.is_some_and(|c| c > s && c < end) {
                s = pos;
                e = e.max(q.close.map_or(e, |c| c + 1));
                grown = true;
                break;
            }
        }
        let closing: Vec<usize> =
            quotations.marks_in(e, end).filter(|(pos, q)| q.close == Some(*pos)).map(|(pos, _)| pos).collect();
        for pos in closing.into_iter().rev() {
            let Some((q, _)) = quotations.mark_at(pos) else { continue };
            let held = q.open >= s && q.open < e || q.continuations.iter().any(|&c| c >= s && c < e);
            if held {
                e = pos + 1;
                grown = true;
                break;
            }
        }
        if !grown {
            return Some((s, e));
        }
    }
}

/// English clitics that UAX #29 keeps inside a word (`China’s`, `we'll`), which a
/// selection may leave out.
const CLITICS: &[&str] = &["s", "ll", "re", "ve", "d", "m"];

/// The position of the apostrophe before a clitic ending the word `start..end`.
fn clitic_apostrophe(text: &TextIndex, start: usize, end: usize) -> Option<usize> {
    let word = text.slice(start, end);
    let (b, _) = word.char_indices().rev().find(|(_, c)| matches!(c, '\'' | '’'))?;
    let tail = &word[b..].chars().skip(1).collect::<String>().to_lowercase();
    CLITICS.contains(&tail.as_str()).then(|| start + word[..b].chars().count())
}

impl TextIndex {
    /// [`snap`] on this text.
    pub fn snap(&self, start: usize, end: usize, precision: Precision) -> Option<(usize, usize)> {
        snap(self, start, end, precision)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Snaps the part of `text` marked with `[` and `]` and returns it.
    fn snapped(marked: &str, precision: Precision) -> Option<String> {
        let start = marked.chars().position(|c| c == '[').expect("a [");
        let end = marked.chars().position(|c| c == ']').expect("a ]") - 1;
        let text: String = marked.chars().filter(|&c| c != '[' && c != ']').collect();
        let t = TextIndex::new(text);
        snap(&t, start, end, precision).map(|(s, e)| t.slice(s, e).to_owned())
    }

    fn words(marked: &str) -> Option<String> {
        snapped(marked, Precision::Words)
    }

    #[test]
    fn partial_words_grow_to_whole_words_and_edges_lose_space_and_punctuation() {
        assert_eq!(words("U.S. officials [s]aid it."), Some("said".into()));
        assert_eq!(words("[U.S. officials s]aid it."), Some("U.S. officials said".into()));
        assert_eq!(words("Lew [told ]reporters."), Some("told".into()));
        assert_eq!(words("aid[ ]told"), None);
        assert_eq!(
            words("it.[ The Chinese government has denied].."),
            Some("The Chinese government has denied".into())
        );
        assert_eq!(
            words("[. The Chinese government has denied it.] Next"),
            Some("The Chinese government has denied it".into())
        );
        assert_eq!(words("[(“China”)]"), Some("“China”".into()));
        assert_eq!(words("It rose [50%.]"), Some("50%".into()));
        assert_eq!(words("cost [$5 million,] he"), Some("$5 million".into()));
        assert_eq!(words("in the [U.S.] The"), Some("U.S.".into()));
        assert_eq!(words("— [, —] —"), None);
        assert_eq!(words("[China]’s government"), Some("China".into()), "a possessive left out stays out");
        assert_eq!(words("[China’]s government"), Some("China".into()));
        assert_eq!(words("[China’s] government"), Some("China’s".into()));
        assert_eq!(words("[we']ll see"), Some("we".into()));
        assert_eq!(words("[it’s ]fine"), Some("it’s".into()));
    }

    #[test]
    fn quotation_marks_stay_with_their_partners() {
        assert_eq!(
            words("[\"We have a very important relationship with the Chinese,\"] Lew told"),
            Some("\"We have a very important relationship with the Chinese,\"".into())
        );
        assert_eq!(words("[“It is serious,” Lew] said"), Some("“It is serious,” Lew".into()));
        assert_eq!(words("[“It is serious,] ” Lew said"), Some("It is serious".into()));
        assert_eq!(words("“It [is serious,” Lew] said"), Some("is serious,” Lew".into()), "an inner mark is no edge");
        assert_eq!(words("to press the country to [\"take serious steps.\"]"), Some("\"take serious steps.\"".into()));
        assert_eq!(words("he said [« non »] hier"), Some("« non »".into()));
        assert_eq!(words("他说[「不是。」]"), Some("「不是。」".into()));
    }

    #[test]
    fn a_quotation_over_paragraphs_keeps_its_marks() {
        let text = "[“We have a very important relationship.\n\n“It’s important that we engage,”] Lew said.";
        assert_eq!(
            words(text),
            Some("“We have a very important relationship.\n\n“It’s important that we engage,”".into())
        );
        let second = "“We have a relationship.\n\n[“It’s important that we engage,”] Lew said.";
        assert_eq!(words(second), Some("“It’s important that we engage,”".into()));
    }

    #[test]
    fn other_scripts() {
        assert_eq!(words("قال المتحدث[، «لا أعرف»،] ثم"), Some("«لا أعرف»".into()));
        assert_eq!(words("قال المت[حدث باسم ا]لوزارة"), Some("المتحدث باسم الوزارة".into()));
        assert_eq!(words("אמר הדו[בר: \"לא\"]."), Some("הדובר: \"לא\"".into()));
        assert_eq!(words("中国外[交部否]认了"), Some("交部否".into()));
        assert_eq!(words("Представитель [МИД заяв]ил, что"), Some("МИД заявил".into()));
        assert_eq!(words("Lew [قال إن] 2013"), Some("قال إن".into()));
    }

    #[test]
    fn character_precision_trims_only_space() {
        assert_eq!(snapped("U.S. officials[ s]aid", Precision::Characters), Some("s".into()));
        assert_eq!(snapped("it[, The]", Precision::Characters), Some(", The".into()));
        assert_eq!(snapped("a[  ]b", Precision::Characters), None);
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::text::Token;

    /// Texts mixing scripts, spaces, punctuation, quotation marks and line breaks.
    fn text() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "Lew",
            "told",
            "U.S.",
            "it’s",
            "50%",
            "$5",
            "مرحبا",
            "بالعالم",
            "שלום",
            "中国",
            "外交部",
            "Россия",
            "2013",
            " ",
            " ",
            "  ",
            "\u{a0}",
            "\n",
            "\r\n",
            "\n\n",
            ",",
            ".",
            "—",
            "(",
            ")",
            "\"",
            "'",
            "“",
            "”",
            "‘",
            "’",
            "«",
            "»",
            "„",
            "「",
            "」",
            "،",
            "!",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    /// The edges a selection may grow to: the ends of the words it cuts through.
    fn bounds(t: &TextIndex, start: usize, end: usize) -> (usize, usize) {
        let lo = t.word_at(start).filter(|w| w.start < start).map_or(start, |w| w.start);
        let hi = end.checked_sub(1).and_then(|p| t.word_at(p)).filter(|w| w.end > end).map_or(end, |w| w.end);
        (lo, hi)
    }

    proptest! {
        #[test]
        fn snapped_spans_are_tight_bounded_and_stable(s in text(), a in 0usize..200, b in 0usize..200) {
            let t = TextIndex::new(s);
            let (start, end) = (a.min(b).min(t.char_len()), a.max(b).min(t.char_len()));
            for precision in [Precision::Words, Precision::Characters] {
                let Some((s, e)) = snap(&t, start, end, precision) else { continue };
                prop_assert!(s < e);
                let first = t.char_at(s).unwrap_or(' ');
                let last = t.char_at(e - 1).unwrap_or(' ');
                prop_assert!(!first.is_whitespace() && !last.is_whitespace(), "{precision:?} {:?}", t.slice(s, e));
                let (lo, hi) = bounds(&t, start, end);
                prop_assert!(lo <= s && e <= hi, "{precision:?} {start}..{end} grew to {s}..{e}");
                prop_assert_eq!(snap(&t, s, e, precision), Some((s, e)), "not idempotent: {:?}", t.slice(s, e));
                if precision == Precision::Words {
                    let edge_ok = |c: char| !super::super::tokens::is_punctuation(c)
                        || super::super::quotes::is_quote_mark(c) || c == '.';
                    prop_assert!(edge_ok(first) && edge_ok(last), "stray punctuation: {:?}", t.slice(s, e));
                }
            }
        }

        #[test]
        fn every_word_inside_the_selection_is_kept(s in text(), a in 0usize..200, b in 0usize..200) {
            let t = TextIndex::new(s);
            let (start, end) = (a.min(b).min(t.char_len()), a.max(b).min(t.char_len()));
            let inside: Vec<Token> = t.tokens_in(start, end).into_iter()
                .filter(|w| w.is_wordlike() && w.end <= end).collect();
            let snapped = snap(&t, start, end, Precision::Words);
            if let (Some(first), Some(last)) = (inside.first(), inside.last()) {
                let (s, e) = snapped.expect("a selection with words snaps");
                prop_assert!(s <= first.start && last.end <= e);
            }
        }
    }
}
