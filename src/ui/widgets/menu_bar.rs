//! The menu bar: file, coding and view commands with their shortcuts, who is coding,
//! and whether the work is on disk.

use egui::RichText;

use super::style::{error, muted, warning};
use crate::ui::action::{Action, Mode};
use crate::ui::app::App;
use crate::ui::save_status::SaveStatus;

/// Shows the menu bar.
pub fn show(ui: &mut egui::Ui, app: &App, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            item(ui, "Open corpus…", "Ctrl+O", Action::ShowOpenCorpus, actions);
            item(ui, "Save", "Ctrl+S", Action::Save, actions);
            crate::ui::datasets::file_menu_items(ui, app, actions);
            item(ui, "Reload from disk", "", Action::Reload, actions);
            ui.separator();
            item(ui, "Change annotator…", "", Action::ChangeAnnotator, actions);
            ui.separator();
            item(ui, "Quit", "", Action::Quit, actions);
        });
        ui.menu_button("Coding", |ui| {
            item(ui, "Undo", "Ctrl+Z", Action::Undo, actions);
            item(ui, "Redo", "Ctrl+Shift+Z", Action::Redo, actions);
            ui.separator();
            item(ui, "Next claim", "J", Action::NextClaim, actions);
            item(ui, "Previous claim", "K", Action::PrevClaim, actions);
            item(ui, "Next document", "N", Action::NextDocument, actions);
            item(ui, "Previous document", "P", Action::PrevDocument, actions);
            ui.separator();
            item(ui, "Mark document done / in progress", "Ctrl+Enter", Action::ToggleDone, actions);
            item(ui, "Find in text", "Ctrl+F", Action::Find, actions);
        });
        ui.menu_button("View", |ui| {
            for (mode, label) in
                [(Mode::Coding, "Coding"), (Mode::Review, "Review disagreement"), (Mode::Statistics, "Statistics")]
            {
                if ui.radio(app.mode == mode, label).clicked() {
                    actions.push(Action::SetMode(mode));
                    ui.close();
                }
            }
            ui.separator();
            item(ui, "Codebook", "", Action::ToggleCodebook, actions);
            item(ui, "Actors", "", Action::ToggleActors, actions);
            item(ui, "Keyboard shortcuts", "F1", Action::ToggleShortcuts, actions);
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(ws) = &app.workspace {
                let status = &ws.save;
                let color = match status {
                    SaveStatus::Saved => muted(ui),
                    SaveStatus::Pending => muted(ui),
                    SaveStatus::Failed { .. } => error(ui),
                    SaveStatus::ReadOnly(_) => warning(ui),
                };
                let short = match status {
                    SaveStatus::Saved => "Saved",
                    SaveStatus::Pending => "Saving…",
                    SaveStatus::Failed { .. } => "Not saved",
                    SaveStatus::ReadOnly(_) => "Read-only",
                };
                ui.label(RichText::new(short).color(color)).on_hover_text(status.label());
                ui.separator();
                if ui
                    .button(RichText::new(ws.annotator.to_string()).strong())
                    .on_hover_text("Coding as this annotator; click to change")
                    .clicked()
                {
                    actions.push(Action::ChangeAnnotator);
                }
                ui.label(RichText::new("Coding as").color(muted(ui)));
            }
        });
    });
}

fn item(ui: &mut egui::Ui, label: &str, shortcut: &str, action: Action, actions: &mut Vec<Action>) {
    if ui.add(egui::Button::new(label).shortcut_text(shortcut)).clicked() {
        actions.push(action);
        ui.close();
    }
}
