//! The coding mode: the document list, the text, the claim inspector and the claim
//! list over the core's coding session ([`crate::coding::Workspace`]). Its intents
//! become calls of the session's edits; this module only adds what is the view's
//! own (the find bar, what is typed in the inspector).
//!
//! - [`view`]: the panels; [`doc_list`], [`claim_list`], [`inspector`],
//!   [`find_bar`], [`status_bar`] render them; the text is [`text`], the
//!   document view over the open document.

pub(crate) mod actor_picker;
pub(crate) mod claim_fields;
pub(crate) mod claim_list;
pub(crate) mod conflicts_panel;
pub(crate) mod doc_list;
pub(crate) mod find_bar;
pub(crate) mod inspector;
pub(crate) mod panels;
pub(crate) mod status_bar;
pub(crate) mod suggestion_card;
pub(crate) mod text;
pub(crate) mod view;

use super::effect::Effects;
use crate::coding::{DocSummary, Mark, Workspace};
use crate::model::{Actor, ClaimId, Status};
pub(crate) use find_bar::FindBar;
pub(crate) use inspector::InspectorInputs;
pub use panels::Panel;

/// An intent of the coding mode.
#[derive(Debug)]
pub enum CodingIntent {
    /// Open the document at this index of the corpus.
    OpenDocument(usize),
    /// Next document in the (filtered) list.
    NextDocument,
    /// Previous document in the (filtered) list.
    PrevDocument,
    /// The document list's filter text.
    SetFilter(String),
    /// Order the document list.
    SetOrder(crate::coding::listing::DocOrder),
    /// One document's row of the list, read in the background.
    ListingRow {
        /// Its index in the corpus.
        index: usize,
        /// Its id (a row of another corpus is ignored).
        id: String,
        /// The row.
        summary: DocSummary,
    },
    /// Reading the list stopped.
    ListingFailed(String),
    /// The text selection (char range) changed in the text, or collapsed.
    TextSelection(Option<(usize, usize)>),
    /// Select chars in the text as a drag does and give the text the focus.
    SelectText(Option<(usize, usize)>),
    /// A double or triple click: select again the claim selected before its first
    /// click, without scrolling.
    KeepClaim(Option<ClaimId>),
    /// A click in the text at this char: select the innermost claim there.
    ClickText(usize),
    /// Select a claim (and scroll the text to it), or clear the selection.
    SelectClaim(Option<ClaimId>),
    /// Next claim in text order.
    NextClaim,
    /// Previous claim in text order.
    PrevClaim,
    /// Select a suggested claim (an index into the open document's suggestions) and
    /// scroll the text to it, or clear that selection.
    SelectSuggestion(Option<usize>),
    /// Tab: the next suggested claim in text order.
    NextSuggestion,
    /// Shift+Tab: the previous suggested claim.
    PrevSuggestion,
    /// Enter: code the selected suggestion as the coder's claim.
    AcceptSuggestion,
    /// Backspace: reject the selected suggestion (recorded in the coder's file).
    RejectSuggestion,
    /// The built-in suggester's answer for a document.
    SuggestionsReady {
        /// The document's id.
        document: String,
        /// The hash of the text it read.
        sha256: String,
        /// Its suggestions, in text order.
        offers: Vec<crate::coding::Offer>,
    },
    /// The built-in suggester stopped without an answer.
    SuggestionsFailed(String),
    /// Code the char range as a new claim of `kind`.
    CreateClaim {
        /// Kind id.
        kind: String,
        /// First char.
        start: usize,
        /// One past the last char.
        end: usize,
    },
    /// A kind's key: code the text selection as a claim of that kind or, with no
    /// selection, re-kind the selected claim.
    KindKey(char),
    /// Change a claim's kind.
    SetKind(ClaimId, String),
    /// Attribute a claim to an actor id, or unattribute it.
    SetSource(ClaimId, Option<String>),
    /// Attribute a claim to the actor with this name, creating the actor if unknown.
    SetSourceByName(ClaimId, String),
    /// Mark the text selection as the selected claim's source mention or cue.
    Mark(Mark),
    /// Remove a claim's source mention or cue.
    ClearMark(ClaimId, Mark),
    /// Set the selected claim's content to the text selection.
    SpanToSelection,
    /// Snap a claim's content to word edges.
    SnapToWords(ClaimId),
    /// Snap the selected claim's content to word edges.
    SnapSelectedToWords,
    /// Replace a claim's note.
    SetNote(ClaimId, String),
    /// Set a claim's value of a field (by id), or clear it.
    SetField(ClaimId, String, Option<String>),
    /// Set a claim's Actor field to the actor with this name, creating it if unknown.
    SetFieldActorByName(ClaimId, String, String),
    /// Move the keyboard to the selected claim's next field.
    NextField,
    /// A digit: pick that choice (1-based) of the field the keyboard is on.
    PickChoice(usize),
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
    /// Read the open document and its annotations again from disk.
    Reload,
    /// The window got the focus back: reload what other programs changed.
    CheckDisk,
    /// Hide the notice in the status bar.
    DismissNotice,
    /// Select the next conflict's claim (and show the Conflicts panel).
    NextConflict,
    /// Keep the other program's version of the current conflict.
    KeepTheirs,
    /// Put the coder's version of the current conflict's claim into the file.
    TakeMine,
    /// Replace an actor's details (matched by id).
    UpdateActor(Actor),
    /// Fold one actor into another, re-pointing this annotator's claims.
    MergeActors {
        /// The actor that disappears.
        from: String,
        /// The actor that stays.
        into: String,
    },
    /// Open the find bar (and give it the focus).
    Find,
    /// The text to find.
    EditFind(String),
    /// Go to the next find hit and select it.
    FindNext,
    /// Go to the previous find hit and select it.
    FindPrevious,
    /// Close the find bar, or clear the selection when it is closed.
    Escape,
    /// What is typed in the inspector.
    EditInspector(InspectorInputs),
    /// Show or hide a side panel.
    TogglePanel(Panel),
}

