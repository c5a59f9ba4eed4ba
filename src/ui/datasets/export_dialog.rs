//! The File > Export… window: format, annotators, "only done", where to write, and
//! the running export's progress and result.

use std::path::Path;

use egui::RichText;

use super::{DatasetsIntent, Outcome};
use crate::export::Format;
use crate::model::Annotator;
use crate::ui::intent::Intent;
use crate::ui::jobs::{Jobs, PickFor, Task};
use crate::ui::widgets::style::{error, muted, warning};

/// The export window's inputs, edited by the view as a copy and sent back whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportForm {
    /// Output format.
    pub format: Format,
    /// Every annotator of the corpus and whether to export their files.
    pub annotators: Vec<(Annotator, bool)>,
    /// Leave out files not marked done.
    pub only_done: bool,
    /// The file or folder to write, as typed or chosen.
    pub path: String,
}

impl ExportForm {
    /// The ticked annotators.
    pub fn selected(&self) -> Vec<Annotator> {
        self.annotators.iter().filter(|(_, on)| *on).map(|(a, _)| a.clone()).collect()
    }
}

/// The export window's state.
#[derive(Debug)]
pub struct ExportDialog {
    /// What the user chose.
    pub form: ExportForm,
    /// The target exists and the user is being asked whether to replace it.
    pub confirm_replace: bool,
    /// Why the desktop's dialog gave nothing.
    pub note: Option<String>,
    /// How the last export went.
    pub outcome: Option<Outcome>,
}

impl ExportDialog {
    /// A dialog exporting every annotator as csv beside the corpus folder (not inside
    /// it, where a brat export's `.txt` files would become documents).
    pub(crate) fn new(corpus_root: &Path, annotators: Vec<Annotator>) -> Self {
        let name = corpus_root.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let base = if name.is_empty() { "claims".to_owned() } else { format!("{name}-claims") };
        let folder = std::path::absolute(corpus_root).ok().and_then(|p| p.parent().map(Path::to_path_buf));
        let path = folder.unwrap_or_default().join(format!("{base}.csv"));
        let form = ExportForm {
            format: Format::Csv,
            annotators: annotators.into_iter().map(|a| (a, true)).collect(),
            only_done: false,
            path: path.display().to_string(),
        };
        Self { form, confirm_replace: false, note: None, outcome: None }
    }

    /// Takes the inputs the view sends: a new format gives the typed path the
    /// matching extension; a new path or format withdraws "Replace it?".
    pub(crate) fn edit(&mut self, mut form: ExportForm) {
        if form.format != self.form.format {
            form.path = retarget(&form.path, form.format);
        }
        if form.format != self.form.format || form.path != self.form.path {
            self.confirm_replace = false;
        }
        self.form = form;
    }

    /// Adds annotators found on disk (ticked), keeping the choices made so far.
    pub(crate) fn add_annotators(&mut self, found: Vec<Annotator>) {
        for annotator in found {
            if !self.form.annotators.iter().any(|(a, _)| *a == annotator) {
                self.form.annotators.push((annotator, true));
            }
        }
        self.form.annotators.sort_by(|a, b| a.0.cmp(&b.0));
    }
}

/// `path` with its csv/jsonl/bio extension swapped for `format`'s (none for a brat folder).
fn retarget(path: &str, format: Format) -> String {
    let stem = [".csv", ".jsonl", ".bio"].iter().find_map(|ext| path.strip_suffix(ext)).unwrap_or(path);
    match format {
        Format::Csv => format!("{stem}.csv"),
        Format::Jsonl => format!("{stem}.jsonl"),
        Format::Bio => format!("{stem}.bio"),
        Format::Brat => stem.to_owned(),
    }
}

/// Shows the export window.
pub(crate) fn show(ctx: &egui::Context, dialog: &ExportDialog, jobs: &Jobs, out: &mut Vec<Intent>) {
    let running = jobs.progress(Task::Export);
    let busy = running.is_some();
    let choosing = jobs.is_running(Task::Pick(PickFor::ExportTarget));
    egui::Modal::new(egui::Id::unique("export-dialog")).show(ctx, |ui| {
        ui.set_width(540.0);
        ui.heading("Export dataset");
        let mut form = dialog.form.clone();
        ui.add_enabled_ui(!busy, |ui| inputs(ui, &mut form, dialog, choosing, out));
        if form != dialog.form {
            out.push(DatasetsIntent::EditExport(form).into());
        }
        if dialog.confirm_replace {
            let path = &dialog.form.path;
            ui.colored_label(warning(ui), format!("{path} already exists. Replace it with the new export?"));
            ui.horizontal(|ui| {
                if ui.button("Replace").clicked() {
                    out.push(DatasetsIntent::RunExport { replace: true }.into());
                }
                if ui.button("Keep it").clicked() {
                    out.push(DatasetsIntent::KeepExisting.into());
                }
            });
        }
        if let Some(progress) = running {
            let text = if progress.total == 0 {
                "Reading the corpus…".to_owned()
            } else {
                format!("{} of {} annotation files", progress.done, progress.total)
            };
            ui.add(egui::ProgressBar::new(progress.fraction().unwrap_or(0.0)).text(text).animate(true));
        }
        if let Some(outcome) = &dialog.outcome {
            outcome.show(ui);
        }
        ui.separator();
        ui.horizontal(|ui| {
            let ready = !busy && !dialog.confirm_replace && dialog.form.annotators.iter().any(|(_, on)| *on);
            if ui.add_enabled(ready, egui::Button::new("Export")).clicked() {
                out.push(DatasetsIntent::RunExport { replace: false }.into());
            }
            if ui.add_enabled(!busy, egui::Button::new("Close")).clicked() {
                out.push(DatasetsIntent::CloseExport.into());
            }
        });
    });
}

fn inputs(ui: &mut egui::Ui, form: &mut ExportForm, dialog: &ExportDialog, choosing: bool, out: &mut Vec<Intent>) {
    ui.label(RichText::new("Format").strong());
    ui.radio_value(&mut form.format, Format::Csv, "CSV: one file, a row per claim");
    ui.radio_value(&mut form.format, Format::Jsonl, "JSON lines: one file, a line per document and annotator");
    ui.radio_value(&mut form.format, Format::Brat, "brat: a folder of .txt and .ann files per annotator");
    ui.radio_value(&mut form.format, Format::Bio, "Token tags (BIO): one file, a token a line, for training taggers");
    ui.add_space(4.0);
    ui.label(RichText::new("Annotators").strong());
    if form.annotators.is_empty() {
        ui.label(RichText::new("Nobody has coded this corpus yet.").color(muted(ui)));
    }
    ui.horizontal_wrapped(|ui| {
        for (annotator, on) in &mut form.annotators {
            ui.checkbox(on, annotator.to_string());
        }
    });
    if !form.annotators.is_empty() && form.annotators.iter().all(|(_, on)| !*on) {
        ui.colored_label(error(ui), "Tick at least one annotator.");
    }
    ui.checkbox(&mut form.only_done, "Only documents marked done");
    ui.add_space(4.0);
    let label = ui.label(
        RichText::new(if dialog.form.format == Format::Brat { "Folder to create" } else { "File to write" }).strong(),
    );
    ui.horizontal(|ui| {
        let field = egui::TextEdit::singleline(&mut form.path).hint_text("/path/to/export").desired_width(420.0);
        ui.add(field).labelled_by(label.id);
        if ui.add_enabled(!choosing, egui::Button::new("Choose…")).clicked() {
            out.push(DatasetsIntent::ChooseExportPath.into());
        }
    });
    super::dialog_status(ui, choosing, "file dialog", dialog.note.as_ref());
}
