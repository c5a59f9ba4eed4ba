//! The document being coded: its text, this annotator's claims, the text selection
//! and the selected claim, undo history, what is not yet on disk, and the requests
//! to the view that shows it.

use std::collections::HashSet;
use std::time::Instant;

use super::suggestions::Suggestions;
use super::undo::{Snapshot, UndoStack};
use super::view_request::ViewRequest;
use crate::model::{Claim, ClaimId, Document, Project};
use crate::store::LoadedAnnotations;
use crate::store::reanchor::span_holds;

/// The open document.
pub struct OpenDocument {
    /// Index in the corpus's document list.
    pub index: usize,
    /// Text and hash.
    pub doc: Document,
    /// This annotator's claims and the file's state.
    pub loaded: LoadedAnnotations,
    /// The selected claim.
    pub selected: Option<ClaimId>,
    /// The last non-empty text selection (char range); kept when focus leaves the
    /// text, so buttons can act on it.
    pub selection: Option<(usize, usize)>,
    /// Undo history of this document.
    pub undo: UndoStack,
    /// Bumped on every change to the claims or the selection, for the highlight cache.
    pub revision: u64,
    /// Changes not yet written.
    pub dirty: bool,
    /// When the first unsaved change was made (autosave deadline counts from it).
    pub dirty_since: Option<Instant>,
    /// Claims whose content no longer matches the text.
    pub orphans: HashSet<ClaimId>,
    /// Scroll the text to this char offset (a selected claim, a find hit).
    pub scroll_to: ViewRequest<usize>,
    /// Set the text's selection: `None` collapses it (after it was coded),
    /// `Some(range)` selects a find hit.
    pub text_selection: ViewRequest<Option<(usize, usize)>>,
    /// Give the text the keyboard focus (after the find bar closes), so letter
    /// shortcuts act on the found passage.
    pub focus_text: ViewRequest<()>,
    /// The suggested claims (FORMAT.md section 7), from the suggested file or the
    /// built-in suggester.
    pub suggestions: Suggestions,
    /// Indices of the suggestions still offered (see [`Self::live_suggestions`]).
    pub(super) live: Vec<usize>,
    /// The selected suggestion (an index into the suggestions); never set together
    /// with a selected claim.
    pub selected_suggestion: Option<usize>,
}

impl OpenDocument {
    /// Wraps a freshly loaded document with its suggestions.
    pub fn new(index: usize, doc: Document, loaded: LoadedAnnotations, suggestions: Suggestions) -> Self {
        let mut open = Self {
            index,
            doc,
            loaded,
            selected: None,
            selection: None,
            undo: UndoStack::default(),
            revision: 0,
            dirty: false,
            dirty_since: None,
            orphans: HashSet::new(),
            scroll_to: ViewRequest::default(),
            text_selection: ViewRequest::default(),
            focus_text: ViewRequest::default(),
            suggestions,
            live: Vec::new(),
            selected_suggestion: None,
        };
        open.refresh();
        open
    }

    /// The claims in text order.
    pub fn claims(&self) -> &[Claim] {
        &self.loaded.file.claims
    }

    /// The selected claim.
    pub fn selected_claim(&self) -> Option<&Claim> {
        self.selected.and_then(|id| self.loaded.file.claim(id))
    }

    /// What undo would restore.
    pub fn snapshot(&self, project: &Project) -> Snapshot {
        Snapshot { file: self.loaded.file.clone(), project: project.clone() }
    }

    /// Re-sorts claims, recomputes orphans and the offered suggestions, and bumps
    /// the revision after a change.
    pub fn refresh(&mut self) {
        self.loaded.file.sort_claims();
        let text = &self.doc.text;
        self.orphans = self.loaded.file.claims.iter().filter(|c| !span_holds(text, &c.content)).map(|c| c.id).collect();
        if self.selected.is_some_and(|id| self.loaded.file.claim(id).is_none()) {
            self.selected = None;
        }
        self.refresh_live();
        self.revision += 1;
    }

    /// Forgets the text selection once it has been used, in the app and in the text.
    pub fn consume_selection(&mut self) {
        self.selection = None;
        self.text_selection.send(None);
    }

    /// Marks the claims as changed since the last save.
    pub fn mark_dirty(&mut self) {
        self.dirty = true;
        self.dirty_since.get_or_insert_with(Instant::now);
    }

    /// The claim before or after the selected one in text order (wrapping), for J/K.
    pub fn neighbour_claim(&self, forward: bool) -> Option<ClaimId> {
        let claims = self.claims();
        if claims.is_empty() {
            return None;
        }
        let pos = self.selected.and_then(|id| claims.iter().position(|c| c.id == id));
        let next = match (pos, forward) {
            (None, true) => 0,
            (None, false) => claims.len() - 1,
            (Some(p), true) => (p + 1) % claims.len(),
            (Some(p), false) => (p + claims.len() - 1) % claims.len(),
        };
        Some(claims[next].id)
    }

    /// The innermost claim covering char `pos` (shortest content), for clicks in the text.
    pub fn claim_at(&self, pos: usize) -> Option<ClaimId> {
        self.claims().iter().filter(|c| c.content.contains(pos)).min_by_key(|c| c.content.len()).map(|c| c.id)
    }
}
