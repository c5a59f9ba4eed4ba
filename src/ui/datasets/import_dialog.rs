//! The File > Import brat… window: which brat folder, as whom, whether to replace
//! that annotator's files, and the import's result line by line.

use egui::RichText;

use super::{DatasetsIntent, Outcome};
use crate::export::{ImportError, ImportSummary};
use crate::ui::intent::Intent;
use crate::ui::jobs::{Jobs, PickFor, Task};
use crate::ui::widgets::style::{error, muted};
use crate::ui::widgets::working::working;

/// The import window's inputs, edited by the view as a copy and sent back whole.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportForm {
    /// The brat folder (`.txt` + `.ann`), as typed or chosen.
    pub folder: String,
    /// Whose annotation files to write.
    pub annotator: String,
    /// Replace that annotator's existing files.
    pub force: bool,
}

/// The import window's state.
#[derive(Debug, Default)]
pub struct ImportDialog {
    /// What the user chose.
    pub form: ImportForm,
    /// Why the annotator name or folder is refused.
    pub error: Option<String>,
    /// Why the desktop's dialog gave nothing.
    pub note: Option<String>,
    /// How the last import went.
    pub outcome: Option<Outcome>,
}

impl ImportDialog {
    /// A window importing `folder` (maybe empty).
    pub(crate) fn new(folder: String) -> Self {
        Self { form: ImportForm { folder, ..ImportForm::default() }, ..Self::default() }
    }
}

/// The result as the window reports it: counts, then every line that was not mapped
/// (or every problem) with its file and line.
pub(crate) fn outcome(result: Result<ImportSummary, ImportError>, annotator: &str) -> Outcome {
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
pub(crate) fn show(ctx: &egui::Context, dialog: &ImportDialog, jobs: &Jobs, out: &mut Vec<Intent>) {
    let busy = jobs.is_running(Task::Import);
    let choosing = jobs.is_running(Task::Pick(PickFor::ImportFolder));
    egui::Modal::new(egui::Id::unique("import-dialog")).show(ctx, |ui| {
        ui.set_width(540.0);
        ui.heading("Import brat annotations");
        ui.label(
            RichText::new("Each .ann file becomes the annotation file of the corpus document with the same name.")
                .color(muted(ui)),
        );
        let mut form = dialog.form.clone();
        ui.add_enabled_ui(!busy, |ui| inputs(ui, &mut form, dialog, choosing, out));
        if form != dialog.form {
            out.push(DatasetsIntent::EditImport(form).into());
        }
        if let Some(e) = &dialog.error {
            ui.colored_label(error(ui), e);
        }
        if busy {
            working(ui, "Importing…");
        }
        if let Some(outcome) = &dialog.outcome {
            outcome.show(ui);
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui.add_enabled(!busy, egui::Button::new("Import")).clicked() {
                out.push(DatasetsIntent::RunImport.into());
            }
            if ui.add_enabled(!busy, egui::Button::new("Close")).clicked() {
                out.push(DatasetsIntent::CloseImport.into());
            }
        });
    });
}

fn inputs(ui: &mut egui::Ui, form: &mut ImportForm, dialog: &ImportDialog, choosing: bool, out: &mut Vec<Intent>) {
    let label = ui.label(RichText::new("brat folder").strong());
    ui.horizontal(|ui| {
        let field = egui::TextEdit::singleline(&mut form.folder).hint_text("/path/to/brat").desired_width(420.0);
        ui.add(field).labelled_by(label.id);
        if ui.add_enabled(!choosing, egui::Button::new("Choose…")).clicked() {
            out.push(DatasetsIntent::ChooseImportFolder.into());
        }
    });
    super::dialog_status(ui, choosing, "folder dialog", dialog.note.as_ref());
    let label = ui.label(RichText::new("Import as annotator").strong());
    let field = egui::TextEdit::singleline(&mut form.annotator).hint_text("e.g. imported").desired_width(240.0);
    ui.add(field).labelled_by(label.id);
    ui.checkbox(&mut form.force, "Replace this annotator's existing annotation files");
}
