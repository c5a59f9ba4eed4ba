//! The document cut into blocks, the unit of layout: one per paragraph, and a long
//! paragraph (a one-line 10 MB file) cut at white space into pieces of a few
//! thousand characters, so no single layout is ever large. Heights of blocks not yet
//! laid out are estimated from their length; the estimate is replaced when the block
//! is first drawn.

use crate::text::{Direction, TextIndex};

/// Longest block in chars.
const MAX_BLOCK: usize = 2000;

/// How far back from the limit a cut looks for white space.
const CUT_REACH: usize = 400;

/// Height of an empty line (the blank lines between news paragraphs).
pub(super) const BLANK_HEIGHT: f32 = 10.0;

/// Space after the last block of a paragraph.
pub(super) const PARAGRAPH_GAP: f32 = 8.0;

/// A typical advance of the document font, for estimates only.
const AVERAGE_CHAR_WIDTH: f32 = 7.6;

/// A stretch of one paragraph laid out on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Block {
    /// First char.
    pub start: usize,
    /// One past the last char (line break excluded).
    pub end: usize,
    /// The paragraph's base direction (a cut piece keeps its paragraph's).
    pub direction: Direction,
    /// Whether this is the last block of its paragraph (the gap goes after it).
    pub ends_paragraph: bool,
}

impl Block {
    /// The height before layout.
    pub fn estimated_height(&self, width: f32, line_height: f32) -> f32 {
        if self.start == self.end {
            return BLANK_HEIGHT;
        }
        let per_line = (width / AVERAGE_CHAR_WIDTH).max(8.0);
        let lines = ((self.end - self.start) as f32 / per_line).ceil().max(1.0);
        lines * line_height + self.gap()
    }

    /// Space below the block's last line.
    pub fn gap(&self) -> f32 {
        if self.ends_paragraph { PARAGRAPH_GAP } else { 0.0 }
    }
}

/// Cuts the text into blocks.
pub(super) fn blocks(text: &TextIndex) -> Vec<Block> {
    let mut out = Vec::with_capacity(text.paragraphs().len());
    for p in text.paragraphs() {
        let direction = if !p.is_empty() { text.direction(p) } else { Direction::Ltr };
        let mut start = p.start;
        while p.end - start > MAX_BLOCK {
            let limit = start + MAX_BLOCK;
            let window = text.slice(limit - CUT_REACH, limit);
            let cut = match window.char_indices().rev().find(|(_, c)| c.is_whitespace()) {
                Some((b, _)) => limit - CUT_REACH + window[..b].chars().count() + 1,
                None => limit,
            };
            out.push(Block { start, end: cut, direction, ends_paragraph: false });
            start = cut;
        }
        out.push(Block { start, end: p.end, direction, ends_paragraph: true });
    }
    out
}

/// The block holding char `pos` (the last block for the end of the text).
pub(super) fn block_at(blocks: &[Block], pos: usize) -> usize {
    blocks.partition_point(|b| b.start <= pos).saturating_sub(1).min(blocks.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_become_blocks_and_long_ones_are_cut_at_spaces() {
        let long = "word ".repeat(1000);
        let text = TextIndex::new(format!("Short.\n\nمرحبا\n{long}"));
        let b = blocks(&text);
        assert_eq!((b[0].start, b[0].end, b[0].ends_paragraph), (0, 6, true));
        assert_eq!(b[1].start, b[1].end, "the blank line");
        assert_eq!(b[2].direction, Direction::Rtl);
        let pieces = &b[3..];
        assert!(pieces.len() >= 3);
        assert!(pieces.windows(2).all(|w| w[0].end == w[1].start), "pieces tile the paragraph");
        assert!(pieces.iter().all(|p| p.end - p.start <= MAX_BLOCK));
        for p in &pieces[..pieces.len() - 1] {
            assert!(text.slice(p.start, p.end).ends_with(' '), "cut after white space");
            assert!(!p.ends_paragraph);
        }
        assert_eq!(pieces.last().map(|p| (p.end, p.ends_paragraph)), Some((text.char_len(), true)));
        assert_eq!(block_at(&b, 0), 0);
        assert_eq!(block_at(&b, 7), 1);
        assert_eq!(block_at(&b, text.char_len()), b.len() - 1);
    }
}
