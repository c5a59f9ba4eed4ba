//! The scroll bar: always visible, with a thumb that never gets too small to grab,
//! and a mark for every claim in its kind's colour (and a hollow one for every
//! suggestion), so the bar is a map of the document's coding. Pressing the track
//! jumps there; dragging moves the text.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use egui::{Color32, Mesh, Rect, Sense, Shape, Stroke, StrokeKind, Ui, pos2};

use super::{ClaimMark, DocumentView, Marks};

/// The claims' marks as last drawn, and what they were drawn from.
#[derive(Default)]
pub(super) struct MarksCache {
    key: Option<u64>,
    mesh: Arc<Mesh>,
    /// The bar's rows of each content span drawn, for the layout and bar in `rows_for`:
    /// after an edit only the spans that changed are measured again.
    rows: HashMap<(usize, usize), egui::Rangef>,
    rows_for: Option<(u64, [u32; 4])>,
}

/// What the marks depend on: every claim's span and colour, where the text is laid
/// out, and where the bar is.
fn marks_key(claims: &[ClaimMark], layout_epoch: u64, track: Rect) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    layout_epoch.hash(&mut h);
    [track.left(), track.top(), track.right(), track.bottom()].map(f32::to_bits).hash(&mut h);
    for c in claims {
        (c.content.start, c.content.end, c.color.to_array()).hash(&mut h);
    }
    h.finish()
}

/// The bar's rows for claim `c`, at least `min` high.
fn claim_y(view: &DocumentView, c: &ClaimMark, track: Rect, scale: f32, min: f32) -> egui::Rangef {
    let (y0, y1) = (view.y_of(c.content.start) * scale, view.y_of(c.content.end) * scale);
    let top = track.top() + y0;
    egui::Rangef::new(top, (track.top() + y1).max(top + min))
}

/// The suggestions' hollow marks as last drawn, and what they were drawn from.
#[derive(Default)]
pub(super) struct HollowCache {
    key: Option<u64>,
    mesh: Arc<Mesh>,
}

/// What the hollow marks depend on: every suggestion's start and colour, which one
/// is selected, where the text is laid out, and where the bar is.
fn hollow_key(marks: &Marks<'_>, layout_epoch: u64, track: Rect) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    layout_epoch.hash(&mut h);
    [track.left(), track.top(), track.right(), track.bottom()].map(f32::to_bits).hash(&mut h);
    marks.selected_suggestion.hash(&mut h);
    for s in marks.suggestions {
        (s.index, s.content.start, s.color.to_array()).hash(&mut h);
    }
    h.finish()
}

/// A 4 by 3 pixel outline per suggestion, at most one per pixel row and colour
/// (many suggestions share a row of a long document's bar), the selected one
/// thicker.
fn hollow_mesh(view: &DocumentView, marks: &Marks<'_>, track: Rect, scale: f32) -> Mesh {
    let mut mesh = Mesh::default();
    let mut drawn = std::collections::HashSet::new();
    for s in marks.suggestions {
        let y = track.top() + view.y_of(s.content.start) * scale;
        let selected = marks.selected_suggestion == Some(s.index);
        if !drawn.insert((y.round() as i32, s.color.to_array(), selected)) {
            continue;
        }
        let r = Rect::from_min_max(pos2(track.left(), y), pos2(track.left() + 4.0, y + 3.0));
        let w = if selected { 2.0 } else { 1.0 };
        for edge in [
            Rect::from_min_max(r.min, pos2(r.max.x, r.min.y + w)),
            Rect::from_min_max(pos2(r.min.x, r.max.y - w), r.max),
            Rect::from_min_max(r.min, pos2(r.min.x + w, r.max.y)),
            Rect::from_min_max(pos2(r.max.x - w, r.min.y), r.max),
        ] {
            mesh.add_colored_rect(edge, s.color);
        }
    }
    mesh
}

/// Smallest thumb height.
const MIN_THUMB: f32 = 28.0;

