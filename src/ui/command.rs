//! Every command of the app in one table (modelled on the rerun viewer's
//! `UICommand`): its text, tooltip, keyboard shortcuts, the modes it applies in and
//! where the menus show it. The menus, the F1 help, the key handling of every mode
//! and the letters a codebook's kind keys must avoid are all derived from here, so
//! they cannot drift apart. A new command is a variant and one arm of
//! [`Command::spec`]; the compiler and the tests below do the rest.
//!
//! Shortcuts are egui [`KeyboardShortcut`]s and are shown with
//! [`egui::Context::format_shortcut`], so macOS shows Cmd where others show Ctrl.
//! Plain keys (letters, digits, Tab, Enter, Backspace, Delete, PageUp, Home, and
//! Ctrl+Home, which moves a text cursor) act only while the document text has the
//! focus ([`acts_while_typing`]), so they never take a field's keys; keys with Ctrl
//! or Cmd, function keys and Escape act anywhere. A choice among several values (the
//! mode today, a theme tomorrow) is one command per value, shown as a radio item.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::mode::Mode;
use crate::model::{Codebook, CodebookError, ReservedKey};

/// A user command, without payload: what it acts on (the selected claim, the text
/// selection, the current unit) is read from the state when it is applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Show the "Open corpus" window.
    OpenCorpus,
    /// Save the open document now.
    Save,
    /// Show the export window.
    Export,
    /// Show the brat import window.
    ImportBrat,
    /// Show the Import articles window.
    ImportArticles,
    /// Read the open document and its annotations again.
    Reload,
    /// Convert the current text from a legacy encoding to UTF-8.
    ConvertToUtf8,
    /// Ask "Who is coding?" again.
    ChangeAnnotator,
    /// Open the codebook window as the editor.
    EditCodebook,
    /// Save and close the window.
    Quit,
    /// Undo the last change of the mode's data.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Mark the text selection as the selected claim's source mention.
    MarkSourceMention,
    /// Mark the text selection as the selected claim's cue.
    MarkCue,
    /// Set the selected claim's content to the text selection.
    SpanToSelection,
    /// Snap the selected claim to word edges.
    SnapToWords,
    /// Delete the selected claim.
    DeleteClaim,
    /// Move the keyboard to the selected claim's next field (digits then pick a choice).
    NextField,
    /// Toggle the open document between done and in progress.
    ToggleDone,
    /// Open the find bar.
    Find,
    /// Select the next claim both you and another program changed.
    NextConflict,
    /// Keep the other program's version of the current conflict.
    KeepTheirs,
    /// Put your version of the current conflict's claim into the file.
    TakeMine,
    /// Select the next suggested claim in the text.
    NextSuggestion,
    /// Select the previous suggested claim in the text.
    PrevSuggestion,
    /// Code the selected suggestion as your claim.
    AcceptSuggestion,
    /// Reject the selected suggestion, so it is never offered again.
    RejectSuggestion,
    /// Select the next claim in text order.
    NextClaim,
    /// Select the previous claim in text order.
    PrevClaim,
    /// Open the next document of the list.
    NextDocument,
    /// Open the previous document of the list.
    PrevDocument,
    /// Select the next unit of the document under review.
    NextUnit,
    /// Select the previous unit of the document under review.
    PrevUnit,
    /// Switch to coding.
    ShowCoding,
    /// Switch to reviewing disagreement.
    ShowReview,
    /// Switch to statistics.
    ShowStatistics,
    /// Follow the system's light or dark theme.
    ThemeSystem,
    /// Use the light theme.
    ThemeLight,
    /// Use the dark theme.
    ThemeDark,
    /// Show or hide the document list.
    ToggleDocumentList,
    /// Show or hide the claim inspector.
    ToggleInspector,
    /// Show or hide the codebook window.
    ToggleCodebook,
    /// Show or hide the actor registry window.
    ToggleActors,
    /// Show or hide the Conflicts panel.
    ToggleConflicts,
    /// Show or hide the keyboard shortcuts.
    ToggleShortcuts,
    /// Show or hide suggested claims.
    ToggleSuggestions,
    /// Close the find bar or a window; clear the selection.
    Escape,
}

