//! The kind confusion of one annotator pair as a heatmap: rows are the kinds the
//! first annotator gave, columns the kinds the second gave, "none" for a claim the
//! other did not match. Strong cells off the diagonal are the kinds to discuss.

use egui::{Align2, Color32, Sense, TextStyle, vec2};

use crate::agreement::pairs::{Confusion, NONE, PairAgreement};
use crate::agreement::report::AgreementReport;

/// The size of a cell, wide enough for a four-digit count.
const CELL: egui::Vec2 = vec2(64.0, 26.0);
/// The colour of an empty cell.
const LIGHT: Color32 = Color32::from_rgb(239, 243, 255);
/// The colour of the largest count.
const STRONG: Color32 = Color32::from_rgb(8, 69, 148);

/// Shows the pair chooser (when there are several pairs) and the chosen pair's heatmap.
pub(crate) fn show(ui: &mut egui::Ui, report: &AgreementReport) {
    let Some(pair) = chosen_pair(ui, report) else {
        ui.label("No annotator pair to compare.");
        return;
    };
    ui.label(format!("Rows: kind by {} · columns: kind by {}", pair.a, pair.b));
    let kinds = kinds(&pair.confusion);
    let max = pair.confusion.values().flat_map(|row| row.values()).copied().max().unwrap_or(0);
    egui::Grid::new("dashboard_heatmap").spacing(vec2(2.0, 2.0)).show(ui, |ui| {
        ui.label("");
        for b in &kinds {
            ui.strong(b.as_str());
        }
        ui.end_row();
        for a in &kinds {
            ui.strong(a.as_str());
            for b in &kinds {
                let count = pair.confusion.get(a).and_then(|row| row.get(b)).copied().unwrap_or(0);
                cell(ui, a, b, count, max);
            }
            ui.end_row();
        }
    });
}

/// The pair to show, chosen with a combo box kept in egui memory (the widget has no
/// state of its own) when the report has more than one.
fn chosen_pair<'r>(ui: &mut egui::Ui, report: &'r AgreementReport) -> Option<&'r PairAgreement> {
    if report.pairs.len() < 2 {
        return report.pairs.first();
    }
    let id = ui.scope_id().with("dashboard_pair");
    let mut index = ui.data(|d| d.get_temp::<usize>(id)).unwrap_or(0).min(report.pairs.len() - 1);
    let label = |p: &PairAgreement| format!("{} × {}", p.a, p.b);
    egui::ComboBox::from_label("Annotator pair").selected_text(label(&report.pairs[index])).show_ui(ui, |ui| {
        for (i, pair) in report.pairs.iter().enumerate() {
            ui.selectable_value(&mut index, i, label(pair));
        }
    });
    ui.data_mut(|d| d.insert_temp(id, index));
    report.pairs.get(index)
}

/// One cell: its colour by count, the count written in it, and an accessible name
/// "kind by A × kind by B: count" so a screen reader (and a test) can read the matrix.
fn cell(ui: &mut egui::Ui, a: &str, b: &str, count: u64, max: u64) {
    let (rect, response) = ui.allocate_exact_size(CELL, Sense::hover());
    let strength = heat_strength(count, max);
    let painter = ui.painter();
    painter.rect_filled(rect, 2.0, heat_colour(strength));
    let font = TextStyle::Body.resolve(ui.style());
    painter.text(rect.center(), Align2::CENTER_CENTER, count, font, text_colour(strength));
    let name = format!("{a} × {b}: {count}");
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Cell, true, &name));
    response.on_hover_text(&name);
}

/// Every kind either annotator used, in name order, with [`NONE`] last so the
/// matrix is square, its diagonal is agreement, and the unmatched claims sit at the edges.
pub(crate) fn kinds(confusion: &Confusion) -> Vec<String> {
    let mut kinds: Vec<String> =
        confusion.iter().flat_map(|(a, row)| std::iter::once(a).chain(row.keys())).cloned().collect();
    kinds.sort();
    kinds.dedup();
    kinds.retain(|k| k != NONE);
    kinds.push(NONE.to_owned());
    kinds
}

/// How strongly a count is coloured: 0 for none, 1 for the largest count.
pub(crate) fn heat_strength(count: u64, max: u64) -> f32 {
    if max == 0 { 0.0 } else { (count as f64 / max as f64).clamp(0.0, 1.0) as f32 }
}

/// The cell colour, from light (nothing) to strong (the largest count).
pub(crate) fn heat_colour(strength: f32) -> Color32 {
    LIGHT.lerp_to_gamma(STRONG, strength.clamp(0.0, 1.0))
}

/// A text colour readable on [`heat_colour`] of the same strength.
pub(crate) fn text_colour(strength: f32) -> Color32 {
    if strength < 0.5 { Color32::BLACK } else { Color32::WHITE }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_the_union_in_order_with_none_last() {
        let mut confusion = Confusion::new();
        confusion.entry("denial".into()).or_default().insert("assertion".into(), 2);
        confusion.entry(NONE.into()).or_default().insert("commitment".into(), 1);
        confusion.entry("assertion".into()).or_default().insert(NONE.into(), 3);
        assert_eq!(kinds(&confusion), ["assertion", "commitment", "denial", "none"]);
        assert_eq!(kinds(&Confusion::new()), ["none"]);
    }

    #[test]
    fn heat_goes_from_light_to_strong_and_never_divides_by_zero() {
        assert_eq!(heat_strength(0, 0), 0.0);
        assert_eq!(heat_strength(5, 10), 0.5);
        assert_eq!(heat_strength(10, 10), 1.0);
        assert_eq!(heat_colour(0.0), LIGHT);
        assert_eq!(heat_colour(1.0), STRONG);
        assert_eq!(text_colour(0.0), Color32::BLACK);
        assert_eq!(text_colour(1.0), Color32::WHITE);
    }
}
