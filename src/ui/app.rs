//! The egui app: holds the state, lays out the panels, turns input into actions and
//! applies them (see `apply.rs`) once per frame.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::Instant;

use egui::ViewportCommand;

use super::action::Action;
use super::folder_picker::{FolderPicker, NativePicker};
use super::settings::Settings;
use super::widgets::text_view::TextViewCache;
use super::widgets::{self, dialogs};
use super::workspace::Workspace;
use crate::model::Annotator;

/// How the app is started: from the command line, or by a test.
pub struct StartOptions {
    /// The corpus to open (else the last one, else the shipped seeds).
    pub corpus: Option<PathBuf>,
    /// Who is coding (else the remembered name, else the app asks).
    pub annotator: Option<String>,
    /// The folder dialog (a fixed path in tests).
    pub picker: Arc<dyn FolderPicker>,
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
pub struct Dialogs {
    /// "Who is coding?" (name typed, validation error).
    pub annotator_prompt: Option<dialogs::AnnotatorPrompt>,
    /// "Open corpus" (typed path, error).
    pub open_corpus: Option<dialogs::OpenCorpus>,
    /// The shortcuts window.
    pub shortcuts: bool,
    /// The codebook window.
    pub codebook: bool,
    /// The actor registry window.
    pub actors: Option<widgets::actors_window::ActorsWindow>,
    /// The find bar.
    pub find: Option<widgets::find_bar::FindBar>,
    /// Shown when closing would lose work.
    pub confirm_close: Option<String>,
}

/// The app.
pub struct App {
    /// Remembered between runs.
    pub settings: Settings,
    /// The open corpus.
    pub workspace: Option<Workspace>,
    /// Why the last corpus could not be opened.
    pub error: Option<String>,
    /// A corpus waiting for the annotator's name.
    pub pending_corpus: Option<PathBuf>,
    /// Windows and transient inputs.
    pub dialogs: Dialogs,
    /// Inputs of the claim inspector.
    pub inspector: widgets::inspector::InspectorState,
    /// Coding, review or statistics.
    pub mode: super::action::Mode,
    /// The review and adjudication view's state.
    pub review: super::review::ReviewState,
    /// The export, import and statistics views' state.
    pub datasets: super::datasets::DatasetsState,
    pub(crate) picker: Arc<dyn FolderPicker>,
    pub(crate) picker_rx: Option<Receiver<Option<PathBuf>>>,
    pub(crate) text_cache: TextViewCache,
    pub(crate) queued: Vec<Action>,
    pub(crate) viewport: Vec<ViewportCommand>,
    remember: bool,
    title: String,
    window_focused: bool,
    allow_close: bool,
}

/// The `seeds/` corpus shipped with the project: beside the working directory when
/// run from a checkout, else beside the crate's manifest.
pub fn shipped_seeds() -> PathBuf {
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
        widgets::style::apply(&cc.egui_ctx);
        let mut app = Self {
            settings,
            workspace: None,
            error: None,
            pending_corpus: None,
            dialogs: Dialogs::default(),
            inspector: Default::default(),
            mode: Default::default(),
            review: Default::default(),
            datasets: Default::default(),
            picker: options.picker,
            picker_rx: None,
            text_cache: TextViewCache::default(),
            queued: Vec::new(),
            viewport: Vec::new(),
            remember: options.remember,
            title: String::new(),
            window_focused: true,
            allow_close: false,
        };
        app.dialogs.codebook = app.settings.show_codebook;
        let corpus = options
            .corpus
            .or_else(|| app.settings.last_corpus.clone().filter(|p| p.is_dir()))
            .unwrap_or_else(shipped_seeds);
        let annotator = options.annotator.or_else(|| app.settings.annotator.clone());
        match annotator {
            Some(name) => {
                app.pending_corpus = Some(corpus);
                app.apply(Action::SetAnnotator(name));
            }
            None => {
                app.pending_corpus = Some(corpus);
                app.dialogs.annotator_prompt = Some(dialogs::AnnotatorPrompt::default());
            }
        }
        app
    }

    /// Queues an action to be applied at the end of the frame.
    pub fn send(&mut self, action: Action) {
        self.queued.push(action);
    }

    /// Applies every queued action.
    pub fn apply_queued(&mut self) {
        for action in std::mem::take(&mut self.queued) {
            self.apply(action);
        }
    }

    /// How often the document text was laid out again (it should be rare: only when
    /// claims, selection, hits or geometry change), for benchmarks and tests.
    pub fn text_layout_rebuilds(&self) -> u64 {
        self.text_cache.rebuilds
    }

    /// The annotator, when one is set.
    pub fn annotator(&self) -> Option<&Annotator> {
        self.workspace.as_ref().map(|w| &w.annotator)
    }

    fn window_title(&self) -> String {
        match &self.workspace {
            Some(ws) => format!("Claimcoder — {}", ws.corpus.name()),
            None => "Claimcoder".to_owned(),
        }
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

    /// Lets the window close although the work could not be saved (the user chose to).
    pub fn close_anyway(&mut self) {
        self.allow_close = true;
        self.dialogs.confirm_close = None;
        self.viewport.push(ViewportCommand::Close);
    }
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if let Some(rx) = &self.picker_rx
            && let Ok(answer) = rx.try_recv()
        {
            self.picker_rx = None;
            match answer {
                Some(path) => self.apply(Action::OpenCorpus(path)),
                None => {
                    if let Some(d) = &mut self.dialogs.open_corpus {
                        d.error = Some(
                            "No folder was chosen (or no desktop file dialog is available): type the path instead."
                                .to_owned(),
                        );
                    }
                }
            }
        }
        if self.picker_rx.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let focused = ctx.input(|i| i.viewport().focused.unwrap_or(true));
        if focused
            && !self.window_focused
            && let Some(ws) = &mut self.workspace
        {
            ws.check_disk();
        }
        self.window_focused = focused;
        for action in widgets::shortcuts::read(ctx, self) {
            self.apply(action);
        }
        if let Some(ws) = &mut self.workspace {
            if ws.listing.poll() || ws.listing.is_loading() {
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
            }
            if let Some(wait) = ws.autosave(Instant::now()) {
                ctx.request_repaint_after(wait);
            }
        }
        self.handle_close(ctx);
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
        widgets::layout::show(ui, self);
        self.apply_queued();
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