/// A menu of the menu bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// Corpus, files, datasets, annotator, quit.
    File,
    /// The current mode's commands, titled with the mode's name.
    Mode,
    /// Modes and windows.
    View,
}

/// Everything the app knows about a command.
pub struct Spec {
    /// The menu item's text.
    pub text: &'static str,
    /// One sentence on what it does (hover text and the F1 help).
    pub tooltip: &'static str,
    /// Keyboard shortcuts, the one shown in menus first.
    pub shortcuts: &'static [KeyboardShortcut],
    /// The modes in which the command (and its shortcuts) applies.
    pub modes: &'static [Mode],
    /// The menu that lists it and its group there (groups are separated by a line).
    pub menu: Option<(Menu, u8)>,
}

const fn key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, key)
}

const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers { shift: true, ..Modifiers::COMMAND }, key)
}

const ALL_MODES: &[Mode] = &[Mode::Coding, Mode::Review, Mode::Statistics];
const CODING: &[Mode] = &[Mode::Coding];
const REVIEW: &[Mode] = &[Mode::Review];
const EDITING: &[Mode] = &[Mode::Coding, Mode::Review];

impl Command {
    /// Every command, in menu and help order.
    pub const ALL: &'static [Command] = &[
        Command::OpenCorpus,
        Command::Save,
        Command::Export,
        Command::ImportBrat,
        Command::ImportArticles,
        Command::Reload,
        Command::ConvertToUtf8,
        Command::ChangeAnnotator,
        Command::EditCodebook,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::MarkSourceMention,
        Command::MarkCue,
        Command::SpanToSelection,
        Command::SnapToWords,
        Command::DeleteClaim,
        Command::NextField,
        Command::NextClaim,
        Command::PrevClaim,
        Command::NextDocument,
        Command::PrevDocument,
        Command::NextUnit,
        Command::PrevUnit,
        Command::ToggleDone,
        Command::Find,
        Command::NextConflict,
        Command::KeepTheirs,
        Command::TakeMine,
        Command::NextSuggestion,
        Command::PrevSuggestion,
        Command::AcceptSuggestion,
        Command::RejectSuggestion,
        Command::ShowCoding,
        Command::ShowReview,
        Command::ShowStatistics,
        Command::ThemeSystem,
        Command::ThemeLight,
        Command::ThemeDark,
        Command::ToggleDocumentList,
        Command::ToggleInspector,
        Command::ToggleCodebook,
        Command::ToggleActors,
        Command::ToggleConflicts,
        Command::ToggleShortcuts,
        Command::ToggleSuggestions,
        Command::Escape,
    ];

    /// The command's entry in the table.
    pub fn spec(self) -> Spec {
        let spec = |text, tooltip, shortcuts, modes, menu| Spec { text, tooltip, shortcuts, modes, menu };
        use Menu::{File, Mode as ModeMenu, View};
        match self {
            Command::OpenCorpus => spec(
                "Open corpus…",
                "Open a folder of plain-text articles to code",
                &const { [cmd(Key::O)] },
                ALL_MODES,
                Some((File, 0)),
            ),
            Command::Save => spec(
                "Save",
                "Write your changes now (saving is automatic)",
                &const { [cmd(Key::S)] },
                ALL_MODES,
                Some((File, 0)),
            ),
            Command::Export => spec(
                "Export…",
                "Write the coded dataset as CSV, JSON lines or brat standoff",
                &[],
                ALL_MODES,
                Some((File, 1)),
            ),
            Command::ImportBrat => spec(
                "Import brat…",
                "Read brat standoff annotations as one annotator's files",
                &[],
                ALL_MODES,
                Some((File, 1)),
            ),
            Command::ImportArticles => spec(
                "Import articles…",
                "Add articles from a CSV, TSV, JSON lines or news-please export, with their headline, date and outlet",
                &[],
                ALL_MODES,
                Some((File, 1)),
            ),
            Command::Reload => spec(
                "Reload from disk",
                "Read the open document and your annotations of it again",
                &[],
                CODING,
                Some((File, 1)),
            ),
            Command::ConvertToUtf8 => spec(
                "Convert to UTF-8…",
                "Read a text written in a legacy encoding (windows-1252, GBK, …) and rewrite it as UTF-8, keeping the original",
                &[],
                CODING,
                Some((File, 1)),
            ),
            Command::ChangeAnnotator => {
                spec("Change annotator…", "Code as someone else", &[], ALL_MODES, Some((File, 2)))
            }
            Command::EditCodebook => spec(
                "Edit codebook…",
                "Add, rename and reorder claim kinds, fields and choices; saved to claimcoder.ron",
                &[],
                ALL_MODES,
                Some((File, 2)),
            ),
            Command::Quit => {
                spec("Quit", "Save and close the window", &const { [cmd(Key::Q)] }, ALL_MODES, Some((File, 3)))
            }
            Command::Undo => spec(
                "Undo",
                "Undo the last change (in review: the last gold decision)",
                &const { [cmd(Key::Z)] },
                EDITING,
                Some((ModeMenu, 0)),
            ),
            Command::Redo => spec(
                "Redo",
                "Redo the last undone change",
                &const { [cmd_shift(Key::Z), cmd(Key::Y)] },
                EDITING,
                Some((ModeMenu, 0)),
            ),
            Command::MarkSourceMention => spec(
                "Mark source mention",
                "Mark the selected text as the words naming the selected claim's source",
                &const { [key(Key::S)] },
                CODING,
                Some((ModeMenu, 1)),
            ),
            Command::MarkCue => spec(
                "Mark cue",
                "Mark the selected text as the selected claim's reporting cue",
                &const { [key(Key::Q)] },
                CODING,
                Some((ModeMenu, 1)),
            ),
            Command::SpanToSelection => spec(
                "Set span to selection",
                "Extend or shrink the selected claim to the selected text",
                &const { [key(Key::X)] },
                CODING,
                Some((ModeMenu, 1)),
            ),
            Command::SnapToWords => spec(
                "Snap to words",
                "Move both ends of the selected claim to the nearest word edges",
                &const { [key(Key::W)] },
                CODING,
                Some((ModeMenu, 1)),
            ),
            Command::DeleteClaim => spec(
                "Delete claim",
                "Delete the selected claim",
                &const { [key(Key::Delete)] },
                CODING,
                Some((ModeMenu, 1)),
            ),
            Command::NextField => spec(
                "Next claim field",
                "Go to the selected claim's next field: digits pick a choice, typing names an actor or fills a text",
                &const { [key(Key::F)] },
                CODING,
                Some((ModeMenu, 1)),
            ),
            Command::NextClaim => spec(
                "Next claim",
                "Select the next claim in the text",
                &const { [key(Key::J)] },
                CODING,
                Some((ModeMenu, 2)),
            ),
            Command::PrevClaim => spec(
                "Previous claim",
                "Select the previous claim in the text",
                &const { [key(Key::K)] },
                CODING,
                Some((ModeMenu, 2)),
            ),
            Command::NextDocument => spec(
                "Next document",
                "Open the next document of the list",
                &const { [key(Key::N)] },
                CODING,
                Some((ModeMenu, 2)),
            ),
            Command::PrevDocument => spec(
                "Previous document",
                "Open the previous document of the list",
                &const { [key(Key::P)] },
                CODING,
                Some((ModeMenu, 2)),
            ),
            Command::NextUnit => spec(
                "Next unit",
                "Select the next unit the filters show",
                &const { [key(Key::J)] },
                REVIEW,
                Some((ModeMenu, 2)),
            ),
            Command::PrevUnit => spec(
                "Previous unit",
                "Select the previous unit the filters show",
                &const { [key(Key::K)] },
                REVIEW,
                Some((ModeMenu, 2)),
            ),
            Command::ToggleDone => spec(
                "Mark document done / in progress",
                "Record that you finished coding this document (or reopen it)",
                &const { [cmd(Key::Enter)] },
                CODING,
                Some((ModeMenu, 3)),
            ),
            Command::Find => spec(
                "Find in text",
                "Find a passage; Enter goes to the next hit and selects it, ready to code",
                &const { [cmd(Key::F)] },
                CODING,
                Some((ModeMenu, 3)),
            ),
            Command::NextConflict => spec(
                "Next conflict",
                "Select the next claim that both you and another program changed, and show both versions",
                &const { [key(Key::F8)] },
                CODING,
                Some((ModeMenu, 4)),
            ),
            Command::KeepTheirs => spec(
                "Keep theirs",
                "Keep the other program's version of the current conflict (it is already in the file)",
                &const { [key(Key::T)] },
                CODING,
                Some((ModeMenu, 4)),
            ),
            Command::TakeMine => spec(
                "Take mine",
                "Put your version of the current conflict's claim into the file (undoable)",
                &const { [key(Key::M)] },
                CODING,
                Some((ModeMenu, 4)),
            ),
            Command::NextSuggestion => spec(
                "Next suggestion",
                "Go to the next suggested claim in the text",
                &const { [key(Key::Tab)] },
                CODING,
                Some((ModeMenu, 5)),
            ),
            Command::PrevSuggestion => spec(
                "Previous suggestion",
                "Go to the previous suggested claim in the text",
                &const { [shift(Key::Tab)] },
                CODING,
                Some((ModeMenu, 5)),
            ),
            Command::AcceptSuggestion => spec(
                "Accept suggestion",
                "Code the selected suggestion as your claim, with its kind, source, mention and cue (undoable)",
                &const { [key(Key::Enter)] },
                CODING,
                Some((ModeMenu, 5)),
            ),
            Command::RejectSuggestion => spec(
                "Reject suggestion",
                "Not a claim: the selected suggestion is recorded as rejected in your file and never offered again",
                &const { [key(Key::Backspace)] },
                CODING,
                Some((ModeMenu, 5)),
            ),
            Command::ShowCoding => spec("Coding", "Code claims in one document", &[], ALL_MODES, Some((View, 0))),
            Command::ShowReview => spec(
                "Review disagreement",
                "Compare annotators and settle their differences into gold",
                &[],
                ALL_MODES,
                Some((View, 0)),
            ),
            Command::ShowStatistics => {
                spec("Statistics", "Charts of what the corpus holds", &[], ALL_MODES, Some((View, 0)))
            }
            Command::ThemeSystem => spec(
                "System theme",
                "Light or dark as the desktop says (dark when it says nothing)",
                &[],
                ALL_MODES,
                Some((View, 1)),
            ),
            Command::ThemeLight => {
                spec("Light theme", "Dark text on a light background", &[], ALL_MODES, Some((View, 1)))
            }
            Command::ThemeDark => {
                spec("Dark theme", "Light text on a dark background", &[], ALL_MODES, Some((View, 1)))
            }
            Command::ToggleDocumentList => spec(
                "Document list",
                "Show or hide the document list (a narrow window folds it away)",
                &const { [cmd(Key::B)] },
                CODING,
                Some((View, 1)),
            ),
            Command::ToggleInspector => spec(
                "Inspector",
                "Show or hide the claim inspector and claim list (a narrow window folds them away)",
                &const { [cmd(Key::I)] },
                CODING,
                Some((View, 1)),
            ),
            Command::ToggleCodebook => {
                spec("Codebook", "Each kind's key, definition and examples", &[], ALL_MODES, Some((View, 1)))
            }
            Command::ToggleActors => {
                spec("Actors", "Browse, edit and merge the actors of the registry", &[], ALL_MODES, Some((View, 1)))
            }
            Command::ToggleConflicts => spec(
                "Conflicts",
                "Claims both you and another program changed, both versions side by side, and the conflict copies",
                &const { [cmd_shift(Key::C)] },
                CODING,
                Some((View, 1)),
            ),
            Command::ToggleShortcuts => spec(
                "Keyboard shortcuts",
                "Show these shortcuts",
                &const { [key(Key::F1), key(Key::Questionmark)] },
                ALL_MODES,
                Some((View, 1)),
            ),
            Command::ToggleSuggestions => spec(
                "Suggestions",
                "Show or hide the suggested claims in the text and the claim list",
                &[],
                CODING,
                Some((View, 1)),
            ),
            Command::Escape => spec(
                "Close or clear",
                "Close the find bar or a window; clear the selection",
                &const { [key(Key::Escape)] },
                ALL_MODES,
                None,
            ),
        }
    }

    /// The mode a command switches to (the View menu shows these as a choice).
    pub fn shows_mode(self) -> Option<Mode> {
        match self {
            Command::ShowCoding => Some(Mode::Coding),
            Command::ShowReview => Some(Mode::Review),
            Command::ShowStatistics => Some(Mode::Statistics),
            Command::OpenCorpus
            | Command::Save
            | Command::Export
            | Command::ImportBrat
            | Command::ImportArticles
            | Command::Reload
            | Command::ConvertToUtf8
            | Command::ChangeAnnotator
            | Command::EditCodebook
            | Command::Quit
            | Command::Undo
            | Command::Redo
            | Command::MarkSourceMention
            | Command::MarkCue
            | Command::SpanToSelection
            | Command::SnapToWords
            | Command::DeleteClaim
            | Command::NextField
            | Command::ToggleDone
            | Command::Find
            | Command::NextConflict
            | Command::KeepTheirs
            | Command::TakeMine
            | Command::NextSuggestion
            | Command::PrevSuggestion
            | Command::AcceptSuggestion
            | Command::RejectSuggestion
            | Command::ToggleSuggestions
            | Command::NextClaim
            | Command::PrevClaim
            | Command::NextDocument
            | Command::PrevDocument
            | Command::NextUnit
            | Command::PrevUnit
            | Command::ThemeSystem
            | Command::ThemeLight
            | Command::ThemeDark
            | Command::ToggleDocumentList
            | Command::ToggleInspector
            | Command::ToggleCodebook
            | Command::ToggleActors
            | Command::ToggleConflicts
            | Command::ToggleShortcuts
            | Command::Escape => None,
        }
    }

    /// The theme a command chooses (the View menu shows these as a choice).
    pub fn chooses_theme(self) -> Option<egui::ThemePreference> {
        match self {
            Command::ThemeSystem => Some(egui::ThemePreference::System),
            Command::ThemeLight => Some(egui::ThemePreference::Light),
            Command::ThemeDark => Some(egui::ThemePreference::Dark),
            _ => None,
        }
    }

    /// Whether the command applies in `mode`.
    pub fn applies_in(self, mode: Mode) -> bool {
        self.spec().modes.contains(&mode)
    }

    /// The first shortcut, formatted for this platform (Ctrl+Z, or ⌘Z on macOS).
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.spec().shortcuts.first().map(|s| format(ctx, s))
    }

    /// Every shortcut, formatted, joined with "or".
    pub fn all_shortcuts_text(self, ctx: &egui::Context) -> String {
        let keys: Vec<String> = self.spec().shortcuts.iter().map(|s| format(ctx, s)).collect();
        keys.join(" or ")
    }

    /// The command whose shortcut in `mode` is the plain key `letter` (a kind key
    /// that would be shadowed by it).
    pub fn shadowing(mode: Mode, letter: char) -> Option<Command> {
        let key = letter_key(letter)?;
        Command::ALL
            .iter()
            .copied()
            .filter(|c| c.applies_in(mode))
            .find(|c| c.spec().shortcuts.iter().any(|s| s.modifiers == Modifiers::NONE && s.logical_key == key))
    }

    /// The letters and digits that plain shortcuts of `mode` use, upper-cased and
    /// sorted: a codebook's kind keys must avoid them (FORMAT.md section 7).
    pub fn reserved_letters(mode: Mode) -> Vec<char> {
        let mut letters: Vec<char> = Command::ALL
            .iter()
            .filter(|c| c.applies_in(mode))
            .flat_map(|c| c.spec().shortcuts.iter())
            .filter(|s| s.modifiers == Modifiers::NONE)
            .filter_map(|s| {
                let mut chars = s.logical_key.name().chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if c.is_ascii_alphanumeric() => Some(c.to_ascii_uppercase()),
                    _ => None,
                }
            })
            .collect();
        letters.sort_unstable();
        letters.dedup();
        letters
    }
}

