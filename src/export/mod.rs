//! Datasets leaving and entering the app (FORMAT.md section 6): one export entry
//! point shared by the command line and the File > Export dialog, the brat import,
//! and corpus statistics.
//!
//! Every export offset is checked against the text before it is written: a claim
//! whose spans no longer match (an orphan of re-anchoring) is left out and listed in
//! [`ExportSummary::skipped`], because a dataset whose offsets do not give back the
//! quote would silently corrupt every downstream analysis.

mod bio;
mod brat;
mod brat_claims;
mod brat_conf;
mod brat_fields;
mod brat_parse;
mod csv;
pub mod field_stats;
pub mod import_brat;
pub mod import_corpus;
mod jsonl;
mod output;
pub mod stats;

use std::fmt;
use std::path::PathBuf;

use crate::model::claim::SpanRole;
use crate::model::{AnnotationFile, Annotator, Claim, ClaimId, Status};
use crate::store::reanchor::span_holds;
use crate::store::{CodedDocument, Dataset};

pub use brat_conf::brat_type_name;
pub use import_brat::{
    BratImportOptions, ImportAnnotators, ImportError, ImportOptions, ImportSummary, import_brat, import_brat_with,
};
pub use stats::{CorpusStats, corpus_stats};

/// The export formats of FORMAT.md section 6.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One CSV file, a row per claim.
    Csv,
    /// One JSON-lines file, a line per document per annotator.
    Jsonl,
    /// A brat standoff folder.
    Brat,
    /// One file of token tags (CoNLL style) for training sequence taggers.
    Bio,
}

/// What to export and where; the GUI dialog and the CLI fill the same struct so
/// both behave identically.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// Output format.
    pub format: Format,
    /// Annotators to include; empty means every annotator but `suggested` (a
    /// program's proposals are not a coding), `gold` included.
    pub annotators: Vec<Annotator>,
    /// Only files whose status is `Done`, so unfinished coding stays out of a dataset.
    pub only_done: bool,
    /// The file (csv, jsonl) or folder (brat) to create.
    pub out: PathBuf,
    /// Replace an existing output instead of refusing.
    pub force: bool,
}

/// A claim left out of the export because one of its spans no longer matches the
/// text; the user repairs it in the app and exports again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedClaim {
    /// Document id.
    pub document: String,
    /// Whose claim.
    pub annotator: String,
    /// The claim's id in its file.
    pub claim: ClaimId,
    /// The first span that does not match (`content`, `source_mention`, `cue`).
    pub role: &'static str,
}

impl fmt::Display for SkippedClaim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}): claim {} left out, its {} no longer matches the text (repair it in the app)",
            self.document, self.annotator, self.claim, self.role
        )
    }
}

/// What an export wrote, for the confirmation message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// The file or folder written.
    pub out: PathBuf,
    /// Annotation files exported (one per document per annotator).
    pub files: usize,
    /// Distinct documents among them.
    pub documents: usize,
    /// Claims written.
    pub claims: usize,
    /// Claims left out because their offsets no longer match the text.
    pub skipped: Vec<SkippedClaim>,
    /// Other things left out, each one sentence naming document, annotator and claim
    /// (brat: spans of whitespace only).
    pub warnings: Vec<String>,
}

/// Why an export wrote nothing; each message is one sentence naming the file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// An annotation or project file could not be read; a partial dataset would
    /// look complete, so nothing is exported.
    #[error("{0} (fix it, or see `claimcoder check`, before exporting)")]
    BrokenFile(String),
    /// The output exists and overwriting was not asked for.
    #[error("{path} already exists; not overwriting it without --force")]
    Exists {
        /// The output path.
        path: String,
    },
    /// The operating system refused a write.
    #[error("cannot write {path}: {reason}")]
    Io {
        /// The file or folder.
        path: String,
        /// The OS error.
        reason: String,
    },
}

/// One annotator's file on one document, with the claims that will be exported.
pub(crate) struct Unit<'a> {
    /// The document and its text.
    pub doc: &'a CodedDocument,
    /// Whose file.
    pub annotator: &'a Annotator,
    /// The file, for status and actor names.
    pub file: &'a AnnotationFile,
    /// Claims whose spans all match the text, by content start then id.
    pub claims: Vec<&'a Claim>,
}

