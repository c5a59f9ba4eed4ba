//! Property: when a document's text changes, re-anchoring keeps every claim (FORMAT.md
//! section 3). Each span is kept where its quote still stands, else moved to the
//! occurrence of its quote nearest its old start (the earlier on a tie), else reported
//! orphaned with its old offsets untouched.

use claimcoder::model::claim::SpanRole;
use claimcoder::model::{AnnotationFile, Claim, Span, TextIndex};
use claimcoder::store::reanchor;
use claimcoder::store::reanchor::span_holds;
use proptest::prelude::*;

/// A small alphabet so that quotes recur, overlap ("aba" in "ababa") and vanish.
fn small_text(min: usize, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(vec!['a', 'b', ' ', '“', '中', '\r', '\n']), min..max)
        .prop_map(|v| v.into_iter().collect())
}

/// A richer alphabet, where most quotes stay unique.
fn prose(min: usize, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![8 => proptest::char::range('a', 'z'), 2 => Just(' '), 1 => Just('é'), 1 => Just('”'), 1 => Just('\n')],
        min..max,
    )
    .prop_map(|v| v.into_iter().collect())
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// Every start (in chars) of `quote` in `text`, overlapping occurrences included.
fn occurrences(text: &str, quote: &str) -> Vec<usize> {
    let (t, q) = (chars(text), chars(quote));
    if q.is_empty() || q.len() > t.len() {
        return Vec::new();
    }
    (0..=t.len() - q.len()).filter(|&i| t[i..i + q.len()] == q[..]).collect()
}

/// What the contract says a span's new start is, or `None` for an orphan.
fn expected_start(text: &str, span: &Span) -> Option<usize> {
    let t = chars(text);
    if span.end <= t.len() && t[span.start..span.end].iter().collect::<String>() == span.quote {
        return Some(span.start);
    }
    occurrences(text, &span.quote).into_iter().min_by_key(|&s| (s.abs_diff(span.start), s))
}

/// A file of claims over random spans of `text`, every optional span used sometimes.
fn file_on(text: &str, ranges: &[(usize, usize)]) -> AnnotationFile {
    let index = TextIndex::new(text.to_owned());
    let len = index.char_len();
    let mut file = AnnotationFile::new("d.txt", "alice", "x");
    for (i, &(a, b)) in ranges.iter().enumerate() {
        let (s, e) = (a % len, b % len);
        let (s, e) = (s.min(e), s.max(e) + 1);
        let id = file.take_claim_id();
        let mut claim = Claim::new(id, "assertion", Span::from_text(&index, s, e).unwrap());
        if i % 2 == 0 {
            claim.source_mention = Span::from_text(&index, s, (s + 2).min(len));
        }
        if i % 3 == 0 {
            claim.cue = Span::from_text(&index, e - 1, e);
        }
        file.claims.push(claim);
    }
    file
}

/// Checks every promise of re-anchoring for `before` re-anchored onto `new_text`.
fn check_reanchor(before: &AnnotationFile, new_text: &str) -> Result<(), TestCaseError> {
    let index = TextIndex::new(new_text.to_owned());
    let mut after = before.clone();
    let report = reanchor(&mut after, &index);

    let ids = |f: &AnnotationFile| f.claims.iter().map(|c| c.id).collect::<Vec<_>>();
    prop_assert_eq!(ids(&after), ids(before), "same claims, same ids, same order");
    for (old, new) in before.claims.iter().zip(&after.claims) {
        prop_assert_eq!(&old.kind, &new.kind);
        prop_assert_eq!(old.spans().count(), new.spans().count(), "no span dropped");
        for ((role, old_span), (_, new_span)) in old.spans().zip(new.spans()) {
            let orphaned = report.orphaned.contains(&(old.id, role));
            prop_assert_eq!(&new_span.quote, &old_span.quote, "quotes never change");
            match expected_start(new_text, old_span) {
                Some(start) => {
                    prop_assert!(!orphaned, "claim {} {:?} orphaned though its quote is at {}", old.id, role, start);
                    prop_assert_eq!(new_span.start, start, "claim {} {:?}: nearest occurrence", old.id, role);
                    prop_assert!(span_holds(&index, new_span), "claim {} {:?} does not hold", old.id, role);
                    let moved = report.moved.iter().any(|m| m.claim == old.id && m.role == role);
                    prop_assert_eq!(moved, start != old_span.start || !span_holds(&index, old_span));
                }
                None => {
                    prop_assert!(orphaned, "claim {} {:?} should be orphaned", old.id, role);
                    prop_assert_eq!(new_span, old_span, "orphans keep their old offsets");
                }
            }
        }
    }
    let spans = |f: &AnnotationFile| f.claims.iter().map(|c| c.spans().count()).sum::<usize>();
    prop_assert!(report.moved.len() + report.orphaned.len() <= spans(before));
    Ok(())
}

