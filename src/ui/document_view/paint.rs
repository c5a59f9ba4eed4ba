//! Drawing the visible blocks and the coding over them, legibly in both themes:
//!
//! - the text always in the theme's strongest text colour, never tinted;
//! - a claim as a light tint of its kind's colour behind the text and a line of that
//!   colour below it, broken at the claim's edges, with a bar at each edge, so that
//!   two adjacent claims of one kind read as two;
//! - the selected claim outlined;
//! - a source mention boxed and a cue dotted underneath, both in the text colour, so
//!   they stand out whatever colours the codebook uses;
//! - find hits boxed in amber, the text selection in the theme's selection colour;
//! - a suggested claim untinted, with a dashed outline in its kind's colour (solid
//!   and thicker while selected, with its source mention and cue marked as a
//!   claim's are), so a proposal never looks like coded work.

use egui::{Color32, CornerRadius, Rect, Shape, Stroke, StrokeKind, Ui, pos2};

use super::layout::LaidBlock;
use super::{DocumentView, Marks};

/// Colours of the coding for the current theme.
struct Palette {
    text: Color32,
    dark: bool,
    selection: Color32,
}

impl Palette {
    fn of(ui: &Ui) -> Self {
        let v = ui.visuals();
        let s = v.selection.bg_fill;
        Self {
            text: v.strong_text_color(),
            dark: v.dark_mode,
            selection: Color32::from_rgba_unmultiplied(s.r(), s.g(), s.b(), if v.dark_mode { 150 } else { 110 }),
        }
    }

    /// The tint behind a claim.
    fn tint(&self, color: Color32, selected: bool) -> Color32 {
        let alpha = match (self.dark, selected) {
            (false, false) => 46,
            (false, true) => 92,
            (true, false) => 64,
            (true, true) => 120,
        };
        Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), alpha)
    }

    /// The kind's colour for lines, lightened in the dark theme so it shows.
    fn line(&self, color: Color32) -> Color32 {
        if self.dark { color.lerp_to_gamma(Color32::WHITE, 0.2) } else { color }
    }
}

