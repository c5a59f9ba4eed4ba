//! The one place where intents change the app: [`App::apply`] hands each intent to
//! the state that owns it (the app itself, coding, review, datasets, statistics),
//! then runs the effects that state asked for: other intents, saving, reading the
//! corpus, file dialogs, exports and imports as background jobs.

use std::collections::VecDeque;
use std::path::PathBuf;

use super::app::App;
use super::effect::{Effect, Effects};
use super::intent::{AppIntent, Intent};
use super::jobs::{Done, Part, PickFor, Task};
use super::mode::Mode;
use super::picker::{NO_PATH_CHOSEN, PathKind, PathRequest};
use super::review::ReviewState;
use super::statistics::StatisticsState;
use super::widgets::codebook_editor::{CodebookEditor, CodebookIntent};
use super::widgets::dialogs::{AnnotatorPrompt, OpenCorpus};
use crate::coding::Workspace;
use crate::coding::listing::read_rows;
use crate::export::import_corpus::{import_corpus, preview_corpus};
use crate::export::{ExportOptions, export, import_brat};

/// Articles the Import articles window shows in its preview.
const PREVIEW_ROWS: usize = 3;
use crate::model::{ActorRegistry, Annotator, Corpus};
use crate::store::convert_utf8::convert_previewed;
use crate::store::watch::CorpusWatcher;
use crate::store::{load_dataset, load_dataset_where};

impl App {
    /// Applies one intent and everything it leads to.
    pub fn apply(&mut self, intent: impl Into<Intent>) {
        let mut queue = VecDeque::from([intent.into()]);
        while let Some(intent) = queue.pop_front() {
            let effects = match intent {
                Intent::App(i) => self.apply_app(i),
                Intent::Coding(i) => self.coding.apply(i, self.workspace.as_mut()),
                Intent::Review(i) => {
                    let none = ActorRegistry::default();
                    let registry = self.workspace.as_ref().map_or(&none, |w| &w.project.actors);
                    self.review.apply(i, registry)
                }
                Intent::Datasets(i) => self.datasets.apply(i, self.workspace.as_ref()),
                Intent::Statistics(i) => self.statistics.apply(i, self.workspace.as_ref()),
                Intent::Codebook(i) => self.apply_codebook(i),
            };
            for effect in effects.0 {
                self.run(effect, &mut queue);
            }
        }
        self.start_suggesting();
    }

    /// Starts the built-in suggester when the open document needs it and it is not
    /// already reading that text (opening, reloading or showing suggestions again
    /// all lead here).
    fn start_suggesting(&mut self) {
        let Some(request) = self.workspace.as_ref().and_then(Workspace::suggestions_wanted) else { return };
        let key = (request.document.clone(), request.sha256.clone());
        if self.suggesting.as_ref() != Some(&key) || !self.jobs.is_running(Task::Suggest) {
            self.run(Effect::Suggest(request), &mut VecDeque::new());
        }
    }

