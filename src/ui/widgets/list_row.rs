//! A two-line, left-aligned list row (title and muted detail, optional colour
//! stripe) shared by the document and claim lists, announced to screen readers as a
//! selectable item.

use egui::{Color32, FontId, Role, Sense, TextStyle, WidgetInfo};

use super::bidi_line;
use crate::text::Direction;

/// Height of a row.
pub(crate) const ROW_HEIGHT: f32 = 44.0;

/// Shows one row; click it to select.
pub(crate) fn show(
    ui: &mut egui::Ui,
    selected: bool,
    title: &str,
    detail: &str,
    stripe: Option<Color32>,
) -> egui::Response {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, ROW_HEIGHT - 2.0), Sense::click());
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, title));
    if ui.is_rect_visible(rect) {
        let visuals = ui.visuals();
        let fill = if selected {
            visuals.selection.bg_fill
        } else if response.hovered() {
            visuals.widgets.hovered.weak_bg_fill
        } else {
            Color32::TRANSPARENT
        };
        let painter = ui.painter();
        painter.rect_filled(rect, 4.0, fill);
        let mut left = rect.left() + 8.0;
        if let Some(color) = stripe {
            let bar = egui::Rect::from_min_size(
                rect.left_top() + egui::vec2(2.0, 5.0),
                egui::vec2(4.0, rect.height() - 10.0),
            );
            painter.rect_filled(bar, 2.0, color);
            left += 6.0;
        }
        let text_width = (rect.right() - left - 6.0).max(10.0);
        let title_color = if selected { visuals.selection.stroke.color } else { visuals.text_color() };
        let body = ui.style().text_styles.get(&TextStyle::Body).cloned().unwrap_or(FontId::proportional(14.0));
        let small = ui.style().text_styles.get(&TextStyle::Small).cloned().unwrap_or(FontId::proportional(12.0));
        // A right-to-left line (an Arabic headline or quote) is in bidi order and
        // right-aligned; what does not fit is cut at its end, on the left.
        let clipped = ui.painter_at(rect);
        let one_line = |text: &str, font: FontId, color: Color32, y: f32| {
            let (mut job, direction) = bidi_line::job(text, font, color);
            if direction == Direction::Ltr {
                job.wrap = egui::text::TextWrapping::truncate_at_width(text_width);
            }
            let galley = ui.ctx().fonts_mut(|f| f.layout_job(job));
            let x = match direction {
                Direction::Ltr => left,
                Direction::Rtl => rect.right() - 6.0 - galley.size().x,
            };
            clipped.galley(egui::pos2(x, rect.top() + y), galley, color);
        };
        let detail_color = if selected { title_color } else { visuals.weak_text_color() };
        one_line(title, body, title_color, 4.0);
        one_line(detail, small, detail_color, 23.0);
    }
    response
}
