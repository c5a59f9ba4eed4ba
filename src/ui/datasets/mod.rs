//! Datasets from the app: the File > Export…, File > Import brat…, File > Import
//! articles… and File > Convert to UTF-8… windows.
//!
//! The windows only show their state and return [`DatasetsIntent`]s; the reducer
//! validates the inputs and asks the app (as effects) to save the open document and
//! run the work as a background job, whose result comes back as an intent, so the
//! window never freezes on a large corpus.

pub(crate) mod articles_dialog;
pub(crate) mod convert_dialog;
pub(crate) mod export_dialog;
pub(crate) mod import_dialog;
pub(crate) mod outcome;

use std::path::{Path, PathBuf};

pub(crate) use articles_dialog::{ArticlesDialog, ArticlesForm};
pub(crate) use convert_dialog::ConvertDialog;
pub(crate) use export_dialog::{ExportDialog, ExportForm};
pub(crate) use import_dialog::{ImportDialog, ImportForm};
pub(crate) use outcome::Outcome;

use super::coding::CodingIntent;
use super::effect::{Effect, Effects};
use super::intent::AppIntent;
use super::jobs::PickFor;
use super::picker::{NO_PATH_CHOSEN, PathKind, PathRequest};
use crate::coding::Workspace;
use crate::export::{ExportError, ExportOptions, ExportSummary, Format, ImportError, ImportOptions, ImportSummary};
use crate::model::Annotator;
use crate::ui::widgets::working::working;

