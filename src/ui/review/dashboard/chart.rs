//! Per-document agreement, worst first: a bar chart to see the spread and click a
//! document, and the same documents as a plain list of links, which a keyboard or
//! a screen reader can reach and which also lists documents with nothing to compare.

use egui_plot::{Bar, BarChart, Plot};

use super::format::figure_label;
use crate::agreement::report::{AgreementReport, DocumentAgreement};
use crate::ui::widgets::plot::fixed;

/// Bar width in plot units (bars sit at 0, 1, 2, …).
const BAR_WIDTH: f64 = 0.8;
/// Chart height in points: enough to tell 0.6 from 0.7.
const CHART_HEIGHT: f32 = 180.0;
/// The chart's accessible name; the list below gives the same documents as links.
const CHART_NAME: &str = "Agreement per document chart";

/// Shows the chart and the list; returns the id of the document clicked in either.
pub(crate) fn show(ui: &mut egui::Ui, report: &AgreementReport) -> Option<String> {
    let docs = report.worst_first();
    if docs.is_empty() {
        ui.label("No document has files of two of these annotators.");
        return None;
    }
    let charted: Vec<&DocumentAgreement> = docs.iter().copied().filter(|d| d.agreement.is_ok()).collect();
    let from_chart = chart(ui, &charted);
    let from_list = list(ui, &docs);
    from_chart.or(from_list)
}

/// The bar chart of the documents with a defined agreement share.
fn chart(ui: &mut egui::Ui, docs: &[&DocumentAgreement]) -> Option<String> {
    let bars: Vec<Bar> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| Bar::new(i as f64, *d.agreement.as_ref().unwrap_or(&0.0)).name(&d.document).width(BAR_WIDTH))
        .collect();
    let chart = BarChart::new("Share of agreed units", bars)
        .element_formatter(Box::new(|bar, _| format!("{}\n{:.3} agreed", bar.name, bar.value)));
    let response = fixed(Plot::new("dashboard_documents"))
        .height(CHART_HEIGHT)
        .include_y(0.0)
        .include_y(1.0)
        .show_x(false)
        .show_y(false)
        .sense(egui::Sense::click())
        .x_axis_label("Documents, worst first (click one to open it)")
        .y_axis_label("Agreed")
        .show(ui, |plot| plot.bar_chart(chart));
    response.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, CHART_NAME));
    if !response.response.clicked() {
        return None;
    }
    let pos = response.response.interact_pointer_pos()?;
    let index = bar_at(response.transform.value_from_position(pos).x, docs.len())?;
    docs.get(index).map(|d| d.document.clone())
}

/// The index of the bar under plot coordinate `x`, if the pointer is on one of `count` bars.
pub(crate) fn bar_at(x: f64, count: usize) -> Option<usize> {
    let nearest = x.round();
    let on_bar = (x - nearest).abs() <= BAR_WIDTH / 2.0 && nearest >= 0.0 && nearest < count as f64;
    on_bar.then_some(nearest as usize)
}

/// Every compared document as a link with its figures, worst first.
fn list(ui: &mut egui::Ui, docs: &[&DocumentAgreement]) -> Option<String> {
    let mut clicked = None;
    egui::Grid::new("dashboard_document_list").striped(true).show(ui, |ui| {
        for header in ["Document", "Agreed units", "Share", "Kind alpha"] {
            ui.strong(header);
        }
        ui.end_row();
        for doc in docs {
            if ui.link(&doc.document).on_hover_text("Open this document for review").clicked() {
                clicked = Some(doc.document.clone());
            }
            ui.label(format!("{} of {}", doc.agreed, doc.units));
            figure_label(ui, &doc.agreement);
            figure_label(ui, &doc.kind_alpha);
            ui.end_row();
        }
    });
    clicked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_click_maps_to_the_bar_under_it_or_to_none_between_and_outside_bars() {
        assert_eq!(bar_at(0.1, 3), Some(0));
        assert_eq!(bar_at(1.9, 3), Some(2));
        assert_eq!(bar_at(1.5, 3), None);
        assert_eq!(bar_at(-0.9, 3), None);
        assert_eq!(bar_at(3.0, 3), None);
        assert_eq!(bar_at(0.0, 0), None);
    }
}
