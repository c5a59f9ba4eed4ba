//! `import-brat`: brat standoff annotations become one annotator's annotation files.
//!
//! Every `.ann` under the brat folder is matched to the corpus document with the
//! same relative path and stem, parsed and checked in full before anything is
//! written; a single error writes nothing. Actors named by `N ... Actors:<id>` lines
//! that the corpus registry lacks are kept in the file's `actors` map and listed in
//! the summary: the shared `claimcoder.ron` is left for the user to curate in the app.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use super::brat_conf::BratTypes;
use super::brat_parse::{Link, ParsedAnn, Role, TextBound, parse_ann};
use crate::model::actor::id_from_name;
use crate::model::corpus::annotation_path;
use crate::model::{AnnotationFile, Annotator, Claim, Corpus, Document, Project, Span, is_valid_id};
use crate::store::project_io::load_project;
use crate::store::{to_ron, write_atomic};

pub use super::brat_parse::LineIssue;

/// What to import.
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

/// What an import wrote.
#[derive(Clone, Debug, Default)]
pub struct ImportSummary {
    /// Annotation files written.
    pub written: Vec<PathBuf>,
    /// Claims imported.
    pub claims: usize,
    /// Lines that were read but have no place in a claim, each with file and line.
    pub unmapped: Vec<LineIssue>,
    /// Actors (id, name) not in the corpus registry, kept only in the files.
    pub new_actors: BTreeMap<String, String>,
}

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The corpus, its project file or the brat folder cannot be read.
    #[error("{0}")]
    Unreadable(String),
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

