//! Reviewing disagreement between annotators and adjudicating into `gold`
//! (FORMAT.md section 5): choose annotators, open the documents with the least
//! agreement, see every annotator's claims in lanes beside the text, and settle
//! each unit by accepting a version, a merged version, or rejecting it.
//!
//! - [`state`]: the loaded corpus, agreement and the document under review.
//! - [`adjudicate`]: the gold rules (settled, rejected), pure and unit-tested.
//! - [`gold`]: applying review intents and writing the gold file.
//! - [`doc_list`], [`units`], [`lanes`], [`side_by_side`]: the panels.
//! - [`keys`]: the review's keyboard shortcuts.

pub mod adjudicate;
pub mod dashboard;
pub mod doc_list;
pub mod gold;
pub mod keys;
pub mod lanes;
pub mod side_by_side;
pub mod state;
pub mod units;

pub use state::{ReviewState, Tab};
pub use units::LabelFilter;

use egui::RichText;

use crate::agreement::AgreementReport;
use crate::ui::action::Action;
use crate::ui::app::App;
use crate::ui::widgets::style::{error, muted, warning};

/// An intent of the review view, applied by [`App::apply_review`].
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewAction {
    /// Reload every file from disk.
    Refresh,
    /// Add or remove an annotator from the comparison.
    ToggleAnnotator(crate::model::Annotator),
    /// Sort the document list worst first, or in corpus order.
    ToggleWorstFirst,
    /// Review the document with this id.
    OpenDocument(String),
    /// Select a unit (index into the document's units) and scroll the text to it.
    SelectUnit(Option<usize>),
    /// Select the next shown unit.
    NextUnit,
    /// Select the previous shown unit.
    PrevUnit,
    /// Show or hide the units with this label.
    ToggleFilter(LabelFilter),
    /// Settle a unit with the claim of the annotator in this slot.
    Accept {
        /// The unit.
        unit: usize,
        /// The annotator's position among the chosen ones.
        slot: usize,
    },
    /// Change the "Edit merged" choices.
    SetMerge(adjudicate::Merge),
    /// Settle a unit with the merged version chosen in the form.
    AcceptMerged(usize),
    /// Settle a unit as not a claim.
    Reject(usize),
    /// Settle every unit all annotators agree on with their version.
    AcceptAllAgreed,
    /// Undo the last gold change.
    Undo,
    /// Redo the last undone gold change.
    Redo,
    /// Switch between the document and the dashboard.
    SetTab(Tab),
}

/// Shows the review view below the menu bar.
pub fn show(ui: &mut egui::Ui, app: &mut App, actions: &mut Vec<Action>) {
    let Some(root) = app.workspace.as_ref().map(|w| w.corpus.root.clone()) else {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Review disagreement");
            ui.label("Open a corpus first.");
        });
        return;
    };
    let state = &mut app.review;
    state.ensure_loaded(&root, ui.ctx().cumulative_frame_nr());
    let mut out = Vec::new();
    egui::Panel::left("review-documents")
        .resizable(true)
        .default_size(290.0)
        .min_size(200.0)
        .show(ui, |ui| doc_list::show(ui, state, &mut out));
    if state.tab == Tab::Document && state.current.is_some() {
        egui::Panel::right("review-units")
            .resizable(true)
            .default_size(300.0)
            .min_size(220.0)
            .show(ui, |ui| units::show(ui, state, &mut out));
        egui::Panel::bottom("review-unit").resizable(true).default_size(320.0).min_size(160.0).show(ui, |ui| {
            ui.set_min_height(ui.available_height());
            side_by_side::show(ui, state, &app.workspace, &mut out);
        });
    }
    egui::CentralPanel::default().show(ui, |ui| central(ui, app, &mut out));
    actions.extend(out.into_iter().map(Action::Review));
}

/// Tabs, messages, then the document text with lanes or the dashboard.
fn central(ui: &mut egui::Ui, app: &mut App, out: &mut Vec<ReviewAction>) {
    let state = &mut app.review;
    ui.horizontal(|ui| {
        for (tab, label) in [(Tab::Document, "Document"), (Tab::Dashboard, "Dashboard")] {
            if ui.selectable_label(state.tab == tab, label).clicked() && state.tab != tab {
                out.push(ReviewAction::SetTab(tab));
            }
        }
    });
    if let Some(e) = &state.load_error {
        ui.colored_label(warning(ui), format!("Some files could not be read: {e}"));
    }
    if let Some(e) = &state.save_error {
        ui.colored_label(error(ui), format!("Gold was not saved: {e}. Press Refresh to reload it."));
    }
    ui.separator();
    let Some(report) = &state.report else {
        ui.label(RichText::new("Choose at least two annotators to compare.").color(muted(ui)));
        return;
    };
    if state.tab == Tab::Dashboard {
        if let Some(id) = dashboard(ui, report) {
            out.push(ReviewAction::OpenDocument(id));
            out.push(ReviewAction::SetTab(Tab::Document));
        }
        return;
    }
    if state.current.is_none() {
        ui.label(RichText::new("Choose a document on the left to review it.").color(muted(ui)));
        return;
    }
    let codebook = app.workspace.as_ref().map(|w| w.project.codebook()).unwrap_or_default();
    lanes::show(ui, state, &codebook);
}

/// The dashboard tab: corpus figures, the kind confusion heatmap and per-document
/// agreement; returns a document the user clicked, which opens in the review.
fn dashboard(ui: &mut egui::Ui, report: &AgreementReport) -> Option<String> {
    egui::ScrollArea::vertical().id_salt("agreement-dashboard").show(ui, |ui| dashboard::show(ui, report)).inner
}

impl App {
    /// Applies a review intent.
    pub(crate) fn apply_review(&mut self, action: ReviewAction) {
        let registry = self.workspace.as_ref().map(|w| w.project.actors.clone()).unwrap_or_default();
        let root = self.workspace.as_ref().map(|w| w.corpus.root.clone());
        let state = &mut self.review;
        match action {
            ReviewAction::Refresh => {
                if let Some(root) = root {
                    state.load(&root);
                }
            }
            ReviewAction::ToggleAnnotator(a) => {
                if !state.chosen.contains(&a) {
                    state.chosen.push(a);
                } else {
                    state.chosen.retain(|c| *c != a);
                }
                state.chosen.sort();
                state.recompute();
            }
            ReviewAction::ToggleWorstFirst => state.worst_first = !state.worst_first,
            ReviewAction::OpenDocument(id) => state.open(&id),
            ReviewAction::SelectUnit(unit) => state.select(unit),
            ReviewAction::NextUnit => state.step_unit(true),
            ReviewAction::PrevUnit => state.step_unit(false),
            ReviewAction::ToggleFilter(f) => {
                if !state.hidden.remove(&f) {
                    state.hidden.insert(f);
                }
            }
            ReviewAction::SetMerge(m) => state.merge = m,
            ReviewAction::SetTab(tab) => state.tab = tab,
            ReviewAction::Undo => state.undo_gold(&registry, true),
            ReviewAction::Redo => state.undo_gold(&registry, false),
            adjudication => state.adjudicate(&adjudication, &registry),
        }
    }
}
