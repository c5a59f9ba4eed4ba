//! The review mode: reviewing disagreement between annotators and adjudicating into
//! `gold` (FORMAT.md section 5). Choose annotators, open the documents with the
//! least agreement, see every annotator's claims in lanes beside the text, and
//! settle each unit by accepting a version, a merged version, or rejecting it.
//!
//! - [`state`]: the shared dataset, agreement and the document under review, and
//!   the reducer; [`gold`]: decisions written to the gold file (rules in
//!   [`crate::adjudication`]).
//! - [`doc_list`], [`units`], [`lanes`], [`side_by_side`], [`dashboard`]: the panels.

pub mod dashboard;
pub(crate) mod doc_list;
pub(crate) mod gold;
pub(crate) mod lanes;
pub(crate) mod side_by_side;
pub(crate) mod state;
pub(crate) mod units;

use egui::RichText;
pub(crate) use state::{ReviewState, Tab};
pub(crate) use units::LabelFilter;

use crate::adjudication::{Decision, Merge};
use crate::agreement::AgreementReport;
use crate::model::Annotator;
use crate::ui::app::App;
use crate::ui::intent::Intent;
use crate::ui::jobs::Task;
use crate::ui::widgets::style::{error, muted, warning};

/// An intent of the review mode.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewIntent {
    /// Add or remove an annotator from the comparison.
    ToggleAnnotator(Annotator),
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
    /// Change the "Edit merged" choices.
    SetMerge(Merge),
    /// Settle units into gold.
    Decide(Decision),
    /// Undo the last gold change.
    Undo,
    /// Redo the last undone gold change.
    Redo,
    /// Switch between the document and the dashboard.
    SetTab(Tab),
}

/// What the review's views keep between frames (laid-out texts); not app data.
#[derive(Default)]
pub(crate) struct ReviewViews {
    /// The document text with lanes.
    pub(crate) lanes: lanes::LanesCache,
    /// The selected unit's versions.
    pub(crate) versions: side_by_side::VersionViews,
}

/// Shows the review mode below the menu bar.
pub(crate) fn show(ui: &mut egui::Ui, app: &App, caches: &mut ReviewViews, out: &mut Vec<Intent>) {
    if app.workspace.is_none() {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("Review disagreement");
            ui.label("Open a corpus first.");
        });
        return;
    }
    let state = &app.review;
    egui::Panel::left("review-documents")
        .resizable(true)
        .default_size(290.0)
        .min_size(200.0)
        .show(ui, |ui| doc_list::show(ui, app, out));
    if state.tab == Tab::Document && state.current.is_some() {
        egui::Panel::right("review-units")
            .resizable(true)
            .default_size(300.0)
            .min_size(220.0)
            .show(ui, |ui| units::show(ui, state, out));
        egui::Panel::bottom("review-unit").resizable(true).default_size(320.0).min_size(160.0).show(ui, |ui| {
            ui.set_min_height(ui.available_height());
            side_by_side::show(ui, state, app.workspace.as_ref(), &mut caches.versions, out);
        });
    }
    egui::CentralPanel::default().show(ui, |ui| central(ui, app, &mut caches.lanes, out));
}

/// Tabs, messages, then the document text with lanes or the dashboard.
fn central(ui: &mut egui::Ui, app: &App, lanes_cache: &mut lanes::LanesCache, out: &mut Vec<Intent>) {
    let state = &app.review;
    ui.horizontal(|ui| {
        for (tab, label) in [(Tab::Document, "Document"), (Tab::Dashboard, "Dashboard")] {
            if ui.selectable_label(state.tab == tab, label).clicked() && state.tab != tab {
                out.push(ReviewIntent::SetTab(tab).into());
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
    if !state.has_dataset() && app.jobs.is_running(Task::Dataset) {
        crate::ui::widgets::dataset_status::reading(ui, app, out);
        return;
    }
    let Some(report) = &state.report else {
        ui.label(RichText::new("Choose at least two annotators to compare.").color(muted(ui)));
        return;
    };
    if state.tab == Tab::Dashboard {
        if let Some(id) = dashboard(ui, report) {
            out.push(ReviewIntent::OpenDocument(id).into());
            out.push(ReviewIntent::SetTab(Tab::Document).into());
        }
        return;
    }
    if state.current.is_none() {
        ui.label(RichText::new("Choose a document on the left to review it.").color(muted(ui)));
        return;
    }
    let codebook = app.workspace.as_ref().map(|w| w.project.codebook()).unwrap_or_default();
    lanes::show(ui, state, &codebook, lanes_cache);
}

/// The dashboard tab: corpus figures, the kind confusion heatmap and per-document
/// agreement; returns a document the user clicked, which opens in the review.
fn dashboard(ui: &mut egui::Ui, report: &AgreementReport) -> Option<String> {
    egui::ScrollArea::vertical().id_salt("agreement-dashboard").show(ui, |ui| dashboard::show(ui, report)).inner
}