/// Paints every visible block with its marks, clipped to `area`.
pub(super) fn paint(view: &DocumentView, ui: &Ui, area: Rect, column_left: f32, marks: &Marks<'_>) {
    let painter = ui.painter_at(area);
    let palette = Palette::of(ui);
    let (first, last) = view.visible_blocks();
    let visible = view.visible_range();
    let claims: Vec<_> =
        marks.claims.iter().filter(|c| c.content.start < visible.end && c.content.end > visible.start).collect();
    let suggestions: Vec<_> =
        marks.suggestions.iter().filter(|s| s.content.start < visible.end && s.content.end > visible.start).collect();
    for i in first..=last {
        let Some(laid) = view.laid.get(&i) else { continue };
        let block = view.blocks[i];
        let origin = view.block_origin(i, area, column_left);
        let rects = |start: usize, end: usize| -> Vec<Rect> {
            let (s, e) = (start.max(block.start), end.min(block.end));
            if s >= e {
                Vec::new()
            } else {
                laid.rects(s..e).into_iter().map(|r| r.translate(origin.to_vec2())).collect()
            }
        };
        // Behind the text: find hits, claim tints, the selection.
        for (n, &(s, e)) in marks.hits.iter().enumerate() {
            for r in rects(s, e) {
                let current = marks.current_hit == Some(n);
                let fill = if current {
                    Color32::from_rgba_unmultiplied(255, 170, 40, 120)
                } else {
                    Color32::from_rgba_unmultiplied(255, 214, 0, 70)
                };
                painter.rect(
                    r,
                    2.0,
                    fill,
                    Stroke::new(if current { 2.0 } else { 1.0 }, Color32::from_rgb(230, 150, 0)),
                    StrokeKind::Inside,
                );
            }
        }
        for c in &claims {
            let selected = marks.selected == Some(c.id);
            for r in rects(c.content.start, c.content.end) {
                painter.rect_filled(r.shrink2(egui::vec2(0.0, 2.0)), 0.0, palette.tint(c.color, selected));
            }
        }
        if let Some((s, e)) = view.selection {
            for r in rects(s, e) {
                painter.rect_filled(r.shrink2(egui::vec2(0.0, 1.0)), 2.0, palette.selection);
            }
        }
        for (offset, galley, _) in &laid.galleys {
            painter.galley(origin + *offset, galley.clone(), palette.text);
        }
        // Over the text: claim lines and edges, mentions, cues, the selected outline.
        for c in &claims {
            let line = palette.line(c.color);
            let selected = marks.selected == Some(c.id);
            for r in rects(c.content.start, c.content.end) {
                let y = r.bottom() - 2.0;
                painter.line_segment([pos2(r.left() + 1.0, y), pos2(r.right() - 1.0, y)], Stroke::new(2.0, line));
                if selected {
                    painter.rect_stroke(r.expand(1.0), 3.0, Stroke::new(2.0, line), StrokeKind::Outside);
                }
            }
            for (pos, after) in [(c.content.start, true), (c.content.end, false)] {
                edge(&painter, laid, origin, pos, after, Stroke::new(2.0, line));
            }
            if let Some(m) = &c.mention {
                for r in rects(m.start, m.end) {
                    painter.rect_stroke(
                        r.shrink2(egui::vec2(0.0, 3.0)),
                        CornerRadius::same(3),
                        Stroke::new(1.5, palette.text),
                        StrokeKind::Outside,
                    );
                }
            }
            if let Some(q) = &c.cue {
                for r in rects(q.start, q.end) {
                    dotted(&painter, r.left(), r.right(), r.bottom() - 5.0, palette.text);
                }
            }
        }
        for s in &suggestions {
            let line = palette.line(s.color);
            let selected = marks.selected_suggestion == Some(s.index);
            for r in rects(s.content.start, s.content.end) {
                let r = r.shrink2(egui::vec2(0.0, 1.0));
                if selected {
                    painter.rect_stroke(r.expand(1.0), 3.0, Stroke::new(2.5, line), StrokeKind::Outside);
                } else {
                    let corners = [r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom(), r.left_top()];
                    painter.extend(Shape::dashed_line(&corners, Stroke::new(1.5, line), 5.0, 3.0));
                }
            }
            if !selected {
                continue;
            }
            for m in s.mention.iter().flat_map(|m| rects(m.start, m.end)) {
                let stroke = Stroke::new(1.5, palette.text);
                painter.rect_stroke(r_inner(m), CornerRadius::same(3), stroke, StrokeKind::Outside);
            }
            for q in s.cue.iter().flat_map(|q| rects(q.start, q.end)) {
                dotted(&painter, q.left(), q.right(), q.bottom() - 5.0, palette.text);
            }
        }
    }
}

/// A mention's box, inside its line.
fn r_inner(r: Rect) -> Rect {
    r.shrink2(egui::vec2(0.0, 3.0))
}

/// A bar at a claim's edge, where the char boundary `pos` is drawn.
fn edge(painter: &egui::Painter, laid: &LaidBlock, origin: egui::Pos2, pos: usize, after: bool, stroke: Stroke) {
    if let Some((x, line)) = laid.caret(pos, after) {
        let x = origin.x + x;
        let (top, bottom) = (origin.y + line.top + 4.0, origin.y + line.top + line.height - 1.0);
        painter.line_segment([pos2(x, top), pos2(x, bottom)], stroke);
    }
}

/// A dotted line from `a` to `b` at height `y`.
fn dotted(painter: &egui::Painter, a: f32, b: f32, y: f32, color: Color32) {
    let mut x = a + 1.0;
    let mut dots = Vec::new();
    while x < b {
        dots.push(Shape::circle_filled(pos2(x, y), 1.1, color));
        x += 4.0;
    }
    painter.extend(dots);
}
