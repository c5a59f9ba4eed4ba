//! `import-brat`: brat standoff annotations become annotation files.
//!
//! Every `.ann` under the brat folder is matched to a corpus document, parsed and
//! checked in full before anything is written; a single error writes nothing. Either
//! all files are one annotator's (`--annotator`, matched by relative path), or each
//! `<stem>_<name>.ann` is annotator `<name>`'s file for `<stem>.txt`
//! (`--annotator-from-suffix`), the layout of multi-annotator attribution corpora.
//! Actors named by `N ... Actors:<id>` lines that the corpus registry lacks are kept
//! in the file's `actors` map and listed in the summary: the shared `claimcoder.ron`
//! is left for the user to curate in the app.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::brat_claims::{ClaimContext, Findings, build_claims};
use super::brat_conf::BratTypes;
use super::brat_parse::parse_ann;
use crate::model::corpus::annotation_path;
use crate::model::{AnnotationFile, Annotator, Corpus, Document};
use crate::store::atomic_batch::write_all_atomic;
use crate::store::project_io::load_project;
use crate::store::to_ron;

pub use super::brat_parse::LineIssue;

/// What to import into one annotator's files (the File > Import dialog's choice).
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// Folder holding the `.ann` files (e.g. `<export>/alice`).
    pub brat_dir: PathBuf,
    /// The corpus folder.
    pub corpus: PathBuf,
    /// Whose annotation files to write.
    pub annotator: Annotator,
    /// Replace existing annotation files of that annotator.
    pub force: bool,
}

/// Whose files an import writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportAnnotators {
    /// Every `.ann` is this annotator's, for the document at the same relative path.
    Named(Annotator),
    /// `<stem>_<name>.ann` is annotator `<name>`'s (lower-cased) file for `<stem>.txt`.
    FromSuffix,
}

/// Every choice of `import-brat`.
#[derive(Clone, Debug)]
pub struct BratImportOptions {
    /// Folder holding the `.ann` files.
    pub brat_dir: PathBuf,
    /// The corpus folder.
    pub corpus: PathBuf,
    /// Whose files.
    pub annotators: ImportAnnotators,
    /// Kind (id or label) of an event whose type names no kind; `None`: the codebook's first.
    pub default_kind: Option<String>,
    /// Replace existing annotation files.
    pub force: bool,
}

impl From<&ImportOptions> for BratImportOptions {
    fn from(o: &ImportOptions) -> Self {
        Self {
            brat_dir: o.brat_dir.clone(),
            corpus: o.corpus.clone(),
            annotators: ImportAnnotators::Named(o.annotator.clone()),
            default_kind: None,
            force: o.force,
        }
    }
}

/// What an import wrote.
#[derive(Clone, Debug, Default)]
pub struct ImportSummary {
    /// Annotation files written.
    pub written: Vec<PathBuf>,
    /// Claims imported.
    pub claims: usize,
    /// Files and claims per annotator.
    pub annotators: BTreeMap<String, (usize, usize)>,
    /// Lines that were read but have no place in a claim, each with file and line.
    pub unmapped: Vec<LineIssue>,
    /// Lines read in spite of a flaw (a text-bound's text spilling over lines).
    pub repaired: Vec<LineIssue>,
    /// Actors (id, name) not in the corpus registry, kept only in the files.
    pub new_actors: BTreeMap<String, String>,
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The corpus, its project file or the brat folder cannot be read.
    #[error("{0}")]
    Unreadable(String),
    /// An option does not fit the corpus (an unknown `--default-kind`).
    #[error("{0}")]
    Usage(String),
    /// Lines or files that cannot be imported; each names its file and line.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<LineIssue>),
    /// Writing an annotation file failed (files written before it are whole).
    #[error("cannot write {path}: {reason}")]
    Write {
        /// The file.
        path: String,
        /// The OS error.
        reason: String,
    },
}

/// Imports every `.ann` under `opts.brat_dir` into one annotator's files.
pub fn import_brat(opts: &ImportOptions) -> Result<ImportSummary, ImportError> {
    import_brat_with(&opts.into())
}

