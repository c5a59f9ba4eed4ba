//! The scroll bar: always visible, with a thumb that never gets too small to grab,
//! and a mark for every claim in its kind's colour (and a hollow one for every
//! suggestion), so the bar is a map of the document's coding. Pressing the track jumps there; dragging moves the text.

use egui::{Color32, Rect, Sense, Stroke, StrokeKind, Ui, pos2};

use super::{DocumentView, Marks};

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
    // The claims, at the height of their text (estimated where not yet laid out).
    let mut shapes = Vec::with_capacity(marks.claims.len());
    for c in marks.claims {
        let (y0, y1) = (view.y_of(c.content.start) * scale, view.y_of(c.content.end) * scale);
        let (top, bottom) = (track.top() + y0, track.top() + y1.max(y0 + 2.0));
        let selected = marks.selected == Some(c.id);
        let x = if selected { track.x_range() } else { egui::Rangef::new(track.left() + 3.0, track.right() - 3.0) };
        let rect = Rect::from_x_y_ranges(x, top..=bottom.max(top + if selected { 4.0 } else { 2.0 }));
        shapes.push(egui::Shape::rect_filled(rect, 0.0, c.color));
    }
    // Suggestions as hollow marks on the bar's left edge.
    for s in marks.suggestions {
        let y = track.top() + view.y_of(s.content.start) * scale;
        let rect = Rect::from_min_max(pos2(track.left(), y), pos2(track.left() + 4.0, y + 3.0));
        let width = if marks.selected_suggestion == Some(s.index) { 2.0 } else { 1.0 };
        shapes.push(egui::Shape::rect_stroke(rect, 0.0, Stroke::new(width, s.color), StrokeKind::Inside));
    }
    painter.extend(shapes);
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
