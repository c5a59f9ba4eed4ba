//! One annotator's file for one document, as the app and the CLI hold it: loaded
//! with its access rights and re-anchoring report, and saved only when that cannot
//! destroy anyone's work.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::annotation_io::{LoadError, read_annotation, to_ron};
use super::{DiskStamp, ReanchorReport, reanchor, write_atomic};
use crate::model::{ActorRegistry, AnnotationFile, Annotator, Document, DocumentEntry};

/// Whether the loaded annotations may be written back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Access {
    /// Normal editing.
    Editable,
    /// The file on disk is broken or newer; it is shown (if possible) but never
    /// written until the user fixes it.
    ReadOnly(LoadError),
}

/// One annotator's claims on one document, with what we know about the file.
#[derive(Clone, Debug)]
pub struct LoadedAnnotations {
    /// Where the file is or will be.
    pub path: PathBuf,
    /// The claims (re-anchored to the current text).
    pub file: AnnotationFile,
    /// Whether saving is allowed.
    pub access: Access,
    /// What re-anchoring did on load.
    pub report: ReanchorReport,
    /// The file as last read or written; `None` when it does not exist yet.
    pub stamp: Option<DiskStamp>,
    /// The claims as last read (re-anchored) or written: the common ancestor when
    /// the file changes on disk while the coder has unsaved work, so the two can be
    /// merged three ways (`store::conflict::save_merging`). `None` when there was no
    /// file.
    pub base: Option<AnnotationFile>,
}

/// Why a save did not happen; the work stays in memory in every case.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    /// The file is read-only for this session.
    #[error("{path} is read-only: {reason}")]
    ReadOnly {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
    /// Someone else changed the file since we loaded it.
    #[error("{path} was changed on disk by another program; it was not overwritten")]
    ChangedOnDisk {
        /// The file.
        path: String,
    },
    /// The OS refused the write (permissions, disk full, ...).
    #[error("cannot write {path}: {reason}")]
    Io {
        /// The file.
        path: String,
        /// The OS error.
        reason: String,
    },
}

/// Loads `annotator`'s claims on `doc`, re-anchoring them to its current text. A
/// missing file gives an empty, editable set; a broken or newer one a read-only set.
pub fn load_annotations(entry: &DocumentEntry, annotator: &Annotator, doc: &Document) -> LoadedAnnotations {
    let path = entry.annotation_path(annotator);
    load_from_path(&path, &entry.id, annotator, doc)
}

/// [`load_annotations`] for an explicit file path.
pub fn load_from_path(path: &Path, doc_id: &str, annotator: &Annotator, doc: &Document) -> LoadedAnnotations {
    let empty = || AnnotationFile::new(doc_id, annotator.as_str(), &doc.sha256);
    if !path.exists() {
        return LoadedAnnotations {
            path: path.to_path_buf(),
            file: empty(),
            access: Access::Editable,
            report: ReanchorReport::default(),
            stamp: None,
            base: None,
        };
    }
    let shown = path.display().to_string();
    match read_annotation(&shown, path) {
        Ok((mut file, bytes)) => {
            let report = reanchor(&mut file, &doc.text);
            LoadedAnnotations {
                path: path.to_path_buf(),
                base: Some(file.clone()),
                file,
                access: Access::Editable,
                report,
                stamp: Some(DiskStamp::of(path, &bytes)),
            }
        }
        Err(err) => LoadedAnnotations {
            path: path.to_path_buf(),
            file: empty(),
            access: Access::ReadOnly(err),
            report: ReanchorReport::default(),
            stamp: None,
            base: None,
        },
    }
}

impl LoadedAnnotations {
    /// Whether writing is allowed.
    pub fn is_editable(&self) -> bool {
        self.access == Access::Editable
    }

    /// Whether the file on disk differs from what we loaded or last wrote.
    pub fn changed_on_disk(&self) -> bool {
        match &self.stamp {
            Some(stamp) => !stamp.still_matches(&self.path),
            None => self.path.exists() && self.is_editable(),
        }
    }
}

/// Refreshes the file's `actors` map from the registry for every source its claims
/// name, keeping names the registry lacks (a colleague's actors).
pub fn refresh_actor_names(file: &mut AnnotationFile, registry: &ActorRegistry) {
    let mut names = BTreeMap::new();
    for id in file.claims.iter().filter_map(|c| c.source.as_deref()) {
        let name = registry
            .get(id)
            .map(|a| a.name.clone())
            .or_else(|| file.actors.get(id).cloned())
            .unwrap_or_else(|| id.to_owned());
        names.insert(id.to_owned(), name);
    }
    file.actors = names;
}

/// Writes the annotations atomically unless that would clobber a file someone else
/// changed, or one that is read-only. On success the stamp is renewed.
pub fn save_annotations(
    loaded: &mut LoadedAnnotations,
    doc: &Document,
    registry: &ActorRegistry,
) -> Result<(), SaveError> {
    let shown = loaded.path.display().to_string();
    if let Access::ReadOnly(reason) = &loaded.access {
        return Err(SaveError::ReadOnly { path: shown, reason: reason.to_string() });
    }
    if loaded.changed_on_disk() {
        return Err(SaveError::ChangedOnDisk { path: shown });
    }
    prepare_for_writing(&mut loaded.file, doc, registry);
    let ron = to_ron(&loaded.file);
    write_atomic(&loaded.path, ron.as_bytes()).map_err(|e| SaveError::Io { path: shown, reason: e.to_string() })?;
    loaded.stamp = Some(DiskStamp::of(&loaded.path, ron.as_bytes()));
    loaded.base = Some(loaded.file.clone());
    Ok(())
}

/// What every write does first: the current text's hash, the actor names of the
/// registry, claims in the written order.
pub(crate) fn prepare_for_writing(file: &mut AnnotationFile, doc: &Document, registry: &ActorRegistry) {
    file.text_sha256 = doc.sha256.clone();
    refresh_actor_names(file, registry);
    file.sort_claims();
}
