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

/// One row per coded claim field (FORMAT.md section 5): its level, the units alpha
/// pairs, alpha, and each pair's share of matched claims that agree on it. Nothing
/// when the codebook has no such field.
pub(crate) fn fields(ui: &mut egui::Ui, report: &AgreementReport) {
    if report.fields.is_empty() {
        return;
    }
    ui.heading("Claim fields");
    egui::Grid::new("dashboard_fields").striped(true).show(ui, |ui| {
        for header in ["Field", "Level", "Units", "Alpha"] {
            ui.strong(header);
        }
        for pair in &report.pairs {
            ui.strong(format!("{} × {} agree", pair.a, pair.b))
                .on_hover_text("Share of matched claims, both with a value, that have the same value");
        }
        ui.end_row();
        for (i, field) in report.fields.iter().enumerate() {
            ui.label(&field.id);
            ui.label(field.level.as_str());
            ui.label(field.units.to_string());
            figure_label(ui, &field.alpha);
            for pair in &report.pairs {
                match pair.fields.get(i) {
                    Some(share) => figure_label(ui, &share.share),
                    None => {
                        ui.label("n/a");
                    }
                }
            }
            ui.end_row();
        }
    });
}
