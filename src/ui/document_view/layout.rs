//! Laying out one block and mapping between its pixels and its characters.
//!
//! A left-to-right block without right-to-left characters is one wrapped egui
//! galley: egui lays such text out in logical order, one glyph per char, so its
//! glyph positions are the char positions.
//!
//! Anything with right-to-left text is laid out here, because egui 0.37 has no bidi
//! support: it shapes an Arabic run right to left (harfrust puts the glyphs in visual
//! order) but places runs left to right in logical order, aligns lines left, and its
//! cursor code assumes glyph order is char order, so clicks land on the wrong
//! characters. Instead the block is cut into UAX #29 segments (words, spaces,
//! punctuation) of one bidi level each, every segment is shaped alone (Arabic
//! letters join only within a word, so nothing is lost), lines are broken between
//! segments, and each line is put in the visual order of the Unicode bidi algorithm,
//! right-aligned in a right-to-left paragraph. Every segment records where each of its
//! chars is drawn, which is what hit-testing and highlights read.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Color32, FontFamily, FontId, Galley, Pos2, Rect, Vec2, pos2, vec2};
use unicode_segmentation::UnicodeSegmentation;

use super::blocks::Block;
use crate::text::bidi::has_rtl;
use crate::text::{BidiParagraph, Direction, TextIndex};

/// Size of the document text, larger than the interface for long reading.
pub const TEXT_SIZE: f32 = 16.5;

/// Line height of the document text (about 1.55 × the size).
pub const LINE_HEIGHT: f32 = 26.0;

/// Chars drawn together in one reading direction on one line.
#[derive(Debug)]
pub(super) struct Segment {
    /// First char (document offset).
    pub start: usize,
    /// Whether the chars run right to left.
    pub rtl: bool,
    /// The x of every char boundary in logical order, `chars + 1` values: the left
    /// edges of an LTR segment rising, the right edges of an RTL one falling.
    pub x: Vec<f32>,
}

impl Segment {
    /// One past the last char.
    pub fn end(&self) -> usize {
        self.start + self.x.len() - 1
    }

    fn left(&self) -> f32 {
        self.x.iter().copied().fold(f32::INFINITY, f32::min)
    }

    fn right(&self) -> f32 {
        self.x.iter().copied().fold(f32::NEG_INFINITY, f32::max)
    }

    /// What is at `x`: the char boundary nearest to it (a point in the first half
    /// of a char, in reading direction, lies before it) and the char under it.
    fn hit(&self, x: f32) -> Hit {
        let n = self.x.len() - 1;
        for i in 0..n {
            let (a, b) = (self.x[i], self.x[i + 1]);
            let (lo, hi) = (a.min(b), a.max(b));
            if x >= lo && x <= hi {
                let before = if self.rtl { x > (lo + hi) / 2.0 } else { x < (lo + hi) / 2.0 };
                let boundary = self.start + if before { i } else { i + 1 };
                return Hit { boundary, char: self.start + i };
            }
        }
        // Beyond both ends: the nearer one.
        let left_is_start = !self.rtl;
        let at_left = (x - self.left()).abs() < (x - self.right()).abs();
        if at_left == left_is_start {
            Hit { boundary: self.start, char: self.start }
        } else {
            Hit { boundary: self.end(), char: self.end().saturating_sub(1).max(self.start) }
        }
    }
}

/// What a point lands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Hit {
    /// The char boundary nearest to it, where a drag starts or ends.
    pub boundary: usize,
    /// The char drawn under it, what a click means.
    pub char: usize,
}

/// One drawn line of a block.
#[derive(Debug)]
pub(super) struct Line {
    /// Top, relative to the block.
    pub top: f32,
    /// Height.
    pub height: f32,
    /// First char on the line.
    pub start: usize,
    /// One past the last char on the line.
    pub end: usize,
    /// Its segments from left to right.
    pub segments: Vec<Segment>,
}

