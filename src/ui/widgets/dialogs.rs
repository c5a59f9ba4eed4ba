//! Small windows: "Who is coding?", "Open corpus", and the warning shown when the
//! window is closed with work that could not be saved.

use egui::RichText;

use super::style::{error, muted};
use crate::ui::action::Action;

/// The "Who is coding?" prompt.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnnotatorPrompt {
    /// The name typed.
    pub name: String,
    /// Why the last name was refused.
    pub error: Option<String>,
    /// Frames spent giving the name field the keyboard focus (see [`keep_focus`]).
    pub focus_tries: u8,
}

/// The "Open corpus" window.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpenCorpus {
    /// The path typed.
    pub path: String,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// Frames spent giving the path field the keyboard focus (see [`keep_focus`]).
    pub focus_tries: u8,
}

/// Gives a dialog's field the keyboard focus when it opens, so the user can type at
/// once. A request made while a new window is still being sized is dropped, and an
/// idle app draws no further frame, so it asks again (with a repaint) for a few frames.
fn keep_focus(field: &egui::Response, tries: &mut u8) {
    if !field.has_focus() && *tries < 5 {
        field.request_focus();
        field.ctx.request_repaint();
        *tries += 1;
    }
}

/// Shows the annotator prompt as a modal.
pub fn annotator_prompt(ctx: &egui::Context, prompt: &mut AnnotatorPrompt, actions: &mut Vec<Action>) {
    egui::Modal::new(egui::Id::unique("who-is-coding")).show(ctx, |ui| {
        ui.set_width(380.0);
        let heading = ui.heading("Who is coding?");
        ui.label("Your name goes into the file names of your annotations, so that coders never overwrite each other.");
        let field = ui
            .add(egui::TextEdit::singleline(&mut prompt.name).hint_text("e.g. alice").desired_width(f32::INFINITY))
            .labelled_by(heading.id);
        keep_focus(&field, &mut prompt.focus_tries);
        ui.label(RichText::new("Lower-case letters, digits, '-' and '_'; up to 32 characters.").color(muted(ui)));
        if let Some(e) = &prompt.error {
            ui.colored_label(error(ui), e);
        }
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Start coding").clicked() || enter {
            actions.push(Action::SetAnnotator(prompt.name.clone()));
        }
    });
}

/// What the "Open corpus" window asks for.
pub enum OpenCorpusRequest {
    /// Nothing this frame.
    None,
    /// Open the typed path.
    Open(String),
    /// Show the native folder dialog.
    Browse,
    /// Close the window.
    Cancel,
}

/// Shows the "Open corpus" window.
pub fn open_corpus(ctx: &egui::Context, dialog: &mut OpenCorpus, browsing: bool) -> OpenCorpusRequest {
    let mut request = OpenCorpusRequest::None;
    egui::Modal::new(egui::Id::unique("open-corpus")).show(ctx, |ui| {
        ui.set_width(480.0);
        let heading = ui.heading("Open corpus");
        ui.label("A corpus is a folder of plain-text (.txt) articles; annotations are saved beside them.");
        let field = ui
            .add(egui::TextEdit::singleline(&mut dialog.path).hint_text("/path/to/corpus").desired_width(f32::INFINITY))
            .labelled_by(heading.id);
        keep_focus(&field, &mut dialog.focus_tries);
        if let Some(e) = &dialog.error {
            ui.colored_label(error(ui), e);
        }
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            if ui.button("Open").clicked() || enter {
                request = OpenCorpusRequest::Open(dialog.path.clone());
            }
            if ui.add_enabled(!browsing, egui::Button::new("Browse…")).clicked() {
                request = OpenCorpusRequest::Browse;
            }
            if browsing {
                ui.spinner();
                ui.label("waiting for the folder dialog…");
            }
            if ui.button("Cancel").clicked() {
                request = OpenCorpusRequest::Cancel;
            }
        });
    });
    request
}

/// What the close warning asks for.
pub enum CloseChoice {
    /// Nothing yet.
    None,
    /// Keep the window open (and keep retrying the save).
    Stay,
    /// Close and lose the unsaved changes.
    Discard,
}

/// The warning shown when closing would lose work.
pub fn confirm_close(ctx: &egui::Context, reason: &str) -> CloseChoice {
    let mut choice = CloseChoice::None;
    egui::Modal::new(egui::Id::unique("confirm-close")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading("Your last changes are not saved");
        ui.colored_label(error(ui), reason);
        ui.label("Keep the window open to let the save be retried (or fix the cause), or quit and lose those changes.");
        ui.horizontal(|ui| {
            if ui.button("Keep working").clicked() {
                choice = CloseChoice::Stay;
            }
            if ui.button("Quit without saving").clicked() {
                choice = CloseChoice::Discard;
            }
        });
    });
    choice
}
