//! A stretch of a document's text, addressed in Unicode scalar values (FORMAT.md
//! section 1), with the quote kept beside the offsets so that the span can be found
//! again when the text changes.

use serde::{Deserialize, Serialize};

/// A half-open character range `start..end` and the text it covered when written.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// First character, inclusive, counted in `char`s from the start of the text.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The text at `start..end`; what re-anchoring searches for.
    pub quote: String,
}

impl Span {
    /// Builds a span from a text and char offsets, copying the quote out of the text.
    /// Returns `None` when the range is empty, reversed or past the end, which is how
    /// a stray selection is kept from becoming a claim.
    pub fn from_text(text: &crate::model::TextIndex, start: usize, end: usize) -> Option<Self> {
        if start >= end || end > text.char_len() {
            return None;
        }
        Some(Self { start, end, quote: text.slice(start, end).to_owned() })
    }

    /// Number of characters covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True for a zero-width span, which never comes from the app but may from a hand-edited file.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the quote holds nothing but whitespace (a line break coded as a cue):
    /// a defect of the coding, which `check` reports and brat cannot show.
    pub fn is_whitespace_only(&self) -> bool {
        !self.quote.is_empty() && self.quote.chars().all(char::is_whitespace)
    }

    /// Characters shared with `other`.
    pub fn intersection(&self, other: &Span) -> usize {
        self.end.min(other.end).saturating_sub(self.start.max(other.start))
    }

    /// Shared characters over characters in either (FORMAT.md section 5).
    pub fn jaccard(&self, other: &Span) -> f64 {
        let inter = self.intersection(other);
        let union = self.len() + other.len() - inter;
        if union == 0 { 0.0 } else { inter as f64 / union as f64 }
    }

    /// Whether char position `pos` lies inside the span.
    pub fn contains(&self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize) -> Span {
        Span { start, end, quote: String::new() }
    }

    #[test]
    fn jaccard_counts_shared_over_union() {
        assert_eq!(span(0, 10).jaccard(&span(0, 10)), 1.0);
        assert_eq!(span(0, 10).jaccard(&span(5, 15)), 5.0 / 15.0);
        assert_eq!(span(0, 10).jaccard(&span(10, 20)), 0.0);
        assert_eq!(span(0, 4).jaccard(&span(0, 2)), 0.5);
    }

    #[test]
    fn from_text_rejects_bad_ranges() {
        let t = crate::model::TextIndex::new("“Hi” there".to_owned());
        assert_eq!(Span::from_text(&t, 0, 4).map(|s| s.quote), Some("“Hi”".to_owned()));
        assert!(Span::from_text(&t, 3, 3).is_none());
        assert!(Span::from_text(&t, 4, 3).is_none());
        assert!(Span::from_text(&t, 0, 11).is_none());
    }
}
