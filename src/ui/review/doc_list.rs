//! The left panel: which annotators to compare, and the compared documents with
//! their agreement and adjudication progress, optionally worst first.

use egui::{Color32, RichText};

use super::ReviewIntent;
use crate::agreement::{DocumentAgreement, Figure};
use crate::ui::app::App;
use crate::ui::intent::{AppIntent, Intent};
use crate::ui::jobs::Task;
use crate::ui::widgets::list_row::{self, ROW_HEIGHT};
use crate::ui::widgets::style::muted;

/// A figure as a short number, "n/a" when undefined.
fn figure(f: &Figure, percent: bool) -> String {
    match f {
        Ok(v) if percent => format!("{:.0}%", v * 100.0),
        Ok(v) => format!("{v:.2}"),
        Err(_) => "n/a".to_owned(),
    }
}

/// The detail line of a document row: how far the annotators agree and how much is
/// settled (what a reviewer looks for first, kept short for a narrow panel), then
/// the document's date and outlet.
fn detail(d: &DocumentAgreement, settled: (usize, usize), meta: Vec<String>) -> String {
    let mut parts = vec![
        format!("agreed {}", figure(&d.agreement, true)),
        format!("kind α {}", figure(&d.kind_alpha, false)),
        format!("settled {}/{}", settled.0, settled.1),
    ];
    parts.extend(meta);
    parts.join(" · ")
}

/// Shows the annotator choice and the document list.
pub(crate) fn show(ui: &mut egui::Ui, app: &App, out: &mut Vec<Intent>) {
    let state = &app.review;
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading("Annotators");
        let reading = app.jobs.is_running(Task::Dataset);
        if ui
            .add_enabled(!reading, egui::Button::new("Refresh"))
            .on_hover_text("Read every annotation file again from disk")
            .clicked()
        {
            out.push(AppIntent::RefreshDataset.into());
        }
        if reading {
            ui.spinner();
        }
    });
    if !state.has_dataset() {
        return;
    }
    if state.available.len() < 2 {
        ui.label(RichText::new("Reviewing needs codings by at least two annotators.").color(muted(ui)));
    }
    ui.horizontal_wrapped(|ui| {
        for a in &state.available {
            let mut on = state.chosen.contains(a);
            if ui.checkbox(&mut on, a.as_str()).changed() {
                out.push(ReviewIntent::ToggleAnnotator(a.clone()).into());
            }
        }
    });
    ui.separator();
    let Some(report) = &state.report else { return };
    ui.horizontal(|ui| {
        ui.heading("Documents");
        let mut worst = state.worst_first;
        if ui.checkbox(&mut worst, "Worst first").changed() {
            out.push(ReviewIntent::ToggleWorstFirst.into());
        }
    });
    let docs: Vec<&DocumentAgreement> =
        if state.worst_first { report.worst_first() } else { report.per_document.iter().collect() };
    let done = docs.iter().filter(|d| state.progress.get(&d.document).is_some_and(|(s, t)| s == t)).count();
    ui.label(RichText::new(format!("{done} of {} documents fully settled", docs.len())).color(muted(ui)));
    if docs.is_empty() {
        ui.label(RichText::new("No document is coded by two of these annotators.").color(muted(ui)));
        return;
    }
    let current = state.current_document().map(|d| d.entry.id.as_str());
    let dataset = state.dataset();
    egui::ScrollArea::vertical().id_salt("review-document-list").auto_shrink(false).show_rows(
        ui,
        ROW_HEIGHT,
        docs.len(),
        |ui, rows| {
            for d in &docs[rows] {
                let settled = state.progress.get(&d.document).copied().unwrap_or((0, 0));
                let stripe = (settled.0 == settled.1).then_some(Color32::from_rgb(34, 160, 90));
                let selected = current == Some(d.document.as_str());
                let doc = dataset.and_then(|ds| {
                    // The dataset's documents are in id order.
                    let i = ds.documents.binary_search_by(|c| c.entry.id.as_str().cmp(&d.document)).ok()?;
                    Some((ds, &ds.documents[i]))
                });
                let title = doc.map_or_else(|| d.document.clone(), |(ds, c)| ds.title(c));
                let meta = doc.map(|(ds, c)| ds.date_and_outlet(c)).unwrap_or_default();
                let response = list_row::show(ui, selected, &title, &detail(d, settled, meta), stripe)
                    .on_hover_text(format!("{}\nA green bar: every unit is settled", d.document));
                if response.clicked() && !selected {
                    out.push(ReviewIntent::OpenDocument(d.document.clone()).into());
                }
            }
        },
    );
}
