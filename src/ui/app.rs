//! The egui app: holds the state of every mode, reads the keys and the jobs' results
//! as intents, lets the views draw (they only read), and applies every intent in one
//! place (`apply.rs`) once per frame.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use egui::ViewportCommand;

use super::coding::{CodingIntent, CodingState};
use super::command::Command;
use super::datasets::{ArticlesDialog, ConvertDialog, DatasetsState, ExportDialog, ImportDialog};
use super::intent::AppIntent;
use super::jobs::Jobs;
use super::mode::Mode;
use super::picker::{NativePicker, Picker};
use super::review::ReviewState;
use super::settings::Settings;
use super::statistics::StatisticsState;
use super::widgets::actors_window::ActorsWindow;
use super::widgets::dialogs::{AnnotatorPrompt, OpenCorpus};
use super::widgets::layout::{self, ViewCaches};
use super::widgets::style;
use crate::coding::Workspace;
use crate::job::Waker;
use crate::model::Annotator;
use crate::store::watch::CorpusWatcher;

/// How the app is started: from the command line, or by a test.
pub struct StartOptions {
    /// The corpus to open (else the last one, else the shipped seeds).
    pub corpus: Option<PathBuf>,
    /// Who is coding (else the remembered name, else the app asks).
    pub annotator: Option<String>,
    /// The file and folder dialogs (a fixed path in tests).
    pub picker: Arc<dyn Picker>,
    /// Whether to read and write eframe's remembered settings (off in tests).
    pub remember: bool,
}

impl Default for StartOptions {
    fn default() -> Self {
        Self { corpus: None, annotator: None, picker: Arc::new(NativePicker), remember: true }
    }
}

/// The windows and transient inputs that are not part of the coded data.
#[derive(Default)]
pub(crate) struct Dialogs {
    /// "Who is coding?" (name typed, validation error).
    pub(crate) annotator_prompt: Option<AnnotatorPrompt>,
    /// "Open corpus" (typed path, error).
    pub(crate) open_corpus: Option<OpenCorpus>,
    /// The shortcuts window.
    pub(crate) shortcuts: bool,
    /// The codebook window.
    pub(crate) codebook: bool,
    /// The codebook editor (inside the codebook window), while editing.
    pub(crate) codebook_editor: Option<super::widgets::codebook_editor::CodebookEditor>,
    /// The actor registry window.
    pub(crate) actors: Option<ActorsWindow>,
    /// Shown when closing would lose work: why.
    pub(crate) confirm_close: Option<String>,
    /// The Conflicts panel.
    pub(crate) conflicts: bool,
}

/// The app.
pub struct App {
    /// Remembered between runs.
    pub(crate) settings: Settings,
    /// The open corpus.
    pub(crate) workspace: Option<Workspace>,
    /// Why the last corpus could not be opened.
    pub(crate) error: Option<String>,
    /// A corpus waiting for the annotator's name.
    pub(crate) pending_corpus: Option<PathBuf>,
    /// Windows and transient inputs.
    pub(crate) dialogs: Dialogs,
    /// Coding, review or statistics.
    pub(crate) mode: Mode,
    /// The coding mode's own state (find bar, inspector inputs).
    pub(crate) coding: CodingState,
    /// The review mode's state.
    pub(crate) review: ReviewState,
    /// The export and import windows.
    pub(crate) datasets: DatasetsState,
    /// The statistics mode's state.
    pub(crate) statistics: StatisticsState,
    /// Why the corpus could not be read into the shared dataset.
    pub(crate) dataset_error: Option<String>,
    /// The background jobs.
    pub(crate) jobs: Jobs,
    /// Asks the window for a repaint (from background threads).
    pub(crate) wake: Waker,
    /// Sees the open corpus change on disk as it happens.
    pub(crate) watcher: Option<CorpusWatcher>,
    /// The file and folder dialogs.
    pub(crate) picker: Arc<dyn Picker>,
    /// The document (id, text hash) the built-in suggester is reading.
    pub(crate) suggesting: Option<(String, String)>,
    caches: ViewCaches,
    pub(crate) viewport: Vec<ViewportCommand>,
    remember: bool,
    title: String,
    window_focused: bool,
    pub(crate) allow_close: bool,
}

