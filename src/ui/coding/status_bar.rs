//! The bottom bar: the open document's status with its toggle, and the last notice.

use egui::RichText;

use super::CodingIntent;
use crate::coding::Workspace;
use crate::model::Status;
use crate::ui::command::Command;
use crate::ui::intent::Intent;
use crate::ui::widgets::style::{muted, warning};

/// Shows the status bar.
pub(crate) fn show(ui: &mut egui::Ui, ws: &Workspace, out: &mut Vec<Intent>) {
    ui.horizontal(|ui| {
        if let Some(open) = &ws.open {
            let status = open.loaded.file.status;
            let entry = &ws.corpus.documents[open.index];
            ui.label(RichText::new(&entry.id).color(muted(ui)));
            ui.separator();
            let done = status == Status::Done;
            let label = if done { "Done (click to reopen)" } else { "Mark document done" };
            let hover = Command::ToggleDone.shortcut_text(ui.ctx()).unwrap_or_default();
            if ui.add(egui::Button::selectable(done, label)).on_hover_text(hover).clicked() {
                out.push(CodingIntent::ToggleDone.into());
            }
            let n = open.claims().len();
            let count = if n == 1 { "1 claim".to_owned() } else { format!("{n} claims") };
            ui.label(RichText::new(count).color(muted(ui)));
        }
        if let Some(notice) = &ws.notice {
            ui.separator();
            ui.label(RichText::new(notice).color(warning(ui)));
            if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                out.push(CodingIntent::DismissNotice.into());
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let keys = Command::ToggleShortcuts.shortcut_text(ui.ctx()).unwrap_or_default();
            ui.label(RichText::new(format!("{keys}: shortcuts")).color(muted(ui)));
        });
    });
}
