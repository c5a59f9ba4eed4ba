//! An open corpus as the app holds it: the scanned folder, its project file, who is
//! coding, the document list and the open document, with the saving rules of
//! FORMAT.md section 3 (autosave, never clobber, keep work on failure).

use std::path::Path;
use std::time::Instant;

use super::conflicts::ConflictLog;
use super::listing::{DocOrder, DocSummary, Listing};
use super::open_document::OpenDocument;
use super::save_status::{AUTOSAVE_DELAY, RETRY_DELAY, SaveStatus};
use super::suggestions::{Suggestions, suggested_path};
use crate::model::corpus::CorpusError;
use crate::model::metadata::{DocumentMeta, METADATA_FILE, Metadata};
use crate::model::{Annotator, Corpus, Document, Project};
use crate::store::conflict::{conflict_copies, save_merging};
use crate::store::metadata_io::read_metadata;
use crate::store::project_io::{load_project, save_project};
use crate::store::session::load_from_path;
use crate::store::{Access, DiskStamp, SaveError, load_annotations, save_annotations};

/// An open corpus.
pub struct Workspace {
    /// The scanned folder.
    pub corpus: Corpus,
    /// Codebook and actor registry.
    pub project: Project,
    /// Why `claimcoder.ron` cannot be used; while set, it is never written.
    pub project_error: Option<String>,
    project_stamp: Option<DiskStamp>,
    /// Who is coding.
    pub annotator: Annotator,
    /// The document list's facts, filled in by a background job the app starts.
    pub listing: Listing,
    /// The document being coded.
    pub open: Option<OpenDocument>,
    /// Why the selected document cannot be opened (not UTF-8, unreadable).
    pub open_error: Option<(usize, crate::model::document::DocumentError)>,
    /// The save indicator.
    pub save: SaveStatus,
    /// A message the user must see (a reload after an outside change, a conflict copy).
    pub notice: Option<String>,
    /// The document list's filter text.
    pub filter: String,
    /// Merges with outside changes this session and the conflicts they left.
    pub conflicts: ConflictLog,
    /// The document list's order.
    pub order: DocOrder,
    /// Headline, date, outlet and the rest of each document, from `documents.csv`
    /// (empty without one).
    pub metadata: Metadata,
    /// Why `documents.csv` cannot be used; no metadata is shown meanwhile.
    pub metadata_error: Option<String>,
    /// Whether suggested claims are drawn and offered (the View menu's toggle).
    pub suggestions_shown: bool,
}

impl Workspace {
    /// Opens the corpus at `root` for `annotator` and the first document.
    pub fn open(root: &Path, annotator: Annotator) -> Result<Self, CorpusError> {
        let corpus = Corpus::scan(root)?;
        let project_path = corpus.project_path();
        let (project, project_error) = match load_project(&project_path) {
            Ok(p) => (p, None),
            Err(e) => (Project::builtin(), Some(e.to_string())),
        };
        let project_stamp = std::fs::read(&project_path).ok().map(|b| DiskStamp::of(&project_path, &b));
        let listing = Listing::new(corpus.documents.len());
        let (metadata, metadata_error) = match read_metadata(&corpus.root.join(METADATA_FILE)) {
            Ok((m, _)) => (m, None),
            Err(e) => (Metadata::default(), Some(e.to_string())),
        };
        let mut ws = Self {
            corpus,
            project,
            project_error,
            project_stamp,
            annotator,
            listing,
            open: None,
            open_error: None,
            save: SaveStatus::Saved,
            notice: None,
            filter: String::new(),
            conflicts: ConflictLog::default(),
            order: DocOrder::default(),
            metadata,
            metadata_error,
            suggestions_shown: true,
        };
        if !ws.corpus.documents.is_empty() {
            ws.open_document(0);
        }
        Ok(ws)
    }

    /// Saves the open document, then opens document `index`.
    pub fn open_document(&mut self, index: usize) {
        self.save_now();
        let Some(entry) = self.corpus.documents.get(index) else { return };
        match Document::load(&entry.id, &entry.path) {
            Ok(doc) => {
                let loaded = load_annotations(entry, &self.annotator, &doc);
                self.save = match &loaded.access {
                    Access::Editable => SaveStatus::Saved,
                    Access::ReadOnly(e) => SaveStatus::ReadOnly(e.to_string()),
                };
                self.conflicts.copies_on_disk = conflict_copies(&loaded.path);
                let suggestions = Suggestions::from_file(&suggested_path(&entry.path), &doc);
                let mut open = OpenDocument::new(index, doc, loaded, suggestions);
                open.scroll_to.send(0);
                self.open = Some(open);
                self.open_error = None;
                self.prune_conflicts();
            }
            Err(e) => {
                self.open = None;
                self.open_error = Some((index, e));
                self.save = SaveStatus::Saved;
            }
        }
    }

