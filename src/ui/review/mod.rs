//! Reviewing disagreement between annotators and adjudicating into `gold`
//! (FORMAT.md section 5).

pub mod dashboard;

use crate::ui::action::Action;
use crate::ui::app::App;

/// An intent of the review view, applied by [`App::apply_review`].
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewAction {}

/// The review view's state.
#[derive(Default)]
pub struct ReviewState {}

/// Shows the review view.
pub fn show(ui: &mut egui::Ui, _app: &mut App, _actions: &mut Vec<Action>) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading("Review disagreement");
    });
}

impl App {
    /// Applies a review intent.
    pub(crate) fn apply_review(&mut self, action: ReviewAction) {
        match action {}
    }
}