/// An intent of the export and import windows.
#[derive(Debug)]
pub enum DatasetsIntent {
    /// Open the export window.
    ShowExport,
    /// Close the export window.
    CloseExport,
    /// The export window's inputs.
    EditExport(ExportForm),
    /// Open the desktop's dialog for the export's file or folder.
    ChooseExportPath,
    /// The dialog's answer.
    ExportPathPicked(Result<Option<PathBuf>, String>),
    /// Every annotator with files in the corpus, found in the background.
    AnnotatorsFound(Vec<Annotator>),
    /// Export; `replace` once the user confirmed overwriting the existing target.
    RunExport {
        /// Overwrite an existing file or folder.
        replace: bool,
    },
    /// Keep the existing target (answer to "Replace it?").
    KeepExisting,
    /// The open document could not be saved before the export (the reason).
    NotSaved(String),
    /// The export's result.
    Exported(Result<ExportSummary, String>),
    /// Open the brat import window.
    ShowImport,
    /// Close the import window.
    CloseImport,
    /// The import window's inputs.
    EditImport(ImportForm),
    /// Open the desktop's dialog for the brat folder.
    ChooseImportFolder,
    /// The dialog's answer.
    ImportFolderPicked(Result<Option<PathBuf>, String>),
    /// Import the brat folder.
    RunImport,
    /// The import's result.
    Imported(Result<ImportSummary, ImportError>),
    /// Open the Import articles window.
    ShowArticles,
    /// Close it.
    CloseArticles,
    /// Its inputs.
    EditArticles(ArticlesForm),
    /// Open the desktop's dialog for the articles' file.
    ChooseArticles,
    /// The dialog's answer.
    ArticlesPicked(Result<Option<PathBuf>, String>),
    /// Read the articles and show what the import would do.
    PreviewArticles,
    /// The preview, or why the source cannot be read.
    ArticlesPreviewed(Result<crate::export::import_corpus::CorpusPreview, String>),
    /// Import the articles into the open corpus.
    RunArticles,
    /// The import's result.
    ArticlesImported(
        Result<crate::export::import_corpus::CorpusImportSummary, crate::export::import_corpus::CorpusImportError>,
    ),
    /// Open the Convert to UTF-8 window for the current document.
    ShowConvert,
    /// Close it.
    CloseConvert,
    /// The text's bytes, or why they cannot be read.
    ConvertRead(Result<Vec<u8>, String>),
    /// Preview the text in this encoding.
    ChooseEncoding(&'static encoding_rs::Encoding),
    /// Convert the text in the chosen encoding.
    RunConvert,
    /// The conversion's result: the `.orig` file, or why nothing was written.
    Converted(Result<PathBuf, String>),
}

/// The windows' state.
#[derive(Default)]
pub(crate) struct DatasetsState {
    /// The export window, when open.
    pub(crate) export: Option<ExportDialog>,
    /// The import window, when open.
    pub(crate) import: Option<ImportDialog>,
    /// The Import articles window, when open.
    pub(crate) articles: Option<ArticlesDialog>,
    /// The Convert to UTF-8 window, when open.
    pub(crate) convert: Option<ConvertDialog>,
    /// The last brat export, offered as the folder to import.
    last_brat: Option<PathBuf>,
}

impl DatasetsState {
    /// Applies an export or import intent; both need an open corpus.
    pub(crate) fn apply(&mut self, intent: DatasetsIntent, workspace: Option<&Workspace>) -> Effects {
        let Some(ws) = workspace else { return Effects::none() };
        let root = ws.corpus.root.clone();
        match intent {
            DatasetsIntent::ShowExport => {
                let mut annotators = ws.corpus.annotators();
                if !annotators.contains(&ws.annotator) {
                    annotators.push(ws.annotator.clone());
                    annotators.sort();
                }
                self.export = Some(ExportDialog::new(&root, annotators));
                return Effects::one(Effect::ScanAnnotators);
            }
            DatasetsIntent::CloseExport => self.export = None,
            DatasetsIntent::EditExport(form) => {
                if let Some(dialog) = &mut self.export {
                    dialog.edit(form);
                }
            }
            DatasetsIntent::ChooseExportPath => {
                let Some(dialog) = &mut self.export else { return Effects::none() };
                let kind = match dialog.form.format {
                    Format::Csv => PathKind::NewFile { extension: "csv" },
                    Format::Jsonl => PathKind::NewFile { extension: "jsonl" },
                    Format::Bio => PathKind::NewFile { extension: "bio" },
                    Format::Brat => PathKind::Folder,
                };
                dialog.note = None;
                let request = PathRequest { title: "Export to", kind, start: typed(&dialog.form.path) };
                return Effects::one(Effect::Pick(PickFor::ExportTarget, request));
            }
            DatasetsIntent::ExportPathPicked(answer) => {
                if let Some(dialog) = &mut self.export {
                    match answer {
                        Ok(Some(path)) => {
                            dialog.form.path = path.display().to_string();
                            dialog.note = None;
                            dialog.confirm_replace = false;
                        }
                        Ok(None) => dialog.note = Some(NO_PATH_CHOSEN.to_owned()),
                        Err(e) => dialog.note = Some(e),
                    }
                }
            }
            DatasetsIntent::AnnotatorsFound(found) => {
                if let Some(dialog) = &mut self.export {
                    dialog.add_annotators(found);
                }
            }
            DatasetsIntent::RunExport { replace } => {
                let Some(dialog) = &mut self.export else { return Effects::none() };
                return dialog.run(replace, &root);
            }
            DatasetsIntent::KeepExisting => {
                if let Some(dialog) = &mut self.export {
                    dialog.confirm_replace = false;
                }
            }
            DatasetsIntent::NotSaved(reason) => {
                if let Some(dialog) = &mut self.export {
                    dialog.outcome = Some(Outcome::failed(format!(
                        "Your last changes could not be saved ({reason}); the export has the files on disk."
                    )));
                }
            }
            DatasetsIntent::Exported(result) => {
                if let Some(dialog) = &mut self.export {
                    if result.is_ok() && dialog.form.format == Format::Brat {
                        self.last_brat = Some(dialog.form.path.trim().into());
                    }
                    dialog.outcome = Some(export_outcome(result));
                }
            }
            DatasetsIntent::ShowImport => {
                let folder = self.last_brat.as_ref().map(|p| p.join(ws.annotator.to_string()));
                let folder = folder.filter(|p| p.is_dir()).map(|p| p.display().to_string()).unwrap_or_default();
                self.import = Some(ImportDialog::new(folder));
            }
            DatasetsIntent::CloseImport => self.import = None,
            DatasetsIntent::EditImport(form) => {
                if let Some(dialog) = &mut self.import {
                    dialog.form = form;
                }
            }
            DatasetsIntent::ChooseImportFolder => {
                let Some(dialog) = &mut self.import else { return Effects::none() };
                dialog.note = None;
                let request = PathRequest {
                    title: "brat folder to import",
                    kind: PathKind::Folder,
                    start: typed(&dialog.form.folder),
                };
                return Effects::one(Effect::Pick(PickFor::ImportFolder, request));
            }
            DatasetsIntent::ImportFolderPicked(answer) => {
                if let Some(dialog) = &mut self.import {
                    match answer {
                        Ok(Some(path)) => {
                            dialog.form.folder = path.display().to_string();
                            dialog.note = None;
                        }
                        Ok(None) => dialog.note = Some(NO_PATH_CHOSEN.to_owned()),
                        Err(e) => dialog.note = Some(e),
                    }
                }
            }
            DatasetsIntent::RunImport => {
                let Some(dialog) = &mut self.import else { return Effects::none() };
                dialog.outcome = None;
                match import_options(&dialog.form, &root) {
                    Ok(opts) => {
                        dialog.error = None;
                        return Effects::one(Effect::Import(opts));
                    }
                    Err(e) => dialog.error = Some(e),
                }
            }
            DatasetsIntent::ShowArticles => self.articles = Some(ArticlesDialog::default()),
            DatasetsIntent::CloseArticles => self.articles = None,
            DatasetsIntent::EditArticles(form) => {
                if let Some(dialog) = &mut self.articles {
                    if form != dialog.form {
                        dialog.preview = None;
                    }
                    dialog.form = form;
                }
            }
            DatasetsIntent::ChooseArticles => {
                let Some(dialog) = &mut self.articles else { return Effects::none() };
                dialog.note = None;
                let request = PathRequest {
                    title: "Articles to import",
                    kind: PathKind::File,
                    start: typed(&dialog.form.source),
                };
                return Effects::one(Effect::Pick(PickFor::ArticlesSource, request));
            }
            DatasetsIntent::ArticlesPicked(answer) => {
                if let Some(dialog) = &mut self.articles {
                    match answer {
                        Ok(Some(path)) => {
                            dialog.form.source = path.display().to_string();
                            dialog.note = None;
                            dialog.preview = None;
                        }
                        Ok(None) => dialog.note = Some(NO_PATH_CHOSEN.to_owned()),
                        Err(e) => dialog.note = Some(e),
                    }
                }
            }
            DatasetsIntent::PreviewArticles | DatasetsIntent::RunArticles => {
                let Some(dialog) = &mut self.articles else { return Effects::none() };
                let preview = matches!(intent, DatasetsIntent::PreviewArticles);
                dialog.outcome = None;
                match dialog.form.options(&root) {
                    Ok(opts) => {
                        dialog.error = None;
                        return Effects::one(if preview {
                            Effect::PreviewArticles(opts)
                        } else {
                            Effect::ImportArticles(opts)
                        });
                    }
                    Err(e) => dialog.error = Some(e),
                }
            }
            DatasetsIntent::ArticlesPreviewed(result) => {
                if let Some(dialog) = &mut self.articles {
                    dialog.preview = Some(result);
                }
            }
            DatasetsIntent::ArticlesImported(result) => {
                let Some(dialog) = &mut self.articles else { return Effects::none() };
                let written = result.as_ref().is_ok_and(|s| s.added + s.replaced > 0);
                dialog.outcome = Some(articles_dialog::outcome(result));
                if written {
                    // The corpus is scanned again, so the new texts are listed.
                    let mut effects = Effects::then(AppIntent::OpenCorpus(root));
                    if let Some(index) = ws.current_index() {
                        effects = effects.and(Effect::Then(CodingIntent::OpenDocument(index).into()));
                    }
                    return effects;
                }
            }
            DatasetsIntent::ShowConvert => {
                let Some(index) = ws.current_index() else { return Effects::none() };
                let Some(entry) = ws.corpus.documents.get(index) else { return Effects::none() };
                self.convert = Some(ConvertDialog::new(index, entry.id.clone(), entry.path.clone()));
                return Effects::one(Effect::ReadForConversion(entry.path.clone()));
            }
            DatasetsIntent::CloseConvert => self.convert = None,
            DatasetsIntent::ConvertRead(result) => {
                if let Some(dialog) = &mut self.convert {
                    dialog.read(result);
                }
            }
            DatasetsIntent::ChooseEncoding(encoding) => {
                if let Some(dialog) = &mut self.convert {
                    dialog.choose(encoding);
                }
            }
            DatasetsIntent::RunConvert => {
                if let Some(dialog) = &mut self.convert {
                    return dialog.run();
                }
            }
            DatasetsIntent::Converted(result) => {
                if let Some(dialog) = &mut self.convert {
                    return dialog.converted(result);
                }
            }
            DatasetsIntent::Imported(result) => {
                let Some(dialog) = &mut self.import else { return Effects::none() };
                let written = result.as_ref().is_ok_and(|s| !s.written.is_empty());
                dialog.outcome = Some(import_dialog::outcome(result, dialog.form.annotator.trim()));
                if written {
                    // The corpus is scanned again, so the new annotator's files count.
                    let mut effects = Effects::then(AppIntent::OpenCorpus(root));
                    if let Some(index) = ws.current_index() {
                        effects = effects.and(Effect::Then(CodingIntent::OpenDocument(index).into()));
                    }
                    return effects;
                }
            }
        }
        Effects::none()
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
fn export_target(format: Format, path: &str, corpus_root: &Path) -> Result<PathBuf, String> {
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

impl ExportDialog {
    /// Validates the inputs and asks for the export (or for "Replace it?").
    fn run(&mut self, replace: bool, root: &Path) -> Effects {
        self.confirm_replace = false;
        let out = match export_target(self.form.format, &self.form.path, root) {
            Ok(out) => out,
            Err(e) => {
                self.outcome = Some(Outcome::failed(e));
                return Effects::none();
            }
        };
        if !replace && std::fs::symlink_metadata(&out).is_ok() {
            self.confirm_replace = true;
            self.outcome = None;
            return Effects::none();
        }
        self.outcome = None;
        let opts = ExportOptions {
            format: self.form.format,
            annotators: self.form.selected(),
            only_done: self.form.only_done,
            out,
            force: replace,
        };
        Effects::one(Effect::Export(opts))
    }
}

/// The import's options, or why the inputs are refused.
fn import_options(form: &ImportForm, corpus: &Path) -> Result<ImportOptions, String> {
    let name = form.annotator.trim();
    let annotator = Annotator::parse(name).map_err(|e| format!("Annotator {name:?}: {e}"))?;
    let Some(brat_dir) = typed(&form.folder) else {
        return Err("Type the brat folder to import, or use Choose….".to_owned());
    };
    if !brat_dir.is_dir() {
        return Err(format!("{} is not a folder.", brat_dir.display()));
    }
    Ok(ImportOptions { brat_dir, corpus: corpus.to_path_buf(), annotator, force: form.force })
}

/// The error sentence for the window (the core's wording names the CLI's flag).
pub(crate) fn export_error(e: ExportError) -> String {
    match e {
        ExportError::Exists { path } => format!("{path} already exists; export again and choose Replace."),
        other => other.to_string(),
    }
}

/// What the export wrote, or why it wrote nothing.
fn export_outcome(result: Result<ExportSummary, String>) -> Outcome {
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

/// Under a path field: a spinner while the desktop's dialog is open, then the note
/// explaining why no path came back, if any.
pub(crate) fn dialog_status(ui: &mut egui::Ui, choosing: bool, waiting_for: &str, note: Option<&String>) {
    if choosing {
        working(ui, format!("waiting for the {waiting_for}…"));
    }
    if let Some(note) = note {
        ui.colored_label(crate::ui::widgets::style::warning(ui), note);
    }
}

/// Shows the export and import windows when open.
pub(crate) fn show_windows(ctx: &egui::Context, app: &super::app::App, out: &mut Vec<super::intent::Intent>) {
    if let Some(dialog) = &app.datasets.export {
        export_dialog::show(ctx, dialog, &app.jobs, out);
    }
    if let Some(dialog) = &app.datasets.import {
        import_dialog::show(ctx, dialog, &app.jobs, out);
    }
    if let Some(dialog) = &app.datasets.articles {
        articles_dialog::show(ctx, dialog, &app.jobs, out);
    }
    if let Some(dialog) = &app.datasets.convert {
        convert_dialog::show(ctx, dialog, &app.jobs, out);
    }
}
