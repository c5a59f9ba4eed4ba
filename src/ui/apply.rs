//! The one place where actions change the app: every edit of the coded data goes
//! through [`App::apply`], which records undo, marks the document for autosave and
//! keeps the project file in step.

use std::path::PathBuf;

use super::action::{Action, Mode};
use super::app::App;
use super::folder_picker::pick_in_background;
use super::open_document::OpenDocument;
use super::review::ReviewAction;
use super::widgets::dialogs;
use super::workspace::Workspace;
use crate::model::{Annotator, Claim, Project, Span, Status};

impl App {
    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::OpenCorpus(path) => self.open_corpus(path),
            Action::ShowOpenCorpus => {
                let start = self.workspace.as_ref().map(|w| w.corpus.root.display().to_string()).unwrap_or_default();
                self.dialogs.open_corpus = Some(dialogs::OpenCorpus { path: start, ..Default::default() });
            }
            Action::SetAnnotator(name) => self.set_annotator(&name),
            Action::ChangeAnnotator => {
                let name = self.annotator().map(|a| a.to_string()).unwrap_or_default();
                self.dialogs.annotator_prompt = Some(dialogs::AnnotatorPrompt { name, ..Default::default() });
            }
            Action::OpenDocument(index) => self.open_document(index),
            Action::NextDocument => self.step_document(true),
            Action::PrevDocument => self.step_document(false),
            Action::SelectClaim(id) => self.with_open(|open| {
                open.selected = id;
                open.scroll_to = id.and_then(|id| open.loaded.file.claim(id)).map(|c| c.content.start);
                open.revision += 1;
            }),
            Action::NextClaim | Action::PrevClaim => {
                let forward = action == Action::NextClaim;
                let next =
                    self.workspace.as_ref().and_then(|w| w.open.as_ref()).and_then(|o| o.neighbour_claim(forward));
                if next.is_some() {
                    self.apply(Action::SelectClaim(next));
                }
            }
            Action::CreateClaim { kind, start, end } => self.create_claim(&kind, start, end),
            Action::KindKey(key) => self.kind_key(key),
            Action::SetKind(id, kind) => self.edit_claim(id, None, |c, _| {
                c.kind = kind;
                true
            }),
            Action::SetSource(id, source) => self.edit_claim(id, None, |c, _| {
                c.source = source;
                true
            }),
            Action::SetSourceByName(id, name) => self.edit_claim(id, None, |c, project| {
                let name = name.trim();
                c.source = if name.is_empty() { None } else { Some(project.actors.ensure(name)) };
                true
            }),
            Action::MarkSourceMention => self.mark_selection(true),
            Action::MarkCue => self.mark_selection(false),
            Action::ClearSourceMention(id) => self.edit_claim(id, None, |c, _| c.source_mention.take().is_some()),
            Action::ClearCue(id) => self.edit_claim(id, None, |c, _| c.cue.take().is_some()),
            Action::SpanToSelection => self.span_to_selection(),
            Action::SnapToWords(id) => self.snap_to_words(id),
            Action::SetNote(id, note) => self.edit_claim(id, Some(format!("note-{id}")), |c, _| {
                let changed = c.note != note;
                c.note = note;
                changed
            }),
            Action::DeleteClaim(id) => self.edit(None, |open, _| {
                let before = open.loaded.file.claims.len();
                open.loaded.file.claims.retain(|c| c.id != id);
                before != open.loaded.file.claims.len()
            }),
            Action::DeleteSelected => {
                if let Some(id) = self.selected_claim_id() {
                    self.apply(Action::DeleteClaim(id));
                }
            }
            Action::SetStatus(status) => self.edit(None, |open, _| {
                let changed = open.loaded.file.status != status;
                open.loaded.file.status = status;
                changed
            }),
            Action::ToggleDone => {
                let done = self.workspace.as_ref().and_then(|w| w.open.as_ref()).map(|o| o.loaded.file.status);
                let next = if done == Some(Status::Done) { Status::InProgress } else { Status::Done };
                self.apply(Action::SetStatus(next));
            }
            Action::Undo if self.mode == Mode::Review => self.apply_review(ReviewAction::Undo),
            Action::Redo if self.mode == Mode::Review => self.apply_review(ReviewAction::Redo),
            Action::Undo => self.undo(true),
            Action::Redo => self.undo(false),
            Action::Save => {
                if let Some(ws) = &mut self.workspace {
                    if let Some(open) = &mut ws.open
                        && !open.dirty
                        && open.loaded.stamp.is_none()
                        && open.loaded.is_editable()
                    {
                        open.mark_dirty();
                    }
                    ws.save_now();
                }
            }
            Action::Reload => {
                if let Some(ws) = &mut self.workspace {
                    ws.reload();
                }
            }
            Action::UpdateActor(actor) => self.edit_project(|p| match p.actors.get_mut(&actor.id) {
                Some(a) if *a != actor => {
                    *a = actor;
                    true
                }
                _ => false,
            }),
            Action::MergeActors { from, into } => self.merge_actors(&from, &into),
            Action::ToggleShortcuts => self.dialogs.shortcuts = !self.dialogs.shortcuts,
            Action::ToggleCodebook => self.dialogs.codebook = !self.dialogs.codebook,
            Action::ToggleActors => {
                self.dialogs.actors = match self.dialogs.actors {
                    Some(_) => None,
                    None => Some(Default::default()),
                }
            }
            Action::Find => self.dialogs.find = Some(self.dialogs.find.take().unwrap_or_default().focused()),
            Action::Escape => {
                self.dialogs.shortcuts = false;
                if self.dialogs.find.take().is_some() {
                    self.with_open(|open| open.focus_text = true);
                    return;
                }
                self.with_open(|open| {
                    open.selected = None;
                    open.consume_selection();
                    open.revision += 1;
                });
            }
            Action::SetMode(mode) => {
                if let Some(ws) = &mut self.workspace {
                    ws.save_now();
                }
                self.mode = mode;
            }
            Action::Review(action) => self.apply_review(action),
            Action::Datasets(action) => self.apply_datasets(action),
            Action::Quit => {
                if let Some(ws) = &mut self.workspace
                    && !ws.save_now()
                {
                    self.dialogs.confirm_close = Some(ws.save.label());
                    return;
                }
                self.close_anyway();
            }
        }
    }

    fn open_corpus(&mut self, path: PathBuf) {
        if let Some(ws) = &mut self.workspace {
            ws.save_now();
        }
        let annotator = self
            .annotator()
            .cloned()
            .or_else(|| self.settings.annotator.as_deref().and_then(|n| Annotator::parse(n).ok()));
        let Some(annotator) = annotator else {
            self.pending_corpus = Some(path);
            self.dialogs.annotator_prompt.get_or_insert_with(Default::default);
            return;
        };
        match Workspace::open(&path, annotator) {
            Ok(ws) => {
                self.settings.last_corpus = Some(ws.corpus.root.clone());
                self.workspace = Some(ws);
                self.error = None;
                self.dialogs.open_corpus = None;
                self.dialogs.find = None;
                self.pending_corpus = None;
            }
            Err(e) => {
                let message = e.to_string();
                match &mut self.dialogs.open_corpus {
                    Some(d) => d.error = Some(message.clone()),
                    None => self.error = Some(message),
                }
            }
        }
    }

    /// Starts the native folder dialog off the UI thread.
    pub fn browse_for_corpus(&mut self) {
        let start = self.workspace.as_ref().map(|w| w.corpus.root.clone());
        self.picker_rx = Some(pick_in_background(self.picker.clone(), start));
    }

    fn set_annotator(&mut self, name: &str) {
        match Annotator::parse(name.trim()) {
            Ok(annotator) => {
                self.settings.annotator = Some(annotator.to_string());
                self.dialogs.annotator_prompt = None;
                let corpus =
                    self.pending_corpus.take().or_else(|| self.workspace.as_ref().map(|w| w.corpus.root.clone()));
                if let Some(ws) = &mut self.workspace {
                    ws.save_now();
                }
                self.workspace = None;
                if let Some(path) = corpus {
                    self.open_corpus(path);
                }
            }
            Err(e) => {
                let prompt = self.dialogs.annotator_prompt.get_or_insert_with(Default::default);
                prompt.name = name.to_owned();
                prompt.error = Some(e.to_string());
            }
        }
    }

    fn open_document(&mut self, index: usize) {
        if let Some(ws) = &mut self.workspace {
            ws.open_document(index);
            if let Some(find) = &mut self.dialogs.find {
                find.invalidate();
            }
        }
    }

    fn step_document(&mut self, forward: bool) {
        let Some(ws) = &self.workspace else { return };
        let visible = ws.visible_indices();
        if visible.is_empty() {
            return;
        }
        let pos = ws.current_index().and_then(|i| visible.iter().position(|&v| v == i));
        let next = match (pos, forward) {
            (None, _) => visible[0],
            (Some(p), true) => visible[(p + 1).min(visible.len() - 1)],
            (Some(p), false) => visible[p.saturating_sub(1)],
        };
        if Some(next) != ws.current_index() {
            self.open_document(next);
        }
    }

    fn with_open(&mut self, f: impl FnOnce(&mut OpenDocument)) {
        if let Some(open) = self.workspace.as_mut().and_then(|w| w.open.as_mut()) {
            f(open);
        }
    }

    fn selected_claim_id(&self) -> Option<u64> {
        self.workspace.as_ref().and_then(|w| w.open.as_ref()).and_then(|o| o.selected)
    }

    /// Runs a change of the open document's claims (and maybe the project) with undo,
    /// autosave and project saving. `f` returns whether it changed anything.
    fn edit(&mut self, coalesce: Option<String>, f: impl FnOnce(&mut OpenDocument, &mut Project) -> bool) {
        let Some(ws) = &mut self.workspace else { return };
        let Some(open) = &mut ws.open else { return };
        if !open.loaded.is_editable() {
            ws.notice = Some(format!("This document is read-only for you: {}", ws.save.label()));
            return;
        }
        let before = open.snapshot(&ws.project);
        if !f(open, &mut ws.project) {
            return;
        }
        open.undo.record(before.clone(), coalesce);
        let project_changed = ws.project != before.project;
        ws.changed();
        if project_changed {
            ws.save_project();
        }
    }

    fn edit_claim(&mut self, id: u64, coalesce: Option<String>, f: impl FnOnce(&mut Claim, &mut Project) -> bool) {
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
        let Some(ws) = &mut self.workspace else { return };
        if ws.open.as_ref().is_some_and(|o| o.loaded.is_editable()) {
            self.edit(None, |_, project| f(project));
        } else if f(&mut ws.project) {
            ws.save_project();
        }
    }

    fn create_claim(&mut self, kind: &str, start: usize, end: usize) {
        let Some(ws) = &mut self.workspace else { return };
        if ws.project.codebook().kind(kind).is_none() {
            return;
        }
        let Some(open) = &mut ws.open else { return };
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
            true
        });
    }

    fn current_selection(&self) -> Option<(usize, usize)> {
        self.workspace.as_ref().and_then(|w| w.open.as_ref()).and_then(|o| o.selection)
    }

    fn kind_key(&mut self, key: char) {
        let Some(ws) = &self.workspace else { return };
        let Some(kind) = ws.project.codebook().kind_for_key(key).map(|k| k.id.clone()) else { return };
        if let Some((start, end)) = self.current_selection() {
            self.create_claim(&kind, start, end);
            self.with_open(OpenDocument::consume_selection);
        } else if let Some(id) = self.selected_claim_id() {
            self.apply(Action::SetKind(id, kind));
        } else if let Some(ws) = &mut self.workspace {
            ws.notice = Some("Select a passage in the text first, then press the kind's key.".to_owned());
        }
    }

    fn mark_selection(&mut self, mention: bool) {
        let (Some(id), Some((start, end))) = (self.selected_claim_id(), self.current_selection()) else {
            if let Some(ws) = &mut self.workspace {
                let what = if mention {
                    "the words naming the source, then press S"
                } else {
                    "the reporting cue, then press Q"
                };
                ws.notice = Some(format!("Select a claim, then select {what}."));
            }
            return;
        };
        self.edit(None, |open, _| {
            let Some(span) = Span::from_text(&open.doc.text, start, end) else { return false };
            let Some(claim) = open.loaded.file.claim_mut(id) else { return false };
            let slot = if mention { &mut claim.source_mention } else { &mut claim.cue };
            *slot = Some(span);
            claim.modified = crate::model::time::now();
            open.consume_selection();
            true
        });
    }

    fn span_to_selection(&mut self) {
        let (Some(id), Some((start, end))) = (self.selected_claim_id(), self.current_selection()) else { return };
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

    fn snap_to_words(&mut self, id: u64) {
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

    fn undo(&mut self, back: bool) {
        let Some(ws) = &mut self.workspace else { return };
        let Some(open) = &mut ws.open else { return };
        let current = open.snapshot(&ws.project);
        let target = if back { open.undo.undo(current) } else { open.undo.redo(current) };
        let Some(target) = target else { return };
        open.loaded.file = target.file;
        let project_changed = ws.project != target.project;
        ws.project = target.project;
        ws.changed();
        if project_changed {
            ws.save_project();
        }
    }

    fn merge_actors(&mut self, from: &str, into: &str) {
        let Some(ws) = &mut self.workspace else { return };
        if ws.project.actors.get(from).is_none() || ws.project.actors.get(into).is_none() || from == into {
            return;
        }
        let (from, into) = (from.to_owned(), into.to_owned());
        let open_editable = ws.open.as_ref().is_some_and(|o| o.loaded.is_editable());
        if open_editable {
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
            ws.project.actors.merge(&from, &into);
            ws.save_project();
        }
        if let Some(ws) = &mut self.workspace {
            let failures = ws.repoint_files(&from, &into);
            if !failures.is_empty() {
                ws.notice = Some(format!("Some files could not be updated: {}", failures.join("; ")));
            }
        }
    }
}