/// A block ready to draw.
pub(super) struct LaidBlock {
    /// Its height, gap below included.
    pub height: f32,
    /// Lines from the top.
    pub lines: Vec<Line>,
    /// What to paint, each at its offset from the block's top left, with the chars
    /// it shows.
    pub galleys: Vec<(Vec2, Arc<Galley>, Range<usize>)>,
}

impl LaidBlock {
    /// What is drawn at `p` (relative to the block).
    pub fn hit(&self, p: Pos2) -> Option<Hit> {
        let line = self.lines.iter().find(|l| p.y < l.top + l.height).or(self.lines.last())?;
        let segments = &line.segments;
        if segments.is_empty() {
            return Some(Hit { boundary: line.start, char: line.start });
        }
        if let Some(s) = segments.iter().find(|s| p.x >= s.left() && p.x <= s.right()) {
            return Some(s.hit(p.x));
        }
        let nearest = segments.iter().min_by(|a, b| {
            let d = |s: &Segment| (p.x - s.left()).abs().min((p.x - s.right()).abs());
            d(a).total_cmp(&d(b))
        })?;
        Some(nearest.hit(p.x))
    }

    /// Rectangles (relative to the block) covering the chars `range`: one per
    /// stretch of a line it covers without a gap (segments that touch are joined,
    /// so a tint has no seams and a line below no breaks).
    pub fn rects(&self, range: Range<usize>) -> Vec<Rect> {
        let mut out = Vec::new();
        for line in &self.lines {
            if line.end <= range.start || line.start >= range.end {
                continue;
            }
            let mut spans: Vec<(f32, f32)> = Vec::new();
            for s in &line.segments {
                let (a, b) = (range.start.max(s.start), range.end.min(s.end()));
                if a < b {
                    let (xa, xb) = (s.x[a - s.start], s.x[b - s.start]);
                    spans.push((xa.min(xb), xa.max(xb)));
                }
            }
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut joined: Vec<(f32, f32)> = Vec::new();
            for (lo, hi) in spans {
                match joined.last_mut() {
                    Some(last) if lo <= last.1 + 0.5 => last.1 = last.1.max(hi),
                    _ => joined.push((lo, hi)),
                }
            }
            out.extend(
                joined.into_iter().map(|(lo, hi)| Rect::from_x_y_ranges(lo..=hi, line.top..=line.top + line.height)),
            );
        }
        out
    }

    /// Where the boundary at char `pos` is drawn, its x and its line: as the start of
    /// the char after it (`after`), or as the end of the char before it.
    pub fn caret(&self, pos: usize, after: bool) -> Option<(f32, &Line)> {
        let inside =
            |s: &Segment| if after { s.start <= pos && pos < s.end() } else { s.start < pos && pos <= s.end() };
        self.lines.iter().find_map(|line| line.segments.iter().find(|s| inside(s)).map(|s| (s.x[pos - s.start], line)))
    }

    /// The top of the line holding `pos`.
    pub fn line_top(&self, pos: usize) -> f32 {
        self.lines.iter().find(|l| pos < l.end.max(l.start + 1)).or(self.lines.last()).map_or(0.0, |l| l.top)
    }
}

/// The text format of the document: egui paints it in the colour given at paint
/// time, so one layout serves the light and the dark theme.
fn format() -> TextFormat {
    TextFormat {
        font_id: FontId::new(TEXT_SIZE, FontFamily::Proportional),
        color: Color32::PLACEHOLDER,
        line_height: Some(LINE_HEIGHT),
        ..Default::default()
    }
}

/// Lays out `block` in a column `width` wide.
pub(super) fn lay_out(
    text: &TextIndex,
    block: &Block,
    width: f32,
    fonts: &mut egui::epaint::FontsView<'_>,
) -> LaidBlock {
    let body = text.slice(block.start, block.end);
    if body.is_empty() {
        return LaidBlock {
            height: block.estimated_height(width, LINE_HEIGHT),
            lines: Vec::new(),
            galleys: Vec::new(),
        };
    }
    if block.direction == Direction::Ltr
        && !has_rtl(body)
        && let Some(laid) = lay_out_plain(body, block, width, fonts)
    {
        return laid;
    }
    lay_out_bidi(body, block, width, fonts)
}