    /// Indices of the documents the filter lets through (it searches the title and
    /// text, and the document's metadata), in the list's order.
    pub fn visible_indices(&self) -> Vec<usize> {
        let filter = self.filter.trim().to_lowercase();
        let mut visible: Vec<usize> = (0..self.corpus.documents.len())
            .filter(|&i| {
                let id = &self.corpus.documents[i].id;
                let in_row = match self.listing.rows.get(i).and_then(Option::as_ref) {
                    Some(row) => row.matches(&filter),
                    None => filter.is_empty() || id.to_lowercase().contains(&filter),
                };
                in_row
                    || self
                        .metadata
                        .get(id)
                        .is_some_and(|m| m.values().any(|(_, v)| v.to_lowercase().contains(&filter)))
            })
            .collect();
        let key = |i: &usize| self.order_key(*i);
        match self.order {
            DocOrder::Path => {}
            _ => visible.sort_by_cached_key(key),
        }
        visible
    }

    /// What document `index` sorts by in the list's order: documents without the
    /// value last, ties by path.
    fn order_key(&self, index: usize) -> (bool, String, String) {
        let meta = self.meta(index);
        let lower = |s: Option<&str>| s.map(str::to_lowercase);
        let date = || meta.and_then(|m| m.date()).map(|d| d.format("%Y-%m-%d").to_string());
        let value = match self.order {
            DocOrder::Path => None,
            DocOrder::Date => date(),
            DocOrder::Outlet => {
                lower(meta.and_then(|m| m.outlet())).map(|o| format!("{o}\u{0}{}", date().unwrap_or_default()))
            }
            DocOrder::Title => Some(self.title(index).to_lowercase()),
        };
        (value.is_none(), value.unwrap_or_default(), self.corpus.documents[index].id.clone())
    }

