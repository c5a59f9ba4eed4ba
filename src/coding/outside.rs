//! What the session does when files change on disk while it is open (FORMAT.md
//! section 7, "Outside changes"): the open document is reloaded when nothing is
//! unsaved and merged three ways at once when something is, so the coder's work is on
//! disk whatever happens next; other documents' rows are read again and the caller
//! told, so it can read the corpus again for review and statistics. Our own writes
//! are recognised (their content is what we last wrote) and ignored.

use std::path::Path;

use super::listing::DocSummary;
use super::workspace::Workspace;
use crate::model::corpus::split_annotation_path;
use crate::store::conflict::conflict_copies;
use crate::store::own_writes::is_own_write;
use crate::store::watch::OutsideChanges;

/// What outside changes meant beyond the open document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutsideOutcome {
    /// Other documents' files changed: what review and statistics show is stale.
    pub others_changed: bool,
}

impl Workspace {
    /// Acts on files other programs changed (see the module's documentation).
    pub fn outside_changes(&mut self, changes: &OutsideChanges) -> OutsideOutcome {
        let mut outcome = OutsideOutcome::default();
        if let Some(error) = changes.errors.first() {
            self.notice = Some(format!("Watching the corpus for changes by other programs failed: {error}"));
        }
        let open = self.open.as_ref().map(|o| (o.index, o.loaded.path.clone(), o.loaded.is_editable()));
        if let Some((index, path, editable)) = &open {
            let text = self.corpus.documents[*index].path.clone();
            if !editable && changes.touches(path) {
                // A broken or newer file changed: maybe the user fixed it.
                self.reload_keeping_view();
            } else if changes.touches(path) || changes.touches(&text) {
                self.check_disk();
            }
            if changes.touches(&super::suggestions::suggested_path(&text)) {
                self.reread_suggestions();
            }
            let copies_changed = changes.rescan || changes.paths.iter().any(|p| is_copy_of(p, path));
            if copies_changed {
                self.conflicts.copies_on_disk = conflict_copies(path);
            }
        }
        let mut unknown_texts = false;
        for changed in &changes.paths {
            if open.as_ref().is_some_and(|(_, p, _)| p == changed) || is_own_write(changed) {
                continue;
            }
            if let Some(index) = self.document_of(changed) {
                if Some(index) != open.as_ref().map(|(i, _, _)| *i) {
                    self.reread_row(index);
                }
                outcome.others_changed = true;
            } else if changed.extension().is_some_and(|e| e == "txt") {
                unknown_texts = true;
            }
        }
        if changes.rescan {
            outcome.others_changed = true;
        }
        if unknown_texts {
            self.notice = Some(
                "Documents were added to or removed from the corpus folder; open the corpus again to list them."
                    .to_owned(),
            );
        }
        outcome
    }

    /// The document whose text or annotation file (any annotator's) is `path`;
    /// learns an annotation file that appeared or forgets one that went.
    fn document_of(&mut self, path: &Path) -> Option<usize> {
        if let Some(i) = self.corpus.documents.iter().position(|d| d.path == path) {
            return Some(i);
        }
        let (text, annotator) = split_annotation_path(path)?;
        let index = self.corpus.documents.iter().position(|d| d.path == text)?;
        let annotations = &mut self.corpus.documents[index].annotations;
        if path.exists() {
            annotations.insert(annotator, path.to_path_buf());
        } else {
            annotations.remove(&annotator);
        }
        Some(index)
    }

    /// Reads a document's row of the list again (its claim count and status).
    fn reread_row(&mut self, index: usize) {
        let row = DocSummary::read(&self.corpus.documents[index], &self.annotator);
        if let Some(slot) = self.listing.rows.get_mut(index) {
            *slot = Some(row);
        }
    }
}

/// Whether `path` is a conflict copy of the annotation file `of`.
fn is_copy_of(path: &Path, of: &Path) -> bool {
    let (Some(name), Some(of_name)) = (path.file_name(), of.file_name()) else { return false };
    path.parent() == of.parent()
        && name
            .to_string_lossy()
            .strip_prefix(&*of_name.to_string_lossy())
            .is_some_and(|rest| rest.starts_with(crate::model::corpus::CONFLICT_MARK))
}
