//! What review and statistics show while the corpus is being read.

use crate::ui::app::App;
use crate::ui::intent::{AppIntent, Intent};
use crate::ui::jobs::Task;

/// A spinner (or a bar, when the reader knows how far it is) and Cancel.
pub(crate) fn reading(ui: &mut egui::Ui, app: &App, out: &mut Vec<Intent>) {
    let progress = app.jobs.progress(Task::Dataset).unwrap_or_default();
    ui.horizontal(|ui| {
        match progress.fraction() {
            Some(f) => {
                ui.add(egui::ProgressBar::new(f).desired_width(240.0));
            }
            None => {
                ui.spinner();
            }
        }
        ui.label("Reading every annotator's files…");
        if ui.button("Cancel").on_hover_text("Stop reading the corpus").clicked() {
            out.push(AppIntent::CancelDataset.into());
        }
    });
}