/// Draws the bar in `bar` and handles pressing and dragging it.
pub(super) fn show(view: &mut DocumentView, ui: &Ui, bar: Rect, marks: &Marks<'_>) {
    let response = ui.interact(bar, view.id.with("scrollbar"), Sense::drag());
    let total = view.total_height().max(1.0);
    let track = bar.shrink2(egui::vec2(2.0, 2.0));
    let scale = track.height() / total;
    let thumb_h = (view.viewport * scale).clamp(MIN_THUMB.min(track.height()), track.height());
    let free = (track.height() - thumb_h).max(0.0);
    let max = view.max_scroll();
    let thumb_top = |scroll: f32| track.top() + if max > 0.0 { scroll / max * free } else { 0.0 };

    if let Some(p) = response.interact_pointer_pos() {
        if response.drag_started() || ui.input(|i| i.pointer.primary_pressed()) {
            let top = thumb_top(view.scroll);
            view.thumb_grab = Some(if p.y >= top && p.y <= top + thumb_h { p.y - top } else { thumb_h / 2.0 });
        }
        if let Some(grab) = view.thumb_grab
            && free > 0.0
        {
            let f = ((p.y - grab - track.top()) / free).clamp(0.0, 1.0);
            view.scroll = f * max;
        }
    }
    if !response.dragged() && !response.is_pointer_button_down_on() {
        view.thumb_grab = None;
    }

    let painter = ui.painter_at(bar);
    let visuals = ui.visuals();
    painter.rect_filled(bar, 0.0, visuals.extreme_bg_color);
    // The claims, at the height of their text (estimated where not yet laid out):
    // one mesh, made again only when the claims or the layout change.
    let key = marks_key(marks.claims, view.layout_epoch, track);
    if view.bar_marks.key != Some(key) {
        let rows_for =
            Some((view.layout_epoch, [track.left(), track.top(), track.right(), track.bottom()].map(f32::to_bits)));
        let mut rows = std::mem::take(&mut view.bar_marks.rows);
        if view.bar_marks.rows_for != rows_for {
            rows.clear();
        }
        let mut mesh = Mesh::default();
        let x = egui::Rangef::new(track.left() + 3.0, track.right() - 3.0);
        for c in marks.claims {
            let y =
                *rows.entry((c.content.start, c.content.end)).or_insert_with(|| claim_y(view, c, track, scale, 2.0));
            mesh.add_colored_rect(Rect::from_x_y_ranges(x, y), c.color);
        }
        view.bar_marks = MarksCache { key: Some(key), mesh: Arc::new(mesh), rows, rows_for };
    }
    painter.add(Shape::mesh(view.bar_marks.mesh.clone()));
    if let Some(c) = marks.selected.and_then(|id| marks.claims.iter().find(|c| c.id == id)) {
        painter.rect_filled(Rect::from_x_y_ranges(track.x_range(), claim_y(view, c, track, scale, 4.0)), 0.0, c.color);
    }
    // Suggestions as hollow marks on the bar's left edge: one mesh too, made again
    // only when they or the layout change (a long document offers tens of thousands).
    let key = hollow_key(marks, view.layout_epoch, track);
    if view.bar_hollow.key != Some(key) {
        view.bar_hollow = HollowCache { key: Some(key), mesh: Arc::new(hollow_mesh(view, marks, track, scale)) };
    }
    painter.add(Shape::mesh(view.bar_hollow.mesh.clone()));
    let top = thumb_top(view.scroll);
    let thumb = Rect::from_min_max(pos2(track.left(), top), pos2(track.right(), top + thumb_h));
    let stroke = if response.hovered() || response.dragged() {
        visuals.widgets.hovered.fg_stroke
    } else {
        visuals.widgets.inactive.fg_stroke
    };
    let fill = visuals.widgets.inactive.bg_fill;
    painter.rect(
        thumb,
        3.0,
        Color32::from_rgba_unmultiplied(fill.r(), fill.g(), fill.b(), 110),
        Stroke::new(1.5, stroke.color),
        StrokeKind::Inside,
    );
}