/// The `seeds/` corpus shipped with the project: beside the working directory when
/// run from a checkout, else beside the crate's manifest.
pub(crate) fn shipped_seeds() -> PathBuf {
    let local = PathBuf::from("seeds");
    if local.is_dir() { local } else { Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds") }
}

impl App {
    /// Builds the app; called by eframe (or a test harness) with its creation context.
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let settings: Settings = if options.remember {
            cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default()
        } else {
            Settings::default()
        };
        style::apply(&cc.egui_ctx);
        let ctx = cc.egui_ctx.clone();
        let wake: Waker = Arc::new(move || ctx.request_repaint());
        let jobs = Jobs::new(wake.clone());
        let mut app = Self {
            dialogs: Dialogs { codebook: settings.show_codebook, ..Dialogs::default() },
            settings,
            workspace: None,
            error: None,
            pending_corpus: None,
            mode: Mode::default(),
            coding: CodingState::default(),
            review: ReviewState::default(),
            datasets: DatasetsState::default(),
            statistics: StatisticsState::default(),
            dataset_error: None,
            jobs,
            wake,
            watcher: None,
            picker: options.picker,
            suggesting: None,
            caches: ViewCaches::default(),
            viewport: Vec::new(),
            remember: options.remember,
            title: String::new(),
            window_focused: true,
            allow_close: false,
        };
        let corpus = options
            .corpus
            .or_else(|| app.settings.last_corpus.clone().filter(|p| p.is_dir()))
            .unwrap_or_else(shipped_seeds);
        app.pending_corpus = Some(corpus);
        match options.annotator.or_else(|| app.settings.annotator.clone()) {
            Some(name) => app.apply(AppIntent::SetAnnotator(name)),
            None => app.dialogs.annotator_prompt = Some(AnnotatorPrompt::default()),
        }
        app
    }

    /// The open corpus.
    pub fn workspace(&self) -> Option<&Workspace> {
        self.workspace.as_ref()
    }

    /// The annotator, when one is set.
    pub fn annotator(&self) -> Option<&Annotator> {
        self.workspace.as_ref().map(|w| &w.annotator)
    }

    /// The current mode.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The review mode's state.
    pub fn review(&self) -> &ReviewState {
        &self.review
    }

    /// The export window, when open.
    pub fn export_dialog(&self) -> Option<&ExportDialog> {
        self.datasets.export.as_ref()
    }

    /// The import window, when open.
    pub fn import_dialog(&self) -> Option<&ImportDialog> {
        self.datasets.import.as_ref()
    }

    /// The Import articles window, when open.
    pub fn articles_dialog(&self) -> Option<&ArticlesDialog> {
        self.datasets.articles.as_ref()
    }

    /// The Convert to UTF-8 window, when open.
    pub fn convert_dialog(&self) -> Option<&ConvertDialog> {
        self.datasets.convert.as_ref()
    }

    /// The codebook editor, while editing.
    pub fn codebook_editor(&self) -> Option<&super::widgets::codebook_editor::CodebookEditor> {
        self.dialogs.codebook_editor.as_ref()
    }

    /// Whether the find bar is open.
    pub fn is_finding(&self) -> bool {
        self.coding.find.is_some()
    }

    /// Whether a background job (listing, reading, a dialog, export, import) runs.
    pub fn is_busy(&self) -> bool {
        self.jobs.any()
    }

    /// Replaces the file and folder dialogs (tests answer with fixed paths).
    pub fn set_picker(&mut self, picker: Arc<dyn Picker>) {
        self.picker = picker;
    }

    /// How many paragraph blocks the document text laid out so far (each when it
    /// first comes into view; coding a claim lays out nothing), for benchmarks.
    pub fn text_layouts(&self) -> u64 {
        self.caches.text.layouts()
    }

    /// What review's side-by-side views drew in the last frame, one list per shown
    /// version: each piece of text's screen rect and the chars (of the document) it
    /// shows, for tests of right-to-left layout.
    pub fn review_versions_drawn(&self) -> Vec<Vec<(egui::Rect, std::ops::Range<usize>)>> {
        self.caches.review.versions.drawn()
    }

    /// Whether a modal window is open (letter keys then do nothing).
    pub(crate) fn has_modal(&self) -> bool {
        self.dialogs.annotator_prompt.is_some()
            || self.dialogs.confirm_close.is_some()
            || self.dialogs.open_corpus.is_some()
            || self.datasets.export.is_some()
            || self.datasets.import.is_some()
            || self.datasets.articles.is_some()
            || self.datasets.convert.is_some()
    }

    /// Whether `command` can act now (menus grey out the others).
    pub fn is_enabled(&self, command: Command) -> bool {
        let ws = self.workspace.as_ref();
        let open = ws.and_then(|w| w.open.as_ref());
        let editable = open.is_some_and(|o| o.loaded.is_editable());
        let selected = open.is_some_and(|o| o.selected.is_some());
        match command {
            Command::OpenCorpus
            | Command::ChangeAnnotator
            | Command::Quit
            | Command::ShowCoding
            | Command::ShowReview
            | Command::ShowStatistics
            | Command::ToggleShortcuts
            | Command::ThemeSystem
            | Command::ThemeLight
            | Command::ThemeDark
            | Command::Escape => true,
            Command::Export
            | Command::ImportBrat
            | Command::ImportArticles
            | Command::ToggleCodebook
            | Command::EditCodebook
            | Command::ToggleActors
            | Command::ToggleDocumentList
            | Command::ToggleInspector => ws.is_some(),
            Command::Save => open.is_some_and(|o| o.dirty || o.loaded.stamp.is_none()) && editable,
            Command::Reload | Command::ConvertToUtf8 => ws.is_some_and(|w| w.current_index().is_some()),
            Command::Undo | Command::Redo => {
                let back = command == Command::Undo;
                match self.mode {
                    Mode::Coding => ws.is_some_and(|w| w.can_undo(back)),
                    Mode::Review => {
                        if back {
                            self.review.undo.can_undo()
                        } else {
                            self.review.undo.can_redo()
                        }
                    }
                    Mode::Statistics => false,
                }
            }
            Command::MarkSourceMention | Command::MarkCue | Command::SpanToSelection => {
                editable && selected && open.is_some_and(|o| o.selection.is_some())
            }
            Command::SnapToWords | Command::DeleteClaim => editable && selected,
            Command::NextField => editable && selected && ws.is_some_and(|w| !w.project.fields.is_empty()),
            Command::ToggleDone => editable,
            Command::Find => open.is_some(),
            Command::ToggleConflicts => ws.is_some(),
            Command::NextConflict | Command::KeepTheirs => ws.is_some_and(|w| w.current_conflict().is_some()),
            Command::TakeMine => editable && ws.is_some_and(|w| w.current_conflict().is_some()),
            Command::NextClaim | Command::PrevClaim => open.is_some_and(|o| !o.claims().is_empty()),
            Command::NextSuggestion | Command::PrevSuggestion => {
                ws.is_some_and(|w| w.suggestions_shown) && open.is_some_and(|o| !o.live_suggestions().is_empty())
            }
            Command::AcceptSuggestion | Command::RejectSuggestion => {
                editable
                    && ws.is_some_and(|w| w.suggestions_shown)
                    && open.is_some_and(|o| o.selected_offer().is_some())
            }
            Command::ToggleSuggestions => ws.is_some(),
            Command::NextDocument | Command::PrevDocument => ws.is_some_and(|w| !w.corpus.documents.is_empty()),
            Command::NextUnit | Command::PrevUnit => self.review.current_document().is_some(),
        }
    }

    fn window_title(&self) -> String {
        match &self.workspace {
            Some(ws) => format!("Claimcoder — {}", ws.corpus.name()),
            None => "Claimcoder".to_owned(),
        }
    }

    /// Opens the Conflicts panel when a merge left new conflicts; returns whether it did.
    fn show_new_conflicts(&mut self) -> bool {
        let arrived = self.workspace.as_mut().is_some_and(|w| w.conflicts.take_arrived());
        if arrived {
            self.dialogs.conflicts = true;
        }
        arrived
    }

    fn handle_close(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.allow_close {
            return;
        }
        let Some(ws) = &mut self.workspace else { return };
        if ws.save_now() {
            return;
        }
        ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        self.dialogs.confirm_close = Some(ws.save.label());
    }
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        for intent in self.jobs.poll() {
            self.apply(intent);
        }
        if let Some(changes) = self.watcher.as_ref().map(CorpusWatcher::take).filter(|c| !c.is_empty()) {
            self.apply(AppIntent::OutsideChanges(changes));
        }
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(true));
        if focused && !self.window_focused {
            self.apply(CodingIntent::CheckDisk);
        }
        self.window_focused = focused;
        self.coding.panels.width = ctx.content_rect().width();
        if ctx.options(|o| o.theme_preference) != self.settings.theme {
            ctx.set_theme(self.settings.theme);
        }
        for intent in super::keys::read(ctx, self) {
            self.apply(intent);
        }
        if let Some(ws) = &mut self.workspace
            && let Some(wait) = ws.autosave(Instant::now())
        {
            ctx.request_repaint_after(wait);
        }
        self.handle_close(ctx);
        self.show_new_conflicts();
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        for cmd in self.viewport.drain(..) {
            ctx.send_viewport_cmd(cmd);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let mut caches = std::mem::take(&mut self.caches);
        let intents = layout::show(ui, self, &mut caches);
        self.caches = caches;
        for intent in intents {
            self.apply(intent);
        }
        if self.show_new_conflicts() {
            ui.ctx().request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Some(ws) = &mut self.workspace {
            ws.save_now();
        }
        if self.remember {
            self.settings.show_codebook = self.dialogs.codebook;
            eframe::set_value(storage, eframe::APP_KEY, &self.settings);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Some(ws) = &mut self.workspace {
            ws.save_now();
        }
    }

    fn auto_save_interval(&self) -> std::time::Duration {
        std::time::Duration::from_secs(5)
    }
}
