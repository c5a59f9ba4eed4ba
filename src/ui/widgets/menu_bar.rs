//! The menu bar, derived from the command table: File, the current mode's commands
//! and View, each item with its shortcut as this platform writes it and greyed out
//! when it cannot act now; then who is coding and whether the work is on disk.

use egui::RichText;

use super::style::{error, muted, warning};
use crate::coding::SaveStatus;
use crate::ui::app::App;
use crate::ui::command::{Command, Menu};
use crate::ui::intent::{AppIntent, Intent};

/// Shows the menu bar.
pub(crate) fn show(ui: &mut egui::Ui, app: &App, out: &mut Vec<Intent>) {
    egui::MenuBar::new().ui(ui, |ui| {
        menu(ui, app, Menu::File, "File", out);
        menu(ui, app, Menu::Mode, app.mode.label(), out);
        menu(ui, app, Menu::View, "View", out);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(ws) = &app.workspace {
                let status = &ws.save;
                let (short, color) = match status {
                    SaveStatus::Saved => ("Saved", muted(ui)),
                    SaveStatus::Pending => ("Saving…", muted(ui)),
                    SaveStatus::Failed { .. } => ("Not saved", error(ui)),
                    SaveStatus::ReadOnly(_) => ("Read-only", warning(ui)),
                };
                ui.label(RichText::new(short).color(color)).on_hover_text(status.label());
                ui.separator();
                if ui
                    .button(RichText::new(ws.annotator.to_string()).strong())
                    .on_hover_text("Coding as this annotator; click to change")
                    .clicked()
                {
                    out.push(AppIntent::ChangeAnnotator.into());
                }
                ui.label(RichText::new("Coding as").color(muted(ui)));
            }
        });
    });
}

/// One menu: the commands of the table that it lists and that apply in the current
/// mode, in table order, with a line between groups.
fn menu(ui: &mut egui::Ui, app: &App, which: Menu, title: &str, out: &mut Vec<Intent>) {
    let items: Vec<(Command, u8)> = Command::ALL
        .iter()
        .filter(|c| c.applies_in(app.mode))
        .filter_map(|c| c.spec().menu.filter(|(m, _)| *m == which).map(|(_, group)| (*c, group)))
        .collect();
    if items.is_empty() {
        return;
    }
    ui.menu_button(title, |ui| {
        let mut last_group = None;
        for (command, group) in items {
            if last_group.is_some_and(|g| g != group) {
                ui.separator();
            }
            last_group = Some(group);
            item(ui, app, command, out);
        }
    });
}

fn item(ui: &mut egui::Ui, app: &App, command: Command, out: &mut Vec<Intent>) {
    let spec = command.spec();
    let clicked = match (command.shows_mode(), command.chooses_theme()) {
        (Some(mode), _) => ui.radio(app.mode == mode, spec.text).on_hover_text(spec.tooltip).clicked(),
        (None, Some(theme)) => ui.radio(app.settings.theme == theme, spec.text).on_hover_text(spec.tooltip).clicked(),
        (None, None) if command == Command::ToggleSuggestions => {
            let mut shown = !app.settings.hide_suggestions;
            ui.checkbox(&mut shown, spec.text).on_hover_text(spec.tooltip).clicked()
        }
        (None, None) => {
            let mut button = egui::Button::new(spec.text);
            if let Some(keys) = command.shortcut_text(ui.ctx()) {
                button = button.shortcut_text(keys);
            }
            ui.add_enabled(app.is_enabled(command), button)
                .on_hover_text(spec.tooltip)
                .on_disabled_hover_text(spec.tooltip)
                .clicked()
        }
    };
    if clicked {
        out.extend(command.intent(app.mode));
        ui.close();
    }
}
