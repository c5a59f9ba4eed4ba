//! The document view: a read-only text widget built for reading and coding long
//! news texts in any script.
//!
//! - The text is cut into blocks (paragraphs, long ones cut at spaces, see
//!   [`blocks`]), each laid out on its own the first time it is drawn and kept
//!   (`layout`), so opening a 10 MB text costs one pass over it and each frame
//!   draws only the blocks on screen. Marks are drawn over the cached layout, so
//!   coding a claim never re-lays out text.
//! - Right-to-left paragraphs are laid out in bidi visual order and right-aligned,
//!   and every pixel maps back to the character drawn there.
//! - Its own selection in char offsets, snapped to words by [`crate::text::snap`]
//!   (Alt: characters); double click selects a word, triple click a sentence,
//!   Shift+click and Shift+arrows extend it by words.
//! - Its own scrolling: wheel, PageUp/PageDown, Home/End (Ctrl too), arrows, and a
//!   scroll bar that is always there and shows every claim in its kind's colour.

mod blocks;
mod input;
mod layout;
mod paint;
mod scrollbar;

use std::collections::HashMap;
use std::ops::Range;

use egui::{Color32, Id, Pos2, Rect, Sense, Ui, pos2};

pub use layout::{LINE_HEIGHT, TEXT_SIZE};

use self::blocks::{Block, block_at};
use self::layout::{Hit, LaidBlock};
use crate::model::{Claim, ClaimId, Codebook};
use crate::text::TextIndex;

/// Widest the text column grows, about 75 characters, for comfortable reading.
pub const MAX_TEXT_WIDTH: f32 = 720.0;

/// Space around the text column.
const PADDING: f32 = 14.0;

/// Width of the scroll bar with the claims' marks.
pub const SCROLLBAR_WIDTH: f32 = 16.0;

/// At most this many blocks keep their layout; farther ones are laid out again
/// when they come back into view.
const KEEP_LAID: usize = 400;

/// One claim as the view marks it.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimMark {
    /// The claim.
    pub id: ClaimId,
    /// Its content span.
    pub content: Range<usize>,
    /// The words naming its source.
    pub mention: Option<Range<usize>>,
    /// Its reporting cue.
    pub cue: Option<Range<usize>>,
    /// Its kind's colour.
    pub color: Color32,
}

impl ClaimMark {
    /// The marks of `claims`, coloured by the codebook.
    pub fn of(claims: &[Claim], codebook: &Codebook) -> Vec<Self> {
        // Each kind's colour is parsed once, not once per claim in every frame.
        let colors: Vec<(&str, Color32)> = codebook
            .kinds
            .iter()
            .map(|k| {
                let [r, g, b] = k.rgb();
                (k.id.as_str(), Color32::from_rgb(r, g, b))
            })
            .collect();
        let grey = Color32::from_rgb(128, 128, 128);
        claims
            .iter()
            .map(|c| {
                let color = colors.iter().find(|(id, _)| *id == c.kind).map_or(grey, |(_, color)| *color);
                Self {
                    id: c.id,
                    content: c.content.start..c.content.end,
                    mention: c.source_mention.as_ref().map(|s| s.start..s.end),
                    cue: c.cue.as_ref().map(|s| s.start..s.end),
                    color,
                }
            })
            .collect()
    }
}

/// A suggested claim as the view marks it: outlined in its kind's colour and never
/// tinted, so it reads as a proposal beside the coder's claims.
#[derive(Clone, Debug, PartialEq)]
pub struct SuggestionMark {
    /// Its number among the open document's suggestions.
    pub index: usize,
    /// Its content span.
    pub content: Range<usize>,
    /// The words naming its source (drawn while it is selected).
    pub mention: Option<Range<usize>>,
    /// Its reporting cue (drawn while it is selected).
    pub cue: Option<Range<usize>>,
    /// Its kind's colour.
    pub color: Color32,
}

