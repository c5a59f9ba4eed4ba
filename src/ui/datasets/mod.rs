//! Datasets from the app: export and brat import dialogs, and the statistics view.

pub mod statistics;

use crate::ui::action::Action;
use crate::ui::app::App;

/// An intent of the export, import and statistics views.
#[derive(Clone, Debug, PartialEq)]
pub enum DatasetAction {}

/// The views' state.
#[derive(Default)]
pub struct DatasetsState {}

/// Entries of the File menu (export, import).
pub fn file_menu_items(_ui: &mut egui::Ui, _actions: &mut Vec<Action>) {}

/// Shows the statistics view.
pub fn show_statistics(ui: &mut egui::Ui, app: &mut App, actions: &mut Vec<Action>) {
    statistics::show(ui, app, actions);
}

/// Shows the export and import windows when open.
pub fn show_windows(_ctx: &egui::Context, _app: &mut App, _actions: &mut Vec<Action>) {}

impl App {
    /// Applies a datasets intent.
    pub(crate) fn apply_datasets(&mut self, action: DatasetAction) {
        match action {}
    }
}
