//! The app's look: calm spacing, readable text, colours that work in light and dark
//! themes (which follow the system).

use egui::{Color32, FontFamily, FontId, TextStyle};

use crate::model::Kind;

/// Sets spacing and text styles once at start.
pub(crate) fn apply(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| {
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 3.0);
        style.text_styles.insert(TextStyle::Body, FontId::new(14.0, FontFamily::Proportional));
        style.text_styles.insert(TextStyle::Button, FontId::new(14.0, FontFamily::Proportional));
        style.text_styles.insert(TextStyle::Heading, FontId::new(19.0, FontFamily::Proportional));
        style.text_styles.insert(TextStyle::Small, FontId::new(12.0, FontFamily::Proportional));
    });
}

/// A kind's colour.
pub(crate) fn kind_color(kind: Option<&Kind>) -> Color32 {
    let [r, g, b] = kind.map(Kind::rgb).unwrap_or([128, 128, 128]);
    Color32::from_rgb(r, g, b)
}

/// Colour for status words and muted text.
pub(crate) fn muted(ui: &egui::Ui) -> Color32 {
    ui.visuals().weak_text_color()
}

/// Colour for warnings (orphaned claims, failed saves).
pub(crate) fn warning(ui: &egui::Ui) -> Color32 {
    ui.visuals().warn_fg_color
}

/// Colour for errors.
pub(crate) fn error(ui: &egui::Ui) -> Color32 {
    ui.visuals().error_fg_color
}
