//! The File > Export… window: format, annotators, "only done", where to write, and
//! the running export's progress and result.

use std::path::{Path, PathBuf};

use egui::RichText;

use super::DatasetAction;
use super::job::{Job, Outcome};
use crate::export::{ExportSummary, Format};
use crate::model::Annotator;
use crate::ui::action::Action;
use crate::ui::widgets::style::{error, muted, warning};

/// The export window's inputs and the running export.
pub struct ExportDialog {
    /// Output format.
    pub format: Format,
    /// Every annotator of the corpus and whether to export their files.
    pub annotators: Vec<(Annotator, bool)>,
    /// Leave out files not marked done.
    pub only_done: bool,
    /// The file or folder to write, as typed or chosen.
    pub path: String,
    /// The target exists and the user is being asked whether to replace it.
    pub confirm_replace: bool,
    /// The native dialog, while it is open.
    pub choosing: Option<Job<Option<PathBuf>>>,
    /// Why the native dialog gave nothing.
    pub note: Option<String>,
    /// The export, while it runs.
    pub running: Option<Job<ExportSummary>>,
    /// How the last export went.
    pub outcome: Option<Outcome>,
}

impl ExportDialog {
    /// A dialog exporting every annotator as csv beside the corpus folder (not inside
    /// it, where a brat export's `.txt` files would become documents).
    pub fn new(corpus_root: &Path, annotators: Vec<Annotator>) -> Self {
        let name = corpus_root.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let base = if name.is_empty() { "claims".to_owned() } else { format!("{name}-claims") };
        let folder = std::path::absolute(corpus_root).ok().and_then(|p| p.parent().map(Path::to_path_buf));
        let path = folder.unwrap_or_default().join(format!("{base}.csv"));
        Self {
            format: Format::Csv,
            annotators: annotators.into_iter().map(|a| (a, true)).collect(),
            only_done: false,
            path: path.display().to_string(),
            confirm_replace: false,
            choosing: None,
            note: None,
            running: None,
            outcome: None,
        }
    }

    /// The ticked annotators.
    pub fn selected(&self) -> Vec<Annotator> {
        self.annotators.iter().filter(|(_, on)| *on).map(|(a, _)| a.clone()).collect()
    }

    /// Switches the format and gives the typed path the matching extension.
    pub fn set_format(&mut self, format: Format) {
        if format != self.format {
            self.format = format;
            self.path = retarget(&self.path, format);
            self.confirm_replace = false;
        }
    }
}

/// `path` with its csv/jsonl extension swapped for `format`'s (none for a brat folder).
pub fn retarget(path: &str, format: Format) -> String {
    let stem = [".csv", ".jsonl"].iter().find_map(|ext| path.strip_suffix(ext)).unwrap_or(path);
    match format {
        Format::Csv => format!("{stem}.csv"),
        Format::Jsonl => format!("{stem}.jsonl"),
        Format::Brat => stem.to_owned(),
    }
}

/// Shows the export window.
pub fn show(ctx: &egui::Context, dialog: &mut ExportDialog, actions: &mut Vec<Action>) {
    let busy = dialog.running.is_some();
    egui::Modal::new(egui::Id::unique("export-dialog")).show(ctx, |ui| {
        ui.set_width(540.0);
        ui.heading("Export dataset");
        ui.add_enabled_ui(!busy, |ui| inputs(ui, dialog, actions));
        if dialog.confirm_replace {
            ui.colored_label(warning(ui), format!("{} already exists. Replace it with the new export?", dialog.path));
            ui.horizontal(|ui| {
                if ui.button("Replace").clicked() {
                    actions.push(Action::Datasets(DatasetAction::RunExport { replace: true }));
                }
                if ui.button("Keep it").clicked() {
                    dialog.confirm_replace = false;
                }
            });
        }
        if let Some(job) = &dialog.running {
            let text = if job.total == 0 {
                "Reading the corpus…".to_owned()
            } else {
                format!("{} of {} annotation files", job.done, job.total)
            };
            ui.add(egui::ProgressBar::new(job.fraction()).text(text).animate(true));
        }
        if let Some(outcome) = &dialog.outcome {
            outcome.show(ui);
        }
        ui.separator();
        ui.horizontal(|ui| {
            let ready = !busy && !dialog.confirm_replace && dialog.annotators.iter().any(|(_, on)| *on);
            if ui.add_enabled(ready, egui::Button::new("Export")).clicked() {
                actions.push(Action::Datasets(DatasetAction::RunExport { replace: false }));
            }
            if ui.add_enabled(!busy, egui::Button::new("Close")).clicked() {
                actions.push(Action::Datasets(DatasetAction::CloseExport));
            }
        });
    });
}

fn inputs(ui: &mut egui::Ui, dialog: &mut ExportDialog, actions: &mut Vec<Action>) {
    ui.label(RichText::new("Format").strong());
    let mut format = dialog.format;
    ui.radio_value(&mut format, Format::Csv, "CSV: one file, a row per claim");
    ui.radio_value(&mut format, Format::Jsonl, "JSON lines: one file, a line per document and annotator");
    ui.radio_value(&mut format, Format::Brat, "brat: a folder of .txt and .ann files per annotator");
    dialog.set_format(format);
    ui.add_space(4.0);
    ui.label(RichText::new("Annotators").strong());
    if dialog.annotators.is_empty() {
        ui.label(RichText::new("Nobody has coded this corpus yet.").color(muted(ui)));
    }
    ui.horizontal_wrapped(|ui| {
        for (annotator, on) in &mut dialog.annotators {
            ui.checkbox(on, annotator.to_string());
        }
    });
    if !dialog.annotators.is_empty() && dialog.annotators.iter().all(|(_, on)| !*on) {
        ui.colored_label(error(ui), "Tick at least one annotator.");
    }
    ui.checkbox(&mut dialog.only_done, "Only documents marked done");
    ui.add_space(4.0);
    let label = ui.label(
        RichText::new(if dialog.format == Format::Brat { "Folder to create" } else { "File to write" }).strong(),
    );
    ui.horizontal(|ui| {
        let field = egui::TextEdit::singleline(&mut dialog.path).hint_text("/path/to/export").desired_width(420.0);
        if ui.add(field).labelled_by(label.id).changed() {
            dialog.confirm_replace = false;
        }
        if ui.add_enabled(dialog.choosing.is_none(), egui::Button::new("Choose…")).clicked() {
            actions.push(Action::Datasets(DatasetAction::ChooseExportPath));
        }
    });
    super::dialog_status(ui, dialog.choosing.is_some(), "file dialog", dialog.note.as_ref());
}