/// The fast path: one wrapped galley.
fn lay_out_plain(body: &str, block: &Block, width: f32, fonts: &mut egui::epaint::FontsView<'_>) -> Option<LaidBlock> {
    let mut job = LayoutJob::single_section(body.to_owned(), format());
    job.wrap = TextWrapping { max_width: width, ..Default::default() };
    let galley = fonts.layout_job(job);
    let mut lines = Vec::with_capacity(galley.rows.len());
    let mut pos = block.start;
    for placed in &galley.rows {
        let glyphs = &placed.row.glyphs;
        let mut x: Vec<f32> = glyphs.iter().map(|g| placed.pos.x + g.pos.x).collect();
        x.push(glyphs.last().map_or(placed.pos.x, |g| placed.pos.x + g.pos.x + g.advance_width));
        let rect = placed.rect();
        let start = pos;
        pos += glyphs.len();
        lines.push(Line {
            top: rect.top(),
            height: rect.height(),
            start,
            end: pos,
            segments: vec![Segment { start, rtl: false, x }],
        });
    }
    if pos != block.end {
        return None; // a glyph per char did not hold: use the general path
    }
    let height = galley.rect.height() + block.gap();
    Some(LaidBlock { height, lines, galleys: vec![(Vec2::ZERO, galley, block.start..block.end)] })
}

/// A shaped piece of one level.
struct Piece {
    chars: Range<usize>,
    space: bool,
    galley: Arc<Galley>,
}

impl Piece {
    /// The advance of the piece: where the next piece starts. (The galley's rect is
    /// rounded to pixels; summing those would open gaps between pieces.)
    fn width(&self) -> f32 {
        self.galley
            .rows
            .iter()
            .flat_map(|r| r.row.glyphs.iter().map(move |g| r.pos.x + g.pos.x + g.advance_width))
            .fold(0.0, f32::max)
    }

    /// Char boundaries from the piece's left edge at `left`, reaching exactly from
    /// `left` to `left + width` so that pieces side by side leave no gap.
    fn boundaries(&self, left: f32, rtl: bool) -> Vec<f32> {
        let (lo, hi) = (left, left + self.width());
        let mut x = self.glyph_boundaries(left, rtl);
        for v in &mut x {
            *v = v.clamp(lo, hi);
        }
        if let Some(first) = x.first_mut() {
            *first = if rtl { hi } else { lo };
        }
        if let Some(last) = x.last_mut() {
            *last = if rtl { lo } else { hi };
        }
        x
    }

    fn glyph_boundaries(&self, left: f32, rtl: bool) -> Vec<f32> {
        let n = self.chars.len();
        let glyphs: Vec<&egui::epaint::text::Glyph> = self
            .galley
            .rows
            .iter()
            .flat_map(|r| r.row.glyphs.iter())
            .filter(|g| g.advance_width > 0.0 || !g.uv_rect.is_nothing())
            .collect();
        let w = self.width();
        if glyphs.len() != n {
            // Ligatures (lam-alef) or marks merged: spread the chars evenly.
            return (0..=n)
                .map(|i| {
                    let f = i as f32 / n.max(1) as f32;
                    if rtl { left + w * (1.0 - f) } else { left + w * f }
                })
                .collect();
        }
        let edge = |g: &egui::epaint::text::Glyph| (left + g.pos.x, left + g.pos.x + g.advance_width);
        if rtl {
            // Glyphs are in visual order: the last char is drawn leftmost.
            let mut x: Vec<f32> = glyphs.iter().rev().map(|g| edge(g).1).collect();
            x.push(glyphs.first().map_or(left, |g| edge(g).0));
            x
        } else {
            let mut x: Vec<f32> = glyphs.iter().map(|g| edge(g).0).collect();
            x.push(glyphs.last().map_or(left, |g| edge(g).1));
            x
        }
    }
}

