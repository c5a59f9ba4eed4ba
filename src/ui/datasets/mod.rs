//! Datasets from the app: export and brat import dialogs, and the statistics view.
//!
//! The windows only edit their own inputs and emit [`DatasetAction`]s; `apply.rs`
//! starts the work on background threads (`job.rs`) and this module collects the
//! results every frame, so the window never freezes on a large corpus.

mod apply;
pub mod export_dialog;
pub mod import_dialog;
pub mod job;
pub mod save_picker;

use std::sync::Arc;

pub mod statistics;

use crate::ui::action::Action;
use crate::ui::app::App;
use export_dialog::ExportDialog;
use import_dialog::ImportDialog;
use save_picker::{NO_PATH_CHOSEN, NativeSavePicker, SavePicker};

/// An intent of the export, import and statistics views.
#[derive(Clone, Debug, PartialEq)]
pub enum DatasetAction {
    /// Open the export window.
    ShowExport,
    /// Close the export window.
    CloseExport,
    /// Open the native save dialog for the export target.
    ChooseExportPath,
    /// Export; `replace` once the user confirmed overwriting the existing target.
    RunExport {
        /// Overwrite an existing file or folder.
        replace: bool,
    },
    /// Open the brat import window.
    ShowImport,
    /// Close the import window.
    CloseImport,
    /// Open the native folder dialog for the brat folder.
    ChooseImportFolder,
    /// Import the brat folder.
    RunImport,
}

/// The views' state.
pub struct DatasetsState {
    /// The file and folder dialog (a fixed path in tests).
    pub picker: Arc<dyn SavePicker>,
    /// The export window, when open.
    pub export: Option<ExportDialog>,
    /// The import window, when open.
    pub import: Option<ImportDialog>,
    /// The last brat export, offered as the folder to import.
    pub last_brat: Option<std::path::PathBuf>,
    /// For background threads to ask for a repaint when they report.
    pub(crate) ctx: Option<egui::Context>,
    /// The statistics view's loaded figures and selections.
    pub statistics: statistics::StatisticsState,
}

impl Default for DatasetsState {
    fn default() -> Self {
        Self {
            picker: Arc::new(NativeSavePicker),
            export: None,
            import: None,
            last_brat: None,
            ctx: None,
            statistics: Default::default(),
        }
    }
}

/// Entries of the File menu (export, import), enabled only with a corpus open.
pub fn file_menu_items(ui: &mut egui::Ui, app: &App, actions: &mut Vec<Action>) {
    let open = app.workspace.is_some();
    for (label, action) in [("Export…", DatasetAction::ShowExport), ("Import brat…", DatasetAction::ShowImport)] {
        if ui.add_enabled(open, egui::Button::new(label)).clicked() {
            actions.push(Action::Datasets(action));
            ui.close();
        }
    }
}

/// Under a path field: a spinner while the native dialog is open, then the note
/// explaining why no path came back, if any.
pub(crate) fn dialog_status(ui: &mut egui::Ui, choosing: bool, waiting_for: &str, note: Option<&String>) {
    if choosing {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(format!("waiting for the {waiting_for}…"));
        });
    }
    if let Some(note) = note {
        ui.colored_label(crate::ui::widgets::style::warning(ui), note);
    }
}

/// Shows the statistics view.
pub fn show_statistics(ui: &mut egui::Ui, app: &mut App, actions: &mut Vec<Action>) {
    statistics::show_with(ui, app.workspace.as_mut(), &mut app.datasets.statistics, actions);
}

/// Collects background results, then shows the export and import windows when open.
pub fn show_windows(ctx: &egui::Context, app: &mut App, actions: &mut Vec<Action>) {
    if app.datasets.ctx.is_none() {
        app.datasets.ctx = Some(ctx.clone());
    }
    poll_export(app);
    poll_import(app, actions);
    let state = &mut app.datasets;
    if let Some(dialog) = &mut state.export {
        export_dialog::show(ctx, dialog, actions);
    }
    if let Some(dialog) = &mut state.import {
        import_dialog::show(ctx, dialog, actions);
    }
}

fn poll_export(app: &mut App) {
    let Some(dialog) = &mut app.datasets.export else { return };
    if let Some(answer) = dialog.choosing.as_mut().and_then(|j| j.poll()) {
        dialog.choosing = None;
        match answer {
            Ok(Some(path)) => {
                dialog.path = path.display().to_string();
                dialog.note = None;
                dialog.confirm_replace = false;
            }
            Ok(None) => dialog.note = Some(NO_PATH_CHOSEN.to_owned()),
            Err(e) => dialog.note = Some(e),
        }
    }
    if let Some(result) = dialog.running.as_mut().and_then(|j| j.poll()) {
        dialog.running = None;
        if result.is_ok() && dialog.format == crate::export::Format::Brat {
            app.datasets.last_brat = Some(dialog.path.trim().into());
        }
        dialog.outcome = Some(apply::export_outcome(result));
    }
}

fn poll_import(app: &mut App, actions: &mut Vec<Action>) {
    let Some(dialog) = &mut app.datasets.import else { return };
    if let Some(answer) = dialog.choosing.as_mut().and_then(|j| j.poll()) {
        dialog.choosing = None;
        match answer {
            Ok(Some(path)) => {
                dialog.folder = path.display().to_string();
                dialog.note = None;
            }
            Ok(None) => dialog.note = Some(NO_PATH_CHOSEN.to_owned()),
            Err(e) => dialog.note = Some(e),
        }
    }
    if let Some(result) = dialog.running.as_mut().and_then(|j| j.poll()) {
        dialog.running = None;
        let result = result.map_err(crate::export::ImportError::Unreadable).and_then(|r| r);
        let written = result.as_ref().is_ok_and(|s| !s.written.is_empty());
        dialog.outcome = Some(import_dialog::outcome(result, dialog.annotator.trim()));
        if written && let Some(ws) = &app.workspace {
            actions.push(Action::OpenCorpus(ws.corpus.root.clone()));
            if let Some(index) = ws.current_index() {
                actions.push(Action::OpenDocument(index));
            }
        }
    }
}
