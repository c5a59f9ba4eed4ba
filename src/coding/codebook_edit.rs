//! Saving an edited codebook from the app (FORMAT.md section 7, "Editing the
//! codebook"): validated first, refused while `claimcoder.ron` cannot be written,
//! orphaned values mapped in every annotation file as one batch, then written to
//! `claimcoder.ron` as one undo step of the open document's history (the codebook
//! and the open document's claims go back together; files of other documents keep
//! their mapped values, which the codebook then allows again or `check` reports).

use super::workspace::Workspace;
use crate::model::{Codebook, CodebookError, Place, Remap, RemapError, ReservedKey, Usage, orphans};
use crate::store::codebook_usage::{RemapReport, RemapWriteError, remap_files, scan_usage};

/// Why an edited codebook was not saved; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum CodebookSaveError {
    /// The codebook has a problem (the first one; the editor shows each at its row).
    #[error("the codebook is not saved: {1}")]
    Invalid(Place, CodebookError),
    /// `claimcoder.ron` is broken, newer, or changed by another program.
    #[error("{0}")]
    ProjectUnwritable(String),
    /// An orphaned value has no (or a bad) decision.
    #[error(transparent)]
    Unmapped(#[from] RemapError),
    /// Mapping the annotation files failed before any was changed.
    #[error(transparent)]
    Mapping(#[from] RemapWriteError),
    /// The annotation files were mapped but `claimcoder.ron` could not be written.
    #[error("{0}")]
    ProjectWrite(String),
}

impl Workspace {
    /// What the corpus's claims use: the files on disk, with the open document's
    /// claims as they are in memory (saved or not).
    pub fn codebook_usage(&self) -> Usage {
        let open = self.open.as_ref().filter(|o| o.loaded.is_editable());
        let mut usage = scan_usage(&self.corpus, open.map(|o| o.loaded.path.as_path()));
        if let Some(open) = open {
            usage.add_file(&open.loaded.file);
        }
        usage
    }

    /// Replaces the codebook's kinds and fields with `codebook`, mapping the claims
    /// whose values it no longer allows as `remap` says; `reserved` are the letters
    /// kind keys must avoid. Returns what was mapped (the open document's claims
    /// included). On error nothing is written.
    pub fn save_codebook(
        &mut self,
        codebook: Codebook,
        remap: &Remap,
        reserved: &[ReservedKey],
    ) -> Result<RemapReport, CodebookSaveError> {
        if let Some((place, error)) = codebook.validate(reserved).into_iter().next() {
            return Err(CodebookSaveError::Invalid(place, error));
        }
        if let Some(why) = self.project_unwritable() {
            return Err(CodebookSaveError::ProjectUnwritable(why));
        }
        let old = self.project.codebook();
        if codebook == old {
            return Ok(RemapReport::default());
        }
        self.save_now();
        let usage = self.codebook_usage();
        let orphaned = orphans(&old, &codebook, &usage);
        remap.check(&old, &codebook, &orphaned)?;
        let relevant = Remap(
            remap
                .0
                .iter()
                .filter(|(o, _)| orphaned.iter().any(|(x, _)| x == *o))
                .map(|(o, m)| (o.clone(), m.clone()))
                .collect(),
        );
        let skip = self.open.as_ref().filter(|o| o.loaded.is_editable()).map(|o| o.loaded.path.clone());
        let mut report = remap_files(&self.corpus, &relevant, skip.as_deref())?;
        report.unreadable = usage.unreadable;
        match self.open.as_mut().filter(|o| o.loaded.is_editable()) {
            Some(open) => {
                let before = open.snapshot(&self.project);
                let mapped = relevant.apply_file(&mut open.loaded.file);
                if mapped > 0 {
                    report.claims += mapped;
                    report.files += 1;
                }
                self.project.kinds = codebook.kinds;
                self.project.fields = codebook.fields;
                open.undo.record(before, None);
                self.changed();
                self.save_now();
            }
            None => {
                self.project.kinds = codebook.kinds;
                self.project.fields = codebook.fields;
            }
        }
        self.write_project().map_err(CodebookSaveError::ProjectWrite)?;
        Ok(report)
    }
}
