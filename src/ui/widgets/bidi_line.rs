//! One line of text in any script, for list rows and short labels. egui 0.37 shapes
//! an Arabic run right to left but places runs of different directions in logical
//! order, so Arabic with a Latin name or a number inside reads wrongly. Here the
//! runs are put in the visual order of the bidi algorithm ([`crate::text::bidi`]),
//! and the line's direction is returned so that callers right-align it.

use egui::text::LayoutJob;
use egui::{Color32, FontId, TextFormat};

use crate::text::bidi::has_rtl;
use crate::text::{BidiParagraph, Direction};

/// The line `text` (no line breaks) as egui should lay it out, and its direction.
pub(crate) fn job(text: &str, font: FontId, color: Color32) -> (LayoutJob, Direction) {
    if !has_rtl(text) {
        return (LayoutJob::simple_singleline(text.to_owned(), font, color), Direction::Ltr);
    }
    let direction = Direction::of(text);
    let bidi = BidiParagraph::new(text, direction);
    let chars: Vec<char> = text.chars().collect();
    let mut job = LayoutJob::default();
    for run in bidi.visual_runs(0..chars.len()) {
        let piece: String = chars[run.chars].iter().collect();
        job.append(&piece, 0.0, TextFormat::simple(font.clone(), color));
    }
    (job, direction)
}

/// A label of one line in bidi order, inline (for a short quote beside buttons).
pub(crate) fn label(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let (job, _) = job(text, font, ui.visuals().text_color());
    ui.add(egui::Label::new(job).wrap_mode(egui::TextWrapMode::Truncate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_with_a_latin_name_is_put_in_visual_order() {
        let font = FontId::proportional(14.0);
        let (arabic, direction) = job("قال Jacob Lew إن", font.clone(), Color32::WHITE);
        assert_eq!(direction, Direction::Rtl);
        // Runs from the left as drawn: the Arabic that comes last, the name, the
        // Arabic that comes first (egui shapes each Arabic run right to left).
        assert_eq!(arabic.text, " إنJacob Lewقال ");
        let (latin, direction) = job("Lew said", font, Color32::WHITE);
        assert_eq!((latin.text.as_str(), direction), ("Lew said", Direction::Ltr));
    }
}
