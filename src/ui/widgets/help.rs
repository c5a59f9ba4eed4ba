//! The F1 window: every shortcut of the current mode, from the command table, with
//! the codebook's kind keys first in the coding mode.

use egui::RichText;

use super::style::{muted, warning};
use crate::ui::app::App;
use crate::ui::command::Command;
use crate::ui::intent::{AppIntent, Intent};
use crate::ui::mode::Mode;

/// Shows the shortcuts window.
pub(crate) fn show(ctx: &egui::Context, app: &App, out: &mut Vec<Intent>) {
    let mut open = true;
    egui::Window::new("Keyboard shortcuts").open(&mut open).default_width(560.0).show(ctx, |ui| {
        ui.label(RichText::new(format!("{} mode", app.mode.label())).strong());
        egui::Grid::new("shortcuts").num_columns(2).striped(true).show(ui, |ui| {
            if app.mode == Mode::Coding
                && let Some(ws) = &app.workspace
            {
                for kind in &ws.project.kinds {
                    ui.label(RichText::new(&kind.key).strong().monospace());
                    let shadowed = kind.key_char().and_then(|c| Command::shadowing(Mode::Coding, c));
                    match shadowed {
                        None => ui.label(format!(
                            "Code the selected text as {} (with no selection: re-kind the selected claim)",
                            kind.label
                        )),
                        Some(c) => ui.colored_label(
                            warning(ui),
                            format!("{}: this key is taken by \"{}\"", kind.label, c.spec().text),
                        ),
                    };
                    ui.end_row();
                }
            }
            for command in Command::ALL.iter().filter(|c| c.applies_in(app.mode) && !c.spec().shortcuts.is_empty()) {
                let spec = command.spec();
                ui.label(RichText::new(command.all_shortcuts_text(ui.ctx())).strong().monospace());
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(spec.text).strong());
                    ui.label(RichText::new(spec.tooltip).color(muted(ui)));
                });
                ui.end_row();
            }
        });
        ui.label(RichText::new("Letter keys act while the text (not a text field) has focus.").color(muted(ui)));
    });
    if !open {
        out.push(AppIntent::ToggleShortcuts.into());
    }
}