    /// Document `index`'s row of `documents.csv`.
    pub fn meta(&self, index: usize) -> Option<DocumentMeta<'_>> {
        self.metadata.get(&self.corpus.documents.get(index)?.id)
    }

    /// The title the list shows for document `index`: its `title` in `documents.csv`,
    /// else its first non-empty line once read, else its id.
    pub fn title(&self, index: usize) -> String {
        if let Some(t) = self.meta(index).and_then(|m| m.title()) {
            return crate::model::document::title_of(t);
        }
        match self.listing.rows.get(index).and_then(Option::as_ref) {
            Some(row) if !row.title.is_empty() => row.title.clone(),
            _ => self.corpus.documents.get(index).map(|e| e.id.clone()).unwrap_or_default(),
        }
    }

    /// The index of the open (or failed) document.
    pub fn current_index(&self) -> Option<usize> {
        self.open.as_ref().map(|o| o.index).or(self.open_error.as_ref().map(|(i, _)| *i))
    }

    /// Marks the open document changed and updates its row in the list.
    pub fn changed(&mut self) {
        let Some(open) = &mut self.open else { return };
        open.loaded.file.modified = crate::model::time::now();
        open.refresh();
        open.mark_dirty();
        self.save = SaveStatus::Pending;
        self.update_row();
    }

    fn update_row(&mut self) {
        let Some(open) = &self.open else { return };
        if let Some(Some(row)) = self.listing.rows.get_mut(open.index) {
            row.claims = open.loaded.file.claims.len();
            row.status = Some(open.loaded.file.status);
        } else if let Some(slot) = self.listing.rows.get_mut(open.index) {
            let file = &open.loaded.file;
            *slot = Some(DocSummary::of_open(&open.doc.id, open.doc.text.as_str(), file.claims.len(), file.status));
        }
    }

    /// Saves when the autosave deadline or the retry time has come; returns how long
    /// until it should be called again, if anything is pending.
    pub fn autosave(&mut self, now: Instant) -> Option<std::time::Duration> {
        let open = self.open.as_ref()?;
        if !open.dirty {
            return None;
        }
        let due = match &self.save {
            SaveStatus::Failed { retry_at, .. } => *retry_at,
            SaveStatus::Saved | SaveStatus::Pending | SaveStatus::ReadOnly(_) => {
                open.dirty_since.unwrap_or(now) + AUTOSAVE_DELAY
            }
        };
        if now >= due {
            self.save_now();
            return self.open.as_ref().filter(|o| o.dirty).map(|_| RETRY_DELAY);
        }
        Some(due - now)
    }

    /// Writes the open document's annotations now, if there are unsaved changes.
    /// Returns whether everything is on disk afterwards.
    pub fn save_now(&mut self) -> bool {
        let Some(open) = &mut self.open else { return true };
        if !open.dirty {
            return true;
        }
        match save_annotations(&mut open.loaded, &open.doc, &self.project.actors) {
            Ok(()) => {
                open.dirty = false;
                open.dirty_since = None;
                self.save = SaveStatus::Saved;
                self.corpus_learns_file();
                true
            }
            Err(SaveError::ChangedOnDisk { path }) => self.resolve_conflict(&path),
            Err(SaveError::ReadOnly { reason, .. }) => {
                self.save = SaveStatus::ReadOnly(reason);
                false
            }
            Err(e) => {
                self.save = SaveStatus::Failed { reason: e.to_string(), retry_at: Instant::now() + RETRY_DELAY };
                false
            }
        }
    }

    /// After a first save, the corpus knows the new file (for review and export).
    fn corpus_learns_file(&mut self) {
        let Some(open) = &self.open else { return };
        if let Some(entry) = self.corpus.documents.get_mut(open.index) {
            entry.annotations.insert(self.annotator.clone(), open.loaded.path.clone());
        }
    }

    /// Someone else changed our file: merge their version with our unsaved one
    /// claim by claim, keep our whole version in a uniquely named conflict copy when
    /// both changed the same claim (listed in the Conflicts panel), show the merged
    /// file and tell the user. Nothing is lost and nothing is clobbered. Returns
    /// whether the work is on disk.
    fn resolve_conflict(&mut self, shown: &str) -> bool {
        let Some(open) = &mut self.open else { return true };
        let had_work = open.dirty;
        match save_merging(&mut open.loaded, &open.doc, &self.project.actors) {
            Ok(report) => {
                open.dirty = false;
                open.dirty_since = None;
                if let Some((_, new)) = report.renumbered.iter().find(|(old, _)| Some(*old) == open.selected) {
                    open.selected = Some(*new);
                }
                let document = self.corpus.documents[open.index].id.clone();
                self.save = SaveStatus::Saved;
                let merged_ours = (report.merged && (had_work || report.written)) || report.copy.is_some();
                self.notice = Some(match &report.copy {
                    Some(copy) => format!(
                        "{shown} was changed by another program and merged with your work; {} claim(s) changed on \
                         both sides keep the other version (see Conflicts), yours is kept in {}.",
                        report.conflicts.len(),
                        copy.display()
                    ),
                    None if merged_ours => {
                        format!("{shown} was changed by another program and merged with your work.")
                    }
                    None => format!("{document} changed on disk and was reloaded."),
                });
                if merged_ours {
                    self.conflicts.record(&document, report.conflicts, report.copy);
                }
                self.corpus_learns_file();
                self.reload_keeping_view();
                true
            }
            Err(SaveError::ReadOnly { reason, .. }) => {
                self.save = SaveStatus::ReadOnly(reason);
                false
            }
            Err(e) => {
                self.save = SaveStatus::Failed { reason: e.to_string(), retry_at: Instant::now() + RETRY_DELAY };
                false
            }
        }
    }

    /// Acts on the open document's files as they are on disk now (after the window
    /// got the focus back, or a watcher saw a change): a changed annotation file is
    /// merged with unsaved work at once, or reloaded when nothing is unsaved; a
    /// changed text is reloaded when nothing is unsaved (else the next save
    /// re-anchors). Our own writes change nothing.
    pub fn check_disk(&mut self) {
        let Some(open) = &self.open else { return };
        let text_changed = std::fs::read(&self.corpus.documents[open.index].path)
            .map(|b| crate::model::document::sha256_hex(&b) != open.doc.sha256)
            .unwrap_or(false);
        let file_changed = open.loaded.changed_on_disk();
        if file_changed && open.loaded.is_editable() && (open.dirty || open.loaded.path.exists()) {
            // Merged even with nothing unsaved: a version written over an older
            // file may lack claims we saved, and those are kept and written back.
            let shown = open.loaded.path.display().to_string();
            self.resolve_conflict(&shown);
            return;
        }
        if open.dirty {
            return;
        }
        if text_changed || file_changed {
            let id = &self.corpus.documents[open.index].id;
            self.notice = Some(format!("{id} changed on disk and was reloaded."));
            self.reload_keeping_view();
        }
    }

    /// Reads the open document again, keeping the selected claim, the text
    /// selection and the scroll position when the text is unchanged. Undo history
    /// starts afresh: undo never takes back another program's change.
    pub(super) fn reload_keeping_view(&mut self) {
        let Some(old) = &self.open else { return };
        let (index, selected, selection, sha) = (old.index, old.selected, old.selection, old.doc.sha256.clone());
        let (suggestions, selected_suggestion) = (old.suggestions.clone(), old.selected_suggestion);
        self.open_document(index);
        let Some(open) = &mut self.open else { return };
        if open.doc.sha256 == sha {
            open.scroll_to = Default::default();
            open.selection = selection;
            open.selected = selected.filter(|id| open.loaded.file.claim(*id).is_some());
            // The built-in suggester's answer holds for the same text; a suggested
            // file was just read again.
            if open.suggestions == Suggestions::Pending {
                open.suggestions = suggestions;
            }
            open.selected_suggestion = selected_suggestion;
            open.refresh_live();
        }
        self.update_row();
    }

    /// Reads document `index` again after its text was rewritten (converted to
    /// UTF-8): its list row is read afresh (title, error) and it is opened.
    pub fn reread_document(&mut self, index: usize) {
        if let Some(slot) = self.listing.rows.get_mut(index) {
            *slot = None;
        }
        self.open_document(index);
        if let (Some(slot), Some(entry)) = (self.listing.rows.get_mut(index), self.corpus.documents.get(index))
            && slot.is_none()
        {
            *slot = Some(DocSummary::read(entry, &self.annotator));
        }
    }

    /// Re-reads the open document from disk (after the user fixed a broken file).
    pub fn reload(&mut self) {
        if let Some(index) = self.current_index() {
            self.save_now();
            self.open_document(index);
        }
    }

    /// Writes `claimcoder.ron` unless it is broken or was changed by someone else;
    /// a refusal or failure is the notice.
    pub fn save_project(&mut self) {
        if let Err(e) = self.write_project() {
            self.notice = Some(e);
        }
    }

    /// Why `claimcoder.ron` must not be written now: it had an error when read, or
    /// another program changed (or created) it since.
    pub fn project_unwritable(&self) -> Option<String> {
        let path = self.corpus.project_path();
        if let Some(err) = &self.project_error {
            return Some(format!("The codebook file is not written while it has an error: {err}"));
        }
        let changed = match &self.project_stamp {
            Some(stamp) => !stamp.still_matches(&path),
            None => path.exists(),
        };
        changed.then(|| {
            format!(
                "{} was changed by another program; your codebook and registry changes are kept in memory and not \
                 written (reopen the corpus to read it).",
                path.display()
            )
        })
    }

    /// Writes `claimcoder.ron` now, or says why not.
    pub fn write_project(&mut self) -> Result<(), String> {
        if let Some(why) = self.project_unwritable() {
            return Err(why);
        }
        let path = self.corpus.project_path();
        save_project(&path, &self.project).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        self.project_stamp = std::fs::read(&path).ok().map(|b| DiskStamp::of(&path, &b));
        Ok(())
    }

    /// Re-points every claim of this annotator from actor `from` to `into` in the
    /// files on disk (the open document is handled in memory by the caller).
    pub fn repoint_files(&mut self, from: &str, into: &str) -> Vec<String> {
        let mut failures = Vec::new();
        let open_index = self.open.as_ref().map(|o| o.index);
        for (i, entry) in self.corpus.documents.iter().enumerate() {
            if Some(i) == open_index || !entry.annotations.contains_key(&self.annotator) {
                continue;
            }
            let Ok(doc) = Document::load(&entry.id, &entry.path) else { continue };
            let mut loaded = load_from_path(&entry.annotation_path(&self.annotator), &entry.id, &self.annotator, &doc);
            let mut touched = false;
            for claim in &mut loaded.file.claims {
                if claim.source.as_deref() == Some(from) {
                    claim.source = Some(into.to_owned());
                    touched = true;
                }
            }
            if touched && let Err(e) = save_annotations(&mut loaded, &doc, &self.project.actors) {
                failures.push(e.to_string());
            }
        }
        failures
    }
}