/// Writes `dataset` as `opts` asks, calling `progress(done, total)` after each
/// annotation file so a GUI can show a bar. Nothing is written when the dataset has
/// broken files, and the output appears whole or not at all.
pub fn export(
    dataset: &Dataset,
    opts: &ExportOptions,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<ExportSummary, ExportError> {
    if let Some(first) = dataset.errors.first().or(dataset.metadata_error.as_ref()) {
        return Err(ExportError::BrokenFile(first.clone()));
    }
    let mut skipped = Vec::new();
    let units = select(dataset, opts, &mut skipped);
    let mut summary = ExportSummary {
        out: opts.out.clone(),
        files: units.len(),
        documents: count_documents(&units),
        claims: units.iter().map(|u| u.claims.len()).sum(),
        skipped,
        warnings: Vec::new(),
    };
    if opts.format == Format::Brat {
        let (warnings, left_out) = brat::whitespace_only(&units);
        summary.warnings = warnings;
        summary.claims -= left_out;
    }
    match opts.format {
        Format::Csv => output::write_file(&opts.out, opts.force, |w| csv::write(w, dataset, &units, progress))?,
        Format::Jsonl => output::write_file(&opts.out, opts.force, |w| jsonl::write(w, dataset, &units, progress))?,
        Format::Brat => output::write_dir(&opts.out, opts.force, |dir| brat::write(dir, dataset, &units, progress))?,
        Format::Bio => {
            let mut not_whole = Vec::new();
            output::write_file(&opts.out, opts.force, |w| {
                not_whole = bio::write(w, dataset, &units, progress)?;
                Ok(())
            })?;
            if let Some(first) = not_whole.first() {
                let n = not_whole.len();
                summary.warnings.push(format!(
                    "{n} {} could not be represented whole in token tags (overlapping a claim that starts earlier, \
                     or covering no token), e.g. {first}",
                    if n == 1 { "claim" } else { "claims" }
                ));
            }
        }
    }
    summary.out = opts.out.clone();
    Ok(summary)
}

fn count_documents(units: &[Unit<'_>]) -> usize {
    let mut n = 0;
    let mut last: Option<&str> = None;
    for u in units {
        if last != Some(u.doc.entry.id.as_str()) {
            n += 1;
            last = Some(&u.doc.entry.id);
        }
    }
    n
}

/// The files to export, in document then annotator order, with orphaned claims
/// moved to `skipped`.
fn select<'a>(dataset: &'a Dataset, opts: &ExportOptions, skipped: &mut Vec<SkippedClaim>) -> Vec<Unit<'a>> {
    let mut units = Vec::new();
    for doc in &dataset.documents {
        for (annotator, file) in &doc.files {
            let chosen = if opts.annotators.is_empty() {
                !annotator.is_suggested()
            } else {
                opts.annotators.contains(annotator)
            };
            if !chosen {
                continue;
            }
            if opts.only_done && file.status != Status::Done {
                continue;
            }
            let mut claims: Vec<&Claim> = Vec::with_capacity(file.claims.len());
            for claim in &file.claims {
                match claim.spans().find(|(_, s)| !span_holds(&doc.document.text, s)) {
                    None => claims.push(claim),
                    Some((role, _)) => skipped.push(SkippedClaim {
                        document: doc.entry.id.clone(),
                        annotator: annotator.to_string(),
                        claim: claim.id,
                        role: SpanRole::field(role),
                    }),
                }
            }
            claims.sort_by_key(|c| (c.content.start, c.id));
            units.push(Unit { doc, annotator, file, claims });
        }
    }
    units
}

/// The display name of actor `id`: the corpus registry first, then the names the
/// annotation file carries (a colleague's actor the registry lacks).
pub(crate) fn source_name<'a>(dataset: &'a Dataset, file: &'a AnnotationFile, id: &str) -> Option<&'a str> {
    dataset.project.actors.get(id).map(|a| a.name.as_str()).or_else(|| file.actors.get(id).map(String::as_str))
}

/// The claim field ids an export has columns or attributes for: the codebook's
/// fields in codebook order, then ids only the exported claims use, sorted, so no
/// value is left out of a dataset because the codebook lacks its field.
pub(crate) fn field_ids<'a>(dataset: &'a Dataset, units: &[Unit<'a>]) -> Vec<&'a str> {
    let fields = &dataset.project.fields;
    let mut ids: Vec<&'a str> = fields.iter().map(|f| f.id.as_str()).collect();
    let extra: std::collections::BTreeSet<&'a str> = units
        .iter()
        .flat_map(|u| u.claims.iter().flat_map(|c| c.fields.keys().map(String::as_str)))
        .filter(|id| !fields.iter().any(|f| f.id == *id))
        .collect();
    ids.extend(extra);
    ids
}

/// A timestamp as the files store it (RFC 3339, seconds, `Z`).
pub(crate) fn rfc3339(t: &crate::model::time::Timestamp) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
