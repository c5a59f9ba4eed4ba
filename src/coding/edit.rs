//! The edits a coder makes, as methods of the [`Workspace`]: every change of the
//! coded data goes through [`Workspace::edit`], which records undo, marks the
//! document for autosave and keeps the project file in step. A change that cannot be
//! made (a read-only file, nothing selected) leaves a notice saying why.

use super::open_document::OpenDocument;
use super::workspace::Workspace;
use crate::model::{Actor, Claim, ClaimId, Project, Span, Status};

/// Which part of the selected claim a text selection marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// The words naming the source.
    SourceMention,
    /// The reporting cue.
    Cue,
}

impl Workspace {
    /// The text selection the view reports (a char range), or none.
    pub fn set_text_selection(&mut self, range: Option<(usize, usize)>) {
        if let Some(open) = &mut self.open {
            open.selection = range;
        }
    }

    /// Selects chars `range` in the text as a drag does, and gives the text the
    /// keyboard focus, so the next key codes them (a found passage; scripts, tests).
    pub fn select_text(&mut self, range: Option<(usize, usize)>) {
        if let Some(open) = &mut self.open {
            open.selection = range;
            open.text_selection.send(range);
            open.focus_text.send(());
        }
    }

    /// Selects a claim again without scrolling: a double or triple click selects a
    /// word or sentence inside the claim its first click selected, and the claim the
    /// coder had chosen before stays the one S and Q act on.
    pub fn keep_claim(&mut self, id: Option<ClaimId>) {
        let Some(open) = &mut self.open else { return };
        if open.selected != id {
            open.selected = id;
            open.selected_suggestion = None;
            open.revision += 1;
        }
    }

    /// Selects a claim and scrolls the text to it, or clears the selection.
    pub fn select_claim(&mut self, id: Option<ClaimId>) {
        let Some(open) = &mut self.open else { return };
        open.selected = id;
        open.selected_suggestion = None;
        if let Some(start) = id.and_then(|id| open.loaded.file.claim(id)).map(|c| c.content.start) {
            open.scroll_to.send(start);
        }
        open.revision += 1;
    }

    /// Selects the next (or previous) claim in text order, wrapping around.
    pub fn step_claim(&mut self, forward: bool) {
        let next = self.open.as_ref().and_then(|o| o.neighbour_claim(forward));
        if next.is_some() {
            self.select_claim(next);
        }
    }

    /// Opens the next (or previous) document the filter lets through.
    pub fn step_document(&mut self, forward: bool) {
        let visible = self.visible_indices();
        if visible.is_empty() {
            return;
        }
        let pos = self.current_index().and_then(|i| visible.iter().position(|&v| v == i));
        let next = match (pos, forward) {
            (None, _) => visible[0],
            (Some(p), true) => visible[(p + 1).min(visible.len() - 1)],
            (Some(p), false) => visible[p.saturating_sub(1)],
        };
        if Some(next) != self.current_index() {
            self.open_document(next);
        }
    }

    /// Clears the selected claim and the text selection (Escape).
    pub fn clear_selection(&mut self) {
        let Some(open) = &mut self.open else { return };
        open.selected = None;
        open.selected_suggestion = None;
        open.consume_selection();
        open.revision += 1;
    }

    /// Codes chars `start..end` as a new claim of `kind` and selects it; selects the
    /// existing claim instead when the same span already has that kind.
    pub fn create_claim(&mut self, kind: &str, start: usize, end: usize) {
        if self.project.codebook().kind(kind).is_none() {
            return;
        }
        let Some(open) = &mut self.open else { return };
        if let Some(existing) =
            open.claims().iter().find(|c| c.content.start == start && c.content.end == end && c.kind == kind)
        {
            open.selected = Some(existing.id);
            return;
        }
        let kind = kind.to_owned();
        self.edit(None, |open, _| {
            let Some(span) = Span::from_text(&open.doc.text, start, end) else { return false };
            let id = open.loaded.file.take_claim_id();
            open.loaded.file.claims.push(Claim::new(id, &kind, span));
            open.selected = Some(id);
            open.selected_suggestion = None;
            true
        });
    }

