//! `claimcoder suggest`: the suggester over a corpus, each document's suggestions
//! written as `<stem>.suggested.ron` (FORMAT.md section 4). Everything is checked
//! before anything is written; documents are read and suggested on every core and
//! the files written as one batch of atomic writes.

use std::path::PathBuf;

use super::Suggester;
use crate::model::corpus::{CorpusError, annotation_path};
use crate::model::{Annotator, Corpus, Document, DocumentEntry};
use crate::store::LoadError;
use crate::store::annotation_io::read_annotation;
use crate::store::atomic_batch::write_all_atomic;
use crate::store::project_io::load_project;
use crate::store::to_ron;

/// What to suggest.
#[derive(Clone, Debug)]
pub struct SuggestOptions {
    /// The corpus folder.
    pub corpus: PathBuf,
    /// Document ids to suggest for; empty: every document.
    pub documents: Vec<String>,
    /// Replace existing suggested files.
    pub force: bool,
}

/// What a run wrote.
#[derive(Clone, Debug, Default)]
pub struct SuggestSummary {
    /// Suggested files written.
    pub written: usize,
    /// Claims in them.
    pub claims: usize,
    /// Documents that could not be read (left out), one sentence each.
    pub unreadable: Vec<String>,
}

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum SuggestError {
    /// The corpus folder cannot be read.
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    /// `claimcoder.ron` is broken: its registry and cues are needed.
    #[error("{0}; fix it first, the suggester needs its actors and cues")]
    Project(LoadError),
    /// A `--document` the corpus does not have.
    #[error("no document {id} in the corpus{hint}")]
    UnknownDocument {
        /// The id given.
        id: String,
        /// `; did you mean ...?` or nothing.
        hint: String,
    },
    /// Suggested files that exist, without `--force`.
    #[error("{} suggested file(s) exist (first: {}); nothing written; replace them with --force", .0.len(), .0[0].display())]
    Exists(Vec<PathBuf>),
    /// An existing suggested file that does not read (broken, or from a newer
    /// program): even `--force` never overwrites what it cannot read.
    #[error("{0}; not replacing it even with --force: fix or remove it first")]
    Unreadable(LoadError),
    /// A write failed; files written before it are whole.
    #[error("cannot write {}: {error}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
}

/// Runs the suggester over the corpus and writes the suggested files.
pub fn suggest_corpus(opts: &SuggestOptions) -> Result<SuggestSummary, SuggestError> {
    let corpus = Corpus::scan(&opts.corpus)?;
    let project = load_project(&corpus.project_path()).map_err(SuggestError::Project)?;
    let entries = select(&corpus, &opts.documents)?;
    let suggested = Annotator::suggested();
    let existing: Vec<PathBuf> = entries
        .iter()
        .filter(|e| e.annotations.contains_key(&suggested))
        .map(|e| e.annotation_path(&suggested))
        .collect();
    if !opts.force && !existing.is_empty() {
        return Err(SuggestError::Exists(existing));
    }
    let suggester = Suggester::new(&project);
    // One pass on every core: an existing suggested file is read (it must read
    // before it may be replaced), then the document is suggested.
    let results = in_parallel(&entries, |entry| {
        let path = annotation_path(&entry.path, &suggested);
        if entry.annotations.contains_key(&suggested) {
            read_annotation(&path.display().to_string(), &path).map_err(Failure::Unreadable)?;
        }
        let document = Document::load(&entry.id, &entry.path).map_err(|e| Failure::Document(e.to_string()))?;
        let file = suggester.annotation(&document);
        let claims = file.claims.len();
        let text = to_ron(&file);
        Ok((path, text.into_bytes(), claims))
    });
    let mut summary = SuggestSummary::default();
    let mut files = Vec::with_capacity(results.len());
    let mut unreadable = None;
    for r in results {
        match r {
            Err(Failure::Unreadable(e)) => {
                unreadable.get_or_insert(e);
            }
            Err(Failure::Document(e)) => summary.unreadable.push(e),
            Ok((path, bytes, claims)) => {
                summary.claims += claims;
                files.push((path, bytes));
            }
        }
    }
    if let Some(e) = unreadable {
        return Err(SuggestError::Unreadable(e));
    }
    write_all_atomic(&files, &mut |_, _| {}).map_err(|(path, error)| SuggestError::Write { path, error })?;
    summary.written = files.len();
    Ok(summary)
}

/// The entries named (each must exist), or all.
fn select<'c>(corpus: &'c Corpus, ids: &[String]) -> Result<Vec<&'c DocumentEntry>, SuggestError> {
    if ids.is_empty() {
        return Ok(corpus.documents.iter().collect());
    }
    let mut out: Vec<&DocumentEntry> = Vec::new();
    for id in ids {
        let id = id.replace('\\', "/");
        match corpus.document(&id) {
            Some(e) if !out.iter().any(|o| o.id == e.id) => out.push(e),
            Some(_) => {}
            None => {
                let near = corpus
                    .documents
                    .iter()
                    .map(|d| (strsim::jaro_winkler(&id, &d.id), &d.id))
                    .filter(|(score, _)| *score > 0.85)
                    .max_by(|a, b| a.0.total_cmp(&b.0));
                let hint = near.map(|(_, d)| format!("; did you mean {d}?")).unwrap_or_default();
                return Err(SuggestError::UnknownDocument { id, hint });
            }
        }
    }
    Ok(out)
}

/// Why one document gave no suggested file.
enum Failure {
    /// Its existing suggested file does not read: nothing is written.
    Unreadable(LoadError),
    /// The document itself does not read: it is left out, one sentence.
    Document(String),
}

/// `work` on every entry, spread over the machine's cores, results in entry order.
fn in_parallel<T: Send>(
    entries: &[&DocumentEntry],
    work: impl Fn(&DocumentEntry) -> Result<T, Failure> + Sync,
) -> Vec<Result<T, Failure>> {
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).max(1);
    let chunk = entries.len().div_ceil(threads).max(1);
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = entries
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|e| work(e)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|_| vec![Err(Failure::Document("the suggester stopped on a document".to_owned()))])
            })
            .collect()
    })
}