/// One `.ann` matched to its document and annotator.
struct AnnFile {
    /// As the user named it, for messages.
    shown: String,
    path: PathBuf,
    /// Document id in the corpus.
    doc_id: String,
    annotator: Annotator,
}

/// Imports every `.ann` under `opts.brat_dir` as `opts` says.
pub fn import_brat_with(opts: &BratImportOptions) -> Result<ImportSummary, ImportError> {
    let corpus = Corpus::scan(&opts.corpus).map_err(|e| ImportError::Unreadable(e.to_string()))?;
    let project = load_project(&corpus.project_path()).map_err(|e| ImportError::Unreadable(e.to_string()))?;
    let codebook = project.codebook();
    let types = BratTypes::new(&codebook, []);
    let default_kind = match &opts.default_kind {
        Some(k) => types.kind_of(k).map(str::to_owned).ok_or_else(|| {
            let known: Vec<&str> = codebook.kinds.iter().map(|k| k.id.as_str()).collect();
            ImportError::Usage(format!("--default-kind {k:?} is not a kind of the codebook ({})", known.join(", ")))
        })?,
        None => codebook.kinds.first().map(|k| k.id.clone()).unwrap_or_default(),
    };
    let cx = ClaimContext { types: &types, default_kind: &default_kind, project: &project };
    let mut issues = Vec::new();
    let files = match_files(&ann_files(&opts.brat_dir)?, &opts.annotators, &mut issues);
    let mut summary = ImportSummary::default();
    let mut planned: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut texts: HashMap<String, Option<Document>> = HashMap::new();
    let mut targets: HashMap<PathBuf, String> = HashMap::new();
    for ann in &files {
        let issue = |line: usize, message: String| LineIssue { file: ann.shown.clone(), line, message };
        let Some(entry) = corpus.document(&ann.doc_id) else {
            issues.push(issue(0, format!("the corpus has no document {} to attach these annotations to", ann.doc_id)));
            continue;
        };
        let target = annotation_path(&entry.path, &ann.annotator);
        if let Some(other) = targets.insert(target.clone(), ann.shown.clone()) {
            issues.push(issue(0, format!("{other} is also {}'s file for {}", ann.annotator, ann.doc_id)));
            continue;
        }
        if target.exists() && !opts.force {
            issues.push(issue(0, format!("{} already exists; not overwriting it without --force", target.display())));
            continue;
        }
        let document = texts.entry(entry.id.clone()).or_insert_with(|| match Document::load(&entry.id, &entry.path) {
            Ok(d) => Some(d),
            Err(e) => {
                issues.push(LineIssue { file: ann.shown.clone(), line: 0, message: e.to_string() });
                None
            }
        });
        let Some(document) = document.as_ref() else { continue };
        if opts.annotators == ImportAnnotators::FromSuffix
            && let Some(problem) = beside_text_differs(ann, document)
        {
            issues.push(issue(0, problem));
            continue;
        }
        let content = match std::fs::read(&ann.path).map(|b| String::from_utf8(b).map_err(|e| e.utf8_error())) {
            Ok(Ok(c)) => c,
            Ok(Err(e)) => {
                issues.push(issue(0, format!("not valid UTF-8 at byte {}", e.valid_up_to())));
                continue;
            }
            Err(e) => {
                issues.push(issue(0, format!("cannot read: {e}")));
                continue;
            }
        };
        let content = content.strip_prefix('\u{feff}').unwrap_or(&content);
        let parsed = parse_ann(content, &document.text, &types);
        let mut file = AnnotationFile::new(&entry.id, ann.annotator.as_str(), &document.sha256);
        let mut found = Findings::default();
        build_claims(&parsed, document, &cx, &mut file, &mut found);
        summary.new_actors.append(&mut found.new_actors);
        issues.extend(parsed.errors.iter().chain(&found.errors).map(|(l, m)| issue(*l, m.clone())));
        let mut unmapped: Vec<(usize, String)> = parsed.unmapped.iter().cloned().chain(found.unmapped).collect();
        unmapped.sort();
        summary.unmapped.extend(unmapped.into_iter().map(|(l, m)| issue(l, m)));
        summary.repaired.extend(parsed.repaired.iter().map(|(l, m)| issue(*l, m.clone())));
        summary.claims += file.claims.len();
        let tally = summary.annotators.entry(ann.annotator.to_string()).or_default();
        tally.0 += 1;
        tally.1 += file.claims.len();
        planned.push((target, to_ron(&file).into_bytes()));
    }
    if !issues.is_empty() {
        return Err(ImportError::Invalid(issues));
    }
    write_all_atomic(&planned, &mut |_, _| {})
        .map_err(|(path, e)| ImportError::Write { path: path.display().to_string(), reason: e.to_string() })?;
    summary.written = planned.into_iter().map(|(p, _)| p).collect();
    Ok(summary)
}

