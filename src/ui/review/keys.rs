//! Keyboard shortcuts while reviewing. They replace the coding keys in review mode,
//! so letter keys never change the coding view's document unseen.

use egui::{Key, Modifiers};

use super::ReviewAction;
use crate::ui::action::Action;

/// The review's shortcuts as the help window lists them.
pub const REVIEW_SHORTCUTS: &[(&str, &str)] = &[
    ("J / K", "next / previous unit"),
    ("Ctrl+Z / Ctrl+Shift+Z", "undo / redo the last gold change"),
    ("Escape", "clear the unit selection"),
    ("F1 or ?", "show these shortcuts"),
];

/// The actions the keys pressed this frame ask for in review mode; letter keys
/// only when no text field has the keyboard (`typing`).
pub fn read(ctx: &egui::Context, typing: bool) -> Vec<Action> {
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        let cmd = Modifiers::COMMAND;
        if i.consume_key(cmd | Modifiers::SHIFT, Key::Z) || i.consume_key(cmd, Key::Y) {
            out.push(Action::Review(ReviewAction::Redo));
        }
        if i.consume_key(cmd, Key::Z) {
            out.push(Action::Review(ReviewAction::Undo));
        }
        if i.consume_key(cmd, Key::O) {
            out.push(Action::ShowOpenCorpus);
        }
        if i.consume_key(Modifiers::NONE, Key::F1) {
            out.push(Action::ToggleShortcuts);
        }
        if i.consume_key(Modifiers::NONE, Key::Escape) {
            out.push(Action::Review(ReviewAction::SelectUnit(None)));
        }
        if typing {
            return;
        }
        if i.consume_key(Modifiers::SHIFT, Key::Questionmark) || i.consume_key(Modifiers::NONE, Key::Questionmark) {
            out.push(Action::ToggleShortcuts);
        }
        if i.consume_key(Modifiers::NONE, Key::J) {
            out.push(Action::Review(ReviewAction::NextUnit));
        }
        if i.consume_key(Modifiers::NONE, Key::K) {
            out.push(Action::Review(ReviewAction::PrevUnit));
        }
    });
    out
}