/// The coding mode's own state; the coded data is the workspace's.
#[derive(Default)]
pub(crate) struct CodingState {
    /// The find bar, when open.
    pub(crate) find: Option<FindBar>,
    /// What is typed in the inspector.
    pub(crate) inspector: InspectorInputs,
    /// Which side panels are shown.
    pub(crate) panels: panels::Panels,
}

impl CodingState {
    /// Applies a coding intent to the open corpus (nothing happens without one).
    pub(crate) fn apply(&mut self, intent: CodingIntent, workspace: Option<&mut Workspace>) -> Effects {
        let Some(ws) = workspace else { return Effects::none() };
        match intent {
            CodingIntent::OpenDocument(index) => ws.open_document(index),
            CodingIntent::NextDocument => ws.step_document(true),
            CodingIntent::PrevDocument => ws.step_document(false),
            CodingIntent::SetFilter(filter) => ws.filter = filter,
            CodingIntent::SetOrder(order) => ws.order = order,
            CodingIntent::ListingRow { index, id, summary } => {
                if ws.corpus.documents.get(index).is_some_and(|e| e.id == id) {
                    ws.listing.fill(index, summary);
                }
            }
            CodingIntent::ListingFailed(reason) => {
                ws.notice = Some(format!("The document list could not be read completely: {reason}"));
            }
            CodingIntent::TextSelection(range) => ws.set_text_selection(range),
            CodingIntent::SelectText(range) => ws.select_text(range),
            CodingIntent::KeepClaim(id) => ws.keep_claim(id),
            CodingIntent::ClickText(pos) => {
                let at = ws.open.as_ref().and_then(|o| o.claim_at(pos));
                let suggestion = ws.open.as_ref().filter(|_| ws.suggestions_shown).and_then(|o| o.suggestion_at(pos));
                match (at, suggestion) {
                    (None, Some(i)) => ws.select_suggestion(Some(i)),
                    _ => ws.select_claim(at),
                }
            }
            CodingIntent::SelectSuggestion(i) => ws.select_suggestion(i),
            CodingIntent::NextSuggestion => ws.step_suggestion(true),
            CodingIntent::PrevSuggestion => ws.step_suggestion(false),
            CodingIntent::AcceptSuggestion => ws.accept_suggestion(None),
            CodingIntent::RejectSuggestion => ws.reject_suggestion(),
            CodingIntent::SuggestionsReady { document, sha256, offers } => {
                ws.suggestions_arrived(&document, &sha256, offers)
            }
            CodingIntent::SuggestionsFailed(reason) => ws.suggestions_failed(&reason),
            CodingIntent::SelectClaim(id) => ws.select_claim(id),
            CodingIntent::NextClaim => ws.step_claim(true),
            CodingIntent::PrevClaim => ws.step_claim(false),
            CodingIntent::CreateClaim { kind, start, end } => ws.create_claim(&kind, start, end),
            CodingIntent::KindKey(key) => ws.kind_key(key),
            CodingIntent::SetKind(id, kind) => ws.set_kind(id, kind),
            CodingIntent::SetSource(id, source) => ws.set_source(id, source),
            CodingIntent::SetSourceByName(id, name) => ws.set_source_by_name(id, &name),
            CodingIntent::Mark(mark) => ws.mark_selection(mark),
            CodingIntent::ClearMark(id, mark) => ws.clear_mark(id, mark),
            CodingIntent::SpanToSelection => ws.span_to_selection(),
            CodingIntent::SnapToWords(id) => ws.snap_to_words(id),
            CodingIntent::SnapSelectedToWords => {
                if let Some(id) = ws.selected_claim_id() {
                    ws.snap_to_words(id);
                }
            }
            CodingIntent::SetNote(id, note) => ws.set_note(id, note),
            CodingIntent::SetField(id, field, value) => ws.set_field(id, &field, value),
            CodingIntent::SetFieldActorByName(id, field, name) => ws.set_field_actor_by_name(id, &field, &name),
            CodingIntent::NextField => {
                if ws.selected_claim_id().is_some() {
                    self.inspector.fields.next(&ws.project);
                } else {
                    ws.notice = Some("Select a claim first, then press F to go through its fields.".to_owned());
                }
            }
            CodingIntent::PickChoice(n) => {
                if let Some(field) = self.inspector.fields.choice_field(&ws.project).map(|f| f.id.clone()) {
                    ws.pick_choice(&field, n);
                }
            }
            CodingIntent::DeleteClaim(id) => ws.delete_claim(id),
            CodingIntent::DeleteSelected => {
                if let Some(id) = ws.selected_claim_id() {
                    ws.delete_claim(id);
                }
            }
            CodingIntent::SetStatus(status) => ws.set_status(status),
            CodingIntent::ToggleDone => ws.toggle_done(),
            CodingIntent::Undo => ws.undo(true),
            CodingIntent::Redo => ws.undo(false),
            CodingIntent::Save => ws.save(),
            CodingIntent::Reload => ws.reload(),
            CodingIntent::CheckDisk => ws.check_disk(),
            CodingIntent::DismissNotice => ws.notice = None,
            CodingIntent::NextConflict => {
                ws.next_conflict();
                return Effects::then(super::intent::AppIntent::ShowConflicts);
            }
            CodingIntent::KeepTheirs => ws.keep_theirs(),
            CodingIntent::TakeMine => ws.take_mine(),
            CodingIntent::UpdateActor(actor) => ws.update_actor(actor),
            CodingIntent::MergeActors { from, into } => ws.merge_actors(&from, &into),
            CodingIntent::Find => self.find.get_or_insert_with(FindBar::default).focus.send(()),
            CodingIntent::EditFind(query) => {
                if let Some(find) = &mut self.find {
                    find.query = query;
                }
            }
            CodingIntent::FindNext => self.find_step(ws, true),
            CodingIntent::FindPrevious => self.find_step(ws, false),
            CodingIntent::Escape => match self.find.take() {
                Some(_) => {
                    if let Some(open) = &mut ws.open {
                        open.focus_text.send(());
                    }
                }
                None => ws.clear_selection(),
            },
            CodingIntent::EditInspector(inputs) => self.inspector = inputs,
            CodingIntent::TogglePanel(panel) => self.panels.toggle(panel),
        }
        if let (Some(find), Some(open)) = (&mut self.find, &ws.open) {
            find.refresh(open);
        }
        Effects::none()
    }

    fn find_step(&mut self, ws: &mut Workspace, forward: bool) {
        if let (Some(find), Some(open)) = (&mut self.find, &mut ws.open) {
            find.refresh(open);
            find.go(open, forward);
        }
    }
}