/// A short text (a claim's quote) drawn as the view draws text: in bidi order,
/// right-aligned when it reads right to left, wrapped to the width `ui` has. Not
/// selectable; laid out each frame (egui keeps the shaped words).
pub fn passage(ui: &mut Ui, text: &str) -> egui::Response {
    let index = TextIndex::new(text.to_owned());
    let available = ui.available_width().max(40.0);
    // Clear of a scroll bar floating over the right edge.
    let width = available - PADDING.min(available / 4.0);
    let laid: Vec<LaidBlock> =
        ui.ctx().fonts_mut(|f| blocks::blocks(&index).iter().map(|b| layout::lay_out(&index, b, width, f)).collect());
    let height = laid.iter().map(|l| l.height).sum();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(available, height), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    let painter = ui.painter_at(rect.expand(2.0));
    let color = ui.visuals().strong_text_color();
    let mut top = rect.top();
    for block in &laid {
        for (offset, galley, _) in &block.galleys {
            painter.galley(pos2(rect.left(), top) + *offset, galley.clone(), color);
        }
        top += block.height;
    }
    response
}

/// What to mark in the text this frame.
#[derive(Clone, Copy, Default)]
pub struct Marks<'a> {
    /// The claims, in any order.
    pub claims: &'a [ClaimMark],
    /// The selected claim, outlined.
    pub selected: Option<ClaimId>,
    /// The suggested claims still offered, in any order.
    pub suggestions: &'a [SuggestionMark],
    /// The selected suggestion.
    pub selected_suggestion: Option<usize>,
    /// Find hits (char ranges).
    pub hits: &'a [(usize, usize)],
    /// The hit the find bar is on.
    pub current_hit: Option<usize>,
}

/// What the user did in the view this frame.
#[derive(Debug, Default)]
pub struct ViewOutput {
    /// A plain click at this char (no drag): select the claim there.
    pub clicked: Option<usize>,
    /// A double or triple click turned its first click into a word or sentence
    /// selection: the claim selected before that click, to select again.
    pub restore_claim: Option<Option<ClaimId>>,
    /// The selection changed (dragged, clicked, extended, cleared).
    pub selection_changed: bool,
    /// Whether the view has the keyboard focus.
    pub focused: bool,
}

/// The view's state for one open document.
pub struct DocumentView {
    id: Id,
    text: TextIndex,
    blocks: Vec<Block>,
    heights: Vec<f32>,
    /// Top of every block, and the total height last.
    tops: Vec<f32>,
    laid: HashMap<usize, LaidBlock>,
    /// Column width and pixels per point the layouts are for.
    geometry: (f32, f32),
    /// The text options the layouts were made with: when they change (the theme
    /// changes how glyphs are rasterised) egui rebuilds its glyph atlas, and
    /// layouts made before point into the old one.
    text_options: Option<egui::epaint::text::TextOptions>,
    scroll: f32,
    viewport: f32,
    selection: Option<(usize, usize)>,
    /// Where the selection started and where it is being extended to.
    anchor: usize,
    cursor: usize,
    /// The selected claim when the last single click began, for a double click.
    claim_before_click: Option<ClaimId>,
    scroll_request: Option<usize>,
    thumb_grab: Option<f32>,
    frame: u64,
    last_used: HashMap<usize, u64>,
    /// Where the text was drawn in the last frame: its area and its column's left.
    drawn: (Rect, f32),
    /// How many blocks were laid out so far (for tests and benchmarks).
    pub layouts: u64,
    /// Bumped whenever a block's position or layout changes (where a char is drawn).
    layout_epoch: u64,
    /// The scroll bar's claim marks, kept while the claims and layout are the same.
    bar_marks: scrollbar::MarksCache,
    /// The suggestions' marks on the scroll bar, kept between frames.
    bar_hollow: scrollbar::HollowCache,
}