    /// A kind's key: codes the text selection as a claim of that kind or, with no
    /// selection, changes the selected claim's kind (or accepts the selected
    /// suggestion as that kind).
    pub fn kind_key(&mut self, key: char) {
        let Some(kind) = self.project.codebook().kind_for_key(key).map(|k| k.id.clone()) else { return };
        if let Some((start, end)) = self.selection() {
            self.create_claim(&kind, start, end);
            if let Some(open) = &mut self.open {
                open.consume_selection();
            }
        } else if let Some(id) = self.selected_claim_id() {
            self.set_kind(id, kind);
        } else if self.open.as_ref().is_some_and(|o| o.selected_offer().is_some()) {
            self.accept_suggestion(Some(kind));
        } else {
            self.notice = Some("Select a passage in the text first, then press the kind's key.".to_owned());
        }
    }

    /// Changes a claim's kind.
    pub fn set_kind(&mut self, id: ClaimId, kind: String) {
        self.edit_claim(id, None, |c, _| {
            c.kind = kind;
            true
        });
    }

    /// Attributes a claim to an actor id, or unattributes it.
    pub fn set_source(&mut self, id: ClaimId, source: Option<String>) {
        self.edit_claim(id, None, |c, _| {
            c.source = source;
            true
        });
    }

    /// Attributes a claim to the actor with this name, creating the actor if unknown.
    pub fn set_source_by_name(&mut self, id: ClaimId, name: &str) {
        self.edit_claim(id, None, |c, project| {
            let name = name.trim();
            c.source = if name.is_empty() { None } else { Some(project.actors.ensure(name)) };
            true
        });
    }

    /// Marks the text selection as the selected claim's source mention or cue.
    pub fn mark_selection(&mut self, mark: Mark) {
        let (Some(id), Some((start, end))) = (self.selected_claim_id(), self.selection()) else {
            let what = match mark {
                Mark::SourceMention => "the words naming the source, then press S",
                Mark::Cue => "the reporting cue, then press Q",
            };
            self.notice = Some(format!("Select a claim, then select {what}."));
            return;
        };
        self.edit(None, |open, _| {
            let Some(span) = Span::from_text(&open.doc.text, start, end) else { return false };
            let Some(claim) = open.loaded.file.claim_mut(id) else { return false };
            let slot = match mark {
                Mark::SourceMention => &mut claim.source_mention,
                Mark::Cue => &mut claim.cue,
            };
            *slot = Some(span);
            claim.modified = crate::model::time::now();
            open.consume_selection();
            true
        });
    }

    /// Removes a claim's source mention or cue.
    pub fn clear_mark(&mut self, id: ClaimId, mark: Mark) {
        self.edit_claim(id, None, |c, _| {
            let slot = match mark {
                Mark::SourceMention => &mut c.source_mention,
                Mark::Cue => &mut c.cue,
            };
            slot.take().is_some()
        });
    }

    /// Sets the selected claim's content to the text selection (extend or shrink).
    pub fn span_to_selection(&mut self) {
        let (Some(id), Some((start, end))) = (self.selected_claim_id(), self.selection()) else { return };
        self.edit(None, |open, _| {
            let Some(span) = Span::from_text(&open.doc.text, start, end) else { return false };
            let Some(claim) = open.loaded.file.claim_mut(id) else { return false };
            if claim.content == span {
                return false;
            }
            claim.content = span;
            claim.modified = crate::model::time::now();
            open.consume_selection();
            true
        });
    }

    /// Snaps a claim's content to word edges.
    pub fn snap_to_words(&mut self, id: ClaimId) {
        self.edit(None, |open, _| {
            let text = &open.doc.text;
            let Some(claim) = open.loaded.file.claim_mut(id) else { return false };
            let snapped = text.snap(claim.content.start, claim.content.end, crate::text::Precision::Words);
            let Some(span) = snapped.and_then(|(start, end)| Span::from_text(text, start, end)) else { return false };
            if claim.content == span {
                return false;
            }
            claim.content = span;
            claim.modified = crate::model::time::now();
            true
        });
    }

    /// Replaces a claim's note; typing one note is one undo step.
    pub fn set_note(&mut self, id: ClaimId, note: String) {
        self.edit_claim(id, Some(format!("note-{id}")), |c, _| {
            let changed = c.note != note;
            c.note = note;
            changed
        });
    }

    /// Deletes a claim.
    pub fn delete_claim(&mut self, id: ClaimId) {
        self.edit(None, |open, _| {
            let before = open.loaded.file.claims.len();
            open.loaded.file.claims.retain(|c| c.id != id);
            before != open.loaded.file.claims.len()
        });
    }

    /// Sets the open document's status for this annotator.
    pub fn set_status(&mut self, status: Status) {
        self.edit(None, |open, _| {
            let changed = open.loaded.file.status != status;
            open.loaded.file.status = status;
            changed
        });
    }

