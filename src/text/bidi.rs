//! Text direction by the Unicode bidirectional algorithm (UAX #9, `unicode-bidi`),
//! in char offsets: a paragraph's base direction, its level runs in logical order,
//! and the runs of one line in the order they are drawn. Arabic, Hebrew, Persian
//! and Urdu paragraphs read right to left, with Latin names and numbers inside them
//! left to right; the document view draws and hit-tests by these runs.

use std::ops::Range;

use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo, bidi_class};

/// Which way a paragraph reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Left to right (Latin, Cyrillic, Chinese, ...).
    Ltr,
    /// Right to left (Arabic, Hebrew, ...).
    Rtl,
}

impl Direction {
    /// The base direction of a paragraph: that of its first strong character
    /// (UAX #9 P2-P3), left to right when it has none.
    pub fn of(paragraph: &str) -> Self {
        match unicode_bidi::get_base_direction(paragraph) {
            unicode_bidi::Direction::Rtl => Self::Rtl,
            _ => Self::Ltr,
        }
    }

    fn level(self) -> Level {
        match self {
            Self::Ltr => Level::ltr(),
            Self::Rtl => Level::rtl(),
        }
    }
}

/// A stretch of one embedding level, in chars relative to the analysed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BidiRun {
    /// Chars covered.
    pub chars: Range<usize>,
    /// Embedding level: even reads left to right, odd right to left.
    pub level: u8,
}

impl BidiRun {
    /// Whether the run reads right to left.
    pub fn is_rtl(&self) -> bool {
        self.level % 2 == 1
    }
}

/// Whether `text` needs the bidi algorithm at all: it holds a right-to-left letter,
/// an Arabic digit or a right-to-left control. Everything else is drawn in logical
/// order, which is the fast path for most corpora.
pub fn has_rtl(text: &str) -> bool {
    text.chars().any(|c| {
        c >= '\u{590}'
            && matches!(
                bidi_class(c),
                BidiClass::R | BidiClass::AL | BidiClass::AN | BidiClass::RLE | BidiClass::RLO | BidiClass::RLI
            )
    })
}

/// `line` (one line, no line breaks) in the order its characters are drawn from left
/// to right, right-to-left runs reversed, for a place that draws plain strings (a
/// preview) rather than laying out runs as the document view does.
pub fn visual_order(line: &str) -> String {
    if !has_rtl(line) {
        return line.to_owned();
    }
    let chars: Vec<char> = line.chars().collect();
    let bidi = BidiParagraph::new(line, Direction::of(line));
    let mut out = String::with_capacity(line.len());
    for run in bidi.visual_runs(0..chars.len()) {
        let piece = &chars[run.chars.clone()];
        if run.is_rtl() {
            out.extend(piece.iter().rev().map(|&c| mirrored(c)));
        } else {
            out.extend(piece.iter());
        }
    }
    out
}

/// The mirrored form of a bracket drawn right to left (UAX #9 L4, for the pairs news
/// text uses).
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '«' => '»',
        '»' => '«',
        '<' => '>',
        '>' => '<',
        _ => c,
    }
}

/// The resolved levels of one paragraph (or a piece of one cut at a space).
pub struct BidiParagraph<'t> {
    info: ParagraphBidiInfo<'t>,
    /// Byte offset of every char, and the text length at the end.
    bytes: Vec<usize>,
}

impl<'t> BidiParagraph<'t> {
    /// Resolves `text` (no paragraph separators inside) with the given base direction.
    pub fn new(text: &'t str, direction: Direction) -> Self {
        let info = ParagraphBidiInfo::new(text, Some(direction.level()));
        let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes.push(text.len());
        Self { info, bytes }
    }

    /// Number of chars analysed.
    pub fn char_len(&self) -> usize {
        self.bytes.len() - 1
    }

