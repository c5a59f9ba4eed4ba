//! Keyboard shortcuts, read once per frame before the widgets run. Letter keys act
//! only when the document text (or nothing) has focus, so typing in a field never
//! codes a claim.

use egui::{Key, Modifiers};

use super::text_view::TEXT_ID;
use crate::ui::action::Action;
use crate::ui::app::App;

/// The actions the keys pressed this frame ask for.
pub fn read(ctx: &egui::Context, app: &App) -> Vec<Action> {
    let mut out = Vec::new();
    let focused = ctx.memory(|m| m.focused());
    let typing = ctx.text_edit_focused() && focused != Some(egui::Id::unique(TEXT_ID));
    let modal = app.dialogs.annotator_prompt.is_some() || app.dialogs.confirm_close.is_some();
    if app.mode == crate::ui::action::Mode::Review {
        return crate::ui::review::keys::read(ctx, typing || modal);
    }
    ctx.input_mut(|i| {
        let cmd = Modifiers::COMMAND;
        if i.consume_key(cmd | Modifiers::SHIFT, Key::Z) || i.consume_key(cmd, Key::Y) {
            out.push(Action::Redo);
        }
        if i.consume_key(cmd, Key::Z) {
            out.push(Action::Undo);
        }
        if i.consume_key(cmd, Key::S) {
            out.push(Action::Save);
        }
        if i.consume_key(cmd, Key::F) {
            out.push(Action::Find);
        }
        if i.consume_key(cmd, Key::O) {
            out.push(Action::ShowOpenCorpus);
        }
        if i.consume_key(cmd, Key::Enter) {
            out.push(Action::ToggleDone);
        }
        if i.consume_key(Modifiers::NONE, Key::F1) {
            out.push(Action::ToggleShortcuts);
        }
        if i.consume_key(Modifiers::NONE, Key::Escape) {
            out.push(Action::Escape);
        }
        if typing || modal {
            return;
        }
        if i.consume_key(Modifiers::SHIFT, Key::Questionmark) || i.consume_key(Modifiers::NONE, Key::Questionmark) {
            out.push(Action::ToggleShortcuts);
        }
        let plain = [
            (Key::J, Action::NextClaim),
            (Key::K, Action::PrevClaim),
            (Key::N, Action::NextDocument),
            (Key::P, Action::PrevDocument),
            (Key::S, Action::MarkSourceMention),
            (Key::Q, Action::MarkCue),
            (Key::X, Action::SpanToSelection),
            (Key::Delete, Action::DeleteSelected),
        ];
        for (key, action) in plain {
            if i.consume_key(Modifiers::NONE, key) {
                out.push(action);
            }
        }
        if i.consume_key(Modifiers::NONE, Key::W)
            && let Some(id) = app.workspace.as_ref().and_then(|w| w.open.as_ref()).and_then(|o| o.selected)
        {
            out.push(Action::SnapToWords(id));
        }
        if let Some(ws) = &app.workspace {
            for kind in &ws.project.kinds {
                if let Some(c) = kind.key_char()
                    && let Some(key) = Key::from_name(&c.to_string())
                    && i.consume_key(Modifiers::NONE, key)
                {
                    out.push(Action::KindKey(c));
                }
            }
        }
    });
    out
}
