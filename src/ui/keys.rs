//! The keyboard, read once per frame before the views run, from the command table:
//! the shortcuts of the current mode's commands, then (coding) the codebook's kind
//! keys that no command shadows. Plain keys act only while the document text (or
//! nothing) has the focus and no modal window is open, so typing in a field never
//! codes a claim; shortcuts with Ctrl/Cmd, F1 and Escape act anywhere.

use std::cmp::Reverse;

use egui::{KeyboardShortcut, Modifiers};

use super::app::App;
use super::coding::CodingIntent;
use super::command::{Command, acts_while_typing, letter_key};
use super::intent::Intent;
use super::mode::Mode;
use super::widgets::text_view::TEXT_ID;

/// The intents the keys pressed this frame ask for.
pub(crate) fn read(ctx: &egui::Context, app: &App) -> Vec<Intent> {
    let focused = ctx.memory(|m| m.focused());
    let typing = ctx.text_edit_focused() && focused != Some(egui::Id::unique(TEXT_ID));
    let blocked = typing || app.has_modal();
    let mode = app.mode;
    let mut bindings: Vec<(KeyboardShortcut, Command)> = Command::ALL
        .iter()
        .filter(|c| c.applies_in(mode))
        .flat_map(|c| c.spec().shortcuts.iter().map(move |s| (*s, *c)))
        .collect();
    // egui matches a shortcut without Shift or Alt also when they are held, so the
    // more specific ones (Ctrl+Shift+Z) must be tried first.
    bindings.sort_by_key(|(s, _)| Reverse(u8::from(s.modifiers.shift) + u8::from(s.modifiers.alt)));
    let kinds: Vec<char> = match mode {
        Mode::Coding => app
            .workspace
            .iter()
            .flat_map(|ws| ws.project.kinds.iter())
            .filter_map(|k| k.key_char())
            .filter(|c| Command::shadowing(mode, *c).is_none())
            .collect(),
        Mode::Review | Mode::Statistics => Vec::new(),
    };
    let mut out = Vec::new();
    ctx.input_mut(|input| {
        for (shortcut, command) in &bindings {
            if blocked && !acts_while_typing(shortcut) {
                continue;
            }
            if input.consume_shortcut(shortcut) {
                out.extend(command.intent(mode));
            }
        }
        if blocked {
            return;
        }
        for c in kinds {
            if let Some(key) = letter_key(c)
                && input.consume_key(Modifiers::NONE, key)
            {
                out.push(CodingIntent::KindKey(c).into());
            }
        }
    });
    out
}
