//! The corpus figures and the per-pair table.

use super::format::figure_label;
use crate::agreement::report::AgreementReport;

/// Annotators, documents, claims and the two alphas.
pub(crate) fn corpus(ui: &mut egui::Ui, report: &AgreementReport) {
    egui::Grid::new("dashboard_corpus").num_columns(2).striped(true).show(ui, |ui| {
        ui.label("Annotators");
        let names: Vec<&str> = report.annotators.iter().map(|a| a.as_str()).collect();
        ui.label(names.join(", "));
        ui.end_row();
        ui.label("Documents compared");
        ui.label(report.documents.to_string());
        ui.end_row();
        ui.label("Claims");
        let claims: Vec<String> = report.claims.iter().map(|(a, n)| format!("{a}: {n}")).collect();
        ui.label(claims.join(" · "));
        ui.end_row();
        ui.label("Kind alpha");
        figure_label(ui, &report.kind_alpha);
        ui.end_row();
        ui.label("Source alpha");
        figure_label(ui, &report.source_alpha);
        ui.end_row();
    });
}

/// One row per annotator pair: matched counts, span F1 and kind kappa.
pub(crate) fn pairs(ui: &mut egui::Ui, report: &AgreementReport) {
    if report.pairs.is_empty() {
        ui.label("Select at least two annotators to compare.");
        return;
    }
    egui::Grid::new("dashboard_pairs").striped(true).show(ui, |ui| {
        for header in ["Pair", "Documents", "Matched exact", "Matched overlap", "Span F1 exact", "Span F1 overlap"] {
            ui.strong(header);
        }
        ui.strong("Kind kappa");
        ui.end_row();
        for pair in &report.pairs {
            ui.label(format!("{} × {}", pair.a, pair.b));
            ui.label(pair.documents.to_string());
            ui.label(pair.matched_exact.to_string());
            ui.label(pair.matched_overlap.to_string());
            figure_label(ui, &pair.span_f1_exact);
            figure_label(ui, &pair.span_f1_overlap);
            figure_label(ui, &pair.kind_kappa);
            ui.end_row();
        }
    });
}