    /// Applies an intent of the app itself.
    fn apply_app(&mut self, intent: AppIntent) -> Effects {
        match intent {
            AppIntent::OpenCorpus(path) => return self.open_corpus(path),
            AppIntent::ShowOpenCorpus => {
                let path = self.workspace.as_ref().map(|w| w.corpus.root.display().to_string()).unwrap_or_default();
                self.dialogs.open_corpus = Some(OpenCorpus { path, error: None });
            }
            AppIntent::EditCorpusPath(path) => {
                if let Some(d) = &mut self.dialogs.open_corpus {
                    d.path = path;
                }
            }
            AppIntent::BrowseForCorpus => {
                let start = self.workspace.as_ref().map(|w| w.corpus.root.clone());
                let request = PathRequest { title: "Open corpus folder", kind: PathKind::Folder, start };
                return Effects::one(Effect::Pick(PickFor::Corpus, request));
            }
            AppIntent::CorpusPicked(answer) => match answer {
                Ok(Some(path)) => return Effects::then(AppIntent::OpenCorpus(path)),
                Ok(None) => self.open_corpus_error(NO_PATH_CHOSEN.to_owned()),
                Err(e) => self.open_corpus_error(e),
            },
            AppIntent::CloseOpenCorpus => self.dialogs.open_corpus = None,
            AppIntent::SetAnnotator(name) => return self.set_annotator(&name),
            AppIntent::EditAnnotatorName(name) => {
                if let Some(prompt) = &mut self.dialogs.annotator_prompt {
                    prompt.name = name;
                }
            }
            AppIntent::ChangeAnnotator => {
                let name = self.annotator().map(|a| a.to_string()).unwrap_or_default();
                self.dialogs.annotator_prompt = Some(AnnotatorPrompt { name, error: None });
            }
            AppIntent::SetMode(mode) => {
                self.mode = mode;
                let effects = Effects::one(Effect::SaveDocument);
                return if mode.uses_dataset() { effects.and(Effect::LoadDataset) } else { effects };
            }
            AppIntent::SetTheme(theme) => self.settings.theme = theme,
            AppIntent::RefreshDataset => return Effects::one(Effect::LoadDataset),
            AppIntent::CancelDataset => self.jobs.cancel(Task::Dataset),
            AppIntent::DatasetLoaded(result) => match result {
                Ok(dataset) => {
                    self.dataset_error = None;
                    self.review.set_dataset(dataset.clone());
                    self.statistics.set_dataset(dataset);
                }
                Err(e) => {
                    self.review.dataset_failed(e.clone());
                    self.statistics = StatisticsState::default();
                    self.dataset_error = Some(e);
                }
            },
            AppIntent::ToggleShortcuts => self.dialogs.shortcuts = !self.dialogs.shortcuts,
            AppIntent::ToggleCodebook => {
                self.dialogs.codebook = !self.dialogs.codebook;
                self.dialogs.codebook_editor = None;
            }
            AppIntent::ToggleActors => {
                self.dialogs.actors = match self.dialogs.actors {
                    Some(_) => None,
                    None => Some(Default::default()),
                }
            }
            AppIntent::ToggleConflicts => self.dialogs.conflicts = !self.dialogs.conflicts,
            AppIntent::ShowConflicts => self.dialogs.conflicts = true,
            AppIntent::ToggleSuggestions => {
                self.settings.hide_suggestions = !self.settings.hide_suggestions;
                if let Some(ws) = &mut self.workspace {
                    ws.show_suggestions(!self.settings.hide_suggestions);
                }
            }
            AppIntent::OutsideChanges(changes) => {
                let Some(ws) = &mut self.workspace else { return Effects::none() };
                let outcome = ws.outside_changes(&changes);
                if outcome.others_changed && self.mode.uses_dataset() {
                    return Effects::one(Effect::LoadDataset);
                }
            }
            AppIntent::EditActorsWindow(window) => {
                if self.dialogs.actors.is_some() {
                    self.dialogs.actors = Some(window);
                }
            }
            AppIntent::Escape => {
                self.dialogs.shortcuts = false;
                return match self.mode {
                    Mode::Coding => Effects::then(super::coding::CodingIntent::Escape),
                    Mode::Review => Effects::then(super::review::ReviewIntent::SelectUnit(None)),
                    Mode::Statistics => Effects::then(super::statistics::StatisticsIntent::CloseClaims),
                };
            }
            AppIntent::Quit => {
                if let Some(ws) = &mut self.workspace
                    && !ws.save_now()
                {
                    self.dialogs.confirm_close = Some(ws.save.label());
                    return Effects::none();
                }
                return Effects::then(AppIntent::QuitWithoutSaving);
            }
            AppIntent::KeepWorking => self.dialogs.confirm_close = None,
            AppIntent::QuitWithoutSaving => {
                self.allow_close = true;
                self.dialogs.confirm_close = None;
                return Effects::one(Effect::CloseWindow);
            }
        }
        Effects::none()
    }

    /// Applies an intent of the codebook editor: starting and stopping here, the
    /// rest in the editor; a save that rewrote files refreshes review and statistics.
    fn apply_codebook(&mut self, intent: CodebookIntent) -> Effects {
        let Some(ws) = &mut self.workspace else { return Effects::none() };
        match intent {
            CodebookIntent::StartEditing => {
                ws.save_now();
                self.dialogs.codebook = true;
                self.dialogs.codebook_editor = Some(CodebookEditor::of(ws));
            }
            CodebookIntent::StopEditing => self.dialogs.codebook_editor = None,
            intent => {
                let Some(editor) = &mut self.dialogs.codebook_editor else { return Effects::none() };
                let saving = matches!(intent, CodebookIntent::Save);
                editor.apply(intent, ws);
                if saving && self.mode.uses_dataset() {
                    return Effects::one(Effect::LoadDataset);
                }
            }
        }
        Effects::none()
    }