fn insert_at(text: &str, at: usize, piece: &str) -> String {
    let c = chars(text);
    let at = at.min(c.len());
    c[..at].iter().chain(chars(piece).iter()).chain(c[at..].iter()).collect()
}

fn delete_range(text: &str, from: usize, to: usize) -> String {
    let c = chars(text);
    let (from, to) = (from.min(c.len()), to.min(c.len()));
    let (from, to) = (from.min(to), from.max(to));
    c[..from].iter().chain(c[to..].iter()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Insertions anywhere (before, inside, after spans), repeated.
    #[test]
    fn insertions_keep_every_claim(
        text in small_text(1, 60),
        ranges in prop::collection::vec((0usize..1000, 0usize..1000), 1..8),
        edits in prop::collection::vec((0usize..1000, small_text(1, 6)), 1..4),
    ) {
        let before = file_on(&text, &ranges);
        let mut new_text = text.clone();
        for (at, piece) in &edits {
            new_text = insert_at(&new_text, at % (chars(&new_text).len() + 1), piece);
        }
        check_reanchor(&before, &new_text)?;
    }

    /// Deletions anywhere, including ones that swallow spans whole.
    #[test]
    fn deletions_keep_every_claim(
        text in small_text(2, 60),
        ranges in prop::collection::vec((0usize..1000, 0usize..1000), 1..8),
        cut in (0usize..1000, 0usize..20),
    ) {
        let before = file_on(&text, &ranges);
        let len = chars(&text).len();
        let from = cut.0 % len;
        check_reanchor(&before, &delete_range(&text, from, from + cut.1))?;
    }

    /// Long texts and long edits, so that the nearest occurrence may lie far from the
    /// old place (hundreds of multi-byte characters away) on either side.
    #[test]
    fn far_moves_in_long_texts_keep_every_claim(
        text in small_text(300, 2500),
        ranges in prop::collection::vec((0usize..5000, 0usize..5000), 1..6),
        at in 0usize..5000,
        piece in small_text(0, 900),
        cut in 0usize..900,
    ) {
        let before = file_on(&text, &ranges);
        let len = chars(&text).len();
        let at = at % (len + 1);
        check_reanchor(&before, &insert_at(&text, at, &piece))?;
        check_reanchor(&before, &delete_range(&text, at, at + cut))?;
    }

    /// Long runs of one- to four-byte characters, so that "near in bytes" and "near in
    /// characters" disagree and only a correct window search finds the nearest quote.
    #[test]
    fn runs_of_wide_and_narrow_characters(
        runs in prop::collection::vec((prop::sample::select(vec!['a', 'é', '中', '😀', 'Q']), 0usize..400), 1..8),
        quote_at in prop::collection::vec(0usize..3000, 1..4),
        old_start in 0usize..3000,
    ) {
        let mut text: String = runs.iter().flat_map(|&(c, n)| std::iter::repeat_n(c, n)).collect();
        for (i, at) in quote_at.iter().enumerate() {
            text = insert_at(&text, at % (chars(&text).len() + 1), if i % 2 == 0 { "QUOTE" } else { "QUO" });
        }
        let mut before = file_on("QUOTE", &[(0, 4)]);
        before.claims[0].content.start = old_start;
        before.claims[0].content.end = old_start + 5;
        check_reanchor(&before, &text)?;
    }

    /// In prose, where quotes are unique, an insertion before a span moves it by exactly
    /// the inserted length and one after it leaves it alone; nothing is orphaned
    /// unless the edit landed inside it.
    #[test]
    fn prose_edits_shift_spans_exactly(
        text in prose(20, 200),
        ranges in prop::collection::vec((0usize..1000, 0usize..1000), 1..6),
        at in 0usize..1000,
        piece in prose(1, 10),
    ) {
        let before = file_on(&text, &ranges);
        let at = at % (chars(&text).len() + 1);
        let new_text = insert_at(&text, at, &piece);
        check_reanchor(&before, &new_text)?;
        let mut after = before.clone();
        let report = reanchor(&mut after, &TextIndex::new(new_text.clone()));
        let shift = chars(&piece).len();
        for (old, new) in before.claims.iter().zip(&after.claims) {
            for ((role, o), (_, n)) in old.spans().zip(new.spans()) {
                let unique = occurrences(&new_text, &o.quote).len() == 1;
                if o.end <= at && unique {
                    prop_assert_eq!(n, o, "span before the edit is untouched");
                } else if o.start >= at && unique {
                    prop_assert_eq!((n.start, n.end), (o.start + shift, o.end + shift), "moved by the insertion");
                } else if unique {
                    prop_assert!(!report.orphaned.contains(&(old.id, role)));
                }
            }
        }
    }
}

/// A quote that overlaps another occurrence of itself ("aba" in "ababa") is still
/// found at the nearest place.
#[test]
fn overlapping_occurrences_are_candidates() {
    let old = TextIndex::new("xxababa".into());
    let mut file = file_on("xxababa", &[]);
    file.claims.push(Claim::new(1, "assertion", Span::from_text(&old, 4, 7).unwrap()));
    let new = TextIndex::new("xababa".into());
    let report = reanchor(&mut file, &new);
    assert_eq!(file.claims[0].content.start, 3, "the overlapping occurrence at 3 is nearest to 4, not 1");
    assert!(report.orphaned.is_empty());
}

/// A span whose quote vanished is orphaned, kept unchanged, and the others still move.
#[test]
fn orphan_and_moved_side_by_side() {
    let old = "Lew told reporters it was serious.";
    let mut file = file_on(old, &[]);
    let index = TextIndex::new(old.into());
    file.claims.push(Claim::new(1, "assertion", Span::from_text(&index, 4, 8).unwrap()));
    file.claims.push(Claim::new(2, "assertion", Span::from_text(&index, 26, 33).unwrap()));
    let before = file.clone();
    let new = TextIndex::new("Update: Lew told reporters it was grave.".into());
    let report = reanchor(&mut file, &new);
    assert_eq!(report.orphaned, vec![(2, SpanRole::Content)]);
    assert_eq!(file.claims[1], before.claims[1]);
    assert_eq!((file.claims[0].content.start, file.claims[0].content.end), (12, 16));
}

/// The nearest occurrence is 155 characters to the left behind 450 bytes of CJK text,
/// a farther one 200 characters to the right behind 200 bytes of ASCII.
#[test]
fn nearest_counts_characters_not_bytes_on_the_left() {
    let text = format!("QUOTE{}{}QUOTE", "中".repeat(150), "a".repeat(200));
    let mut file = file_on("QUOTE", &[(0, 4)]);
    file.claims[0].content = Span { start: 155, end: 160, quote: "QUOTE".into() };
    reanchor(&mut file, &TextIndex::new(text));
    assert_eq!(file.claims[0].content.start, 0);
}

/// The mirror image: the nearest occurrence is to the right behind wide characters.
#[test]
fn nearest_counts_characters_not_bytes_on_the_right() {
    let text = format!("QUOTE{}{}QUOTE", "a".repeat(200), "中".repeat(150));
    let mut file = file_on("QUOTE", &[(0, 4)]);
    file.claims[0].content = Span { start: 205, end: 210, quote: "QUOTE".into() };
    reanchor(&mut file, &TextIndex::new(text));
    assert_eq!(file.claims[0].content.start, 355);
}