impl DocumentView {
    /// A view of `text`; `id` keeps its focus apart from other widgets.
    pub fn new(id: Id, text: TextIndex) -> Self {
        let blocks = blocks::blocks(&text);
        let n = blocks.len();
        Self {
            id,
            text,
            blocks,
            heights: vec![0.0; n],
            tops: vec![0.0; n + 1],
            laid: HashMap::new(),
            geometry: (0.0, 0.0),
            text_options: None,
            scroll: 0.0,
            viewport: 0.0,
            selection: None,
            anchor: 0,
            cursor: 0,
            claim_before_click: None,
            scroll_request: None,
            thumb_grab: None,
            frame: 0,
            last_used: HashMap::new(),
            drawn: (Rect::NOTHING, 0.0),
            layouts: 0,
            layout_epoch: 0,
            bar_marks: Default::default(),
            bar_hollow: Default::default(),
        }
    }

    /// The widget's id (for keyboard focus).
    pub fn id(&self) -> Id {
        self.id
    }

    /// The text shown.
    pub fn text(&self) -> &TextIndex {
        &self.text
    }

    /// The selection (snapped), if any.
    pub fn selection(&self) -> Option<(usize, usize)> {
        self.selection
    }

    /// Selects `range` (a find hit) or clears the selection.
    pub fn set_selection(&mut self, range: Option<(usize, usize)>) {
        self.selection = range.filter(|(s, e)| s < e);
        if let Some((s, e)) = self.selection {
            (self.anchor, self.cursor) = (s, e);
        }
    }

    /// Scrolls so that char `pos` is in view (centred when it was off screen).
    pub fn scroll_to(&mut self, pos: usize) {
        self.scroll_request = Some(pos.min(self.text.char_len()));
    }

    /// The height of the whole text as laid out so far (estimated for blocks not
    /// yet drawn), for a view sized to its text.
    pub fn content_height(&self) -> f32 {
        self.total_height()
    }

    /// Where the text column was drawn in the last frame, left to right (margins
    /// beside it, such as review's lanes, go by it).
    pub fn column(&self) -> egui::Rangef {
        let (_, left) = self.drawn;
        egui::Rangef::new(left, left + self.geometry.0)
    }

    /// The scroll offset from the top of the text, in points.
    pub fn scroll_offset(&self) -> f32 {
        self.scroll
    }

    /// The char range of the blocks on screen in the last frame.
    pub fn visible_range(&self) -> Range<usize> {
        let (first, last) = self.visible_blocks();
        self.blocks.get(first).map_or(0, |b| b.start)..self.blocks.get(last).map_or(0, |b| b.end)
    }

    /// Screen rectangles of the chars `range` as drawn in the last frame (blocks on
    /// screen only), one per line segment.
    pub fn screen_rects(&self, range: Range<usize>) -> Vec<Rect> {
        let (area, column_left) = self.drawn;
        let (first, last) = self.visible_blocks();
        (first..=last)
            .filter_map(|i| self.laid.get(&i).map(|laid| (i, laid)))
            .flat_map(|(i, laid)| {
                let b = self.blocks[i];
                let (s, e) = (range.start.max(b.start), range.end.min(b.end));
                let origin = self.block_origin(i, area, column_left);
                let rects = if s < e { laid.rects(s..e) } else { Vec::new() };
                rects.into_iter().map(move |r| r.translate(origin.to_vec2()))
            })
            .collect()
    }

    /// The pieces of text drawn in the last frame: each galley's screen rect and
    /// the chars it shows (for tests that compare what is drawn with what is hit).
    pub fn drawn_pieces(&self) -> Vec<(Rect, Range<usize>)> {
        let (area, column_left) = self.drawn;
        let (first, last) = self.visible_blocks();
        let mut out = Vec::new();
        for i in first..=last {
            let Some(laid) = self.laid.get(&i) else { continue };
            let origin = self.block_origin(i, area, column_left);
            for (offset, galley, chars) in &laid.galleys {
                out.push((galley.rect.translate(origin.to_vec2() + *offset), chars.clone()));
            }
        }
        out
    }

