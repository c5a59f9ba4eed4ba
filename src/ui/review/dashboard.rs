//! The agreement dashboard: the corpus figures of FORMAT.md section 5 (claim fields
//! included, one row each), the kind
//! confusion of a pair as a heatmap and the per-document agreement as a chart, so a
//! reviewer sees at a glance how far the annotators agree and where to look first.
//!
//! The widget only renders an [`AgreementReport`]; every figure is computed in
//! [`crate::agreement`], so the dashboard, the command line and the tests agree.

mod chart;
mod figures;
mod format;
mod heatmap;

use crate::agreement::report::AgreementReport;

/// Shows the dashboard for `report` and returns the id of the document the user
/// clicked (in the chart or in the list), so the review view can open it.
///
/// The caller decides the layout around it; put it in a [`egui::ScrollArea`] when
/// the space is small, the chart and the list are tall.
pub fn show(ui: &mut egui::Ui, report: &AgreementReport) -> Option<String> {
    ui.heading("Agreement");
    figures::corpus(ui, report);
    ui.add_space(8.0);
    figures::pairs(ui, report);
    ui.add_space(8.0);
    figures::fields(ui, report);
    ui.add_space(8.0);
    ui.heading("Kind confusion");
    heatmap::show(ui, report);
    ui.add_space(8.0);
    ui.heading("Agreement per document");
    chart::show(ui, report)
}
