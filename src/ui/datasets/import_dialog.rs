//! The File > Import brat… window: which brat folder, as whom, whether to replace
//! that annotator's files, and the import's result line by line.

use std::path::PathBuf;

use egui::RichText;

use super::DatasetAction;
use super::job::{Job, Outcome};
use crate::export::{ImportError, ImportSummary};
use crate::ui::action::Action;
use crate::ui::widgets::style::{error, muted};

/// The import window's inputs and the running import.
#[derive(Default)]
pub struct ImportDialog {
    /// The brat folder (`.txt` + `.ann`), as typed or chosen.
    pub folder: String,
    /// Whose annotation files to write.
    pub annotator: String,
    /// Replace that annotator's existing files.
    pub force: bool,
    /// Why the annotator name or folder is refused.
    pub error: Option<String>,
    /// The native dialog, while it is open.
    pub choosing: Option<Job<Option<PathBuf>>>,
    /// Why the native dialog gave nothing.
    pub note: Option<String>,
    /// The import, while it runs.
    pub running: Option<Job<Result<ImportSummary, ImportError>>>,
    /// How the last import went.
    pub outcome: Option<Outcome>,
}

/// The result as the window reports it: counts, then every line that was not mapped
/// (or every problem) with its file and line.
pub fn outcome(result: Result<ImportSummary, ImportError>, annotator: &str) -> Outcome {
    match result {
        Ok(summary) => {
            let mut details: Vec<String> = summary.unmapped.iter().map(|u| format!("not imported: {u}")).collect();
            details.extend(summary.new_actors.iter().map(|(id, name)| {
                format!("actor {id} ({name}) is not in the corpus registry; it is kept in the imported files")
            }));
            let headline = format!(
                "Imported {} claims into {} annotation files for {annotator}{}.",
                summary.claims,
                summary.written.len(),
                if summary.unmapped.is_empty() {
                    String::new()
                } else {
                    format!("; {} lines were not imported", summary.unmapped.len())
                }
            );
            Outcome { ok: true, headline, details }
        }
        Err(ImportError::Invalid(issues)) => Outcome {
            ok: false,
            headline: format!("Nothing was imported: {} problem(s), listed below.", issues.len()),
            details: issues.iter().map(ToString::to_string).collect(),
        },
        Err(e) => Outcome::failed(format!("Nothing was imported: {e}")),
    }
}

/// Shows the import window.
pub fn show(ctx: &egui::Context, dialog: &mut ImportDialog, actions: &mut Vec<Action>) {
    let busy = dialog.running.is_some();
    egui::Modal::new(egui::Id::unique("import-dialog")).show(ctx, |ui| {
        ui.set_width(540.0);
        ui.heading("Import brat annotations");
        ui.label(
            RichText::new("Each .ann file becomes the annotation file of the corpus document with the same name.")
                .color(muted(ui)),
        );
        ui.add_enabled_ui(!busy, |ui| inputs(ui, dialog, actions));
        if let Some(e) = &dialog.error {
            ui.colored_label(error(ui), e);
        }
        if busy {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Importing…");
            });
        }
        if let Some(outcome) = &dialog.outcome {
            outcome.show(ui);
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui.add_enabled(!busy, egui::Button::new("Import")).clicked() {
                actions.push(Action::Datasets(DatasetAction::RunImport));
            }
            if ui.add_enabled(!busy, egui::Button::new("Close")).clicked() {
                actions.push(Action::Datasets(DatasetAction::CloseImport));
            }
        });
    });
}

fn inputs(ui: &mut egui::Ui, dialog: &mut ImportDialog, actions: &mut Vec<Action>) {
    let label = ui.label(RichText::new("brat folder").strong());
    ui.horizontal(|ui| {
        let field = egui::TextEdit::singleline(&mut dialog.folder).hint_text("/path/to/brat").desired_width(420.0);
        ui.add(field).labelled_by(label.id);
        if ui.add_enabled(dialog.choosing.is_none(), egui::Button::new("Choose…")).clicked() {
            actions.push(Action::Datasets(DatasetAction::ChooseImportFolder));
        }
    });
    super::dialog_status(ui, dialog.choosing.is_some(), "folder dialog", dialog.note.as_ref());
    let label = ui.label(RichText::new("Import as annotator").strong());
    let field = egui::TextEdit::singleline(&mut dialog.annotator).hint_text("e.g. imported").desired_width(240.0);
    ui.add(field).labelled_by(label.id);
    ui.checkbox(&mut dialog.force, "Replace this annotator's existing annotation files");
}
