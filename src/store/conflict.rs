//! What happens when a save finds the file changed on disk (FORMAT.md section 3):
//! the outside version is read and merged with the coder's unsaved one claim by
//! claim ([`super::merge`]); where both changed the same claim the file keeps the
//! outside version and the coder's whole file is kept in a conflict copy beside it.
//!
//! Conflict copies are named `<file>.conflict-<UTC time to the microsecond>-<n>`
//! and created only if the name is free, so two copies never overwrite each other,
//! however fast they come. Their names do not end in `.ron`, so they are never read
//! as annotations; `check` and the app list them until the user deletes them.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::annotation_io::{LoadError, read_annotation, to_ron};
use super::merge::{Conflict, merge};
use super::session::{LoadedAnnotations, SaveError, prepare_for_writing, save_annotations};
use super::{DiskStamp, reanchor};
use crate::model::corpus::CONFLICT_MARK;
use crate::model::{ActorRegistry, AnnotationFile, ClaimId, Document};

/// How often a merge is redone when the file changes again while merging.
const MERGE_ATTEMPTS: usize = 5;

/// What a save that merged with an outside change did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Claims both sides changed; the file holds the outside version of each.
    pub conflicts: Vec<Conflict>,
    /// Where the coder's whole version was kept, when there were conflicts.
    pub copy: Option<PathBuf>,
    /// The coder's new claims that got a new id, `(old, new)`.
    pub renumbered: Vec<(ClaimId, ClaimId)>,
    /// Whether the file had changed on disk (else this was a plain save).
    pub merged: bool,
}

/// Saves `loaded`, merging with the file on disk when someone else changed it
/// since it was loaded or written. The merged file is written atomically and
/// becomes the new base; the coder's version is kept in a conflict copy when there
/// are conflicts. A file deleted on disk is written back with the coder's version;
/// a file that became unreadable is never overwritten: the coder's version goes to a
/// conflict copy and the error says why.
pub fn save_merging(
    loaded: &mut LoadedAnnotations,
    doc: &Document,
    registry: &ActorRegistry,
) -> Result<MergeReport, SaveError> {
    let shown = loaded.path.display().to_string();
    for _ in 0..MERGE_ATTEMPTS {
        if !loaded.path.exists() {
            loaded.stamp = None;
        }
        if !loaded.changed_on_disk() {
            save_annotations(loaded, doc, registry)?;
            return Ok(MergeReport::default());
        }
        let (mut theirs, bytes) = match read_annotation(&shown, &loaded.path) {
            Ok(read) => read,
            Err(e) => return Err(keep_aside_unmergeable(loaded, doc, registry, &e)),
        };
        let theirs_stamp = DiskStamp::of(&loaded.path, &bytes);
        reanchor(&mut theirs, &doc.text);
        let base = loaded.base.clone().unwrap_or_else(|| empty_like(&loaded.file));
        let merged = merge(&base, &loaded.file, &theirs);
        if !theirs_stamp.still_matches(&loaded.path) {
            continue;
        }
        let copy = if merged.conflicts.is_empty() {
            None
        } else {
            let mut ours = loaded.file.clone();
            prepare_for_writing(&mut ours, doc, registry);
            let text = to_ron(&ours);
            let copy = write_conflict_copy(&loaded.path, text.as_bytes())
                .map_err(|e| SaveError::Io { path: shown.clone(), reason: format!("conflict copy: {e}") })?;
            Some(copy)
        };
        loaded.file = merged.file;
        loaded.stamp = Some(theirs_stamp);
        save_annotations(loaded, doc, registry)?;
        return Ok(MergeReport { conflicts: merged.conflicts, copy, renumbered: merged.renumbered, merged: true });
    }
    Err(SaveError::ChangedOnDisk { path: shown })
}

/// The file on disk cannot be read any more: keep the coder's version in a copy,
/// make the session read-only, and say where the work is.
fn keep_aside_unmergeable(
    loaded: &mut LoadedAnnotations,
    doc: &Document,
    registry: &ActorRegistry,
    error: &LoadError,
) -> SaveError {
    let shown = loaded.path.display().to_string();
    let mut ours = loaded.file.clone();
    prepare_for_writing(&mut ours, doc, registry);
    let kept = write_conflict_copy(&loaded.path, to_ron(&ours).as_bytes());
    match kept {
        Ok(copy) => {
            loaded.access = super::Access::ReadOnly(error.clone());
            SaveError::ReadOnly { path: shown, reason: format!("{error}; your version is kept in {}", copy.display()) }
        }
        Err(e) => SaveError::Io { path: shown, reason: format!("{error}; and a copy of your work failed: {e}") },
    }
}

/// An empty file for the same document and annotator: the base when the file did
/// not exist at load.
fn empty_like(file: &AnnotationFile) -> AnnotationFile {
    let mut empty = AnnotationFile::new(&file.document, &file.annotator, &file.text_sha256);
    empty.modified = file.modified;
    empty
}

/// Writes `bytes` as a new conflict copy of `path` and returns its path. The name
/// carries the UTC time to the microsecond and a counter; it is taken only if free,
/// else the counter moves on, so no copy ever replaces another.
pub fn write_conflict_copy(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    static COUNTER: AtomicU64 = AtomicU64::new(1);
    let mut last = None;
    for _ in 0..1000 {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ");
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(format!("{CONFLICT_MARK}{stamp}-{n}"));
        let copy = path.with_file_name(name);
        match super::atomic::write_new(&copy, bytes) {
            Ok(()) => return Ok(copy),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free conflict copy name")))
}

/// The conflict copies of the annotation file at `path`, oldest first.
pub fn conflict_copies(path: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else { return Vec::new() };
    let prefix = format!("{}{CONFLICT_MARK}", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(if dir.as_os_str().is_empty() { Path::new(".") } else { dir }) else {
        return Vec::new();
    };
    let mut copies: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .collect();
    copies.sort();
    copies
}
