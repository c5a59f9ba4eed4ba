//! Every user intent as one value. Widgets and shortcuts only produce actions; the
//! app applies them in one place (`apply.rs`), which is what makes undo, autosave
//! and tests uniform.

use std::path::PathBuf;

use crate::model::{Actor, ClaimId, Status};

/// A user intent.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Open the corpus folder at this path.
    OpenCorpus(PathBuf),
    /// Show the "Open corpus" window (path field and native dialog).
    ShowOpenCorpus,
    /// Code as this annotator (validated before it is applied).
    SetAnnotator(String),
    /// Ask "Who is coding?" again.
    ChangeAnnotator,
    /// Open the document at this index of the corpus.
    OpenDocument(usize),
    /// Next document in the (filtered) list.
    NextDocument,
    /// Previous document in the (filtered) list.
    PrevDocument,
    /// Select a claim (and scroll the text to it), or clear the selection.
    SelectClaim(Option<ClaimId>),
    /// Next claim in text order.
    NextClaim,
    /// Previous claim in text order.
    PrevClaim,
    /// Code the char range as a new claim of `kind`.
    CreateClaim {
        /// Kind id.
        kind: String,
        /// First char.
        start: usize,
        /// One past the last char.
        end: usize,
    },
    /// Code the current text selection as a new claim of the kind with this key, or,
    /// with no selection, re-kind the selected claim.
    KindKey(char),
    /// Change a claim's kind.
    SetKind(ClaimId, String),
    /// Attribute a claim to an actor id, or unattribute it.
    SetSource(ClaimId, Option<String>),
    /// Attribute a claim to the actor with this name, creating the actor if unknown.
    SetSourceByName(ClaimId, String),
    /// Mark the current selection as the selected claim's source mention.
    MarkSourceMention,
    /// Remove a claim's source mention.
    ClearSourceMention(ClaimId),
    /// Mark the current selection as the selected claim's cue.
    MarkCue,
    /// Remove a claim's cue.
    ClearCue(ClaimId),
    /// Set the selected claim's content to the current selection (extend or shrink).
    SpanToSelection,
    /// Snap a claim's content to word edges.
    SnapToWords(ClaimId),
    /// Replace a claim's note.
    SetNote(ClaimId, String),
    /// Delete a claim.
    DeleteClaim(ClaimId),
    /// Delete the selected claim.
    DeleteSelected,
    /// Set the open document's status for this annotator.
    SetStatus(Status),
    /// Toggle the open document between done and in progress.
    ToggleDone,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Save now.
    Save,
    /// Reload the open document and its annotations from disk.
    Reload,
    /// Replace an actor's details (matched by id).
    UpdateActor(Actor),
    /// Fold one actor into another, re-pointing this annotator's claims.
    MergeActors {
        /// The actor that disappears.
        from: String,
        /// The actor that stays.
        into: String,
    },
    /// Show or hide the shortcuts window.
    ToggleShortcuts,
    /// Show or hide the codebook window.
    ToggleCodebook,
    /// Show or hide the actor registry window.
    ToggleActors,
    /// Open the find bar.
    Find,
    /// Close windows and the find bar, clear the selection.
    Escape,
    /// Close the window (after saving).
    Quit,
    /// Switch between coding, reviewing disagreement and statistics.
    SetMode(Mode),
    /// An intent of the review and adjudication view (`ui/review`).
    Review(crate::ui::review::ReviewAction),
    /// An intent of the export, import and statistics views (`ui/datasets`).
    Datasets(crate::ui::datasets::DatasetAction),
}

/// What the central area is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Coding claims in one document.
    #[default]
    Coding,
    /// Reviewing disagreement between annotators and adjudicating into gold.
    Review,
    /// Corpus statistics and charts.
    Statistics,
}

/// A shortcut as the help window lists it.
pub struct Shortcut {
    /// The keys, as printed.
    pub keys: &'static str,
    /// What they do.
    pub does: &'static str,
}

/// Every fixed shortcut; kind keys come from the codebook and are listed with them.
pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut { keys: "select text, then a kind key", does: "code the selection as a claim of that kind" },
    Shortcut { keys: "S", does: "mark the selection as the source mention of the selected claim" },
    Shortcut { keys: "Q", does: "mark the selection as the cue of the selected claim" },
    Shortcut { keys: "X", does: "set the selected claim's span to the selection" },
    Shortcut { keys: "W", does: "snap the selected claim to word edges" },
    Shortcut { keys: "J / K", does: "next / previous claim" },
    Shortcut { keys: "N / P", does: "next / previous document" },
    Shortcut { keys: "Delete", does: "delete the selected claim" },
    Shortcut { keys: "Ctrl+Enter", does: "mark the document done / in progress" },
    Shortcut { keys: "Ctrl+Z / Ctrl+Shift+Z", does: "undo / redo" },
    Shortcut { keys: "Ctrl+S", does: "save now (saving is automatic)" },
    Shortcut { keys: "Ctrl+F", does: "find in the text" },
    Shortcut { keys: "F1 or ?", does: "show these shortcuts" },
    Shortcut { keys: "Escape", does: "close windows and clear the selection" },
];
