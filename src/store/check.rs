//! `claimcoder check`: every problem in a corpus, each located as `path:line:col`,
//! so that a user (or CI) can fix files before coding or exporting.

use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use super::annotation_io::{LoadError, read_annotation};
use super::metadata_io::{MetadataError, check_metadata};
use super::project_io::load_project;
use super::reanchor::{reanchor, span_holds};
use crate::model::corpus::PROJECT_FILE;
use crate::model::metadata::METADATA_FILE;
use crate::model::{Codebook, Corpus, Document, DocumentError, Project, is_valid_id};

/// One problem, printed as `path:line:col: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// File path as the user named the corpus, plus the file's relative path.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// One sentence.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.path, self.line, self.col, self.message)
    }
}

/// Checks every file of the corpus at `root` (shown with `root` as the user typed
/// it), and lists every file the scan left out of the corpus; problems come sorted
/// by file, then line and column.
pub fn check_corpus(root: &Path, corpus: &Corpus) -> Vec<Problem> {
    let mut problems = Vec::new();
    let shown = |rel: &str| root.join(rel).display().to_string();
    let project = match load_project(&corpus.project_path()) {
        Ok(p) => {
            for message in p.problems() {
                problems.push(Problem { path: shown(PROJECT_FILE), line: 1, col: 1, message });
            }
            p
        }
        Err(e) => {
            problems.push(from_load_error(&shown(PROJECT_FILE), &e));
            Project::builtin()
        }
    };
    let codebook = project.codebook();
    for entry in &corpus.documents {
        let doc = match Document::load(&entry.id, &entry.path) {
            Ok(d) => d,
            Err(e) => {
                problems.push(document_problem(&shown(&entry.id), &entry.path, &e));
                continue;
            }
        };
        for (annotator, path) in &entry.annotations {
            let rel = path.strip_prefix(&corpus.root).unwrap_or(path).to_string_lossy().replace('\\', "/");
            let file_shown = shown(&rel);
            match read_annotation(&file_shown, path) {
                Err(e) => problems.push(from_load_error(&file_shown, &e)),
                Ok((file, bytes)) => {
                    let text = String::from_utf8_lossy(&bytes);
                    check_file(
                        &file_shown,
                        &text,
                        &file,
                        annotator.as_str(),
                        &entry.id,
                        &doc,
                        &codebook,
                        &mut problems,
                    );
                }
            }
        }
    }
    for left in &corpus.left_out {
        let rel = left.path.strip_prefix(&corpus.root).unwrap_or(&left.path).to_string_lossy().replace('\\', "/");
        problems.push(Problem { path: shown(&rel), line: 1, col: 1, message: left.reason.message() });
    }
    problems.extend(metadata_problems(&shown(METADATA_FILE), corpus));
    problems.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    problems
}

/// The problems of `documents.csv` (FORMAT.md section 1), shown as `shown`.
fn metadata_problems(shown: &str, corpus: &Corpus) -> Vec<Problem> {
    let problem = |line, col, message| Problem { path: shown.to_owned(), line, col, message };
    match check_metadata(&corpus.root.join(METADATA_FILE), corpus) {
        Ok(issues) => issues.into_iter().map(|i| problem(i.line, i.col, i.message)).collect(),
        Err(e) => {
            let (line, col) = e.location();
            let message = match e {
                MetadataError::NotUtf8 { .. } => "not valid UTF-8; no document metadata is shown".to_owned(),
                MetadataError::NoDocumentColumn { .. } => {
                    "the header has no `document` column; no document metadata is shown".to_owned()
                }
                MetadataError::Unreadable { reason, .. } => format!("cannot read: {reason}"),
                MetadataError::Syntax { reason, .. } => reason,
            };
            vec![problem(line, col, message)]
        }
    }
}

/// The line and column of the first line containing `needle`, for pointing at a claim.
fn locate(text: &str, needle: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        if let Some(col) = line.find(needle) {
            return (i + 1, line[..col].chars().count() + 1);
        }
    }
    (1, 1)
}

