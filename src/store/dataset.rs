//! The whole coded corpus in memory, for the analyses that read every file at once
//! (agreement, export, statistics). Loading is spread over the machine's cores.

use std::collections::BTreeMap;
use std::path::Path;

use super::annotation_io::read_annotation;
use super::metadata_io::read_metadata;
use super::project_io::load_project;
use super::reanchor::{ReanchorReport, reanchor};
use crate::model::metadata::METADATA_FILE;
use crate::model::{AnnotationFile, Annotator, Corpus, Document, DocumentEntry, Metadata, Project};

/// One document with every selected annotator's file for it.
#[derive(Clone, Debug)]
pub struct CodedDocument {
    /// Where the document is.
    pub entry: DocumentEntry,
    /// Its text.
    pub document: Document,
    /// Each annotator's claims, re-anchored to the current text.
    pub files: BTreeMap<Annotator, AnnotationFile>,
    /// Spans that could not be re-anchored, per annotator (kept, but their offsets do
    /// not match the text).
    pub reports: BTreeMap<Annotator, ReanchorReport>,
}

/// A loaded corpus.
#[derive(Clone, Debug)]
pub struct Dataset {
    /// The scanned folder.
    pub corpus: Corpus,
    /// Codebook and actor registry.
    pub project: Project,
    /// Documents in id order (every document, coded or not).
    pub documents: Vec<CodedDocument>,
    /// Files that could not be read, each as one located sentence. Callers that
    /// must not produce partial results (export) refuse to go on when this is not empty.
    pub errors: Vec<String>,
    /// Document metadata from `documents.csv` (empty when there is none).
    pub metadata: Metadata,
    /// Why `documents.csv` could not be read at all; exports, which would silently
    /// lack its columns, refuse to go on. Analyses that do not use it carry on.
    pub metadata_error: Option<String>,
    /// Texts that could not be read but have no annotation files among those
    /// loaded: nothing coded is missing, so they are warned about, not refused.
    pub warnings: Vec<String>,
}

/// Why a dataset cannot be loaded at all.
#[derive(Debug, thiserror::Error)]
pub enum DatasetError {
    /// The corpus folder is missing or unreadable.
    #[error(transparent)]
    Corpus(#[from] crate::model::corpus::CorpusError),
}

impl Dataset {
    /// A document's headline from `documents.csv`, else its first line (as the
    /// coding list shows it).
    pub fn title(&self, doc: &CodedDocument) -> String {
        crate::model::metadata::document_title(self.metadata.get(&doc.entry.id), doc.document.text.as_str())
    }

    /// A document's date (`YYYY-MM-DD`) and outlet from `documents.csv`, those it has.
    pub fn date_and_outlet(&self, doc: &CodedDocument) -> Vec<String> {
        let meta = self.metadata.get(&doc.entry.id);
        let date = meta.and_then(|m| m.date()).map(|d| d.format("%Y-%m-%d").to_string());
        date.into_iter().chain(meta.and_then(|m| m.outlet()).map(str::to_owned)).collect()
    }

    /// Every annotator that has at least one file among the loaded documents.
    pub fn annotators(&self) -> Vec<Annotator> {
        let mut all: Vec<Annotator> = self.documents.iter().flat_map(|d| d.files.keys().cloned()).collect();
        all.sort();
        all.dedup();
        all
    }
}

/// Loads the corpus at `root` with the files of `annotators` (every annotator when
/// empty). Broken files are listed in [`Dataset::errors`], not fatal.
pub fn load_dataset(root: &Path, annotators: &[Annotator]) -> Result<Dataset, DatasetError> {
    load_dataset_where(root, &|a| annotators.is_empty() || annotators.contains(a))
}

/// Loads the corpus at `root` with the files of the annotators `keep` accepts, so
/// that a file left out (a broken `suggested` file when suggestions are not asked
/// for) neither counts nor blocks.
pub fn load_dataset_where(root: &Path, keep: &(dyn Fn(&Annotator) -> bool + Sync)) -> Result<Dataset, DatasetError> {
    let corpus = Corpus::scan(root)?;
    let mut errors = Vec::new();
    let project = match load_project(&corpus.project_path()) {
        Ok(p) => p,
        Err(e) => {
            errors.push(e.to_string());
            Project::builtin()
        }
    };
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).max(1);
    let chunk = corpus.documents.len().div_ceil(threads).max(1);
    let results: Vec<Loaded> = std::thread::scope(|scope| {
        let handles: Vec<_> =
            corpus.documents.chunks(chunk).map(|entries| scope.spawn(move || load_chunk(entries, keep))).collect();
        handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
    });
    let mut documents = Vec::with_capacity(corpus.documents.len());
    let mut warnings = Vec::new();
    for chunk in results {
        documents.extend(chunk.documents);
        errors.extend(chunk.errors);
        warnings.extend(chunk.warnings);
    }
    let (metadata, metadata_error) = match read_metadata(&corpus.root.join(METADATA_FILE)) {
        Ok((m, _)) => (m, None),
        Err(e) => (Metadata::default(), Some(e.to_string())),
    };
    Ok(Dataset { corpus, project, documents, errors, warnings, metadata, metadata_error })
}

/// What one thread loaded.
#[derive(Default)]
struct Loaded {
    documents: Vec<CodedDocument>,
    errors: Vec<String>,
    warnings: Vec<String>,
}

fn load_chunk(entries: &[DocumentEntry], keep: &(dyn Fn(&Annotator) -> bool + Sync)) -> Loaded {
    let mut out = Loaded { documents: Vec::with_capacity(entries.len()), ..Loaded::default() };
    for entry in entries {
        let document = match Document::load(&entry.id, &entry.path) {
            Ok(d) => d,
            Err(e) if entry.annotations.keys().any(keep) => {
                out.errors.push(e.to_string());
                continue;
            }
            Err(e) => {
                out.warnings.push(format!("{e} (it has no annotation files; left out)"));
                continue;
            }
        };
        let mut files = BTreeMap::new();
        let mut reports = BTreeMap::new();
        for (annotator, path) in &entry.annotations {
            if !keep(annotator) {
                continue;
            }
            match read_annotation(&path.display().to_string(), path) {
                Ok((mut file, _)) => {
                    let report = reanchor(&mut file, &document.text);
                    reports.insert(annotator.clone(), report);
                    files.insert(annotator.clone(), file);
                }
                Err(e) => out.errors.push(e.located()),
            }
        }
        out.documents.push(CodedDocument { entry: entry.clone(), document, files, reports });
    }
    out
}
