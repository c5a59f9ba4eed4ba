//! The keyboard, read once per frame before the views run, from the command table:
//! the shortcuts of the current mode's commands, then (coding) the digits that pick
//! a choice of the claim field `F` reached, then the codebook's kind keys that no
//! command shadows. Plain keys act only while the document text (or
//! nothing) has the focus and no modal window is open, so typing in a field never
//! codes a claim; shortcuts with Ctrl/Cmd, F1 and Escape act anywhere. Tab and
//! Shift+Tab go to suggestions rather than move the focus, unless a field has it.

use std::cmp::Reverse;

use egui::{KeyboardShortcut, Modifiers};

use super::app::App;
use super::coding::CodingIntent;
use super::coding::text::TEXT_ID;
use super::command::{Command, acts_while_typing, letter_key};
use super::intent::Intent;
use super::mode::Mode;

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
    // Digits pick a choice of the claim field `F` reached (a Category or Scale).
    let choices = match mode {
        Mode::Coding => app
            .workspace
            .as_ref()
            .and_then(|ws| app.coding.inspector.fields.choice_field(&ws.project))
            .map_or(0, |f| f.values.len().min(9)),
        Mode::Review | Mode::Statistics => 0,
    };
    let mut out = Vec::new();
    let mut tab = false;
    ctx.input_mut(|input| {
        for (shortcut, command) in &bindings {
            if blocked && !acts_while_typing(shortcut) {
                continue;
            }
            if input.consume_shortcut(shortcut) {
                out.extend(command.intent(mode));
                tab |= shortcut.logical_key == egui::Key::Tab;
            }
        }
        if blocked {
            return;
        }
        for n in 1..=choices {
            if let Some(key) = char::from_digit(n as u32, 10).and_then(letter_key)
                && input.consume_key(Modifiers::NONE, key)
            {
                out.push(CodingIntent::PickChoice(n).into());
            }
        }
        for c in kinds {
            if let Some(key) = letter_key(c)
                && input.consume_key(Modifiers::NONE, key)
            {
                out.push(CodingIntent::KindKey(c).into());
            }
        }
    });
    if tab {
        // egui moves the focus on Tab when the pass begins; the keys it found went to
        // a command here, so the focus stays on (or goes to) the text.
        ctx.memory_mut(|m| {
            m.move_focus(egui::FocusDirection::None);
            m.request_focus(egui::Id::unique(TEXT_ID));
        });
    }
    out
}