/// Imports every `.ann` under `opts.brat_dir` into the corpus.
pub fn import_brat(opts: &ImportOptions) -> Result<ImportSummary, ImportError> {
    let corpus = Corpus::scan(&opts.corpus).map_err(|e| ImportError::Unreadable(e.to_string()))?;
    let project = load_project(&corpus.project_path()).map_err(|e| ImportError::Unreadable(e.to_string()))?;
    let types = BratTypes::new(&project.codebook(), []);
    let anns = ann_files(&opts.brat_dir)?;
    let mut summary = ImportSummary::default();
    let mut issues = Vec::new();
    let mut planned: Vec<(PathBuf, String)> = Vec::new();
    for (rel, path) in &anns {
        let shown = path.display().to_string();
        let issue = |line: usize, message: String| LineIssue { file: shown.clone(), line, message };
        let doc_id = format!("{}.txt", rel.strip_suffix(".ann").unwrap_or(rel));
        let Some(entry) = corpus.document(&doc_id) else {
            issues.push(issue(0, format!("the corpus has no document {doc_id} to attach these annotations to")));
            continue;
        };
        let target = annotation_path(&entry.path, &opts.annotator);
        if target.exists() && !opts.force {
            issues.push(issue(0, format!("{} already exists; not overwriting it without --force", target.display())));
            continue;
        }
        let document = match Document::load(&entry.id, &entry.path) {
            Ok(d) => d,
            Err(e) => {
                issues.push(issue(0, e.to_string()));
                continue;
            }
        };
        let content = match std::fs::read(path).map(|b| String::from_utf8(b).map_err(|e| e.utf8_error())) {
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
        let mut file = AnnotationFile::new(&entry.id, opts.annotator.as_str(), &document.sha256);
        let (mut errors, mut unmapped) = (Vec::new(), Vec::new());
        build_claims(&parsed, &document, &project, &mut file, &mut errors, &mut unmapped, &mut summary.new_actors);
        issues.extend(parsed.errors.iter().chain(&errors).map(|(l, m)| issue(*l, m.clone())));
        unmapped.extend(parsed.unmapped.iter().cloned());
        unmapped.sort();
        summary.unmapped.extend(unmapped.into_iter().map(|(l, m)| issue(l, m)));
        summary.claims += file.claims.len();
        planned.push((target, to_ron(&file)));
    }
    if !issues.is_empty() {
        return Err(ImportError::Invalid(issues));
    }
    for (path, ron) in planned {
        write_atomic(&path, ron.as_bytes())
            .map_err(|e| ImportError::Write { path: path.display().to_string(), reason: e.to_string() })?;
        summary.written.push(path);
    }
    Ok(summary)
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

/// Turns the parsed lines into claims of `file`, pushing broken references to
/// `errors`, lines with no place in a claim to `unmapped` and unknown actors to
/// `new_actors`.
fn build_claims(
    parsed: &ParsedAnn,
    doc: &Document,
    project: &Project,
    file: &mut AnnotationFile,
    errors: &mut Vec<(usize, String)>,
    unmapped: &mut Vec<(usize, String)>,
    new_actors: &mut BTreeMap<String, String>,
) {
    let span =
        |tb: &TextBound| Span { start: tb.start, end: tb.end, quote: doc.text.slice(tb.start, tb.end).to_owned() };
    let mut claim_tbs: Vec<(&String, &TextBound, &String)> = parsed
        .textbounds
        .iter()
        .filter_map(|(id, tb)| match &tb.role {
            Role::Claim(kind) => Some((id, tb, kind)),
            _ => None,
        })
        .collect();
    claim_tbs.sort_by_key(|(id, tb, _)| (tb.start, tb.end, id.trim_start_matches('T').parse::<u64>().unwrap_or(0)));
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (id, tb, kind) in &claim_tbs {
        let claim_id = file.take_claim_id();
        let mut claim = Claim::new(claim_id, kind, span(tb));
        if let Some(offsets) = &tb.discontinuous {
            claim.note = format!("brat discontinuous span {offsets} imported as its covering span");
        }
        index.insert(id.as_str(), file.claims.len());
        file.claims.push(claim);
    }
    let mut linked: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut links: Vec<&(usize, Link)> = parsed.links.iter().collect();
    links.sort_by_key(|(_, l)| !matches!(l, Link::Relation { .. }));
    for (line, link) in links {
        let target_of = |t: &str| parsed.textbounds.get(t);
        match link {
            Link::Relation { role, claim, target } => {
                let (Some(&ci), Some(tb)) = (index.get(claim.as_str()), target_of(target)) else {
                    errors.push((*line, format!("relation refers to {claim} or {target}, which is not a claim here")));
                    continue;
                };
                if &tb.role != role {
                    errors.push((*line, format!("{target} is not a {role:?} annotation")));
                    continue;
                }
                let c = &mut file.claims[ci];
                let slot = if *role == Role::Source { &mut c.source_mention } else { &mut c.cue };
                if slot.is_some() {
                    unmapped.push((*line, format!("{claim} already has a {role:?}; this one is not imported")));
                    continue;
                }
                *slot = Some(span(tb));
                linked.entry(target.as_str()).or_default().push(ci);
            }
            Link::Actor { target, id, name } => {
                let claims = match index.get(target.as_str()) {
                    Some(&ci) => vec![ci],
                    None => linked.get(target.as_str()).cloned().unwrap_or_default(),
                };
                if claims.is_empty() {
                    errors.push((*line, format!("{target} is neither a claim nor a linked Source annotation")));
                    continue;
                }
                let actor = resolve_actor(id, name, project, file, new_actors);
                for ci in claims {
                    file.claims[ci].source = Some(actor.clone());
                }
            }
            Link::Note { target, text } => match index.get(target.as_str()) {
                Some(&ci) => {
                    let c = &mut file.claims[ci];
                    c.note = if c.note.is_empty() { text.clone() } else { format!("{}; {}", text, c.note) };
                }
                None => errors.push((*line, format!("note on {target}, which is not a claim"))),
            },
        }
    }
    for (id, tb) in &parsed.textbounds {
        if !matches!(tb.role, Role::Claim(_)) && !linked.contains_key(id.as_str()) {
            unmapped.push((tb.line, format!("`{id}` not imported: no Source or Cue relation links it to a claim")));
        }
    }
    file.next_id = file.claims.len() as u64 + 1;
}

/// The actor id to store: the brat id when valid (else one made from the name),
/// named from the registry, else from the `N` line.
fn resolve_actor(
    id: &str,
    name: &str,
    project: &Project,
    file: &mut AnnotationFile,
    new_actors: &mut BTreeMap<String, String>,
) -> String {
    let id = if is_valid_id(id) { id.to_owned() } else { id_from_name(if name.is_empty() { id } else { name }) };
    let shown = match project.actors.get(&id) {
        Some(a) => a.name.clone(),
        None => {
            let n = if name.is_empty() { id.clone() } else { name.to_owned() };
            new_actors.insert(id.clone(), n.clone());
            n
        }
    };
    file.actors.insert(id.clone(), shown);
    id
}