    fn open_corpus_error(&mut self, message: String) {
        match &mut self.dialogs.open_corpus {
            Some(d) => d.error = Some(message),
            None => self.error = Some(message),
        }
    }

    /// Opens the corpus at `path` for the current annotator (asking who is coding
    /// first when nobody is), and starts listing its documents.
    fn open_corpus(&mut self, path: PathBuf) -> Effects {
        if let Some(ws) = &mut self.workspace {
            ws.save_now();
        }
        let annotator = self
            .annotator()
            .cloned()
            .or_else(|| self.settings.annotator.as_deref().and_then(|n| Annotator::parse(n).ok()));
        let Some(annotator) = annotator else {
            self.pending_corpus = Some(path);
            self.dialogs.annotator_prompt.get_or_insert_with(Default::default);
            return Effects::none();
        };
        match Workspace::open(&path, annotator) {
            Ok(mut ws) => {
                self.settings.last_corpus = Some(ws.corpus.root.clone());
                ws.show_suggestions(!self.settings.hide_suggestions);
                self.start_listing(&ws);
                self.watcher = self.watch(&mut ws);
                self.workspace = Some(ws);
                self.error = None;
                self.dialogs.open_corpus = None;
                self.coding = Default::default();
                self.pending_corpus = None;
                self.forget_dataset();
                if self.mode.uses_dataset() {
                    return Effects::one(Effect::LoadDataset);
                }
            }
            Err(e) => self.open_corpus_error(e.to_string()),
        }
        Effects::none()
    }

    fn set_annotator(&mut self, name: &str) -> Effects {
        match Annotator::parse(name.trim()) {
            Ok(annotator) => {
                self.settings.annotator = Some(annotator.to_string());
                self.dialogs.annotator_prompt = None;
                let corpus =
                    self.pending_corpus.take().or_else(|| self.workspace.as_ref().map(|w| w.corpus.root.clone()));
                if let Some(ws) = &mut self.workspace {
                    ws.save_now();
                }
                self.workspace = None;
                self.watcher = None;
                self.forget_dataset();
                match corpus {
                    Some(path) => self.open_corpus(path),
                    None => Effects::none(),
                }
            }
            Err(e) => {
                let prompt = self.dialogs.annotator_prompt.get_or_insert_with(Default::default);
                prompt.name = name.to_owned();
                prompt.error = Some(e.to_string());
                Effects::none()
            }
        }
    }

    /// Starts watching the corpus (and the files its links point to) for changes by
    /// other programs; a watch that cannot start is a notice, and the checks on focus
    /// and before every save remain.
    fn watch(&self, ws: &mut Workspace) -> Option<CorpusWatcher> {
        let mut watcher = match CorpusWatcher::start(&ws.corpus.root, self.wake.clone()) {
            Ok(w) => w,
            Err(e) => {
                ws.notice = Some(format!("{}.", e.to_string().trim_end_matches('.')));
                return None;
            }
        };
        let files = ws.corpus.documents.iter().flat_map(|d| d.annotations.values());
        let project = ws.corpus.project_path();
        for file in files.chain(std::iter::once(&project)) {
            if let Err(e) = watcher.follow_link(file) {
                ws.notice = Some(e.to_string());
            }
        }
        Some(watcher)
    }

    /// Drops what review and statistics read from another corpus or for another coder.
    fn forget_dataset(&mut self) {
        self.jobs.cancel(Task::Dataset);
        self.review = ReviewState::default();
        self.statistics = StatisticsState::default();
        self.dataset_error = None;
    }

    fn start_listing(&mut self, ws: &Workspace) {
        let entries = ws.corpus.documents.clone();
        let annotator = ws.annotator.clone();
        self.jobs.start(Task::Listing, move |r| {
            let total = entries.len();
            read_rows(&entries, &annotator, |index, summary| {
                let id = entries[index].id.clone();
                let sent = r.part(Part::Row { index, id, summary });
                r.progress(index + 1, total);
                sent && !r.is_cancelled()
            });
            Done::Listed
        });
    }