    /// The level runs in logical order.
    pub fn runs(&self) -> Vec<BidiRun> {
        let levels: Vec<u8> = self.bytes[..self.char_len()].iter().map(|&b| self.info.levels[b].number()).collect();
        group(levels.into_iter().enumerate())
    }

    /// The runs of the line `line` (chars) from left to right as drawn, trailing
    /// white space at the paragraph's level (UAX #9 L1, L2).
    pub fn visual_runs(&self, line: Range<usize>) -> Vec<BidiRun> {
        let end = line.end.min(self.char_len());
        let start = line.start.min(end);
        if start == end {
            return Vec::new();
        }
        let bytes = self.bytes[start]..self.bytes[end];
        let (levels, runs) = self.info.visual_runs(bytes);
        runs.into_iter()
            .map(|r| {
                let first = self.bytes.partition_point(|&b| b < r.start);
                let last = self.bytes.partition_point(|&b| b < r.end);
                BidiRun { chars: first..last, level: levels[r.start].number() }
            })
            .filter(|r| !r.chars.is_empty())
            .collect()
    }
}

/// Groups (index, level) pairs into maximal runs.
fn group(levels: impl Iterator<Item = (usize, u8)>) -> Vec<BidiRun> {
    let mut runs: Vec<BidiRun> = Vec::new();
    for (i, level) in levels {
        match runs.last_mut() {
            Some(run) if run.level == level && run.chars.end == i => run.chars.end = i + 1,
            _ => runs.push(BidiRun { chars: i..i + 1, level }),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_in_drawing_order() {
        assert_eq!(visual_order("Lew said (twice)"), "Lew said (twice)");
        assert_eq!(visual_order("قال (أمس)"), "(سمأ) لاق");
        assert_eq!(visual_order("قال BBC اليوم"), "مويلا BBC لاق");
    }

    fn text_of(s: &str, runs: &[BidiRun]) -> Vec<(String, bool)> {
        let chars: Vec<char> = s.chars().collect();
        runs.iter().map(|r| (chars[r.chars.clone()].iter().collect(), r.is_rtl())).collect()
    }

    #[test]
    fn arabic_with_a_latin_name_and_a_number() {
        let s = "قال Jacob Lew إن 2013 عام";
        assert_eq!(Direction::of(s), Direction::Rtl);
        assert!(has_rtl(s));
        let p = BidiParagraph::new(s, Direction::Rtl);
        let logical = text_of(s, &p.runs());
        assert_eq!(
            logical,
            vec![
                ("قال ".into(), true),
                ("Jacob Lew".into(), false),
                (" إن ".into(), true),
                ("2013".into(), false),
                (" عام".into(), true)
            ]
        );
        // Drawn from the left: the last Arabic word first, the first word last.
        let visual = text_of(s, &p.visual_runs(0..s.chars().count()));
        assert_eq!(visual.first().map(|r| r.0.as_str()), Some(" عام"));
        assert_eq!(visual.last().map(|r| r.0.as_str()), Some("قال "));
        assert_eq!(visual[1].0, "2013");
        assert_eq!(visual[3].0, "Jacob Lew");
    }

    #[test]
    fn a_line_is_reordered_on_its_own() {
        let s = "שלום עולם hello";
        let p = BidiParagraph::new(s, Direction::Rtl);
        // Second line "עולם hello": Latin drawn at the left, Hebrew at the right.
        let visual = text_of(s, &p.visual_runs(5..15));
        assert_eq!(visual, vec![("hello".into(), false), ("עולם ".into(), true)]);
    }

    #[test]
    fn latin_paragraphs_take_the_fast_path() {
        assert!(!has_rtl("Lew told reporters, “It’s serious” — 中文, Россия."));
        assert_eq!(Direction::of("  123 ..."), Direction::Ltr);
        let p = BidiParagraph::new("abc", Direction::Ltr);
        assert_eq!(p.runs(), vec![BidiRun { chars: 0..3, level: 0 }]);
    }
}
