//! The bottom bar: the open document's status with its toggle, and the last notice.

use egui::RichText;

use super::style::{muted, warning};
use crate::model::Status;
use crate::ui::action::Action;
use crate::ui::workspace::Workspace;

/// Shows the status bar.
pub fn show(ui: &mut egui::Ui, ws: &mut Workspace, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        if let Some(open) = &ws.open {
            let status = open.loaded.file.status;
            let entry = &ws.corpus.documents[open.index];
            ui.label(RichText::new(&entry.id).color(muted(ui)));
            ui.separator();
            let done = status == Status::Done;
            let label = if done { "Done (click to reopen)" } else { "Mark document done" };
            if ui.add(egui::Button::selectable(done, label)).on_hover_text("Ctrl+Enter").clicked() {
                actions.push(Action::ToggleDone);
            }
            let n = open.claims().len();
            let count = if n == 1 { "1 claim".to_owned() } else { format!("{n} claims") };
            ui.label(RichText::new(count).color(muted(ui)));
        }
        if let Some(notice) = ws.notice.clone() {
            ui.separator();
            ui.label(RichText::new(notice).color(warning(ui)));
            if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                ws.notice = None;
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new("F1: shortcuts").color(muted(ui)));
        });
    });
}