    /// Shows the view in all the space `ui` has left.
    pub fn show(&mut self, ui: &mut Ui, marks: &Marks<'_>) -> ViewOutput {
        self.frame += 1;
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        let response = ui.interact(rect, self.id, Sense::click_and_drag()).union(response);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, "Document text"));
        let bar = Rect::from_min_max(pos2(rect.right() - SCROLLBAR_WIDTH, rect.top()), rect.max);
        let area = Rect::from_min_max(rect.min, pos2(bar.left(), rect.bottom()));
        let width = (area.width() - 2.0 * PADDING).clamp(40.0, MAX_TEXT_WIDTH);
        let column_left = (area.center().x - width / 2.0).max(area.left() + PADDING.min(area.width() / 4.0));
        self.viewport = area.height();
        let options = ui.ctx().fonts(|f| *f.options());
        if self.text_options.replace(options).is_some_and(|before| before != options) {
            self.geometry = (0.0, 0.0);
        }
        self.set_geometry(width, ui.pixels_per_point());

        let mut out = ViewOutput::default();
        input::scroll_keys_and_wheel(self, ui, &response, area);
        if let Some(pos) = self.scroll_request.take() {
            self.reveal(pos, ui.ctx());
        }
        self.lay_out_visible(ui.ctx());
        input::pointer(self, ui, &response, area, column_left, marks, &mut out);
        input::selection_keys(self, ui, &response, &mut out);
        scrollbar::show(self, ui, bar, marks);
        self.lay_out_visible(ui.ctx());
        paint::paint(self, ui, area, column_left, marks);
        self.drawn = (area, column_left);
        out.focused = response.has_focus();
        self.forget_far_layouts();
        out
    }

    /// Re-lays out everything when the column width or the display scale changes,
    /// keeping the same text at the top of the view.
    fn set_geometry(&mut self, width: f32, pixels_per_point: f32) {
        if self.geometry == (width, pixels_per_point) {
            return;
        }
        let first = if self.geometry.0 > 0.0 { self.visible_blocks().0 } else { 0 };
        let into = if self.heights.get(first).copied().unwrap_or(0.0) > 0.0 {
            (self.scroll - self.tops[first]) / self.heights[first]
        } else {
            0.0
        };
        self.geometry = (width, pixels_per_point);
        self.laid.clear();
        self.last_used.clear();
        for (h, b) in self.heights.iter_mut().zip(&self.blocks) {
            *h = b.estimated_height(width, LINE_HEIGHT);
        }
        self.recompute_tops();
        self.scroll =
            self.tops.get(first).copied().unwrap_or(0.0) + into * self.heights.get(first).copied().unwrap_or(0.0);
    }

    fn recompute_tops(&mut self) {
        self.layout_epoch += 1;
        let mut y = 0.0;
        for (top, h) in self.tops.iter_mut().zip(&self.heights) {
            *top = y;
            y += h;
        }
        if let Some(last) = self.tops.last_mut() {
            *last = y;
        }
    }

    /// Height of the whole text.
    fn total_height(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    fn max_scroll(&self) -> f32 {
        (self.total_height() - self.viewport + LINE_HEIGHT).max(0.0)
    }

    /// Sets the scroll offset, clamped.
    fn scroll_by(&mut self, dy: f32) {
        self.scroll = (self.scroll + dy).clamp(0.0, self.max_scroll());
    }

    /// First and last block on screen.
    fn visible_blocks(&self) -> (usize, usize) {
        if self.blocks.is_empty() {
            return (0, 0);
        }
        let n = self.blocks.len();
        let first = self.tops[..n].partition_point(|&t| t <= self.scroll).saturating_sub(1);
        let bottom = self.scroll + self.viewport;
        let last = (self.tops[..n].partition_point(|&t| t < bottom)).saturating_sub(1).max(first);
        (first, last.min(n - 1))
    }

    /// Lays out the blocks on screen, keeping the text that was already on screen
    /// where it was when a block above it changes height.
    fn lay_out_visible(&mut self, ctx: &egui::Context) {
        for _ in 0..4 {
            let (first, last) = self.visible_blocks();
            let anchor = (first..=last).find(|i| self.laid.contains_key(i));
            let anchor_screen = anchor.map(|a| self.tops[a] - self.scroll);
            let offset_in_first = self.scroll - self.tops.get(first).copied().unwrap_or(0.0);
            let mut changed = false;
            for i in first..=last {
                changed |= self.ensure_laid(i, ctx);
            }
            if !changed {
                return;
            }
            self.recompute_tops();
            self.scroll = match (anchor, anchor_screen) {
                (Some(a), Some(screen)) => self.tops[a] - screen,
                _ => self.tops.get(first).copied().unwrap_or(0.0) + offset_in_first,
            };
            self.scroll = self.scroll.clamp(0.0, self.max_scroll());
        }
    }

    /// Lays out block `i` if it has no layout; returns whether its height changed.
    fn ensure_laid(&mut self, i: usize, ctx: &egui::Context) -> bool {
        self.last_used.insert(i, self.frame);
        if self.laid.contains_key(&i) || i >= self.blocks.len() {
            return false;
        }
        let block = self.blocks[i];
        let width = self.geometry.0;
        let laid = ctx.fonts_mut(|f| layout::lay_out(&self.text, &block, width, f));
        self.layouts += 1;
        let changed = (laid.height - self.heights[i]).abs() > 0.01;
        self.heights[i] = laid.height;
        self.laid.insert(i, laid);
        self.layout_epoch += 1;
        changed
    }

    /// Drops the layouts of blocks not drawn for the longest time.
    fn forget_far_layouts(&mut self) {
        if self.laid.len() <= KEEP_LAID {
            return;
        }
        let mut ages: Vec<(u64, usize)> = self.last_used.iter().map(|(&i, &f)| (f, i)).collect();
        ages.sort_unstable();
        for (_, i) in ages.into_iter().take(self.laid.len() - KEEP_LAID / 2) {
            self.laid.remove(&i);
            self.layout_epoch += 1;
            self.last_used.remove(&i);
        }
    }

    /// The content y of char `pos`: exact when its block is laid out, else estimated.
    fn y_of(&self, pos: usize) -> f32 {
        if self.blocks.is_empty() {
            return 0.0;
        }
        let i = block_at(&self.blocks, pos);
        let b = &self.blocks[i];
        match self.laid.get(&i) {
            Some(laid) => self.tops[i] + laid.line_top(pos),
            None => {
                let f = (pos.saturating_sub(b.start)) as f32 / (b.end - b.start).max(1) as f32;
                self.tops[i] + f * self.heights[i]
            }
        }
    }

    /// Scrolls so that `pos` is on screen: a third from the top when it was not.
    fn reveal(&mut self, pos: usize, ctx: &egui::Context) {
        let i = block_at(&self.blocks, pos);
        self.ensure_laid(i, ctx);
        self.recompute_tops();
        let y = self.y_of(pos);
        if y < self.scroll + LINE_HEIGHT || y > self.scroll + self.viewport - 2.0 * LINE_HEIGHT {
            self.scroll = (y - self.viewport / 3.0).clamp(0.0, self.max_scroll());
        }
    }

    /// The char boundary under the screen point `p`, for a view whose text column
    /// starts at `column_left` in `area`.
    fn hit(&mut self, p: Pos2, area: Rect, column_left: f32, ctx: &egui::Context) -> Hit {
        if self.blocks.is_empty() {
            return Hit { boundary: 0, char: 0 };
        }
        let y = (p.y - area.top() + self.scroll).clamp(0.0, self.total_height());
        let n = self.blocks.len();
        let i = self.tops[..n].partition_point(|&t| t <= y).saturating_sub(1);
        self.ensure_laid(i, ctx);
        let origin = pos2(column_left, area.top() + self.tops[i] - self.scroll);
        let rel = layout::relative(p, origin);
        let laid = &self.laid[&i];
        let b = self.blocks[i];
        laid.hit(rel).unwrap_or(Hit { boundary: b.start, char: b.start })
    }

    /// Where block `i` is drawn.
    fn block_origin(&self, i: usize, area: Rect, column_left: f32) -> Pos2 {
        pos2(column_left, area.top() + self.tops[i] - self.scroll)
    }
}

#[cfg(test)]
mod tests;
