//! Applies the export and import intents: validates the inputs, saves the open
//! document, and starts the work off the UI thread.

use std::path::{Path, PathBuf};

use super::DatasetAction;
use super::export_dialog::ExportDialog;
use super::import_dialog::ImportDialog;
use super::job::{Job, Outcome};
use super::save_picker::{PathKind, PathRequest, choose_in_background};
use crate::export::{ExportError, ExportOptions, ExportSummary, Format, ImportOptions, export, import_brat};
use crate::model::{Annotator, Corpus};
use crate::store::load_dataset;
use crate::ui::app::App;

impl App {
    /// Applies a datasets intent; export and import need an open corpus.
    pub(crate) fn apply_datasets(&mut self, action: DatasetAction) {
        let Some(ws) = &mut self.workspace else { return };
        let root = ws.corpus.root.clone();
        let ctx = self.datasets.ctx.clone();
        let picker = self.datasets.picker.clone();
        match action {
            DatasetAction::ShowExport => {
                let mut annotators =
                    Corpus::scan(&root).map(|c| c.annotators()).unwrap_or_else(|_| ws.corpus.annotators());
                if !annotators.contains(&ws.annotator) {
                    annotators.push(ws.annotator.clone());
                    annotators.sort();
                }
                self.datasets.export = Some(ExportDialog::new(&root, annotators));
            }
            DatasetAction::CloseExport => self.datasets.export = None,
            DatasetAction::ChooseExportPath => {
                let Some(dialog) = &mut self.datasets.export else { return };
                let kind = match dialog.format {
                    Format::Csv => PathKind::NewFile { extension: "csv" },
                    Format::Jsonl => PathKind::NewFile { extension: "jsonl" },
                    Format::Brat => PathKind::Folder,
                };
                let start = typed(&dialog.path);
                let request = PathRequest { title: "Export to", kind, start };
                dialog.note = None;
                dialog.choosing = Some(choose_in_background(picker, request, ctx));
            }
            DatasetAction::RunExport { replace } => {
                let Some(dialog) = &mut self.datasets.export else { return };
                dialog.confirm_replace = false;
                let out = match export_target(dialog.format, &dialog.path, &root) {
                    Ok(out) => out,
                    Err(e) => {
                        dialog.outcome = Some(Outcome::failed(e));
                        return;
                    }
                };
                if !replace && std::fs::symlink_metadata(&out).is_ok() {
                    dialog.confirm_replace = true;
                    dialog.outcome = None;
                    return;
                }
                let saved = ws.save_now();
                let opts = ExportOptions {
                    format: dialog.format,
                    annotators: dialog.selected(),
                    only_done: dialog.only_done,
                    out,
                    force: replace,
                };
                dialog.outcome = (!saved).then(|| {
                    Outcome::failed(format!(
                        "Your last changes could not be saved ({}); the export has the files on disk.",
                        ws.save.label()
                    ))
                });
                dialog.running = Some(Job::spawn("claimcoder-export", ctx, move |progress| {
                    let dataset = load_dataset(&root, &opts.annotators).map_err(|e| e.to_string())?;
                    export(&dataset, &opts, progress).map_err(export_error)
                }));
            }
            DatasetAction::ShowImport => {
                let folder = self.datasets.last_brat.as_ref().map(|p| p.join(ws.annotator.to_string()));
                let folder = folder.filter(|p| p.is_dir()).map(|p| p.display().to_string()).unwrap_or_default();
                self.datasets.import = Some(ImportDialog { folder, ..Default::default() });
            }
            DatasetAction::CloseImport => self.datasets.import = None,
            DatasetAction::ChooseImportFolder => {
                let Some(dialog) = &mut self.datasets.import else { return };
                let request = PathRequest {
                    title: "brat folder to import",
                    kind: PathKind::Folder,
                    start: typed(&dialog.folder),
                };
                dialog.note = None;
                dialog.choosing = Some(choose_in_background(picker, request, ctx));
            }
            DatasetAction::RunImport => {
                let Some(dialog) = &mut self.datasets.import else { return };
                dialog.outcome = None;
                let opts = match import_options(dialog, &root) {
                    Ok(opts) => opts,
                    Err(e) => {
                        dialog.error = Some(e);
                        return;
                    }
                };
                dialog.error = None;
                ws.save_now();
                dialog.running = Some(Job::spawn("claimcoder-import", ctx, move |_| Ok(import_brat(&opts))));
            }
        }
    }
}

/// The typed path, when there is one.
fn typed(path: &str) -> Option<PathBuf> {
    let path = path.trim();
    (!path.is_empty()).then(|| PathBuf::from(path))
}

/// The export's target, or why it cannot be written: it must be a full path, and a
/// brat folder must not be inside the corpus, where its `.txt` files would become
/// documents.
pub fn export_target(format: Format, path: &str, corpus_root: &Path) -> Result<PathBuf, String> {
    let Some(out) = typed(path) else {
        return Err("Type the path to write, or use Choose….".to_owned());
    };
    if !out.is_absolute() {
        return Err(format!("{} is not a full path: type it from the root (starting with /).", out.display()));
    }
    let root = std::path::absolute(corpus_root).unwrap_or_else(|_| corpus_root.to_path_buf());
    if format == Format::Brat && out.starts_with(&root) {
        return Err(format!(
            "{} is inside the corpus folder, where the exported .txt files would become documents: choose a folder outside it.",
            out.display()
        ));
    }
    Ok(out)
}

/// The import's options, or why the inputs are refused.
fn import_options(dialog: &ImportDialog, corpus: &Path) -> Result<ImportOptions, String> {
    let name = dialog.annotator.trim();
    let annotator = Annotator::parse(name).map_err(|e| format!("Annotator {name:?}: {e}"))?;
    let Some(brat_dir) = typed(&dialog.folder) else {
        return Err("Type the brat folder to import, or use Choose….".to_owned());
    };
    if !brat_dir.is_dir() {
        return Err(format!("{} is not a folder.", brat_dir.display()));
    }
    Ok(ImportOptions { brat_dir, corpus: corpus.to_path_buf(), annotator, force: dialog.force })
}

/// The error sentence for the window (the core's wording names the CLI's flag).
fn export_error(e: ExportError) -> String {
    match e {
        ExportError::Exists { path } => format!("{path} already exists; export again and choose Replace."),
        other => other.to_string(),
    }
}

/// What the export wrote, or why it wrote nothing.
pub fn export_outcome(result: Result<ExportSummary, String>) -> Outcome {
    match result {
        Ok(summary) => {
            let skipped = match summary.skipped.len() {
                0 => String::new(),
                n => format!(" ({n} claims whose offsets no longer match the text were left out)"),
            };
            Outcome {
                ok: true,
                headline: format!(
                    "Wrote {} claims from {} annotation files on {} documents to {}{skipped}.",
                    summary.claims,
                    summary.files,
                    summary.documents,
                    summary.out.display()
                ),
                details: summary.skipped.iter().map(ToString::to_string).chain(summary.warnings).collect(),
            }
        }
        Err(e) => Outcome::failed(format!("Nothing was exported: {e}")),
    }
}