    /// Runs one effect; intents it leads to go to the back of `queue`.
    fn run(&mut self, effect: Effect, queue: &mut VecDeque<Intent>) {
        match effect {
            Effect::Then(intent) => queue.push_back(intent),
            Effect::SaveDocument => {
                if let Some(ws) = &mut self.workspace {
                    ws.save_now();
                }
            }
            Effect::LoadDataset => {
                let Some(ws) = &mut self.workspace else { return };
                ws.save_now();
                let root = ws.corpus.root.clone();
                self.jobs.start(Task::Dataset, move |_| {
                    Done::Dataset(
                        load_dataset_where(&root, &|a| !a.is_suggested())
                            .map(std::sync::Arc::new)
                            .map_err(|e| e.to_string()),
                    )
                });
            }
            Effect::Pick(purpose, request) => {
                let picker = self.picker.clone();
                self.jobs.start(Task::Pick(purpose), move |_| Done::Picked(purpose, picker.choose(&request)));
            }
            Effect::ScanAnnotators => {
                let Some(ws) = &self.workspace else { return };
                let root = ws.corpus.root.clone();
                self.jobs.start(Task::ScanAnnotators, move |_| {
                    Done::Annotators(Corpus::scan(&root).map(|c| c.annotators()).unwrap_or_default())
                });
            }
            Effect::Export(opts) => {
                let Some(ws) = &mut self.workspace else { return };
                if !ws.save_now() {
                    queue.push_back(super::datasets::DatasetsIntent::NotSaved(ws.save.label()).into());
                }
                let root = ws.corpus.root.clone();
                self.jobs.start(Task::Export, move |r| Done::Exported(run_export(&root, &opts, r)));
            }
            Effect::Import(opts) => {
                let Some(ws) = &mut self.workspace else { return };
                ws.save_now();
                self.jobs.start(Task::Import, move |_| Done::Imported(import_brat(&opts)));
            }
            Effect::PreviewArticles(opts) => {
                self.jobs.start(Task::PreviewArticles, move |_| {
                    Done::ArticlesPreviewed(preview_corpus(&opts, PREVIEW_ROWS).map_err(|e| e.to_string()))
                });
            }
            Effect::ImportArticles(opts) => {
                let Some(ws) = &mut self.workspace else { return };
                ws.save_now();
                self.jobs.start(Task::ImportArticles, move |r| {
                    Done::ArticlesImported(import_corpus(&opts, &mut |done, total| r.progress(done, total)))
                });
            }
            Effect::ReadForConversion(path) => {
                self.jobs.start(Task::ReadForConversion, move |_| {
                    Done::ConvertRead(std::fs::read(&path).map_err(|e| e.to_string()))
                });
            }
            Effect::ConvertText { path, encoding, previewed } => {
                self.jobs.start(Task::ConvertText, move |_| {
                    Done::Converted(convert_previewed(&path, encoding, &previewed).map_err(|e| e.to_string()))
                });
            }
            Effect::TextConverted(index) => {
                if let Some(ws) = &mut self.workspace {
                    ws.reread_document(index);
                }
            }
            Effect::Suggest(request) => {
                self.suggesting = Some((request.document.clone(), request.sha256.clone()));
                self.jobs.start(Task::Suggest, move |_| {
                    let offers = request.run();
                    Done::Suggested(request.document, request.sha256, offers)
                });
            }
            Effect::CloseWindow => self.viewport.push(egui::ViewportCommand::Close),
        }
    }
}

/// Reads the corpus and writes the export, reporting files written as progress;
/// a cancelled export stops before it writes anything.
fn run_export(
    root: &std::path::Path,
    opts: &ExportOptions,
    r: &crate::job::Reporter<Done, Part>,
) -> Result<crate::export::ExportSummary, String> {
    let dataset = load_dataset(root, &opts.annotators).map_err(|e| e.to_string())?;
    if r.is_cancelled() {
        return Err("the export was cancelled".to_owned());
    }
    export(&dataset, opts, &mut |done, total| r.progress(done, total)).map_err(super::datasets::export_error)
}
