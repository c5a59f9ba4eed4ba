//! Re-anchoring (FORMAT.md section 3): when a document's text changed, every span is
//! kept where its quote still stands, moved to the nearest occurrence of its quote,
//! or marked orphaned and kept unchanged. Nothing is ever dropped.

use crate::model::claim::SpanRole;
use crate::model::{AnnotationFile, ClaimId, Span, TextIndex};

/// A span that had to move.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    /// The claim.
    pub claim: ClaimId,
    /// Which of its spans.
    pub role: SpanRole,
    /// Old start.
    pub from: usize,
    /// New start.
    pub to: usize,
}

/// What re-anchoring did, for the user and the tests.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReanchorReport {
    /// Spans moved to another occurrence of their quote.
    pub moved: Vec<Moved>,
    /// Spans whose quote is nowhere in the text; kept with their old offsets.
    pub orphaned: Vec<(ClaimId, SpanRole)>,
}

impl ReanchorReport {
    /// True when every span was found where it was.
    pub fn is_clean(&self) -> bool {
        self.moved.is_empty() && self.orphaned.is_empty()
    }

    /// Whether claim `id` has any orphaned span.
    pub fn is_orphan(&self, id: ClaimId) -> bool {
        self.orphaned.iter().any(|(c, _)| *c == id)
    }
}

/// Whether `span` still matches `text` exactly.
pub fn span_holds(text: &TextIndex, span: &Span) -> bool {
    span.start < span.end && span.end <= text.char_len() && text.slice(span.start, span.end) == span.quote
}

/// Re-anchors every span of every claim in `file` against `text`.
pub fn reanchor(file: &mut AnnotationFile, text: &TextIndex) -> ReanchorReport {
    let mut report = ReanchorReport::default();
    for claim in &mut file.claims {
        let id = claim.id;
        for (role, span) in claim.spans_mut() {
            if span_holds(text, span) {
                continue;
            }
            match nearest(text, &span.quote, span.start) {
                Some(start) => {
                    let len = span.quote.chars().count();
                    report.moved.push(Moved { claim: id, role, from: span.start, to: start });
                    span.start = start;
                    span.end = start + len;
                }
                None => report.orphaned.push((id, role)),
            }
        }
    }
    report
}

/// The occurrence of `quote` nearest to `old_start` (the earlier one on a tie).
/// Occurrences that overlap each other ("aba" in "ababa") all count. The search looks
/// in a window around the old place that doubles until the best hit in it cannot be
/// beaten outside it, so a span shifted by an edit costs about the shift, not the
/// whole text: re-anchoring a long document stays linear in its claims.
fn nearest(text: &TextIndex, quote: &str, old_start: usize) -> Option<usize> {
    if quote.is_empty() {
        return None;
    }
    let s = text.as_str();
    let at = text.byte_of(old_start);
    let quote_chars = quote.chars().count();
    let mut radius = quote.len().max(256);
    loop {
        let lo = s.floor_char_boundary(at.saturating_sub(radius));
        let hi = s.ceil_char_boundary(at.saturating_add(radius).saturating_add(quote.len()).min(s.len()));
        let best =
            occurrences(&s[lo..hi], quote).map(|b| text.char_of(lo + b)).min_by_key(|&c| (c.abs_diff(old_start), c));
        let (whole_left, whole_right) = (lo == 0, hi == s.len());
        if let Some(c) = best {
            let d = c.abs_diff(old_start);
            // An occurrence left of the window is farther than `old_start - char(lo)`;
            // one right of it starts at or after `char(hi) - quote_chars + 1`.
            let left_ok = whole_left || d <= old_start.saturating_sub(text.char_of(lo));
            let right_ok = whole_right || old_start + d + quote_chars <= text.char_of(hi) + 1;
            if left_ok && right_ok {
                return Some(c);
            }
        } else if whole_left && whole_right {
            return None;
        }
        radius = radius.saturating_mul(2);
    }
}

/// Byte offsets of every occurrence of `needle` in `hay`, overlapping ones included.
fn occurrences<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let pos = from + hay.get(from..)?.find(needle)?;
        from = pos + hay[pos..].chars().next().map_or(1, char::len_utf8);
        Some(pos)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Claim;

    fn file_with(text: &TextIndex, ranges: &[(usize, usize)]) -> AnnotationFile {
        let mut f = AnnotationFile::new("d.txt", "alice", "x");
        for &(s, e) in ranges {
            let id = f.take_claim_id();
            f.claims.push(Claim::new(id, "assertion", Span::from_text(text, s, e).unwrap()));
        }
        f
    }

    #[test]
    fn unchanged_text_changes_nothing() {
        let t = TextIndex::new("Lew told reporters it was serious.".into());
        let mut f = file_with(&t, &[(0, 3), (9, 18)]);
        assert!(reanchor(&mut f, &t).is_clean());
    }

    #[test]
    fn insertion_before_moves_spans() {
        let old = TextIndex::new("Lew told reporters.".into());
        let mut f = file_with(&old, &[(4, 8)]);
        let new = TextIndex::new("“Update” Lew told reporters.".into());
        let r = reanchor(&mut f, &new);
        assert_eq!(r.moved, vec![Moved { claim: 1, role: SpanRole::Content, from: 4, to: 13 }]);
        assert_eq!(new.slice(f.claims[0].content.start, f.claims[0].content.end), "told");
    }

    #[test]
    fn nearest_occurrence_wins() {
        let old = TextIndex::new("said x said y said".into());
        let mut f = file_with(&old, &[(7, 11)]);
        let new = TextIndex::new("said x  said y said".into());
        reanchor(&mut f, &new);
        assert_eq!(f.claims[0].content.start, 8);
    }

    #[test]
    fn vanished_quote_is_orphaned_and_kept() {
        let old = TextIndex::new("Lew told reporters.".into());
        let mut f = file_with(&old, &[(4, 8)]);
        let before = f.claims[0].clone();
        let new = TextIndex::new("Lew said to reporters.".into());
        let r = reanchor(&mut f, &new);
        assert_eq!(r.orphaned, vec![(1, SpanRole::Content)]);
        assert!(r.is_orphan(1));
        assert_eq!(f.claims[0], before, "orphans are kept unchanged");
    }
}