/// Each `.ann` with its document and annotator; a name that gives no annotator is
/// pushed to `issues`.
fn match_files(anns: &[(String, PathBuf)], who: &ImportAnnotators, issues: &mut Vec<LineIssue>) -> Vec<AnnFile> {
    let mut out = Vec::new();
    for (rel, path) in anns {
        let shown = path.display().to_string();
        let stem = rel.strip_suffix(".ann").unwrap_or(rel);
        let (doc_stem, annotator) = match who {
            ImportAnnotators::Named(a) => (stem, a.clone()),
            ImportAnnotators::FromSuffix => {
                let Some((doc_stem, name)) = stem.rsplit_once('_').filter(|(s, n)| !n.contains('/') && !s.is_empty())
                else {
                    issues.push(LineIssue {
                        file: shown,
                        line: 0,
                        message: "the file name does not end in _<annotator>.ann".to_owned(),
                    });
                    continue;
                };
                match Annotator::parse(&name.to_lowercase()) {
                    Ok(a) => (doc_stem, a),
                    Err(e) => {
                        issues.push(LineIssue {
                            file: shown,
                            line: 0,
                            message: format!("annotator {:?} from the file name: {e}", name.to_lowercase()),
                        });
                        continue;
                    }
                }
            }
        };
        out.push(AnnFile { shown, path: path.clone(), doc_id: format!("{doc_stem}.txt"), annotator });
    }
    out
}

/// With `--annotator-from-suffix` the texts come from the corpus; a `<stem>.txt`
/// beside the `.ann` must be the same text, or the offsets would point elsewhere.
fn beside_text_differs(ann: &AnnFile, document: &Document) -> Option<String> {
    let name = ann.doc_id.rsplit('/').next().unwrap_or(&ann.doc_id);
    let beside = ann.path.with_file_name(name);
    let bytes = std::fs::read(&beside).ok()?;
    match Document::from_bytes(&ann.doc_id, &bytes) {
        Ok(d) if d.text.as_str() == document.text.as_str() => None,
        _ => Some(format!(
            "{} differs from the corpus text {}; the annotations would not fit it",
            beside.display(),
            ann.doc_id
        )),
    }
}

/// Every `.ann` under `dir` (hidden folders skipped), as (relative path with `/`, path).
fn ann_files(dir: &Path) -> Result<Vec<(String, PathBuf)>, ImportError> {
    if !dir.is_dir() {
        return Err(ImportError::Unreadable(format!("brat folder {} does not exist", dir.display())));
    }
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| ImportError::Unreadable(format!("cannot read {}: {e}", dir.display())))?;
        let path = entry.path();
        if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "ann") {
            let rel = path.strip_prefix(dir).unwrap_or(path);
            let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            out.push((rel, path.to_path_buf()));
        }
    }
    if out.is_empty() {
        return Err(ImportError::Unreadable(format!(
            "{} holds no .ann files (pass the folder of one annotator, e.g. <export>/alice)",
            dir.display()
        )));
    }
    Ok(out)
}
