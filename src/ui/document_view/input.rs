//! Pointer and keyboard: scrolling, and selecting text by words.

use egui::{Key, Rect, Response, Ui};

use super::layout::LINE_HEIGHT;
use super::{DocumentView, Marks, ViewOutput};
use crate::text::{Direction, Precision};

/// Whether keys go to the view: it has the focus, or nothing else has.
fn owns_keys(view: &DocumentView, ui: &Ui, response: &Response) -> bool {
    response.has_focus() || ui.memory(|m| m.focused().is_none_or(|id| id == view.id))
}

/// Wheel, PageUp/PageDown, Home/End (with or without Ctrl), arrows up and down.
pub(super) fn scroll_keys_and_wheel(view: &mut DocumentView, ui: &Ui, response: &Response, area: Rect) {
    if response.hovered() || ui.rect_contains_pointer(area) {
        let dy = ui.input_mut(|i| std::mem::take(&mut i.smooth_scroll_delta.y));
        if dy != 0.0 {
            view.scroll_by(-dy);
        }
    }
    if !owns_keys(view, ui, response) {
        return;
    }
    let page = (view.viewport - 2.0 * LINE_HEIGHT).max(LINE_HEIGHT);
    let total = view.total_height();
    ui.input_mut(|i| {
        let plain = |m: egui::Modifiers| !m.shift && !m.alt;
        if i.consume_key(egui::Modifiers::NONE, Key::PageDown) {
            view.scroll_by(page);
        }
        if i.consume_key(egui::Modifiers::NONE, Key::PageUp) {
            view.scroll_by(-page);
        }
        for m in [egui::Modifiers::NONE, egui::Modifiers::COMMAND] {
            if plain(m) && i.consume_key(m, Key::Home) {
                view.scroll = 0.0;
            }
            if plain(m) && i.consume_key(m, Key::End) {
                view.scroll_by(total);
            }
        }
        if i.consume_key(egui::Modifiers::NONE, Key::ArrowDown) {
            view.scroll_by(LINE_HEIGHT);
        }
        if i.consume_key(egui::Modifiers::NONE, Key::ArrowUp) {
            view.scroll_by(-LINE_HEIGHT);
        }
    });
}

/// The precision a drag or key selects with: Alt gives characters.
fn precision(ui: &Ui) -> Precision {
    if ui.input(|i| i.modifiers.alt) { Precision::Characters } else { Precision::Words }
}

impl DocumentView {
    /// Sets the selection from the anchor and the cursor, snapped; the cursor moves
    /// to the snapped edge, so the next Shift+arrow goes on from what is shown.
    fn select_between(&mut self, precision: Precision) {
        let (a, b) = (self.anchor.min(self.cursor), self.anchor.max(self.cursor));
        self.selection = self.text.snap(a, b, precision);
        if let Some((s, e)) = self.selection {
            self.cursor = if self.cursor >= self.anchor { e } else { s };
        }
    }
}

/// Press, drag, click, double and triple click, Shift+click.
pub(super) fn pointer(
    view: &mut DocumentView,
    ui: &Ui,
    response: &Response,
    area: Rect,
    column_left: f32,
    marks: &Marks<'_>,
    out: &mut ViewOutput,
) {
    let Some(p) = response.interact_pointer_pos() else { return };
    if !area.contains(p) && !response.dragged() {
        return; // on the scroll bar
    }
    let before = view.selection;
    let shift = ui.input(|i| i.modifiers.shift);
    let pressed = ui.input(|i| i.pointer.primary_pressed());
    if pressed {
        response.request_focus();
        let pos = view.hit(p, area, column_left, ui.ctx()).boundary;
        if shift && view.selection.is_some() {
            view.cursor = pos;
            view.select_between(precision(ui));
        } else {
            view.anchor = pos;
            view.cursor = pos;
            view.selection = None;
        }
    }
    if response.dragged() && !pressed {
        // Drag past the top or bottom edge: scroll along.
        if p.y < area.top() {
            view.scroll_by(-(area.top() - p.y).min(3.0 * LINE_HEIGHT));
            ui.ctx().request_repaint();
        } else if p.y > area.bottom() {
            view.scroll_by((p.y - area.bottom()).min(3.0 * LINE_HEIGHT));
            ui.ctx().request_repaint();
        }
        view.lay_out_visible(ui.ctx());
        view.cursor = view.hit(p, area, column_left, ui.ctx()).boundary;
        view.select_between(precision(ui));
    }
    let pos = view.hit(p, area, column_left, ui.ctx()).char;
    if response.triple_clicked() {
        view.selection = view.text.sentence_at(pos);
        out.restore_claim = Some(view.claim_before_click);
    } else if response.double_clicked() {
        view.selection = view.text.word_at(pos).map(|w| (w.start, w.end));
        out.restore_claim = Some(view.claim_before_click);
    } else if response.clicked() && !shift {
        view.claim_before_click = marks.selected;
        view.selection = None;
        out.clicked = Some(pos);
    }
    if let Some((s, e)) = view.selection
        && (response.double_clicked() || response.triple_clicked())
    {
        (view.anchor, view.cursor) = (s, e);
    }
    out.selection_changed |= view.selection != before;
}

/// Shift+arrows extend the selection by words (Alt: by characters), in the
/// direction the arrow points on screen.
pub(super) fn selection_keys(view: &mut DocumentView, ui: &Ui, response: &Response, out: &mut ViewOutput) {
    if !owns_keys(view, ui, response) || view.selection.is_none() {
        return;
    }
    let alt = ui.input(|i| i.modifiers.alt);
    let mods = egui::Modifiers { shift: true, alt, ..Default::default() };
    let (right, left) = ui.input_mut(|i| (i.consume_key(mods, Key::ArrowRight), i.consume_key(mods, Key::ArrowLeft)));
    if !(right || left) {
        return;
    }
    let text = view.text.clone();
    let paragraph = &text.paragraphs()[text.paragraph_at(view.cursor)];
    let forward = right != (text.direction(paragraph) == Direction::Rtl);
    view.cursor = match (forward, alt) {
        (true, false) => text.next_word_end(view.cursor),
        (false, false) => text.prev_word_start(view.cursor),
        (true, true) => (view.cursor + 1).min(text.char_len()),
        (false, true) => view.cursor.saturating_sub(1),
    };
    let before = view.selection;
    view.select_between(if alt { Precision::Characters } else { Precision::Words });
    if view.selection.is_none() {
        view.selection = before; // never let a key drop the selection
    }
    view.scroll_request = Some(view.cursor);
    out.selection_changed |= view.selection != before;
}