    /// Toggles the open document between done and in progress.
    pub fn toggle_done(&mut self) {
        let status = self.open.as_ref().map(|o| o.loaded.file.status);
        self.set_status(if status == Some(Status::Done) { Status::InProgress } else { Status::Done });
    }

    /// Saves now; an untouched document without a file gets one, so that "opened,
    /// nothing to code" can be recorded.
    pub fn save(&mut self) {
        if let Some(open) = &mut self.open
            && !open.dirty
            && open.loaded.stamp.is_none()
            && open.loaded.is_editable()
        {
            open.mark_dirty();
        }
        self.save_now();
    }

    /// Goes back (or forward) one change of the open document and the project.
    pub fn undo(&mut self, back: bool) {
        let Some(open) = &mut self.open else { return };
        let current = open.snapshot(&self.project);
        let target = if back { open.undo.undo(current) } else { open.undo.redo(current) };
        let Some(target) = target else { return };
        open.loaded.file = target.file;
        let project_changed = self.project != target.project;
        self.project = target.project;
        self.changed();
        if project_changed {
            self.save_project();
        }
    }

    /// Whether there is a change to undo (or, with `back` false, to redo).
    pub fn can_undo(&self, back: bool) -> bool {
        self.open.as_ref().is_some_and(|o| if back { o.undo.can_undo() } else { o.undo.can_redo() })
    }

    /// Replaces an actor's details (matched by id).
    pub fn update_actor(&mut self, actor: Actor) {
        self.edit_project(|p| match p.actors.get_mut(&actor.id) {
            Some(a) if *a != actor => {
                *a = actor;
                true
            }
            _ => false,
        });
    }

    /// Folds actor `from` into `into`, re-pointing this annotator's claims in every
    /// document (FORMAT.md section 7).
    pub fn merge_actors(&mut self, from: &str, into: &str) {
        if self.project.actors.get(from).is_none() || self.project.actors.get(into).is_none() || from == into {
            return;
        }
        let (from, into) = (from.to_owned(), into.to_owned());
        if self.open.as_ref().is_some_and(|o| o.loaded.is_editable()) {
            self.edit(None, |open, project| {
                project.actors.merge(&from, &into);
                for c in &mut open.loaded.file.claims {
                    if c.source.as_deref() == Some(from.as_str()) {
                        c.source = Some(into.clone());
                    }
                }
                true
            });
        } else {
            self.project.actors.merge(&from, &into);
            self.save_project();
        }
        let failures = self.repoint_files(&from, &into);
        if !failures.is_empty() {
            self.notice = Some(format!("Some files could not be updated: {}", failures.join("; ")));
        }
    }

    /// The selected claim of the open document.
    pub fn selected_claim_id(&self) -> Option<ClaimId> {
        self.open.as_ref().and_then(|o| o.selected)
    }

    fn selection(&self) -> Option<(usize, usize)> {
        self.open.as_ref().and_then(|o| o.selection)
    }

    /// Runs a change of the open document's claims (and maybe the project) with undo,
    /// autosave and project saving. `f` returns whether it changed anything.
    pub(super) fn edit(&mut self, coalesce: Option<String>, f: impl FnOnce(&mut OpenDocument, &mut Project) -> bool) {
        let Some(open) = &mut self.open else { return };
        if !open.loaded.is_editable() {
            self.notice = Some(format!("This document is read-only for you: {}", self.save.label()));
            return;
        }
        let before = open.undo.keep(&mut open.loaded.file, &self.project);
        if !f(open, &mut self.project) {
            return;
        }
        let project_changed = self.project != *before.project();
        open.undo.record_kept(before, coalesce);
        self.changed();
        if project_changed {
            self.save_project();
        }
    }

    pub(super) fn edit_claim(
        &mut self,
        id: ClaimId,
        coalesce: Option<String>,
        f: impl FnOnce(&mut Claim, &mut Project) -> bool,
    ) {
        self.edit(coalesce, |open, project| {
            let Some(claim) = open.loaded.file.claim_mut(id) else { return false };
            let changed = f(claim, project);
            if changed {
                claim.modified = crate::model::time::now();
            }
            changed
        });
    }

    /// Changes the project alone (the registry window); undoable while a document is open.
    fn edit_project(&mut self, f: impl FnOnce(&mut Project) -> bool) {
        if self.open.as_ref().is_some_and(|o| o.loaded.is_editable()) {
            self.edit(None, |_, project| f(project));
        } else if f(&mut self.project) {
            self.save_project();
        }
    }
}