/// The general path: segments of one level, lines broken between them, each line
/// in bidi visual order.
fn lay_out_bidi(body: &str, block: &Block, width: f32, fonts: &mut egui::epaint::FontsView<'_>) -> LaidBlock {
    let bidi = BidiParagraph::new(body, block.direction);
    let runs = bidi.runs();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut pos = 0;
    let mut run = 0;
    for segment in body.split_word_bounds() {
        let mut rest = segment;
        while !rest.is_empty() {
            while runs.get(run).is_some_and(|r| r.chars.end <= pos) {
                run += 1;
            }
            let run_end = runs.get(run).map_or(usize::MAX, |r| r.chars.end);
            let take = rest.chars().count().min(run_end - pos);
            let bytes = rest.char_indices().nth(take).map_or(rest.len(), |(b, _)| b);
            let piece = &rest[..bytes];
            let galley = fonts.layout_job(LayoutJob::single_section(piece.to_owned(), format()));
            pieces.push(Piece { chars: pos..pos + take, space: piece.chars().all(char::is_whitespace), galley });
            pos += take;
            rest = &rest[bytes..];
        }
    }
    // Break lines between pieces; white space may hang past the edge.
    let mut breaks: Vec<Range<usize>> = Vec::new();
    let (mut first, mut used) = (0, 0.0);
    for (i, p) in pieces.iter().enumerate() {
        if !p.space && i > first && used + p.width() > width {
            breaks.push(first..i);
            first = i;
            used = 0.0;
        }
        used += p.width();
    }
    breaks.push(first..pieces.len());

    let mut lines = Vec::with_capacity(breaks.len());
    let mut galleys = Vec::with_capacity(pieces.len());
    let mut top = 0.0;
    for range in breaks {
        let line_pieces = &pieces[range];
        let (Some(a), Some(b)) = (line_pieces.first(), line_pieces.last()) else { continue };
        let (start, end) = (a.chars.start, b.chars.end);
        let total: f32 = line_pieces.iter().map(Piece::width).sum();
        let mut x = if block.direction == Direction::Rtl { (width - total).max(0.0) } else { 0.0 };
        let mut segments = Vec::new();
        let mut placed = vec![false; line_pieces.len()];
        let mut place = |p: &Piece, rtl: bool, x: &mut f32| {
            let chars = block.start + p.chars.start..block.start + p.chars.end;
            galleys.push((vec2(*x, top), p.galley.clone(), chars));
            segments.push(Segment { start: block.start + p.chars.start, rtl, x: p.boundaries(*x, rtl) });
            *x += p.width();
        };
        for run in bidi.visual_runs(start..end) {
            let mut in_run: Vec<usize> = (0..line_pieces.len())
                .filter(|&i| line_pieces[i].chars.start >= run.chars.start && line_pieces[i].chars.end <= run.chars.end)
                .collect();
            if run.is_rtl() {
                in_run.reverse();
            }
            for i in in_run {
                placed[i] = true;
                place(&line_pieces[i], run.is_rtl(), &mut x);
            }
        }
        // A piece the runs split (not expected) is still drawn and selectable.
        for (i, p) in line_pieces.iter().enumerate() {
            if !placed[i] {
                place(p, block.direction == Direction::Rtl, &mut x);
            }
        }
        lines.push(Line { top, height: LINE_HEIGHT, start: block.start + start, end: block.start + end, segments });
        top += LINE_HEIGHT;
    }
    LaidBlock { height: top + block.gap(), lines, galleys }
}

/// The position of `p` relative to a block drawn at `origin`.
pub(super) fn relative(p: Pos2, origin: Pos2) -> Pos2 {
    pos2(p.x - origin.x, p.y - origin.y)
}
