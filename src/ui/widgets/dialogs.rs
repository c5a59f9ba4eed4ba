//! Small windows: "Who is coding?", "Open corpus", and the warning shown when the
//! window is closed with work that could not be saved.

use egui::RichText;

use super::style::{error, muted};
use crate::ui::intent::{AppIntent, Intent};

/// The "Who is coding?" prompt.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct AnnotatorPrompt {
    /// The name typed.
    pub(crate) name: String,
    /// Why the last name was refused.
    pub(crate) error: Option<String>,
}

/// The "Open corpus" window.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct OpenCorpus {
    /// The path typed.
    pub(crate) path: String,
    /// Why the last attempt failed.
    pub(crate) error: Option<String>,
}

/// Gives a dialog's field the keyboard focus when it opens, so the user can type at
/// once. A request made while a new window is still being sized is dropped, and an
/// idle app draws no further frame, so it asks again (with a repaint) for a few
/// frames. The tries are counted in egui's memory and start again when the field
/// was not shown on the previous frame (the dialog was closed and opened again).
fn keep_focus(field: &egui::Response) {
    let key = field.id.with("focus-tries");
    let frame = field.ctx.cumulative_frame_nr();
    let (seen, tries) = field.ctx.data(|d| d.get_temp::<(u64, u8)>(key)).unwrap_or((0, 0));
    let tries = if seen + 1 < frame { 0 } else { tries };
    let tries = if !field.has_focus() && tries < 5 {
        field.request_focus();
        field.ctx.request_repaint();
        tries + 1
    } else {
        tries
    };
    field.ctx.data_mut(|d| d.insert_temp(key, (frame, tries)));
}

/// Shows the annotator prompt as a modal.
pub(crate) fn annotator_prompt(ctx: &egui::Context, prompt: &AnnotatorPrompt, out: &mut Vec<Intent>) {
    egui::Modal::new(egui::Id::unique("who-is-coding")).show(ctx, |ui| {
        ui.set_width(380.0);
        let heading = ui.heading("Who is coding?");
        ui.label("Your name goes into the file names of your annotations, so that coders never overwrite each other.");
        let mut name = prompt.name.clone();
        let field = ui
            .add(egui::TextEdit::singleline(&mut name).hint_text("e.g. alice").desired_width(f32::INFINITY))
            .labelled_by(heading.id);
        keep_focus(&field);
        if name != prompt.name {
            out.push(AppIntent::EditAnnotatorName(name.clone()).into());
        }
        ui.label(RichText::new("Lower-case letters, digits, '-' and '_'; up to 32 characters.").color(muted(ui)));
        if let Some(e) = &prompt.error {
            ui.colored_label(error(ui), e);
        }
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Start coding").clicked() || enter {
            out.push(AppIntent::SetAnnotator(name).into());
        }
    });
}

/// Shows the "Open corpus" window; `browsing` while the desktop's dialog is open.
pub(crate) fn open_corpus(ctx: &egui::Context, dialog: &OpenCorpus, browsing: bool, out: &mut Vec<Intent>) {
    egui::Modal::new(egui::Id::unique("open-corpus")).show(ctx, |ui| {
        ui.set_width(480.0);
        let heading = ui.heading("Open corpus");
        ui.label("A corpus is a folder of plain-text (.txt) articles; annotations are saved beside them.");
        let mut path = dialog.path.clone();
        let field = ui
            .add(egui::TextEdit::singleline(&mut path).hint_text("/path/to/corpus").desired_width(f32::INFINITY))
            .labelled_by(heading.id);
        keep_focus(&field);
        if path != dialog.path {
            out.push(AppIntent::EditCorpusPath(path.clone()).into());
        }
        if let Some(e) = &dialog.error {
            ui.colored_label(error(ui), e);
        }
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            if ui.button("Open").clicked() || enter {
                out.push(AppIntent::OpenCorpus(path.trim().into()).into());
            }
            if ui.add_enabled(!browsing, egui::Button::new("Browse…")).clicked() {
                out.push(AppIntent::BrowseForCorpus.into());
            }
            if browsing {
                ui.spinner();
                ui.label("waiting for the folder dialog…");
            }
            if ui.button("Cancel").clicked() {
                out.push(AppIntent::CloseOpenCorpus.into());
            }
        });
    });
}

/// The warning shown when closing would lose work.
pub(crate) fn confirm_close(ctx: &egui::Context, reason: &str, out: &mut Vec<Intent>) {
    egui::Modal::new(egui::Id::unique("confirm-close")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading("Your last changes are not saved");
        ui.colored_label(error(ui), reason);
        ui.label("Keep the window open to let the save be retried (or fix the cause), or quit and lose those changes.");
        ui.horizontal(|ui| {
            if ui.button("Keep working").clicked() {
                out.push(AppIntent::KeepWorking.into());
            }
            if ui.button("Quit without saving").clicked() {
                out.push(AppIntent::QuitWithoutSaving.into());
            }
        });
    });
}
