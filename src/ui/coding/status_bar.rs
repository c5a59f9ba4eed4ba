//! The bottom bar: the open document's status with its toggle, its suggestions,
//! and the last notice.

use egui::RichText;

use super::CodingIntent;
use super::panels::{Panel, Panels};
use crate::coding::Workspace;
use crate::model::Status;
use crate::ui::command::Command;
use crate::ui::intent::Intent;
use crate::ui::widgets::style::{muted, warning};

/// Shows the status bar.
pub(crate) fn show(ui: &mut egui::Ui, ws: &Workspace, panels: &Panels, out: &mut Vec<Intent>) {
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
            suggestions(ui, ws, open);
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
            for (panel, command) in
                [(Panel::Inspector, Command::ToggleInspector), (Panel::Documents, Command::ToggleDocumentList)]
            {
                let spec = command.spec();
                let hover = format!("{} ({})", spec.tooltip, command.shortcut_text(ui.ctx()).unwrap_or_default());
                if ui.add(egui::Button::selectable(panels.shows(panel), spec.text)).on_hover_text(hover).clicked() {
                    out.push(CodingIntent::TogglePanel(panel).into());
                }
            }
        });
    });
}

/// How many suggestions are offered and where from, or why there are none.
fn suggestions(ui: &mut egui::Ui, ws: &Workspace, open: &crate::coding::OpenDocument) {
    use crate::coding::suggestions::{Origin, Suggestions};
    if !ws.suggestions_shown {
        return;
    }
    ui.separator();
    match &open.suggestions {
        Suggestions::Pending => {
            ui.label(RichText::new("Reading suggestions…").color(muted(ui)));
        }
        Suggestions::Failed(why) => {
            ui.label(RichText::new(why).color(warning(ui)));
        }
        Suggestions::Ready { origin, .. } => {
            let n = open.live_suggestions().len();
            let from = match origin {
                Origin::Builtin => "built-in rules".to_owned(),
                Origin::File(path) => path.file_name().map_or_else(String::new, |f| f.to_string_lossy().into_owned()),
            };
            let text = if n == 1 { "1 suggestion".to_owned() } else { format!("{n} suggestions") };
            let keys = Command::NextSuggestion.shortcut_text(ui.ctx()).unwrap_or_default();
            ui.label(RichText::new(text).color(muted(ui)))
                .on_hover_text(format!("From {from}. {keys} goes to the next one, Enter accepts, Backspace rejects."));
        }
    }
}