#[allow(clippy::too_many_arguments)]
fn check_file(
    path: &str,
    raw: &str,
    file: &crate::model::AnnotationFile,
    annotator: &str,
    doc_id: &str,
    doc: &Document,
    codebook: &Codebook,
    out: &mut Vec<Problem>,
) {
    let mut push =
        |(line, col): (usize, usize), message: String| out.push(Problem { path: path.to_owned(), line, col, message });
    if file.annotator != annotator {
        push(
            locate(raw, "annotator:"),
            format!("annotator is `{}` but the file name says `{annotator}`", file.annotator),
        );
    }
    if file.document != doc_id {
        push(locate(raw, "document:"), format!("document is `{}` but the file sits beside `{doc_id}`", file.document));
    }
    let mut ids = HashSet::new();
    for claim in &file.claims {
        let at = locate(raw, &format!("id: {},", claim.id));
        if !ids.insert(claim.id) {
            push(at, format!("claim id {} is used twice", claim.id));
        }
        if codebook.kind(&claim.kind).is_none() {
            push(at, format!("claim {} has kind `{}`, which the codebook does not define", claim.id, claim.kind));
        }
        if let Some(source) = &claim.source
            && !is_valid_id(source)
        {
            push(at, format!("claim {} names source `{source}`, which is not a valid actor id", claim.id));
        }
        for problem in codebook.field_value_problems(&claim.fields) {
            push(at, format!("claim {} {problem}; the value is kept", claim.id));
        }
        for (role, span) in claim.spans() {
            if span.start >= span.end {
                push(
                    at,
                    format!("claim {} {} is empty or reversed ({}..{})", claim.id, role.field(), span.start, span.end),
                );
            }
            if span.is_whitespace_only() {
                push(
                    at,
                    format!(
                        "claim {} {} is only whitespace ({}..{}, {:?}); code the words themselves",
                        claim.id,
                        role.field(),
                        span.start,
                        span.end,
                        span.quote
                    ),
                );
            }
        }
    }
    let mut copy = file.clone();
    let report = reanchor(&mut copy, &doc.text);
    let stale = file.text_sha256 != doc.sha256;
    for m in &report.moved {
        push(
            locate(raw, &format!("id: {},", m.claim)),
            format!(
                "claim {} {} no longer matches the text at {}; its quote is found at {} (open the document to re-anchor)",
                m.claim,
                m.role.field(),
                m.from,
                m.to
            ),
        );
    }
    for (id, role) in &report.orphaned {
        let at = locate(raw, &format!("id: {id},"));
        let span = file.claim(*id).and_then(|c| c.spans().find(|(r, _)| r == role).map(|(_, s)| s.clone()));
        let detail = span.map(|s| format!(" ({}..{}, {:?})", s.start, s.end, s.quote)).unwrap_or_default();
        push(at, format!("claim {id} {} is orphaned: its quote is no longer in the text{detail}", role.field()));
    }
    if stale && report.is_clean() && file.claims.iter().all(|c| c.spans().all(|(_, s)| span_holds(&doc.text, s))) {
        push(
            locate(raw, "text_sha256:"),
            "the document changed since this file was written; every claim still matches".to_owned(),
        );
    }
}

fn from_load_error(path: &str, e: &LoadError) -> Problem {
    let (line, col, message) = match e {
        LoadError::Syntax { line, col, reason, .. } => (*line, *col, reason.clone()),
        LoadError::NotUtf8 { line, col, .. } => (*line, *col, "not valid UTF-8".to_owned()),
        LoadError::NewerFormat { found, .. } => {
            (1, 1, format!("format {found} is newer than this program understands; it is read-only here"))
        }
        LoadError::Unreadable { reason, .. } => (1, 1, format!("cannot read: {reason}")),
    };
    Problem { path: path.to_owned(), line, col, message }
}

fn document_problem(shown: &str, path: &Path, e: &DocumentError) -> Problem {
    match e {
        DocumentError::NotUtf8 { byte, .. } => {
            let bytes = std::fs::read(path).unwrap_or_default();
            let good = &bytes[..(*byte).min(bytes.len())];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let start = good.iter().rposition(|&b| b == b'\n').map(|i| i + 1).unwrap_or(0);
            let col = String::from_utf8_lossy(&good[start..]).chars().count() + 1;
            Problem { path: shown.to_owned(), line, col, message: format!("not valid UTF-8 at byte {byte}") }
        }
        DocumentError::Unreadable { reason, .. } => {
            Problem { path: shown.to_owned(), line: 1, col: 1, message: format!("cannot read: {reason}") }
        }
    }
}