/// A shortcut as this platform writes it, with punctuation keys as their character
/// ("?", not "Questionmark").
fn format(ctx: &egui::Context, shortcut: &KeyboardShortcut) -> String {
    let full = ctx.format_shortcut(shortcut);
    let (name, symbol) = (shortcut.logical_key.name(), shortcut.logical_key.symbol_or_name());
    match full.strip_suffix(name) {
        Some(modifiers) if symbol.is_ascii() => format!("{modifiers}{symbol}"),
        _ => full,
    }
}

/// The egui key of a kind's key letter or digit.
pub(crate) fn letter_key(letter: char) -> Option<Key> {
    letter.is_ascii_alphanumeric().then(|| Key::from_name(&letter.to_ascii_uppercase().to_string())).flatten()
}

/// Whether a shortcut acts while a text field has the keyboard: those with Ctrl or
/// Cmd, function keys and Escape. Plain keys (letters, Delete, arrows) act only while
/// the document text (or nothing) has the focus, so typing never codes a claim.
pub(crate) fn acts_while_typing(shortcut: &KeyboardShortcut) -> bool {
    !shortcut.conflicts_with_text_editing()
        || is_function_key(shortcut.logical_key)
        || shortcut.logical_key == Key::Escape
}

fn is_function_key(key: Key) -> bool {
    key.name().strip_prefix('F').is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// The letters kind keys must avoid, each with the coding command that takes it
/// (for [`Codebook::validate`]).
pub fn reserved_keys() -> Vec<ReservedKey> {
    Command::reserved_letters(Mode::Coding)
        .into_iter()
        .filter_map(|letter| {
            let command = Command::shadowing(Mode::Coding, letter)?;
            Some(ReservedKey { letter, command: command.spec().text.to_owned() })
        })
        .collect()
}

/// Every kind key of `codebook` that a command of the coding mode shadows, as one
/// sentence each (the app shows them; `claimcoder check` reports them).
pub fn kind_key_conflicts(codebook: &Codebook) -> Vec<String> {
    codebook
        .validate(&reserved_keys())
        .into_iter()
        .filter(|(_, e)| matches!(e, CodebookError::ReservedKey { .. }))
        .map(|(_, e)| e.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Project;

    /// Whether two shortcuts are the same key press for egui (Ctrl and Cmd are one
    /// modifier off macOS), as the rerun viewer's test has it.
    fn clash(a: &KeyboardShortcut, b: &KeyboardShortcut) -> bool {
        a.logical_key == b.logical_key
            && a.modifiers.alt == b.modifiers.alt
            && a.modifiers.shift == b.modifiers.shift
            && (a.modifiers.command || a.modifiers.ctrl) == (b.modifiers.command || b.modifiers.ctrl)
    }

    #[test]
    fn no_two_commands_share_a_shortcut_in_the_same_mode() {
        for mode in Mode::ALL {
            let commands: Vec<Command> = Command::ALL.iter().copied().filter(|c| c.applies_in(mode)).collect();
            for (i, a) in commands.iter().enumerate() {
                for b in &commands[i + 1..] {
                    for sa in a.spec().shortcuts {
                        for sb in b.spec().shortcuts {
                            assert!(!clash(sa, sb), "{a:?} and {b:?} share {sa:?} in {mode:?}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_table_lists_every_command_once_with_text_and_a_mode() {
        let mut seen = std::collections::HashSet::new();
        for c in Command::ALL {
            assert!(seen.insert(*c), "{c:?} listed twice");
            let spec = c.spec();
            assert!(!spec.text.is_empty() && !spec.tooltip.is_empty(), "{c:?}");
            assert!(!spec.modes.is_empty(), "{c:?} applies nowhere");
        }
        // A variant missing from ALL would have no menu item, no help line and no key.
        let every = |c: Command| match c {
            Command::OpenCorpus
            | Command::Save
            | Command::Export
            | Command::ImportBrat
            | Command::ImportArticles
            | Command::Reload
            | Command::ConvertToUtf8
            | Command::ChangeAnnotator
            | Command::EditCodebook
            | Command::Quit
            | Command::Undo
            | Command::Redo
            | Command::MarkSourceMention
            | Command::MarkCue
            | Command::SpanToSelection
            | Command::SnapToWords
            | Command::DeleteClaim
            | Command::NextField
            | Command::ToggleDone
            | Command::Find
            | Command::NextConflict
            | Command::KeepTheirs
            | Command::TakeMine
            | Command::NextSuggestion
            | Command::PrevSuggestion
            | Command::AcceptSuggestion
            | Command::RejectSuggestion
            | Command::ToggleSuggestions
            | Command::NextClaim
            | Command::PrevClaim
            | Command::NextDocument
            | Command::PrevDocument
            | Command::NextUnit
            | Command::PrevUnit
            | Command::ShowCoding
            | Command::ShowReview
            | Command::ShowStatistics
            | Command::ThemeSystem
            | Command::ThemeLight
            | Command::ThemeDark
            | Command::ToggleDocumentList
            | Command::ToggleInspector
            | Command::ToggleCodebook
            | Command::ToggleActors
            | Command::ToggleConflicts
            | Command::ToggleShortcuts
            | Command::Escape => 1,
        };
        assert_eq!(Command::ALL.iter().map(|c| every(*c)).sum::<usize>(), 47);
        assert_eq!(Command::ALL.len(), 47, "a new command must be added to Command::ALL");
    }

    #[test]
    fn the_reserved_letters_are_those_of_the_coding_commands_and_of_format_md() {
        let letters = Command::reserved_letters(Mode::Coding);
        assert_eq!(letters.iter().collect::<String>(), "FJKMNPQSTWX");
        let format = include_str!("../../docs/FORMAT.md");
        let after = format.split("fixed letter shortcuts").nth(1).expect("FORMAT.md section 7 names them");
        let mut listed: Vec<char> = after.split('`').nth(1).unwrap_or_default().chars().filter(|c| *c != ' ').collect();
        listed.sort_unstable();
        assert_eq!(listed, letters, "FORMAT.md section 7 lists exactly the reserved letters");
    }

    #[test]
    fn a_codebook_kind_key_cannot_shadow_a_command() {
        let builtin = Project::builtin().codebook();
        assert!(kind_key_conflicts(&builtin).is_empty(), "the built-in keys A, D, C are free");
        for letter in Command::reserved_letters(Mode::Coding) {
            let mut codebook = builtin.clone();
            codebook.kinds[2].key = letter.to_string();
            let conflicts = kind_key_conflicts(&codebook);
            assert_eq!(conflicts.len(), 1, "{letter}");
            assert!(conflicts[0].starts_with(&format!("kind `commitment` key `{letter}` is taken by the command")));
        }
        let mut lower = builtin.clone();
        lower.kinds[0].key = "s".into();
        assert!(kind_key_conflicts(&lower)[0].contains("\"Mark source mention\""), "keys are case-insensitive");
        assert_eq!(Command::shadowing(Mode::Review, 'S'), None, "S is free while reviewing");
        assert_eq!(Command::shadowing(Mode::Coding, 'J'), Some(Command::NextClaim));
        assert_eq!(Command::shadowing(Mode::Review, 'J'), Some(Command::NextUnit));
    }

    #[test]
    fn plain_keys_wait_for_the_text_while_ctrl_keys_escape_and_f1_act_anywhere() {
        assert!(!acts_while_typing(&key(Key::S)));
        assert!(!acts_while_typing(&key(Key::Delete)));
        assert!(!acts_while_typing(&key(Key::Questionmark)));
        assert!(acts_while_typing(&cmd(Key::Z)));
        assert!(acts_while_typing(&key(Key::F1)));
        assert!(acts_while_typing(&key(Key::Escape)));
    }

    #[test]
    fn shortcuts_are_shown_the_platform_s_way() {
        let ctx = egui::Context::default();
        // Fonts are loaded by a first frame; its texture upload is not needed here.
        ctx.run_ui(egui::RawInput::default(), |_| {}).textures_delta.clear();
        ctx.set_os(egui::os::OperatingSystem::Nix);
        assert_eq!(Command::Undo.shortcut_text(&ctx).as_deref(), Some("Ctrl+Z"));
        assert_eq!(Command::Redo.all_shortcuts_text(&ctx), "Ctrl+Shift+Z or Ctrl+Y");
        assert_eq!(Command::ToggleShortcuts.all_shortcuts_text(&ctx), "F1 or ?");
        ctx.set_os(egui::os::OperatingSystem::Mac);
        let mac = Command::Undo.shortcut_text(&ctx).unwrap_or_default();
        assert!(mac == "Cmd+Z" || mac == "⌘Z", "{mac}");
        assert_eq!(Command::Export.shortcut_text(&ctx), None);
    }
}
