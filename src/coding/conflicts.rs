//! True conflicts left by merges with outside changes (FORMAT.md section 7,
//! "Conflicts"): a claim both the coder and another program changed. The file keeps
//! theirs; the coder's version waits here, and in the conflict copy on disk, until
//! the coder keeps theirs or takes theirs' place with their own. Taking mine is an
//! ordinary edit, so undo and autosave treat it like any other.

use std::path::PathBuf;

use super::workspace::Workspace;
use crate::model::{Claim, ClaimId};
use crate::store::merge::{Conflict, same_claim};

/// One claim waiting for the coder's choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingConflict {
    /// The document (its id in the corpus).
    pub document: String,
    /// Both versions and what both changed.
    pub conflict: Conflict,
    /// The conflict copy holding the coder's whole file at the time.
    pub copy: Option<PathBuf>,
}

/// What merges did this session, and the conflicts still open.
#[derive(Clone, Debug, Default)]
pub struct ConflictLog {
    /// Conflicts waiting for a choice, oldest first; one per document and claim.
    pub pending: Vec<PendingConflict>,
    /// How many saves merged with an outside change.
    pub merges: usize,
    /// How many true conflicts those merges found.
    pub conflicts_found: usize,
    /// Every conflict copy written this session.
    pub copies_made: Vec<PathBuf>,
    /// The conflict copies beside the open document's file on disk (ours and
    /// anyone's), refreshed when the document opens or its folder changes.
    pub copies_on_disk: Vec<PathBuf>,
    /// New conflicts arrived since the app last looked (it opens the panel).
    arrived: bool,
}

impl ConflictLog {
    /// Records a merge's conflicts; a claim already pending gets the newer versions.
    pub(crate) fn record(&mut self, document: &str, conflicts: Vec<Conflict>, copy: Option<PathBuf>) {
        self.merges += 1;
        self.conflicts_found += conflicts.len();
        if let Some(copy) = &copy {
            self.copies_made.push(copy.clone());
        }
        for conflict in conflicts {
            self.pending.retain(|p| !(p.document == document && p.conflict.id == conflict.id));
            self.pending.push(PendingConflict { document: document.to_owned(), conflict, copy: copy.clone() });
            self.arrived = true;
        }
    }

    /// Whether conflicts arrived since the last call (then the panel should show).
    pub fn take_arrived(&mut self) -> bool {
        std::mem::take(&mut self.arrived)
    }
}

impl Workspace {
    /// The open document's conflicts waiting for a choice, oldest first.
    pub fn open_conflicts(&self) -> Vec<&PendingConflict> {
        let Some(open) = &self.open else { return Vec::new() };
        let id = &self.corpus.documents[open.index].id;
        self.conflicts.pending.iter().filter(|p| &p.document == id).collect()
    }

    /// The conflict the keys act on: the selected claim's, else the first.
    pub fn current_conflict(&self) -> Option<ClaimId> {
        let pending = self.open_conflicts();
        let selected = self.selected_claim_id();
        pending.iter().find(|p| Some(p.conflict.id) == selected).or(pending.first()).map(|p| p.conflict.id)
    }

    /// Selects the claim of the conflict after the current one (wrapping), so the
    /// text scrolls to it.
    pub fn next_conflict(&mut self) {
        let ids: Vec<ClaimId> = self.open_conflicts().iter().map(|p| p.conflict.id).collect();
        let Some(current) = self.current_conflict() else { return };
        let at_current = self.selected_claim_id() == Some(current);
        let pos = ids.iter().position(|id| *id == current).unwrap_or(0);
        let next = if at_current { ids[(pos + 1) % ids.len()] } else { current };
        self.select_claim(Some(next));
    }

    /// Keeps the version in the file (theirs) for the current conflict.
    pub fn keep_theirs(&mut self) {
        if let Some(id) = self.current_conflict() {
            self.resolve_pending(id);
            self.select_next_pending();
        }
    }

    /// Puts the coder's version of the current conflict's claim into the file (or
    /// deletes the claim, when the coder had deleted it), as an undoable edit.
    pub fn take_mine(&mut self) {
        let Some(id) = self.current_conflict() else { return };
        let Some(mine) = self.open_conflicts().iter().find(|p| p.conflict.id == id).map(|p| p.conflict.ours.clone())
        else {
            return;
        };
        self.edit(None, |open, _| {
            let file = &mut open.loaded.file;
            let unchanged = match (file.claim(id), &mine) {
                (Some(now), Some(mine)) => same_claim(now, mine),
                (None, None) => true,
                _ => false,
            };
            if unchanged {
                return false;
            }
            file.claims.retain(|c| c.id != id);
            if let Some(mut claim) = mine {
                claim.modified = crate::model::time::now();
                file.claims.push(claim);
            }
            true
        });
        if self.open.as_ref().is_some_and(|o| o.loaded.is_editable()) {
            self.resolve_pending(id);
            self.select_next_pending();
        }
    }

    fn resolve_pending(&mut self, id: ClaimId) {
        let Some(open) = &self.open else { return };
        let document = self.corpus.documents[open.index].id.clone();
        self.conflicts.pending.retain(|p| !(p.document == document && p.conflict.id == id));
    }

    fn select_next_pending(&mut self) {
        if let Some(id) = self.open_conflicts().first().map(|p| p.conflict.id) {
            self.select_claim(Some(id));
        }
    }

    /// Drops the open document's pending conflicts the file already settles: the
    /// coder's version is what the file holds (taken by hand, or the other program
    /// agreed).
    pub(crate) fn prune_conflicts(&mut self) {
        let Some(open) = &self.open else { return };
        let document = &self.corpus.documents[open.index].id;
        let file = &open.loaded.file;
        self.conflicts.pending.retain(|p| {
            if &p.document != document {
                return true;
            }
            let now: Option<&Claim> = file.claim(p.conflict.id);
            match (&p.conflict.ours, now) {
                (Some(ours), Some(now)) => !same_claim(ours, now),
                (None, None) => false,
                _ => true,
            }
        });
    }
}
